import { describe, expect, it } from "vitest";
import { createFactorRowSchema, factorRowSchema, normalisedFactorSchema, resolveSegmentId } from "#emission-factors/schema";

const row = {
  item: "Ordinateur portable",
  segment: "Postes de travail",
  ghg_category: "2",
  value: "156,3",
  unit: "kgCO2e/unité",
  uncertainty_pct: "15 %",
  method: "LCA-ISO14040",
  accounting: "location based",
  reference_year: "2024",
  verified_by: "",
  source: "  fiche ACV  ",
};

describe("factorRowSchema (shared by the upload, the CLI and the PACT import)", () => {
  it("normalises a row of text cells", () => {
    expect(factorRowSchema.parse(row)).toEqual({
      item: "Ordinateur portable",
      segment: "postes-de-travail", // the French label of a portal segment gives its id
      ghgCategory: 2,
      value: 156.3,
      unit: "kgCO2e/unité",
      massUnit: "kg",
      activityUnit: "unit",
      valueKgPerUnit: 156.3,
      uncertaintyPct: 15,
      method: "lca-iso14040",
      accounting: "location-based",
      referenceYear: 2024,
      verifiedBy: null,
      source: "fiche ACV",
      pcf: null, // no product-footprint column given
    });
  });

  it("reads the optional product-footprint columns (PACT data), with French messages", () => {
    const schema = createFactorRowSchema({ currentYear: 2026, decimalSeparator: "," });
    const parsed = schema.parse({
      ...row,
      unit: "tCO2e/unité",
      value: "0,2",
      product_mass_kg: "1,6",
      cpc_code: "4521",
      fossil_value: "0,19",
      value_incl_biogenic: "0,2",
      fossil_carbon_kgc: "0",
      biogenic_carbon_kgc: "0,01",
      boundary: "Berceau-porte",
      boundary_description: "Extraction, fabrication, transport amont",
      exempted_pct: "0",
      packaging_included: "oui",
      ipcc_ar: "ar6",
    });
    expect(parsed.pcf).toEqual({
      productMassKg: 1.6,
      cpcCode: "4521",
      fossilKgPerUnit: 190,
      inclBiogenicKgPerUnit: 200,
      fossilCarbonKgC: 0,
      biogenicCarbonKgC: 0.01,
      boundary: "cradle-to-gate",
      boundaryDescription: "Extraction, fabrication, transport amont",
      exemptedPct: 0,
      packagingIncluded: true,
      ipccAr: "AR6",
    });
    // The fast path of the reader (no zod for valid rows) gives the same product data.
    const fast = schema.fastSafeParse({
      ...row,
      unit: "tCO2e/unité",
      value: "0,2",
      product_mass_kg: "1,6",
      cpc_code: "4521",
      fossil_value: "0,19",
      value_incl_biogenic: "0,2",
      fossil_carbon_kgc: "0",
      biogenic_carbon_kgc: "0,01",
      boundary: "Berceau-porte",
      boundary_description: "Extraction, fabrication, transport amont",
      exempted_pct: "0",
      packaging_included: "oui",
      ipcc_ar: "ar6",
    });
    expect(fast.success && fast.data.pcf).toEqual(parsed.pcf);
    const bad = schema.safeParse({ ...row, cpc_code: "abc", boundary: "tout", packaging_included: "peut-être", ipcc_ar: "AR3", exempted_pct: "120" });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
      cpc_code: "« abc » n'est pas un code CPC (attendu : 1 à 5 chiffres, ex. 4527)",
      boundary: "« tout » n'est pas un périmètre reconnu (attendu : berceau-porte, berceau-tombe ou porte-porte ; cradle-to-gate, cradle-to-grave ou gate-to-gate)",
      packaging_included: "« peut-être » : répondez oui ou non",
      ipcc_ar: "« AR3 » n'est pas un rapport du GIEC reconnu (attendu : AR5 ou AR6)",
      exempted_pct: "« 120 » : un pourcentage entre 0 et 100 est attendu",
    });
  });

  it("reports every invalid cell, keyed by canonical column, in French", () => {
    const result = createFactorRowSchema({ currentYear: 2026 }).safeParse({
      item: " ",
      segment: "x",
      ghg_category: "cat. 16",
      value: "-3",
      unit: "kgCO2/kWh",
      uncertainty_pct: "±120",
      method: "acv",
      accounting: "mixte",
      reference_year: "1999",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["item", "champ obligatoire vide"],
      ["ghg_category", "« cat. 16 » : la catégorie GHG Protocol doit être un nombre entier de 1 à 15"],
      ["value", "« -3 » n'est pas un nombre positif"],
      ["unit", "« kgCO2/kWh » n'est pas une unité reconnue (attendu : <masse>CO2e/<unité d'activité>, ex. kgCO2e/kWh)"],
      ["uncertainty_pct", "« ±120 » : l'incertitude doit être comprise entre 0 et 100 %"],
      ["method", "« acv » n'est pas une méthode reconnue (attendu : lca-iso14040, iso14067, ghg-product, pcr-ademe, monetary-ratio ou other)"],
      ["accounting", "« mixte » n'est pas une base de comptabilisation reconnue (attendu : location-based ou market-based)"],
      ["reference_year", "« 1999 » : l'année de référence doit être comprise entre 2000 et 2026"],
    ]);
  });

  it("accepts GHG categories written 1, 01, C1, cat. 1, catégorie 1", () => {
    for (const c of ["1", "01", "C1", "cat. 1", "catégorie 1", "Categorie 1"]) {
      expect(factorRowSchema.parse({ ...row, ghg_category: c }).ghgCategory).toBe(1);
    }
  });

  it("refuses a non-year and too long texts", () => {
    const r = createFactorRowSchema({ currentYear: 2026 }).safeParse({ ...row, reference_year: "24", item: "x".repeat(301) });
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      "texte trop long (301 caractères, 300 au plus)",
      "« 24 » n'est pas une année (attendu : 4 chiffres, ex. 2024)",
    ]);
  });

  it("its output (plus line and extra) satisfies normalisedFactorSchema", () => {
    const f = { line: 2, ...factorRowSchema.parse(row), extra: {} };
    expect(normalisedFactorSchema.parse(f)).toEqual(f);
    expect(normalisedFactorSchema.safeParse({ ...f, value: -1 }).success).toBe(false);
    expect(normalisedFactorSchema.safeParse({ ...f, activityUnit: "MWh" }).success).toBe(false);
  });

  it("resolves segment ids and labels, case and accents ignored", () => {
    expect(resolveSegmentId("hebergement-cloud")).toBe("hebergement-cloud");
    expect(resolveSegmentId("  HÉBERGEMENT ET CLOUD ")).toBe("hebergement-cloud");
    expect(resolveSegmentId("services-it")).toBeNull();
  });
});
