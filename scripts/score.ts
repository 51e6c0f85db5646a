/**
 * `npm run score -- path/to/input.json`: scores a tender with the NR Procure method (scoring/).
 * Prints the result JSON on stdout (exit 0). Invalid input, unreadable file or invalid JSON: every
 * problem in French on stderr, with its JSON path (exit 2).
 */
import { readFileSync } from "node:fs";
import { parseScoringInput, scoreParsed } from "../scoring";

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
  const parsed = parseScoringInput(json);
  if (!parsed.success) {
    const n = parsed.issues.length;
    fail([
      `Données de notation invalides dans « ${path} » (${n} problème${n > 1 ? "s" : ""}) :`,
      ...parsed.issues.map((i) => `- ${i.path || "(racine)"} : ${i.message}`),
    ]);
    return;
  }
  process.stdout.write(`${JSON.stringify(scoreParsed(parsed.data), null, 2)}\n`);
}

main(process.argv.slice(2));
