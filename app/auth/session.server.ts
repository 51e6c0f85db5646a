import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, gt, isNull } from "drizzle-orm";
import { memberships, organisations, sessions, users, type Role } from "#db/schema";
import { config } from "~/config.server";
import { db } from "~/lib/db.server";
import { AppError } from "~/lib/errors";

const SESSION_DAYS = 7;

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

export async function createSession(userId: number, membershipId: number): Promise<string> {
  const id = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  db().insert(sessions).values({ id, userId, membershipId, expiresAt }).run();
  return sessionCookie().serialize(id);
}

async function sessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function destroySession(request: Request): Promise<string> {
  const id = await sessionId(request);
  if (id) db().delete(sessions).where(eq(sessions.id, id)).run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const id = await sessionId(request);
  if (!id) return null;
  const row = db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      membershipId: memberships.id,
      role: memberships.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(sessions.id, id),
        gt(sessions.expiresAt, new Date().toISOString()),
        isNull(users.deletedAt),
        isNull(memberships.deletedAt),
        isNull(organisations.deletedAt),
      ),
    )
    .get();
  return row ?? null;
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
