/**
 * The access policy of the portal, in one place (design.md, "Three users, one tenancy rule"):
 * named predicates on the acting user (role × organisation kind), the checks that refuse, and one
 * query fragment per visibility rule that every query needing the rule reuses. Not found and not
 * yours look the same, so visibility rules are filters (a row outside them is simply not found),
 * never a separate "forbidden".
 * Patterns: Epic Stack `permissions.server.ts` (named checks), Documenso `getEnvelopeWhereInput`
 * (one where-fragment per rule, reused by every server function).
 * Decision record: docs/decisions/007-access-policy-module.md.
 */
import { and, eq, exists, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { invitations, tenderEvaluators, tenders } from "#db/schema";
import { db } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import type { CurrentUser } from "./session.server";

type Who = Pick<CurrentUser, "role" | "organisationKind">;

// ------------------------------------------------------------------------------------------------
// Who the acting user is

/** A member of a supplier organisation (the only role such an organisation has). */
export function isSupplier(user: Who): boolean {
  return user.organisationKind === "supplier" && user.role === "supplier";
}

/** A buyer of a buying organisation: builds, publishes and decides. */
export function isBuyer(user: Who): boolean {
  return user.organisationKind === "buyer" && user.role === "buyer";
}

/** Buyers and evaluators of a buying organisation: the people who see its tenders. */
export function isBuyingSide(user: Who): boolean {
  return user.organisationKind === "buyer" && (user.role === "buyer" || user.role === "evaluator");
}

/** The CSR team of a buying organisation (emission factors, reference ratios, scope 3). */
export function isCsrTeam(user: Who): boolean {
  return user.organisationKind === "buyer" && user.role === "rse";
}

/**
 * Who runs maturity campaigns (issue 14): a buyer or the CSR team of a buying organisation. The
 * guide asks for evaluation "in tandem" (purchasing, IT, CSR), so both may create, launch and read them.
 */
export function isCampaignManager(user: Who): boolean {
  return user.organisationKind === "buyer" && (user.role === "buyer" || user.role === "rse");
}

/** Platform administration. */
export function isAdmin(user: Who): boolean {
  return user.organisationKind === "platform" && user.role === "admin";
}

function refuse(allowed: boolean, message: string): void {
  if (!allowed) throw new AppError("forbidden", message);
}

export function requireSupplier(user: Who, message = "Réservé aux fournisseurs."): void {
  refuse(isSupplier(user), message);
}

export function requireBuyer(user: Who, message = "Cette action est réservée à l'acheteur de l'appel d'offres."): void {
  refuse(isBuyer(user), message);
}

export function requireCampaignManager(user: Who): void {
  refuse(isCampaignManager(user), "Les campagnes de maturité sont réservées aux acheteurs et à l'équipe RSE.");
}

export function requireCsrTeam(user: Who): void {
  refuse(isCsrTeam(user), "Réservé à l'équipe RSE d'une organisation acheteuse.");
}

export function requireAdmin(user: Who): void {
  refuse(isAdmin(user), "Action réservée aux administrateurs.");
}

// ------------------------------------------------------------------------------------------------
// Visibility rules, as `where` fragments on `tenders` / `invitations`

/** Matches nothing: the rule for a user the rule does not apply to. */
// `1 = 0`, not `0`: PostgreSQL wants a boolean where SQLite takes any number.
const nothing: SQL = sql`1 = 0`;

/** A tender the organisation owns (not deleted). */
export function tenderOwnedBy(organisationId: number): SQL {
  return and(eq(tenders.organisationId, organisationId), isNull(tenders.deletedAt))!;
}

/**
 * Consultations (tenders and campaigns) the buying side may see: every one of the buyer's
 * organisation; for an evaluator, only those of the organisation it is assigned to; for the CSR
 * team, the organisation's maturity campaigns (never its tenders).
 */
export function tendersVisibleToBuyingSide(user: CurrentUser): SQL {
  if (isCsrTeam(user)) return and(tenderOwnedBy(user.organisationId), eq(tenders.kind, "campaign"))!;
  if (!isBuyingSide(user)) return nothing;
  if (user.role === "buyer") return tenderOwnedBy(user.organisationId);
  const assigned = db().select({ id: tenderEvaluators.tenderId }).from(tenderEvaluators).where(eq(tenderEvaluators.userId, user.id));
  return and(tenderOwnedBy(user.organisationId), inArray(tenders.id, assigned))!;
}

/** Invitations a supplier organisation accepted and the buyer did not revoke (the id may be a prepared query's placeholder). */
export function acceptedInvitationsOf(supplierOrganisationId: number | ReturnType<typeof sql.placeholder>): SQL {
  return and(eq(invitations.supplierOrganisationId, supplierOrganisationId), isNotNull(invitations.acceptedAt), isNull(invitations.revokedAt))!;
}

/**
 * "A supplier can see this tender": its organisation accepted a (non-revoked) invitation to it, and
 * the tender was published (published, closed or cancelled; drafts are never shown to suppliers).
 */
export function tendersVisibleToSupplier(user: CurrentUser): SQL {
  if (!isSupplier(user)) return nothing;
  return tendersVisibleToSupplierOrganisation(user.organisationId);
}

/**
 * The rule of `tendersVisibleToSupplier` for a supplier organisation's id, given as a value or as a
 * placeholder of a query prepared once (issue 16). The caller has checked the user is a supplier.
 */
export function tendersVisibleToSupplierOrganisation(organisationId: number | ReturnType<typeof sql.placeholder>): SQL {
  const invited = db()
    .select({ one: sql`1` })
    .from(invitations)
    .where(and(eq(invitations.tenderId, tenders.id), acceptedInvitationsOf(organisationId)));
  return and(isNull(tenders.deletedAt), inArray(tenders.status, ["published", "closed", "cancelled"]), isNotNull(tenders.publishedMethod), exists(invited))!;
}

/**
 * What a supplier may see of a campaign's method: the questions and why each is asked — never the
 * criteria weights nor the evaluation material (guide, BP-AIR fiche V1 §4; issue 14). Every page,
 * JSON or file a supplier reaches gets a campaign's method through this one function.
 */
export function supplierViewOfMethod<M extends { guideVersion: string; criteria: { id: string; included: boolean; weight: number }[]; questions: { id: string; criterion: string; included: boolean; weight: number; allowNotApplicable: boolean }[] }>(
  kind: "tender" | "campaign",
  method: M,
): M {
  if (kind !== "campaign") return method;
  return {
    ...method,
    criteria: method.criteria.map((c) => ({ ...c, weight: c.included && c.weight > 0 ? 1 : 0 })),
    questions: method.questions.map((q) => ({ ...q, weight: 1 })),
  };
}

/**
 * CSR scoping: the invitations that link a supplier organisation to a buying organisation (the
 * supplier accepted, the buyer did not revoke). The CSR team sees the factors of linked suppliers
 * only and enters activity data for them only.
 */
/**
 * Allocated emissions (issue 18): a supplier declares emissions only to the buying organisations
 * that invited it — the same link seen from the supplier's side (accepted, not revoked).
 */
export function invitationsLinkingCustomersTo(supplierOrganisationId: number): SQL {
  return acceptedInvitationsOf(supplierOrganisationId);
}

export function invitationsLinkingSuppliersTo(buyerOrganisationId: number): SQL {
  return and(eq(invitations.organisationId, buyerOrganisationId), isNotNull(invitations.supplierOrganisationId), isNotNull(invitations.acceptedAt), isNull(invitations.revokedAt))!;
}
