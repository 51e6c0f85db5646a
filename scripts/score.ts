/**
 * `npm run score -- path/to/input.json`: scores a tender with the NR Procure method (scoring/).
 * Prints the result JSON on stdout (exit 0); advice that does not block (e.g. an environmental
 * criterion below 10 % of the mark in a public tender) also goes to stderr, prefixed "Avertissement".
 * Invalid input (including the public-regime rules of law), unreadable file or invalid JSON: every
 * problem in French on stderr, with its JSON path (exit 2).
 */
import { readFileSync } from "node:fs";
import { score, ScoringInputError } from "#scoring";

const EXIT_INVALID = 2;

function fail(lines: string[]): void {
  process.stderr.write(`${lines.join("\n")}\n`);
  // exitCode rather than exit(): let stdout/stderr flush when piped.
  process.exitCode = EXIT_INVALID;
}

function main(args: string[]): void {
  const path = args.find((a) => a !== "--");
  if (path === undefined) {
    fail(["Usage : npm run score -- chemin/vers/entree.json", "Aucun fichier d'entrée indiqué."]);
    return;
  }
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "fichier introuvable" : code === "EISDIR" ? "c'est un dossier" : String(code ?? e);
    fail([`Impossible de lire le fichier « ${path} » : ${reason}.`]);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    fail([`Le fichier « ${path} » n'est pas un JSON valide (détail technique : ${(e as Error).message}).`]);
    return;
  }
  let result;
  try {
    // One call validates and scores, reading each answer once.
    result = score(json);
  } catch (e) {
    if (!(e instanceof ScoringInputError)) throw e;
    const n = e.issues.length;
    fail([
      `Données de notation invalides dans « ${path} » (${n} problème${n > 1 ? "s" : ""}) :`,
      ...e.issues.map((i) => `- ${i.path || "(racine)"} : ${i.message}`),
    ]);
    return;
  }
  for (const w of result.warnings ?? []) process.stderr.write(`Avertissement — ${w.path || "(racine)"} : ${w.message}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main(process.argv.slice(2));
