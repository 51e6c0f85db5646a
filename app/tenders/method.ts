import { z } from "zod";

/**
 * A tender's method: everything the mark depends on, plus the chosen clauses. Editable while the
 * tender is a draft (`tenders.draftMethod`), frozen at publication (`tenders.publishedMethod`).
 * Shared by the browser (live builder) and the server. Converted to the scoring library's input
 * by `toScoringMethod()` (see app/tenders/scoring-input.server.ts).
 */
export const RSE_MAX_SHARE = 30; // project decision following SNCF practice (shared/reference/public-procurement-weighting.md §4)

const share = z.coerce
  .number({ error: "Nombre attendu" })
  .min(0, "Une part ne peut pas être négative")
  .max(100, "Une part ne peut pas dépasser 100 %");

export const sharesSchema = z
  .object({ price: share, technical: share, rse: share.max(RSE_MAX_SHARE, `La part RSE ne peut pas dépasser ${RSE_MAX_SHARE} % de la note`) })
  .refine((s) => Math.abs(s.price + s.technical + s.rse - 100) < 1e-9, {
    message: "Les parts prix, technique et RSE doivent totaliser 100 %",
    path: ["total"],
  });

export const methodCriterionSchema = z.object({
  id: z.string().min(1),
  included: z.boolean(),
  weight: z.coerce.number().min(0, "Un poids ne peut pas être négatif").max(1000),
});

export const methodQuestionSchema = z.object({
  id: z.string().min(1),
  criterion: z.string().min(1),
  included: z.boolean(),
  weight: z.coerce.number().min(0, "Un poids ne peut pas être négatif").max(1000).default(1),
  allowNotApplicable: z.boolean().default(false),
});

export const methodClauseSchema = z.object({
  clauseId: z.string().min(1),
  values: z.record(z.string(), z.string()).default({}),
});

export const tenderMethodSchema = z.object({
  guideVersion: z.string().min(1),
  shares: sharesSchema,
  priceMethod: z.enum(["lowest-ratio", "linear"], { error: "Méthode de notation du prix inconnue" }),
  criteria: z.array(methodCriterionSchema),
  questions: z.array(methodQuestionSchema),
  clauses: z.array(methodClauseSchema).default([]),
});
export type TenderMethod = z.infer<typeof tenderMethodSchema>;

/**
 * What both kinds of consultation share: guide version, criteria (with weights) and questions. A
 * maturity campaign's method is exactly this (no price, no shares, no clauses); a tender's method
 * adds the mark's shares, the price method and the clauses.
 */
export const campaignMethodSchema = tenderMethodSchema.pick({ guideVersion: true, criteria: true, questions: true });
export type CampaignMethod = z.infer<typeof campaignMethodSchema>;
/** The part of a method the questionnaire, the invitations and the evaluation read. */
export type QuestionsMethod = Pick<TenderMethod, "guideVersion" | "criteria" | "questions">;

/** Included questions only, in guide order: what suppliers answer. */
export function includedQuestions(method: Pick<TenderMethod, "criteria" | "questions">) {
  const includedCriteria = new Set(method.criteria.filter((c) => c.included && c.weight > 0).map((c) => c.id));
  return method.questions.filter((q) => q.included && includedCriteria.has(q.criterion));
}

/**
 * The scoring library's method (shares, price method, criteria and question weights) for the
 * included questions: what `markShares`, `score` and the annex use.
 */
export function toScoringMethod(method: TenderMethod) {
  const questions = includedQuestions(method);
  const used = new Set(questions.map((q) => q.criterion));
  return {
    shares: method.shares,
    priceMethod: method.priceMethod,
    criteria: method.criteria.filter((c) => c.included && c.weight > 0 && used.has(c.id)).map((c) => ({ id: c.id, weight: c.weight })),
    questions: questions.map((q) => ({ id: q.id, criterion: q.criterion, weight: q.weight, allowNotApplicable: q.allowNotApplicable })),
  };
}
