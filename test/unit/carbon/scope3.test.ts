import { describe, expect, it } from "vitest";
import { computeScope3, estimateLine, itemKey, matchFactor, type ActivityLine, type SupplierFactor } from "~/carbon/scope3";

const ratios = [
  { key: "postes-de-travail", label: "Machines et équipements", kgPerKEur: 273, ghgCategory: null, source: "test", year: 2023 },
  { key: "prestations-intellectuelles", label: "Services IT", kgPerKEur: 75, ghgCategory: null, source: "test", year: 2023 },
  { key: "hebergement-cloud", label: "Services IT", kgPerKEur: 75, ghgCategory: null, source: "test", year: 2023 },
  { key: "categorie-2", label: "Biens immobilisés", kgPerKEur: 273, ghgCategory: 2, source: "test", year: 2023 },
];

const A = 10;
const B = 20;
let nextId = 1;
function factor(f: Partial<SupplierFactor> & Pick<SupplierFactor, "item" | "segment" | "activityUnit" | "valueKgPerUnit">): SupplierFactor {
  return { id: nextId++, setId: 1, version: 2, line: nextId, ghgCategory: null, referenceYear: 2024, ...f };
}
function line(l: Partial<ActivityLine> & Pick<ActivityLine, "supplierOrganisationId" | "segment" | "ghgCategory">): ActivityLine {
  return { id: nextId++, supplierName: l.supplierOrganisationId === A ? "A" : "B", year: 2024, item: "", spendKEur: null, quantity: null, activityUnit: null, ...l };
}

const laptop = factor({ item: "Ordinateur portable 14 pouces (neuf)", segment: "postes-de-travail", ghgCategory: 2, activityUnit: "unit", valueKgPerUnit: 156.3 });
const screen = factor({ item: "Écran 24 pouces", segment: "postes-de-travail", ghgCategory: 2, activityUnit: "unit", valueKgPerUnit: 350 });
const dev = factor({ item: "Prestation de développement", segment: "prestations-intellectuelles", ghgCategory: 1, activityUnit: "k€", valueKgPerUnit: 95 });
const factorsA = [laptop, screen, dev];

describe("matchFactor", () => {
  it("matches on the item, case, accents and spaces ignored", () => {
    const m = matchFactor({ segment: "postes-de-travail", ghgCategory: 2, item: "  ordinateur PORTABLE 14  pouces (neuf) " }, "unit", factorsA);
    expect(m.factor).toBe(laptop);
    expect(itemKey("Écran  24 pouces")).toBe("ecran 24 pouces");
  });
  it("takes the only candidate when no item matches, and refuses to guess among several", () => {
    expect(matchFactor({ segment: "prestations-intellectuelles", ghgCategory: 1, item: "TMA" }, "k€", factorsA).factor).toBe(dev);
    const ambiguous = matchFactor({ segment: "postes-de-travail", ghgCategory: 2, item: "" }, "unit", factorsA);
    expect(ambiguous).toEqual({ factor: null, candidates: 2 });
  });
  it("requires the same unit, segment and category (or a factor without category)", () => {
    expect(matchFactor({ segment: "postes-de-travail", ghgCategory: 2, item: "Écran 24 pouces" }, "k€", factorsA).factor).toBeNull();
    expect(matchFactor({ segment: "impression", ghgCategory: 2, item: "Écran 24 pouces" }, "unit", factorsA).factor).toBeNull();
    expect(matchFactor({ segment: "postes-de-travail", ghgCategory: 1, item: "Écran 24 pouces" }, "unit", factorsA).factor).toBeNull();
    const noCategory = factor({ item: "Écran 24 pouces", segment: "postes-de-travail", activityUnit: "unit", valueKgPerUnit: 1 });
    expect(matchFactor({ segment: "postes-de-travail", ghgCategory: 1, item: "Écran 24 pouces" }, "unit", [noCategory]).factor).toBe(noCategory);
  });
});

describe("scope 3 estimate — hand-computed case", () => {
  const lines = [
    // 100 laptops × 156,3 = 15 630 kg ; monetary 80 k€ × 273 = 21 840 kg
    line({ supplierOrganisationId: A, segment: "postes-de-travail", ghgCategory: 2, item: "Ordinateur portable 14 pouces (neuf)", quantity: 100, activityUnit: "unit", spendKEur: 80 }),
    // 200 k€ × 95 = 19 000 kg ; monetary 200 × 75 = 15 000 kg
    line({ supplierOrganisationId: A, segment: "prestations-intellectuelles", ghgCategory: 1, spendKEur: 200 }),
    // supplier B has no factor: fallback 50 × 75 = 3 750 kg both sides
    line({ supplierOrganisationId: B, segment: "hebergement-cloud", ghgCategory: 1, spendKEur: 50 }),
    // quantity without factor nor spend: not estimated
    line({ supplierOrganisationId: A, segment: "logiciels-saas", ghgCategory: 1, quantity: 10, activityUnit: "user.year" }),
  ];
  const result = computeScope3(lines, new Map([[A, factorsA]]), ratios);

  it("estimates each line both ways", () => {
    const [l1, l2, l3, l4] = result.lines;
    expect(l1).toMatchObject({ basis: "supplier-quantity", monetaryKg: 21840 });
    expect(l1!.specificKg).toBeCloseTo(15630, 6);
    expect(l1!.differenceKg).toBeCloseTo(-6210, 6);
    expect(l1!.factor).toBe(laptop);
    expect(l2).toMatchObject({ basis: "supplier-spend", specificKg: 19000, monetaryKg: 15000, differenceKg: 4000 });
    expect(l3).toMatchObject({ basis: "monetary-fallback", specificKg: 3750, monetaryKg: 3750, differenceKg: 0 });
    expect(l3!.note).toContain("repli sur le ratio monétaire");
    expect(l4).toMatchObject({ basis: "none", specificKg: null, monetaryKg: null, differenceKg: null });
  });

  it("totals per GHG category and overall", () => {
    expect(result.byCategory.map((c) => c.ghgCategory)).toEqual([1, 2]);
    const [c1, c2] = result.byCategory;
    expect(c1).toMatchObject({ lines: 3, specificKg: 22750, monetaryKg: 18750, differenceKg: 4000, supplierFactorKg: 19000, notEstimated: 1, noMonetary: 1 });
    expect(c2!.specificKg).toBeCloseTo(15630, 6);
    expect(c2).toMatchObject({ lines: 1, monetaryKg: 21840, notEstimated: 0 });
    expect(c2!.differenceKg).toBeCloseTo(-6210, 6);
    expect(result.total.specificKg).toBeCloseTo(38380, 6);
    expect(result.total.monetaryKg).toBe(40590);
    expect(result.total.differenceKg).toBeCloseTo(-2210, 6);
  });

  it("falls back to the category ratio when the segment has none", () => {
    const e = estimateLine(line({ supplierOrganisationId: B, segment: "reseaux-telecoms", ghgCategory: 2, spendKEur: 10 }), [], ratios);
    expect(e).toMatchObject({ basis: "monetary-fallback", specificKg: 2730, monetaryKg: 2730 });
    const none = estimateLine(line({ supplierOrganisationId: B, segment: "reseaux-telecoms", ghgCategory: 1, spendKEur: 10 }), [], ratios);
    expect(none).toMatchObject({ basis: "none", specificKg: null, monetaryKg: null });
  });

  it("prefers the quantity, then the supplier's k€ ratio when the quantity has no factor", () => {
    const e = estimateLine(
      line({ supplierOrganisationId: A, segment: "prestations-intellectuelles", ghgCategory: 1, quantity: 30, activityUnit: "hour", spendKEur: 10 }),
      factorsA,
      ratios,
    );
    expect(e).toMatchObject({ basis: "supplier-spend", specificKg: 950, monetaryKg: 750 });
    expect(e.note).toContain("aucun facteur du fournisseur dans cette unité");
  });
});
