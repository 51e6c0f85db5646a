/**
 * The zod schemas of one emission-factor row — shared by the web upload, the CLI
 * (`scripts/factors-check.ts`) and the PACT import, so that every entry point says the same thing.
 *
 * - `factorRowSchema` / `createFactorRowSchema(options)`: input = the row's cells as text, keyed by
 *   canonical column name (missing column = `undefined`); output = the normalised factor without
 *   `line` and `extra`. Every problem is a zod issue whose `path[0]` is the canonical column and
 *   whose message is French, e.g. `« -3 » n'est pas un nombre positif`.
 * - `normalisedFactorSchema`: the normalised factor itself (what the reader returns and the
 *   database import stores), for re-validation at the database edge.
 */
import { z } from "zod";
import { segments } from "#questionnaires/segments";
import { activityUnitIdSchema, massUnitIdSchema } from "#questionnaires/emission-factors/units";
import { accountingIdSchema, accountingIds, methodIdSchema, methodIds } from "#questionnaires/emission-factors/methods";
import { factorColumns, type FactorColumn } from "./columns";
import { parseDecimalDetailed, parsePlainDecimal, type DecimalSeparator } from "./numbers";
import { parseUnit } from "./units";

export const MIN_REFERENCE_YEAR = 2000;

/** Longest text accepted per column (database and display guard). */
export const TEXT_MAX_LENGTH = { item: 300, segment: 200, verified_by: 200, source: 2000, boundary_description: 2000 } as const;

// ---------------------------------------------------------------------------------------------
// The normalised factor

export const normalisedFactorSchema = z.strictObject({
  /** Physical line of the file where the row starts (1 = header). */
  line: z.number().int().min(1),
  item: z.string().min(1),
  /** Segment id when the cell names a known purchasing segment (id or label), else the text as written. */
  segment: z.string().min(1),
  ghgCategory: z.number().int().min(1).max(15).nullable(),
  /** The value as written in the file, in `unit`. */
  value: z.number().finite().min(0),
  /** The unit as written in the file. */
  unit: z.string().min(1),
  massUnit: massUnitIdSchema,
  activityUnit: activityUnitIdSchema,
  /** kgCO2e per activity unit: `value` with the mass converted to kg. */
  valueKgPerUnit: z.number().finite().min(0),
  uncertaintyPct: z.number().min(0).max(100).nullable(),
  method: methodIdSchema,
  accounting: accountingIdSchema.nullable(),
  referenceYear: z.number().int().min(MIN_REFERENCE_YEAR),
  verifiedBy: z.string().min(1).nullable(),
  source: z.string().min(1).nullable(),
  /**
   * Product-footprint data for a WBCSD PACT export (optional columns, issue 18), `null` when the
   * row gives none of them. Values per activity unit, CO2e masses converted to kg like `valueKgPerUnit`.
   */
  pcf: z
    .strictObject({
      productMassKg: z.number().finite().min(0).nullable(),
      cpcCode: z.string().min(1).nullable(),
      fossilKgPerUnit: z.number().finite().min(0).nullable(),
      inclBiogenicKgPerUnit: z.number().finite().nullable(),
      fossilCarbonKgC: z.number().finite().min(0).nullable(),
      biogenicCarbonKgC: z.number().finite().min(0).nullable(),
      boundary: z.enum(["cradle-to-gate", "cradle-to-grave", "gate-to-gate"]).nullable(),
      boundaryDescription: z.string().min(1).nullable(),
      exemptedPct: z.number().min(0).max(100).nullable(),
      packagingIncluded: z.boolean().nullable(),
      ipccAr: z.enum(["AR5", "AR6"]).nullable(),
    })
    .nullable()
    .optional(),
  /**
   * Cells of columns the contract does not know, keyed by header as written. When the file has no
   * such column, the reader gives every factor the same frozen empty object: copy before mutating.
   */
  extra: z.record(z.string(), z.string()),
});
export type NormalisedFactor = z.infer<typeof normalisedFactorSchema>;
export type ProductFootprintData = NonNullable<NormalisedFactor["pcf"]>;
export type LifeCycleBoundary = NonNullable<ProductFootprintData["boundary"]>;

/** What `factorRowSchema` returns: the normalised factor before the reader adds `line` and `extra`. */
export type FactorRowOutput = Omit<NormalisedFactor, "line" | "extra">;

/** Cells of one row, by canonical column; `undefined` when the file has no such column. */
export type FactorRowInput = Partial<Record<FactorColumn, string>>;

// ---------------------------------------------------------------------------------------------
// French messages

/** `« text »`, shortened to 80 characters. */
export function quoted(text: string): string {
  const t = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return `« ${t} »`;
}

export const messages = {
  required: "champ obligatoire vide",
  notANumber: (v: string) => `${quoted(v)} n'est pas un nombre (ex. 1234,5 ou 1 234,5 ou 1234.5)`,
  ambiguousNumber: (v: string) =>
    `${quoted(v)} est ambigu (virgule décimale ou séparateur de milliers ?) : écrivez ${v.trim().replace(",", ".")} pour un nombre décimal, ou ${v.trim().replace(",", "")} sans séparateur de milliers`,
  notPositive: (v: string) => `${quoted(v)} n'est pas un nombre positif`,
  unknownUnit: (v: string) =>
    `${quoted(v)} n'est pas une unité reconnue (attendu : <masse>CO2e/<unité d'activité>, ex. kgCO2e/kWh)`,
  unknownMethod: (v: string) =>
    `${quoted(v)} n'est pas une méthode reconnue (attendu : ${methodIds.slice(0, -1).join(", ")} ou ${methodIds.at(-1)})`,
  unknownAccounting: (v: string) =>
    `${quoted(v)} n'est pas une base de comptabilisation reconnue (attendu : ${accountingIds.join(" ou ")})`,
  notAYear: (v: string) => `${quoted(v)} n'est pas une année (attendu : 4 chiffres, ex. 2024)`,
  yearOutOfRange: (v: string, max: number) =>
    `${quoted(v)} : l'année de référence doit être comprise entre ${MIN_REFERENCE_YEAR} et ${max}`,
  uncertaintyOutOfRange: (v: string) => `${quoted(v)} : l'incertitude doit être comprise entre 0 et 100 %`,
  categoryOutOfRange: (v: string) => `${quoted(v)} : la catégorie GHG Protocol doit être un nombre entier de 1 à 15`,
  notACpcCode: (v: string) => `${quoted(v)} n'est pas un code CPC (attendu : 1 à 5 chiffres, ex. 4527)`,
  unknownBoundary: (v: string) => `${quoted(v)} n'est pas un périmètre reconnu (attendu : berceau-porte, berceau-tombe ou porte-porte ; cradle-to-gate, cradle-to-grave ou gate-to-gate)`,
  notYesNo: (v: string) => `${quoted(v)} : répondez oui ou non`,
  unknownIpccReport: (v: string) => `${quoted(v)} n'est pas un rapport du GIEC reconnu (attendu : AR5 ou AR6)`,
  notAPercent: (v: string) => `${quoted(v)} : un pourcentage entre 0 et 100 est attendu`,
  tooLong: (length: number, max: number) => `texte trop long (${length} caractères, ${max} au plus)`,
  unreadableCharacter: (v: string) =>
    `${quoted(v)} contient un caractère illisible (« \uFFFD ») : le fichier mélange plusieurs encodages ; enregistrez-le au format « CSV UTF-8 »`,
} as const;

// ---------------------------------------------------------------------------------------------
// Cell parsers

/**
 * A cell parser returns the value, or a `CellError`. No wrapper object on success: the hot path of
 * a 200,000-row file allocates as little as possible (and mixing long-lived cached results with
 * short-lived ones at one allocation site makes V8 pretenure that site — measured: +150 MB).
 */
class CellError {
  constructor(readonly message: string) {}
}
type CellResult<T> = T | CellError;
const ok = <T>(value: T): CellResult<T> => value;
const fail = (message: string): CellError => new CellError(message);

/** Distinct cells remembered per cached column (units, segments, methods repeat across rows). */
const CACHE_LIMIT = 4096;

/** Returned by a cell's plain reader when the cell is not valid (zod then says why). */
const INVALID: unique symbol = Symbol("invalid cell");

/**
 * One column's rule, twice from the same code: `schema`, the zod schema (the authority for error
 * messages), and `read`, a plain function giving the same value for a valid cell or INVALID —
 * the row's fast path (issue 16: zod's machinery was most of the reader's cost on valid rows).
 */
interface Cell<T> {
  schema: z.ZodType<T, string | undefined>;
  read: (raw: string | undefined) => T | typeof INVALID;
}

function cell<T>(required: true, parse: (text: string) => CellResult<T>, cached?: boolean): Cell<T>;
function cell<T>(required: false, parse: (text: string) => CellResult<T>, cached?: boolean): Cell<T | null>;
function cell<T>(required: boolean, parse: (text: string) => CellResult<T>, cached = false): Cell<T | null> {
  const cache = cached ? new Map<string, CellResult<T>>() : null;
  const result = (text: string): CellResult<T> => {
    let r = cache?.get(text);
    if (r === undefined) {
      r = parse(text);
      if (cache && cache.size < CACHE_LIMIT) cache.set(detach(text), r); // a slice would keep its text chunk alive
    }
    return r;
  };
  const schema = z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const text = raw === undefined ? "" : raw.trim();
      if (text === "") {
        if (!required) return null;
        ctx.issues.push({ code: "custom", message: messages.required, input: raw ?? "" });
        return z.NEVER;
      }
      const r = result(text);
      if (r instanceof CellError) {
        ctx.issues.push({ code: "custom", message: r.message, input: raw ?? "" });
        return z.NEVER;
      }
      return r;
    });
  const readText = (raw: string | undefined): T | null | typeof INVALID => {
    if (raw !== undefined && typeof raw !== "string") return INVALID;
    const text = raw === undefined ? "" : raw.trim();
    if (text === "") return required ? INVALID : null;
    const r = result(text);
    return r instanceof CellError ? INVALID : r;
  };
  // Cached columns also remember the plain reading of each cell as written (before trimming): one
  // lookup per cell on the hot path (issue 16).
  const rawCache = cached ? new Map<string, T | null | typeof INVALID>() : null;
  const read =
    rawCache === null
      ? readText
      : (raw: string | undefined): T | null | typeof INVALID => {
          if (typeof raw !== "string") return raw === undefined ? (required ? INVALID : null) : INVALID;
          let r = rawCache.get(raw);
          if (r === undefined) {
            r = readText(raw);
            if (rawCache.size < CACHE_LIMIT) rawCache.set(detach(raw), r);
          }
          return r;
        };
  return { schema: schema as z.ZodType<T | null, string | undefined>, read };
}

// eslint-disable-next-line no-control-regex -- "is it plain ASCII?" is a test on code points 0–127
const accentless = (s: string) => (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize("NFD").replace(/\p{M}/gu, "")).toLowerCase();

const segmentByKey = new Map<string, string>(
  segments.flatMap((s) => [
    [s.id, s.id],
    [accentless(s.label), s.id],
  ]),
);

/** The purchasing-segment id named by `text` (id or French label, case and accents ignored), or `null`. */
export function resolveSegmentId(text: string): string | null {
  return segmentByKey.get(accentless(text.trim()).replace(/\s+/g, " ")) ?? null;
}

/**
 * A copy of `s` that does not keep its source alive. Cells are slices of the parser's text chunks,
 * and V8 keeps a whole chunk in memory as long as one slice of it lives: without this, keeping
 * 200,000 factors would keep the whole decoded file too. (`" " + s` then `slice(1)` makes V8 copy
 * the characters — about 0.1 µs.)
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

const same = (s: string) => s;

function text(max: number, copy: (s: string) => string = detach) {
  return (s: string): CellResult<string> => (s.length > max ? fail(messages.tooLong(s.length, max)) : ok(copy(s)));
}

/** `/^\d{4}$/.test(s)`, without the regular expression (once per row). */
function isFourDigits(s: string): boolean {
  if (s.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function slugKey(s: string): string {
  return s.toLowerCase().replace(/[\s_]+/g, "-");
}
const methodByKey = new Map<string, (typeof methodIds)[number]>(methodIds.map((m) => [m, m]));
const accountingByKey = new Map<string, (typeof accountingIds)[number]>(accountingIds.map((a) => [a, a]));

const boundaryByKey = new Map<string, LifeCycleBoundary>([
  ["cradle-to-gate", "cradle-to-gate"],
  ["berceau-porte", "cradle-to-gate"],
  ["berceau-a-la-porte", "cradle-to-gate"],
  ["cradle-to-grave", "cradle-to-grave"],
  ["berceau-tombe", "cradle-to-grave"],
  ["berceau-a-la-tombe", "cradle-to-grave"],
  ["gate-to-gate", "gate-to-gate"],
  ["porte-porte", "gate-to-gate"],
  ["porte-a-porte", "gate-to-gate"],
]);

const toKg = (value: number, factorToKg: number) => (factorToKg >= 1 ? value * factorToKg : value / Math.round(1 / factorToKg));

/** The optional product-footprint cells of a row, or `null` when it gives none (most files). */
function productFootprintData(
  r: {
    product_mass_kg: number | null;
    cpc_code: string | null;
    fossil_value: number | null;
    value_incl_biogenic: number | null;
    fossil_carbon_kgc: number | null;
    biogenic_carbon_kgc: number | null;
    boundary: LifeCycleBoundary | null;
    boundary_description: string | null;
    exempted_pct: number | null;
    packaging_included: boolean | null;
    ipcc_ar: "AR5" | "AR6" | null;
  },
  factorToKg: number,
): ProductFootprintData | null {
  if (
    r.product_mass_kg === null && r.cpc_code === null && r.fossil_value === null && r.value_incl_biogenic === null &&
    r.fossil_carbon_kgc === null && r.biogenic_carbon_kgc === null && r.boundary === null && r.boundary_description === null &&
    r.exempted_pct === null && r.packaging_included === null && r.ipcc_ar === null
  ) {
    return null;
  }
  return {
    productMassKg: r.product_mass_kg,
    cpcCode: r.cpc_code,
    fossilKgPerUnit: r.fossil_value === null ? null : toKg(r.fossil_value, factorToKg),
    inclBiogenicKgPerUnit: r.value_incl_biogenic === null ? null : toKg(r.value_incl_biogenic, factorToKg),
    fossilCarbonKgC: r.fossil_carbon_kgc,
    biogenicCarbonKgC: r.biogenic_carbon_kgc,
    boundary: r.boundary,
    boundaryDescription: r.boundary_description,
    exemptedPct: r.exempted_pct,
    packagingIncluded: r.packaging_included,
    ipccAr: r.ipcc_ar,
  };
}

export interface FactorRowSchemaOptions {
  /** Latest accepted reference year; by default the current year at the time of parsing. */
  currentYear?: number;
  /** The file's decimal convention, to read `1,234` (see `parseDecimal`); unknown by default. */
  decimalSeparator?: DecimalSeparator;
  /**
   * `false`: the item and source texts are returned as slices of the cells given, not copies
   * (`detach`) — for a caller that does not keep the factors (the reader with `onFactor`; issue 16).
   * Cached cells are always copies. Default `true`.
   */
  detachText?: boolean;
}

/** Build the row schema for one file (its decimal convention and the current year). */
export function createFactorRowSchema(options: FactorRowSchemaOptions = {}) {
  const { decimalSeparator } = options;
  const keep = options.detachText === false ? same : detach;
  const maxYear = () => options.currentYear ?? new Date().getFullYear();

  const nonNegative = (s: string): CellResult<number> => {
    const plain = parsePlainDecimal(s);
    if (plain !== undefined) return plain;
    const n = parseDecimalDetailed(s, { decimalSeparator });
    if (!n.ok) return fail(n.reason === "ambiguous" ? messages.ambiguousNumber(s) : messages.notANumber(s));
    return n.value < 0 ? fail(messages.notPositive(s)) : ok(n.value);
  };

  const anyDecimal = (s: string): CellResult<number> => {
    const plain = parsePlainDecimal(s);
    if (plain !== undefined) return plain;
    const n = parseDecimalDetailed(s, { decimalSeparator });
    return n.ok ? ok(n.value) : fail(n.reason === "ambiguous" ? messages.ambiguousNumber(s) : messages.notANumber(s));
  };

  const cells = {
      item: cell(true, text(TEXT_MAX_LENGTH.item, keep)),
      segment: cell(
        true,
        (s) => {
          const t = text(TEXT_MAX_LENGTH.segment)(s);
          return t instanceof CellError ? t : resolveSegmentId(s) ?? detach(s);
        },
        true,
      ),
      ghg_category: cell(false, (s) => {
        const m = /^(?:cat(?:egorie|\.)?\s*|c)?(\d{1,2})$/.exec(accentless(s));
        const n = m ? Number(m[1]) : NaN;
        return Number.isInteger(n) && n >= 1 && n <= 15 ? ok(n) : fail(messages.categoryOutOfRange(s));
      }, true),
      value: cell(true, nonNegative),
      unit: cell(true, (s) => {
        const parsed = parseUnit(s);
        return parsed ? ok({ text: detach(s), ...parsed }) : fail(messages.unknownUnit(s));
      }, true),
      uncertainty_pct: cell(false, (s) => {
        const bare = s.replace(/^(?:±|\+\/-|\+-)\s*/, "").replace(/\s*%$/, "");
        const n = parseDecimalDetailed(bare, { decimalSeparator });
        if (!n.ok) return fail(n.reason === "ambiguous" ? messages.ambiguousNumber(s) : messages.notANumber(s));
        return n.value >= 0 && n.value <= 100 ? ok(n.value) : fail(messages.uncertaintyOutOfRange(s));
      }, true),
      method: cell(true, (s) => {
        const id = methodByKey.get(slugKey(s));
        return id ? ok(id) : fail(messages.unknownMethod(s));
      }, true),
      accounting: cell(false, (s) => {
        const id = accountingByKey.get(slugKey(s));
        return id ? ok(id) : fail(messages.unknownAccounting(s));
      }, true),
      reference_year: cell(true, (s) => {
        if (!isFourDigits(s)) return fail(messages.notAYear(s));
        const year = Number(s);
        const max = maxYear();
        return year >= MIN_REFERENCE_YEAR && year <= max ? ok(year) : fail(messages.yearOutOfRange(s, max));
      }),
      verified_by: cell(false, text(TEXT_MAX_LENGTH.verified_by), true),
      source: cell(false, text(TEXT_MAX_LENGTH.source, keep)),
      product_mass_kg: cell(false, nonNegative),
      cpc_code: cell(false, (s) => (/^\d{1,5}$/.test(s) ? ok(s) : fail(messages.notACpcCode(s))), true),
      fossil_value: cell(false, nonNegative),
      value_incl_biogenic: cell(false, anyDecimal),
      fossil_carbon_kgc: cell(false, nonNegative),
      biogenic_carbon_kgc: cell(false, nonNegative),
      boundary: cell(false, (s) => {
        const id = boundaryByKey.get(slugKey(accentless(s)));
        return id ? ok(id) : fail(messages.unknownBoundary(s));
      }, true),
      boundary_description: cell(false, text(TEXT_MAX_LENGTH.boundary_description), true),
      exempted_pct: cell(false, (s) => {
        const n = parseDecimalDetailed(s.replace(/\s*%$/, ""), { decimalSeparator });
        if (!n.ok) return fail(messages.notANumber(s));
        return n.value >= 0 && n.value <= 100 ? ok(n.value) : fail(messages.notAPercent(s));
      }, true),
      packaging_included: cell(false, (s) => {
        const k = accentless(s);
        if (["oui", "o", "yes", "y", "true", "vrai", "1"].includes(k)) return ok(true);
        if (["non", "n", "no", "false", "faux", "0"].includes(k)) return ok(false);
        return fail(messages.notYesNo(s));
      }, true),
      ipcc_ar: cell(false, (s) => {
        const k = s.toUpperCase().replace(/\s+/g, "");
        return k === "AR5" || k === "AR6" ? ok(k) : fail(messages.unknownIpccReport(s));
      }, true),
  };
  type Cells = typeof cells;
  type Row = { [K in keyof Cells]: Cells[K] extends Cell<infer T> ? T : never };
  const output = (r: Row): FactorRowOutput => ({
        item: r.item,
        segment: r.segment,
        ghgCategory: r.ghg_category,
        value: r.value,
        unit: r.unit.text,
        massUnit: r.unit.mass,
        activityUnit: r.unit.activity,
        // Divide for grams (156.3 / 1000 is exact to the last digit, 156.3 * 0.001 is not).
        valueKgPerUnit: toKg(r.value, r.unit.factorToKg),
        uncertaintyPct: r.uncertainty_pct,
        method: r.method,
        accounting: r.accounting,
        referenceYear: r.reference_year,
        verifiedBy: r.verified_by,
        source: r.source,
        pcf: productFootprintData(r, r.unit.factorToKg),
  });
  const schema = z
    .object(Object.fromEntries(Object.entries(cells).map(([k, c]) => [k, c.schema])) as { [K in keyof Cells]: Cells[K]["schema"] })
    .transform((r) => output(r as Row));
  const keys = Object.keys(cells) as (keyof Cells)[];

  /**
   * `fastSafeParse`: `schema.safeParse` with a fast path: each cell read by the same functions without zod; the
   * first invalid cell sends the row to zod, which finds every issue with its French message.
   * Same data for a valid row, same issues for an invalid one.
   */
  // The readers in `keys` order, and the row built as one object literal of fixed shape: reading
  // `cells[k]` / `input[k]` and adding `row[k]` by a variable key made the loop a third of the
  // validation's time (issue 16, CPU profile of the factor bench).
  const readers = keys.map((k) => cells[k].read as (raw: string | undefined) => unknown);
  const read = (i: number, raw: string | undefined) => readers[i]!(raw);
  function fastSafeParse(input: FactorRowInput): ReturnType<typeof schema.safeParse> {
    const v0 = read(0, input.item), v1 = read(1, input.segment), v2 = read(2, input.ghg_category), v3 = read(3, input.value);
    const v4 = read(4, input.unit), v5 = read(5, input.uncertainty_pct), v6 = read(6, input.method), v7 = read(7, input.accounting);
    const v8 = read(8, input.reference_year), v9 = read(9, input.verified_by), v10 = read(10, input.source), v11 = read(11, input.product_mass_kg);
    const v12 = read(12, input.cpc_code), v13 = read(13, input.fossil_value), v14 = read(14, input.value_incl_biogenic);
    const v15 = read(15, input.fossil_carbon_kgc), v16 = read(16, input.biogenic_carbon_kgc), v17 = read(17, input.boundary);
    const v18 = read(18, input.boundary_description), v19 = read(19, input.exempted_pct), v20 = read(20, input.packaging_included), v21 = read(21, input.ipcc_ar);
    if (
      v0 === INVALID || v1 === INVALID || v2 === INVALID || v3 === INVALID || v4 === INVALID || v5 === INVALID || v6 === INVALID || v7 === INVALID ||
      v8 === INVALID || v9 === INVALID || v10 === INVALID || v11 === INVALID || v12 === INVALID || v13 === INVALID || v14 === INVALID ||
      v15 === INVALID || v16 === INVALID || v17 === INVALID || v18 === INVALID || v19 === INVALID || v20 === INVALID || v21 === INVALID
    ) {
      return schema.safeParse(input);
    }
    const row = {
      item: v0, segment: v1, ghg_category: v2, value: v3, unit: v4, uncertainty_pct: v5, method: v6, accounting: v7, reference_year: v8,
      verified_by: v9, source: v10, product_mass_kg: v11, cpc_code: v12, fossil_value: v13, value_incl_biogenic: v14, fossil_carbon_kgc: v15,
      biogenic_carbon_kgc: v16, boundary: v17, boundary_description: v18, exempted_pct: v19, packaging_included: v20, ipcc_ar: v21,
    };
    return { success: true, data: output(row as Row) } as ReturnType<typeof schema.safeParse>;
  }
  // The literal above lists the cells in `keys` order; a cell added to `cells` must be added there.
  const FAST_KEYS = "item segment ghg_category value unit uncertainty_pct method accounting reference_year verified_by source product_mass_kg cpc_code fossil_value value_incl_biogenic fossil_carbon_kgc biogenic_carbon_kgc boundary boundary_description exempted_pct packaging_included ipcc_ar";
  if (keys.join(" ") !== FAST_KEYS) throw new Error(`fastSafeParse: colonnes ${keys.join(" ")} ≠ ${FAST_KEYS}`);
  if (factorColumns.join(" ") !== FAST_KEYS) throw new Error(`fastFactor: colonnes ${factorColumns.join(" ")} ≠ ${FAST_KEYS}`);

  // One call site per reader (a shared `readers[i](…)` site sees 22 functions and stays slow).
  const r0 = cells.item.read, r1 = cells.segment.read, r2 = cells.ghg_category.read, r3 = cells.value.read, r4 = cells.unit.read;
  const r5 = cells.uncertainty_pct.read, r6 = cells.method.read, r7 = cells.accounting.read, r8 = cells.reference_year.read;
  const r9 = cells.verified_by.read, r10 = cells.source.read, r11 = cells.product_mass_kg.read, r12 = cells.cpc_code.read;
  const r13 = cells.fossil_value.read, r14 = cells.value_incl_biogenic.read, r15 = cells.fossil_carbon_kgc.read;
  const r16 = cells.biogenic_carbon_kgc.read, r17 = cells.boundary.read, r18 = cells.boundary_description.read;
  const r19 = cells.exempted_pct.read, r20 = cells.packaging_included.read, r21 = cells.ipcc_ar.read;
  /**
   * `fastFactor`: the reader's hot path (issue 16). The row's cells in `factorColumns` order
   * (`undefined` for a column the file does not have) → the normalised factor the reader returns
   * (`line` and `extra` included), built as one object; `null` when a cell is not valid — the
   * caller then runs the zod schema for the French messages. Same factor as `safeParse` + the
   * reader's `line`/`extra` (unit-tested).
   */
  function fastFactor(c: readonly (string | undefined)[], line: number, extra: Record<string, string>): NormalisedFactor | null {
    const v0 = r0(c[0]), v1 = r1(c[1]), v2 = r2(c[2]), v3 = r3(c[3]), v4 = r4(c[4]), v5 = r5(c[5]), v6 = r6(c[6]), v7 = r7(c[7]);
    const v8 = r8(c[8]), v9 = r9(c[9]), v10 = r10(c[10]);
    if (
      v0 === INVALID || v1 === INVALID || v2 === INVALID || v3 === INVALID || v4 === INVALID || v5 === INVALID || v6 === INVALID || v7 === INVALID ||
      v8 === INVALID || v9 === INVALID || v10 === INVALID
    ) {
      return null;
    }
    let pcf: ProductFootprintData | null = null;
    // The product-footprint columns (most files have none: 11 `undefined` cells, no call).
    if (
      c[11] !== undefined || c[12] !== undefined || c[13] !== undefined || c[14] !== undefined || c[15] !== undefined || c[16] !== undefined ||
      c[17] !== undefined || c[18] !== undefined || c[19] !== undefined || c[20] !== undefined || c[21] !== undefined
    ) {
      const v11 = r11(c[11]), v12 = r12(c[12]), v13 = r13(c[13]), v14 = r14(c[14]), v15 = r15(c[15]), v16 = r16(c[16]);
      const v17 = r17(c[17]), v18 = r18(c[18]), v19 = r19(c[19]), v20 = r20(c[20]), v21 = r21(c[21]);
      if (
        v11 === INVALID || v12 === INVALID || v13 === INVALID || v14 === INVALID || v15 === INVALID || v16 === INVALID || v17 === INVALID ||
        v18 === INVALID || v19 === INVALID || v20 === INVALID || v21 === INVALID
      ) {
        return null;
      }
      pcf = productFootprintData(
        {
          product_mass_kg: v11, cpc_code: v12, fossil_value: v13, value_incl_biogenic: v14, fossil_carbon_kgc: v15, biogenic_carbon_kgc: v16,
          boundary: v17, boundary_description: v18, exempted_pct: v19, packaging_included: v20, ipcc_ar: v21,
        },
        v4.factorToKg,
      );
    }
    const factor: NormalisedFactor = {
      line,
      item: v0,
      segment: v1,
      ghgCategory: v2,
      value: v3,
      unit: v4.text,
      massUnit: v4.mass,
      activityUnit: v4.activity,
      valueKgPerUnit: toKg(v3, v4.factorToKg),
      uncertaintyPct: v5,
      method: v6,
      accounting: v7,
      referenceYear: v8,
      verifiedBy: v9,
      source: v10,
      extra,
    };
    if (pcf) factor.pcf = pcf;
    return factor;
  }
  return Object.assign(schema, { fastSafeParse, fastFactor });
}

export type FactorRowSchema = ReturnType<typeof createFactorRowSchema>;

/** The row schema with no file-specific options: the current year is read at parse time. */
export const factorRowSchema: FactorRowSchema = createFactorRowSchema();
