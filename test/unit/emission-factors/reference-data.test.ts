import { describe, expect, it } from "vitest";
import * as data from "#questionnaires/emission-factors";
import { segmentIds } from "#questionnaires/segments";

describe("questionnaires/emission-factors — reference data (validated by zod at load)", () => {
  it("has the 10 activity units of the contract, with unique aliases", () => {
    expect(data.activityUnits.map((u) => u.id)).toEqual(["unit", "k€", "kWh", "user.month", "user.year", "GB", "GB.month", "device.year", "hour", "km"]);
    expect(data.activityUnits.filter((u) => u.monetary).map((u) => u.id)).toEqual(["k€"]);
    expect(data.activityUnitByToken.get(data.normaliseUnitToken("Équipement / an"))).toBe("device.year");
    expect(data.massUnits.map((m) => [m.id, m.toKg])).toEqual([
      ["g", 0.001],
      ["kg", 1],
      ["t", 1000],
    ]);
  });

  it("has the six methods, ranked, and the two accounting bases", () => {
    expect([...data.methods.map((m) => m.id)].sort()).toEqual([...data.methodIds].sort());
    expect(data.methods.map((m) => m.qualityRank)).toEqual([1, 1, 1, 2, 3, 4]);
    expect(data.accountingBases.map((a) => a.id)).toEqual(["location-based", "market-based"]);
  });

  it("has the 15 GHG Protocol scope 3 categories in French and English", () => {
    expect(data.ghgCategories).toHaveLength(15);
    expect(data.getGhgCategory(1)).toMatchObject({ labelFr: "Achats de biens et services", labelEn: "Purchased goods and services" });
    expect(data.getGhgCategory(15)?.labelEn).toBe("Investments");
    expect(data.getGhgCategory(16)).toBeUndefined();
  });

  it("default reference ratios are illustrative, sourced, dated, and keyed by segment, category or NAF", () => {
    const keys = data.defaultReferenceRatios.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of data.defaultReferenceRatios) {
      expect(r.illustrative).toBe(true);
      // A demo set: each value says it is to verify, or that it has no source at all (NAF 26, 63.11).
      expect(r.source).toMatch(/à vérifier|NON SOURCÉE/);
      expect(r.year).toBe(2023);
      expect((segmentIds as readonly string[]).includes(r.key) || /^categorie-\d+$/.test(r.key) || r.key.startsWith("naf-")).toBe(true);
    }
    expect(data.defaultReferenceRatios.find((r) => r.key === "prestations-intellectuelles")?.kgPerKEur).toBe(75);
    // NAF 26 and 63.11 have their own (demo) ratios instead of borrowing another sector's.
    for (const key of ["naf-26", "postes-de-travail", "infrastructures-datacenter"]) expect(data.defaultReferenceRatios.find((r) => r.key === key)?.label).toMatch(/NAF 26/);
    for (const key of ["naf-63-11", "hebergement-cloud"]) expect(data.defaultReferenceRatios.find((r) => r.key === key)?.label).toMatch(/NAF 63\.11/);
    expect(data.defaultReferenceRatios.find((r) => r.key === "categorie-2")).toMatchObject({ kgPerKEur: 273, ghgCategory: 2 });
  });

  it("the quality rule sums to 100 points and its grades decrease to 0", () => {
    const m = data.qualityRule.maxPoints;
    expect(m.method + m.verification + m.age + m.uncertainty).toBe(100);
    expect(data.qualityRule.grades.map((g) => g.grade).join("")).toBe("ABCDE");
    expect(data.qualityRuleSchema.safeParse({ ...data.qualityRule, maxPoints: { ...m, age: 30 } }).success).toBe(false);
  });
});
