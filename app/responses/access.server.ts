import { and, eq, sql } from "drizzle-orm";
import { getGuide, getQuestion, type Guide, type Question } from "#questionnaires/guide";
import { organisations, responses, tenders } from "#db/schema";
import { isSupplier, supplierViewOfMethod, tendersVisibleToSupplierOrganisation } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import type { Tx } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared.server";
import { publishedQuestionsOf } from "~/tenders/builder";
import { includedQuestions, type QuestionsMethod } from "~/tenders/method";
import { formatParis, isPast } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";

export const TENDER_NOT_FOUND_FOR_SUPPLIER = "Cette consultation n'existe pas ou vous n'y avez pas accès.";

export type IncludedQuestion = { id: string; criterion: string; allowNotApplicable: boolean; question: Question };

export type SupplierTender = {
  tender: typeof tenders.$inferSelect;
  buyerName: string;
  method: QuestionsMethod;
  guide: Guide;
  questions: IncludedQuestion[];
};

/**
 * The tender as one supplier organisation may see it: only when the organisation accepted an
 * invitation (not revoked) to a published, closed or cancelled tender. Anything else is `null`,
 * so that "not found" and "not yours" look the same.
 */
export async function findSupplierTender(tx: Tx, { user, tenderId }: { user: CurrentUser; tenderId: number }): Promise<SupplierTender | null> {
  // Only a supplier organisation sees tenders this way (tendersVisibleToSupplier: nothing otherwise).
  if (!Number.isSafeInteger(tenderId) || !isSupplier(user)) return null;
  const row = (await supplierTenderQuery({ tenderId, organisationId: user.organisationId }, tx))[0];
  if (!row) return null;
  const published = publishedQuestionsOf(row.tender);
  // A campaign's weights never reach a supplier (issue 14): the supplier view drops them here.
  const method = published ? supplierViewOfMethod(row.tender.kind, published) : null;
  if (!method) return null;
  const guide = getGuide(method.guideVersion);
  if (!guide) throw new Error(`Guide de maturité « ${method.guideVersion} » introuvable`);
  const questions: IncludedQuestion[] = [];
  for (const q of includedQuestions(method)) {
    const question = getQuestion(guide, q.id);
    if (question) questions.push({ id: q.id, criterion: q.criterion, allowNotApplicable: q.allowNotApplicable, question });
  }
  return { tender: row.tender, buyerName: row.buyerName, method, guide, questions };
}

// Prepared once (issue 16): every questionnaire page and save starts with it.
const supplierTenderQuery = preparedQuery("supplier_tender", (tx) =>
  tx
    .select({ tender: tenders, buyerName: organisations.name })
    .from(tenders)
    .innerJoin(organisations, eq(organisations.id, tenders.organisationId))
    .where(and(eq(tenders.id, sql.placeholder("tenderId")), tendersVisibleToSupplierOrganisation(sql.placeholder("organisationId"))))
    .limit(1),
);

export async function requireSupplierTender(tx: Tx, { user, tenderId }: { user: CurrentUser; tenderId: number }): Promise<SupplierTender> {
  const found = await findSupplierTender(tx, { user, tenderId });
  if (!found) throw notFound(TENDER_NOT_FOUND_FOR_SUPPLIER);
  return found;
}

/** Why the tender no longer accepts changes, or null while it does. */
export function closedReason(tender: typeof tenders.$inferSelect, now: Date = new Date()): string | null {
  if (tender.status === "cancelled") return "Cette consultation a été annulée : la réponse ne peut plus être modifiée.";
  if (tender.status !== "published") return "Cette consultation est close : la réponse ne peut plus être modifiée.";
  if (isPast(tender.deadline, now))
    return `La date limite de remise (${formatParis(tender.deadline, "full")}) est dépassée : la réponse ne peut plus être modifiée.`;
  return null;
}

export function requireOpenTender(t: SupplierTender): void {
  const reason = closedReason(t.tender);
  if (reason) throw new AppError("conflict", reason);
}

/** The acting supplier organisation's response to a tender, if it has one. */
export async function findOwnResponse(tx: Tx, { user, tenderId }: { user: CurrentUser; tenderId: number }) {
  return (await ownResponseQuery({ tenderId, organisationId: user.organisationId }, tx))[0];
}
// Prepared once (issue 16): every questionnaire page and save looks it up.
const ownResponseQuery = preparedQuery("own_response", (tx) =>
  tx
    .select()
    .from(responses)
    .where(and(eq(responses.tenderId, sql.placeholder("tenderId")), eq(responses.supplierOrganisationId, sql.placeholder("organisationId"))))
    .limit(1),
);
