import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { allocatedEmissions, answerFiles, files, submissions, tenders } from "#db/schema";
import { isCsrTeam, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { config } from "~/config.server";
import { audit } from "~/lib/audit.server";
import { db, type Tx, transaction } from "~/lib/db.server";
import { saveBlobChunks, writeBlob } from "~/lib/files.server";
import { offerFileKey } from "~/lib/offer-value";
import { AppError, notFound } from "~/lib/errors";
import { affectedRows } from "#db/transaction";
import { requireEditable } from "./questionnaire.server";
import { checkEvidence } from "./uploads";

async function usedBytes(tx: Tx, responseId: number): Promise<number> {
  const row = (await tx
      .select({ total: sql<number>`coalesce(sum(${files.size}), 0)` })
      .from(answerFiles)
      .innerJoin(files, eq(files.id, answerFiles.fileId))
      .where(and(eq(answerFiles.responseId, responseId), isNull(answerFiles.deletedAt))).limit(1))[0];
  return Number(row?.total ?? 0);
}

/** Attaches an evidence file to one answer; refused files leave the draft untouched. */
export async function uploadEvidence({ user, tenderId, questionId, file }: { user: CurrentUser; tenderId: number; questionId: string; name?: string; file: { name: string; bytes: Uint8Array } }) {
  const c = config();
  return await transaction(async (tx) => {
      const { t, response } = await requireEditable(tx, user, tenderId);
      // Evidence of an answer, or of an offer value (`offre:<criterion id>`, issue 11 §2).
      const known = t.questions.some((q) => q.id === questionId) || t.method.offerCriteria.some((c) => offerFileKey(c.id) === questionId);
      if (!known) throw new AppError("invalid", "Question inconnue pour cette consultation.");
      const check = checkEvidence({ name: file.name, bytes: file.bytes, maxFileBytes: c.uploadMaxFileBytes, maxTenderBytes: c.uploadMaxTenderBytes, usedBytes: await usedBytes(tx, response.id) });
      if (!check.ok) throw new AppError(check.code, check.message);
      const hash = writeBlob(file.bytes);
      await saveBlobChunks(tx, hash, file.bytes);
      const stored = (await tx
            .insert(files)
            .values({ organisationId: user.organisationId, uploadedBy: user.id, sha256: hash, originalName: check.name, mimeType: check.mime, size: file.bytes.byteLength })
            .returning())[0]!;
      await tx.insert(answerFiles).values({ responseId: response.id, questionId, fileId: stored.id });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "response.file-attach", targetType: "file", targetId: stored.id, details: { tenderId, questionId, sha256: hash } });
      return { fileId: stored.id, originalName: stored.originalName };
    });
}

/** Detaches a file from the draft (soft: the file stays, submitted versions keep pointing at it). */
export async function removeEvidence({ user, tenderId, answerFileId }: { user: CurrentUser; tenderId: number; answerFileId: number }) {
  return await transaction(async (tx) => {
      const { response } = await requireEditable(tx, user, tenderId);
      const updated = await tx
            .update(answerFiles)
            .set({ deletedAt: new Date().toISOString() })
            .where(and(eq(answerFiles.id, answerFileId), eq(answerFiles.responseId, response.id), isNull(answerFiles.deletedAt)));
      if (affectedRows(updated) !== 1) throw new AppError("not-found", "Pièce jointe introuvable.");
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "response.file-detach", targetType: "answer_file", targetId: answerFileId, details: { tenderId } });
    });
}

/**
 * Download rule: members of the file's organisation; a buyer of the tender's organisation (an
 * evaluator only when assigned to the tender) when the file belongs to a non-withdrawn submission;
 * the CSR team of the customer a live allocated-emissions declaration was made to, for its evidence
 * (issue 18). Anything else is "not found".
 */
export async function getDownloadableFile({ user, fileId }: { user: CurrentUser; fileId: number }) {
  const found = await findDownloadableFile(user, fileId);
  if (!found) throw notFound("Ce fichier n'existe pas ou vous n'y avez pas accès.");
  return found;
}

async function findDownloadableFile(user: CurrentUser, fileId: number) {
  if (!Number.isSafeInteger(fileId)) return null;
  const file = (await db().select().from(files).where(and(eq(files.id, fileId), isNull(files.deletedAt))).limit(1))[0];
  if (!file) return null;
  if (file.organisationId === user.organisationId) return file;
  if (isCsrTeam(user)) {
    const declared = (await db()
          .select({ id: allocatedEmissions.id })
          .from(allocatedEmissions)
          .where(and(eq(allocatedEmissions.evidenceFileId, file.id), eq(allocatedEmissions.customerOrganisationId, user.organisationId), isNull(allocatedEmissions.deletedAt))).limit(1))[0];
    if (declared) return file;
  }
  // Tenders the file was submitted to in a submission that still counts; then the buying side's rule.
  // Read in the code, not with SQL JSON functions (json_each is SQLite's, jsonb_array_elements
  // PostgreSQL's): a supplier organisation has few submissions, and each names its files.
  const candidates = await db()
    .select({ tenderId: submissions.tenderId, content: submissions.content })
    .from(submissions)
    .where(and(isNull(submissions.withdrawnAt), eq(submissions.supplierOrganisationId, file.organisationId)));
  const submittedTo = candidates.filter((s) => submissionNamesFile(s.content, file.id));
  if (submittedTo.length === 0) return null;
  const visible = (await db()
      .select({ id: tenders.id })
      .from(tenders)
      .where(and(inArray(tenders.id, submittedTo.map((r) => r.tenderId)), tendersVisibleToBuyingSide(user))).limit(1))[0];
  return visible ? file : null;
}

/** Whether a submission's content lists the file among its answers' or offer values' evidence. */
function submissionNamesFile(content: unknown, fileId: number): boolean {
  const c = content as { answers?: { files?: { fileId?: unknown }[] }[]; offerValues?: { files?: { fileId?: unknown }[] }[] } | null;
  const lists = [...(c?.answers ?? []), ...(c?.offerValues ?? [])];
  return lists.some((entry) => (entry.files ?? []).some((f) => f.fileId === fileId));
}
