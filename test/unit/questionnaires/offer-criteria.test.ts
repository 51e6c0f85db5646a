import { describe, expect, it } from "vitest";
import { activityUnitByToken, normaliseUnitToken } from "#questionnaires/emission-factors";
import {
  OFFER_FOOTPRINT_CRITERION_ID,
  formatOfferUnit,
  getOfferCriterion,
  offerCatalogueSchema,
  offerCriteria,
  offerCriteriaFor,
  offerCriterionLabel,
  offerCriterionSchema,
  scoringDefaults,
  type OfferCriterionInput,
} from "#questionnaires/offer-criteria";
import { offerCriteriaData } from "#questionnaires/offer-criteria/data";
import { segmentIds } from "#questionnaires/segments";

/** Reference notes that exist in shared/reference/ (see its README). */
const REFERENCE_FILES = [
  "clausier-numerique-ecoresponsable.md",
  "emission-factors.md",
  "from-the-source-documents.md",
  "inr-maturity-guide.md",
  "lawful-award-criteria.md",
  "maturity-scales.md",
  "public-procurement-weighting.md",
  "purchasing-segments-and-clauses.md",
];

describe("offer-criteria catalogue", () => {
  it("loads, validated and frozen, with unique ids", () => {
    expect(offerCatalogueSchema.safeParse(offerCriteriaData).success).toBe(true);
    expect(Object.isFrozen(offerCriteria)).toBe(true);
    const ids = offerCriteria.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("offers empreinte-offre (kgCO2e, lower is better, environmental) in every segment", () => {
    const footprint = getOfferCriterion(OFFER_FOOTPRINT_CRITERION_ID);
    expect(footprint).toMatchObject({ segments: "all", direction: "lower-is-better", environmental: true, suggestedMethod: "linear" });
    expect(formatOfferUnit(footprint!.unit)).toBe("kgCO2e");
    for (const segment of segmentIds) expect(offerCriteriaFor(segment).map((c) => c.id), segment).toContain(OFFER_FOOTPRINT_CRITERION_ID);
  });

  it("gives every segment at least one environmental criterion beyond the universal footprint", () => {
    for (const segment of segmentIds) {
      const own = offerCriteriaFor(segment).filter((c) => c.segments !== "all" && c.environmental);
      expect(own.length, segment).toBeGreaterThanOrEqual(1);
    }
  });

  it("covers the examples of issue 11 with their units", () => {
    const unitOf = (id: string) => formatOfferUnit(getOfferCriterion(id)!.unit);
    expect(unitOf("empreinte-equipement")).toBe("kgCO2e/unité");
    expect(unitOf("consommation-energie-annuelle")).toBe("kWh/an");
    expect(unitOf("duree-garantie")).toBe("années");
    expect(unitOf("duree-pieces-detachees")).toBe("années");
    expect(unitOf("part-reconditionne")).toBe("%");
    expect(unitOf("empreinte-utilisateur-mois")).toBe("kgCO2e/utilisateur.mois");
    expect(getOfferCriterion("duree-garantie")?.direction).toBe("higher-is-better");
    expect(offerCriterionLabel(getOfferCriterion("empreinte-offre")!)).toBe("Empreinte carbone de l'offre (kgCO2e)");
  });

  it("writes CO2e units the emission-factor importer understands", () => {
    for (const c of offerCriteria) {
      if (c.unit.kind !== "co2e" || c.unit.per === null) continue;
      const per = formatOfferUnit(c.unit).split("/")[1] ?? "";
      expect(activityUnitByToken.get(normaliseUnitToken(per)), c.id).toBe(c.unit.per);
    }
  });

  it("cites an existing reference note and a public guide for each criterion", () => {
    for (const c of offerCriteria) {
      const file = /^shared\/reference\/([a-z0-9-]+\.md) §/.exec(c.source.reference)?.[1];
      expect(REFERENCE_FILES, c.id).toContain(file);
      expect(c.source.publicGuide.length, c.id).toBeGreaterThan(10);
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
    }
  });

  it("never suggests a proportional « lower is better » method where a value can be 0 (issue 11 §1.3)", () => {
    for (const c of offerCriteria) {
      if (c.direction === "lower-is-better" && c.suggestedMethod === "ratio") {
        expect(["co2e", "energy", "power", "ratio", "water-per-energy"], c.id).toContain(c.unit.kind);
      }
    }
    const bad: OfferCriterionInput = { ...offerCriteriaData[0]!, id: "essai", unit: { kind: "percent" }, suggestedMethod: "ratio" };
    const result = offerCriterionSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/strictement positives/);
  });

  it("rejects a duplicate id and an unknown segment", () => {
    const duplicate = offerCatalogueSchema.safeParse([offerCriteriaData[0], offerCriteriaData[0]]);
    expect(duplicate.error?.issues[0]?.message).toMatch(/en double/);
    expect(offerCriterionSchema.safeParse({ ...offerCriteriaData[1]!, segments: ["inconnu"] }).success).toBe(false);
  });

  it("marks social characteristics as not environmental", () => {
    expect(getOfferCriterion("taux-conformite-rgaa")?.environmental).toBe(false);
  });

  it("gives the scoring input its defaults", () => {
    expect(scoringDefaults(getOfferCriterion("empreinte-offre")!)).toEqual({
      id: "empreinte-offre",
      direction: "lower-is-better",
      method: "linear",
      environmental: true,
    });
    expect(offerCriteriaFor("inconnu").map((c) => c.id)).toEqual(offerCriteria.filter((c) => c.segments === "all").map((c) => c.id));
  });
});
