/**
 * WBCSD PACT ProductFootprint, as the specification states it — the yardstick our export is tested
 * against (and checked with before it leaves the portal). Written from the specification's own
 * lists of required fields, enums and number formats, not from our mapping:
 *
 * - v2.3 (Technical Specifications 2.3.x, `spec/v2/index.bs` of `wbcsd/data-exchange-protocol`,
 *   summarised in shared/reference/emission-factors.md §3.2–3.3): emission values are **decimal
 *   strings** (`"1.63"`); `exemptedEmissionsPercent` (0–5), `primaryDataShare` and the DQI
 *   coverage are JSON numbers; the declared unit is one of seven physical units (no `piece`,
 *   `hour`); the fields marked O* (`pCfIncludingBiogenic`, `dLucGhgEmissions`,
 *   `landManagementGhgEmissions`, `otherBiogenicGhgEmissions`, `biogenicCarbonWithdrawal`,
 *   `biogenicAccountingMethodology`, `primaryDataShare`, `dqi`) are required when the reference
 *   period starts in 2025 or later.
 * - v3.0 (`spec/v3/openapi.yaml`, release 3.0.x; §3.4 of our notes): every number of the
 *   CarbonFootprint is a `Decimal`, which the OpenAPI defines as a **string** matching
 *   `^[+-]?\d+(\.\d+)?$` (its notes say "string<decimal> in 3.0, was Number in 2.x" for
 *   `exemptedEmissionsPercent`, `primaryDataShare` and the DQRs; the spec's examples write
 *   `"declaredUnitAmount": "1"`, `"exemptedEmissionsPercent": "0"`). So v3 numbers are decimal
 *   strings too, not JSON numbers. Declared units add `piece`, `hour`, `megabit second`;
 *   `productMassPerDeclaredUnit` is required (the real mass for `piece`, `0` for energy,
 *   logistics and services).
 *
 * Unknown properties are allowed (`looseObject`): the specification lets hosts add extensions.
 * Pure module (zod only).
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Simple types (v3 OpenAPI "Simple types"; v2 uses the same Decimal definition)

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
/** A decimal string (no exponent, `.` as separator). */
export const decimalString = z.string().regex(DECIMAL, "nombre décimal en texte attendu (ex. « 1.63 »)");
export const positiveOrZeroDecimal = z.string().regex(/^[+]?\d+(\.\d+)?$/, "nombre décimal positif ou nul en texte attendu");
export const positiveNonZeroDecimal = positiveOrZeroDecimal.refine((s) => Number(s) > 0, "nombre décimal strictement positif attendu");
export const negativeOrZeroDecimal = decimalString.refine((s) => Number(s) <= 0, "nombre décimal négatif ou nul attendu");
const urn = z.string().regex(/^[uU][rR][nN]:/, "URN attendu (« urn:… »)");
const uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "UUID attendu");
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, "date et heure ISO 8601 attendues");
const nonEmpty = z.string().min(1);

/** v2 DeclaredUnit. */
export const pactV2DeclaredUnits = ["liter", "kilogram", "cubic meter", "kilowatt hour", "megajoule", "ton kilometer", "square meter"] as const;
/** v3 declaredUnitOfMeasurement (adds `piece`, and `hour` / `megabit second` for services, ADR 0040). */
export const pactV3DeclaredUnits = [...pactV2DeclaredUnits, "piece", "hour", "megabit second"] as const;

/**
 * CrossSectoralStandard. The three we emit (`GHGP-Product`, `ISO14067`, `ISO14040-44`) are in both
 * versions' lists and in the spec's examples; the others are accepted as listed in the v3 OpenAPI.
 */
export const pactCrossSectoralStandards = ["GHGP-Product", "ISO14067", "ISO14040-44", "ISO14083", "PEF", "PACT-1.0", "PACT-2.0", "PACT-3.0", "PAS2050"] as const;
/** v2 `crossSectoralStandardsUsed` (deprecated in 2.3 but still mandatory). */
export const pactV2StandardsUsed = ["GHG Protocol Product standard", "ISO Standard 14067", "ISO Standard 14044"] as const;

const productOrSectorSpecificRule = z.looseObject({
  operator: z.enum(["PEF", "EPD International", "Other"]),
  ruleNames: z.array(nonEmpty).min(1),
  otherOperatorName: nonEmpty.optional(),
});
const emissionFactorSource = z.looseObject({ name: nonEmpty, version: nonEmpty });
const geography = {
  geographyRegionOrSubregion: z.string().optional(),
  geographyCountry: z.string().regex(/^[A-Z]{2}$/, "code pays ISO 3166-1 alpha-2 attendu").optional(),
  geographyCountrySubdivision: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, "code ISO 3166-2 attendu").optional(),
};

/** Only one geography granularity may be given (none = global). */
function oneGeography(pcf: { geographyRegionOrSubregion?: string; geographyCountry?: string; geographyCountrySubdivision?: string }, ctx: z.RefinementCtx, strict: boolean) {
  const given = [pcf.geographyRegionOrSubregion, pcf.geographyCountry, pcf.geographyCountrySubdivision].filter((g) => g !== undefined).length;
  if (strict && given > 1) ctx.addIssue({ code: "custom", message: "une seule granularité géographique (région, pays ou subdivision)" });
}

// ---------------------------------------------------------------------------------------------
// v2.3

/** A DQR: a JSON number per the 2.x text; the spec's older 2.0 example writes strings, both read. */
const v2Dqr = z.union([z.number().min(1).max(3), decimalString.refine((s) => Number(s) >= 1 && Number(s) <= 3)]);

export const pactV2CarbonFootprintSchema = z
  .looseObject({
    declaredUnit: z.enum(pactV2DeclaredUnits),
    unitaryProductAmount: positiveNonZeroDecimal,
    pCfExcludingBiogenic: positiveOrZeroDecimal,
    pCfIncludingBiogenic: decimalString.optional(),
    fossilGhgEmissions: positiveOrZeroDecimal,
    fossilCarbonContent: positiveOrZeroDecimal,
    biogenicCarbonContent: positiveOrZeroDecimal,
    dLucGhgEmissions: positiveOrZeroDecimal.optional(),
    landManagementGhgEmissions: decimalString.optional(),
    otherBiogenicGhgEmissions: positiveOrZeroDecimal.optional(),
    iLucGhgEmissions: positiveOrZeroDecimal.optional(),
    biogenicCarbonWithdrawal: negativeOrZeroDecimal.optional(),
    aircraftGhgEmissions: positiveOrZeroDecimal.optional(),
    characterizationFactors: z.enum(["AR5", "AR6"]),
    ipccCharacterizationFactorsSources: z.array(z.string().regex(/^AR\d+$/, "« AR5 », « AR6 »…")).min(1),
    crossSectoralStandardsUsed: z.array(z.enum(pactV2StandardsUsed)).min(1),
    crossSectoralStandards: z.array(z.enum(pactCrossSectoralStandards)).min(1).optional(),
    productOrSectorSpecificRules: z.array(productOrSectorSpecificRule).optional(),
    // The spec's own v2 example spells the GHG Protocol value "GHPG"; both spellings are read.
    biogenicAccountingMethodology: z.enum(["PEF", "ISO", "GHPG", "GHGP", "Quantis"]).optional(),
    boundaryProcessesDescription: z.string(),
    referencePeriodStart: dateTime,
    referencePeriodEnd: dateTime,
    ...geography,
    secondaryEmissionFactorSources: z.array(emissionFactorSource).optional(),
    exemptedEmissionsPercent: z.number().min(0).max(5),
    exemptedEmissionsDescription: z.string(),
    packagingEmissionsIncluded: z.boolean(),
    packagingGhgEmissions: positiveOrZeroDecimal.optional(),
    allocationRulesDescription: z.string().optional(),
    uncertaintyAssessmentDescription: z.string().optional(),
    primaryDataShare: z.number().min(0).max(100).optional(),
    dqi: z
      .looseObject({
        coveragePercent: z.number().min(0).max(100),
        technologicalDQR: v2Dqr,
        temporalDQR: v2Dqr,
        geographicalDQR: v2Dqr,
        completenessDQR: v2Dqr,
        reliabilityDQR: v2Dqr,
      })
      .optional(),
    assurance: z.looseObject({ assurance: z.boolean(), providerName: z.string().optional() }).optional(),
  })
  .superRefine((pcf, ctx) => {
    oneGeography(pcf, ctx, true);
    if (Number(pcf.referencePeriodStart.slice(0, 4)) >= 2025) {
      for (const key of ["pCfIncludingBiogenic", "dLucGhgEmissions", "landManagementGhgEmissions", "otherBiogenicGhgEmissions", "biogenicCarbonWithdrawal", "biogenicAccountingMethodology", "primaryDataShare", "dqi"] as const) {
        if (pcf[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: "obligatoire pour une période de référence commençant en 2025 ou après" });
      }
    }
    if (pcf.exemptedEmissionsPercent > 0 && pcf.exemptedEmissionsDescription.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["exemptedEmissionsDescription"], message: "obligatoire quand des émissions sont exclues" });
    }
  });

export const pactV2FootprintSpecSchema = z.looseObject({
  id: uuid,
  specVersion: z.string().regex(/^2\.\d+\.\d+(-\d{8})?$/, "version 2.x.y attendue"),
  precedingPfIds: z.array(uuid).min(1).optional(),
  version: z.number().int().min(0),
  created: dateTime,
  updated: dateTime.optional(),
  status: z.enum(["Active", "Deprecated"]),
  statusComment: z.string().optional(),
  validityPeriodStart: dateTime.optional(),
  validityPeriodEnd: dateTime.optional(),
  companyName: nonEmpty,
  companyIds: z.array(urn).min(1),
  productDescription: z.string(),
  productIds: z.array(urn).min(1),
  productClassifications: z.array(urn).optional(),
  productCategoryCpc: nonEmpty,
  productNameCompany: nonEmpty,
  comment: z.string(),
  pcf: pactV2CarbonFootprintSchema,
  extensions: z.array(z.unknown()).optional(),
});

// ---------------------------------------------------------------------------------------------
// v3.0

/** Units for which the mass per declared unit SHALL be 0 (energy, logistics, services). */
const massIrrelevantUnits = new Set<string>(["kilowatt hour", "megajoule", "ton kilometer", "hour", "megabit second"]);

export const pactV3CarbonFootprintSchema = z
  .looseObject({
    declaredUnitOfMeasurement: z.enum(pactV3DeclaredUnits),
    declaredUnitAmount: positiveNonZeroDecimal,
    productMassPerDeclaredUnit: positiveOrZeroDecimal,
    referencePeriodStart: dateTime,
    referencePeriodEnd: dateTime,
    ...geography,
    boundaryProcessesDescription: z.string().optional(),
    pcfExcludingBiogenicUptake: decimalString,
    pcfIncludingBiogenicUptake: decimalString,
    fossilCarbonContent: positiveOrZeroDecimal,
    biogenicCarbonContent: positiveOrZeroDecimal.optional(),
    recycledCarbonContent: positiveOrZeroDecimal.optional(),
    fossilGhgEmissions: positiveOrZeroDecimal,
    landUseChangeGhgEmissions: positiveOrZeroDecimal.optional(),
    biogenicCO2Uptake: negativeOrZeroDecimal.optional(),
    aircraftGhgEmissions: positiveOrZeroDecimal.optional(),
    packagingEmissionsIncluded: z.boolean().optional(),
    packagingGhgEmissions: positiveOrZeroDecimal.optional(),
    ipccCharacterizationFactors: z.array(z.string().regex(/^AR\d+$/, "« AR5 », « AR6 »…")).min(1),
    crossSectoralStandards: z.array(z.enum(pactCrossSectoralStandards)).min(1),
    productOrSectorSpecificRules: z.array(productOrSectorSpecificRule).optional(),
    exemptedEmissionsPercent: decimalString,
    exemptedEmissionsDescription: z.string().optional(),
    allocationRulesDescription: z.string().optional(),
    secondaryEmissionFactorSources: z.array(emissionFactorSource).min(1).optional(),
    primaryDataShare: decimalString.optional(),
    dqi: z.looseObject({ technologicalDQR: decimalString, geographicalDQR: decimalString, temporalDQR: decimalString }).optional(),
    verification: z.looseObject({ providerName: z.string().optional() }).optional(),
  })
  .superRefine((pcf, ctx) => {
    // The spec's own example 1 gives region, country and subdivision together: not refused in v3.
    oneGeography(pcf, ctx, false);
    const mass = Number(pcf.productMassPerDeclaredUnit);
    if (pcf.declaredUnitOfMeasurement === "piece" && !(mass > 0)) {
      ctx.addIssue({ code: "custom", path: ["productMassPerDeclaredUnit"], message: "la masse réelle est obligatoire pour l'unité « piece »" });
    }
    if (massIrrelevantUnits.has(pcf.declaredUnitOfMeasurement) && mass !== 0) {
      ctx.addIssue({ code: "custom", path: ["productMassPerDeclaredUnit"], message: "doit valoir 0 pour l'énergie, la logistique et les services" });
    }
    if (pcf.packagingEmissionsIncluded === false && pcf.packagingGhgEmissions !== undefined) {
      ctx.addIssue({ code: "custom", path: ["packagingGhgEmissions"], message: "absent quand l'emballage n'est pas inclus" });
    }
  });

export const pactV3FootprintSpecSchema = z.looseObject({
  id: uuid,
  specVersion: z.string().regex(/^3\.\d+\.\d+(-\d{8})?$/, "version 3.x.y attendue"),
  precedingPfIds: z.array(uuid).min(1).optional(),
  created: dateTime,
  updated: dateTime.optional(),
  status: z.enum(["Active", "Deprecated"]),
  statusComment: z.string().optional(),
  validityPeriodStart: dateTime.optional(),
  validityPeriodEnd: dateTime.optional(),
  companyName: nonEmpty,
  companyIds: z.array(urn).min(1),
  productDescription: z.string(),
  productIds: z.array(urn).min(1),
  productClassifications: z.array(urn).optional(),
  productNameCompany: nonEmpty,
  comment: z.string().optional(),
  pcf: pactV3CarbonFootprintSchema,
  extensions: z.array(z.unknown()).optional(),
});

// ---------------------------------------------------------------------------------------------
// Responses: a ListFootprints body is read against ONE spec version.

export const pactV2ListResponseSchema = z.object({ data: z.array(pactV2FootprintSpecSchema) });
export const pactV3ListResponseSchema = z.object({ data: z.array(pactV3FootprintSpecSchema) });

export const pactExportVersions = ["2.3", "3.0"] as const;
export type PactExportVersion = (typeof pactExportVersions)[number];
