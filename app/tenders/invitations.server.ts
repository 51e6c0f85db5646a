import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { invitations, outbox, responseAnswers, responses, submissions } from "#db/schema";
import { isBuyer } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { formatParis } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { loadTender, loadTenderAsBuyer } from "./access.server";
import { publishedQuestionsOf } from "./builder";
import { includedQuestions } from "./method";

export type InvitationStatus =
  | { kind: "revoked"; at: string }
  | { kind: "submitted"; at: string }
  | { kind: "withdrawn"; at: string | null }
  | { kind: "late" }
  | { kind: "in-progress"; answered: number; total: number }
  | { kind: "opened"; at: string }
  | { kind: "invited" };

export const invitationStatusLabel = (s: InvitationStatus): string => {
  switch (s.kind) {
    case "revoked":
      return `Révoquée le ${formatParis(s.at, "numeric")}`;
    case "submitted":
      return `Réponse déposée le ${formatParis(s.at, "numeric")}`;
    case "withdrawn":
      return "Réponse retirée";
    case "late":
      return "En retard : date limite dépassée sans dépôt";
    case "in-progress":
      return `En cours : ${s.answered} / ${s.total} questions répondues`;
    case "opened":
      return `Invitation ouverte le ${formatParis(s.at, "numeric")}`;
    case "invited":
      return "Invité";
  }
};

/**
 * Invites a supplier: a single-use random token, of which only the SHA-256 is stored; the link is
 * returned once (to show to the buyer) and written in the outbox message. Expires at the deadline.
 */
export async function createInvitation({
  tenderId,
  user,
  email,
  supplierName,
  origin,
}: {
  tenderId: number;
  user: CurrentUser;
  email: string;
  supplierName: string;
  origin: string;
}): Promise<{ ok: true; link: string; invitationId: number } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const tender = await loadTenderAsBuyer({ id: tenderId, user, kind: "any" });
  const campaign = tender.kind === "campaign";
  if (tender.status !== "published") throw new AppError("conflict", campaign ? "Seule une campagne lancée peut recevoir des invitations." : "Seul un appel d'offres publié peut recevoir des invitations.");
  if (!(Date.parse(tender.deadline) > Date.now())) throw new AppError("conflict", "La date limite est passée : il n'est plus possible d'inviter.");
  const normalised = email.trim().toLowerCase();
  const existing = (await db()
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.tenderId, tender.id), eq(invitations.email, normalised), isNull(invitations.revokedAt))).limit(1))[0];
  if (existing)
    return {
      ok: false,
      fieldErrors: { email: [`Cette adresse est déjà invitée à ${campaign ? "cette campagne" : "cet appel d'offres"} (révoquez l'invitation pour en créer une nouvelle).`] },
    };
  const token = newToken();
  const link = `${origin}/invitation/${token}`;
  const invitationId = await transaction(async (tx) => {
      const row = (await tx
            .insert(invitations)
            .values({
              tenderId: tender.id,
              organisationId: user.organisationId,
              email: normalised,
              supplierName,
              tokenSha256: hashToken(token),
              createdBy: user.id,
              expiresAt: tender.deadline,
            })
            .returning({ id: invitations.id }))[0]!;
      await tx.insert(outbox)
              .values({
                organisationId: user.organisationId,
                toEmail: normalised,
                kind: "invitation",
                subject: `Invitation à répondre : ${tender.title}`,
                body: [
                  "Bonjour,",
                  "",
                  campaign
                    ? `${user.organisationName} invite ${supplierName} à sa campagne d'évaluation de la maturité numérique responsable « ${tender.title} ». Ce n'est pas un appel d'offres : aucun prix, aucun classement ; vous recevrez un bilan personnel et pourrez convenir d'un plan de progrès.`
                    : `${user.organisationName} invite ${supplierName} à répondre à l'appel d'offres « ${tender.title} »${tender.reference ? ` (réf. ${tender.reference})` : ""}.`,
                  `Date limite de réponse : ${formatParis(tender.deadline, "numeric", { withZone: true })}.`,
                  "",
                  "Pour consulter le dossier et répondre au questionnaire numérique responsable, ouvrez ce lien personnel (à usage unique, valable jusqu'à la date limite) :",
                  link,
                  "",
                  `${user.name} — ${user.organisationName}`,
                ].join("\n"),
              });
      await audit(tx, {
              userId: user.id,
              organisationId: user.organisationId,
              action: "invitation.create",
              targetType: "tender",
              targetId: tender.id,
              details: { invitationId: row.id, email: normalised, supplierName },
            });
      return row.id;
    });
  return { ok: true, link, invitationId };
}

export async function revokeInvitation({ tenderId, invitationId, user }: { tenderId: number; invitationId: number; user: CurrentUser }): Promise<void> {
  const tender = await loadTenderAsBuyer({ id: tenderId, user, kind: "any" });
  const inv = (await db()
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.tenderId, tender.id), eq(invitations.organisationId, user.organisationId))).limit(1))[0];
  if (!inv) throw notFound("Cette invitation n'existe pas ou vous n'y avez pas accès.");
  if (inv.revokedAt) return;
  await transaction(async (tx) => {
        await tx.update(invitations).set({ revokedAt: new Date().toISOString() }).where(eq(invitations.id, inv.id));
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "invitation.revoke", targetType: "tender", targetId: tender.id, details: { invitationId: inv.id, email: inv.email } });
      });
}

/** Invitations of a tender with each supplier's status (buyer and assigned evaluators). */
export async function listInvitations({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const tender = await loadTender({ id: tenderId, user, kind: "any" });
  const method = publishedQuestionsOf(tender);
  const includedIds = method ? includedQuestions(method).map((q) => q.id) : [];
  const total = includedIds.length;
  const rows = await db().select().from(invitations).where(eq(invitations.tenderId, tender.id)).orderBy(desc(invitations.id));
  const orgIds = rows.map((r) => r.supplierOrganisationId).filter((x): x is number => x !== null);
  const responseRows = orgIds.length
    ? await db().select().from(responses).where(and(eq(responses.tenderId, tender.id), inArray(responses.supplierOrganisationId, orgIds)))
    : [];
  const answeredByResponse = new Map<number, number>();
  if (responseRows.length && includedIds.length) {
    const counts = await db()
          .select({ responseId: responseAnswers.responseId, n: sql<number>`count(*)` })
          .from(responseAnswers)
          .where(
            and(
              inArray(responseAnswers.responseId, responseRows.map((r) => r.id)),
              inArray(responseAnswers.questionId, includedIds),
              or(isNotNull(responseAnswers.level), eq(responseAnswers.notApplicable, true)),
            ),
          )
          .groupBy(responseAnswers.responseId);
    for (const c of counts) answeredByResponse.set(c.responseId, Number(c.n));
  }
  const submissionRows = orgIds.length
    ? await db()
              .select({ id: submissions.id, org: submissions.supplierOrganisationId, at: submissions.submittedAt, withdrawnAt: submissions.withdrawnAt })
              .from(submissions)
              .where(and(eq(submissions.tenderId, tender.id), inArray(submissions.supplierOrganisationId, orgIds)))
              .orderBy(desc(submissions.id))
    : [];
  const deadlinePassed = Date.parse(tender.deadline) <= Date.now();
  return rows.map((inv) => {
    let status: InvitationStatus;
    const org = inv.supplierOrganisationId;
    const response = org === null ? undefined : responseRows.find((r) => r.supplierOrganisationId === org);
    const subs = org === null ? [] : submissionRows.filter((s) => s.org === org);
    const active = subs.find((s) => s.withdrawnAt === null);
    if (inv.revokedAt) status = { kind: "revoked", at: inv.revokedAt };
    else if (response?.status === "withdrawn" || (!active && subs.length > 0)) status = { kind: "withdrawn", at: subs[0]?.withdrawnAt ?? null };
    else if (active) status = { kind: "submitted", at: active.at };
    else if (deadlinePassed) status = { kind: "late" };
    else if (response) status = { kind: "in-progress", answered: answeredByResponse.get(response.id) ?? 0, total };
    else if (inv.openedAt) status = { kind: "opened", at: inv.openedAt };
    else status = { kind: "invited" };
    return {
      id: inv.id,
      email: inv.email,
      supplierName: inv.supplierName,
      createdAt: inv.createdAt,
      expiresAt: inv.expiresAt,
      openedAt: inv.openedAt,
      acceptedAt: inv.acceptedAt,
      revoked: inv.revokedAt !== null,
      status,
      statusLabel: invitationStatusLabel(status),
    };
  });
}

/** The organisation's outbox ("Boîte d'envoi"): messages the portal would have sent. */
export async function listOutbox({ user }: { user: CurrentUser }) {
  if (!isBuyer(user)) return [];
  return await db().select().from(outbox).where(eq(outbox.organisationId, user.organisationId)).orderBy(desc(outbox.id)).limit(200);
}
