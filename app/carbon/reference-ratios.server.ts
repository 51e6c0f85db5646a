/**
 * Reference monetary ratios (kgCO2e per k€ HT) of a buying organisation: stored as data with
 * their source and year, editable by the CSR team. An organisation that has none gets the default
 * set of questionnaires/emission-factors (illustrative values, to verify) the first time they are
 * read — inserted once, in a transaction, then edited freely.
 */
import { and, asc, eq } from "drizzle-orm";
import { referenceRatios } from "#db/schema";
import { defaultReferenceRatios } from "#questionnaires/emission-factors";
import { requireCsrTeam } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import { runTransaction } from "#db/transaction";
import type { RatioCreate, RatioUpdate } from "./schemas";

export type ReferenceRatioRow = typeof referenceRatios.$inferSelect;

/** Insert the default ratios for an organisation that has none (idempotent). */
async function ensureReferenceRatios(organisationId: number): Promise<void> {
  const database = db();
  const existing = (await database.select({ id: referenceRatios.id }).from(referenceRatios).where(eq(referenceRatios.organisationId, organisationId)).limit(1))[0];
  if (existing) return;
  await runTransaction(database, async (tx) => {
        for (const r of defaultReferenceRatios) {
          await tx.insert(referenceRatios)
                    .values({ organisationId, key: r.key, label: r.label, kgPerKEur: r.kgPerKEur, ghgCategory: r.ghgCategory, source: r.source, year: r.year })
                    .onConflictDoNothing();
        }
      });
}

/** The CSR team's organisation's ratios (initialised from the defaults when it has none). */
export async function organisationRatios({ user }: { user: CurrentUser }): Promise<ReferenceRatioRow[]> {
  requireCsrTeam(user);
  await ensureReferenceRatios(user.organisationId);
  return await db().select().from(referenceRatios).where(eq(referenceRatios.organisationId, user.organisationId)).orderBy(asc(referenceRatios.key));
}

/**
 * The reference ratios of a buying organisation, for the buying side's own use (bill of quantities:
 * plausibility and the evaluator's conservative replacement). The caller has checked that the user
 * acts for that organisation's tender; initialised from the defaults like `organisationRatios`.
 */
export async function referenceRatiosOfBuyer(organisationId: number): Promise<ReferenceRatioRow[]> {
  await ensureReferenceRatios(organisationId);
  return await db().select().from(referenceRatios).where(eq(referenceRatios.organisationId, organisationId)).orderBy(asc(referenceRatios.key));
}

export async function listReferenceRatios({ user }: { user: CurrentUser }) {
  const defaults = new Map(defaultReferenceRatios.map((r) => [r.key, r]));
  return (await organisationRatios({ user })).map((r) => {
    const d = defaults.get(r.key);
    const changed = d ? d.kgPerKEur !== r.kgPerKEur || d.source !== r.source || d.year !== r.year || d.label !== r.label : true;
    return {
      ...r,
      defaultValue: d ? { kgPerKEur: d.kgPerKEur, source: d.source, year: d.year, note: d.note } : null,
      changed,
      /** Where the value comes from: the demo set (untouched default), a Base Empreinte element, or typed by the CSR team. */
      origin: r.externalId ? ("base-empreinte" as const) : d && !changed ? ("demo" as const) : ("manual" as const),
    };
  });
}

export async function updateReferenceRatio({ user, input }: { user: CurrentUser; input: RatioUpdate }): Promise<void> {
  requireCsrTeam(user);
  await transaction(async (tx) => {
        const before = (await tx.select().from(referenceRatios).where(and(eq(referenceRatios.id, input.id), eq(referenceRatios.organisationId, user.organisationId))).limit(1))[0];
        if (!before) throw new AppError("not-found", "Ce ratio n'existe pas ou vous n'y avez pas accès.");
        await tx.update(referenceRatios)
                // Edited by hand: no longer the Base Empreinte element it may have come from.
                .set({ label: input.label, kgPerKEur: input.kgPerKEur, source: input.source, year: input.year, externalId: null, unit: null, status: null, updatedBy: user.id, updatedAt: new Date().toISOString() })
                .where(eq(referenceRatios.id, before.id));
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "reference-ratio.update",
                targetType: "reference_ratio",
                targetId: before.id,
                details: {
                  key: before.key,
                  before: { label: before.label, kgPerKEur: before.kgPerKEur, source: before.source, year: before.year },
                  after: { label: input.label, kgPerKEur: input.kgPerKEur, source: input.source, year: input.year },
                },
              });
      });
}

export async function createReferenceRatio({ user, input }: { user: CurrentUser; input: RatioCreate }): Promise<{ ok: true } | { ok: false; message: string }> {
  requireCsrTeam(user);
  await ensureReferenceRatios(user.organisationId);
  return await transaction(async (tx) => {
      const exists = (await tx.select({ id: referenceRatios.id }).from(referenceRatios).where(and(eq(referenceRatios.organisationId, user.organisationId), eq(referenceRatios.key, input.key))).limit(1))[0];
      if (exists) return { ok: false as const, message: "Un ratio existe déjà pour cette clé : modifiez-le dans le tableau." };
      const category = /^categorie-(\d+)$/.exec(input.key);
      const row = (await tx
            .insert(referenceRatios)
            .values({
              organisationId: user.organisationId,
              key: input.key,
              label: input.label,
              kgPerKEur: input.kgPerKEur,
              ghgCategory: category ? Number(category[1]) : null,
              source: input.source,
              year: input.year,
              updatedBy: user.id,
            })
            .returning({ id: referenceRatios.id }))[0]!;
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "reference-ratio.create", targetType: "reference_ratio", targetId: row.id, details: { ...input } });
      return { ok: true as const };
    });
}
