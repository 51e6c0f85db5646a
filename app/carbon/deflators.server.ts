/**
 * Price index per year of a buying organisation (CSR team), to convert a spend into the euros of a
 * monetary ratio's year (issue 18). An organisation that has none gets the default table of
 * questionnaires/emission-factors/deflators.ts (« à vérifier ») the first time it is read; a value
 * saved by the CSR team is marked verified. Every change is audited.
 */
import { and, asc, eq } from "drizzle-orm";
import { deflators } from "#db/schema";
import { defaultDeflators } from "#questionnaires/emission-factors";
import { requireCsrTeam } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import type { DeflatorInput } from "./schemas";
import type { PriceIndex } from "./scope3";

function ensureDeflators(organisationId: number): void {
  const database = db();
  const existing = database.select({ id: deflators.id }).from(deflators).where(eq(deflators.organisationId, organisationId)).limit(1).get();
  if (existing) return;
  database.transaction((tx) => {
    for (const d of defaultDeflators) {
      tx.insert(deflators).values({ organisationId, year: d.year, index: d.index, source: d.source, verified: false }).onConflictDoNothing().run();
    }
  });
}

/** The organisation's price indices, oldest year first (initialised from the defaults). */
export function listDeflators({ user }: { user: CurrentUser }) {
  requireCsrTeam(user);
  ensureDeflators(user.organisationId);
  return db().select().from(deflators).where(eq(deflators.organisationId, user.organisationId)).orderBy(asc(deflators.year)).all();
}

/** Year → index, for the scope 3 estimate. */
export function priceIndexOf({ user }: { user: CurrentUser }): PriceIndex {
  return new Map(listDeflators({ user }).map((d) => [d.year, d.index]));
}

/** Save (add or replace) the index of a year; a value saved by the CSR team counts as verified. */
export function saveDeflator({ user, input }: { user: CurrentUser; input: DeflatorInput }): void {
  requireCsrTeam(user);
  ensureDeflators(user.organisationId);
  db().transaction((tx) => {
    const before = tx.select().from(deflators).where(and(eq(deflators.organisationId, user.organisationId), eq(deflators.year, input.year))).get();
    if (before) {
      tx.update(deflators)
        .set({ index: input.index, source: input.source, verified: true, updatedBy: user.id, updatedAt: new Date().toISOString() })
        .where(eq(deflators.id, before.id))
        .run();
    } else {
      tx.insert(deflators).values({ organisationId: user.organisationId, year: input.year, index: input.index, source: input.source, verified: true, updatedBy: user.id }).run();
    }
    audit(tx, {
      userId: user.id,
      organisationId: user.organisationId,
      action: "deflator.save",
      targetType: "deflator",
      targetId: before?.id ?? input.year,
      details: { year: input.year, before: before ? { index: before.index, source: before.source, verified: before.verified } : null, after: input },
    });
  });
}
