import { eq } from "drizzle-orm";
import { organisations } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { loadTender } from "~/tenders/access.server";
import { methodOf } from "~/tenders/builder";
import { renderAnnexDocx } from "./docx.server";
import { buildAnnexModel } from "./model.server";

/**
 * The NR annex of a tender the acting user may see. A published tender's annex is built from its
 * frozen method snapshot, so it never changes after publication; a draft's from the draft.
 */
export async function getTenderAnnex({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const tender = await loadTender({ id: tenderId, user });
  const method = methodOf(tender);
  const organisationName = (await db().select({ name: organisations.name }).from(organisations).where(eq(organisations.id, tender.organisationId)).limit(1))[0]?.name ?? "";
  return buildAnnexModel(
    {
      id: tender.id,
      title: tender.title,
      reference: tender.reference,
      segment: tender.segment,
      organisationName,
      deadline: tender.deadline,
      status: tender.status,
      publishedAt: tender.publishedAt,
      methodSha256: tender.publishedMethodSha256,
      contactName: tender.contactName,
      contactEmail: tender.contactEmail,
    },
    method,
  );
}

export async function exportTenderAnnexDocx({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const model = await getTenderAnnex({ tenderId, user });
  const buffer = await renderAnnexDocx(model);
  await audit(db(), { userId: user.id, organisationId: user.organisationId, action: "tender.annex.export", targetType: "tender", targetId: tenderId, details: { format: "docx" } });
  return { buffer, filename: `annexe-nr-${model.tender.reference || model.tender.id}.docx` };
}
