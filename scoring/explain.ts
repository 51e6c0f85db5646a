/**
 * Rule 11: the tree from one supplier's total down to each answer, in points of the final mark
 * (/100), so the portal can say "this answer cost you 1.2 points".
 *
 * Every node carries `markShare` (the points it is worth at best), `points` (earned) and
 * `pointsLost` (markShare − points). price + technical + Σ criteria points (+ Σ offer criteria
 * points, lawful-award contract) = total, and a criterion's points = Σ its questions' points (exact in
 * full precision; to rounding when rounded).
 */
import type { OfferDirection, OfferMethod, PriceMethod } from "./constants";
import { answerCounts, evaluate, offerValueCounts, questionScore, type Evaluation, type ScoreOptions } from "./engine";
import { validated } from "./parse";
import { round2, round2OrNull } from "./round";
import type { Level, ScoringInput } from "./schema";
import { CODE_NA, rowOf } from "./table";

export type AnswerStatus = "answered" | "unanswered" | "not-applicable";

export interface QuestionExplanation {
  id: string;
  weight: number;
  status: AnswerStatus;
  /** Evaluated maturity level, null when unanswered or not applicable. */
  level: Level | null;
  /** 0–100; 0 when unanswered; null when not applicable (left out). */
  score: number | null;
  /** Percentage of its criterion's score this question carries (0 when left out). */
  weightShare: number;
  /** Percentage of the final mark this question carries (its points at level 5). */
  markShare: number;
  /** Points earned in the final mark. */
  points: number;
  /** Points lost against level 5 — exactly what raising this answer to 5 would add to the total. */
  pointsLost: number;
  /**
   * Lawful-award contract only: the answer counts in the mark and no evaluator has reviewed it yet
   * (while only reviewed answers count, it is scored as unanswered until then).
   */
  pendingReview?: boolean;
}

export interface CriterionExplanation {
  id: string;
  weight: number;
  /** 0–100, or null when left out for this supplier. */
  score: number | null;
  included: boolean;
  /** Percentage of the questionnaire score this criterion carries after renormalisation (0 when left out). */
  weightShare: number;
  markShare: number;
  points: number;
  pointsLost: number;
  questions: QuestionExplanation[];
}

export interface PartExplanation {
  /** Share of the mark (%), i.e. the points this part is worth at best. */
  share: number;
  /** 0–100. */
  score: number;
  points: number;
  pointsLost: number;
}

/** Lawful-award contract: one offer criterion of one supplier. `share` = its points at best. */
export interface OfferCriterionExplanation extends PartExplanation {
  id: string;
  direction: OfferDirection;
  method: OfferMethod;
  environmental: boolean;
  /** The value that counts; null when missing (scored 0). */
  value: number | null;
  missing: boolean;
  /**
   * Lowest and highest of the values that count, over all suppliers (null when none): they reveal
   * other suppliers' values — strip them before showing the explanation to a supplier.
   */
  lowestValue: number | null;
  highestValue: number | null;
  /** The value counts in the mark and no evaluator has reviewed it yet. */
  pendingReview: boolean;
}

export interface SupplierExplanation {
  supplierId: string;
  rank: number;
  total: number;
  price: PartExplanation & { method: PriceMethod; price: number; lowestPrice: number; highestPrice: number };
  technical: PartExplanation;
  rse: PartExplanation & {
    /** False when no included criterion carries weight: the questionnaire score is then 0 by rule. */
    evaluable: boolean;
    /** Lawful-award contract only: the questionnaire's part (share Q = RSE share − Σ offer shares). */
    questionnaire?: PartExplanation;
    /** Lawful-award contract only, method order. */
    offerCriteria?: OfferCriterionExplanation[];
    criteria: CriterionExplanation[];
  };
}

/** Explanation from validated input. Throws a RangeError for an unknown supplier id. */
export function explainParsed(input: ScoringInput, supplierId: string, options: ScoreOptions = {}): SupplierExplanation {
  const ev = evaluate(input);
  const index = ev.table.ids.indexOf(supplierId);
  if (index < 0) throw new RangeError(`Fournisseur inconnu : « ${supplierId} ».`);
  return explainEvaluation(ev, index, options);
}

/** Explanation of supplier `index` (input order) of an evaluation. */
export function explainEvaluation(ev: Evaluation, index: number, options: ScoreOptions = {}): SupplierExplanation {
  const r = options.round === false ? (x: number) => x : round2;
  const rn = options.round === false ? (x: number | null) => x : round2OrNull;
  const { shares } = ev;
  const questions = ev.method.questions;
  const nc = ev.method.criteria.length;
  const q = ev.questionnaireShare;
  const pending = new Set(ev.unreviewed[index]!.answers);

  // The answer as counted: 0 unanswered, 1–5, 6 N/A (an unreviewed answer counts as unanswered
  // while only reviewed answers count).
  const row = rowOf(ev.method, ev.table, index);
  const code = (k: number): number => (answerCounts(ev, index, k) ? row[k]! : 0);
  const criterionScore = (c: number): number | null => {
    const v = ev.criterionScores[index * nc + c]!;
    return Number.isNaN(v) ? null : v;
  };

  let includedWeight = 0;
  ev.method.criteria.forEach((c, k) => {
    if (criterionScore(k) !== null) includedWeight += c.weight;
  });
  const evaluable = includedWeight > 0;

  // Weight of the non-N/A questions per criterion: the denominator of rule 4.
  const questionWeight = new Float64Array(nc);
  questions.forEach((question, k) => {
    if (question.criterion >= 0 && code(k) !== CODE_NA) questionWeight[question.criterion]! += question.weight;
  });

  const criteria = ev.method.criteria.map((c, k): CriterionExplanation => {
    const cScore = criterionScore(k);
    const included = cScore !== null;
    const weightShare = included && evaluable ? (100 * c.weight) / includedWeight : 0;
    const markShare = (q * weightShare) / 100;
    const points = included ? (markShare * cScore) / 100 : 0;
    const nodes: QuestionExplanation[] = [];
    questions.forEach((question, qi) => {
      if (question.criterion !== k) return;
      const answer = code(qi);
      const status: AnswerStatus = answer === CODE_NA ? "not-applicable" : answer === 0 ? "unanswered" : "answered";
      const level = status === "answered" ? (answer as Level) : null;
      const qScore = status === "not-applicable" ? null : level === null ? 0 : questionScore(level);
      const qWeightShare = included && qScore !== null ? (100 * question.weight) / questionWeight[k]! : 0;
      const qMarkShare = (markShare * qWeightShare) / 100;
      const qPoints = qScore === null ? 0 : (qMarkShare * qScore) / 100;
      const node: QuestionExplanation = {
        id: question.id,
        weight: question.weight,
        status,
        level,
        score: rn(qScore),
        weightShare: r(qWeightShare),
        markShare: r(qMarkShare),
        points: r(qPoints),
        pointsLost: r(qMarkShare - qPoints),
      };
      if (ev.lawful) node.pendingReview = pending.has(question.id);
      nodes.push(node);
    });
    return {
      id: c.id,
      weight: c.weight,
      score: rn(cScore),
      included,
      weightShare: r(weightShare),
      markShare: r(markShare),
      points: r(points),
      pointsLost: r(markShare - points),
      questions: nodes,
    };
  });

  const part = (share: number, partScore: number): PartExplanation => {
    const points = (share * partScore) / 100;
    return { share: r(share), score: r(partScore), points: r(points), pointsLost: r(share - points) };
  };
  const rse: SupplierExplanation["rse"] = { ...part(shares.rse, ev.rseScores[index]!), evaluable, criteria };
  if (ev.lawful) {
    const no = ev.method.offers.length;
    const pendingOffers = new Set(ev.unreviewed[index]!.offerValues);
    rse.questionnaire = part(q, ev.questionnaireScores[index]!);
    rse.offerCriteria = ev.method.offers.map((c, k): OfferCriterionExplanation => {
      const raw = ev.table.offerValues[index * no + k]!;
      const value = Number.isNaN(raw) || !offerValueCounts(ev, index, k) ? null : raw;
      const range = ev.offerRanges[k]!;
      return {
        id: c.id,
        direction: c.direction,
        method: c.method,
        environmental: c.environmental,
        value,
        missing: value === null,
        lowestValue: Number.isFinite(range.lowest) ? range.lowest : null,
        highestValue: Number.isFinite(range.highest) ? range.highest : null,
        pendingReview: pendingOffers.has(c.id),
        ...part(c.share, ev.offerScores[index * no + k]!),
      };
    });
    // Key order: the contract's parts before the questionnaire's criteria.
    const { criteria: cs, ...head } = rse;
    return finish({ ...head, criteria: cs });
  }
  return finish(rse);

  function finish(rsePart: SupplierExplanation["rse"]): SupplierExplanation {
    return {
      supplierId: ev.table.ids[index]!,
      rank: ev.ranks[index]!,
      total: r(ev.totals[index]!),
      price: {
        method: ev.priceMethod,
        price: ev.table.prices[index]!,
        lowestPrice: ev.range.lowest,
        highestPrice: ev.range.highest,
        ...part(shares.price, ev.priceScores[index]!),
      },
      technical: part(shares.technical, ev.table.technical[index]!),
      rse: rsePart,
    };
  }
}

/** Validates then explains. Throws `ScoringInputError` on invalid input, RangeError for an unknown supplier. */
export function explain(input: unknown, supplierId: string, options: ScoreOptions = {}): SupplierExplanation {
  return explainParsed(validated(input), supplierId, options);
}
