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
 * Supplier ids are `org-<organisation id>`, stable and free of personal data.
 */
import { eq } from "drizzle-orm";
import { offerScores } from "#db/schema";
import type { ScoringInputRaw } from "#scoring";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import { loadTender, type TenderRow } from "./access.server";
import { publishedMethodOf } from "./builder";
import { evaluableSubmissions, evaluatedValue, unsafeEvaluationRows, selfValue } from "./evaluation.server";
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
export function scoringInputForTender(tender: TenderRow): TenderScoringInput {
  const method = publishedMethodOf(tender);
  if (!method) throw notFound("Cet appel d'offres n'est pas publié : il n'y a rien à noter.");
  const questions = includedQuestions(method);
  const subs = evaluableSubmissions(tender);
  const rows = unsafeEvaluationRows(subs.map((s) => s.id));
  const scores = db().select().from(offerScores).where(eq(offerScores.tenderId, tender.id)).all();
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
    if (score?.priceEurHt == null || !(score.priceEurHt > 0)) missing.push("prix");
    if (score?.technicalScore == null) missing.push("note technique");
    if (!score || missing.length > 0) {
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
      price: score.priceEurHt!,
      technical: score.technicalScore!,
    });
    entries.push({ id: key, price: score.priceEurHt!, technical: score.technicalScore!, answers });
  }
  const input: ScoringInputRaw | null = entries.length > 0 ? { ...toScoringMethod(method), suppliers: entries } : null;
  return { method, input, suppliers, incomplete, notYetEvaluated };
}

/** Scoring input of a tender the acting user may see (buyer of the organisation or assigned evaluator). */
export function buildScoringInput({ tenderId, user }: { tenderId: number; user: CurrentUser }): TenderScoringInput {
  return scoringInputForTender(loadTender({ id: tenderId, user }));
}
