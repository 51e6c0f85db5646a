/**
 * The method compiled for the engine, and the suppliers as a table of typed arrays.
 *
 * Why a table: reading 10,000 suppliers × 47 answers is the cost of scoring (answer objects built
 * key by key are in V8's dictionary mode: every read is a hash lookup), so each answer is read once.
 * The fast validation path (fast-validate.ts) stores the answers it checks as one byte each
 * (`codes`), so `score()` does not read them again; for already validated input (`*Parsed`) the
 * table keeps the answers objects and the engine reads them in its scoring loop. Everything else
 * the engine needs per supplier is a column (typed arrays): no per-supplier object besides the output.
 */
import { NOT_APPLICABLE, type OfferDirection, type OfferMethod } from "./constants";
import type { Supplier } from "./schema";

export interface CompiledQuestion {
  id: string;
  weight: number;
  /** The id names an Object.prototype member ("constructor"…): look it up as an own property only. */
  inherited: boolean;
  /** Index into `criteria`; -1 if the question names no known criterion (only with unvalidated input). */
  criterion: number;
}

export interface CompiledOffer {
  id: string;
  share: number;
  direction: OfferDirection;
  method: OfferMethod;
  environmental: boolean;
}

export interface CompiledMethod {
  criteria: { id: string; weight: number }[];
  /** Tender order. */
  questions: CompiledQuestion[];
  /** Method order; empty for old-style inputs. */
  offers: CompiledOffer[];
}

/** What the engine needs of a method; question weight may be omitted (1), as in the raw input. */
export interface MethodStructure {
  criteria: readonly { id: string; weight: number }[];
  questions: readonly { id: string; criterion: string; weight?: number | undefined }[];
  offerCriteria?:
    | readonly {
        id: string;
        share: number;
        direction?: OfferDirection | undefined;
        method?: OfferMethod | undefined;
        environmental?: boolean | undefined;
      }[]
    | undefined;
}

export function compileMethod(method: MethodStructure): CompiledMethod {
  const index = new Map<string, number>();
  method.criteria.forEach((c, i) => {
    if (!index.has(c.id)) index.set(c.id, i);
  });
  return {
    criteria: method.criteria.map((c) => ({ id: c.id, weight: c.weight })),
    questions: method.questions.map((q) => ({
      id: q.id,
      weight: q.weight ?? 1,
      inherited: q.id in Object.prototype,
      criterion: index.get(q.criterion) ?? -1,
    })),
    offers: (method.offerCriteria ?? []).map((c) => ({
      id: c.id,
      share: c.share,
      // Defaults only matter for a form being edited (markShares); validated input always has them.
      direction: c.direction ?? "lower-is-better",
      method: c.method ?? "linear",
      environmental: c.environmental ?? false,
    })),
  };
}

/** Answer code of "na" in `SupplierTable.codes` (0 = unanswered, 1–5 = the level). */
export const CODE_NA = 6;

export interface SupplierTable {
  n: number;
  ids: string[];
  prices: Float64Array;
  technical: Float64Array;
  /**
   * n × questions, row-major: 0 unanswered (absent or null), 1–5 the level, 6 not applicable.
   * Empty when `answers` is given instead (the engine then reads one row at a time: `readRow`).
   */
  codes: Uint8Array;
  /** The validated answers objects, when `codes` is not filled. */
  answers: readonly Readonly<Record<string, unknown>>[] | undefined;
  /** n × offer criteria: the value, NaN when absent or null. */
  offerValues: Float64Array;
  /** Per supplier: 1 when its review status is known (it has `review`, or only reviewed items count). */
  tracked: Uint8Array;
  /** n × questions: 1 when an evaluator reviewed the answer (meaningful where `tracked`). */
  reviewedAnswers: Uint8Array;
  /** n × offer criteria: 1 when an evaluator reviewed the value. */
  reviewedOffers: Uint8Array;
}

export function emptyTable(n: number, nQuestions: number, nOffers: number, reviews: boolean, withCodes = true): SupplierTable {
  const offerValues = new Float64Array(n * nOffers);
  offerValues.fill(NaN);
  return {
    n,
    ids: new Array<string>(n),
    prices: new Float64Array(n),
    technical: new Float64Array(n),
    codes: new Uint8Array(withCodes ? n * nQuestions : 0),
    answers: undefined,
    offerValues,
    tracked: new Uint8Array(n),
    reviewedAnswers: new Uint8Array(reviews ? n * nQuestions : 0),
    reviewedOffers: new Uint8Array(reviews ? n * nOffers : 0),
  };
}

// Module-local copy: hot loops below would otherwise go through the importer's live binding.
const NA = NOT_APPLICABLE;

/** Own-property read: an id such as "constructor" must not read Object.prototype. */
function own(values: Readonly<Record<string, unknown>>, id: string): unknown {
  return Object.hasOwn(values, id) ? values[id] : undefined;
}

/**
 * One supplier's answer codes into `row` (length = questions), from its validated answers object:
 * one keyed read per question, in tender order.
 */
export function readRow(method: CompiledMethod, answers: Readonly<Record<string, unknown>>, row: Uint8Array): void {
  const questions = method.questions;
  for (let k = 0; k < questions.length; k++) {
    const q = questions[k]!;
    // One keyed load on the common path; the own-property check only where the prototype could answer.
    const a = q.inherited ? own(answers, q.id) : answers[q.id];
    row[k] = a === undefined || a === null ? 0 : a === NA ? CODE_NA : (a as number);
  }
}

/**
 * The table of already validated suppliers (the `*Parsed` path). The answers are not copied into
 * codes: the engine reads them row by row (`readRow`), once, while it scores.
 */
export function tableFromParsed(
  method: CompiledMethod,
  suppliers: readonly Pick<Supplier, "id" | "price" | "technical" | "answers" | "offerValues" | "review">[],
  countOnlyReviewed: boolean,
): SupplierTable {
  const n = suppliers.length;
  const questions = method.questions;
  const nq = questions.length;
  const offers = method.offers;
  const no = offers.length;
  const reviews = countOnlyReviewed || suppliers.some((s) => s.review !== undefined);
  const t = emptyTable(n, nq, no, reviews, false);
  const answers = new Array<Readonly<Record<string, unknown>>>(n);
  const { offerValues } = t;
  const questionIndex = reviews ? new Map(questions.map((q, k) => [q.id, k])) : undefined;
  const offerIndex = reviews ? new Map(offers.map((c, k) => [c.id, k])) : undefined;
  for (let i = 0; i < n; i++) {
    const s = suppliers[i]!;
    t.ids[i] = s.id;
    t.prices[i] = s.price;
    t.technical[i] = s.technical;
    answers[i] = s.answers;
    const values = s.offerValues as Readonly<Record<string, unknown>> | undefined;
    if (values !== undefined) {
      for (let k = 0; k < no; k++) {
        const v = own(values, offers[k]!.id);
        if (typeof v === "number") offerValues[i * no + k] = v;
      }
    }
    if (reviews) {
      const review = s.review;
      if (countOnlyReviewed || review !== undefined) t.tracked[i] = 1;
      for (const id of review?.answers ?? []) {
        const k = questionIndex!.get(id);
        if (k !== undefined) t.reviewedAnswers[i * nq + k] = 1;
      }
      for (const id of review?.offerValues ?? []) {
        const k = offerIndex!.get(id);
        if (k !== undefined) t.reviewedOffers[i * no + k] = 1;
      }
    }
  }
  t.answers = answers;
  return t;
}

/** Supplier i's answer codes: a view of the table's codes, or read from its answers object. */
export function rowOf(method: CompiledMethod, table: SupplierTable, i: number): Uint8Array {
  const nq = method.questions.length;
  if (table.answers === undefined) return table.codes.subarray(i * nq, (i + 1) * nq);
  const row = new Uint8Array(nq);
  readRow(method, table.answers[i]!, row);
  return row;
}
