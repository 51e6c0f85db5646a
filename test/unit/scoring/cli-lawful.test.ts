import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, ROOT } from "./helpers";

function run(...args: string[]) {
  return spawnSync("npx", ["tsx", "scripts/score.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("CLI scripts/score.ts — lawful-award contract", { timeout: 90_000 }, () => {
  it("scores the public lawful fixture (exit 0) with the contract's fields", () => {
    const r = run(`${FIXTURES}public-lawful-input.json`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { suppliers: { id: string; total: number; offerScores: Record<string, number> }[]; provisional: boolean };
    expect(out.suppliers.map((s) => [s.id, s.total])).toEqual([
      ["acme", 82.79],
      ["cyclade", 79.83],
      ["borealis", 74.3],
    ]);
    expect(out.suppliers[0]!.offerScores).toEqual({ "empreinte-offre": 61.29, "garantie-annees": 100 });
    expect(out.provisional).toBe(false);
  });

  it("scores the private fixture (weighted organisation questions are free) and marks it provisional", () => {
    const r = run(`${FIXTURES}private-input.json`);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { suppliers: { id: string; rank: number; unreviewed: unknown }[]; provisional: boolean };
    expect(out.suppliers.map((s) => [s.id, s.rank])).toEqual([
      ["epsilon", 1],
      ["delta", 2],
    ]);
    expect(out.provisional).toBe(true);
    expect(out.suppliers[0]!.unreviewed).toEqual({ answers: ["GOUV-02", "FDV-01"], offerValues: ["energie-annuelle-kwh"] });
  });

  it("refuses an unlawful public tender: exit 2, every rule in French with its source", () => {
    const r = run(`${FIXTURES}public-unlawful-input.json`);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("(3 problèmes)");
    expect(r.stderr).toMatch(/- offerCriteria : Consultation publique lancée le 15\/09\/2026.*L2152-7/);
    expect(r.stderr).toMatch(/- questions\[0\] : La question « GOUV-01 » évalue la politique générale.*Nantes Métropole, n° 417580/);
    expect(r.stderr).toMatch(/- questions : Dans un marché public, la part du questionnaire \(15 points/);
  });

  it("prints warnings on stderr and still exits 0", () => {
    const input = JSON.parse(readFileSync(`${FIXTURES}public-lawful-input.json`, "utf8")) as { offerCriteria: { share: number }[] };
    input.offerCriteria[0]!.share = 6;
    const dir = mkdtempSync(join(tmpdir(), "nr-score-"));
    const file = join(dir, "warn.json");
    writeFileSync(file, JSON.stringify(input));
    const r = run(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Avertissement — offerCriteria : Les critères d'offre environnementaux pèsent 6 % de la note.*au moins 10 %/);
    expect((JSON.parse(r.stdout) as { warnings: unknown[] }).warnings).toHaveLength(1);
  });
});
