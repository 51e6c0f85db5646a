/**
 * Rule 11: the tree from one supplier's total down to each answer, in points of the final mark
 * (/100), so the portal can say "this answer cost you 1.2 points".
 *
 * Every node carries `markShare` (the points it is worth at best), `points` (earned) and
 * `pointsLost` (markShare − points). price + technical + Σ criteria points = total, and a criterion's
 * points = Σ its questions' points (exact in full precision; to rounding when rounded).
 */
import { NOT_APPLICABLE, type PriceMethod } from "./constants";
import { answerOf, evaluate, questionScore, validated, type ScoreOptions } from "./engine";
import { round2, round2OrNull } from "./round";
import type { Level, ScoringInput } from "./schema";

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
}

export interface CriterionExplanation {
  id: string;
  weight: number;
  /** 0–100, or null when left out for this supplier. */
  score: number | null;
  included: boolean;
  /** Percentage of the RSE score this criterion carries after renormalisation (0 when left out). */
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

export interface SupplierExplanation {
  supplierId: string;
  rank: number;
  total: number;
  price: PartExplanation & { method: PriceMethod; price: number; lowestPrice: number; highestPrice: number };
  technical: PartExplanation;
  rse: PartExplanation & {
    /** False when no included criterion carries weight: the RSE score is then 0 by rule. */
    evaluable: boolean;
    criteria: CriterionExplanation[];
  };
}

/** Explanation from validated input. Throws a RangeError for an unknown supplier id. */
export function explainParsed(input: ScoringInput, supplierId: string, options: ScoreOptions = {}): SupplierExplanation {
  const r = options.round === false ? (x: number) => x : round2;
  const rn = options.round === false ? (x: number | null) => x : round2OrNull;
  const ev = evaluate(input);
  const index = ev.suppliers.findIndex((s) => s.id === supplierId);
  const s = ev.suppliers[index];
  if (s === undefined) throw new RangeError(`Fournisseur inconnu : « ${supplierId} ».`);
  const supplier = input.suppliers[index]!;
  const { shares } = input;

  let includedWeight = 0;
  ev.method.criteria.forEach((c, k) => {
    if (s.criterionScores[k] !== null && s.criterionScores[k] !== undefined) includedWeight += c.weight;
  });
  const evaluable = includedWeight > 0;

  // Weight of the non-N/A questions per criterion: the denominator of rule 4.
  const questionWeight = new Float64Array(ev.method.criteria.length);
  for (const q of ev.method.questions) {
    if (q.criterion >= 0 && answerOf(supplier.answers, q.id) !== NOT_APPLICABLE) questionWeight[q.criterion]! += q.weight;
  }

  const criteria = ev.method.criteria.map((c, k): CriterionExplanation => {
    const criterionScore = s.criterionScores[k] ?? null;
    const included = criterionScore !== null;
    const weightShare = included && evaluable ? (100 * c.weight) / includedWeight : 0;
    const markShare = (shares.rse * weightShare) / 100;
    const points = included ? (markShare * criterionScore) / 100 : 0;
    const questions = ev.method.questions
      .filter((q) => q.criterion === k)
      .map((q): QuestionExplanation => {
        const answer = answerOf(supplier.answers, q.id);
        const status: AnswerStatus =
          answer === NOT_APPLICABLE ? "not-applicable" : answer === null ? "unanswered" : "answered";
        const level = answer === NOT_APPLICABLE || answer === null ? null : answer;
        const qScore = status === "not-applicable" ? null : level === null ? 0 : questionScore(level);
        const qWeightShare = included && qScore !== null ? (100 * q.weight) / questionWeight[k]! : 0;
        const qMarkShare = (markShare * qWeightShare) / 100;
        const qPoints = qScore === null ? 0 : (qMarkShare * qScore) / 100;
        return {
          id: q.id,
          weight: q.weight,
          status,
          level,
          score: rn(qScore),
          weightShare: r(qWeightShare),
          markShare: r(qMarkShare),
          points: r(qPoints),
          pointsLost: r(qMarkShare - qPoints),
        };
      });
    return {
      id: c.id,
      weight: c.weight,
      score: rn(criterionScore),
      included,
      weightShare: r(weightShare),
      markShare: r(markShare),
      points: r(points),
      pointsLost: r(markShare - points),
      questions,
    };
  });

  const part = (share: number, partScore: number): PartExplanation => {
    const points = (share * partScore) / 100;
    return { share: r(share), score: r(partScore), points: r(points), pointsLost: r(share - points) };
  };
  return {
    supplierId: s.id,
    rank: ev.ranks[index]!,
    total: r(s.total),
    price: {
      method: input.priceMethod,
      price: s.price,
      lowestPrice: ev.range.lowest,
      highestPrice: ev.range.highest,
      ...part(shares.price, s.priceScore),
    },
    technical: part(shares.technical, s.technicalScore),
    rse: { ...part(shares.rse, s.rseScore), evaluable, criteria },
  };
}

/** Validates then explains. Throws `ScoringInputError` on invalid input, RangeError for an unknown supplier. */
export function explain(input: unknown, supplierId: string, options: ScoreOptions = {}): SupplierExplanation {
  return explainParsed(validated(input), supplierId, options);
}
