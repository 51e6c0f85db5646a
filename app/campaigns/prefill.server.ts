/**
 * From campaign to tender (issue 14 §6): when a supplier opens a tender, its EVALUATED answers to
 * maturity campaigns pre-fill the tender's information-only questions (weight 0: asked for
 * information, never scored — scoring/README.md §3), marked with the campaign and its date, to be
 * confirmed like any reused answer. Scored questions are never fed by a campaign: the answer
 * library's entries that came from a campaign are skipped for them (see `campaignSourcedTenderIds`).
 */
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { evaluations, responseAnswers, submissions, tenders } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import type { Tx } from "~/lib/db.server";
import { formatParis } from "~/lib/dates";
import { submissionContentSchema } from "~/lib/submission-content";

/** Ids of campaigns (consultations of kind `campaign`) among `ids`. */
export async function campaignIdsAmong(tx: Tx, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  return new Set(
    (await tx
            .select({ id: tenders.id })
            .from(tenders)
            .where(and(inArray(tenders.id, ids), eq(tenders.kind, "campaign"))))
      .map((r) => r.id),
  );
}

export async function prefillFromCampaigns(tx: Tx, { user, responseId, guideVersion, questionIds }: { user: CurrentUser; responseId: number; guideVersion: string; questionIds: string[] }): Promise<number> {
  if (questionIds.length === 0) return 0;
  const rows = await tx
      .select({ submissionId: submissions.id, content: submissions.content, submittedAt: submissions.submittedAt, title: tenders.title, questionId: evaluations.questionId })
      .from(evaluations)
      .innerJoin(submissions, eq(submissions.id, evaluations.submissionId))
      .innerJoin(tenders, eq(tenders.id, submissions.tenderId))
      .where(
        and(
          eq(submissions.supplierOrganisationId, user.organisationId),
          isNull(submissions.withdrawnAt),
          eq(tenders.kind, "campaign"),
          ne(tenders.status, "cancelled"),
          isNull(tenders.deletedAt),
          inArray(evaluations.questionId, questionIds),
        ),
      )
      .orderBy(desc(submissions.submittedAt), desc(submissions.id));
  const done = new Set<string>();
  for (const r of rows) {
    if (done.has(r.questionId)) continue;
    const content = submissionContentSchema.safeParse(r.content);
    if (!content.success || content.data.guideVersion !== guideVersion) continue;
    const a = content.data.answers.find((x) => x.questionId === r.questionId);
    if (!a) continue;
    done.add(r.questionId);
    const values = {
      level: a.level,
      text: a.text,
      notApplicable: a.notApplicable,
      notApplicableReason: a.notApplicableReason,
      reusedUnconfirmed: true,
      sourceNote: `la campagne « ${r.title} » du ${formatParis(r.submittedAt, "numeric")}`,
      revision: 0,
      updatedBy: user.id,
    };
    await tx.insert(responseAnswers)
            .values({ responseId, questionId: r.questionId, ...values })
            .onConflictDoUpdate({ target: [responseAnswers.responseId, responseAnswers.questionId], set: values });
  }
  return done.size;
}
