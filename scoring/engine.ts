/**
 * The scoring engine: method rules 3–10 and the lawful-award contract (issue 11 §1) on validated
 * input. Full precision throughout; rounding to 2 decimals happens only when building the output.
 *
 * Old-style inputs (no `procurement`, no `offerCriteria`) go through exactly the same arithmetic, in
 * the same order, as before the contract was added, and get exactly the same output (the regression
 * test holds the library to it).
 */
import { NOT_APPLICABLE, SHARE_SUM_TOLERANCE, TIE_TOLERANCE, type OfferDirection, type OfferMethod, type PriceMethod } from "./constants";
import { questionnaireShare } from "./lawful-award";
import { offerScore, type OfferRange } from "./offer";
import { methodWarnings, validateForScoring, type FormattedIssue } from "./parse";
import { round2, round2OrNull } from "./round";
import type { Answer, Level, ScoringInput, Shares } from "./schema";
import { findWinnerChangeOf, nonRseScore } from "./stability";
import { CODE_NA, compileMethod, tableFromParsed, type CompiledMethod, type SupplierTable } from "./table";

// Module-local copies: once transpiled, an imported binding may be a getter, read in the hot loop.
const NA = CODE_NA;
const NA_TEXT = NOT_APPLICABLE;

function ownAnswer(answers: Readonly<Record<string, unknown>>, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}
/** Shared empty list for internal fields that do not reach the output. */
const NONE: string[] = [];

export { compileMethod, type CompiledMethod, type CompiledQuestion, type MethodStructure } from "./table";

// ---------------------------------------------------------------------------------------------
// Output types

export interface SupplierScore {
  id: string;
  rank: number;
  total: number;
  priceScore: number;
  technicalScore: number;
  /** RSE part, 0–100: the questionnaire alone for old-style inputs; with offer criteria, rule 4 of issue 11. */
  rseScore: number;
  /** Lawful-award contract only: today's RSE score from the questionnaire (criteria and questions). */
  questionnaireScore?: number;
  /** Lawful-award contract only: offer criterion id → score 0–100 (0 when the value is missing). */
  offerScores?: Record<string, number>;
  /** Criterion id → score 0–100, or null when the criterion is left out for this supplier. */
  criteria: Record<string, number | null>;
  /** Question ids counted as unanswered (0), in tender order. */
  unanswered: string[];
  /** Lawful-award contract only: offer criteria whose value is missing (scored 0), in method order. */
  missingOfferValues?: string[];
  /**
   * Lawful-award contract only: the items that count in the mark and that no evaluator has reviewed
   * yet (method order). Empty when the supplier's review status is not given.
   */
  unreviewed?: Unreviewed;
}

export interface Unreviewed {
  answers: string[];
  offerValues: string[];
}

export interface ScoringResult {
  /** In rank order; equal totals share a rank and are listed by id. */
  suppliers: SupplierScore[];
  winnerChangesAtRseShare: number | null;
  /** Lawful-award contract only: true while some supplier has counted items not yet reviewed. */
  provisional?: boolean;
  /** Lawful-award contract only: advice that does not block (French, with JSON paths). */
  warnings?: FormattedIssue[];
}

/** What `score` returns when the input has `procurement` or `offerCriteria`: every field is there. */
export type LawfulSupplierScore = Required<SupplierScore>;
export interface LawfulScoringResult extends ScoringResult {
  suppliers: LawfulSupplierScore[];
  provisional: boolean;
  warnings: FormattedIssue[];
}

export interface ScoreOptions {
  /** Round numbers to 2 decimals (default true). `false` gives full precision, e.g. for tests or charts. */
  round?: boolean;
}

/** The input uses the lawful-award contract (issue 11): its output carries the contract's fields. */
export function usesLawfulAwardContract(input: { procurement?: unknown; offerCriteria?: unknown }): boolean {
  return input.procurement !== undefined || input.offerCriteria !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Rules 3 and 6

/** Rule 3: (level − 1) / 4 × 100, i.e. level 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100. */
export function questionScore(level: Level): number {
  return (level - 1) * 25; // = (level − 1) / 4 × 100, exact in binary for every level
}

/** Own-property lookup: a question id such as "constructor" must not read Object.prototype. */
export function answerOf(answers: Readonly<Record<string, Answer>>, questionId: string): Answer {
  return Object.hasOwn(answers, questionId) ? (answers[questionId] ?? null) : null;
}

export interface PriceRange {
  lowest: number;
  highest: number;
}

export function priceRange(prices: ArrayLike<number>): PriceRange {
  let lowest = Infinity;
  let highest = -Infinity;
  for (let i = 0; i < prices.length; i++) {
    const p = prices[i]!;
    if (p < lowest) lowest = p;
    if (p > highest) highest = p;
  }
  return { lowest, highest };
}

/**
 * Rule 6, DAJ 2024 price-notation fiche: `lowest-ratio` (méthode proportionnelle) = 100 × Pmin / P;
 * `linear` (méthode linéaire) = 100 × (Pmax − P) / (Pmax − Pmin), 100 for all when all prices are equal.
 */
export function priceScore(price: number, range: PriceRange, method: PriceMethod): number {
  if (method === "lowest-ratio") return (100 * range.lowest) / price;
  const spread = range.highest - range.lowest;
  return spread === 0 ? 100 : (100 * (range.highest - price)) / spread;
}

// ---------------------------------------------------------------------------------------------
// Rules 7–8

/** Deterministic, locale-independent id order (UTF-16 code units), identical in Node and browsers. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rule 8: indices in rank order and the rank of each index. Totals within TIE_TOLERANCE of a group's
 * best total share its rank (competition ranking 1, 2, 2, 4); a group is listed by id.
 */
export function rankTotals(totals: ArrayLike<number>, ids: readonly string[]): { order: Uint32Array; ranks: Uint32Array } {
  const n = totals.length;
  const byTotal = indicesByTotalDescending(totals);
  const order = new Uint32Array(n);
  const ranks = new Uint32Array(n);
  let start = 0;
  while (start < n) {
    const leader = totals[byTotal[start]!]!;
    let end = start + 1;
    while (end < n && leader - totals[byTotal[end]!]! <= TIE_TOLERANCE) end++;
    if (end - start > 1) byTotal.subarray(start, end).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    for (let j = start; j < end; j++) {
      const i = byTotal[j]!;
      ranks[i] = start + 1;
      order[j] = i;
    }
    start = end;
  }
  return { order, ranks };
}

/**
 * Indices sorted by total, highest first. The order among equal totals does not matter: rankTotals
 * lists every tie group by id. Sorting the numbers natively and placing each index by binary search
 * avoids 130,000 calls of a comparison function on 10,000 suppliers.
 */
function indicesByTotalDescending(totals: ArrayLike<number>): Uint32Array {
  const n = totals.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = totals[i]!;
    if (Number.isNaN(t)) return indicesByComparison(totals); // only with unvalidated input
    keys[i] = -t;
  }
  const sorted = keys.slice().sort(); // ascending −total, i.e. descending total
  const placed = new Uint32Array(n); // per run of equal values (keyed by its first position): how many placed
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    out[lo + placed[lo]!++] = i;
  }
  return out;
}

function indicesByComparison(totals: ArrayLike<number>): Uint32Array {
  const byTotal = new Uint32Array(totals.length);
  for (let i = 0; i < totals.length; i++) byTotal[i] = i;
  return byTotal.sort((a, b) => totals[b]! - totals[a]!);
}

// ---------------------------------------------------------------------------------------------
// Whole evaluation

export interface EvaluationMethod {
  shares: Shares;
  priceMethod: PriceMethod;
  procurement?: { countOnlyReviewed?: boolean | undefined } | undefined;
  offerCriteria?: unknown;
}

/** Everything computed for every supplier, full precision, as typed arrays in input order. */
export interface Evaluation {
  method: CompiledMethod;
  shares: Shares;
  priceMethod: PriceMethod;
  /** The input uses the lawful-award contract: the output carries its fields. */
  lawful: boolean;
  countOnlyReviewed: boolean;
  /** Q: share of the mark carried by the questionnaire (the RSE share for old-style inputs). */
  questionnaireShare: number;
  offerShareSum: number;
  table: SupplierTable;
  range: PriceRange;
  /** Per offer criterion, over the values that count. */
  offerRanges: OfferRange[];
  priceScores: Float64Array;
  questionnaireScores: Float64Array;
  rseScores: Float64Array;
  totals: Float64Array;
  /** n × criteria; NaN when the criterion is left out for that supplier. */
  criterionScores: Float64Array;
  /** n × offer criteria. */
  offerScores: Float64Array;
  unanswered: string[][];
  missingOfferValues: string[][];
  unreviewed: Unreviewed[];
  /** Indices in rank order. */
  order: Uint32Array;
  /** Rank of each index. */
  ranks: Uint32Array;
  /** Full precision, or null. */
  winnerChangesAtRseShare: number | null;
}

/** Whether answer k of supplier i counts as given (false: only reviewed items count and it is not). */
export function answerCounts(ev: Evaluation, i: number, k: number): boolean {
  return !ev.countOnlyReviewed || ev.table.reviewedAnswers[i * ev.method.questions.length + k] === 1;
}

export function offerValueCounts(ev: Evaluation, i: number, k: number): boolean {
  return !ev.countOnlyReviewed || ev.table.reviewedOffers[i * ev.method.offers.length + k] === 1;
}

/** Rules 3–9 and the lawful-award contract, on a compiled method and its supplier table. */
export function evaluateTable(input: EvaluationMethod, method: CompiledMethod, table: SupplierTable): Evaluation {
  const { shares } = input;
  const n = table.n;
  const questions = method.questions;
  const nq = questions.length;
  const criteria = method.criteria;
  const nc = criteria.length;
  const offers = method.offers;
  const no = offers.length;
  const countOnlyReviewed = input.procurement?.countOnlyReviewed === true;
  const { offerValues, reviewedAnswers, reviewedOffers, tracked } = table;
  // Answer codes come from the table (fast validation path), or are read from the answers objects
  // (parsed input) in the same loop that scores them: one keyed read per answer, nothing stored.
  const fromAnswers = table.answers;
  const codes = table.codes;
  // The questions as columns: the inner loop runs 10,000 × 47 times on a large tender.
  const qIds = questions.map((question) => question.id);
  const qWeight = Float64Array.from(questions, (question) => question.weight);
  const qCriterion = Int32Array.from(questions, (question) => question.criterion);
  const qInherited = Uint8Array.from(questions, (question) => (question.inherited ? 1 : 0));

  let offerShareSum = 0;
  for (const c of offers) offerShareSum += c.share;
  const q = questionnaireShare(shares.rse, offerShareSum);

  // What counts in the mark (for `unreviewed`): Q > 0 (beyond float noise), weighted question in a weighted
  // criterion; offer share > 0.
  const questionCounts = new Uint8Array(nq);
  for (let k = 0; k < nq; k++) {
    const c = questions[k]!.criterion;
    questionCounts[k] = q > SHARE_SUM_TOLERANCE && questions[k]!.weight > 0 && c >= 0 && criteria[c]!.weight > 0 ? 1 : 0;
  }

  const range = priceRange(table.prices);
  const offerRanges: OfferRange[] = offers.map((_, k) => {
    let lowest = Infinity;
    let highest = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = offerValues[i * no + k]!;
      if (Number.isNaN(v) || (countOnlyReviewed && reviewedOffers[i * no + k] !== 1)) continue;
      if (v < lowest) lowest = v;
      if (v > highest) highest = v;
    }
    return { lowest, highest };
  });

  const priceScores = new Float64Array(n);
  const questionnaireScores = new Float64Array(n);
  const rseScores = new Float64Array(n);
  const totals = new Float64Array(n);
  const criterionScores = new Float64Array(n * nc);
  const offerScores = new Float64Array(n * no);
  const unanswered: string[][] = new Array<string[]>(n);
  const missingOfferValues: string[][] = new Array<string[]>(n);
  const unreviewed: Unreviewed[] = new Array<Unreviewed>(n);
  const missingAt = new Int32Array(nq);
  const weightSum = new Float64Array(nc);
  const weightedScore = new Float64Array(nc);
  const lawful = usesLawfulAwardContract(input);
  const noReview: Unreviewed = { answers: [], offerValues: [] };

  for (let i = 0; i < n; i++) {
    // Rules 3–5: the questionnaire. A criterion is left out (NaN) when the weights of its non-N/A
    // questions sum to 0 — no question, only N/A answers, or only weight-0 questions. If the included
    // criteria weigh 0 in total, there is no RSE evidence that carries weight and the score is 0.
    weightSum.fill(0);
    weightedScore.fill(0);
    let missingCount = 0;
    const base = i * nq;
    const answers = fromAnswers === undefined ? undefined : fromAnswers[i]!;
    for (let k = 0; k < nq; k++) {
      let code: number;
      if (answers !== undefined) {
        // One keyed load on the common path; the own-property check only where the prototype could answer.
        const a = qInherited[k] === 1 ? ownAnswer(answers, qIds[k]!) : answers[qIds[k]!];
        // typeof first: comparing a value that may be a number, a string or null with === is slower.
        code = typeof a === "number" ? a : a === NA_TEXT ? NA : 0;
      } else code = codes[base + k]!;
      if (countOnlyReviewed && reviewedAnswers[base + k] !== 1) code = 0; // not reviewed: as if not given
      if (code === NA) continue;
      if (code === 0) missingAt[missingCount++] = k;
      const c = qCriterion[k]!;
      if (c < 0) continue;
      const w = qWeight[k]!;
      weightSum[c]! += w;
      if (code !== 0) weightedScore[c]! += w * ((code - 1) * 25); // questionScore, inlined
    }
    // An array of the exact size (push would reserve 17 slots: 10,000 suppliers' worth of garbage).
    const missing = new Array<string>(missingCount);
    for (let m = 0; m < missingCount; m++) missing[m] = qIds[missingAt[m]!]!;
    unanswered[i] = missing;
    let criteriaWeight = 0;
    let criteriaWeighted = 0;
    const cBase = i * nc;
    for (let c = 0; c < nc; c++) {
      const w = weightSum[c]!;
      if (w > 0) {
        const score = weightedScore[c]! / w;
        criterionScores[cBase + c] = score;
        const cw = criteria[c]!.weight;
        criteriaWeight += cw;
        criteriaWeighted += cw * score;
      } else criterionScores[cBase + c] = NaN;
    }
    const questionnaire = criteriaWeight > 0 ? criteriaWeighted / criteriaWeight : 0;
    questionnaireScores[i] = questionnaire;

    // Issue 11 §1.3–4: offer criteria, then the RSE part = (Σ share × offer score + Q × questionnaire) / rse.
    let rse = questionnaire;
    if (no > 0) {
      const missingOffers: string[] = [];
      let offerPoints = 0;
      for (let k = 0; k < no; k++) {
        const c = offers[k]!;
        const v = offerValues[i * no + k]!;
        let s = 0;
        if (Number.isNaN(v) || (countOnlyReviewed && reviewedOffers[i * no + k] !== 1)) missingOffers.push(c.id);
        else s = offerScore(v, offerRanges[k]!, c.direction, c.method);
        offerScores[i * no + k] = s;
        offerPoints += c.share * s;
      }
      missingOfferValues[i] = missingOffers;
      // Σ shares may exceed rse by float noise (within the share-sum tolerance): then Q = 0 and the
      // weighted mean is taken over Σ shares, so that the RSE score never exceeds 100.
      const denominator = offerShareSum > shares.rse ? offerShareSum : shares.rse;
      if (offerShareSum !== 0 && denominator > 0) rse = (offerPoints + q * questionnaire) / denominator;
    } else missingOfferValues[i] = lawful ? [] : NONE; // only the contract's output shows it
    rseScores[i] = rse;

    if (tracked[i] === 1) {
      const answers: string[] = [];
      const values: string[] = [];
      for (let k = 0; k < nq; k++) if (questionCounts[k] === 1 && reviewedAnswers[base + k] !== 1) answers.push(questions[k]!.id);
      for (let k = 0; k < no; k++) if (offers[k]!.share > 0 && reviewedOffers[i * no + k] !== 1) values.push(offers[k]!.id);
      unreviewed[i] = { answers, offerValues: values };
    } else unreviewed[i] = noReview;

    // Rules 6–7.
    const p = priceScore(table.prices[i]!, range, input.priceMethod);
    priceScores[i] = p;
    totals[i] = (shares.price * p + shares.technical * table.technical[i]! + shares.rse * rse) / 100;
  }

  const { order, ranks } = rankTotals(totals, table.ids);
  // Rule 9 on columns: A (price and technical alone) and R per supplier.
  const nonRse = new Float64Array(n);
  for (let i = 0; i < n; i++) nonRse[i] = nonRseScore(shares.price, shares.technical, priceScores[i]!, table.technical[i]!);
  const winnerChangesAtRseShare = findWinnerChangeOf(nonRse, rseScores, n > 0 ? order[0]! : -1, shares.rse);
  return {
    method,
    shares,
    priceMethod: input.priceMethod,
    lawful,
    countOnlyReviewed,
    questionnaireShare: q,
    offerShareSum,
    table,
    range,
    offerRanges,
    priceScores,
    questionnaireScores,
    rseScores,
    totals,
    criterionScores,
    offerScores,
    unanswered,
    missingOfferValues,
    unreviewed,
    order,
    ranks,
    winnerChangesAtRseShare,
  };
}

/** Rules 3–9 on validated input, full precision. */
export function evaluate(input: ScoringInput): Evaluation {
  const method = compileMethod(input);
  const table = tableFromParsed(method, input.suppliers, input.procurement?.countOnlyReviewed === true);
  return evaluateTable(input, method, table);
}

/** Rule 9 on validated input: see `findWinnerChange` for the exact definition. Full precision. */
export function winnerChangesAtRseShare(input: ScoringInput): number | null {
  return evaluate(input).winnerChangesAtRseShare;
}

// ---------------------------------------------------------------------------------------------
// Output

/** Own enumerable data property, even for "__proto__" (rejected by validation) which would hit the setter. */
function defineKey<T>(out: Record<string, T>, id: string, value: T): void {
  Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
}

/** The result of an evaluation, in rank order, rounded unless `round: false`. */
export function resultOf(ev: Evaluation, warnings: readonly FormattedIssue[], options: ScoreOptions = {}): ScoringResult {
  const exact = options.round === false;
  const criterionIds = ev.method.criteria.map((c) => c.id);
  const offerIds = ev.method.offers.map((c) => c.id);
  // Plain assignment is the fast path; only a "__proto__" id needs defineProperty.
  const plainKeys = !criterionIds.includes("__proto__") && !offerIds.includes("__proto__");
  const nc = criterionIds.length;
  const no = offerIds.length;
  // Each record starts as a copy of a template with every key (one shape for all suppliers: cheaper
  // than adding the keys one by one), then gets its values.
  const criteriaTemplate: Record<string, number | null> = {};
  for (const id of criterionIds) defineKey(criteriaTemplate, id, null);
  const { order, ranks, totals, priceScores, rseScores, criterionScores, table } = ev;
  const technical = table.technical;
  const n = order.length;
  const suppliers = new Array<SupplierScore>(n);
  // No closure per supplier: this loop builds 10,000 objects on a large tender.
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const criteria = { ...criteriaTemplate };
    for (let c = 0; c < nc; c++) {
      const v = criterionScores[i * nc + c]!;
      // An own data property is overwritten in place, even one named "__proto__".
      criteria[criterionIds[c]!] = Number.isNaN(v) ? null : exact ? v : round2(v);
    }
    const total = exact ? totals[i]! : round2(totals[i]!);
    const priceScore = exact ? priceScores[i]! : round2(priceScores[i]!);
    const technicalScore = exact ? technical[i]! : round2(technical[i]!);
    const rseScore = exact ? rseScores[i]! : round2(rseScores[i]!);
    const id = table.ids[i]!;
    const rank = ranks[i]!;
    const unanswered = ev.unanswered[i]!;
    if (!ev.lawful) {
      // Old-style input: exactly the fields, in the order, of the output before the contract.
      suppliers[j] = { id, rank, total, priceScore, technicalScore, rseScore, criteria, unanswered };
      continue;
    }
    const offerScores: Record<string, number> = {};
    for (let k = 0; k < no; k++) {
      const v = ev.offerScores[i * no + k]!;
      const value = exact ? v : round2(v);
      if (plainKeys) offerScores[offerIds[k]!] = value;
      else defineKey(offerScores, offerIds[k]!, value);
    }
    const questionnaire = ev.questionnaireScores[i]!;
    const unreviewed = ev.unreviewed[i]!;
    suppliers[j] = {
      id,
      rank,
      total,
      priceScore,
      technicalScore,
      rseScore,
      questionnaireScore: exact ? questionnaire : round2(questionnaire),
      offerScores,
      criteria,
      unanswered,
      missingOfferValues: ev.missingOfferValues[i]!,
      unreviewed: { answers: [...unreviewed.answers], offerValues: [...unreviewed.offerValues] },
    };
  }
  const winner = exact ? ev.winnerChangesAtRseShare : round2OrNull(ev.winnerChangesAtRseShare);
  if (!ev.lawful) return { suppliers, winnerChangesAtRseShare: winner };
  return {
    suppliers,
    winnerChangesAtRseShare: winner,
    provisional: ev.unreviewed.some((u) => u.answers.length > 0 || u.offerValues.length > 0),
    warnings: [...warnings],
  };
}

/** Scores validated input (from `parseScoringInput`); no validation here, so it is the fast path. */
export function scoreParsed(input: ScoringInput, options: ScoreOptions = {}): ScoringResult {
  const ev = evaluate(input);
  return resultOf(ev, ev.lawful ? methodWarnings(input) : [], options);
}

/**
 * Validates then scores. Throws `ScoringInputError` (French, path-addressed issues) on invalid input.
 * Each answer is read once: the validation fills the table the engine scores.
 */
export function score(input: unknown, options: ScoreOptions = {}): ScoringResult {
  const v = validateForScoring(input);
  const ev = evaluateTable(v.method, compileMethod(v.method), v.table);
  return resultOf(ev, ev.lawful ? methodWarnings(v.method) : [], options);
}

export type { OfferDirection, OfferMethod };
