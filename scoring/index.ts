/**
 * NR Procure scoring library — public API. Pure TypeScript + zod: no I/O, no Node APIs, runs in the
 * browser. The method is described in ./README.md (French section first, for consultation rules).
 *
 * Error style: `score` and `explain` validate and throw `ScoringInputError` (French issues with JSON
 * paths); `parseScoringInput` returns a result object instead; `*Parsed` variants skip validation.
 */
export {
  MAX_LEVEL,
  MAX_RSE_SHARE,
  MIN_LEVEL,
  NOT_APPLICABLE,
  PRICE_METHODS,
  SHARE_SUM_TOLERANCE,
  TIE_TOLERANCE,
  type PriceMethod,
} from "./constants";
export {
  answerSchema,
  answersSchema,
  criterionSchema,
  formatIssues,
  formatPath,
  parseScoringInput,
  parseScoringMethod,
  priceMethodSchema,
  questionSchema,
  scoringInputSchema,
  scoringMethodSchema,
  ScoringInputError,
  sharesSchema,
  supplierSchema,
  type Answer,
  type Criterion,
  type FormattedIssue,
  type Level,
  type ParseResult,
  type Question,
  type ScoringInput,
  type ScoringInputRaw,
  type ScoringMethod,
  type ScoringMethodRaw,
  type Shares,
  type Supplier,
} from "./schema";
export {
  priceScore,
  questionScore,
  score,
  scoreParsed,
  winnerChangesAtRseShare,
  type ScoreOptions,
  type ScoringResult,
  type SupplierScore,
} from "./engine";
export {
  explain,
  explainParsed,
  type AnswerStatus,
  type CriterionExplanation,
  type PartExplanation,
  type QuestionExplanation,
  type SupplierExplanation,
} from "./explain";
export {
  markShares,
  type CriterionMarkShare,
  type MarkShares,
  type MarkSharesInput,
  type QuestionMarkShare,
} from "./mark-shares";
export { findWinnerChange, nonRseScore, totalAtRseShare, type StabilityLine } from "./stability";
export { round2 } from "./round";
