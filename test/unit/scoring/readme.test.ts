import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { score } from "#scoring";
import { readFixture, ROOT } from "./helpers";

// The portal embeds the French section (heading to the English heading) in the tender's NR annex.
describe("scoring/README.md", () => {
  const text = readFileSync(`${ROOT}scoring/README.md`, "utf8");
  const start = text.indexOf("\n## Méthode de notation (français)\n");
  const end = text.indexOf("\n## Scoring method (English)\n");
  const french = text.slice(start, end);
  /** Wrapped lines joined, for phrases that span a line break. */
  const oneLine = french.replace(/\s+/g, " ");

  it("has the French section first, then the English one, with no level-2 heading in between", () => {
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(french.split("\n").filter((l) => l.startsWith("## "))).toHaveLength(1);
  });

  it("states the published rules", () => {
    for (const rule of [
      "(niveau − 1) / 4 × 100",
      "100 × prix le plus bas / prix de l'offre",
      "100 × (prix le plus élevé − prix de l'offre) / (prix le plus élevé −",
      "(P × note du prix + T × note technique + R × note RSE) / 100",
      "R ≤ 30",
    ]) {
      expect(french).toContain(rule);
    }
  });

  it("has a worked example that matches the library on the example fixture", () => {
    const r = score(readFixture("example-input.json"));
    const fr = (n: number) => String(n).replace(".", ",");
    for (const s of r.suppliers) expect(french).toContain(`${s.rank} ${s.id} (${fr(s.total)})`);
    expect(french).toContain(`${fr(r.winnerChangesAtRseShare!)} %`);
  });

  it("states the lawful-award rules, the offer formulas and the bill of quantities, with their sources", () => {
    for (const rule of [
      "Q = R − somme des parts des critères d'offre",
      "100 × min / v",
      "100 × (max − v) / (max − min)",
      "100 × v / max",
      "100 × (v − min) / (max − min)",
      "(somme des k × note du critère d'offre + Q × note du questionnaire) / R",
      "quantité estimée × prix unitaire",
      "quantité estimée × facteur d'émission",
      "montant de la ligne en k€ HT × ratio monétaire de référence",
      "21 août 2026",
      "L2152-7",
      "n° 417580",
      "DAE, INR, DINUM",
      "10 %",
    ]) {
      expect(oneLine).toContain(rule);
    }
  });

  it("has a worked public example that matches the library on the public lawful fixture", () => {
    const r = score(readFixture("public-lawful-input.json"));
    const fr = (n: number) => String(n).replace(".", ",");
    expect(oneLine).toContain(r.suppliers.map((s) => `${s.rank} ${s.id} (${fr(s.total)})`).join(", "));
    expect(oneLine).toContain(`inférieure à ${fr(r.winnerChangesAtRseShare!)} %`);
    const acme = r.suppliers.find((s) => s.id === "acme")!;
    for (const n of [acme.rseScore, acme.questionnaireScore!, ...Object.values(acme.offerScores!)]) expect(oneLine).toContain(fr(n));
  });
});
