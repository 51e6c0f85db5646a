/**
 * Accounts: sign-in (throttled), sign-up confirmed by e-mail, password change. Password reset is in
 * password-reset.server.ts. Decision record: docs/decisions/014-account-security.md.
 */
import { and, asc, eq, gt, isNull, lt } from "drizzle-orm";
import { memberships, organisations, signUpRequests, users, type Role } from "#db/schema";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import { hashToken, newToken } from "~/lib/tokens.server";
import { affectedRows } from "#db/transaction";
import { linkBase, MAIL_SIGNATURE, queueAccountMail } from "./account-mail.server";
import { hashPassword, verifyPassword } from "./password.server";
import { weakPasswordMessage } from "./password-strength.server";
import type { SignUpInput } from "./schemas";
import { unsafeRevokeAllSessions, currentSessionId, type CurrentUser } from "./session.server";
import { clear, policies, refund, reserve, UNKNOWN_CLIENT, type ThrottleKey } from "./throttle.server";

// A real hash of a random password: verifying against it when the e-mail is unknown keeps the
// response time the same, so timing does not reveal which addresses have an account.
let dummyHash: Promise<string> | undefined;

export type RateLimited = { ok: false; reason: "rate-limited"; retryAfterMs: number };

export function clientOf(clientAddress: string | undefined): string {
  return clientAddress || UNKNOWN_CLIENT;
}

/**
 * The two counters of a sign-in: the account from this client (a correct password clears it),
 * and the client whatever the account (spraying; a success gives its attempt back).
 */
export function signInKeys(email: string, clientAddress: string | undefined): { account: ThrottleKey; client: ThrottleKey } {
  const p = policies();
  const client = clientOf(clientAddress);
  return { account: { policy: p.signInAccount, subject: `${email}\n${client}` }, client: { policy: p.signInClient, subject: client } };
}

export type SignInResult = { ok: true; userId: number; membershipId: number; role: Role } | { ok: false; reason: "invalid" } | RateLimited;

export async function signIn({ email, password, clientAddress }: { email: string; password: string; clientAddress?: string }): Promise<SignInResult> {
  const keys = signInKeys(email, clientAddress);
  // The attempt is counted before the slow hash: parallel attempts cannot all pass the check.
  const reservation = await reserve([keys.account, keys.client]);
  if (!reservation.ok) return { ok: false, reason: "rate-limited", retryAfterMs: reservation.retryAfterMs };

  const user = (await db().select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).limit(1))[0];
  dummyHash ??= hashPassword(crypto.randomUUID());
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash, password).then(() => false);
  const membership = user
    ? (await db()
              .select()
              .from(memberships)
              .where(and(eq(memberships.userId, user.id), isNull(memberships.deletedAt)))
              .orderBy(memberships.id).limit(1))[0]
    : undefined;
  if (!user || !valid || !membership) return { ok: false, reason: "invalid" };
  await clear(keys.account);
  await refund(keys.client);
  return { ok: true, userId: user.id, membershipId: membership.id, role: membership.role };
}

// ------------------------------------------------------------------------------------------------
// Sign-up, confirmed by e-mail

/** How long an activation link stays valid. */
export const SIGN_UP_LINK_HOURS = 24;

export type SignUpRequestResult = { ok: true } | { ok: false; reason: "weak-password"; fieldErrors: Record<string, string[]> } | RateLimited;

/**
 * The sign-up form. Whatever the address, the answer is the same ("an e-mail was sent") and costs
 * the same (one argon2 hash): a new address gets an activation link (the account is created when
 * it is followed), an address that has an account gets a message saying so, with the sign-in and
 * password-reset links. No account is revealed to whoever fills the form.
 */
export async function requestSignUp({ input, clientAddress, request }: { input: SignUpInput; clientAddress?: string; request: Request }): Promise<SignUpRequestResult> {
  const p = policies();
  // Every form counts for its client (the strength check and the hash cost CPU); only one that
  // will send a mail counts for the address.
  const attempt = await reserve([{ policy: p.signUpClient, subject: clientOf(clientAddress) }]);
  if (!attempt.ok) return { ok: false, reason: "rate-limited", retryAfterMs: attempt.retryAfterMs };
  const weak = weakPasswordMessage(input.password, { email: input.email, name: input.name, organisationName: input.organisationName });
  if (weak) return { ok: false, reason: "weak-password", fieldErrors: { password: [weak] } };
  const mail = await reserve([{ policy: p.mailTo, subject: input.email }]);
  if (!mail.ok) return { ok: false, reason: "rate-limited", retryAfterMs: mail.retryAfterMs };
  const passwordHash = await hashPassword(input.password);
  const base = linkBase(request);
  await transaction(async (tx) => {
        // Requests past their link's validity hold a password hash for nothing: they go.
        await tx.delete(signUpRequests).where(lt(signUpRequests.expiresAt, new Date().toISOString()));
        const existing = (await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1))[0];
        if (existing) {
          await queueAccountMail(tx, {
                        toEmail: input.email,
                        kind: "account.sign-up-existing",
                        subject: "Votre compte NR Procure existe déjà",
                        body: [
                          "Bonjour,",
                          "",
                          "Quelqu'un, peut-être vous, a demandé à créer un compte NR Procure avec cette adresse. Elle a déjà un compte : aucun autre n'a été créé.",
                          "",
                          `Pour vous connecter : ${base}/connexion`,
                          `Mot de passe oublié : ${base}/mot-de-passe-oublie`,
                          "",
                          "Si vous n'êtes pas à l'origine de cette demande, vous pouvez ignorer ce message.",
                          "",
                          MAIL_SIGNATURE,
                        ].join("\n"),
                      });
          return;
        }
        const token = newToken();
        const now = Date.now();
        await tx.insert(signUpRequests)
                .values({
                  email: input.email,
                  name: input.name,
                  organisationName: input.organisationName,
                  organisationKind: input.organisationKind,
                  passwordHash,
                  tokenSha256: hashToken(token),
                  createdAt: new Date(now).toISOString(),
                  expiresAt: new Date(now + SIGN_UP_LINK_HOURS * 3600_000).toISOString(),
                });
        await queueAccountMail(tx, {
                toEmail: input.email,
                kind: "account.activation",
                subject: "Activez votre compte NR Procure",
                body: [
                  `Bonjour ${input.name},`,
                  "",
                  `Pour terminer la création de votre compte NR Procure (organisation « ${input.organisationName} »), ouvrez ce lien dans les ${SIGN_UP_LINK_HOURS} heures :`,
                  `${base}/inscription/confirmer/${token}`,
                  "",
                  "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera créé.",
                  "",
                  MAIL_SIGNATURE,
                ].join("\n"),
              });
      });
  return { ok: true };
}

const ACTIVATION_UNKNOWN = "Ce lien d'activation n'existe pas. Vérifiez qu'il a été copié en entier.";
const ACTIVATION_GONE = "Ce lien d'activation n'est plus valable (déjà utilisé ou expiré). Recommencez l'inscription, ou connectez-vous si votre compte est déjà activé.";

async function findSignUpRequest(token: string) {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) throw new AppError("not-found", ACTIVATION_UNKNOWN);
  const row = (await db().select().from(signUpRequests).where(eq(signUpRequests.tokenSha256, hashToken(token))).limit(1))[0];
  if (!row) throw new AppError("not-found", ACTIVATION_UNKNOWN);
  if (row.usedAt || !(Date.parse(row.expiresAt) > Date.now())) throw new AppError("gone", ACTIVATION_GONE);
  return row;
}

/** What the activation page shows before the visitor confirms (a GET changes nothing: mail scanners open links). */
export async function openSignUpRequest({ token }: { token: string }) {
  const row = await findSignUpRequest(token);
  return { email: row.email, name: row.name, organisationName: row.organisationName, organisationKind: row.organisationKind };
}

/**
 * Following the activation link: creates the organisation, the user and the first membership in one
 * transaction; the link works once. An address that got an account meanwhile (another link, an
 * invitation) is refused with 409 and nothing is created.
 */
export async function confirmSignUp({ token }: { token: string }): Promise<{ userId: number; membershipId: number; role: Role }> {
  const request = await findSignUpRequest(token);
  return await transaction(async (tx) => {
      const at = new Date().toISOString();
      const claimed = await tx
            .update(signUpRequests)
            .set({ usedAt: at })
            .where(and(eq(signUpRequests.id, request.id), isNull(signUpRequests.usedAt), gt(signUpRequests.expiresAt, at)));
      if (affectedRows(claimed) !== 1) throw new AppError("gone", ACTIVATION_GONE);
      if ((await tx.select({ id: users.id }).from(users).where(eq(users.email, request.email)).limit(1))[0])
        throw new AppError("conflict", "Un compte existe déjà avec cette adresse : connectez-vous (ou utilisez « Mot de passe oublié ? »).");
      // Other pending sign-ups of the same address are void now.
      await tx.update(signUpRequests).set({ usedAt: at }).where(and(eq(signUpRequests.email, request.email), isNull(signUpRequests.usedAt)));
      const role: Role = request.organisationKind === "buyer" ? "buyer" : "supplier";
      const org = (await tx.insert(organisations).values({ name: request.organisationName, kind: request.organisationKind }).returning({ id: organisations.id }))[0]!;
      const user = (await tx.insert(users).values({ email: request.email, name: request.name, passwordHash: request.passwordHash }).returning({ id: users.id }))[0]!;
      const membership = (await tx.insert(memberships).values({ userId: user.id, organisationId: org.id, role }).returning({ id: memberships.id }))[0]!;
      await audit(tx, { userId: user.id, organisationId: org.id, action: "account.sign-up", targetType: "user", targetId: user.id, details: { confirmedBy: "e-mail" } });
      return { userId: user.id, membershipId: membership.id, role };
    });
}

// ------------------------------------------------------------------------------------------------
// Password change (signed in)

export type PasswordChangeResult = { ok: true; revoked: number } | { ok: false; reason: "invalid"; fieldErrors: Record<string, string[]> } | RateLimited;

/**
 * Changes the acting user's password: the current one is checked (throttled like a sign-in from
 * this client), the new one must be strong; every other session of the account ends.
 */
export async function changePassword({
  user,
  request,
  currentPassword,
  newPassword,
  clientAddress,
}: {
  user: CurrentUser;
  request: Request;
  currentPassword: string;
  newPassword: string;
  clientAddress?: string;
}): Promise<PasswordChangeResult> {
  const keys = signInKeys(user.email, clientAddress);
  const reservation = await reserve([keys.account, keys.client]);
  if (!reservation.ok) return { ok: false, reason: "rate-limited", retryAfterMs: reservation.retryAfterMs };
  const row = (await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).limit(1))[0];
  if (!row || !(await verifyPassword(row.passwordHash, currentPassword)))
    return { ok: false, reason: "invalid", fieldErrors: { currentPassword: ["Mot de passe actuel incorrect."] } };
  await clear(keys.account);
  await refund(keys.client);
  if (newPassword === currentPassword) return { ok: false, reason: "invalid", fieldErrors: { newPassword: ["Choisissez un mot de passe différent de l'actuel."] } };
  const weak = weakPasswordMessage(newPassword, { email: user.email, name: user.name, organisationName: user.organisationName });
  if (weak) return { ok: false, reason: "invalid", fieldErrors: { newPassword: [weak] } };
  const passwordHash = await hashPassword(newPassword);
  const keep = (await currentSessionId(request)) ?? undefined;
  const revoked = await transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      const ended = await unsafeRevokeAllSessions(tx, user.id, { except: keep });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "account.password-change", targetType: "user", targetId: user.id, details: { sessionsEnded: ended } });
      return ended;
    });
  return { ok: true, revoked };
}

/** The first active membership of a user (for audit entries of account actions), or null. */
export async function firstOrganisationOf(userId: number): Promise<number | null> {
  return (
    (await db()
            .select({ organisationId: memberships.organisationId })
            .from(memberships)
            .where(and(eq(memberships.userId, userId), isNull(memberships.deletedAt)))
            .orderBy(asc(memberships.id)).limit(1))[0]?.organisationId ?? null
  );
}
