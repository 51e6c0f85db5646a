import { and, desc, eq, isNull } from "drizzle-orm";
import { outbox, responses, submissions, type tenders, users } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { config } from "~/config.server";
import { audit } from "~/lib/audit.server";
import { type Tx, transaction } from "~/lib/db.server";
import { sha256 } from "~/lib/files.server";
import { formatParis } from "~/lib/dates";
import { canonicalJson, submissionContentSchema, type SubmissionContent } from "~/lib/submission-content";
import { AppError } from "~/lib/errors";
import { submissionReceipt, withdrawalNotice } from "~/mail/messages";
import { queueEmail } from "~/mail/outbox.server";
import { offerFileKey } from "~/lib/offer-value";
import { bumpTenderData } from "~/tenders/data-version.server";
import { findOwnResponse, requireOpenTender, requireSupplierTender } from "./access.server";
import { fillLibraryFromSubmission } from "./library.server";
import { draftOfferValues } from "./offer-values.server";
import { computeProgress } from "./progress";
import { loadAnswersAndFiles, rowToDraft } from "./questionnaire.server";

/** Tells the buyer (the tender's contact, else its creator) through the outbox. */
async function notifyBuyer(tx: Tx, tender: typeof tenders.$inferSelect, message: { kind: string; subject: string; body: string }): Promise<void> {
  const to = tender.contactEmail || ((await tx.select({ email: users.email }).from(users).where(eq(users.id, tender.createdBy)).limit(1))[0]?.email ?? "");
  if (!to) return;
  await tx.insert(outbox)
        .values({ organisationId: tender.organisationId, toEmail: to, ...message });
}

export type SubmitResult =
  | { ok: true; submissionId: number; submittedAt: string; contentSha256: string }
  | { ok: false; unanswered: string[]; incomplete: string[]; reused: string[] };

/**
 * Submits the draft: refuses after the deadline, when someone saved since the page was loaded
 * (`version`), or when answers are missing or incomplete. Writes an immutable copy with the
 * SHA-256 of its canonical JSON, makes the draft read-only and notifies the buyer.
 */
export async function submitResponse({ user, tenderId, version }: { user: CurrentUser; tenderId: number; version: number }): Promise<SubmitResult> {
  return await transaction(async (tx) => {
      const t = await requireSupplierTender(tx, { user, tenderId });
      requireOpenTender(t);
      const response = await findOwnResponse(tx, { user, tenderId });
      if (!response) throw new AppError("conflict", "Aucune réponse à déposer : ouvrez d'abord le questionnaire.");
      if (response.status === "submitted") throw new AppError("conflict", "Votre réponse est déjà déposée.");
      if (response.version !== version)
        throw new AppError("conflict", "Votre réponse a été modifiée depuis l'ouverture de cette page (par vous dans un autre onglet ou par un collègue). Vérifiez-la puis déposez-la à nouveau.");
      const { rows, fileRows } = await loadAnswersAndFiles(tx, response);
      const byQuestion = new Map(rows.map((r) => [r.questionId, rowToDraft(r)]));
      const progress = computeProgress(t.questions, Object.fromEntries(byQuestion));
      if (progress.unanswered.length || progress.incomplete.length || progress.reused.length) {
        return { ok: false as const, unanswered: progress.unanswered, incomplete: progress.incomplete, reused: progress.reused };
      }
      const content: SubmissionContent = submissionContentSchema.parse({
        tenderId,
        guideVersion: t.method.guideVersion,
        methodSha256: t.tender.publishedMethodSha256 ?? "",
        answers: t.questions.map((q) => {
          const a = byQuestion.get(q.id)!;
          return {
            questionId: q.id,
            level: a.notApplicable ? null : a.level,
            text: a.text,
            notApplicable: a.notApplicable,
            notApplicableReason: a.notApplicable ? a.notApplicableReason : "",
            files: fileRows.filter((f) => f.questionId === q.id).map((f) => ({ fileId: f.fileId, sha256: f.sha256, originalName: f.originalName, size: f.size })),
          };
        }),
        // Issue 11 §2: the offer values and their evidence, only when the tender has offer criteria.
        ...(t.method.offerCriteria.length > 0
          ? {
              offerValues: await (async () => {
                              const values = await draftOfferValues(tx, t, response.id);
                              return t.method.offerCriteria.map((c) => ({
                                criterionId: c.id,
                                value: values.get(c.id) ?? null,
                                files: fileRows.filter((f) => f.questionId === offerFileKey(c.id)).map((f) => ({ fileId: f.fileId, sha256: f.sha256, originalName: f.originalName, size: f.size })),
                              }));
                            })(),
            }
          : {}),
      });
      const contentSha256 = sha256(new TextEncoder().encode(canonicalJson(content)));
      const submittedAt = new Date().toISOString();
      const row = (await tx
            .insert(submissions)
            .values({ responseId: response.id, tenderId, supplierOrganisationId: user.organisationId, submittedBy: user.id, submittedAt, contentSha256, content })
            .returning({ id: submissions.id }))[0]!;
      await tx.update(responses).set({ status: "submitted", updatedAt: submittedAt }).where(eq(responses.id, response.id));
      await bumpTenderData(tx, tenderId);
      // The library keeps the latest submitted version of each answer, written with the copy (issue 20).
      await fillLibraryFromSubmission(tx, { user, tenderId, submissionId: row.id, guideVersion: content.guideVersion, answers: content.answers, at: submittedAt });
      await notifyBuyer(tx, t.tender, {
              kind: "response.submitted",
              subject: `Réponse déposée — ${t.tender.reference} ${t.tender.title}`,
              body: `${user.organisationName} a déposé sa réponse à la consultation « ${t.tender.title} » (${t.tender.reference}) le ${formatParis(submittedAt, "seconds")} (heure de Paris).\nEmpreinte SHA-256 du contenu déposé : ${contentSha256}`,
            });
      // The supplier's receipt by e-mail, with the hash that proves what was submitted (issue 10 §4).
      await queueEmail(tx, {
              organisationId: user.organisationId,
              toEmail: user.email,
              ...submissionReceipt({
                tender: t.tender,
                organisationName: user.organisationName,
                buyerName: t.buyerName,
                submittedAt,
                contentSha256,
                answerCount: content.answers.length,
                publicUrl: config().publicUrl,
              }),
            });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "response.submit", targetType: "submission", targetId: row.id, details: { tenderId, contentSha256 } });
      await audit(tx, { userId: user.id, organisationId: t.tender.organisationId, action: "response.received", targetType: "submission", targetId: row.id, details: { tenderId, supplier: user.organisationName, contentSha256 } });
      return { ok: true as const, submissionId: row.id, submittedAt, contentSha256 };
    });
}

/** Withdraws the current submission before the deadline; the draft becomes editable again. */
export async function withdrawSubmission({ user, tenderId }: { user: CurrentUser; tenderId: number }) {
  return await transaction(async (tx) => {
      const t = await requireSupplierTender(tx, { user, tenderId });
      requireOpenTender(t);
      const response = await findOwnResponse(tx, { user, tenderId });
      const current = response
        ? (await tx
                    .select()
                    .from(submissions)
                    .where(and(eq(submissions.responseId, response.id), isNull(submissions.withdrawnAt)))
                    .orderBy(desc(submissions.id)).limit(1))[0]
        : undefined;
      if (!response || !current || response.status !== "submitted") throw new AppError("conflict", "Aucun dépôt en cours à retirer.");
      const at = new Date().toISOString();
      await tx.update(submissions).set({ withdrawnAt: at }).where(eq(submissions.id, current.id));
      await tx.update(responses).set({ status: "withdrawn", updatedAt: at }).where(eq(responses.id, response.id));
      await bumpTenderData(tx, tenderId);
      await notifyBuyer(tx, t.tender, {
              kind: "response.withdrawn",
              subject: `Dépôt retiré — ${t.tender.reference} ${t.tender.title}`,
              body: `${user.organisationName} a retiré sa réponse à la consultation « ${t.tender.title} » le ${formatParis(at, "seconds")} (heure de Paris). Elle pourra la déposer à nouveau avant la date limite.`,
            });
      await queueEmail(tx, {
              organisationId: user.organisationId,
              toEmail: user.email,
              ...withdrawalNotice({ tender: t.tender, organisationName: user.organisationName, userName: user.name, withdrawnAt: at, publicUrl: config().publicUrl }),
            });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "response.withdraw", targetType: "submission", targetId: current.id, details: { tenderId } });
      await audit(tx, { userId: user.id, organisationId: t.tender.organisationId, action: "response.withdrawn", targetType: "submission", targetId: current.id, details: { tenderId, supplier: user.organisationName } });
      return { submissionId: current.id };
    });
}

/** The organisation's submissions for a tender, newest first, for the receipt page. */
export async function listOwnSubmissions({ user, tenderId }: { user: CurrentUser; tenderId: number }) {
  return await transaction(async (tx) => {
      const t = await requireSupplierTender(tx, { user, tenderId });
      const rows = await tx
            .select({ id: submissions.id, submittedAt: submissions.submittedAt, contentSha256: submissions.contentSha256, withdrawnAt: submissions.withdrawnAt, content: submissions.content, submittedByName: users.name })
            .from(submissions)
            .innerJoin(users, eq(users.id, submissions.submittedBy))
            .where(and(eq(submissions.tenderId, tenderId), eq(submissions.supplierOrganisationId, user.organisationId)))
            .orderBy(desc(submissions.id));
      return {
        tender: { id: t.tender.id, title: t.tender.title, reference: t.tender.reference, deadline: t.tender.deadline, buyerName: t.buyerName },
        submissions: rows.map(({ content, ...r }) => {
          const parsed = submissionContentSchema.safeParse(content);
          return { ...r, answerCount: parsed.success ? parsed.data.answers.length : 0, fileCount: parsed.success ? parsed.data.answers.reduce((n, a) => n + a.files.length, 0) : 0 };
        }),
      };
    });
}
