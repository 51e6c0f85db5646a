import { and, eq, isNull } from "drizzle-orm";
import { tenderEvaluators, tenders } from "../../db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { AppError, notFound } from "~/lib/errors";

export type TenderRow = typeof tenders.$inferSelect;

/** Not found and not yours look the same (design.md). */
export const TENDER_NOT_FOUND = "Cet appel d'offres n'existe pas ou vous n'y avez pas accès.";

/** Only buying organisations' buyers and evaluators reach tenders. */
function isBuyingSide(user: CurrentUser) {
  return user.organisationKind === "buyer" && (user.role === "buyer" || user.role === "evaluator");
}

export function isAssignedEvaluator(tenderId: number, userId: number): boolean {
  return Boolean(
    db()
      .select({ id: tenderEvaluators.id })
      .from(tenderEvaluators)
      .where(and(eq(tenderEvaluators.tenderId, tenderId), eq(tenderEvaluators.userId, userId)))
      .get(),
  );
}

/**
 * The tender if the acting user may see it: a buyer of its organisation, or an evaluator of its
 * organisation assigned to it. Anything else: 404.
 */
export function loadTender({ id, user }: { id: number; user: CurrentUser }): TenderRow {
  if (!Number.isSafeInteger(id) || id <= 0 || !isBuyingSide(user)) throw notFound(TENDER_NOT_FOUND);
  const row = db()
    .select()
    .from(tenders)
    .where(and(eq(tenders.id, id), eq(tenders.organisationId, user.organisationId), isNull(tenders.deletedAt)))
    .get();
  if (!row) throw notFound(TENDER_NOT_FOUND);
  if (user.role === "evaluator" && !isAssignedEvaluator(row.id, user.id)) throw notFound(TENDER_NOT_FOUND);
  return row;
}

/** Same as loadTender, then 403 unless the user is a buyer (evaluators only evaluate). */
export function loadTenderAsBuyer({ id, user }: { id: number; user: CurrentUser }): TenderRow {
  const row = loadTender({ id, user });
  if (user.role !== "buyer") throw new AppError("forbidden", "Cette action est réservée à l'acheteur de l'appel d'offres.");
  return row;
}
