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
import { db, transaction } from "~/lib/db.server";
import { runTransaction } from "#db/transaction";
import type { DeflatorInput } from "./schemas";
import type { PriceIndex } from "./scope3";

async function ensureDeflators(organisationId: number): Promise<void> {
  const database = db();
  const existing = (await database.select({ id: deflators.id }).from(deflators).where(eq(deflators.organisationId, organisationId)).limit(1))[0];
  if (existing) return;
  await runTransaction(database, async (tx) => {
        for (const d of defaultDeflators) {
          await tx.insert(deflators).values({ organisationId, year: d.year, index: d.index, source: d.source, verified: false }).onConflictDoNothing();
        }
      });
}

/** The organisation's price indices, oldest year first (initialised from the defaults). */
export async function listDeflators({ user }: { user: CurrentUser }) {
  requireCsrTeam(user);
  await ensureDeflators(user.organisationId);
  return await db().select().from(deflators).where(eq(deflators.organisationId, user.organisationId)).orderBy(asc(deflators.year));
}

/** Year → index, for the scope 3 estimate. */
export async function priceIndexOf({ user }: { user: CurrentUser }): Promise<PriceIndex> {
  return new Map((await listDeflators({ user })).map((d) => [d.year, d.index]));
}

/** Save (add or replace) the index of a year; a value saved by the CSR team counts as verified. */
export async function saveDeflator({ user, input }: { user: CurrentUser; input: DeflatorInput }): Promise<void> {
  requireCsrTeam(user);
  await ensureDeflators(user.organisationId);
  await transaction(async (tx) => {
        const before = (await tx.select().from(deflators).where(and(eq(deflators.organisationId, user.organisationId), eq(deflators.year, input.year))).limit(1))[0];
        if (before) {
          await tx.update(deflators)
                    .set({ index: input.index, source: input.source, verified: true, updatedBy: user.id, updatedAt: new Date().toISOString() })
                    .where(eq(deflators.id, before.id));
        } else {
          await tx.insert(deflators).values({ organisationId: user.organisationId, year: input.year, index: input.index, source: input.source, verified: true, updatedBy: user.id });
        }
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "deflator.save",
                targetType: "deflator",
                targetId: before?.id ?? input.year,
                details: { year: input.year, before: before ? { index: before.index, source: before.source, verified: before.verified } : null, after: input },
              });
      });
}
