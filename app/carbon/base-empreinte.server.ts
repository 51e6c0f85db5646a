/**
 * The CSR team's ADEME Base Empreinte library (issue 18 §2): import of the official CSV export
 * (read by `emission-factors/base-empreinte.ts`), the monetary elements it keeps, and the choice of
 * an element as the reference ratio of a purchasing segment or scope 3 category. All scoped to the
 * acting user's organisation. An import is all or nothing: one bad line, nothing is stored; the
 * archived / invalid elements of a good file are listed with the reason and left out.
 */
import { and, asc, eq } from "drizzle-orm";
import { baseEmpreinteElements, referenceRatios } from "#db/schema";
import { CsvUnreadableError, readBaseEmpreinte, type BaseEmpreinteIssue, type BaseEmpreinteRefusal } from "#emission-factors";
import { requireCsrTeam } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { AppError, notFound } from "~/lib/errors";
import { storeFile } from "~/lib/files.server";
import type { PickElementInput } from "./schemas";

/** The real export weighs tens of MB; parsed in memory, hence a bound. */
export const BASE_EMPREINTE_MAX_BYTES = 64 * 1024 * 1024;

export type BaseEmpreinteImportResult =
  | { ok: true; imported: number; refused: BaseEmpreinteRefusal[]; nonMonetary: number; encoding: string }
  | { ok: false; errors: BaseEmpreinteIssue[]; refused: BaseEmpreinteRefusal[]; formError?: string };

export async function importBaseEmpreinte({ user, bytes, fileName }: { user: CurrentUser; bytes: Uint8Array; fileName: string }): Promise<BaseEmpreinteImportResult> {
  requireCsrTeam(user);
  let read;
  try {
    read = readBaseEmpreinte(bytes);
  } catch (error) {
    if (error instanceof CsvUnreadableError) return { ok: false, errors: [], refused: [], formError: `${error.message} Rien n'a été importé.` };
    throw error;
  }
  if (read.errors.length > 0) return { ok: false, errors: read.errors, refused: read.refused };
  if (read.elements.length === 0) {
    return { ok: false, errors: [], refused: read.refused, formError: "Aucun ratio monétaire valide (unité par k€ ou par €) dans ce fichier. Rien n'a été importé." };
  }
  const file = await storeFile({ organisationId: user.organisationId, uploadedBy: user.id, originalName: fileName.slice(0, 255) || "base-empreinte.csv", mimeType: "text/csv", bytes });
  await transaction(async (tx) => {
        for (const e of read.elements) {
          const values = {
            name: e.name,
            category: e.category,
            unit: e.unit,
            value: e.value,
            kgPerKEur: e.kgPerKEur,
            status: e.status,
            year: e.year,
            yearFrom: e.yearFrom,
            validity: e.validity,
            location: e.location,
            source: e.source,
            uncertaintyPct: e.uncertaintyPct,
            posts: e.posts.map((p) => ({ type: p.type, name: p.name, value: p.value })),
            fileId: file.id,
            importedBy: user.id,
            importedAt: new Date().toISOString(),
          };
          await tx.insert(baseEmpreinteElements)
                    .values({ organisationId: user.organisationId, elementId: e.id, ...values })
                    .onConflictDoUpdate({ target: [baseEmpreinteElements.organisationId, baseEmpreinteElements.elementId], set: values });
        }
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "base-empreinte.import",
                targetType: "file",
                targetId: file.id,
                details: { elements: read.elements.length, refused: read.refused.length, nonMonetary: read.nonMonetary, encoding: read.encoding },
              });
      });
  return { ok: true, imported: read.elements.length, refused: read.refused, nonMonetary: read.nonMonetary, encoding: read.encoding };
}

/** The organisation's imported monetary elements, by name. */
export async function listBaseEmpreinte({ user }: { user: CurrentUser }) {
  requireCsrTeam(user);
  return await db().select().from(baseEmpreinteElements).where(eq(baseEmpreinteElements.organisationId, user.organisationId)).orderBy(asc(baseEmpreinteElements.name));
}

/**
 * Use an imported element as the reference ratio of a segment or category: the ratio keeps the
 * element's identifier, name, unit, year and status, and its source says where it comes from.
 */
export async function useElementAsRatio({ user, input }: { user: CurrentUser; input: PickElementInput }): Promise<void> {
  requireCsrTeam(user);
  const element = (await db()
      .select()
      .from(baseEmpreinteElements)
      .where(and(eq(baseEmpreinteElements.id, input.elementRowId), eq(baseEmpreinteElements.organisationId, user.organisationId))).limit(1))[0];
  if (!element) throw notFound("Cet élément n'existe pas ou vous n'y avez pas accès.");
  if (element.year === null) throw new AppError("invalid", `L'élément ${element.elementId} n'indique pas l'année de ses euros : impossible de l'utiliser comme ratio.`);
  const category = /^categorie-(\d+)$/.exec(input.key);
  const values = {
    label: element.name,
    kgPerKEur: element.kgPerKEur,
    source: `ADEME Base Empreinte, élément n° ${element.elementId}${element.source ? ` — ${element.source}` : ""}`,
    year: element.year,
    externalId: element.elementId,
    unit: element.unit,
    status: element.status,
    updatedBy: user.id,
    updatedAt: new Date().toISOString(),
  };
  await transaction(async (tx) => {
        const before = (await tx.select().from(referenceRatios).where(and(eq(referenceRatios.organisationId, user.organisationId), eq(referenceRatios.key, input.key))).limit(1))[0];
        let id: number;
        if (before) {
          await tx.update(referenceRatios).set(values).where(eq(referenceRatios.id, before.id));
          id = before.id;
        } else {
          id = (await tx
                  .insert(referenceRatios)
                  .values({ organisationId: user.organisationId, key: input.key, ghgCategory: category ? Number(category[1]) : null, ...values })
                  .returning({ id: referenceRatios.id }))[0]!.id;
        }
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "reference-ratio.from-base-empreinte",
                targetType: "reference_ratio",
                targetId: id,
                details: { key: input.key, elementId: element.elementId, kgPerKEur: element.kgPerKEur, year: element.year, before: before ? { label: before.label, kgPerKEur: before.kgPerKEur, year: before.year } : null },
              });
      });
}
