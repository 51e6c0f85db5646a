/**
 * What share of the final mark each criterion and each question carries when every question is
 * answered (no N/A) — for the tender builder's live display. No validation: it is called on a form
 * being edited; pass the output of `parseScoringMethod` when guarantees are needed.
 */
import type { ScoreOptions } from "./engine";
import { questionnaireShare } from "./lawful-award";
import { round2 } from "./round";
import type { Shares } from "./schema";
import { compileMethod, type MethodStructure } from "./table";

export interface MarkSharesInput extends MethodStructure {
  shares: Shares;
}

export interface CriterionMarkShare {
  id: string;
  /** Percentage of the RSE score (criterion weights renormalised over the criteria that count). */
  weightShare: number;
  /** Percentage of the final mark. */
  markShare: number;
}

export interface QuestionMarkShare extends CriterionMarkShare {
  criterion: string;
}

export interface MarkShares {
  price: number;
  technical: number;
  rse: number;
  /**
   * Method order. Σ markShare = rse (the questionnaire share Q with offer criteria), except when no criterion can carry weight (every criterion has
   * no question, only weight-0 questions, or weight 0): then all are 0, as every RSE score is 0.
   * A criterion without questions (or with only weight-0 questions) carries 0.
   */
  criteria: CriterionMarkShare[];
  /** Method order. Σ over a criterion's questions = that criterion's markShare. */
  questions: QuestionMarkShare[];
  /**
   * Lawful-award contract only (the method has `offerCriteria`): the questionnaire's share
   * Q = rse − Σ offer shares, which the criteria and questions above share out instead of `rse`.
   */
  questionnaire?: number;
  /** Lawful-award contract only, method order: each offer criterion's share of the final mark. */
  offerCriteria?: { id: string; markShare: number; environmental: boolean }[];
}

export function markShares(method: MarkSharesInput, options: ScoreOptions = {}): MarkShares {
  const r = options.round === false ? (x: number) => x : round2;
  const compiled = compileMethod(method);
  const questionWeight = new Float64Array(compiled.criteria.length);
  for (const q of compiled.questions) if (q.criterion >= 0) questionWeight[q.criterion]! += q.weight;
  // Same inclusion rule as scoring: a criterion counts when its questions' weights sum to > 0.
  let includedWeight = 0;
  compiled.criteria.forEach((c, k) => {
    if (questionWeight[k]! > 0) includedWeight += c.weight;
  });
  const criterionWeightShare = compiled.criteria.map((c, k) =>
    questionWeight[k]! > 0 && includedWeight > 0 ? (100 * c.weight) / includedWeight : 0,
  );
  let offerShareSum = 0;
  for (const c of compiled.offers) offerShareSum += c.share;
  // The questionnaire's points (the RSE share itself without offer criteria, as before).
  const qShare = questionnaireShare(method.shares.rse, offerShareSum);
  const result: MarkShares = {
    price: r(method.shares.price),
    technical: r(method.shares.technical),
    rse: r(method.shares.rse),
    criteria: compiled.criteria.map((c, k) => ({
      id: c.id,
      weightShare: r(criterionWeightShare[k]!),
      markShare: r((qShare * criterionWeightShare[k]!) / 100),
    })),
    questions: compiled.questions.map((q, i) => {
      const cShare = q.criterion >= 0 ? criterionWeightShare[q.criterion]! : 0;
      const weightShare = cShare > 0 ? (100 * q.weight) / questionWeight[q.criterion]! : 0;
      return {
        id: q.id,
        criterion: method.questions[i]!.criterion,
        weightShare: r(weightShare),
        markShare: r((((qShare * cShare) / 100) * weightShare) / 100),
      };
    }),
  };
  if (method.offerCriteria !== undefined) {
    result.questionnaire = r(qShare);
    result.offerCriteria = compiled.offers.map((c) => ({ id: c.id, markShare: r(c.share), environmental: c.environmental }));
  }
  return result;
}
