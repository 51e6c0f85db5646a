import crypto from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { answerFiles, files, responseAnswers, responses, submissions, users } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { isPostgres } from "#db/connection";
import { db, type Tx, transaction } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared.server";
import { config } from "~/config.server";
import { countdown, formatParis } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { questionTextFor } from "#questionnaires/guide";
import { prefillFromCampaigns } from "~/campaigns/prefill.server";
import { affectedRows } from "#db/transaction";
import { closedReason, findOwnResponse, requireOpenTender, requireSupplierTender, type SupplierTender } from "./access.server";
import { prefillFromLibrary } from "./library.server";
import { draftOfferValues, offerValueViews } from "./offer-values.server";
import { computeProgress, questionState, type QuestionState } from "./progress";
import { levelOptions, type QuestionView, type SectionSummary } from "./questionnaire-view";
import { emptyAnswer, toFormValues, type AnswerDraft, type AnswerFormValues, type SaveRequest } from "./schemas";

type AnswerRow = typeof responseAnswers.$inferSelect;

export function rowToDraft(row: AnswerRow | undefined): AnswerDraft {
  if (!row) return { ...emptyAnswer };
  return { level: row.level, text: row.text, notApplicable: row.notApplicable, notApplicableReason: row.notApplicableReason, reused: row.reusedUnconfirmed };
}

/** Short hash of an answer as the page holds it: lets the server tell which answers a save touched. */
export function fingerprint(a: AnswerDraft): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([a.level, a.text, a.notApplicable, a.notApplicableReason, a.reused]))
    .digest("hex")
    .slice(0, 16);
}

function sameContent(a: AnswerDraft, b: AnswerDraft): boolean {
  return a.level === b.level && a.text === b.text && a.notApplicable === b.notApplicable && a.notApplicableReason === b.notApplicableReason;
}

/**
 * The organisation's draft for a tender, created on first access and pre-filled from the answer
 * library (each reused answer flagged until confirmed).
 */
export async function ensureResponse(tx: Tx, { user, t }: { user: CurrentUser; t: SupplierTender }) {
  const existing = await findOwnResponse(tx, { user, tenderId: t.tender.id });
  if (existing) return existing;
  const created = (await tx
      .insert(responses)
      .values({ tenderId: t.tender.id, supplierOrganisationId: user.organisationId, guideVersion: t.method.guideVersion })
      .onConflictDoNothing()
      .returning())[0]!;
  const response = created ?? (await findOwnResponse(tx, { user, tenderId: t.tender.id }))!;
  if (created) {
    const questionIds = t.questions.map((q) => q.id);
    // In a tender, a question of weight 0 is asked for information; every other one is scored.
    const weights = new Map(t.method.questions.map((q) => [q.id, q.weight]));
    const isTender = t.tender.kind !== "campaign";
    const scored = new Set(isTender ? questionIds.filter((id) => (weights.get(id) ?? 1) > 0) : []);
    await prefillFromLibrary(tx, { user, responseId: response.id, guideVersion: t.method.guideVersion, questionIds, noCampaignSourceFor: scored });
    if (isTender) await prefillFromCampaigns(tx, { user, responseId: response.id, guideVersion: t.method.guideVersion, questionIds: questionIds.filter((id) => !scored.has(id)) });
  }
  return response;
}

export type FileInfo = { answerFileId: number; fileId: number; originalName: string; size: number; mimeType: string };

/** The answers and attached files of a response row the caller found for the acting user. */
export async function loadAnswersAndFiles(tx: Tx, response: { id: number }) {
  const values = { responseId: response.id };
  const rows = await answersQuery(values, tx);
  const fileRows = await answerFilesQuery(values, tx);
  return { rows, fileRows };
}
// The questionnaire pages' queries, prepared once (issue 16: drizzle's query building per request).
const answersQuery = preparedQuery("response_answers_of", (tx) => tx.select().from(responseAnswers).where(eq(responseAnswers.responseId, sql.placeholder("responseId"))));
const answerFilesQuery = preparedQuery("answer_files_of", (tx) =>
  tx
    .select({ answerFileId: answerFiles.id, questionId: answerFiles.questionId, fileId: files.id, originalName: files.originalName, size: files.size, mimeType: files.mimeType, sha256: files.sha256 })
    .from(answerFiles)
    .innerJoin(files, eq(files.id, answerFiles.fileId))
    .where(and(eq(answerFiles.responseId, sql.placeholder("responseId")), isNull(answerFiles.deletedAt)))
    .orderBy(answerFiles.id),
);
const latestSubmissionQuery = preparedQuery("latest_submission_of", (tx) =>
  tx
    .select({ id: submissions.id, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(and(eq(submissions.responseId, sql.placeholder("responseId")), isNull(submissions.withdrawnAt)))
    .orderBy(desc(submissions.id))
    .limit(1),
);

/** The tender as the questionnaire pages head it. */
function tenderHeader(t: SupplierTender) {
  return {
    id: t.tender.id,
    kind: t.tender.kind,
    title: t.tender.title,
    reference: t.tender.reference,
    buyerName: t.buyerName,
    deadlineLabel: formatParis(t.tender.deadline, "full"),
    countdown: countdown(t.tender.deadline),
    // Lines of the tender's bill of quantities (issue 12), filled on its own page.
    billLines: t.method.bill?.length ?? 0,
  };
}

/**
 * The acting organisation's draft with every answer's state: what the overview, the section pages
 * and the review page share (issue 10 §5). Creates the draft on first access.
 */
async function loadState(tx: Tx, { user, tenderId }: { user: CurrentUser; tenderId: number }) {
  const t = await requireSupplierTender(tx, { user, tenderId });
  const response = await ensureResponse(tx, { user, t });
  const { rows, fileRows } = await loadAnswersAndFiles(tx, response);
  const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
  const drafts: Record<string, AnswerDraft> = {};
  for (const q of t.questions) drafts[q.id] = rowToDraft(byQuestion.get(q.id));
  const progress = computeProgress(t.questions, drafts);
  const sections: SectionSummary[] = t.guide.criteria
    .map((c) => ({ id: c.id, number: c.number, title: c.title, ...(progress.byCriterion[c.id] ?? { total: 0, complete: 0 }) }))
    .filter((c) => c.total > 0);
  const latestSubmission = (await latestSubmissionQuery({ responseId: response.id }, tx))[0] ?? null;
  const usedBytes = fileRows.reduce((sum, f) => sum + f.size, 0);
  // Where a reused answer still to confirm came from, when not the library (issue 14: a campaign).
  const sourceNotes: Record<string, string> = {};
  for (const r of rows) if (r.reusedUnconfirmed && r.sourceNote) sourceNotes[r.questionId] = r.sourceNote;
  return {
    sourceNotes,
    t,
    response,
    fileRows,
    drafts,
    progress,
    sections,
    common: {
      tender: tenderHeader(t),
      sections,
      version: response.version,
      status: response.status,
      closedReason: closedReason(t.tender),
      latestSubmission,
    },
    usedBytes,
  };
}

function filesByQuestion(rows: Awaited<ReturnType<typeof loadAnswersAndFiles>>["fileRows"]): Record<string, FileInfo[]> {
  const out: Record<string, FileInfo[]> = {};
  for (const f of rows) (out[f.questionId] ??= []).push({ answerFileId: f.answerFileId, fileId: f.fileId, originalName: f.originalName, size: f.size, mimeType: f.mimeType });
  return out;
}

/** Overview of the questionnaire: its sections with their progress, where to resume, the instructions. */
export async function getQuestionnaireOverview({ user, tenderId }: { user: CurrentUser; tenderId: number }) {
  return await transaction(async (tx) => {
      const s = await loadState(tx, { user, tenderId });
      const resumeAt = s.sections.find((c) => c.complete < c.total) ?? s.sections[0] ?? null;
      return {
        ...s.common,
        instructions: [...s.t.guide.respondentInstructions],
        limits: { fileBytes: config().uploadMaxFileBytes, tenderBytes: config().uploadMaxTenderBytes },
        usedBytes: s.usedBytes,
        total: s.progress.total,
        complete: s.progress.complete,
        resumeAt: resumeAt ? { id: resumeAt.id, title: resumeAt.title, started: s.progress.complete > 0 } : null,
        // The offer's measurable values (issue 11 §2), entered on the overview: they are not a criterion's section.
        offerValues: offerValueViews(s.t, await draftOfferValues(tx, s.t, s.response.id)),
        // Evidence of the offer values (question id `offre:<criterion id>`).
        offerFiles: filesByQuestion(s.fileRows.filter((f) => f.questionId.startsWith("offre:"))),
      };
    });
}

/**
 * One section (criterion) of the questionnaire: its questions, answers as form values with the
 * fingerprints autosave compares, its files, the neighbouring sections. Only this section's data
 * goes to the page (the single page sent all 47 questions: 286 KB, issue 16). A criterion the
 * tender does not include is a 404, like a tender the organisation was not invited to.
 */
export async function getQuestionnaireSection({ user, tenderId, criterionId }: { user: CurrentUser; tenderId: number; criterionId: string }) {
  return await transaction(async (tx) => {
      const s = await loadState(tx, { user, tenderId });
      const index = s.sections.findIndex((c) => c.id === criterionId);
      if (index < 0) throw notFound("Cette section n'existe pas dans le questionnaire de cette consultation.");
      const summary = s.sections[index]!;
      const included = s.t.questions.filter((q) => q.criterion === criterionId);
      const campaign = s.t.tender.kind === "campaign";
      const answers: Record<string, AnswerFormValues> = {};
      const fingerprints: Record<string, string> = {};
      for (const q of included) {
        const a = s.drafts[q.id]!;
        answers[q.id] = toFormValues(a);
        fingerprints[q.id] = fingerprint(a);
      }
      const files: Record<string, FileInfo[]> = {};
      for (const f of s.fileRows) {
        if (!(f.questionId in answers)) continue;
        (files[f.questionId] ??= []).push({ answerFileId: f.answerFileId, fileId: f.fileId, originalName: f.originalName, size: f.size, mimeType: f.mimeType });
      }
      const neighbour = (c: SectionSummary | undefined) => (c ? { id: c.id, number: c.number, title: c.title } : null);
      return {
        ...s.common,
        section: {
          id: summary.id,
          number: summary.number,
          title: summary.title,
          position: index + 1,
          questions: included.map(
            (iq): QuestionView => ({
              id: iq.id,
              topic: iq.question.topic,
              // A contract question is asked about this contract (issue 11 §2: suppliers see the contract wording).
              text: questionTextFor(iq.question, "contract"),
              informationOnly: !campaign && (s.t.method.questions.find((m) => m.id === iq.id)?.weight ?? 1) === 0,
              // A maturity campaign discloses only the questions and why they are asked, never the
              // evaluation material (evaluator guidance, question-specific level descriptors): the
              // generic scale is shown for the self-assessment (issue 14; guide, BP-AIR fiche V1 §4).
              guidance: campaign ? "" : iq.question.guidance,
              evidenceExamples: [...iq.question.evidenceExamples],
              levels: levelOptions(campaign ? undefined : iq.question.levels),
              allowNotApplicable: iq.allowNotApplicable,
              sourceNote: s.sourceNotes[iq.id],
            }),
          ),
        },
        previous: neighbour(s.sections[index - 1]),
        next: neighbour(s.sections[index + 1]),
        answers,
        fingerprints,
        files,
        usedBytes: s.usedBytes,
        limits: { fileBytes: config().uploadMaxFileBytes, tenderBytes: config().uploadMaxTenderBytes },
      };
    });
}

/** One section of the tender as its page's posts need it: its title, its questions (the scope of its saves), its neighbours. */
export async function sectionContext({ user, tenderId, criterionId }: { user: CurrentUser; tenderId: number; criterionId: string }) {
  return await transaction(async (tx) => {
      const t = await requireSupplierTender(tx, { user, tenderId });
      const withQuestions = t.guide.criteria.filter((c) => t.questions.some((q) => q.criterion === c.id));
      const index = withQuestions.findIndex((c) => c.id === criterionId);
      if (index < 0) throw notFound("Cette section n'existe pas dans le questionnaire de cette consultation.");
      return {
        criterionId,
        title: withQuestions[index]!.title,
        questionIds: t.questions.filter((q) => q.criterion === criterionId).map((q) => q.id),
        previous: withQuestions[index - 1]?.id ?? null,
        next: withQuestions[index + 1]?.id ?? null,
      };
    });
}

export type ReviewItem = { id: string; text: string; state: Exclude<QuestionState, "complete">; message: string };

/**
 * The review before submission: per section, the questions that still block it (no answer,
 * incomplete, reused and not confirmed) with what is missing, and whether it can be submitted.
 * The same rules as `submitResponse` (computeProgress / answerProblems).
 */
export async function getQuestionnaireReview({ user, tenderId }: { user: CurrentUser; tenderId: number }) {
  return await transaction(async (tx) => {
      const s = await loadState(tx, { user, tenderId });
      const problems = s.sections
        .map((c) => ({
          id: c.id,
          number: c.number,
          title: c.title,
          items: s.t.questions
            .filter((q) => q.criterion === c.id)
            .flatMap((q): ReviewItem[] => {
              const { state, problems: found } = questionState(s.drafts[q.id], q.allowNotApplicable);
              if (state === "complete") return [];
              const message = state === "reused" ? "Réponse reprise de la bibliothèque : vérifiez-la puis confirmez-la." : (found[0]?.message ?? "");
              return [{ id: q.id, text: questionTextFor(q.question, "contract"), state, message }];
            }),
        }))
        .filter((c) => c.items.length > 0);
      return {
        ...s.common,
        total: s.progress.total,
        complete: s.progress.complete,
        counts: { unanswered: s.progress.unanswered.length, incomplete: s.progress.incomplete.length, reused: s.progress.reused.length },
        ready: problems.length === 0,
        problems,
      };
    });
}

export type ConflictItem = {
  questionId: string;
  theirs: AnswerDraft;
  mine: AnswerDraft;
  /** False when this page had not touched the question: the colleague's value is simply taken. */
  mineChanged: boolean;
  by: string;
  at: string;
};

export type SaveResult =
  | { ok: true; version: number; savedAt: string; saved: string[]; fingerprints: Record<string, string> }
  | { ok: false; conflict: { currentVersion: number; items: ConflictItem[]; fingerprints: Record<string, string>; myChanges: Record<string, AnswerDraft> } };

const VERSION_MISMATCH = "La version envoyée ne correspond pas à celle du brouillon : rechargez la page, vos dernières modifications n'ont pas été enregistrées.";

/** Response must exist, belong to the user's organisation and be editable (before deadline, not submitted). */
async function requireEditable(tx: Tx, user: CurrentUser, tenderId: number) {
  const t = await requireSupplierTender(tx, { user, tenderId });
  requireOpenTender(t);
  const response = await ensureResponse(tx, { user, t });
  if (response.status === "submitted")
    throw new AppError("conflict", "Votre réponse est déposée : retirez le dépôt pour la modifier (possible jusqu'à la date limite).");
  return { t, response };
}
export { requireEditable };

/**
 * Saves a draft with optimistic concurrency. An answer whose submitted value equals the fingerprint
 * the page loaded was not touched and is skipped. When someone else saved since `version`, nothing
 * is written and the questions they changed are returned (who, when, their value and ours).
 *
 * `scope`: the questions of the section page that saves (issue 10 §5). Answers outside it are
 * refused; only colleagues' changes inside it are a conflict: a colleague who saved another
 * section since `version` changed other rows, so the save goes through on top of theirs.
 * Without a scope (the whole questionnaire), any newer version is checked as before.
 */
export async function saveDraft({ user, tenderId, input, scope }: { user: CurrentUser; tenderId: number; input: SaveRequest; scope?: readonly string[] }): Promise<SaveResult> {
  return await transaction(async (tx) => {
      // PostgreSQL, READ COMMITTED (below): saves of one response take turns on its row lock, taken
      // first (a no-op update), so every statement after it sees the saves committed before — as the
      // SQLite write transaction does. Saves of different responses never wait for each other.
      if (isPostgres(db()))
        await tx.update(responses).set({ version: sql`${responses.version}` }).where(and(eq(responses.tenderId, tenderId), eq(responses.supplierOrganisationId, user.organisationId)));
      const { t, response } = await requireEditable(tx, user, tenderId);
      const allowed = new Map(t.questions.map((q) => [q.id, q]));
      const inScope = scope ? new Set(scope) : null;
      const visible = (id: string) => (inScope ? inScope.has(id) : allowed.has(id));
      for (const id of [...Object.keys(input.answers), ...Object.keys(input.resolve)]) {
        if (!allowed.has(id)) throw new AppError("invalid", `Question inconnue pour cette consultation : ${id.slice(0, 20)}`);
        if (!visible(id)) throw new AppError("invalid", `La question ${id.slice(0, 20)} n'appartient pas à cette section : rechargez la page.`);
      }
      const stored = new Map((await tx.select().from(responseAnswers).where(eq(responseAnswers.responseId, response.id))).map((r) => [r.questionId, r]));

      const changes: { questionId: string; next: AnswerDraft; row: AnswerRow | undefined }[] = [];
      const touched = new Map<string, AnswerDraft>();
      for (const q of t.questions) {
        const submitted = input.answers[q.id];
        if (!submitted) continue;
        const mine: AnswerDraft = input.confirm === q.id ? { ...submitted, reused: false } : submitted;
        touched.set(q.id, mine);
        if (input.resolve[q.id] === "theirs") continue;
        const orig = input.orig[q.id];
        if (orig !== undefined && orig === fingerprint(mine)) continue;
        const row = stored.get(q.id);
        const current = rowToDraft(row);
        if (fingerprint(mine) === fingerprint(current)) continue;
        if (mine.notApplicable && !q.allowNotApplicable)
          throw new AppError("invalid", `« Non applicable » n'est pas autorisé pour la question ${q.id} dans cette consultation.`);
        // Editing a reused answer confirms it; an untouched reused answer keeps its flag.
        const next: AnswerDraft = { ...mine, reused: mine.reused && sameContent(mine, current) && current.reused };
        changes.push({ questionId: q.id, next, row });
      }

      const currentFingerprints = async () => {
        const out: Record<string, string> = {};
        const now = new Map((await tx.select().from(responseAnswers).where(eq(responseAnswers.responseId, response.id))).map((r) => [r.questionId, r]));
        for (const q of t.questions) if (visible(q.id)) out[q.id] = fingerprint(rowToDraft(now.get(q.id)));
        return out;
      };

      // The version must be one this draft had: a page cannot have loaded a version from the future
      // (`current + 1000` used to skip the check and overwrite a colleague's answers, issue 15).
      if (input.version > response.version) throw new AppError("conflict", VERSION_MISMATCH);
      if (response.version !== input.version) {
        const changedByOthers = [...stored.values()].filter((r) => r.revision > input.version && visible(r.questionId));
        if (changedByOthers.length > 0) {
          const names = new Map(
            (await tx
                          .select({ id: users.id, name: users.name })
                          .from(users)
                          .where(inArray(users.id, changedByOthers.map((r) => r.updatedBy ?? 0))))
              .map((u) => [u.id, u.name]),
          );
          const changedIds = new Set(changes.map((c) => c.questionId));
          const items: ConflictItem[] = changedByOthers
            .sort((a, b) => t.questions.findIndex((q) => q.id === a.questionId) - t.questions.findIndex((q) => q.id === b.questionId))
            .map((r) => ({
              questionId: r.questionId,
              theirs: rowToDraft(r),
              mine: touched.get(r.questionId) ?? rowToDraft(r),
              mineChanged: changedIds.has(r.questionId),
              by: names.get(r.updatedBy ?? 0) ?? "un membre de votre organisation",
              at: r.updatedAt,
            }));
          const myChanges = Object.fromEntries(changes.map((c) => [c.questionId, c.next]));
          return { ok: false as const, conflict: { currentVersion: response.version, items, fingerprints: await currentFingerprints(), myChanges } };
        }
        // Only other sections changed since this page loaded: nothing of ours to compare with.
        if (!inScope) throw new AppError("conflict", VERSION_MISMATCH);
      }

      const savedAt = new Date().toISOString();
      let version = response.version;
      if (changes.length > 0) {
        version = response.version + 1;
        for (const c of changes) {
          const values = {
            level: c.next.level,
            text: c.next.text,
            notApplicable: c.next.notApplicable,
            notApplicableReason: c.next.notApplicableReason,
            reusedUnconfirmed: c.next.reused,
            revision: version,
            updatedBy: user.id,
            updatedAt: savedAt,
          };
          await tx.insert(responseAnswers)
                      .values({ responseId: response.id, questionId: c.questionId, ...values })
                      .onConflictDoUpdate({ target: [responseAnswers.responseId, responseAnswers.questionId], set: values });
        }
        // Guarded update: a concurrent writer between our read and this write is impossible inside
        // the SQLite write transaction, but the condition documents the rule.
        const updated = await tx
                .update(responses)
                .set({ version, updatedAt: savedAt, status: response.status === "withdrawn" ? "withdrawn" : "in-progress" })
                .where(and(eq(responses.id, response.id), eq(responses.version, response.version)));
        if (affectedRows(updated) !== 1) throw new AppError("conflict", "Votre réponse vient d'être modifiée par un collègue : rechargez la page.");
      }
      return { ok: true as const, version, savedAt, saved: changes.map((c) => c.questionId), fingerprints: await currentFingerprints() };
    },
    // READ COMMITTED on PostgreSQL: the response's row lock taken first serializes saves of one response,
    // and the guarded UPDATE (WHERE version = the version read) still checks it. SERIALIZABLE added only
    // false conflicts between different suppliers: 50 suppliers autosaving at once
    // (test/bench/scale-out.bench.ts) had over half of their saves fail with 500 after 5 retries
    // (predicate locks on response_answers' index pages).
    { isolation: "read committed" });
}
