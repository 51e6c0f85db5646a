/**
 * NR Procure scoring library — public API. Pure TypeScript + zod: no I/O, no Node APIs, runs in the
 * browser. The method is described in ./README.md (French section first, for consultation rules).
 *
 * Error style: `score` and `explain` validate and throw `ScoringInputError` (French issues with JSON
 * paths); `parseScoringInput` returns a result object instead; `*Parsed` variants skip validation.
 */
export {
  ENVIRONMENTAL_CRITERION_REQUIRED_FROM,
  MAX_LEVEL,
  MAX_RSE_SHARE,
  MIN_ENVIRONMENTAL_SHARE,
  MIN_LEVEL,
  NOT_APPLICABLE,
  OFFER_DIRECTIONS,
  OFFER_METHODS,
  PRICE_METHODS,
  QUESTION_SCOPES,
  REGIMES,
  SHARE_SUM_TOLERANCE,
  TIE_TOLERANCE,
  type OfferDirection,
  type OfferMethod,
  type PriceMethod,
  type QuestionScope,
  type Regime,
} from "./constants";
export {
  answerSchema,
  answersSchema,
  criterionSchema,
  offerCriterionSchema,
  offerValuesSchema,
  priceMethodSchema,
  procurementSchema,
  questionSchema,
  reviewSchema,
  scoringInputSchema,
  scoringMethodSchema,
  sharesSchema,
  supplierSchema,
  type Answer,
  type Criterion,
  type Level,
  type OfferCriterion,
  type OfferCriterionRaw,
  type OfferValues,
  type Procurement,
  type Question,
  type Review,
  type ScoringInput,
  type ScoringInputRaw,
  type ScoringMethod,
  type ScoringMethodRaw,
  type Shares,
  type Supplier,
} from "./schema";
export {
  formatIssues,
  formatPath,
  methodWarnings,
  parseScoringInput,
  parseScoringMethod,
  ScoringInputError,
  type FormattedIssue,
  type ParseResult,
} from "./parse";
export {
  priceScore,
  questionScore,
  score,
  scoreParsed,
  usesLawfulAwardContract,
  winnerChangesAtRseShare,
  type LawfulScoringResult,
  type LawfulSupplierScore,
  type ScoreOptions,
  type ScoringResult,
  type SupplierScore,
  type Unreviewed,
} from "./engine";
export { offerRange, offerScore, type OfferRange } from "./offer";
export { questionnaireShare } from "./lawful-award";
export {
  explain,
  explainParsed,
  type AnswerStatus,
  type CriterionExplanation,
  type OfferCriterionExplanation,
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
export {
  billLineSchema,
  billOffer,
  BillOfQuantitiesError,
  billResponseLineSchema,
  billResponseSchema,
  billSchema,
  compileBill,
  factorReplacementSchema,
  footprintOfferCriterion,
  formatCents,
  formatGrams,
  parseBill,
  parseBillResponse,
  type Bill,
  type BillLine,
  type BillLineResult,
  type BillOffer,
  type BillResponse,
  type BillResponseLine,
  type CompiledBill,
} from "./bill-of-quantities";
export { MAX_DECIMALS, MAX_INTEGER_DIGITS, multiplyRounded, parseDecimal, type Decimal } from "./decimal";
export {
  criterionScores,
  distribution,
  MIN_PANEL_FOR_MEDIAN,
  panelMedian,
  STRENGTH_PRIORITY_RULE,
  strengthAndPriority,
  weightedMaturity,
  type EvaluatedQuestion,
} from "./maturity";
