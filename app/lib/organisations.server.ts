import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { auditLog, memberships, organisations, users, type ProcurementRegime, type Role } from "#db/schema";
import { requireAdmin } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { transaction } from "~/lib/db.server";
import { audit } from "./audit.server";
import { db } from "./db.server";
import { notFound } from "./errors";
import { regimeLabels } from "./regime";

/** Members of the acting user's own organisation (never another's). */
export async function listOwnMembers({ user }: { user: CurrentUser }) {
  return await db()
      .select({ name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, user.organisationId), isNull(memberships.deletedAt)))
      .orderBy(asc(users.name));
}

/** Platform administration: every organisation with its members. */
export async function listAllOrganisations({ user }: { user: CurrentUser }) {
  requireAdmin(user);
  const rows = await db()
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
      .orderBy(asc(organisations.name), asc(users.name));
  const byOrg = new Map<number, { id: number; name: string; kind: string; regime: ProcurementRegime; members: typeof rows }>();
  for (const r of rows) {
    const entry = byOrg.get(r.organisationId) ?? { id: r.organisationId, name: r.organisationName, kind: r.kind, regime: r.regime, members: [] };
    if (r.membershipId) entry.members.push(r);
    byOrg.set(r.organisationId, entry);
  }
  return [...byOrg.values()];
}

/** The organisation's audit trail, newest first. */
export async function listOwnAudit({ user, limit = 50 }: { user: CurrentUser; limit?: number }) {
  return await db()
      .select({ at: auditLog.at, action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, userName: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(eq(auditLog.organisationId, user.organisationId))
      .orderBy(desc(auditLog.id))
      .limit(limit);
}

/** Roles a membership may hold, by organisation kind (design.md, "Three users, one tenancy rule"). */
export const rolesByKind: Record<"buyer" | "supplier" | "platform", readonly Role[]> = {
  buyer: ["buyer", "evaluator", "rse"],
  supplier: ["supplier"],
  platform: ["admin"],
};

export type RoleChangeResult = { ok: true; message: string } | { ok: false; message: string };

/** Platform administration: change one membership's role, within what its organisation allows. */
export async function changeMembershipRole({ user: admin, membershipId, role }: { user: CurrentUser; membershipId: number; role: Role }): Promise<RoleChangeResult> {
  requireAdmin(admin);
  return await transaction(async (tx) => {
      const row = (await tx
            .select({ id: memberships.id, role: memberships.role, kind: organisations.kind, organisationId: organisations.id, userName: users.name })
            .from(memberships)
            .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.id, membershipId), isNull(memberships.deletedAt))).limit(1))[0];
      if (!row) throw notFound("Ce membre n'existe pas.");
      if (!rolesByKind[row.kind].includes(role)) {
        return { ok: false as const, message: `Le rôle « ${role} » n'existe pas dans une organisation de ce type.` };
      }
      if (row.id === admin.membershipId) return { ok: false as const, message: "Vous ne pouvez pas changer votre propre rôle." };
      if (row.role === role) return { ok: true as const, message: "Rôle inchangé." };
      await tx.update(memberships).set({ role }).where(eq(memberships.id, row.id));
      await audit(tx, { userId: admin.id, organisationId: row.organisationId, action: "membership.role-change", targetType: "membership", targetId: row.id, details: { from: row.role, to: role } });
      return { ok: true as const, message: `Rôle de ${row.userName} modifié.` };
    });
}


/**
 * The procurement regime of a buying organisation (issue 11 §2). Internal: callers have already scoped the
 * organisation (the tender they loaded for the acting user, or the user's own organisation).
 */
export async function regimeOfOrganisation(organisationId: number): Promise<ProcurementRegime> {
  return (await db().select({ regime: organisations.procurementRegime }).from(organisations).where(eq(organisations.id, organisationId)).limit(1))[0]?.regime ?? "public";
}

/**
 * Platform administration: sets a buying organisation's procurement regime. Published tenders keep the regime
 * frozen in their method; drafts and new tenders follow the new one. Audited in the organisation's journal.
 */
export async function setOrganisationRegime({ user: admin, organisationId, regime }: { user: CurrentUser; organisationId: number; regime: ProcurementRegime }): Promise<RoleChangeResult> {
  requireAdmin(admin);
  return await transaction(async (tx) => {
      const org = (await tx
            .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, regime: organisations.procurementRegime })
            .from(organisations)
            .where(and(eq(organisations.id, organisationId), isNull(organisations.deletedAt))).limit(1))[0];
      if (!org) throw notFound("Cette organisation n'existe pas.");
      if (org.kind !== "buyer") return { ok: false as const, message: "Seule une organisation acheteuse a un régime d'achat." };
      if (org.regime === regime) return { ok: true as const, message: "Régime inchangé." };
      await tx.update(organisations).set({ procurementRegime: regime }).where(eq(organisations.id, org.id));
      await audit(tx, { userId: admin.id, organisationId: org.id, action: "organisation.regime-change", targetType: "organisation", targetId: org.id, details: { from: org.regime, to: regime } });
      return { ok: true as const, message: `${org.name} : ${regimeLabels[regime]}.` };
    });
}
