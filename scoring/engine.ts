/**
 * The scoring engine: method rules 3–10 on validated input. Full precision throughout; rounding to
 * 2 decimals happens only when building the output.
 */
import { NOT_APPLICABLE, TIE_TOLERANCE, type PriceMethod } from "./constants";
import { round2, round2OrNull } from "./round";
import { parseScoringInput, ScoringInputError, type Answer, type Level, type ScoringInput } from "./schema";
import { findWinnerChange, nonRseScore, type StabilityLine } from "./stability";

// ---------------------------------------------------------------------------------------------
// Output types

export interface SupplierScore {
  id: string;
  rank: number;
  total: number;
  priceScore: number;
  technicalScore: number;
  rseScore: number;
  /** Criterion id → score 0–100, or null when the criterion is left out for this supplier. */
  criteria: Record<string, number | null>;
  /** Question ids counted as unanswered (0), in tender order. */
  unanswered: string[];
}

export interface ScoringResult {
  /** In rank order; equal totals share a rank and are listed by id. */
  suppliers: SupplierScore[];
  winnerChangesAtRseShare: number | null;
}

export interface ScoreOptions {
  /** Round numbers to 2 decimals (default true). `false` gives full precision, e.g. for tests or charts. */
  round?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Compiled method

export interface CompiledQuestion {
  id: string;
  weight: number;
  /** The id names an Object.prototype member ("constructor"…): look it up as an own property only. */
  inherited: boolean;
  /** Index into `criteria`; -1 if the question names no known criterion (only with unvalidated input). */
  criterion: number;
}

export interface CompiledMethod {
  criteria: { id: string; weight: number }[];
  /** Tender order. */
  questions: CompiledQuestion[];
}

/** What the engine needs of a method; question weight may be omitted (1), as in the raw input. */
export interface MethodStructure {
  criteria: readonly { id: string; weight: number }[];
  questions: readonly { id: string; criterion: string; weight?: number | undefined }[];
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
  };
}

// ---------------------------------------------------------------------------------------------
// Rules 3–6

/** Rule 3: (level − 1) / 4 × 100, i.e. level 1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100. */
export function questionScore(level: Level): number {
  return (level - 1) * 25; // = (level − 1) / 4 × 100, exact in binary for every level
}

/** Own-property lookup: a question id such as "constructor" must not read Object.prototype. */
export function answerOf(answers: Readonly<Record<string, Answer>>, questionId: string): Answer {
  return Object.hasOwn(answers, questionId) ? (answers[questionId] ?? null) : null;
}

// Module-local copy: hot loops below would otherwise go through the importer's live binding.
const NA = NOT_APPLICABLE;

export interface RseEvaluation {
  /** Per criterion (method order): score 0–100 or null when left out. */
  criterionScores: (number | null)[];
  rseScore: number;
  unanswered: string[];
}

/** Per-criterion accumulators, reused across suppliers (10,000 suppliers → no per-supplier allocation). */
export interface RseScratch {
  weightSum: Float64Array;
  weightedScore: Float64Array;
}

export function rseScratch(method: CompiledMethod): RseScratch {
  const n = method.criteria.length;
  return { weightSum: new Float64Array(n), weightedScore: new Float64Array(n) };
}

/**
 * Rules 3–5 for one supplier. A criterion is left out (null) when the weights of its non-N/A
 * questions sum to 0 — no question, only N/A answers, or only weight-0 questions. If the included
 * criteria weigh 0 in total (none included, or only weight-0 ones), there is no RSE evidence that
 * carries weight and the RSE score is 0.
 */
export function evaluateRse(
  method: CompiledMethod,
  answers: Readonly<Record<string, Answer>>,
  scratch: RseScratch = rseScratch(method),
): RseEvaluation {
  const { weightSum, weightedScore } = scratch;
  weightSum.fill(0);
  weightedScore.fill(0);
  const unanswered: string[] = [];
  const questions = method.questions;
  for (let i = 0; i < questions.length; i++) {
    const q = questions[i]!;
    // One keyed load on the common path; the own-property check only where the prototype could answer.
    const answer = (q.inherited ? (Object.hasOwn(answers, q.id) ? answers[q.id] : undefined) : answers[q.id]) ?? null;
    if (answer === NA) continue;
    if (answer === null) unanswered.push(q.id);
    const k = q.criterion;
    if (k < 0) continue;
    weightSum[k]! += q.weight;
    if (answer !== null) weightedScore[k]! += q.weight * ((answer - 1) * 25); // questionScore, inlined
  }
  const criteria = method.criteria;
  const criterionScores: (number | null)[] = [];
  let criteriaWeight = 0;
  let criteriaWeighted = 0;
  for (let k = 0; k < criteria.length; k++) {
    const w = weightSum[k]!;
    const score = w > 0 ? weightedScore[k]! / w : null;
    criterionScores.push(score);
    if (score !== null) {
      const cw = criteria[k]!.weight;
      criteriaWeight += cw;
      criteriaWeighted += cw * score;
    }
  }
  return { criterionScores, rseScore: criteriaWeight > 0 ? criteriaWeighted / criteriaWeight : 0, unanswered };
}

export interface PriceRange {
  lowest: number;
  highest: number;
}

export function priceRange(prices: readonly number[]): PriceRange {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const p of prices) {
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
export function rankTotals(totals: readonly number[], ids: readonly string[]): { order: number[]; ranks: number[] } {
  const byTotal = totals.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]! || compareIds(ids[a]!, ids[b]!));
  const order: number[] = [];
  const ranks = new Array<number>(totals.length);
  let start = 0;
  while (start < byTotal.length) {
    const leader = totals[byTotal[start]!]!;
    let end = start + 1;
    while (end < byTotal.length && leader - totals[byTotal[end]!]! <= TIE_TOLERANCE) end++;
    const group = byTotal.slice(start, end);
    if (group.length > 1) group.sort((a, b) => compareIds(ids[a]!, ids[b]!));
    for (const i of group) {
      ranks[i] = start + 1;
      order.push(i);
    }
    start = end;
  }
  return { order, ranks };
}

// ---------------------------------------------------------------------------------------------
// Whole evaluation

export interface SupplierEvaluation extends RseEvaluation {
  id: string;
  price: number;
  priceScore: number;
  technicalScore: number;
  total: number;
}

export interface Evaluation {
  method: CompiledMethod;
  range: PriceRange;
  /** Input order. */
  suppliers: SupplierEvaluation[];
  order: number[];
  ranks: number[];
  /** Full precision, or null. */
  winnerChangesAtRseShare: number | null;
}

/** Rules 3–9 on validated input, full precision. */
export function evaluate(input: ScoringInput): Evaluation {
  const method = compileMethod(input);
  const { shares } = input;
  const range = priceRange(input.suppliers.map((s) => s.price));
  const scratch = rseScratch(method);
  const suppliers = input.suppliers.map((s): SupplierEvaluation => {
    const rse = evaluateRse(method, s.answers, scratch);
    const p = priceScore(s.price, range, input.priceMethod);
    const total = (shares.price * p + shares.technical * s.technical + shares.rse * rse.rseScore) / 100;
    return {
      id: s.id,
      price: s.price,
      priceScore: p,
      technicalScore: s.technical,
      total,
      criterionScores: rse.criterionScores,
      rseScore: rse.rseScore,
      unanswered: rse.unanswered,
    };
  });
  const { order, ranks } = rankTotals(
    suppliers.map((s) => s.total),
    suppliers.map((s) => s.id),
  );
  const lines = suppliers.map(
    (s): StabilityLine => ({
      id: s.id,
      nonRseScore: nonRseScore(shares.price, shares.technical, s.priceScore, s.technicalScore),
      rseScore: s.rseScore,
    }),
  );
  const winnerChangesAtRseShare = findWinnerChange(lines, order[0] ?? -1, shares.rse);
  return { method, range, suppliers, order, ranks, winnerChangesAtRseShare };
}

/** Rule 9 on validated input: see `findWinnerChange` for the exact definition. Full precision. */
export function winnerChangesAtRseShare(input: ScoringInput): number | null {
  return evaluate(input).winnerChangesAtRseShare;
}

/** Scores validated input (from `parseScoringInput`); no validation here, so it is the fast path. */
export function scoreParsed(input: ScoringInput, options: ScoreOptions = {}): ScoringResult {
  const r = options.round === false ? (x: number) => x : round2;
  const rn = options.round === false ? (x: number | null) => x : round2OrNull;
  const ev = evaluate(input);
  const criterionIds = ev.method.criteria.map((c) => c.id);
  return {
    suppliers: ev.order.map((i): SupplierScore => {
      const s = ev.suppliers[i]!;
      return {
        id: s.id,
        rank: ev.ranks[i]!,
        total: r(s.total),
        priceScore: r(s.priceScore),
        technicalScore: r(s.technicalScore),
        rseScore: r(s.rseScore),
        criteria: criteriaRecord(criterionIds, s.criterionScores, rn),
        unanswered: s.unanswered,
      };
    }),
    winnerChangesAtRseShare: rn(ev.winnerChangesAtRseShare),
  };
}

function criteriaRecord(
  ids: readonly string[],
  scores: readonly (number | null)[],
  rn: (x: number | null) => number | null,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const value = rn(scores[k] ?? null);
    // Plain assignment is the fast path; "__proto__" (rejected by validation) would hit the setter.
    if (id === "__proto__") Object.defineProperty(out, id, { value, enumerable: true, writable: true, configurable: true });
    else out[id] = value;
  }
  return out;
}

/** Validates then scores. Throws `ScoringInputError` (French, path-addressed issues) on invalid input. */
export function score(input: unknown, options: ScoreOptions = {}): ScoringResult {
  return scoreParsed(validated(input), options);
}

export function validated(input: unknown): ScoringInput {
  const parsed = parseScoringInput(input);
  if (!parsed.success) throw new ScoringInputError(parsed.issues);
  return parsed.data;
}
