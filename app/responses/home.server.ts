import { and, desc, eq } from "drizzle-orm";
import { debriefShares, organisations, responseAnswers, responses, tenders } from "#db/schema";
import { tendersVisibleToSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { countdown } from "~/lib/dates";
import { mapInOrder } from "#db/transaction";
import { findSupplierTender, closedReason } from "./access.server";
import { computeProgress } from "./progress";
import { rowToDraft } from "./questionnaire.server";

export { responseStatusLabels } from "./labels";

/** Tenders the acting supplier's organisation accepted an invitation to, with status and progress. */
export async function listSupplierTenders({ user }: { user: CurrentUser }) {
  const rows = await db()
      .select({ id: tenders.id })
      .from(tenders)
      .where(tendersVisibleToSupplier(user))
      .orderBy(desc(tenders.deadline));
  const now = new Date();
  return (await mapInOrder(rows, async ({ id }) => {
    const t = await findSupplierTender(db(), { user, tenderId: id });
    if (!t) return [];
    const response = (await db()
          .select()
          .from(responses)
          .where(and(eq(responses.tenderId, id), eq(responses.supplierOrganisationId, user.organisationId))).limit(1))[0];
    const answers = response ? await db().select().from(responseAnswers).where(eq(responseAnswers.responseId, response.id)) : [];
    const progress = computeProgress(t.questions, Object.fromEntries(answers.map((a) => [a.questionId, rowToDraft(a)])));
    const buyer = (await db().select({ name: organisations.name }).from(organisations).where(eq(organisations.id, t.tender.organisationId)).limit(1))[0];
    return [
      {
        id,
        kind: t.tender.kind,
        title: t.tender.title,
        reference: t.tender.reference,
        buyerName: buyer?.name ?? "",
        deadline: t.tender.deadline,
        countdown: countdown(t.tender.deadline, now),
        closed: closedReason(t.tender, now),
        status: response?.status ?? ("none" as const),
        complete: progress.complete,
        total: progress.total,
        toCheck: progress.reused.length,
        debriefShared: Boolean(
          (await db().select({ id: debriefShares.id }).from(debriefShares).where(and(eq(debriefShares.tenderId, id), eq(debriefShares.supplierOrganisationId, user.organisationId))).limit(1))[0],
        ),
      },
    ];
  })).flat();
}
