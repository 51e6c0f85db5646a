import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, desc, eq, gt, isNull, lt, ne, notInArray, sql } from "drizzle-orm";
import { memberships, organisations, sessions, users, type Role } from "#db/schema";
import { config } from "~/config.server";
import { audit } from "~/lib/audit.server";
import { db, type Tx, transaction } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared.server";
import { AppError, notFound } from "~/lib/errors";
import { affectedRows } from "#db/transaction";
import { newCsrfTokenCookie } from "./csrf.server";
import { deviceLabel } from "./device";

const SESSION_DAYS = 7;
/** Sessions an account may hold at once; signing in an 11th time ends the oldest (issue 15). */
export const MAX_SESSIONS_PER_USER = 10;
/** `lastSeenAt` is written at most this often per session, not on every request. */
export const LAST_SEEN_EVERY_MS = 60_000;

/** The cookie holds only a random session id; the session row can be revoked on sign-out. */
function sessionCookie() {
  const c = config();
  return createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: c.cookieSecure,
    path: "/",
    maxAge: SESSION_DAYS * 24 * 3600,
    secrets: [c.sessionSecret],
  });
}

export type CurrentUser = {
  id: number;
  email: string;
  name: string;
  membershipId: number;
  role: Role;
  organisationId: number;
  organisationName: string;
  organisationKind: "buyer" | "supplier" | "platform";
};

/**
 * Signs a user in: a new session row (device and client address kept for the sessions page), the
 * oldest sessions beyond MAX_SESSIONS_PER_USER ended in the same transaction, and a fresh CSRF token
 * (a token known before sign-in is worthless after it). Returns the Set-Cookie headers to send.
 */
export async function createSession({
  userId,
  membershipId,
  request,
  clientAddress,
}: {
  userId: number;
  membershipId: number;
  request: Request;
  clientAddress?: string;
}): Promise<Headers> {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  await transaction(async (tx) => {
        await tx.insert(sessions)
                .values({
                  id,
                  publicId: crypto.randomBytes(12).toString("base64url"),
                  userId,
                  membershipId,
                  expiresAt,
                  userAgent: (request.headers.get("User-Agent") ?? "").slice(0, 512),
                  clientAddress: (clientAddress ?? "").slice(0, 64),
                });
        await capSessions(tx, userId);
      });
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize(id));
  headers.append("Set-Cookie", await newCsrfTokenCookie());
  return headers;
}

/** Expired sessions of the user go, then all but the MAX_SESSIONS_PER_USER most recent. */
async function capSessions(tx: Tx, userId: number): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date().toISOString())));
  const kept = tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt), desc(sessions.id))
    .limit(MAX_SESSIONS_PER_USER);
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), notInArray(sessions.id, kept)));
}

async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/** Signs out: the session row goes, the cookie is cleared and the CSRF token replaced. */
export async function destroySession(request: Request): Promise<Headers> {
  const id = await sessionId(request);
  if (id) await db().delete(sessions).where(eq(sessions.id, id));
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie().serialize("", { maxAge: 0 }));
  headers.append("Set-Cookie", await newCsrfTokenCookie());
  return headers;
}

/**
 * The root loader and the route's own loaders (layouts, page) each ask for the user of the same
 * request: one lookup per GET request (issue 16, per-request floor). Writes (actions) always look
 * again, so an action that changes the user reads what it wrote.
 */
const usersOfRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  if (request.method !== "GET" && request.method !== "HEAD") return lookUpCurrentUser(request);
  let user = usersOfRequest.get(request);
  if (!user) {
    user = lookUpCurrentUser(request);
    usersOfRequest.set(request, user);
  }
  return user;
}

async function lookUpCurrentUser(request: Request): Promise<CurrentUser | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const row = (await currentUserQuery({ id, now: new Date().toISOString() }))[0];
  if (!row) return null;
  const { lastSeenAt, ...user } = row;
  await touch(id, lastSeenAt);
  return user;
}

/**
 * The session lookup of every request, built and prepared once (issue 16, per-request floor:
 * drizzle's query building and SQLite's compilation were ~0.5 ms of each page).
 */
const currentUserQuery = preparedQuery("current_user", (database) =>
  database
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      membershipId: memberships.id,
      role: memberships.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        isNull(users.deletedAt),
        isNull(memberships.deletedAt),
        isNull(organisations.deletedAt),
      ),
    )
    .limit(1),
);

/** Last seen, written at most once a minute per session (a read-only request stays read-only). */
async function touch(id: string, lastSeenAt: string): Promise<void> {
  const now = Date.now();
  if (now - Date.parse(lastSeenAt) < LAST_SEEN_EVERY_MS) return;
  const threshold = new Date(now - LAST_SEEN_EVERY_MS).toISOString();
  await db().update(sessions).set({ lastSeenAt: new Date(now).toISOString() }).where(and(eq(sessions.id, id), lt(sessions.lastSeenAt, threshold)));
}

/** Anonymous visitors are sent to the sign-in page and brought back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export const roleLabels: Record<Role, string> = {
  buyer: "acheteur",
  evaluator: "évaluateur",
  supplier: "fournisseur",
  rse: "équipe RSE",
  admin: "administrateur",
};

/** Refused (403, French explanation shown by the error page) when the role does not fit. */
export async function requireRole(request: Request, allowed: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!allowed.includes(user.role)) {
    const needed = allowed.map((r) => roleLabels[r]).join(" ou ");
    throw new AppError("forbidden", `Cette page est réservée au rôle ${needed}. Vous êtes connecté en tant que ${roleLabels[user.role]} (${user.organisationName}).`);
  }
  return user;
}

export function homeFor(role: Role): string {
  switch (role) {
    case "buyer":
    case "evaluator":
      return "/acheteur";
    case "supplier":
      return "/fournisseur";
    case "rse":
      return "/rse";
    case "admin":
      return "/admin";
  }
}

// ------------------------------------------------------------------------------------------------
// The account's sessions page (/compte/sessions)

export type SessionView = {
  publicId: string;
  device: string;
  clientAddress: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
};

/** The acting user's live sessions, most recently seen first; the one making the request is marked. */
export async function listSessions({ user, request }: { user: CurrentUser; request: Request }): Promise<SessionView[]> {
  const current = await sessionId(request);
  return (await db()
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), gt(sessions.expiresAt, new Date().toISOString())))
      .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt)))
    .map((s) => ({
      publicId: s.publicId,
      device: deviceLabel(s.userAgent),
      clientAddress: s.clientAddress,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      current: s.id === current,
    }));
}

const SESSION_NOT_FOUND = "Cette session n'existe pas ou n'est plus active.";

/** Ends one of the acting user's other sessions; someone else's (or an unknown id) is "not found". */
export async function revokeSession({ user, request, publicId }: { user: CurrentUser; request: Request; publicId: string }): Promise<void> {
  const current = await sessionId(request);
  await transaction(async (tx) => {
        const target = (await tx
              .select({ id: sessions.id })
              .from(sessions)
              .where(and(eq(sessions.publicId, publicId), eq(sessions.userId, user.id))).limit(1))[0];
        if (!target) throw notFound(SESSION_NOT_FOUND);
        if (target.id === current) throw new AppError("invalid", "C'est la session que vous utilisez : pour la fermer, utilisez « Se déconnecter ».");
        await tx.delete(sessions).where(eq(sessions.id, target.id));
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "session.revoke", targetType: "session", targetId: publicId });
      });
}

/** Ends every session of the acting user but the one making the request; returns how many. */
export async function revokeOtherSessions({ user, request }: { user: CurrentUser; request: Request }): Promise<number> {
  const current = (await sessionId(request)) ?? "";
  return await transaction(async (tx) => {
      const done = await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, current)));
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "session.revoke-others", targetType: "user", targetId: user.id, details: { count: affectedRows(done) } });
      return affectedRows(done);
    });
}

/** Ends every session of a user (password reset), inside the caller's transaction. */
export async function unsafeRevokeAllSessions(tx: Tx, userId: number, { except }: { except?: string } = {}): Promise<number> {
  return affectedRows(await tx.delete(sessions).where(except ? and(eq(sessions.userId, userId), ne(sessions.id, except)) : eq(sessions.userId, userId)));
}

/** The id of the session the request carries, for callers that keep it while ending the others. */
export async function currentSessionId(request: Request): Promise<string | null> {
  return sessionId(request);
}
