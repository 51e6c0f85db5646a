import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { evaluations, offerScores, offerValueReviews, organisations, responses, submissions, users } from "#db/schema";
import { currentGuide, getCriterion, getGuide, getQuestion } from "#questionnaires/guide";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { offerValueText, parseOfferValue } from "~/lib/offer-value";
import { submissionContentSchema, type SubmittedAnswer, type SubmittedOfferValue } from "~/lib/submission-content";
import { AppError, notFound } from "~/lib/errors";
import { answerPitfalls } from "~/campaigns/pitfalls";
import { loadTender, loadTenderAsBuyer, type TenderRow, TENDER_NOT_FOUND } from "./access.server";
import { publishedMethodOf, publishedQuestionsOf } from "./builder";
import { tenderBillTotals } from "./bill.server";
import { bumpTenderData, tenderCache, tenderDataKey } from "./data-version.server";
import { includedQuestions } from "./method";

/** A level as chosen in the evaluation form: "1"–"5", "na" (not applicable accepted) or "" (no answer). */
export type LevelValue = "1" | "2" | "3" | "4" | "5" | "na" | "";
export const levelValues = ["1", "2", "3", "4", "5", "na", ""] as const;
export const MIN_JUSTIFICATION = 5;

/** Evaluation opens after the deadline, or as soon as a supplier has submitted if the tender allows it. */
export function evaluationOpen(tender: TenderRow, now = Date.now()): boolean {
  if (tender.status !== "published" && tender.status !== "closed") return false;
  return tender.allowEarlyEvaluation || Date.parse(tender.deadline) <= now;
}

export type EvaluableSubmission = {
  id: number;
  supplierOrganisationId: number;
  supplierName: string;
  submittedAt: string;
  answers: Map<string, SubmittedAnswer>;
  /** Offer criterion id → the value the supplier submitted (issue 11 §2). */
  offerValues: Map<string, SubmittedOfferValue>;
};

/**
 * The submission that counts for each supplier: its latest non-withdrawn submission, unless the
 * supplier's response is withdrawn. Only for tenders whose evaluation is open.
 */
export async function evaluableSubmissions(tender: TenderRow): Promise<readonly EvaluableSubmission[]> {
  const open = evaluationOpen(tender);
  if (!open) return [];
  // Parsing every submission's content is most of the cost of the pages that need them (issue 16):
  // the result is kept per tender for its data version (bumped by submit and withdraw).
  return await tenderCache<Promise<readonly EvaluableSubmission[]>>("evaluable-submissions").get(tender.id, await tenderDataKey(tender, open), () => readEvaluableSubmissions(tender));
}

async function readEvaluableSubmissions(tender: TenderRow): Promise<EvaluableSubmission[]> {
  const rows = await db()
      .select({
        id: submissions.id,
        org: submissions.supplierOrganisationId,
        submittedAt: submissions.submittedAt,
        content: submissions.content,
        withdrawnAt: submissions.withdrawnAt,
        responseStatus: responses.status,
        name: organisations.name,
      })
      .from(submissions)
      .innerJoin(responses, eq(responses.id, submissions.responseId))
      .innerJoin(organisations, eq(organisations.id, submissions.supplierOrganisationId))
      .where(eq(submissions.tenderId, tender.id))
      .orderBy(desc(submissions.submittedAt), desc(submissions.id));
  const seen = new Set<number>();
  const out: EvaluableSubmission[] = [];
  for (const r of rows) {
    if (seen.has(r.org) || r.withdrawnAt !== null || r.responseStatus === "withdrawn") continue;
    const content = submissionContentSchema.safeParse(r.content);
    if (!content.success || content.data.tenderId !== tender.id) continue;
    seen.add(r.org);
    out.push({
      id: r.id,
      supplierOrganisationId: r.org,
      supplierName: r.name,
      submittedAt: r.submittedAt,
      answers: new Map(content.data.answers.map((a) => [a.questionId, a])),
      offerValues: new Map((content.data.offerValues ?? []).map((v) => [v.criterionId, v])),
    });
  }
  return out.sort((a, b) => a.supplierName.localeCompare(b.supplierName, "fr"));
}

/** The supplier's self-assessment as a form value; N/A only where the method accepts it. */
export function selfValue(answer: SubmittedAnswer | undefined, allowNotApplicable: boolean): LevelValue {
  if (!answer) return "";
  if (answer.notApplicable) return allowNotApplicable ? "na" : "";
  return answer.level === null ? "" : (String(answer.level) as LevelValue);
}

type EvaluationRow = typeof evaluations.$inferSelect;

export function evaluatedValue(row: EvaluationRow | undefined, fallback: LevelValue, allowNotApplicable: boolean): LevelValue {
  if (!row) return fallback;
  if (row.notApplicableAccepted === true) return allowNotApplicable ? "na" : "";
  return row.evaluatedLevel === null ? "" : (String(row.evaluatedLevel) as LevelValue);
}

/** Evaluations of the given submissions: the caller has checked that the user may see them. */
export async function unsafeEvaluationRows(submissionIds: number[]): Promise<EvaluationRow[]> {
  if (submissionIds.length === 0) return [];
  return await db().select().from(evaluations).where(inArray(evaluations.submissionId, submissionIds));
}

type OfferReviewRow = typeof offerValueReviews.$inferSelect;

/** Offer value reviews of the given submissions: the caller has checked that the user may see them. */
export async function unsafeOfferReviewRows(submissionIds: number[]): Promise<OfferReviewRow[]> {
  if (submissionIds.length === 0) return [];
  return await db().select().from(offerValueReviews).where(inArray(offerValueReviews.submissionId, submissionIds));
}

/** The value that counts for one offer criterion: the evaluator's when reviewed, else the supplier's. */
export function countedOfferValue(row: OfferReviewRow | undefined, submitted: SubmittedOfferValue | undefined): number | null {
  return row ? row.value : (submitted?.value ?? null);
}

/** Progress view: per submission, questions evaluated / to evaluate, and whether price and technical score are entered. */
export async function evaluationOverview({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const tender = await loadTender({ id: tenderId, user, kind: "any" });
  const method = publishedQuestionsOf(tender);
  const open = evaluationOpen(tender);
  if (!method) return { tender, open: false, submissions: [], questionCount: 0, offerCriterionCount: 0, hasBill: false };
  const { bill, offers: billOffers } = await tenderBillTotals(tender);
  const questions = includedQuestions(method);
  const subs = await evaluableSubmissions(tender);
  const rows = await unsafeEvaluationRows(subs.map((s) => s.id));
  const offerRows = await unsafeOfferReviewRows(subs.map((s) => s.id));
  const scores = await db().select().from(offerScores).where(eq(offerScores.tenderId, tender.id));
  const scoreByOrganisation = new Map(scores.map((x) => [x.supplierOrganisationId, x]));
  const evaluatedBySubmission = new Map<number, Set<string>>();
  for (const r of rows) {
    let set = evaluatedBySubmission.get(r.submissionId);
    if (!set) evaluatedBySubmission.set(r.submissionId, (set = new Set()));
    set.add(r.questionId);
  }
  return {
    tender,
    open,
    questionCount: questions.length,
    hasBill: bill.length > 0,
    offerCriterionCount: method.offerCriteria.length,
    submissions: subs.map((s) => {
      const evaluated = evaluatedBySubmission.get(s.id) ?? new Set<string>();
      const remainingByCriterion = new Map<string, number>();
      for (const q of questions) if (!evaluated.has(q.id)) remainingByCriterion.set(q.criterion, (remainingByCriterion.get(q.criterion) ?? 0) + 1);
      const score = scoreByOrganisation.get(s.supplierOrganisationId);
      return {
        id: s.id,
        supplierOrganisationId: s.supplierOrganisationId,
        supplierName: s.supplierName,
        submittedAt: s.submittedAt,
        evaluated: questions.filter((q) => evaluated.has(q.id)).length,
        offerValuesReviewed: method.offerCriteria.filter((c) => offerRows.some((r) => r.submissionId === s.id && r.criterionId === c.id)).length,
        remaining: [...remainingByCriterion.entries()].map(([criterion, n]) => ({
          criterion,
          title: getCriterion(getGuide(method.guideVersion) ?? currentGuide, criterion)?.shortTitle ?? criterion,
          count: n,
        })),
        price: bill.length > 0 ? (billOffers.find((o) => o.organisationId === s.supplierOrganisationId)?.price ?? null) : (score?.priceEurHt ?? null),
        technical: score?.technicalScore ?? null,
      };
    }),
  };
}

async function findSubmission(tender: TenderRow, submissionId: number): Promise<EvaluableSubmission> {
  if (!evaluationOpen(tender)) throw new AppError("conflict", "L'évaluation n'est pas encore ouverte : elle commence à la date limite (ou dès un dépôt si l'appel d'offres le permet).");
  const sub = (await evaluableSubmissions(tender)).find((s) => s.id === submissionId);
  if (!sub) throw notFound("Cette réponse n'existe pas ou vous n'y avez pas accès.");
  return sub;
}

/** Everything the evaluation page of one submission needs, grouped by criterion. */
export async function submissionForEvaluation({ tenderId, submissionId, user }: { tenderId: number; submissionId: number; user: CurrentUser }) {
  const tender = await loadTender({ id: tenderId, user, kind: "any" });
  const method = publishedQuestionsOf(tender);
  if (!method) throw notFound(TENDER_NOT_FOUND);
  const sub = await findSubmission(tender, submissionId);
  const guide = getGuide(method.guideVersion) ?? currentGuide;
  const rows = await unsafeEvaluationRows([sub.id]);
  const evaluatorNames = new Map(
    rows.length
      ? (await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, rows.map((r) => r.evaluatorId)))).map((u) => [u.id, u.name])
      : [],
  );
  const questions = includedQuestions(method);
  const criteria = method.criteria
    .filter((c) => questions.some((q) => q.criterion === c.id))
    .map((c) => ({
      id: c.id,
      title: getCriterion(guide, c.id)?.title ?? c.id,
      questions: questions
        .filter((q) => q.criterion === c.id)
        .map((q) => {
          const answer = sub.answers.get(q.id);
          const row = rows.find((r) => r.questionId === q.id);
          const self = selfValue(answer, q.allowNotApplicable);
          const gq = getQuestion(guide, q.id);
          return {
            id: q.id,
            topic: gq?.topic ?? q.id,
            text: gq?.text ?? "",
            guidance: gq?.guidance ?? "",
            allowNotApplicable: q.allowNotApplicable,
            self,
            answerText: answer?.text ?? "",
            notApplicableReason: answer?.notApplicable ? answer.notApplicableReason : "",
            files: answer?.files.map((f) => ({ fileId: f.fileId, name: f.originalName, size: f.size })) ?? [],
            evaluated: row !== undefined,
            pitfalls: answerPitfalls(answer),
            plannedNotInPlace: row?.plannedNotInPlace ?? false,
            value: evaluatedValue(row, self, q.allowNotApplicable),
            justification: row?.justification ?? "",
            evaluatorName: row ? (evaluatorNames.get(row.evaluatorId) ?? null) : null,
            updatedAt: row?.updatedAt ?? null,
          };
        }),
    }));
  const offerRows = await unsafeOfferReviewRows([sub.id]);
  const offerEvaluatorNames = new Map(
    offerRows.length
      ? (await db().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, offerRows.map((r) => r.evaluatorId)))).map((u) => [u.id, u.name])
      : [],
  );
  const offerCriteria = method.offerCriteria.map((c) => {
    const submitted = sub.offerValues.get(c.id);
    const row = offerRows.find((r) => r.criterionId === c.id);
    return {
      id: c.id,
      label: c.label,
      unit: c.unit,
      environmental: c.environmental,
      submitted: submitted?.value ?? null,
      files: submitted?.files.map((f) => ({ fileId: f.fileId, name: f.originalName, size: f.size })) ?? [],
      reviewed: row !== undefined,
      value: offerValueText(countedOfferValue(row, submitted)),
      justification: row?.justification ?? "",
      evaluatorName: row ? (offerEvaluatorNames.get(row.evaluatorId) ?? null) : null,
      updatedAt: row?.updatedAt ?? null,
    };
  });
  return { tender, submission: { id: sub.id, supplierName: sub.supplierName, submittedAt: sub.submittedAt }, criteria, offerCriteria };
}

export const offerValueReviewSchema = z.object({
  criterionId: z.string().min(1).max(80),
  value: z.string().max(40).default(""),
  justification: z.string().trim().max(2000, "2000 caractères au plus").default(""),
});
export type OfferValueReviewInput = z.infer<typeof offerValueReviewSchema>;

/**
 * Confirms or corrects the value of one offer criterion of one submission (issue 11 §2: « evaluators confirm or
 * correct it with a justification, like levels »). An empty value means « not given » (scored 0). A value different
 * from the supplier's needs a justification; every save is audited with the change.
 */
export async function saveOfferValueReview({
  tenderId,
  submissionId,
  user,
  input,
}: {
  tenderId: number;
  submissionId: number;
  user: CurrentUser;
  input: OfferValueReviewInput;
}): Promise<{ ok: true; changed: boolean } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const tender = await loadTender({ id: tenderId, user });
  const method = publishedMethodOf(tender);
  if (!method) throw notFound(TENDER_NOT_FOUND);
  const sub = await findSubmission(tender, submissionId);
  const criterion = method.offerCriteria.find((c) => c.id === input.criterionId);
  if (!criterion) throw notFound("Ce critère d'offre ne fait pas partie de l'appel d'offres.");
  const parsed = parseOfferValue(input.value);
  const key = `offer[${criterion.id}]`;
  if (!parsed.ok) return { ok: false, fieldErrors: { [key]: [parsed.message] } };
  if (parsed.value === 0 && criterion.direction === "lower-is-better" && criterion.method === "ratio") {
    return { ok: false, fieldErrors: { [key]: ["La valeur doit être strictement positive (notation proportionnelle, plus bas est meilleur)."] } };
  }
  const submitted = sub.offerValues.get(criterion.id)?.value ?? null;
  if (parsed.value !== submitted && input.justification.length < MIN_JUSTIFICATION) {
    return {
      ok: false,
      fieldErrors: {
        [`offerJustification[${criterion.id}]`]: [
          `Justifiez en quelques mots (${MIN_JUSTIFICATION} caractères au moins) la valeur retenue, différente de celle du fournisseur : le fournisseur la lira dans son bilan.`,
        ],
      },
    };
  }
  const previousRow = (await unsafeOfferReviewRows([sub.id])).find((r) => r.criterionId === criterion.id);
  const previous = countedOfferValue(previousRow, sub.offerValues.get(criterion.id));
  const at = new Date().toISOString();
  const values = { value: parsed.value, justification: input.justification, evaluatorId: user.id, updatedAt: at };
  await transaction(async (tx) => {
        await tx.insert(offerValueReviews)
                .values({ tenderId: tender.id, submissionId: sub.id, criterionId: criterion.id, ...values })
                .onConflictDoUpdate({ target: [offerValueReviews.submissionId, offerValueReviews.criterionId], set: values });
        await bumpTenderData(tx, tender.id);
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: parsed.value !== previous || input.justification !== (previousRow?.justification ?? "") ? "offer-value.update" : "offer-value.confirm",
                targetType: "submission",
                targetId: sub.id,
                details: { tenderId: tender.id, supplierOrganisationId: sub.supplierOrganisationId, criterionId: criterion.id, submitted, from: previous, to: parsed.value, justification: input.justification },
              });
      });
  return { ok: true, changed: parsed.value !== previous };
}

export const criterionEvaluationSchema = z.object({
  criterion: z.string().min(1),
  levels: z.record(z.string(), z.enum(levelValues, { error: "Niveau invalide" })),
  justifications: z.record(z.string(), z.string().trim().max(2000, "2000 caractères au plus")),
  /** Evaluation aid (issue 14 §5): questions tagged « prévu, pas en place ». Absent = none tagged. */
  planned: z.array(z.string()).default([]),
});
export type CriterionEvaluationInput = z.infer<typeof criterionEvaluationSchema>;

/**
 * Saves the evaluated levels of one criterion of one submission. A level different from the
 * supplier's self-assessment needs a justification (the supplier sees it in the debrief).
 * Every save is in the audit log with the changes.
 */
export async function saveCriterionEvaluation({
  tenderId,
  submissionId,
  user,
  input,
}: {
  tenderId: number;
  submissionId: number;
  user: CurrentUser;
  input: CriterionEvaluationInput;
}): Promise<{ ok: true; changed: number } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const tender = await loadTender({ id: tenderId, user, kind: "any" });
  const method = publishedQuestionsOf(tender);
  if (!method) throw notFound(TENDER_NOT_FOUND);
  const sub = await findSubmission(tender, submissionId);
  const questions = includedQuestions(method).filter((q) => q.criterion === input.criterion);
  if (questions.length === 0) throw notFound("Ce critère ne fait pas partie de l'appel d'offres.");
  const rows = await unsafeEvaluationRows([sub.id]);
  const fieldErrors: Record<string, string[]> = {};
  const planned: { questionId: string; value: LevelValue; justification: string; self: LevelValue; previous: LevelValue; hadRow: boolean; previousJustification: string }[] = [];
  for (const q of questions) {
    const self = selfValue(sub.answers.get(q.id), q.allowNotApplicable);
    const row = rows.find((r) => r.questionId === q.id);
    const value = (input.levels[q.id] ?? evaluatedValue(row, self, q.allowNotApplicable)) as LevelValue;
    const justification = input.justifications[q.id] ?? row?.justification ?? "";
    if (value === "na" && !q.allowNotApplicable) {
      (fieldErrors[`level[${q.id}]`] ??= []).push("« Sans objet » n'est pas accepté pour cette question.");
      continue;
    }
    if (value !== self && justification.length < MIN_JUSTIFICATION) {
      (fieldErrors[`justification[${q.id}]`] ??= []).push(
        `Justifiez en quelques mots (${MIN_JUSTIFICATION} caractères au moins) le niveau évalué, différent de l'auto-évaluation du fournisseur : le fournisseur la lira dans son bilan.`,
      );
      continue;
    }
    planned.push({ questionId: q.id, value, justification: value === self ? justification : justification, self, previous: evaluatedValue(row, self, q.allowNotApplicable), hadRow: row !== undefined, previousJustification: row?.justification ?? "" });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const at = new Date().toISOString();
  const plannedBefore = new Set(rows.filter((r) => r.plannedNotInPlace).map((r) => r.questionId));
  const changes = planned.filter((p) => p.value !== p.previous || p.justification !== p.previousJustification || plannedBefore.has(p.questionId) !== input.planned.includes(p.questionId));
  await transaction(async (tx) => {
        for (const p of planned) {
          const answer = sub.answers.get(p.questionId);
          const values = {
            evaluatedLevel: p.value === "" || p.value === "na" ? null : Number(p.value),
            notApplicableAccepted: p.value === "na" ? true : answer?.notApplicable ? false : null,
            justification: p.justification,
            plannedNotInPlace: input.planned.includes(p.questionId),
            evaluatorId: user.id,
            updatedAt: at,
          };
          await tx.insert(evaluations)
                    .values({ tenderId: tender.id, submissionId: sub.id, questionId: p.questionId, ...values })
                    .onConflictDoUpdate({ target: [evaluations.submissionId, evaluations.questionId], set: values });
        }
        await bumpTenderData(tx, tender.id);
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: changes.length > 0 ? "evaluation.update" : "evaluation.confirm",
                targetType: "submission",
                targetId: sub.id,
                details: {
                  tenderId: tender.id,
                  supplierOrganisationId: sub.supplierOrganisationId,
                  criterion: input.criterion,
                  changes: changes.map((c) => ({ questionId: c.questionId, selfAssessed: c.self, from: c.previous, to: c.value, justification: c.justification, plannedNotInPlace: input.planned.includes(c.questionId) })),
                },
              });
      });
  return { ok: true, changed: changes.length };
}

export const offerScoreSchema = z
  .object({
    supplierOrganisationId: z.coerce.number().int().positive(),
    // Absent when the tender has a bill of quantities (the price is computed from it: issue 12).
    price: z
      .string()
      .trim()
      .optional()
      .transform((s) => (s === undefined || s === "" ? null : Number(s.replace(/\s/g, "").replace(",", "."))))
      .refine((n) => n === null || (Number.isFinite(n) && n > 0), "Prix en euros HT strictement positif attendu"),
    technical: z
      .string()
      .trim()
      .min(1, "La note technique est obligatoire")
      .transform((s) => Number(s.replace(",", ".")))
      .refine((n) => Number.isFinite(n) && n >= 0, "Note positive attendue"),
    scale: z.enum(["100", "20"], { error: "Barème /100 ou /20" }).default("100"),
  })
  .superRefine((v, ctx) => {
    const max = Number(v.scale);
    if (v.technical > max) ctx.addIssue({ code: "custom", path: ["technical"], message: `La note technique ne peut pas dépasser ${max}` });
  });
export type OfferScoreInput = z.infer<typeof offerScoreSchema>;

/**
 * Price (€ HT) and technical score (stored on 0–100; /20 converted ×5) entered by the buyer. With a
 * bill of quantities only the technical score is entered: the price is computed from the bill.
 */
export async function saveOfferScore({ tenderId, user, input }: { tenderId: number; user: CurrentUser; input: OfferScoreInput }): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const tender = await loadTenderAsBuyer({ id: tenderId, user });
  const sub = (await evaluableSubmissions(tender)).find((s) => s.supplierOrganisationId === input.supplierOrganisationId);
  if (!sub) throw notFound("Ce fournisseur n'a pas de réponse évaluable pour cet appel d'offres.");
  const method = publishedMethodOf(tender);
  const hasBill = (method?.bill ?? []).length > 0;
  if (!hasBill && input.price === null) return { ok: false, fieldErrors: { price: ["Le prix est obligatoire"] } };
  const price = hasBill ? null : input.price;
  const technical = input.scale === "20" ? input.technical * 5 : input.technical;
  const at = new Date().toISOString();
  await transaction(async (tx) => {
        const before = (await tx
              .select()
              .from(offerScores)
              .where(and(eq(offerScores.tenderId, tender.id), eq(offerScores.supplierOrganisationId, sub.supplierOrganisationId))).limit(1))[0];
        const values = { priceEurHt: price, technicalScore: technical, updatedBy: user.id, updatedAt: at };
        await tx.insert(offerScores)
                .values({ tenderId: tender.id, supplierOrganisationId: sub.supplierOrganisationId, ...values })
                .onConflictDoUpdate({ target: [offerScores.tenderId, offerScores.supplierOrganisationId], set: values });
        await bumpTenderData(tx, tender.id);
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "offer-score.update",
                targetType: "tender",
                targetId: tender.id,
                details: {
                  supplierOrganisationId: sub.supplierOrganisationId,
                  from: before ? { price: before.priceEurHt, technical: before.technicalScore } : null,
                  to: { price, technical, enteredOn: input.scale },
                },
              });
      });
  return { ok: true };
}
