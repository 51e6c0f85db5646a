import { and, eq } from "drizzle-orm";
import { tenders, type ConsultationKind } from "#db/schema";
import { requireBuyer, requireCampaignManager, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";

export type TenderRow = typeof tenders.$inferSelect;

/** Not found and not yours look the same (design.md). */
export const TENDER_NOT_FOUND = "Cet appel d'offres n'existe pas ou vous n'y avez pas accès.";

/** Which kind of consultation a page works on: tender pages never open a campaign, and back. */
export type KindFilter = ConsultationKind | "any";

/**
 * The tender if the acting user may see it (`tendersVisibleToBuyingSide`: a buyer of its
 * organisation, or an evaluator of its organisation assigned to it; the CSR team for campaigns).
 * Tender pages see tenders only (`kind` defaults to "tender"); what both kinds share (evaluation,
 * invitations) passes "any". Anything else: 404.
 */
export async function loadTender({ id, user, kind = "tender" }: { id: number; user: CurrentUser; kind?: KindFilter }): Promise<TenderRow> {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(TENDER_NOT_FOUND);
  const row = (await db()
      .select()
      .from(tenders)
      .where(and(eq(tenders.id, id), tendersVisibleToBuyingSide(user), kind === "any" ? undefined : eq(tenders.kind, kind))).limit(1))[0];
  if (!row) throw notFound(TENDER_NOT_FOUND);
  return row;
}

/**
 * Same as loadTender, then 403 unless the user manages it: a buyer for a tender; a buyer or the CSR
 * team for a campaign (evaluators only evaluate).
 */
export async function loadTenderAsBuyer({ id, user, kind = "tender" }: { id: number; user: CurrentUser; kind?: KindFilter }): Promise<TenderRow> {
  const row = await loadTender({ id, user, kind });
  if (row.kind === "campaign") requireCampaignManager(user);
  else requireBuyer(user);
  return row;
}
