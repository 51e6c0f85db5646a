/**
 * WBCSD PACT (Technical Specifications for PCF Data Exchange) ↔ NR Procure factors.
 *
 * Import, `pactToFactors(json)`: a ProductFootprint of spec 2.x or 3.x, an array of them, or an API
 * response `{ data: … }`. Each footprint is validated with zod (only the fields we use, others
 * ignored), then turned into the cells of a factor row and validated by the SAME row schema as the
 * CSV upload (year range, value ≥ 0…). Every footprint that cannot be mapped gives one French
 * error; the others are imported.
 * - value per activity unit: v2 `pcf.pCfExcludingBiogenic` is already per declared unit
 *   (kgCO2e/declaredUnit); v3 `pcf.pcfExcludingBiogenicUptake` is per declared unit =
 *   `declaredUnitAmount` × `declaredUnitOfMeasurement`, so it is divided by `declaredUnitAmount`;
 * - units: `kilowatt hour` → kWh, `megajoule` → kWh (× 3.6), `piece` → unit, `hour` → hour;
 *   `liter`, `kilogram`, `cubic meter`, `ton kilometer`, `square meter`, `megabit second` have no
 *   equivalent in our units → error;
 * - method: ISO 14067 → iso14067, GHG Protocol Product → ghg-product, ISO 14040/44 → lca-iso14040,
 *   anything else → other; verified by: v2 `assurance.providerName` (when `assurance` is true),
 *   v3 `verification.providerName`; reference year: year of `referencePeriodStart`;
 * - `Deprecated` footprints are refused; `line` is the footprint's position (1-based).
 *
 * Export, `factorsToPact(factors, company, { version })`: ONE spec version per export (a list is
 * read against one version), 2.3 or 3.0. Every mandatory field comes from data the supplier gave
 * (the optional product-footprint columns of the CSV, `NormalisedFactor.pcf`) or from a fact of the
 * row (its unit, method, reference year); nothing is filled with a "neutral" default. A factor that
 * lacks mandatory data is NOT exported: it is listed in `skipped` with what is missing. Rules:
 * - exportable methods: product footprints (ISO 14040-44, ISO 14067, GHG Protocol Product, PCR
 *   ADEME); monetary ratios and unspecified methods are not product footprints;
 * - units: v2.3 declared units are physical only, so only kWh factors export in 2.3 (`piece` and
 *   `hour` exist from 3.0: we say so instead of bending a unit); 3.0 takes kWh, unit (`piece`,
 *   with the product's mass) and hour (`hour`, ADR 0040 service footprints);
 * - boundary: a PACT footprint is cradle-to-gate; a factor declared cradle-to-grave (end of life
 *   included) or gate-to-gate is not one;
 * - v3 `productMassPerDeclaredUnit` is `0` for kWh and hour, as the spec requires for energy and
 *   services, and the supplier's mass (> 0) for a piece;
 * - v2.3 footprints whose reference period starts in 2025 or later need fields NR Procure does not
 *   collect (dLUC, land management, biogenic withdrawal, primary data share, DQI…): listed as missing.
 * Every produced footprint is checked against `pact-spec.ts` before it is returned.
 */
import { z } from "zod";
import type { ActivityUnitId } from "#questionnaires/emission-factors/units";
import type { MethodId } from "#questionnaires/emission-factors/methods";
import { pactV2FootprintSpecSchema, pactV3FootprintSpecSchema, type PactExportVersion } from "./pact-spec";
import { createFactorRowSchema, type NormalisedFactor } from "./schema";
import { formatUnit } from "./units";

// ---------------------------------------------------------------------------------------------
// Input schemas (only what we read; `looseObject` keeps the rest)

/** PACT Decimal: a decimal string (a JSON number is tolerated). */
const decimal = z
  .union([z.string().regex(/^[+-]?\d+(\.\d+)?$/, "nombre décimal attendu (ex. « 1.63 »)"), z.number().finite()])
  .transform((v) => Number(v));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "date ISO 8601 attendue (ex. 2024-01-01T00:00:00Z)");

const footprintBase = {
  id: z.string().min(1),
  specVersion: z.string().regex(/^\d+\.\d+\.\d+/, "version de la spécification attendue (ex. 2.3.0)"),
  status: z.enum(["Active", "Deprecated"]),
  companyName: z.string().min(1),
  productDescription: z.string(),
  productNameCompany: z.string().optional(),
  productIds: z.array(z.string()).optional(),
};

export const pactV2FootprintSchema = z.looseObject({
  ...footprintBase,
  pcf: z.looseObject({
    declaredUnit: z.string().min(1),
    unitaryProductAmount: decimal.refine((n) => n > 0, "doit être strictement positif"),
    pCfExcludingBiogenic: decimal,
    referencePeriodStart: isoDate,
    crossSectoralStandardsUsed: z.array(z.string()).optional(),
    crossSectoralStandards: z.array(z.string()).optional(),
    assurance: z.looseObject({ assurance: z.boolean().optional(), providerName: z.string().optional() }).optional(),
  }),
});

export const pactV3FootprintSchema = z.looseObject({
  ...footprintBase,
  pcf: z.looseObject({
    declaredUnitOfMeasurement: z.string().min(1),
    declaredUnitAmount: decimal.refine((n) => n > 0, "doit être strictement positif"),
    pcfExcludingBiogenicUptake: decimal,
    referencePeriodStart: isoDate,
    crossSectoralStandards: z.array(z.string()).optional(),
    verification: z.looseObject({ providerName: z.string().optional() }).optional(),
  }),
});

export type PactV2Footprint = z.infer<typeof pactV2FootprintSchema>;
export type PactV3Footprint = z.infer<typeof pactV3FootprintSchema>;

/** French messages for zod issues on PACT input (per parse, no global zod configuration). */
function frenchIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "champ obligatoire manquant" : `type invalide (attendu : ${issue.expected})`;
    case "invalid_value":
      return `valeur non prise en charge (attendu : ${issue.values.map(String).join(", ")})`;
    case "too_small":
      return "valeur trop petite ou vide";
    case "invalid_format":
      return "format invalide";
    default:
      return issue.message ?? "valeur invalide";
  }
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `« ${i.path.join(".") || "(racine)"} » : ${i.message}`).join(" ; ");
}

// ---------------------------------------------------------------------------------------------
// Import

export interface PactIssue {
  /** Position of the footprint in the input (1-based). */
  index: number;
  /** Its `id`, when readable. */
  id: string | null;
  message: string;
}

export interface PactImport {
  factors: NormalisedFactor[];
  errors: PactIssue[];
}

export interface PactImportOptions {
  /** Segment of the imported factors (PACT has none); default: `pact`. */
  segment?: string;
  /** GHG scope 3 category of the imported factors; default: none. */
  ghgCategory?: number | null;
  currentYear?: number;
}

const unitFromPact: Record<string, { activity: ActivityUnitId; multiplier: number }> = {
  "kilowatt hour": { activity: "kWh", multiplier: 1 },
  megajoule: { activity: "kWh", multiplier: 3.6 },
  piece: { activity: "unit", multiplier: 1 },
  hour: { activity: "hour", multiplier: 1 },
};

function methodFromStandards(standards: readonly string[]): MethodId {
  const s = standards.map((x) => x.toLowerCase().replace(/[\s_-]+/g, ""));
  if (s.some((x) => x.includes("14067"))) return "iso14067";
  if (s.some((x) => x.includes("ghgp") || x.includes("ghgprotocolproduct"))) return "ghg-product";
  if (s.some((x) => x.includes("14040") || x.includes("14044"))) return "lca-iso14040";
  return "other";
}

/** Decimal (string or number) of a PACT field, or `undefined`. */
function dec(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

/**
 * The product-footprint cells an imported footprint gives (per activity unit, like the value), so
 * that a footprint read from PACT can be exported again without asking the supplier twice.
 * A PACT footprint is cradle-to-gate by definition of the specification.
 */
function productCells(pf: PactV2Footprint | PactV3Footprint, major: number, amount: number, multiplier: number): Record<string, string> {
  const p = pf.pcf as Record<string, unknown>;
  const perUnit = (v: number | undefined) => (v === undefined ? "" : toDecimalString(Number(((major === 3 ? v / amount : v) * multiplier).toPrecision(15))));
  const perUnitPlain = (v: number | undefined) => (v === undefined ? "" : toDecimalString(Number((major === 3 ? v / amount : v).toPrecision(15))));
  const cpc = (pf as { productCategoryCpc?: unknown }).productCategoryCpc;
  const classification = ((pf as { productClassifications?: unknown }).productClassifications as unknown[] | undefined)?.find(
    (c): c is string => typeof c === "string" && /:un-cpc:\d{1,5}$/.test(c),
  );
  const ipcc = [...((p.ipccCharacterizationFactors as unknown[]) ?? []), ...((p.ipccCharacterizationFactorsSources as unknown[]) ?? [])].find((x) => x === "AR6" || x === "AR5");
  const packaging = p.packagingEmissionsIncluded;
  return {
    product_mass_kg: perUnitPlain(dec(p.productMassPerDeclaredUnit)),
    cpc_code: typeof cpc === "string" && /^\d{1,5}$/.test(cpc) ? cpc : classification ? classification.split(":").at(-1)! : "",
    fossil_value: perUnit(dec(p.fossilGhgEmissions)),
    value_incl_biogenic: perUnit(dec(major === 3 ? p.pcfIncludingBiogenicUptake : p.pCfIncludingBiogenic)),
    fossil_carbon_kgc: perUnitPlain(dec(p.fossilCarbonContent)),
    biogenic_carbon_kgc: perUnitPlain(dec(p.biogenicCarbonContent)),
    boundary: "cradle-to-gate",
    boundary_description: typeof p.boundaryProcessesDescription === "string" ? p.boundaryProcessesDescription.trim().slice(0, 2000) : "",
    exempted_pct: dec(p.exemptedEmissionsPercent) === undefined ? "" : String(dec(p.exemptedEmissionsPercent)),
    packaging_included: packaging === true ? "oui" : packaging === false ? "non" : "",
    ipcc_ar: typeof ipcc === "string" ? ipcc : "",
  };
}

function footprintsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (json !== null && typeof json === "object") {
    const data = (json as { data?: unknown }).data;
    if (Array.isArray(data)) return data;
    if (data !== null && typeof data === "object") return [data];
    return [json];
  }
  return null;
}

/** Map PACT ProductFootprints (v2.x or v3.x) to normalised factors; see the module comment. */
export function pactToFactors(json: unknown, options: PactImportOptions = {}): PactImport {
  let input = json;
  if (typeof input === "string") {
    try {
      input = JSON.parse(input);
    } catch {
      return { factors: [], errors: [{ index: 0, id: null, message: "le contenu n'est pas du JSON valide" }] };
    }
  }
  const list = footprintsOf(input);
  if (!list) return { factors: [], errors: [{ index: 0, id: null, message: "attendu : une empreinte PACT (ProductFootprint), une liste d'empreintes ou une réponse { data: … }" }] };

  const rowSchema = createFactorRowSchema({ currentYear: options.currentYear, decimalSeparator: "." });
  const factors: NormalisedFactor[] = [];
  const errors: PactIssue[] = [];
  list.forEach((raw, i) => {
    const index = i + 1;
    const id = raw !== null && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : null;
    const fail = (message: string) => errors.push({ index, id, message: `empreinte n° ${index}${id ? ` (${id})` : ""} : ${message}` });

    const specVersion = raw !== null && typeof raw === "object" ? (raw as { specVersion?: unknown }).specVersion : undefined;
    const major = typeof specVersion === "string" ? Number(specVersion.split(".")[0]) : NaN;
    let unitName: string;
    let perUnit: number;
    let amount: number;
    let standards: string[];
    let verifier: string | null;
    let start: string;
    let pf: PactV2Footprint | PactV3Footprint;
    if (major === 2) {
      const parsed = pactV2FootprintSchema.safeParse(raw, { error: frenchIssue });
      if (!parsed.success) return fail(describe(parsed.error));
      const p = parsed.data;
      pf = p;
      unitName = p.pcf.declaredUnit;
      amount = p.pcf.unitaryProductAmount;
      perUnit = p.pcf.pCfExcludingBiogenic; // already per declared unit in 2.x
      standards = [...(p.pcf.crossSectoralStandards ?? []), ...(p.pcf.crossSectoralStandardsUsed ?? [])];
      verifier = p.pcf.assurance?.assurance !== false ? (p.pcf.assurance?.providerName?.trim() || null) : null;
      start = p.pcf.referencePeriodStart;
    } else if (major === 3) {
      const parsed = pactV3FootprintSchema.safeParse(raw, { error: frenchIssue });
      if (!parsed.success) return fail(describe(parsed.error));
      const p = parsed.data;
      pf = p;
      unitName = p.pcf.declaredUnitOfMeasurement;
      amount = p.pcf.declaredUnitAmount;
      perUnit = p.pcf.pcfExcludingBiogenicUptake / amount; // per declaredUnitAmount units in 3.x
      standards = p.pcf.crossSectoralStandards ?? [];
      verifier = p.pcf.verification?.providerName?.trim() || null;
      start = p.pcf.referencePeriodStart;
    } else {
      return fail(`version de la spécification PACT non prise en charge (${typeof specVersion === "string" ? `« ${specVersion} »` : "absente"} ; attendu : 2.x ou 3.x)`);
    }
    if (pf.status === "Deprecated") return fail("empreinte obsolète (status « Deprecated ») : non importée");
    const unit = unitFromPact[unitName];
    if (!unit) {
      return fail(
        `unité déclarée « ${unitName} » sans équivalent dans NR Procure (acceptées : ${Object.keys(unitFromPact).join(", ")})`,
      );
    }
    // 15 significant digits: 0.02 × 3.6 is 0.072, not 0.07200000000000001.
    const value = Number((perUnit * unit.multiplier).toPrecision(15));
    const cells = {
      item: pf.productNameCompany?.trim() || pf.productDescription.trim(),
      segment: options.segment ?? "pact",
      ghg_category: options.ghgCategory == null ? "" : String(options.ghgCategory),
      value: toDecimalString(value),
      unit: formatUnit("kg", unit.activity),
      method: methodFromStandards(standards),
      reference_year: start.slice(0, 4),
      verified_by: verifier ?? "",
      source: `PACT ${pf.specVersion} — ${pf.companyName}, empreinte ${pf.id}`,
      ...productCells(pf, major, amount, unit.multiplier),
    };
    const row = rowSchema.safeParse(cells);
    if (!row.success) {
      const names: Record<string, string> = { item: "productNameCompany", value: "pcf (valeur)", reference_year: "pcf.referencePeriodStart" };
      return fail(row.error.issues.map((iss) => `« ${names[String(iss.path[0])] ?? String(iss.path[0])} » : ${iss.message}`).join(" ; "));
    }
    const extra: Record<string, string> = { pactId: pf.id, pactSpecVersion: pf.specVersion, pactCompanyName: pf.companyName };
    if (pf.productIds?.length) extra.pactProductIds = pf.productIds.join(" ");
    if (amount !== 1) extra.pactDeclaredUnitAmount = String(amount);
    if (unit.multiplier !== 1) extra.pactDeclaredUnit = unitName;
    factors.push({ line: index, ...row.data, extra });
  });
  return { factors, errors };
}

// ---------------------------------------------------------------------------------------------
// Export

export interface PactCompany {
  name: string;
  /** Company identifiers as URNs (`urn:…`), e.g. `urn:pact:company:siren:123456789`. */
  ids: string[];
}

export interface PactExportOptions {
  /** The one spec version of this export. */
  version: PactExportVersion;
  /** Creation timestamp (default: now). */
  now?: Date;
  /** Footprint id (UUID) for a factor (default: random UUID). */
  idFor?: (factor: NormalisedFactor) => string;
  /** Product URN for a factor (default: `urn:pact:nr-procure:product-id:<slug of the item>`). */
  productIdFor?: (factor: NormalisedFactor) => string;
}

/** A factor that was not exported: what is missing (column names as in the template) and why else. */
export interface PactSkipped {
  line: number;
  item: string;
  /** Mandatory data the supplier has not given, French label with the template column. */
  missing: string[];
  /** Other reasons (method, unit, boundary), French. */
  reasons: string[];
}

export interface PactExport {
  version: PactExportVersion;
  specVersion: string;
  footprints: Record<string, unknown>[];
  skipped: PactSkipped[];
}

const standardsOf: Partial<Record<MethodId, { standards: string[]; used: string[]; rules?: unknown[] }>> = {
  "lca-iso14040": { standards: ["ISO14040-44"], used: ["ISO Standard 14044"] },
  iso14067: { standards: ["ISO14067"], used: ["ISO Standard 14067"] },
  "ghg-product": { standards: ["GHGP-Product"], used: ["GHG Protocol Product standard"] },
  "pcr-ademe": {
    standards: ["ISO14040-44"],
    used: ["ISO Standard 14044"],
    rules: [{ operator: "Other", ruleNames: ["Référentiel méthodologique ADEME / PCR"], otherOperatorName: "ADEME" }],
  },
};

/** Labels of the missing data, with the template column the supplier fills in. */
export const PACT_MISSING = {
  boundary: "périmètre du cycle de vie (perimetre)",
  fossil: "émissions d'origine fossile (valeur_fossile)",
  fossilCarbon: "carbone fossile contenu (carbone_fossile_kgc)",
  biogenicCarbon: "carbone biogénique contenu (carbone_biogenique_kgc)",
  inclBiogenic: "empreinte avec absorption de CO2 biogénique (valeur_avec_biogenique)",
  ipcc: "rapport du GIEC des pouvoirs de réchauffement (rapport_giec)",
  exempted: "part des émissions exclues (exclusions_pct)",
  cpc: "code CPC du produit (code_cpc)",
  boundaryDescription: "description du périmètre (description_perimetre)",
  packaging: "emballage inclus ou non (emballage_inclus)",
  mass: "masse du produit par unité (masse_produit_kg)",
  v2From2025:
    "données exigées par la v2.3 pour une période de référence à partir de 2025, que NR Procure ne collecte pas (émissions dLUC, gestion des terres, autres émissions biogéniques, retrait de carbone biogénique, méthode biogénique, part de données primaires, indicateurs DQI) : exportez en 3.0",
} as const;

const SPEC_VERSION: Record<PactExportVersion, string> = { "2.3": "2.3.0", "3.0": "3.0.0" };

function slug(text: string): string {
  const s = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return s || "produit";
}

/** A number as a PACT Decimal string (no exponent). */
export function toDecimalString(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (Math.abs(n) >= 1) return BigInt(Math.round(n)).toString();
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

const boundaryLabel = { "cradle-to-grave": "berceau-tombe (fin de vie incluse)", "gate-to-gate": "porte-porte (partiel)" } as const;

/**
 * What stops one factor from being a footprint of this spec version: `missing` data and other
 * `reasons`; both empty = exportable. Pure, used by the export and by the page that previews it.
 */
export function pactExportIssues(f: NormalisedFactor, version: PactExportVersion): { missing: string[]; reasons: string[] } {
  const missing: string[] = [];
  const reasons: string[] = [];
  if (!standardsOf[f.method]) reasons.push(`méthode « ${f.method} » : un ratio monétaire ou une méthode non précisée n'est pas une empreinte produit PACT`);
  if (version === "2.3") {
    if (f.activityUnit === "unit") reasons.push("unité « pièce » : la v2.3 ne connaît que des unités physiques (litre, kg, m³, kWh, MJ, t.km, m²) ; « piece » n'existe qu'à partir de la 3.0 : exportez en 3.0");
    else if (f.activityUnit === "hour") reasons.push("unité « heure » : la v2.3 ne connaît pas les empreintes de services ; « hour » n'existe qu'à partir de la 3.0 : exportez en 3.0");
    else if (f.activityUnit !== "kWh") reasons.push(`unité « ${f.unit} » sans équivalent PACT (exportables en 2.3 : kWh)`);
  } else if (f.activityUnit !== "kWh" && f.activityUnit !== "unit" && f.activityUnit !== "hour") {
    reasons.push(`unité « ${f.unit} » sans équivalent PACT (exportables en 3.0 : kWh, unité, heure)`);
  }
  const p = f.pcf ?? null;
  if (!p?.boundary) missing.push(PACT_MISSING.boundary);
  else if (p.boundary !== "cradle-to-gate") reasons.push(`périmètre ${boundaryLabel[p.boundary]} : une empreinte PACT s'arrête à la sortie d'usine (berceau-porte)`);
  if (p?.fossilKgPerUnit == null) missing.push(PACT_MISSING.fossil);
  else if (p.fossilKgPerUnit > f.valueKgPerUnit * (1 + 1e-9)) reasons.push("émissions fossiles supérieures à l'empreinte totale : vérifiez valeur_fossile");
  if (p?.fossilCarbonKgC == null) missing.push(PACT_MISSING.fossilCarbon);
  if (!p?.ipccAr) missing.push(PACT_MISSING.ipcc);
  if (p?.exemptedPct == null) missing.push(PACT_MISSING.exempted);
  if (version === "2.3") {
    if (!p?.cpcCode) missing.push(PACT_MISSING.cpc);
    if (p?.biogenicCarbonKgC == null) missing.push(PACT_MISSING.biogenicCarbon);
    if (!p?.boundaryDescription) missing.push(PACT_MISSING.boundaryDescription);
    if (p?.packagingIncluded == null) missing.push(PACT_MISSING.packaging);
    if (p?.exemptedPct != null && p.exemptedPct > 0) {
      reasons.push(
        p.exemptedPct > 5
          ? `exclusions de ${p.exemptedPct} % : la v2.3 en admet 5 % au plus`
          : "exclusions supérieures à 0 % : la v2.3 exige leur description, que le fichier ne collecte pas",
      );
    }
    if (f.referenceYear >= 2025) missing.push(PACT_MISSING.v2From2025);
  } else {
    if (p?.inclBiogenicKgPerUnit == null) missing.push(PACT_MISSING.inclBiogenic);
    if (f.activityUnit === "unit" && !(p?.productMassKg != null && p.productMassKg > 0)) missing.push(PACT_MISSING.mass);
  }
  return { missing, reasons };
}

function buildV2(f: NormalisedFactor, common: Record<string, unknown>): Record<string, unknown> {
  const std = standardsOf[f.method]!;
  const p = f.pcf!;
  return {
    ...common,
    version: 1,
    productCategoryCpc: p.cpcCode,
    pcf: {
      declaredUnit: "kilowatt hour",
      unitaryProductAmount: "1",
      pCfExcludingBiogenic: toDecimalString(f.valueKgPerUnit),
      ...(p.inclBiogenicKgPerUnit != null ? { pCfIncludingBiogenic: toDecimalString(p.inclBiogenicKgPerUnit) } : {}),
      fossilGhgEmissions: toDecimalString(p.fossilKgPerUnit!),
      fossilCarbonContent: toDecimalString(p.fossilCarbonKgC!),
      biogenicCarbonContent: toDecimalString(p.biogenicCarbonKgC!),
      ...(p.productMassKg != null ? { productMassPerDeclaredUnit: toDecimalString(p.productMassKg) } : {}),
      characterizationFactors: p.ipccAr,
      ipccCharacterizationFactorsSources: [p.ipccAr],
      crossSectoralStandardsUsed: std.used,
      crossSectoralStandards: std.standards,
      ...(std.rules ? { productOrSectorSpecificRules: std.rules } : {}),
      boundaryProcessesDescription: p.boundaryDescription,
      referencePeriodStart: `${f.referenceYear}-01-01T00:00:00Z`,
      referencePeriodEnd: `${f.referenceYear + 1}-01-01T00:00:00Z`,
      exemptedEmissionsPercent: p.exemptedPct,
      exemptedEmissionsDescription: "",
      packagingEmissionsIncluded: p.packagingIncluded,
      ...(f.verifiedBy ? { assurance: { assurance: true, providerName: f.verifiedBy } } : {}),
    },
  };
}

function buildV3(f: NormalisedFactor, common: Record<string, unknown>): Record<string, unknown> {
  const std = standardsOf[f.method]!;
  const p = f.pcf!;
  const unit = f.activityUnit === "unit" ? "piece" : f.activityUnit === "hour" ? "hour" : "kilowatt hour";
  return {
    ...common,
    ...(p.cpcCode ? { productClassifications: [`urn:pact:productclassification:un-cpc:${p.cpcCode}`] } : {}),
    pcf: {
      declaredUnitOfMeasurement: unit,
      declaredUnitAmount: "1",
      // The spec: the real mass for a piece; 0 for energy and services.
      productMassPerDeclaredUnit: unit === "piece" ? toDecimalString(p.productMassKg!) : "0",
      referencePeriodStart: `${f.referenceYear}-01-01T00:00:00Z`,
      referencePeriodEnd: `${f.referenceYear + 1}-01-01T00:00:00Z`,
      ...(p.boundaryDescription ? { boundaryProcessesDescription: p.boundaryDescription } : {}),
      pcfExcludingBiogenicUptake: toDecimalString(f.valueKgPerUnit),
      pcfIncludingBiogenicUptake: toDecimalString(p.inclBiogenicKgPerUnit!),
      fossilCarbonContent: toDecimalString(p.fossilCarbonKgC!),
      ...(p.biogenicCarbonKgC != null ? { biogenicCarbonContent: toDecimalString(p.biogenicCarbonKgC) } : {}),
      fossilGhgEmissions: toDecimalString(p.fossilKgPerUnit!),
      ...(p.packagingIncluded != null ? { packagingEmissionsIncluded: p.packagingIncluded } : {}),
      ipccCharacterizationFactors: [p.ipccAr],
      crossSectoralStandards: std.standards,
      ...(std.rules ? { productOrSectorSpecificRules: std.rules } : {}),
      exemptedEmissionsPercent: toDecimalString(p.exemptedPct!),
      ...(f.verifiedBy ? { verification: { providerName: f.verifiedBy } } : {}),
    },
  };
}

/** Export factors as PACT ProductFootprints of ONE spec version (see the module comment). */
export function factorsToPact(factors: readonly NormalisedFactor[], company: PactCompany, options: PactExportOptions): PactExport {
  const { version } = options;
  const specVersion = SPEC_VERSION[version];
  const created = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const footprints: Record<string, unknown>[] = [];
  const skipped: PactSkipped[] = [];
  for (const f of factors) {
    const issues = pactExportIssues(f, version);
    if (issues.missing.length > 0 || issues.reasons.length > 0) {
      skipped.push({ line: f.line, item: f.item, ...issues });
      continue;
    }
    const common = {
      id: options.idFor?.(f) ?? globalThis.crypto.randomUUID(),
      specVersion,
      created,
      status: "Active",
      companyName: company.name,
      companyIds: company.ids,
      productDescription: f.item,
      productIds: [options.productIdFor?.(f) ?? `urn:pact:nr-procure:product-id:${slug(f.item)}`],
      productNameCompany: f.item,
      comment: f.source ? `Facteur déclaré par le fournisseur dans NR Procure ; source : ${f.source}` : "Facteur déclaré par le fournisseur dans NR Procure.",
    };
    const footprint = version === "2.3" ? buildV2(f, common) : buildV3(f, common);
    // Our own yardstick: a footprint that does not validate is a bug, never sent.
    const check = (version === "2.3" ? pactV2FootprintSpecSchema : pactV3FootprintSpecSchema).safeParse(footprint);
    if (!check.success) throw new Error(`PACT ${specVersion} export of line ${f.line} does not validate: ${check.error.message}`);
    footprints.push(footprint);
  }
  return { version, specVersion, footprints, skipped };
}
