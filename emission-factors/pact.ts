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
 * Export, `factorsToPact(factors, company)`: kWh factors as spec 2.3 footprints ("kilowatt hour");
 * per-unit and per-hour factors as spec 3.0 footprints ("piece", "hour" exist only in 3.x). Other
 * units, monetary ratios and "other" methods are not product footprints and are skipped with a
 * reason. Mandatory PACT fields that the factor file does not collect are filled with neutral
 * defaults (carbon contents 0, fossil emissions = total, AR6, no packaging) and said so in `comment`.
 */
import { z } from "zod";
import type { ActivityUnitId } from "#questionnaires/emission-factors/units";
import type { MethodId } from "#questionnaires/emission-factors/methods";
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
  /** Creation timestamp (default: now). */
  now?: Date;
  /** Footprint id (UUID) for a factor (default: random UUID). */
  idFor?: (factor: NormalisedFactor) => string;
  /** Product URN for a factor (default: `urn:pact:nr-procure:product-id:<slug of the item>`). */
  productIdFor?: (factor: NormalisedFactor) => string;
}

export interface PactExport {
  footprints: Record<string, unknown>[];
  skipped: { line: number; message: string }[];
}

const standardsOf: Partial<Record<MethodId, { v2: string[]; v2Used: string[]; rules?: unknown[] }>> = {
  "lca-iso14040": { v2: ["ISO14040-44"], v2Used: ["ISO Standard 14044"] },
  iso14067: { v2: ["ISO14067"], v2Used: ["ISO Standard 14067"] },
  "ghg-product": { v2: ["GHGP-Product"], v2Used: ["GHG Protocol Product standard"] },
  "pcr-ademe": {
    v2: ["ISO14040-44"],
    v2Used: ["ISO Standard 14044"],
    rules: [{ operator: "Other", ruleNames: ["Référentiel méthodologique ADEME / PCR"], otherOperatorName: "ADEME" }],
  },
};

const DEFAULTS_COMMENT =
  "Facteur d'émission déclaré par le fournisseur dans NR Procure. Champs PACT non collectés renseignés par défaut : émissions fossiles = total, contenus carbone 0, facteurs de caractérisation AR6, emballage non inclus, aucune exemption, masse par unité déclarée 0 (non collectée).";

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

/** Export factors as PACT ProductFootprints (see the module comment for what is exportable). */
export function factorsToPact(factors: readonly NormalisedFactor[], company: PactCompany, options: PactExportOptions = {}): PactExport {
  const created = (options.now ?? new Date()).toISOString();
  const footprints: Record<string, unknown>[] = [];
  const skipped: { line: number; message: string }[] = [];
  for (const f of factors) {
    const std = standardsOf[f.method];
    if (!std) {
      skipped.push({ line: f.line, message: `méthode « ${f.method} » : un ratio monétaire ou une méthode non précisée n'est pas une empreinte produit PACT` });
      continue;
    }
    const version = f.activityUnit === "kWh" ? "2.3.0" : f.activityUnit === "unit" || f.activityUnit === "hour" ? "3.0.0" : null;
    if (!version) {
      skipped.push({ line: f.line, message: `unité « ${f.unit} » sans équivalent PACT (exportables : kWh, unité, heure)` });
      continue;
    }
    const value = toDecimalString(f.valueKgPerUnit);
    const periodStart = `${f.referenceYear}-01-01T00:00:00Z`;
    const periodEnd = `${f.referenceYear + 1}-01-01T00:00:00Z`;
    const common = {
      id: options.idFor?.(f) ?? globalThis.crypto.randomUUID(),
      specVersion: version,
      created,
      status: "Active",
      companyName: company.name,
      companyIds: company.ids,
      productDescription: f.item,
      productIds: [options.productIdFor?.(f) ?? `urn:pact:nr-procure:product-id:${slug(f.item)}`],
      productNameCompany: f.item,
      comment: DEFAULTS_COMMENT,
    };
    if (version === "2.3.0") {
      footprints.push({
        ...common,
        version: 1,
        productCategoryCpc: "",
        pcf: {
          declaredUnit: "kilowatt hour",
          unitaryProductAmount: "1",
          pCfExcludingBiogenic: value,
          fossilGhgEmissions: value,
          fossilCarbonContent: "0",
          biogenicCarbonContent: "0",
          characterizationFactors: "AR6",
          ipccCharacterizationFactorsSources: ["AR6"],
          crossSectoralStandardsUsed: std.v2Used,
          crossSectoralStandards: std.v2,
          ...(std.rules ? { productOrSectorSpecificRules: std.rules } : {}),
          boundaryProcessesDescription: f.source ?? "",
          referencePeriodStart: periodStart,
          referencePeriodEnd: periodEnd,
          exemptedEmissionsPercent: 0,
          exemptedEmissionsDescription: "",
          packagingEmissionsIncluded: false,
          ...(f.verifiedBy ? { assurance: { assurance: true, providerName: f.verifiedBy } } : {}),
        },
      });
    } else {
      footprints.push({
        ...common,
        pcf: {
          declaredUnitOfMeasurement: f.activityUnit === "unit" ? "piece" : "hour",
          declaredUnitAmount: "1",
          productMassPerDeclaredUnit: "0",
          referencePeriodStart: periodStart,
          referencePeriodEnd: periodEnd,
          pcfExcludingBiogenicUptake: value,
          pcfIncludingBiogenicUptake: value,
          fossilGhgEmissions: value,
          fossilCarbonContent: "0",
          ipccCharacterizationFactors: ["AR6"],
          crossSectoralStandards: std.v2,
          ...(std.rules ? { productOrSectorSpecificRules: std.rules } : {}),
          ...(f.source ? { boundaryProcessesDescription: f.source } : {}),
          exemptedEmissionsPercent: "0",
          packagingEmissionsIncluded: false,
          ...(f.verifiedBy ? { verification: { providerName: f.verifiedBy } } : {}),
        },
      });
    }
  }
  return { footprints, skipped };
}
