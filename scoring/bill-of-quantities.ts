/**
 * Bill of quantities (détail quantitatif estimatif, DQE) — issue 12, the pure part: from a bill and
 * one supplier's response per line, the offer's price and carbon footprint, exact to the cent and to
 * the gram, with each line's amount, footprint and share of the footprint.
 *
 * Rules (also in README.md):
 * - line amount = estimated quantity × unit price (€ HT), rounded half up to the cent;
 * - line footprint = estimated quantity × emission factor (kgCO2e per unit), rounded half up to the
 *   gram; when an evaluator replaces the factor by the conservative reference, line footprint =
 *   line amount in k€ × monetary ratio (kgCO2e per k€ HT), rounded half up to the gram
 *   (shared/reference/emission-factors.md §1.3: monetary ratios, kgCO2e per k€ HT);
 * - offer price = Σ line amounts, offer footprint = Σ line footprints: the displayed lines add up
 *   exactly to the displayed totals;
 * - each line's share of the footprint = line footprint / offer footprint × 100 (0 when the
 *   footprint is 0), for display only.
 * Decimal inputs are read as exact decimals (decimal.ts), never as binary floats.
 *
 * The result feeds the lawful-award contract: `price` is the supplier's price, `footprintKg` the
 * value of a `lower-is-better` environmental offer criterion (`footprintOfferCriterion`).
 *
 * Validation: the zod schemas below are the authority (French messages, paths); `billOffer` checks
 * a response in the same pass that computes it and runs the schema only to report problems.
 */
import { z } from "zod";
import type { OfferMethod } from "./constants";
import {
  addExact,
  decimalProblem,
  formatScaled,
  multiplyRounded,
  parseDecimal,
  isZero,
  type Decimal,
} from "./decimal";
import { objectError, show, typeError } from "./messages";
import { formatIssues, type FormattedIssue, type ParseResult } from "./parse";
import { idField, isPlainObject, type OfferCriterion } from "./schema";

const CENTS = 2;
const GRAMS = 3;
/** € → k€ for the monetary ratio: 10^3. */
const KILO = 3;

// ---------------------------------------------------------------------------------------------
// Schemas

/** A non-negative exact decimal: a JSON number or a string ("12,5" or "12.5"). */
function decimalField(label: string, { positive = false } = {}) {
  return z
    .custom<number | string>((v) => parseDecimal(v) !== undefined, {
      error: (iss) =>
        iss.input === undefined
          ? `${label} est obligatoire (nombre décimal ≥ 0).`
          : `${label} doit être un nombre décimal ≥ 0 (virgule ou point décimal) ; reçu ${show(iss.input)} : ${decimalProblem(iss.input)}.`,
    })
    .refine((v) => !positive || !isZero(parseDecimal(v)!), { error: `${label} doit être strictement positive.` });
}

function textField(label: string) {
  return z
    .string({ error: typeError(label, "un texte") })
    .refine((s) => s.trim() !== "", { error: `${label} ne doit pas être vide.` });
}

export const billLineSchema = z.strictObject(
  {
    id: idField("L'identifiant de la ligne"),
    label: textField("Le libellé de la ligne"),
    /** The portal restricts units to those its factor importer understands (piece, kWh, user-month…). */
    unit: textField("L'unité de la ligne"),
    quantity: decimalField("La quantité estimée", { positive: true }),
    segment: textField("Le segment d'achat").optional(),
    /** GHG Protocol scope 3 category, 1–15 (shared/reference/emission-factors.md §2.1). */
    ghgCategory: z
      .number({ error: typeError("La catégorie du scope 3", "un entier de 1 à 15") })
      .int({ error: (iss) => `La catégorie du scope 3 doit être un entier de 1 à 15 ; reçu ${show(iss.input)}.` })
      .min(1, { error: (iss) => `La catégorie du scope 3 doit être un entier de 1 à 15 ; reçu ${show(iss.input)}.` })
      .max(15, { error: (iss) => `La catégorie du scope 3 doit être un entier de 1 à 15 ; reçu ${show(iss.input)}.` })
      .optional(),
  },
  { error: objectError("La ligne du bordereau") },
);

export const billSchema = z
  .strictObject(
    {
      lines: z
        .array(billLineSchema, { error: typeError("Les lignes du bordereau (lines)", "un tableau", true) })
        .min(1, { error: "Le bordereau doit avoir au moins une ligne." }),
    },
    { error: objectError("Le bordereau") },
  )
  .superRefine((bill, ctx) => {
    const seen = new Map<string, number>();
    bill.lines.forEach((line, i) => {
      const first = seen.get(line.id);
      if (first === undefined) seen.set(line.id, i);
      else ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: `Identifiant de ligne en double : « ${line.id} » (déjà utilisé par lines[${first}]).` });
    });
  });

export const factorReplacementSchema = z.strictObject(
  {
    ratio: decimalField("Le ratio monétaire de référence (kgCO2e par k€ HT)"),
    justification: textField("La justification du remplacement"),
  },
  { error: objectError("Le remplacement du facteur (replacement)") },
);

export const billResponseLineSchema = z.strictObject(
  {
    lineId: idField("L'identifiant de la ligne répondue"),
    unitPrice: decimalField("Le prix unitaire (€ HT)"),
    /** kgCO2e per unit of the line; null or absent only when the factor is replaced. */
    factor: decimalField("Le facteur d'émission (kgCO2e par unité)").nullable().optional(),
    /** The evaluator's replacement of the factor by the conservative reference (audited by the portal). */
    replacement: factorReplacementSchema.optional(),
  },
  { error: objectError("La ligne de la réponse") },
);

const billResponseShape = z.strictObject(
  {
    lines: z.array(billResponseLineSchema, { error: typeError("Les lignes de la réponse (lines)", "un tableau", true) }),
  },
  { error: objectError("La réponse au bordereau") },
);

export type Bill = z.output<typeof billSchema>;
export type BillLine = z.output<typeof billLineSchema>;
export type BillResponse = z.output<typeof billResponseShape>;
export type BillResponseLine = z.output<typeof billResponseLineSchema>;

/** The response schema for one bill: every bill line answered once, no other line, a factor or a replacement. */
export function billResponseSchema(bill: Bill) {
  const ids = new Set(bill.lines.map((l) => l.id));
  return billResponseShape.superRefine((response, ctx) => {
    const answered = new Map<string, number>();
    response.lines.forEach((line, i) => {
      if (!ids.has(line.lineId)) {
        ctx.addIssue({ code: "custom", path: ["lines", i, "lineId"], message: `La ligne « ${line.lineId} » n'existe pas dans le bordereau.` });
      } else if (answered.has(line.lineId)) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "lineId"],
          message: `La ligne « ${line.lineId} » a deux réponses (déjà répondue par lines[${answered.get(line.lineId)}]).`,
        });
      } else answered.set(line.lineId, i);
      if ((line.factor === undefined || line.factor === null) && line.replacement === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["lines", i, "factor"],
          message: `Le facteur d'émission (kgCO2e par unité) de la ligne « ${line.lineId} » est obligatoire.`,
        });
      }
    });
    for (const line of bill.lines) {
      if (!answered.has(line.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["lines"],
          message: `La ligne « ${line.id} » (${line.label}) du bordereau n'a pas de réponse : prix unitaire et facteur d'émission attendus.`,
        });
      }
    }
  });
}

const frenchFallback = z.locales.fr().localeError;

export function parseBill(input: unknown): ParseResult<Bill> {
  const r = billSchema.safeParse(input, { error: frenchFallback });
  return r.success ? { success: true, data: r.data, warnings: [] } : { success: false, issues: formatIssues(r.error), warnings: [] };
}

export function parseBillResponse(bill: Bill, input: unknown): ParseResult<BillResponse> {
  const r = billResponseSchema(bill).safeParse(input, { error: frenchFallback });
  return r.success ? { success: true, data: r.data, warnings: [] } : { success: false, issues: formatIssues(r.error), warnings: [] };
}

/** Thrown by `billOffer` / `compileBill` on invalid input; carries every problem (French, with paths). */
export class BillOfQuantitiesError extends Error {
  readonly issues: FormattedIssue[];
  constructor(what: string, issues: FormattedIssue[]) {
    const lines = issues.map((i) => `${i.path || "(racine)"} : ${i.message}`);
    super(`${what} invalide (${issues.length} problème${issues.length > 1 ? "s" : ""}) :\n${lines.join("\n")}`);
    this.name = "BillOfQuantitiesError";
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Computation

/** A validated bill, its quantities read once as exact decimals. */
export interface CompiledBill {
  readonly bill: Bill;
  readonly quantities: readonly Decimal[];
  readonly index: ReadonlyMap<string, number>;
}

/** Validates (throws `BillOfQuantitiesError`) and prepares a bill for pricing many responses. */
export function compileBill(input: unknown): CompiledBill {
  const parsed = parseBill(input);
  if (!parsed.success) throw new BillOfQuantitiesError("Bordereau", parsed.issues);
  const bill = parsed.data;
  return {
    bill,
    quantities: bill.lines.map((l) => parseDecimal(l.quantity)!),
    index: new Map(bill.lines.map((l, i) => [l.id, i])),
  };
}

export interface BillLineResult {
  id: string;
  /** Line amount, € HT, in cents: quantity × unit price rounded half up. */
  amountCents: number;
  /** Line footprint in grams of CO2e: quantity × factor (or the replacement), rounded half up. */
  footprintGrams: number;
  /** Percentage of the offer's footprint (display only; 0 when the footprint is 0). */
  footprintShare: number;
  /** The factor was replaced by the conservative reference (amount in k€ × monetary ratio). */
  replaced: boolean;
}

export interface BillOffer {
  /** Bill order. */
  lines: BillLineResult[];
  /** Σ line amounts, in cents (exact). */
  priceCents: number;
  /** The offer price in € HT, for the scoring input's `price` (= priceCents / 100). */
  price: number;
  /** Σ line footprints, in grams of CO2e (exact). */
  footprintGrams: number;
  /** The offer footprint in kgCO2e, for the footprint offer criterion's value (= footprintGrams / 1000). */
  footprintKg: number;
  /** Plain decimal texts of the totals: "1234.56" (€ HT), "48200.125" (kgCO2e). */
  priceText: string;
  footprintText: string;
}

/** 123456 cents → "1234.56". */
export function formatCents(cents: number): string {
  return formatScaled(cents, CENTS);
}

/** 48200125 grams → "48200.125" (kg). */
export function formatGrams(grams: number): string {
  return formatScaled(grams, GRAMS);
}

/**
 * One supplier's offer from its response: validated against the bill in the same pass (the schema
 * reports the problems when there are any: throws `BillOfQuantitiesError`).
 */
export function billOffer(bill: CompiledBill, response: unknown): BillOffer {
  const n = bill.bill.lines.length;
  const amounts = new Array<number>(n);
  const footprints = new Array<number>(n);
  const replaced = new Uint8Array(n);
  const answered = new Uint8Array(n);
  const lines: unknown = isPlainObject(response) ? response.lines : undefined;
  let ok = Array.isArray(lines) && Object.keys(response as object).length === 1;
  if (ok) {
    const list = lines as unknown[];
    for (let i = 0; ok && i < list.length; i++) ok = priceLine(bill, list[i], amounts, footprints, replaced, answered);
  }
  if (ok) for (let i = 0; i < n; i++) if (answered[i] !== 1) ok = false;
  if (!ok) {
    const parsed = parseBillResponse(bill.bill, response);
    if (!parsed.success) throw new BillOfQuantitiesError("Réponse au bordereau", parsed.issues);
    // Valid but unusual (the fast path only takes the common shapes): compute from the parsed copy.
    replaced.fill(0);
    answered.fill(0);
    for (const line of parsed.data.lines) {
      if (!priceLine(bill, line, amounts, footprints, replaced, answered)) throw new Error(`billOffer: ligne valide non chiffrée (${line.lineId})`);
    }
  }
  let priceCents = 0;
  let footprintGrams = 0;
  for (let i = 0; i < n; i++) {
    priceCents = addExact(priceCents, amounts[i]!);
    footprintGrams = addExact(footprintGrams, footprints[i]!);
  }
  const out = new Array<BillLineResult>(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      id: bill.bill.lines[i]!.id,
      amountCents: amounts[i]!,
      footprintGrams: footprints[i]!,
      footprintShare: footprintGrams === 0 ? 0 : (100 * footprints[i]!) / footprintGrams,
      replaced: replaced[i] === 1,
    };
  }
  return {
    lines: out,
    priceCents,
    price: priceCents / 100,
    footprintGrams,
    footprintKg: footprintGrams / 1000,
    priceText: formatCents(priceCents),
    footprintText: formatGrams(footprintGrams),
  };
}

/** Prices one response line into the arrays; false when anything is off (then the schema decides). */
function priceLine(
  bill: CompiledBill,
  line: unknown,
  amounts: number[],
  footprints: number[],
  replaced: Uint8Array,
  answered: Uint8Array,
): boolean {
  if (!isPlainObject(line)) return false;
  let lineId: unknown;
  let unitPrice: unknown;
  let factor: unknown;
  let replacement: unknown;
  for (const key in line) {
    // An own key holding undefined is an absent optional field for the schema too.
    const v = line[key];
    if (key === "lineId") lineId = v;
    else if (key === "unitPrice") unitPrice = v;
    else if (key === "factor") factor = v;
    else if (key === "replacement") replacement = v;
    else return false;
  }
  if (typeof lineId !== "string") return false;
  const i = bill.index.get(lineId);
  if (i === undefined || answered[i] === 1) return false;
  const price = parseDecimal(unitPrice);
  if (price === undefined) return false;
  const quantity = bill.quantities[i]!;
  const amount = multiplyRounded(quantity, price, CENTS);
  let footprint: number;
  if (replacement !== undefined) {
    if (!isPlainObject(replacement)) return false;
    const keys = Object.keys(replacement);
    const justification = replacement.justification;
    const ratio = parseDecimal(replacement.ratio);
    if (keys.length !== 2 || typeof justification !== "string" || justification.trim() === "" || ratio === undefined) return false;
    if (factor !== undefined && factor !== null && parseDecimal(factor) === undefined) return false;
    // amount in € = cents / 10^2; in k€ one more 10^3: footprint (kg) = cents × ratio / 10^5.
    footprint = multiplyRounded({ mantissa: amount, scale: CENTS }, ratio, GRAMS, KILO);
    replaced[i] = 1;
  } else {
    const f = parseDecimal(factor);
    if (f === undefined) return false;
    footprint = multiplyRounded(quantity, f, GRAMS);
  }
  amounts[i] = amount;
  footprints[i] = footprint;
  answered[i] = 1;
  return true;
}

/**
 * The ready-made environmental offer criterion for the offer footprint (issue 12 §3): kgCO2e, lower is
 * better. Suppliers then carry `offerValues: { [id]: offer.footprintKg }` and `price: offer.price`.
 */
export function footprintOfferCriterion(id: string, share: number, method: OfferMethod = "ratio"): OfferCriterion {
  return { id, share, direction: "lower-is-better", method, environmental: true };
}
