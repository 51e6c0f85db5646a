import { describe, expect, it } from "vitest";
import { defaultReferenceRatios } from "#questionnaires/emission-factors/reference-ratios";
import { findReferenceRatio, plausibilityOf } from "#emission-factors/plausibility";
import { qualityOf } from "#emission-factors/quality";

describe("qualityOf", () => {
  it("a verified, recent ISO 14067 footprint at ± 10 % scores 100 (A)", () => {
    const q = qualityOf({ method: "iso14067", verifiedBy: "Bureau Exemple", referenceYear: 2025, uncertaintyPct: 10 }, 2026);
    expect(q).toEqual({
      score: 100,
      grade: "A",
      reasons: [
        "méthode « Empreinte carbone de produit (ISO 14067) » : 40/40 points",
        "vérifié par un tiers (Bureau Exemple) : 20/20 points",
        "données 2025 (de 1 an) : 25/25 points",
        "incertitude de 10 % : 15/15 points",
      ],
    });
  });

  it("a 4-year-old monetary ratio at ± 50 % scores 25 (E)", () => {
    const q = qualityOf({ method: "monetary-ratio", verifiedBy: null, referenceYear: 2022, uncertaintyPct: 50 }, 2026);
    expect(q.score).toBe(5 + 0 + 15 + 5);
    expect(q.grade).toBe("E");
    expect(q.reasons).toContain("pas de vérification par un tiers : 0/20 points");
  });

  it.each([
    ["lca-iso14040", null, 2024, 15, 40 + 0 + 25 + 10, "B"],
    ["pcr-ademe", "X", 2020, 30, 30 + 20 + 5 + 10, "B"],
    ["other", null, 2026, null, 15 + 0 + 25 + 0, "D"],
    ["ghg-product", null, 2010, 60, 40 + 0 + 0 + 0, "D"],
    ["other", null, 2012, null, 15, "E"],
    ["lca-iso14040", "Y", 2023, 25, 40 + 20 + 15 + 10, "A"],
    ["iso14067", null, 2021, 5.5, 40 + 0 + 15 + 15, "B"],
    ["pcr-ademe", null, 2025, 45, 30 + 0 + 25 + 5, "C"],
  ] as const)("%s, verified %s, %d, ± %s %% → %d (%s)", (method, verifiedBy, referenceYear, uncertaintyPct, score, grade) => {
    expect(qualityOf({ method, verifiedBy, referenceYear, uncertaintyPct }, 2026)).toMatchObject({ score, grade });
  });

  it("words age and uncertainty in French", () => {
    const q = qualityOf({ method: "other", verifiedBy: null, referenceYear: 2026, uncertaintyPct: null }, 2026);
    expect(q.reasons).toContain("données 2026 (de l'année) : 25/25 points");
    expect(q.reasons).toContain("incertitude non renseignée : 0/15 points");
    expect(qualityOf({ method: "other", verifiedBy: null, referenceYear: 2020, uncertaintyPct: 12.5 }, 2026).reasons).toContain(
      "incertitude de 12,5 % : 10/15 points",
    );
  });
});

describe("plausibilityOf", () => {
  const perKEur = (segment: string, valueKgPerUnit: number, ghgCategory: number | null = 1) =>
    ({ segment, ghgCategory, activityUnit: "k€", valueKgPerUnit }) as const;

  it("compares a per-k€ factor with the reference ratio of its segment", () => {
    const p = plausibilityOf(perKEur("prestations-intellectuelles", 95));
    expect(p.flagged).toBe(false);
    expect(p.ratio).toBeCloseTo(95 / 75);
    expect(p.reference?.key).toBe("prestations-intellectuelles");
    expect(p.message).toBe(
      "1,27 fois le ratio de référence « Programmation, conseil et autres activités informatiques ; services d'information » (75 kgCO2e/k€, 2023)",
    );
  });

  it("flags a factor more than 10 times above or below the reference", () => {
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 751))).toMatchObject({ flagged: true });
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 750))).toMatchObject({ flagged: false });
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 7.4))).toMatchObject({ flagged: true });
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 7.5))).toMatchObject({ flagged: false });
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 0))).toMatchObject({ flagged: true, ratio: 0 });
    expect(plausibilityOf(perKEur("prestations-intellectuelles", 7.4)).message).toMatch(/^10,1 fois moins que le ratio de référence .* : écart de plus d'un facteur 10, à vérifier$/);
  });

  it("falls back on the ratio of the GHG category, then on nothing", () => {
    expect(plausibilityOf(perKEur("matériel divers", 300, 2)).reference?.key).toBe("categorie-2");
    expect(plausibilityOf(perKEur("matériel divers", 300, 1))).toEqual({
      flagged: false,
      ratio: null,
      reference: null,
      message: "aucun ratio monétaire de référence pour ce segment ni cette catégorie",
    });
  });

  it("does not compare physical factors (per kWh, per unit…)", () => {
    const p = plausibilityOf({ segment: "postes-de-travail", ghgCategory: 2, activityUnit: "unit", valueKgPerUnit: 1e6 });
    expect(p).toMatchObject({ flagged: false, ratio: null });
    expect(p.reference?.key).toBe("postes-de-travail");
  });

  it("accepts edited ratios (e.g. rows of the reference_ratios table) and a custom threshold", () => {
    const ratios = [{ key: "logiciels-saas", label: "SaaS (ratio RSE)", kgPerKEur: 20, ghgCategory: null, source: "RSE", year: 2025 }];
    expect(plausibilityOf(perKEur("Logiciels et SaaS", 90), ratios, { threshold: 3 })).toMatchObject({ flagged: true, ratio: 4.5 });
    expect(findReferenceRatio({ segment: "logiciels-saas", ghgCategory: null }, defaultReferenceRatios)?.kgPerKEur).toBe(75);
  });
});
