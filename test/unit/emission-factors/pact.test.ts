import { describe, expect, it } from "vitest";
import { factorsToPact, pactToFactors, pactV2FootprintSchema, pactV3FootprintSchema, toDecimalString } from "#emission-factors/pact";
import { normalisedFactorSchema, type NormalisedFactor } from "#emission-factors/schema";

const v2 = (pcf: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: "3893bb5d-da16-4dc1-9185-11d97476c254",
  specVersion: "2.3.0",
  version: 1,
  created: "2025-01-10T00:00:00Z",
  status: "Active",
  companyName: "Énergie Exemple",
  companyIds: ["urn:pact:company:exemple"],
  productDescription: "Électricité d'origine renouvelable",
  productIds: ["urn:gtin:4712345060507"],
  productCategoryCpc: "17100",
  productNameCompany: "Offre verte",
  comment: "",
  pcf: {
    declaredUnit: "kilowatt hour",
    unitaryProductAmount: "1000",
    pCfExcludingBiogenic: "0.052",
    fossilGhgEmissions: "0.05",
    fossilCarbonContent: "0",
    biogenicCarbonContent: "0",
    ipccCharacterizationFactorsSources: ["AR6"],
    crossSectoralStandardsUsed: ["GHG Protocol Product standard"],
    boundaryProcessesDescription: "",
    referencePeriodStart: "2024-01-01T00:00:00Z",
    referencePeriodEnd: "2025-01-01T00:00:00Z",
    exemptedEmissionsPercent: 0,
    exemptedEmissionsDescription: "",
    packagingEmissionsIncluded: false,
    assurance: { assurance: true, providerName: "Vérificateur Exemple" },
    ...pcf,
  },
  ...extra,
});

const v3 = (pcf: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id: "12345678-9abc-def0-1234-567812345678",
  specVersion: "3.0.0",
  created: "2025-04-30T00:00:00Z",
  status: "Active",
  companyName: "ESN Exemple",
  companyIds: ["urn:pact:company:esn"],
  productDescription: "Heure de développement",
  productIds: ["urn:pact:esn:product-id:dev-hour"],
  productNameCompany: "Développement applicatif (heure)",
  pcf: {
    declaredUnitOfMeasurement: "hour",
    declaredUnitAmount: "8",
    productMassPerDeclaredUnit: "0",
    referencePeriodStart: "2025-01-01T00:00:00Z",
    referencePeriodEnd: "2026-01-01T00:00:00Z",
    pcfExcludingBiogenicUptake: "4.8",
    pcfIncludingBiogenicUptake: "4.8",
    fossilGhgEmissions: "4.8",
    fossilCarbonContent: "0",
    ipccCharacterizationFactors: ["AR6"],
    crossSectoralStandards: ["ISO14067", "PACT-3.0"],
    exemptedEmissionsPercent: "0",
    verification: { providerName: "Auditeur Exemple" },
    ...pcf,
  },
  ...extra,
});

describe("pactToFactors", () => {
  it("maps a v2.3 footprint: pCfExcludingBiogenic is already per declared unit", () => {
    const { factors, errors } = pactToFactors(v2({}), { segment: "infrastructures-datacenter", ghgCategory: 3, currentYear: 2026 });
    expect(errors).toEqual([]);
    expect(factors).toEqual([
      {
        line: 1,
        item: "Offre verte",
        segment: "infrastructures-datacenter",
        ghgCategory: 3,
        value: 0.052,
        unit: "kgCO2e/kWh",
        massUnit: "kg",
        activityUnit: "kWh",
        valueKgPerUnit: 0.052,
        uncertaintyPct: null,
        method: "ghg-product",
        accounting: null,
        referenceYear: 2024,
        verifiedBy: "Vérificateur Exemple",
        source: "PACT 2.3.0 — Énergie Exemple, empreinte 3893bb5d-da16-4dc1-9185-11d97476c254",
        extra: {
          pactId: "3893bb5d-da16-4dc1-9185-11d97476c254",
          pactSpecVersion: "2.3.0",
          pactCompanyName: "Énergie Exemple",
          pactProductIds: "urn:gtin:4712345060507",
          pactDeclaredUnitAmount: "1000",
        },
      },
    ]);
    for (const f of factors) expect(normalisedFactorSchema.parse(f)).toEqual(f);
  });

  it("maps a v3 footprint: pcfExcludingBiogenicUptake is per declaredUnitAmount units", () => {
    const { factors, errors } = pactToFactors({ data: v3({}) }, { currentYear: 2026 });
    expect(errors).toEqual([]);
    expect(factors[0]).toMatchObject({
      item: "Développement applicatif (heure)",
      segment: "pact",
      activityUnit: "hour",
      unit: "kgCO2e/heure",
      value: 0.6, // 4.8 kgCO2e per 8 hours
      method: "iso14067",
      referenceYear: 2025,
      verifiedBy: "Auditeur Exemple",
    });
  });

  it("converts megajoules to kWh and maps piece to unit", () => {
    const { factors } = pactToFactors(
      [v2({ declaredUnit: "megajoule", pCfExcludingBiogenic: "0.02", crossSectoralStandardsUsed: ["ISO Standard 14044"] }), v3({ declaredUnitOfMeasurement: "piece", declaredUnitAmount: "1", pcfExcludingBiogenicUptake: "250" })],
      { currentYear: 2026 },
    );
    expect(factors.map((f) => [f.activityUnit, f.valueKgPerUnit, f.method])).toEqual([
      ["kWh", 0.072, "lca-iso14040"],
      ["unit", 250, "iso14067"],
    ]);
    expect(factors[0]?.extra.pactDeclaredUnit).toBe("megajoule");
  });

  it("gives one French error per footprint that does not map, and imports the others", () => {
    const list = [
      v3({ declaredUnitOfMeasurement: "kilogram" }, { id: "a-kilogram" }),
      v2({}, { status: "Deprecated", id: "old" }),
      v2({ pCfExcludingBiogenic: "1,5" }, { id: "comma" }),
      v3({}, { id: "future", pcf: undefined }),
      { specVersion: "1.0.0", id: "v1" },
      v2({ referencePeriodStart: "1999-01-01T00:00:00Z" }, { id: "too-old" }),
      v3({}),
    ];
    const { factors, errors } = pactToFactors(list, { currentYear: 2026 });
    expect(factors.map((f) => f.line)).toEqual([7]);
    expect(errors).toEqual([
      {
        index: 1,
        id: "a-kilogram",
        message:
          "empreinte n° 1 (a-kilogram) : unité déclarée « kilogram » sans équivalent dans NR Procure (acceptées : kilowatt hour, megajoule, piece, hour)",
      },
      { index: 2, id: "old", message: "empreinte n° 2 (old) : empreinte obsolète (status « Deprecated ») : non importée" },
      {
        index: 3,
        id: "comma",
        message: "empreinte n° 3 (comma) : « pcf.pCfExcludingBiogenic » : nombre décimal attendu (ex. « 1.63 »)",
      },
      { index: 4, id: "future", message: "empreinte n° 4 (future) : « pcf » : champ obligatoire manquant" },
      {
        index: 5,
        id: "v1",
        message: "empreinte n° 5 (v1) : version de la spécification PACT non prise en charge (« 1.0.0 » ; attendu : 2.x ou 3.x)",
      },
      {
        index: 6,
        id: "too-old",
        message: "empreinte n° 6 (too-old) : « pcf.referencePeriodStart » : « 1999 » : l'année de référence doit être comprise entre 2000 et 2026",
      },
    ]);
  });

  it("refuses what is not a footprint", () => {
    expect(pactToFactors("not json").errors[0]?.message).toBe("le contenu n'est pas du JSON valide");
    expect(pactToFactors(42).errors[0]?.message).toMatch(/^attendu : une empreinte PACT/);
    expect(pactToFactors(JSON.stringify([v3({})])).factors).toHaveLength(1);
  });
});

describe("factorsToPact", () => {
  const base: NormalisedFactor = {
    line: 2,
    item: "Électricité du datacenter",
    segment: "infrastructures-datacenter",
    ghgCategory: 3,
    value: 52,
    unit: "gCO2e/kWh",
    massUnit: "g",
    activityUnit: "kWh",
    valueKgPerUnit: 0.052,
    uncertaintyPct: 10,
    method: "ghg-product",
    accounting: "market-based",
    referenceYear: 2025,
    verifiedBy: "Vérificateur Exemple",
    source: "rapport GES 2025",
    extra: {},
  };
  const company = { name: "Fournisseur Exemple", ids: ["urn:pact:company:siren:123456789"] };
  const now = new Date("2026-01-15T10:00:00Z");

  it("exports kWh factors as v2.3 and per-unit / per-hour factors as v3.0, valid for our own PACT schemas", () => {
    const factors: NormalisedFactor[] = [
      base,
      { ...base, line: 3, item: "Serveur", unit: "tCO2e/unité", massUnit: "t", activityUnit: "unit", value: 1.2, valueKgPerUnit: 1200, method: "iso14067", verifiedBy: null },
      { ...base, line: 4, item: "Heure de support", unit: "kgCO2e/heure", activityUnit: "hour", value: 1e-7, valueKgPerUnit: 1e-7, method: "pcr-ademe" },
    ];
    const { footprints, skipped } = factorsToPact(factors, company, { now, idFor: (f) => `00000000-0000-4000-8000-00000000000${f.line}` });
    expect(skipped).toEqual([]);
    expect(footprints.map((p) => p.specVersion)).toEqual(["2.3.0", "3.0.0", "3.0.0"]);
    expect(pactV2FootprintSchema.parse(footprints[0])).toMatchObject({
      id: "00000000-0000-4000-8000-000000000002",
      companyName: "Fournisseur Exemple",
      productIds: ["urn:pact:nr-procure:product-id:electricite-du-datacenter"],
      pcf: { declaredUnit: "kilowatt hour", pCfExcludingBiogenic: 0.052, crossSectoralStandards: ["GHGP-Product"], assurance: { providerName: "Vérificateur Exemple" } },
    });
    expect(pactV3FootprintSchema.parse(footprints[1]).pcf).toMatchObject({ declaredUnitOfMeasurement: "piece", pcfExcludingBiogenicUptake: 1200 });
    expect((footprints[2]?.pcf as { pcfExcludingBiogenicUptake: string }).pcfExcludingBiogenicUptake).toBe("0.0000001");

    // Round trip: what we export, we read back to the same factor values.
    const back = pactToFactors(footprints, { currentYear: 2026 }).factors;
    expect(back.map((f) => [f.activityUnit, f.valueKgPerUnit, f.method, f.referenceYear, f.verifiedBy])).toEqual([
      ["kWh", 0.052, "ghg-product", 2025, "Vérificateur Exemple"],
      ["unit", 1200, "iso14067", 2025, null],
      ["hour", 1e-7, "lca-iso14040", 2025, "Vérificateur Exemple"], // PCR ADEME exports as ISO 14040-44 + sector rules
    ]);
  });

  it("skips what is not a product footprint, with a reason", () => {
    const { footprints, skipped } = factorsToPact(
      [
        { ...base, method: "monetary-ratio", activityUnit: "k€", unit: "kgCO2e/k€" },
        { ...base, line: 5, activityUnit: "GB.month", unit: "kgCO2e/Go.mois" },
      ],
      company,
      { now },
    );
    expect(footprints).toEqual([]);
    expect(skipped).toEqual([
      { line: 2, message: "méthode « monetary-ratio » : un ratio monétaire ou une méthode non précisée n'est pas une empreinte produit PACT" },
      { line: 5, message: "unité « kgCO2e/Go.mois » sans équivalent PACT (exportables : kWh, unité, heure)" },
    ]);
  });

  it("writes decimals without exponent", () => {
    expect(toDecimalString(1e-7)).toBe("0.0000001");
    expect(toDecimalString(1e21)).toBe("1000000000000000000000");
    expect(toDecimalString(0.052)).toBe("0.052");
  });
});
