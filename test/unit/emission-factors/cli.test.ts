import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, fixturePath } from "./helpers";

function run(...args: string[]) {
  return spawnSync("npx", ["tsx", "scripts/factors-check.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("CLI scripts/factors-check.ts", { timeout: 90_000 }, () => {
  it("exit 0 and the JSON report when every row is valid", () => {
    const r = run(fixturePath("utf8-bom.csv"));
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ rows: 3, valid: 3, errors: [], warnings: [] });
  });

  it("exit 1 with every error (line, column, message) when some rows are not valid", () => {
    const r = run("--", fixturePath("quoted.csv"));
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      rows: 3,
      valid: 2,
      errors: [{ line: 7, column: "valeur", message: "« -3 » n'est pas un nombre positif" }],
      warnings: [],
    });
  });

  it("exit 2 with a French message on stderr for an unreadable or missing file", () => {
    const pdf = run(fixturePath("fake.pdf"));
    expect(pdf.status).toBe(2);
    expect(pdf.stdout).toBe("");
    expect(pdf.stderr).toContain("Fichier illisible comme CSV : Le fichier est un PDF, pas un fichier CSV.");
    const missing = run("absent.csv");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Fichier introuvable : « absent.csv ».");
    expect(run().status).toBe(2);
  });
});
