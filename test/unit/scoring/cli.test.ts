import { spawnSync } from "node:child_process";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./helpers";

function run(...args: string[]) {
  return spawnSync("npx", ["tsx", "scripts/score.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("CLI scripts/score.ts", { timeout: 90_000 }, () => {
  it("scores the example fixture: JSON on stdout, exit 0", () => {
    const r = run(`${FIXTURES}example-input.json`);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { suppliers: { id: string; rank: number }[]; winnerChangesAtRseShare: number | null };
    expect(out.suppliers.map((s) => [s.id, s.rank])).toEqual([
      ["cyclade", 1],
      ["borealis", 2],
      ["acme", 3],
    ]);
    expect(out.winnerChangesAtRseShare).toBe(17.86);
  });

  it("reports every problem of an invalid file in French with its path, exit 2", () => {
    const r = run(`${FIXTURES}invalid-input.json`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Données de notation invalides");
    expect(r.stderr).toContain("5 problèmes");
    expect(r.stderr).toMatch(/- suppliers\[0\]\.answers\.G1 : Réponse invalide : niveau de maturité entier de 1 à 5/);
    expect(r.stderr).toMatch(/- shares\.rse : La part RSE ne peut pas dépasser 30 %/);
    expect(r.stderr).toMatch(/- suppliers\[0\]\.answers\.II1 : La question « II1 » n'existe pas/);
  });

  it("exits 2 with a French message for a missing file, invalid JSON, or no argument", () => {
    const missing = run("does-not-exist.json");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Impossible de lire le fichier « does-not-exist\.json » : fichier introuvable/);

    const dir = mkdtempSync(join(tmpdir(), "nr-score-"));
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ pas du json");
    const invalidJson = run(bad);
    expect(invalidJson.status).toBe(2);
    expect(invalidJson.stderr).toMatch(/n'est pas un JSON valide/);

    const none = run();
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Usage : npm run score -- chemin/);
  });
});
