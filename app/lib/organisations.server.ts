import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditLog, memberships, organisations, users } from "../../db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "./db.server";

/** Members of the acting user's own organisation (never another's). */
export function listOwnMembers(user: CurrentUser) {
  return db()
    .select({ name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, user.organisationId), isNull(memberships.deletedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** Platform administration: every organisation with its members. Callers must be admins. */
export function listAllOrganisations() {
  const rows = db()
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
      membershipId: memberships.id,
      userName: users.name,
      email: users.email,
      role: memberships.role,
    })
    .from(organisations)
    .leftJoin(memberships, and(eq(memberships.organisationId, organisations.id), isNull(memberships.deletedAt)))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(isNull(organisations.deletedAt))
    .orderBy(asc(organisations.name), asc(users.name))
    .all();
  const byOrg = new Map<number, { id: number; name: string; kind: string; members: typeof rows }>();
  for (const r of rows) {
    const entry = byOrg.get(r.organisationId) ?? { id: r.organisationId, name: r.organisationName, kind: r.kind, members: [] };
    if (r.membershipId) entry.members.push(r);
    byOrg.set(r.organisationId, entry);
  }
  return [...byOrg.values()];
}

/** The organisation's audit trail, newest first. */
export function listOwnAudit(user: CurrentUser, limit = 50) {
  return db()
    .select({ at: auditLog.at, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.organisationId, user.organisationId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}
