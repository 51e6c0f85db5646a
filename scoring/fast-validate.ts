/**
 * Fast path of input validation, for the common case of a valid input (issue 16).
 *
 * The zod schema (schema.ts) stays the authority: this path only ever ACCEPTS inputs the schema
 * accepts, and gives the same output; on anything unusual or wrong it returns `undefined` and the
 * caller runs the schema, which reports every problem in French with its path. The method part
 * (shares, criteria, questions, procurement, offer criteria: a few hundred values at most) is always
 * parsed by the schema itself; only the suppliers, 10,000 × 47 answers on a large tender, are
 * checked here by hand, in one pass that also fills the engine's table (table.ts).
 *
 * Each answers object is read key by key (`Object.keys`, then one read per key): that detects
 * unknown keys and reads the values in one pass. Objects built key by key are in V8's dictionary
 * mode, where listing the keys sorts them on every call: still cheaper than a keyed read per question
 * plus a key count, and cheaper than `for…in`, which also re-checks each key.
 */
import type { z } from "zod";
import { CODE_NA, emptyTable, type SupplierTable } from "./table";
import { isPlainObject, scoringMethodSchema, type Review, type ScoringMethod, type Supplier } from "./schema";

// Module-local copy: once transpiled, an imported binding may be a getter, read in the hot loop.
const NA = CODE_NA;

export interface FastValidated {
  method: ScoringMethod;
  table: SupplierTable;
  /** The validated suppliers, as the schema would output them (only when asked for). */
  suppliers: Supplier[] | undefined;
}

/** `for…in` also walks inherited enumerable keys: only safe while Object.prototype has none. */
function prototypeIsClean(): boolean {
  for (const _ in Object.prototype) return false;
  return true;
}

/** The interned copy of a string: the engine interns every property key. */
function internalized(id: string): string {
  return Object.keys({ [id]: 0 })[0]!;
}

/**
 * The validated method and supplier table, or `undefined` when the input is invalid or unusual
 * (then use the schema). `locale` is the per-parse error map used for the method part.
 */
export function fastValidate(input: unknown, buildSuppliers: boolean, locale: z.core.$ZodErrorMap): FastValidated | undefined {
  if (!isPlainObject(input) || !prototypeIsClean()) return undefined;
  const suppliers = input.suppliers;
  if (!Array.isArray(suppliers) || suppliers.length === 0) return undefined;

  const methodPart: Record<string, unknown> = {};
  for (const key in input) {
    if (key === "__proto__") return undefined; // would set the prototype of methodPart
    if (key !== "suppliers") methodPart[key] = input[key];
  }
  const parsed = scoringMethodSchema.safeParse(methodPart, { error: locale });
  if (!parsed.success) return undefined;
  const method = parsed.data;

  const questions = method.questions;
  const nq = questions.length;
  const questionIndex = new Map<string, number>();
  // Property keys are interned strings: interning the ids too makes `questionIds[next] === key` one
  // pointer comparison (ids built at run time, e.g. by a template string, are not interned).
  const questionIds = questions.map((q) => internalized(q.id));
  const allowNa = new Uint8Array(nq);
  for (let k = 0; k < nq; k++) {
    questionIndex.set(questions[k]!.id, k);
    allowNa[k] = questions[k]!.allowNotApplicable ? 1 : 0;
  }
  const offers = method.offerCriteria ?? [];
  const no = offers.length;
  const offerIndex = new Map<string, number>();
  const strictlyPositive = new Uint8Array(no);
  for (let k = 0; k < no; k++) {
    offerIndex.set(offers[k]!.id, k);
    strictlyPositive[k] = offers[k]!.direction === "lower-is-better" && offers[k]!.method === "ratio" ? 1 : 0;
  }
  const countOnlyReviewed = method.procurement?.countOnlyReviewed === true;

  const n = suppliers.length;
  let table = emptyTable(n, nq, no, countOnlyReviewed);
  let reviewsAllocated = countOnlyReviewed; // otherwise allocated at the first supplier with `review`
  const { codes, offerValues } = table;
  let ids: Set<string> | undefined;
  const out: Supplier[] | undefined = buildSuppliers ? new Array<Supplier>(n) : undefined;

  for (let i = 0; i < n; i++) {
    const s: unknown = suppliers[i];
    if (!isPlainObject(s)) return undefined;
    let id: unknown;
    let price: unknown;
    let technical: unknown;
    let answers: unknown;
    let values: unknown;
    let review: unknown;
    let hasAnswers = false;
    let hasValues = false;
    let hasReview = false;
    for (const key in s) {
      const v = s[key];
      if (v === undefined) return undefined; // explicit undefined: let the schema decide what it means
      switch (key) {
        case "id":
          id = v;
          break;
        case "price":
          price = v;
          break;
        case "technical":
          technical = v;
          break;
        case "answers":
          answers = v;
          hasAnswers = true;
          break;
        case "offerValues":
          values = v;
          hasValues = true;
          break;
        case "review":
          review = v;
          hasReview = true;
          break;
        default:
          return undefined;
      }
    }
    if (typeof id !== "string" || id === "" || id === "__proto__") return undefined;
    // Duplicate ids: while the ids come in increasing order they are distinct (one comparison each,
    // cheaper than a hash set of 10,000 strings); from the first id out of order, a set decides.
    if (ids === undefined && i > 0 && !(id > table.ids[i - 1]!)) ids = new Set(table.ids.slice(0, i));
    if (ids !== undefined) {
      const known = ids.size;
      if (ids.add(id).size === known) return undefined; // one hash operation, not two
    }
    // z.number() refuses NaN and ±Infinity.
    if (typeof price !== "number" || !(price > 0) || price === Infinity) return undefined;
    if (typeof technical !== "number" || !(technical >= 0 && technical <= 100)) return undefined;

    const base = i * nq;
    if (hasAnswers) {
      if (!isPlainObject(answers)) return undefined;
      // Answers are usually written in tender order: try the question after the previous one before
      // the map (comparing two interned strings is one pointer comparison).
      let next = 0;
      const keys = Object.keys(answers);
      for (let j = 0; j < keys.length; j++) {
        const key = keys[j]!;
        const k = next < nq && questionIds[next] === key ? next : questionIndex.get(key);
        if (k === undefined) return undefined;
        next = k + 1;
        const a = answers[key];
        // typeof first: a chain of === on a value that may be a number, a string or null is much slower.
        if (typeof a === "number") {
          if (a >= 1 && a <= 5 && (a | 0) === a) codes[base + k] = a; // a level 1–5
          else return undefined;
        } else if (a === null) continue;
        else if (a === "na" && allowNa[k] === 1) codes[base + k] = NA;
        else return undefined;
      }
    }
    if (hasValues) {
      if (!isPlainObject(values)) return undefined;
      for (const key in values) {
        const k = offerIndex.get(key);
        if (k === undefined) return undefined;
        const v = values[key];
        if (v === null) continue;
        if (typeof v !== "number" || !(v >= 0) || v === Infinity || (strictlyPositive[k] === 1 && !(v > 0))) return undefined;
        offerValues[i * no + k] = v;
      }
    }
    let reviewOut: Review | undefined;
    if (hasReview) {
      if (!isPlainObject(review)) return undefined;
      if (!reviewsAllocated) {
        table = { ...table, reviewedAnswers: new Uint8Array(n * nq), reviewedOffers: new Uint8Array(n * no) };
        reviewsAllocated = true;
      }
      const reviewedAnswers = table.reviewedAnswers;
      const reviewedOffers = table.reviewedOffers;
      let answerIds: string[] | undefined;
      let offerIds: string[] | undefined;
      for (const key in review) {
        if (key !== "answers" && key !== "offerValues") return undefined;
        const list = review[key];
        if (!Array.isArray(list)) return undefined;
        const copy: string[] = new Array<string>(list.length);
        for (let j = 0; j < list.length; j++) {
          const ref: unknown = list[j];
          if (typeof ref !== "string") return undefined;
          const k = key === "answers" ? questionIndex.get(ref) : offerIndex.get(ref);
          if (k === undefined) return undefined; // not a question / offer criterion of the tender
          if (key === "answers") reviewedAnswers[base + k] = 1;
          else reviewedOffers[i * no + k] = 1;
          copy[j] = ref;
        }
        if (key === "answers") answerIds = copy;
        else offerIds = copy;
      }
      table.tracked[i] = 1;
      if (buildSuppliers) {
        reviewOut = {};
        if (answerIds !== undefined) reviewOut.answers = answerIds;
        if (offerIds !== undefined) reviewOut.offerValues = offerIds;
      }
    } else if (countOnlyReviewed) table.tracked[i] = 1;

    table.ids[i] = id;
    table.prices[i] = price;
    table.technical[i] = technical;
    if (out !== undefined) {
      // Same keys, in the same order, as the schema's output (shape order; `answers` defaults to {}).
      const supplier: Supplier = { id, price, technical, answers: hasAnswers ? (answers as Supplier["answers"]) : {} };
      if (hasValues) supplier.offerValues = values as Record<string, number | null>;
      if (hasReview) supplier.review = reviewOut;
      out[i] = supplier;
    }
  }
  return { method, table, suppliers: out };
}
