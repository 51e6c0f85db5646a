import { and, eq } from "drizzle-orm";
import { tenders } from "#db/schema";
import { requireBuyer, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";

export type TenderRow = typeof tenders.$inferSelect;

/** Not found and not yours look the same (design.md). */
export const TENDER_NOT_FOUND = "Cet appel d'offres n'existe pas ou vous n'y avez pas accès.";

/**
 * The tender if the acting user may see it (`tendersVisibleToBuyingSide`: a buyer of its
 * organisation, or an evaluator of its organisation assigned to it). Anything else: 404.
 */
export function loadTender({ id, user }: { id: number; user: CurrentUser }): TenderRow {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound(TENDER_NOT_FOUND);
  const row = db()
    .select()
    .from(tenders)
    .where(and(eq(tenders.id, id), tendersVisibleToBuyingSide(user)))
    .get();
  if (!row) throw notFound(TENDER_NOT_FOUND);
  return row;
}

/** Same as loadTender, then 403 unless the user is a buyer (evaluators only evaluate). */
export function loadTenderAsBuyer({ id, user }: { id: number; user: CurrentUser }): TenderRow {
  const row = loadTender({ id, user });
  requireBuyer(user);
  return row;
}
