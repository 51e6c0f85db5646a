/**
 * Builds the scoring library's input (scoring/, `npm run score`) from the database, for one tender:
 *
 * - method: the PUBLISHED snapshot only (`toScoringMethod`: included criteria and questions);
 * - suppliers: each supplier's submission that counts (`evaluableSubmissions`: latest, not withdrawn),
 *   with the price (€ HT) and technical score (0–100) entered by the buyer — a supplier without both is
 *   not scored yet and is listed in `incomplete`;
 * - answers, per included question: the EVALUATED level when an evaluator has saved one; otherwise the
 *   supplier's self-assessment (fallback, so a ranking exists before every answer is reviewed);
 *   "na" only where the method accepts N/A (and, when evaluated, where the evaluator accepted it);
 *   anything else is null (unanswered, 0 points).
 *
 * Lawful-award contract (issue 11), for snapshots published with a `procurement` block: the regime, launch date
 * and offer criteria of the method; per supplier the offer values (the evaluator's value when reviewed, else the
 * submitted one) and `review` (question ids with an evaluation row, offer criteria with a review row). For a public
 * buyer `countOnlyReviewed` is on: the scoring library counts an unreviewed answer or value as not given, so the
 * self-assessment passed here can never move the ranking, and the result says `provisional` while any remain.
 *
 * Supplier ids are `org-<organisation id>`, stable and free of personal data.
 */
import { eq } from "drizzle-orm";
import { offerScores } from "#db/schema";
import type { ScoringInputRaw } from "#scoring";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import { loadTender, type TenderRow } from "./access.server";
import { FOOTPRINT_CRITERION_ID, footprintOfferValues, tenderBillTotals } from "./bill.server";
import { publishedMethodOf } from "./builder";
import { countedOfferValue, evaluableSubmissions, evaluatedValue, selfValue, unsafeEvaluationRows, unsafeOfferReviewRows } from "./evaluation.server";
import { includedQuestions, toScoringMethod, type TenderMethod } from "./method";

export const supplierKey = (organisationId: number) => `org-${organisationId}`;

export type ScoringSupplierInfo = {
  key: string;
  organisationId: number;
  name: string;
  submissionId: number;
  submittedAt: string;
  price: number;
  technical: number;
  /** The bill's computed footprint (kgCO2e) when the tender has a bill; null otherwise. */
  footprintKg: number | null;
};

export type TenderScoringInput = {
  method: TenderMethod;
  /** null when no supplier can be scored yet. */
  input: ScoringInputRaw | null;
  suppliers: ScoringSupplierInfo[];
  incomplete: { organisationId: number; name: string; submissionId: number; missing: string[] }[];
  /** Per supplier key: questions whose value still comes from the self-assessment. */
  notYetEvaluated: Record<string, string[]>;
};

/** For a tender already access-checked by the caller. */
export async function scoringInputForTender(tender: TenderRow): Promise<TenderScoringInput> {
  const method = publishedMethodOf(tender);
  if (!method) throw notFound("Cet appel d'offres n'est pas publié : il n'y a rien à noter.");
  const questions = includedQuestions(method);
  const subs = await evaluableSubmissions(tender);
  const rows = await unsafeEvaluationRows(subs.map((s) => s.id));
  const offerRows = await unsafeOfferReviewRows(subs.map((s) => s.id));
  const scoringMethod = toScoringMethod(method);
  const lawful = scoringMethod.procurement !== undefined || scoringMethod.offerCriteria !== undefined;
  const scores = await db().select().from(offerScores).where(eq(offerScores.tenderId, tender.id));
  // Issue 12: with a bill of quantities the price is computed from it (Σ quantity × unit price),
  // never typed; the footprint is the value of the `empreinte-offre` offer criterion.
  const { bill, offers: billOffers } = await tenderBillTotals(tender);
  const hasBill = bill.length > 0;
  const footprints = footprintOfferValues(billOffers);
  const suppliers: ScoringSupplierInfo[] = [];
  const incomplete: TenderScoringInput["incomplete"] = [];
  const notYetEvaluated: Record<string, string[]> = {};
  const entries: NonNullable<ScoringInputRaw["suppliers"]> = [];
  // Indexed once (issue 16: a `find` over every evaluation row per supplier and question was quadratic).
  const scoreByOrganisation = new Map(scores.map((x) => [x.supplierOrganisationId, x]));
  const rowByAnswer = new Map<number, Map<string, (typeof rows)[number]>>();
  for (const r of rows) {
    let bySubmission = rowByAnswer.get(r.submissionId);
    if (!bySubmission) rowByAnswer.set(r.submissionId, (bySubmission = new Map()));
    // Unique (submission, question) in the table; the first row wins, as `find` did.
    if (!bySubmission.has(r.questionId)) bySubmission.set(r.questionId, r);
  }
  for (const s of subs) {
    const score = scoreByOrganisation.get(s.supplierOrganisationId);
    const missing: string[] = [];
    const billOffer = hasBill ? (billOffers.find((o) => o.organisationId === s.supplierOrganisationId) ?? null) : null;
    const price = hasBill ? (billOffer?.price ?? null) : (score?.priceEurHt ?? null);
    if (hasBill && !billOffer?.complete) missing.push("bordereau de prix incomplet");
    else if (price == null || !(price > 0)) missing.push("prix");
    if (score?.technicalScore == null) missing.push("note technique");
    if (!score || missing.length > 0 || price == null) {
      incomplete.push({ organisationId: s.supplierOrganisationId, name: s.supplierName, submissionId: s.id, missing });
      continue;
    }
    const key = supplierKey(s.supplierOrganisationId);
    const answers: Record<string, 1 | 2 | 3 | 4 | 5 | "na" | null> = {};
    const pending: string[] = [];
    const evaluatedRows = rowByAnswer.get(s.id);
    for (const q of questions) {
      const row = evaluatedRows?.get(q.id);
      if (!row) pending.push(q.id);
      const value = evaluatedValue(row, selfValue(s.answers.get(q.id), q.allowNotApplicable), q.allowNotApplicable);
      answers[q.id] = value === "" ? null : value === "na" ? "na" : (Number(value) as 1 | 2 | 3 | 4 | 5);
    }
    notYetEvaluated[key] = pending;
    suppliers.push({
      key,
      organisationId: s.supplierOrganisationId,
      name: s.supplierName,
      submissionId: s.id,
      submittedAt: s.submittedAt,
      price,
      technical: score.technicalScore!,
      footprintKg: hasBill ? (footprints.get(s.supplierOrganisationId) ?? null) : null,
    });
    if (!lawful) {
      entries.push({ id: key, price, technical: score.technicalScore!, answers });
      continue;
    }
    const offerValues: Record<string, number | null> = {};
    for (const c of method.offerCriteria) {
      // Issue 12: with a bill, the footprint criterion's value is the bill's computed footprint (never typed).
      offerValues[c.id] = hasBill && c.id === FOOTPRINT_CRITERION_ID ? (footprints.get(s.supplierOrganisationId) ?? null) : countedOfferValue(
        offerRows.find((r) => r.submissionId === s.id && r.criterionId === c.id),
        s.offerValues.get(c.id),
      );
    }
    const reviewedAnswers = questions.filter((q) => rows.some((r) => r.submissionId === s.id && r.questionId === q.id)).map((q) => q.id);
    // A computed footprint needs no review of a typed value: it counts as reviewed (replacements are the evaluator's review).
    const reviewedOffers = method.offerCriteria
      .filter((c) => (hasBill && c.id === FOOTPRINT_CRITERION_ID) || offerRows.some((r) => r.submissionId === s.id && r.criterionId === c.id))
      .map((c) => c.id);
    entries.push({ id: key, price, technical: score.technicalScore!, answers, offerValues, review: { answers: reviewedAnswers, offerValues: reviewedOffers } });
  }
  const input: ScoringInputRaw | null = entries.length > 0 ? { ...scoringMethod, suppliers: entries } : null;
  return { method, input, suppliers, incomplete, notYetEvaluated };
}

/** Scoring input of a tender the acting user may see (buyer of the organisation or assigned evaluator). */
export async function buildScoringInput({ tenderId, user }: { tenderId: number; user: CurrentUser }): Promise<TenderScoringInput> {
  return await scoringInputForTender(await loadTender({ id: tenderId, user }));
}
