import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditLog, memberships, organisations, users, type ProcurementRegime, type Role } from "#db/schema";
import { requireAdmin } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "./audit.server";
import { db } from "./db.server";
import { notFound } from "./errors";
import { regimeLabels } from "./regime";

/** Members of the acting user's own organisation (never another's). */
export function listOwnMembers({ user }: { user: CurrentUser }) {
  return db()
    .select({ name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, user.organisationId), isNull(memberships.deletedAt)))
    .orderBy(asc(users.name))
    .all();
}

/** Platform administration: every organisation with its members. */
export function listAllOrganisations({ user }: { user: CurrentUser }) {
  requireAdmin(user);
  const rows = db()
    .select({
      organisationId: organisations.id,
      organisationName: organisations.name,
      kind: organisations.kind,
      regime: organisations.procurementRegime,
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
  const byOrg = new Map<number, { id: number; name: string; kind: string; regime: ProcurementRegime; members: typeof rows }>();
  for (const r of rows) {
    const entry = byOrg.get(r.organisationId) ?? { id: r.organisationId, name: r.organisationName, kind: r.kind, regime: r.regime, members: [] };
    if (r.membershipId) entry.members.push(r);
    byOrg.set(r.organisationId, entry);
  }
  return [...byOrg.values()];
}

/** The organisation's audit trail, newest first. */
export function listOwnAudit({ user, limit = 50 }: { user: CurrentUser; limit?: number }) {
  return db()
    .select({ at: auditLog.at, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, userName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(eq(auditLog.organisationId, user.organisationId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** Roles a membership may hold, by organisation kind (design.md, "Three users, one tenancy rule"). */
export const rolesByKind: Record<"buyer" | "supplier" | "platform", readonly Role[]> = {
  buyer: ["buyer", "evaluator", "rse"],
  supplier: ["supplier"],
  platform: ["admin"],
};

export type RoleChangeResult = { ok: true; message: string } | { ok: false; message: string };

/** Platform administration: change one membership's role, within what its organisation allows. */
export function changeMembershipRole({ user: admin, membershipId, role }: { user: CurrentUser; membershipId: number; role: Role }): RoleChangeResult {
  requireAdmin(admin);
  return db().transaction((tx) => {
    const row = tx
      .select({ id: memberships.id, role: memberships.role, kind: organisations.kind, organisationId: organisations.id, userName: users.name })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, membershipId), isNull(memberships.deletedAt)))
      .get();
    if (!row) throw notFound("Ce membre n'existe pas.");
    if (!rolesByKind[row.kind].includes(role)) {
      return { ok: false as const, message: `Le rôle « ${role} » n'existe pas dans une organisation de ce type.` };
    }
    if (row.id === admin.membershipId) return { ok: false as const, message: "Vous ne pouvez pas changer votre propre rôle." };
    if (row.role === role) return { ok: true as const, message: "Rôle inchangé." };
    tx.update(memberships).set({ role }).where(eq(memberships.id, row.id)).run();
    audit(tx, { userId: admin.id, organisationId: row.organisationId, action: "membership.role-change", targetType: "membership", targetId: row.id, details: { from: row.role, to: role } });
    return { ok: true as const, message: `Rôle de ${row.userName} modifié.` };
  });
}


/**
 * The procurement regime of a buying organisation (issue 11 §2). Internal: callers have already scoped the
 * organisation (the tender they loaded for the acting user, or the user's own organisation).
 */
export function regimeOfOrganisation(organisationId: number): ProcurementRegime {
  return db().select({ regime: organisations.procurementRegime }).from(organisations).where(eq(organisations.id, organisationId)).get()?.regime ?? "public";
}

/**
 * Platform administration: sets a buying organisation's procurement regime. Published tenders keep the regime
 * frozen in their method; drafts and new tenders follow the new one. Audited in the organisation's journal.
 */
export function setOrganisationRegime({ user: admin, organisationId, regime }: { user: CurrentUser; organisationId: number; regime: ProcurementRegime }): RoleChangeResult {
  requireAdmin(admin);
  return db().transaction((tx) => {
    const org = tx
      .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regime: organisations.procurementRegime })
      .from(organisations)
      .where(and(eq(organisations.id, organisationId), isNull(organisations.deletedAt)))
      .get();
    if (!org) throw notFound("Cette organisation n'existe pas.");
    if (org.kind !== "buyer") return { ok: false as const, message: "Seule une organisation acheteuse a un régime d'achat." };
    if (org.regime === regime) return { ok: true as const, message: "Régime inchangé." };
    tx.update(organisations).set({ procurementRegime: regime }).where(eq(organisations.id, org.id)).run();
    audit(tx, { userId: admin.id, organisationId: org.id, action: "organisation.regime-change", targetType: "organisation", targetId: org.id, details: { from: org.regime, to: regime } });
    return { ok: true as const, message: `${org.name} : ${regimeLabels[regime]}.` };
  });
}
