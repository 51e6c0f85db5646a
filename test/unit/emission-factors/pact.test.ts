import { describe, expect, it } from "vitest";
import { PACT_MISSING, factorsToPact, pactToFactors, toDecimalString } from "#emission-factors/pact";
import { pactV2FootprintSpecSchema, pactV2ListResponseSchema, pactV3FootprintSpecSchema, pactV3ListResponseSchema } from "#emission-factors/pact-spec";
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
        // The footprint's product data is kept, so it can be exported again (a PACT footprint is cradle-to-gate).
        pcf: {
          productMassKg: null,
          cpcCode: "17100",
          fossilKgPerUnit: 0.05,
          inclBiogenicKgPerUnit: null,
          fossilCarbonKgC: 0,
          biogenicCarbonKgC: 0,
          boundary: "cradle-to-gate",
          boundaryDescription: null,
          exemptedPct: 0,
          packagingIncluded: false,
          ipccAr: "AR6",
        },
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
  const pcf: NonNullable<NormalisedFactor["pcf"]> = {
    productMassKg: null,
    cpcCode: "17100",
    fossilKgPerUnit: 0.05,
    inclBiogenicKgPerUnit: 0.052,
    fossilCarbonKgC: 0,
    biogenicCarbonKgC: 0,
    boundary: "cradle-to-gate",
    boundaryDescription: "Production et distribution de l'électricité jusqu'au point de livraison",
    exemptedPct: 0,
    packagingIncluded: false,
    ipccAr: "AR6",
  };
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
    referenceYear: 2024,
    verifiedBy: "Vérificateur Exemple",
    source: "rapport GES 2024",
    extra: {},
    pcf,
  };
  const server: NormalisedFactor = {
    ...base,
    line: 3,
    item: "Serveur",
    unit: "tCO2e/unité",
    massUnit: "t",
    activityUnit: "unit",
    value: 1.2,
    valueKgPerUnit: 1200,
    method: "iso14067",
    verifiedBy: null,
    referenceYear: 2025,
    pcf: { ...pcf, productMassKg: 25, fossilKgPerUnit: 1150, inclBiogenicKgPerUnit: 1199.5, biogenicCarbonKgC: 0.2, cpcCode: null },
  };
  const support: NormalisedFactor = {
    ...base,
    line: 4,
    item: "Heure de support",
    unit: "kgCO2e/heure",
    massUnit: "kg",
    activityUnit: "hour",
    value: 1e-7,
    valueKgPerUnit: 1e-7,
    method: "pcr-ademe",
    pcf: { ...pcf, fossilKgPerUnit: 1e-7, inclBiogenicKgPerUnit: 1e-7 },
  };
  const company = { name: "Fournisseur Exemple", ids: ["urn:pact:company:siren:123456789"] };
  const now = new Date("2026-01-15T10:00:00Z");
  const idFor = (f: NormalisedFactor) => `00000000-0000-4000-8000-00000000000${f.line}`;

  it("exports one spec version per export: v3.0 takes kWh, piece and hour, every document valid against the spec schema", () => {
    const out = factorsToPact([base, server, support], company, { version: "3.0", now, idFor });
    expect(out.skipped).toEqual([]);
    expect(out.specVersion).toBe("3.0.0");
    expect(pactV3ListResponseSchema.safeParse({ data: out.footprints }).success).toBe(true);
    expect(out.footprints.every((p) => p.specVersion === "3.0.0")).toBe(true);
    const [kwh, piece, hour] = out.footprints.map((p) => pactV3FootprintSpecSchema.parse(p));
    expect(kwh!.pcf).toMatchObject({ declaredUnitOfMeasurement: "kilowatt hour", productMassPerDeclaredUnit: "0", pcfExcludingBiogenicUptake: "0.052", fossilGhgEmissions: "0.05", exemptedEmissionsPercent: "0" });
    expect(kwh!.productClassifications).toEqual(["urn:pact:productclassification:un-cpc:17100"]);
    // Numbers are decimal strings in v3 too (the OpenAPI's Decimal type), never JSON numbers.
    expect(piece!.pcf).toMatchObject({ declaredUnitOfMeasurement: "piece", productMassPerDeclaredUnit: "25", pcfExcludingBiogenicUptake: "1200", pcfIncludingBiogenicUptake: "1199.5" });
    expect(hour!.pcf).toMatchObject({ declaredUnitOfMeasurement: "hour", pcfExcludingBiogenicUptake: "0.0000001", productMassPerDeclaredUnit: "0" });

    // Round trip: what we export, we read back to the same factor values and product data.
    const back = pactToFactors(out.footprints, { currentYear: 2026 }).factors;
    expect(back.map((f) => [f.activityUnit, f.valueKgPerUnit, f.method, f.referenceYear, f.verifiedBy])).toEqual([
      ["kWh", 0.052, "ghg-product", 2024, "Vérificateur Exemple"],
      ["unit", 1200, "iso14067", 2025, null],
      ["hour", 1e-7, "lca-iso14040", 2024, "Vérificateur Exemple"], // PCR ADEME exports as ISO 14040-44 + sector rules
    ]);
    expect(back[1]!.pcf).toMatchObject({ productMassKg: 25, fossilKgPerUnit: 1150, inclBiogenicKgPerUnit: 1199.5, boundary: "cradle-to-gate", ipccAr: "AR6" });
  });

  it("v2.3: decimal strings for emissions, numbers where 2.x says Number; piece and hour refused with the reason", () => {
    const out = factorsToPact([base, server, support], company, { version: "2.3", now, idFor });
    expect(out.specVersion).toBe("2.3.0");
    expect(pactV2ListResponseSchema.safeParse({ data: out.footprints }).success).toBe(true);
    expect(out.footprints).toHaveLength(1);
    const doc = pactV2FootprintSpecSchema.parse(out.footprints[0]);
    expect(doc).toMatchObject({ specVersion: "2.3.0", productCategoryCpc: "17100", version: 1 });
    expect(doc.pcf).toMatchObject({
      declaredUnit: "kilowatt hour",
      unitaryProductAmount: "1",
      pCfExcludingBiogenic: "0.052",
      fossilGhgEmissions: "0.05",
      exemptedEmissionsPercent: 0,
      packagingEmissionsIncluded: false,
      characterizationFactors: "AR6",
      assurance: { assurance: true, providerName: "Vérificateur Exemple" },
    });
    expect(out.skipped.map((s) => [s.line, s.reasons])).toEqual([
      [3, [expect.stringMatching(/^unité « pièce » : la v2\.3 ne connaît que des unités physiques.*exportez en 3\.0$/)]],
      [4, [expect.stringMatching(/^unité « heure » : la v2\.3 ne connaît pas les empreintes de services/)]],
    ]);
    // Line 3 (reference year 2025) also lacks the v2.3 fields required from 2025, and its CPC code.
    expect(out.skipped[0]!.missing).toEqual([PACT_MISSING.cpc, PACT_MISSING.v2From2025]);
  });

  it("never makes data up: a row without the product data is listed with what is missing, not exported", () => {
    const bare: NormalisedFactor = { ...server, pcf: null };
    const v3 = factorsToPact([bare], company, { version: "3.0", now });
    expect(v3.footprints).toEqual([]);
    expect(v3.skipped).toEqual([
      {
        line: 3,
        item: "Serveur",
        missing: [PACT_MISSING.boundary, PACT_MISSING.fossil, PACT_MISSING.fossilCarbon, PACT_MISSING.ipcc, PACT_MISSING.exempted, PACT_MISSING.inclBiogenic, PACT_MISSING.mass],
        reasons: [],
      },
    ]);
    const noMass = factorsToPact([{ ...server, pcf: { ...server.pcf!, productMassKg: 0 } }], company, { version: "3.0", now });
    expect(noMass.skipped[0]!.missing).toEqual([PACT_MISSING.mass]);
    const v2 = factorsToPact([{ ...base, pcf: null }], company, { version: "2.3", now });
    expect(v2.skipped[0]!.missing).toEqual([
      PACT_MISSING.boundary,
      PACT_MISSING.fossil,
      PACT_MISSING.fossilCarbon,
      PACT_MISSING.ipcc,
      PACT_MISSING.exempted,
      PACT_MISSING.cpc,
      PACT_MISSING.biogenicCarbon,
      PACT_MISSING.boundaryDescription,
      PACT_MISSING.packaging,
    ]);
  });

  it("refuses what is not a cradle-to-gate product footprint, with a reason", () => {
    const { footprints, skipped } = factorsToPact(
      [
        { ...base, method: "monetary-ratio", activityUnit: "k€", unit: "kgCO2e/k€" },
        { ...base, line: 5, activityUnit: "GB.month", unit: "kgCO2e/Go.mois" },
        { ...base, line: 6, pcf: { ...pcf, boundary: "cradle-to-grave" } },
      ],
      company,
      { version: "3.0", now },
    );
    expect(footprints).toEqual([]);
    expect(skipped.map((s) => [s.line, s.reasons])).toEqual([
      [2, ["méthode « monetary-ratio » : un ratio monétaire ou une méthode non précisée n'est pas une empreinte produit PACT", "unité « kgCO2e/k€ » sans équivalent PACT (exportables en 3.0 : kWh, unité, heure)"]],
      [5, ["unité « kgCO2e/Go.mois » sans équivalent PACT (exportables en 3.0 : kWh, unité, heure)"]],
      [6, ["périmètre berceau-tombe (fin de vie incluse) : une empreinte PACT s'arrête à la sortie d'usine (berceau-porte)"]],
    ]);
  });

  it("writes decimals without exponent", () => {
    expect(toDecimalString(1e-7)).toBe("0.0000001");
    expect(toDecimalString(1e21)).toBe("1000000000000000000000");
    expect(toDecimalString(0.052)).toBe("0.052");
  });
});

describe("PACT spec schemas (the yardstick)", () => {
  // The minimal v2 document of shared/reference/emission-factors.md §3.5, with an id and URNs filled in.
  const notesV2 = {
    id: "3893bb5d-da16-4dc1-9185-11d97476c254",
    specVersion: "2.3.0",
    version: 1,
    created: "2025-01-10T00:00:00Z",
    status: "Active",
    companyName: "Exemple",
    companyIds: ["urn:pact:company:exemple"],
    productDescription: "Produit",
    productIds: ["urn:gtin:4712345060507"],
    productCategoryCpc: "3342",
    productNameCompany: "Produit",
    comment: "",
    pcf: {
      declaredUnit: "kilogram",
      unitaryProductAmount: "1",
      pCfExcludingBiogenic: "1.63",
      fossilGhgEmissions: "1.5",
      fossilCarbonContent: "0",
      biogenicCarbonContent: "0",
      characterizationFactors: "AR6",
      ipccCharacterizationFactorsSources: ["AR6"],
      crossSectoralStandardsUsed: ["GHG Protocol Product standard"],
      boundaryProcessesDescription: "Extraction, fabrication",
      referencePeriodStart: "2024-01-01T00:00:00Z",
      referencePeriodEnd: "2025-01-01T00:00:00Z",
      exemptedEmissionsPercent: 0,
      exemptedEmissionsDescription: "",
      packagingEmissionsIncluded: false,
    },
  };

  it("accepts the reference notes' v2 example and refuses the defects issue 18 found", () => {
    expect(pactV2FootprintSpecSchema.safeParse(notesV2).success).toBe(true);
    expect(pactV2FootprintSpecSchema.safeParse({ ...notesV2, productCategoryCpc: "" }).success).toBe(false);
    expect(pactV2FootprintSpecSchema.safeParse({ ...notesV2, pcf: { ...notesV2.pcf, declaredUnit: "piece" } }).success).toBe(false);
    expect(pactV2FootprintSpecSchema.safeParse({ ...notesV2, pcf: { ...notesV2.pcf, pCfExcludingBiogenic: 1.63 } }).success).toBe(false);
    // From 2025, the O* fields are required.
    const r2025 = pactV2FootprintSpecSchema.safeParse({ ...notesV2, pcf: { ...notesV2.pcf, referencePeriodStart: "2025-01-01T00:00:00Z" } });
    expect(r2025.success).toBe(false);
    expect(r2025.error!.issues.map((i) => i.path.at(-1))).toContain("dqi");
  });

  it("v3: piece needs the real mass, energy and services a mass of 0, numbers as decimal strings", () => {
    const v3 = {
      id: "3893bb5d-da16-4dc1-9185-11d97476c254",
      specVersion: "3.0.0",
      created: "2025-01-10T00:00:00Z",
      status: "Active",
      companyName: "Exemple",
      companyIds: ["urn:pact:company:exemple"],
      productDescription: "Serveur",
      productIds: ["urn:gtin:4712345060507"],
      productNameCompany: "Serveur",
      pcf: {
        declaredUnitOfMeasurement: "piece",
        declaredUnitAmount: "1",
        productMassPerDeclaredUnit: "25",
        referencePeriodStart: "2024-01-01T00:00:00Z",
        referencePeriodEnd: "2025-01-01T00:00:00Z",
        pcfExcludingBiogenicUptake: "1250.5",
        pcfIncludingBiogenicUptake: "1250.5",
        fossilGhgEmissions: "1200",
        fossilCarbonContent: "0",
        ipccCharacterizationFactors: ["AR6"],
        crossSectoralStandards: ["ISO14067"],
        exemptedEmissionsPercent: "0",
      },
    };
    expect(pactV3FootprintSpecSchema.safeParse(v3).success).toBe(true);
    expect(pactV3FootprintSpecSchema.safeParse({ ...v3, pcf: { ...v3.pcf, productMassPerDeclaredUnit: "0" } }).success).toBe(false);
    expect(pactV3FootprintSpecSchema.safeParse({ ...v3, pcf: { ...v3.pcf, declaredUnitOfMeasurement: "hour" } }).success).toBe(false);
    expect(pactV3FootprintSpecSchema.safeParse({ ...v3, pcf: { ...v3.pcf, exemptedEmissionsPercent: 0 } }).success).toBe(false);
    expect(pactV3FootprintSpecSchema.safeParse({ ...v3, specVersion: "2.3.0" }).success).toBe(false);
    // A list is read against one version: a v2 document is not a v3 one.
    expect(pactV3ListResponseSchema.safeParse({ data: [v3, notesV2] }).success).toBe(false);
  });
});
