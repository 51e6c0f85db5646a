import { z } from "zod";
import { getGuide, getQuestion } from "#questionnaires/guide";

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

/**
 * One line of the bill of quantities (issue 12), as stored in the method: `unit` is an activity-unit
 * id of the factor importer (questionnaires/emission-factors/units.ts), `quantity` an exact decimal
 * text with a point ("12.5"), read by scoring/bill-of-quantities.ts without binary floats.
 */
export const methodBillLineSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  unit: z.string().min(1),
  quantity: z.string().regex(/^\d+(\.\d+)?$/),
  segment: z.string().min(1).optional(),
  ghgCategory: z.number().int().min(1).max(15).optional(),
});
export type MethodBillLine = z.infer<typeof methodBillLineSchema>;
export const offerDirections = ["lower-is-better", "higher-is-better"] as const;
export const offerMethods = ["ratio", "linear"] as const;

/**
 * An offer criterion of the tender (issue 11 §2): a measurable characteristic of each offer with its own share of
 * the mark, taken on the RSE share (scoring/README.md §1). From the catalogue of the tender's segment
 * (questionnaires/offer-criteria, `source: "catalogue"`, label and unit copied so that the snapshot stands alone)
 * or written by the buyer (`source: "custom"`).
 */
export const methodOfferCriterionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Identifiant de critère d'offre invalide"),
  source: z.enum(["catalogue", "custom"]).default("catalogue"),
  label: z.string().trim().min(1, "Libellé du critère d'offre obligatoire").max(120),
  /** French unit as shown to suppliers (« kgCO2e », « kWh/an », « années »). */
  unit: z.string().trim().min(1, "Unité du critère d'offre obligatoire").max(40),
  direction: z.enum(offerDirections),
  method: z.enum(offerMethods),
  environmental: z.boolean(),
  share: z.coerce.number().min(0, "Une part ne peut pas être négative").max(RSE_MAX_SHARE),
});
export type MethodOfferCriterion = z.infer<typeof methodOfferCriterionSchema>;

/**
 * Who buys, frozen in the published snapshot (issue 11 §2): the organisation's regime and the launch date
 * (publication day, Paris). `countOnlyReviewed`: evaluated levels only, always on for a public buyer.
 */
export const methodProcurementSchema = z.object({
  regime: z.enum(["public", "private"]),
  launchDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  countOnlyReviewed: z.boolean(),
});
export type MethodProcurement = z.infer<typeof methodProcurementSchema>;

export const tenderMethodSchema = z.object({
  guideVersion: z.string().min(1),
  shares: sharesSchema,
  priceMethod: z.enum(["lowest-ratio", "linear"], { error: "Méthode de notation du prix inconnue" }),
  criteria: z.array(methodCriterionSchema),
  questions: z.array(methodQuestionSchema),
  clauses: z.array(methodClauseSchema).default([]),
  /** Bill of quantities (détail quantitatif estimatif); absent or empty = no bill, the price is entered by the buyer. */
  bill: z.array(methodBillLineSchema).optional(),
  offerCriteria: z.array(methodOfferCriterionSchema).default([]),
  /** Set at publication; absent in drafts and in snapshots published before issue 11 (they score as before). */
  procurement: methodProcurementSchema.optional(),
});
export type TenderMethod = z.infer<typeof tenderMethodSchema>;

/** The procurement block for a draft or a publication: evaluated levels only for public buyers. */
export function procurementFor(regime: "public" | "private", launchDate: string): MethodProcurement {
  return { regime, launchDate, countOnlyReviewed: regime === "public" };
}
/**
 * What both kinds of consultation share: guide version, criteria (with weights) and questions. A
 * maturity campaign's method is exactly this (no price, no shares, no clauses); a tender's method
 * adds the mark's shares, the price method and the clauses.
 */
export const campaignMethodSchema = tenderMethodSchema.pick({ guideVersion: true, criteria: true, questions: true });
export type CampaignMethod = z.infer<typeof campaignMethodSchema>;
/** The part of a method the questionnaire, the invitations and the evaluation read. */
/** Offer criteria and the bill are a tender's (a campaign reads them as none), so supplier pages shared by both kinds can ask. */
export type QuestionsMethod = Pick<TenderMethod, "guideVersion" | "criteria" | "questions" | "offerCriteria" | "bill">;

/** Included questions only, in guide order: what suppliers answer. */
export function includedQuestions(method: Pick<TenderMethod, "criteria" | "questions">) {
  const includedCriteria = new Set(method.criteria.filter((c) => c.included && c.weight > 0).map((c) => c.id));
  return method.questions.filter((q) => q.included && includedCriteria.has(q.criterion));
}

/** What a question of the method assesses, from its guide edition (absent for 2024.1: the scoring reads it as organisation). */
export function scopeOf(guideVersion: string, questionId: string): "contract" | "organisation" | undefined {
  const guide = getGuide(guideVersion);
  return guide ? getQuestion(guide, questionId)?.scope : undefined;
}

/**
 * The scoring library's method (shares, price method, criteria and question weights) for the
 * included questions: what `markShares`, `score` and the annex use.
 *
 * Lawful-award contract (issue 11): `procurement` is the snapshot's, else the one given (a draft: the
 * organisation's regime and today); with it come `offerCriteria` and each question's `scope` from the guide.
 * A snapshot published before issue 11 has neither: it gives exactly the old input (and the old marks).
 */
export function toScoringMethod(method: TenderMethod, draftProcurement?: MethodProcurement) {
  const questions = includedQuestions(method);
  const used = new Set(questions.map((q) => q.criterion));
  const procurement = method.procurement ?? draftProcurement;
  const offerCriteria = method.offerCriteria;
  const lawful = procurement !== undefined || offerCriteria.length > 0;
  return {
    shares: method.shares,
    priceMethod: method.priceMethod,
    criteria: method.criteria.filter((c) => c.included && c.weight > 0 && used.has(c.id)).map((c) => ({ id: c.id, weight: c.weight })),
    questions: questions.map((q) => {
      const scope = lawful ? scopeOf(method.guideVersion, q.id) : undefined;
      return { id: q.id, criterion: q.criterion, weight: q.weight, allowNotApplicable: q.allowNotApplicable, ...(scope ? { scope } : {}) };
    }),
    ...(procurement ? { procurement: { ...procurement } } : {}),
    ...(lawful
      ? { offerCriteria: offerCriteria.map((c) => ({ id: c.id, share: c.share, direction: c.direction, method: c.method, environmental: c.environmental })) }
      : {}),
  };
}
