/**
 * « Mot de passe oublié ? » (issue 10 §4, issue 15): an e-mail with a single-use link valid one hour,
 * the same answer whatever the address (no account enumeration), throttled per client and per
 * address; the reset page sets a strong password, ends every session of the account and is audited.
 * Only the SHA-256 of the link's token is stored. Decision record: docs/decisions/014-account-security.md.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordResets, users } from "#db/schema";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import { hashToken, newToken } from "~/lib/tokens.server";
import { affectedRows } from "#db/transaction";
import { linkBase, MAIL_SIGNATURE, queueAccountMail } from "./account-mail.server";
import { clientOf, firstOrganisationOf, signInKeys, type RateLimited } from "./accounts.server";
import { hashPassword } from "./password.server";
import { weakPasswordMessage } from "./password-strength.server";
import { unsafeRevokeAllSessions } from "./session.server";
import { clear, policies, requireAttempt, reserve } from "./throttle.server";

export const RESET_LINK_MINUTES = 60;

/**
 * The "forgotten password" form. When the address has an (active) account, a reset link is queued;
 * otherwise nothing is sent. The caller shows the same message either way.
 */
export async function requestPasswordReset({ email, clientAddress, request }: { email: string; clientAddress?: string; request: Request }): Promise<{ ok: true } | RateLimited> {
  const p = policies();
  const base = linkBase(request);
  // The lookup and the link are written in the reservation's transaction: one commit whether or not
  // the address has an account, so the answer takes as long either way.
  const reservation = await reserve(
      [
        { policy: p.resetRequestClient, subject: clientOf(clientAddress) },
        { policy: p.mailTo, subject: email },
      ],
      Date.now(),
      async (tx) => {
        const user = (await tx.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).limit(1))[0];
        if (!user) return;
        const token = newToken();
        const now = Date.now();
        await tx.insert(passwordResets)
                  .values({
                    userId: user.id,
                    tokenSha256: hashToken(token),
                    createdAt: new Date(now).toISOString(),
                    expiresAt: new Date(now + RESET_LINK_MINUTES * 60_000).toISOString(),
                    requestedFrom: clientOf(clientAddress).slice(0, 64),
                  });
        await queueAccountMail(tx, {
                  toEmail: email,
                  kind: "account.password-reset",
                  subject: "Réinitialisation de votre mot de passe NR Procure",
                  body: [
                    `Bonjour ${user.name},`,
                    "",
                    `Pour choisir un nouveau mot de passe, ouvrez ce lien personnel (valable ${RESET_LINK_MINUTES} minutes, utilisable une seule fois) :`,
                    `${base}/mot-de-passe/nouveau/${token}`,
                    "",
                    "Toutes les sessions ouvertes sur votre compte seront fermées.",
                    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
                    "",
                    MAIL_SIGNATURE,
                  ].join("\n"),
                });
      },
    );
  if (!reservation.ok) return { ok: false, reason: "rate-limited", retryAfterMs: reservation.retryAfterMs };
  return { ok: true };
}

const RESET_UNKNOWN = "Ce lien de réinitialisation n'existe pas. Vérifiez qu'il a été copié en entier.";
const RESET_GONE = `Ce lien de réinitialisation n'est plus valable : il a déjà servi ou il a dépassé ${RESET_LINK_MINUTES} minutes. Demandez-en un nouveau.`;

async function findReset(token: string) {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new AppError("not-found", RESET_UNKNOWN);
  const row = (await db()
      .select({ reset: passwordResets, email: users.email, name: users.name, deletedAt: users.deletedAt })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(eq(passwordResets.tokenSha256, hashToken(token))).limit(1))[0];
  if (!row || row.deletedAt) throw new AppError("not-found", RESET_UNKNOWN);
  if (row.reset.usedAt || !(Date.parse(row.reset.expiresAt) > Date.now())) throw new AppError("gone", RESET_GONE);
  return row;
}

/** What the reset page shows (opening the link changes nothing). */
export async function openPasswordReset({ token }: { token: string }): Promise<{ email: string }> {
  return { email: (await findReset(token)).email };
}

export type ResetResult = { ok: true } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * Sets the new password through the link, once: the link is claimed by a conditional update inside
 * the transaction, the account's other links are voided, every session ends, and it is audited.
 */
export async function resetPassword({ token, password, clientAddress }: { token: string; password: string; clientAddress?: string }): Promise<ResetResult> {
  await requireAttempt([{ policy: policies().linkClient, subject: clientOf(clientAddress) }]);
  const found = await findReset(token);
  const weak = weakPasswordMessage(password, { email: found.email, name: found.name });
  if (weak) return { ok: false, fieldErrors: { password: [weak] } };
  const passwordHash = await hashPassword(password);
  await transaction(async (tx) => {
        const at = new Date().toISOString();
        const claimed = await tx
              .update(passwordResets)
              .set({ usedAt: at })
              .where(and(eq(passwordResets.id, found.reset.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)));
        if (affectedRows(claimed) !== 1) throw new AppError("gone", RESET_GONE);
        await tx.update(passwordResets).set({ usedAt: at }).where(and(eq(passwordResets.userId, found.reset.userId), isNull(passwordResets.usedAt)));
        await tx.update(users).set({ passwordHash }).where(eq(users.id, found.reset.userId));
        const ended = await unsafeRevokeAllSessions(tx, found.reset.userId);
        await audit(tx, {
                userId: found.reset.userId,
                organisationId: await firstOrganisationOf(found.reset.userId),
                action: "account.password-reset",
                targetType: "user",
                targetId: found.reset.userId,
                details: { sessionsEnded: ended },
              });
      });
  // The owner proved control of the mailbox: this client's failed sign-ins to the account are forgotten.
  await clear(signInKeys(found.email, clientAddress).account);
  return { ok: true };
}
