import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { invitations, membershipRequests, memberships, organisations, outbox, tenders, users } from "#db/schema";
import { acceptedInvitationsOf, isSupplier } from "~/auth/permissions.server";
import { clientOf } from "~/auth/accounts.server";
import { hashPassword } from "~/auth/password.server";
import { weakPasswordMessage } from "~/auth/password-strength.server";
import type { CurrentUser } from "~/auth/session.server";
import { policies, requireAttempt } from "~/auth/throttle.server";
import { audit } from "~/lib/audit.server";
import { db, type Tx, transaction } from "~/lib/db.server";
import { hashToken } from "~/lib/tokens.server";
import { isPast } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { affectedRows } from "#db/transaction";
import { ensureResponse } from "./questionnaire.server";
import { requireSupplierTender } from "./access.server";
import type { JoinSignUpInput } from "./join-schema";

/** Invitation tokens are random base64url strings; anything else is simply unknown. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

export { joinSignUpSchema, type JoinSignUpInput } from "./join-schema";

type InvitationRow = typeof invitations.$inferSelect;

export type InvitationView = {
  supplierName: string;
  invitedEmail: string;
  /** The signed-in visitor may accept it (the invited address, or a colleague of its account); null when anonymous. */
  acceptableByUser: boolean | null;
  tender: { id: number; title: string; reference: string; deadline: string; buyerName: string };
  /** A supplier organisation with exactly this name is already on the portal. */
  organisationExists: boolean;
};

async function openRequestFor(tx: Tx, invitationId: number) {
  return (await tx
      .select()
      .from(membershipRequests)
      .where(and(eq(membershipRequests.invitationId, invitationId), isNull(membershipRequests.decision))).limit(1))[0];
}

/**
 * Looks the token up and tells whether it can still be used: unknown → 404; revoked, expired,
 * already used, tender cancelled → 410; held by a pending membership request → "pending".
 */
async function loadInvitation(tx: Tx, token: string) {
  if (!tokenSchema.safeParse(token).success) throw new AppError("not-found", "Ce lien d'invitation n'existe pas. Vérifiez qu'il a été copié en entier.");
  const row = (await tx
      .select({ invitation: invitations, tender: tenders, buyerName: organisations.name })
      .from(invitations)
      .innerJoin(tenders, eq(tenders.id, invitations.tenderId))
      .innerJoin(organisations, eq(organisations.id, tenders.organisationId))
      .where(eq(invitations.tokenSha256, hashToken(token))).limit(1))[0];
  if (!row || row.tender.deletedAt || !row.tender.publishedMethod) throw new AppError("not-found", "Ce lien d'invitation n'existe pas. Vérifiez qu'il a été copié en entier.");
  return row;
}

function unusableReason(row: { invitation: InvitationRow; tender: typeof tenders.$inferSelect }): string | null {
  if (row.invitation.revokedAt) return "Cette invitation a été retirée par l'acheteur.";
  if (row.invitation.acceptedAt) return "Cette invitation a déjà été utilisée. Connectez-vous pour retrouver la consultation dans votre espace fournisseur.";
  if (row.tender.status === "cancelled") return "Cette consultation a été annulée.";
  if (row.tender.status !== "published" || isPast(row.invitation.expiresAt) || isPast(row.tender.deadline))
    return "Cette invitation a expiré : la date limite de la consultation est passée.";
  return null;
}

/**
 * An invitation is bound to the address it was sent to (issue 15): it may be accepted by the
 * account with that address, or by a member of a supplier organisation that account belongs to
 * (a colleague answering for the invited organisation). Anyone else holding the link is refused
 * and the link stays usable by its recipient. Decision record: docs/decisions/014-account-security.md.
 */
async function mayAccept(tx: Tx, invitation: InvitationRow, user: CurrentUser): Promise<boolean> {
  if (user.email === invitation.email) return true;
  const colleague = (await tx
      .select({ id: users.id })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.email, invitation.email), isNull(users.deletedAt), eq(memberships.organisationId, user.organisationId), isNull(memberships.deletedAt))).limit(1))[0];
  return Boolean(colleague);
}

export function notInvitedMessage(invitedEmail: string): string {
  return `Cette invitation est adressée à ${invitedEmail} : elle ne peut être acceptée qu'avec le compte de cette adresse, ou par un membre de son organisation. Déconnectez-vous et connectez-vous avec ce compte, ou demandez à l'acheteur une invitation à votre adresse. Le lien reste valable pour son destinataire.`;
}

async function viewOf(tx: Tx, row: Awaited<ReturnType<typeof loadInvitation>>, user: CurrentUser | null): Promise<InvitationView> {
  const existing = (await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.name, row.invitation.supplierName), eq(organisations.kind, "supplier"), isNull(organisations.deletedAt))).limit(1))[0];
  return {
    supplierName: row.invitation.supplierName,
    invitedEmail: row.invitation.email,
    acceptableByUser: user ? await mayAccept(tx, row.invitation, user) : null,
    tender: { id: row.tender.id, title: row.tender.title, reference: row.tender.reference, deadline: row.tender.deadline, buyerName: row.buyerName },
    organisationExists: Boolean(existing),
  };
}

export type InvitationState =
  | { state: "open"; view: InvitationView }
  | { state: "pending"; view: InvitationView }
  /** Already accepted by the visitor's own organisation: go to the questionnaire. */
  | { state: "mine"; tenderId: number };

/** Opening the link: marks `openedAt` once and returns what the page shows. */
export async function openInvitation({ token, user }: { token: string; user: CurrentUser | null }): Promise<InvitationState> {
  return await transaction(async (tx) => {
      const row = await loadInvitation(tx, token);
      if (!row.invitation.openedAt) await tx.update(invitations).set({ openedAt: new Date().toISOString() }).where(eq(invitations.id, row.invitation.id));
      if (row.invitation.acceptedAt && user && row.invitation.supplierOrganisationId === user.organisationId && !row.invitation.revokedAt)
        return { state: "mine" as const, tenderId: row.tender.id };
      const reason = unusableReason(row);
      if (reason) throw new AppError("gone", reason);
      if (await openRequestFor(tx, row.invitation.id)) return { state: "pending" as const, view: await viewOf(tx, row, user) };
      return { state: "open" as const, view: await viewOf(tx, row, user) };
    });
}

async function requireUsable(tx: Tx, token: string) {
  const row = await loadInvitation(tx, token);
  const reason = unusableReason(row);
  if (reason) throw new AppError("gone", reason);
  if (await openRequestFor(tx, row.invitation.id))
    throw new AppError("conflict", "Une demande d'adhésion liée à cette invitation attend la confirmation d'un membre de l'organisation.");
  return row;
}

/** Single use: the update only succeeds while nobody accepted the invitation. */
async function markAccepted(tx: Tx, invitationId: number, userId: number, organisationId: number): Promise<void> {
  const done = await tx
      .update(invitations)
      .set({ acceptedAt: new Date().toISOString(), acceptedBy: userId, supplierOrganisationId: organisationId })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  if (affectedRows(done) !== 1) throw new AppError("gone", "Cette invitation a déjà été utilisée.");
}

async function startResponse(tx: Tx, { user, tenderId }: { user: CurrentUser; tenderId: number }) {
  const t = await requireSupplierTender(tx, { user, tenderId });
  await ensureResponse(tx, { user, t });
}

/** Invitation acceptances (with or without account creation) are throttled per client address. */
async function requireInvitationAttempt(clientAddress: string | undefined): Promise<void> {
  await requireAttempt([{ policy: policies().linkClient, subject: clientOf(clientAddress) }]);
}

/**
 * A signed-in supplier accepts the invitation for their own organisation: only the invited
 * address's account or a member of its organisation may (403 for anyone else, nothing written).
 */
export async function acceptInvitation({ token, user, clientAddress }: { token: string; user: CurrentUser; clientAddress?: string }): Promise<{ tenderId: number }> {
  if (!isSupplier(user))
    throw new AppError("forbidden", "Vous êtes connecté avec un compte qui n'est pas un compte fournisseur. Déconnectez-vous pour accepter cette invitation.");
  await requireInvitationAttempt(clientAddress);
  return await transaction(async (tx) => {
      const row = await requireUsable(tx, token);
      if (!await mayAccept(tx, row.invitation, user)) throw new AppError("forbidden", notInvitedMessage(row.invitation.email));
      const already = (await tx
            .select({ id: invitations.id })
            .from(invitations)
            .where(and(eq(invitations.tenderId, row.tender.id), acceptedInvitationsOf(user.organisationId))).limit(1))[0];
      await markAccepted(tx, row.invitation.id, user.id, user.organisationId);
      if (!already) await startResponse(tx, { user, tenderId: row.tender.id });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "invitation.accept", targetType: "invitation", targetId: row.invitation.id, details: { tenderId: row.tender.id } });
      return { tenderId: row.tender.id };
    });
}

export type JoinResult =
  | { kind: "member"; userId: number; membershipId: number; tenderId: number }
  | { kind: "pending"; organisationName: string }
  | { kind: "error"; fieldErrors: Record<string, string[]> };

/**
 * An invited visitor without an account. New organisation name → the organisation, the user and
 * the membership are created and the invitation accepted. Existing supplier organisation with
 * that exact name → the user is created without membership and a request waits for a member.
 */
export async function joinWithNewAccount({ token, input, clientAddress }: { token: string; input: JoinSignUpInput; clientAddress?: string }): Promise<JoinResult> {
  await requireInvitationAttempt(clientAddress);
  // The account must be created with the invited address (the link, sent there, proves the mailbox:
  // no activation e-mail is needed on this path).
  const invitation = (await transaction(async (tx) => await requireUsable(tx, token))).invitation;
  if (input.email !== invitation.email)
    return {
      kind: "error",
      fieldErrors: { email: [`Cette invitation est adressée à ${invitation.email} : créez le compte avec cette adresse, ou demandez à l'acheteur une invitation à la vôtre.`] },
    };
  const weak = weakPasswordMessage(input.password, { email: input.email, name: input.name, organisationName: invitation.supplierName });
  if (weak) return { kind: "error", fieldErrors: { password: [weak] } };
  const passwordHash = await hashPassword(input.password);
  return await transaction(async (tx) => {
      const row = await requireUsable(tx, token);
      if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1))[0])
        return { kind: "error" as const, fieldErrors: { email: ["Un compte existe déjà avec cette adresse : connectez-vous pour accepter l'invitation."] } };
      const user = (await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning({ id: users.id }))[0]!;
      const existing = (await tx
            .select()
            .from(organisations)
            .where(and(eq(organisations.name, row.invitation.supplierName), eq(organisations.kind, "supplier"), isNull(organisations.deletedAt)))
            .orderBy(asc(organisations.id)).limit(1))[0];
      if (existing) {
        const request = (await tx.insert(membershipRequests).values({ userId: user.id, organisationId: existing.id, invitationId: row.invitation.id }).returning())[0]!;
        await audit(tx, { userId: user.id, organisationId: existing.id, action: "membership.request", targetType: "membership_request", targetId: request.id, details: { invitationId: row.invitation.id } });
        return { kind: "pending" as const, organisationName: existing.name };
      }
      const org = (await tx.insert(organisations).values({ name: row.invitation.supplierName, kind: "supplier" }).returning())[0]!;
      const membership = (await tx.insert(memberships).values({ userId: user.id, organisationId: org.id, role: "supplier" }).returning({ id: memberships.id }))[0]!;
      await markAccepted(tx, row.invitation.id, user.id, org.id);
      const member: CurrentUser = { id: user.id, email: input.email, name: input.name, membershipId: membership.id, role: "supplier", organisationId: org.id, organisationName: org.name, organisationKind: "supplier" };
      await startResponse(tx, { user: member, tenderId: row.tender.id });
      await audit(tx, { userId: user.id, organisationId: org.id, action: "account.sign-up", targetType: "user", targetId: user.id, details: { via: "invitation" } });
      await audit(tx, { userId: user.id, organisationId: org.id, action: "invitation.accept", targetType: "invitation", targetId: row.invitation.id, details: { tenderId: row.tender.id } });
      return { kind: "member" as const, userId: user.id, membershipId: membership.id, tenderId: row.tender.id };
    });
}

/** Pending requests to join the acting user's organisation. */
export async function listPendingRequests({ user }: { user: CurrentUser }) {
  return await db()
      .select({ id: membershipRequests.id, name: users.name, email: users.email, createdAt: membershipRequests.createdAt, tenderTitle: tenders.title })
      .from(membershipRequests)
      .innerJoin(users, eq(users.id, membershipRequests.userId))
      .innerJoin(invitations, eq(invitations.id, membershipRequests.invitationId))
      .innerJoin(tenders, eq(tenders.id, invitations.tenderId))
      .where(and(eq(membershipRequests.organisationId, user.organisationId), isNull(membershipRequests.decision)))
      .orderBy(asc(membershipRequests.id));
}

/** A member confirms or rejects a request; confirming creates the membership and accepts the invitation. */
export async function decideRequest({ user, requestId, decision }: { user: CurrentUser; requestId: number; decision: "confirmed" | "rejected" }) {
  if (!isSupplier(user)) throw notFound("Demande introuvable.");
  return await transaction(async (tx) => {
      const request = (await tx
            .select()
            .from(membershipRequests)
            .where(and(eq(membershipRequests.id, requestId), eq(membershipRequests.organisationId, user.organisationId), isNull(membershipRequests.decision))).limit(1))[0];
      if (!request) throw new AppError("not-found", "Demande introuvable ou déjà traitée.");
      const at = new Date().toISOString();
      await tx.update(membershipRequests).set({ decision, decidedAt: at, decidedBy: user.id }).where(eq(membershipRequests.id, request.id));
      const requester = (await tx.select().from(users).where(eq(users.id, request.userId)).limit(1))[0]!;
      if (decision === "confirmed") {
        await tx.insert(memberships).values({ userId: request.userId, organisationId: user.organisationId, role: "supplier" }).onConflictDoNothing();
        const held = (await tx
                .select({ invitation: invitations, tender: tenders })
                .from(invitations)
                .innerJoin(tenders, eq(tenders.id, invitations.tenderId))
                .where(eq(invitations.id, request.invitationId)).limit(1))[0];
        // The membership is confirmed in any case; the invitation only while it can still be used
        // (a write tied to a tender obeys its deadline).
        const invitation = held && !unusableReason(held) ? held.invitation : null;
        if (invitation) {
          await tx.update(invitations).set({ acceptedAt: at, acceptedBy: request.userId, supplierOrganisationId: user.organisationId }).where(eq(invitations.id, invitation.id));
          await startResponse(tx, { user, tenderId: invitation.tenderId });
        }
      }
      await tx.insert(outbox)
              .values({
                organisationId: user.organisationId,
                toEmail: requester.email,
                kind: `membership.${decision}`,
                subject: decision === "confirmed" ? `Accès confirmé — ${user.organisationName}` : `Demande refusée — ${user.organisationName}`,
                body:
                  decision === "confirmed"
                    ? `${user.name} a confirmé votre adhésion à ${user.organisationName} sur NR Procure. Vous pouvez vous connecter.`
                    : `${user.name} n'a pas confirmé votre demande d'adhésion à ${user.organisationName} sur NR Procure.`,
              });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: `membership.${decision === "confirmed" ? "confirm" : "reject"}`, targetType: "user", targetId: request.userId });
    });
}
