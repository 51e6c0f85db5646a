/**
 * Scope 3 activity data of a buying organisation (CSR team) and its estimate — the database side
 * of `scope3.ts`. Every query is scoped to the acting user's organisation; activity data can only
 * name suppliers linked to it (`csr.server.ts`). Deletions are soft.
 */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { activityData, factorSets, factors, organisations } from "#db/schema";
import { requireCsrTeam } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { AutoDecoder, CsvUnreadableError, type FactorIssue } from "#emission-factors";
import { audit } from "~/lib/audit.server";
import { csvNumber, toCsv } from "~/lib/csv";
import { formatBytes, frCount } from "~/lib/format";
import { db, type Tx, transaction } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import { affectedRows } from "#db/transaction";
import { parseActivityCsv } from "./activity-csv";
import { linkedSuppliers } from "./csr.server";
import { ghgCategoryLabel, segmentLabel, unitLabel } from "./labels";
import { declarationsToOrganisation, supplierFiguresOf } from "./allocated.server";
import { priceIndexOf } from "./deflators.server";
import { organisationRatios } from "./reference-ratios.server";
import type { ActivityFields } from "./schemas";
import { computeScope3, type ActivityLine, type Scope3Result, type SupplierFactor } from "./scope3";

export const ACTIVITY_MAX_BYTES = 5 * 1024 * 1024;

async function activityRows(user: CurrentUser, year: number | null): Promise<ActivityLine[]> {
  return (await db()
      .select({
        id: activityData.id,
        supplierOrganisationId: activityData.supplierOrganisationId,
        supplierName: organisations.name,
        year: activityData.year,
        segment: activityData.segment,
        ghgCategory: activityData.ghgCategory,
        item: activityData.item,
        spendKEur: activityData.spendKEur,
        quantity: activityData.quantity,
        activityUnit: activityData.activityUnit,
        tenderFactor: activityData.tenderFactorKgPerUnit,
        provenance: activityData.provenance,
      })
      .from(activityData)
      .innerJoin(organisations, eq(organisations.id, activityData.supplierOrganisationId))
      .where(and(eq(activityData.organisationId, user.organisationId), isNull(activityData.deletedAt), year === null ? undefined : eq(activityData.year, year)))
      .orderBy(asc(activityData.ghgCategory), asc(organisations.name), asc(activityData.segment), asc(activityData.id)))
    .map(({ tenderFactor, ...r }) => ({ ...r, tenderFactorKgPerUnit: tenderFactor === null ? null : Number(tenderFactor) }));
}

/** Years with activity data (newest first). */
export async function activityYears({ user }: { user: CurrentUser }): Promise<number[]> {
  requireCsrTeam(user);
  return (await db()
      .selectDistinct({ year: activityData.year })
      .from(activityData)
      .where(and(eq(activityData.organisationId, user.organisationId), isNull(activityData.deletedAt)))
      .orderBy(desc(activityData.year)))
    .map((r) => r.year);
}

/** Factors of the latest version of each supplier, restricted to the segments in use. */
async function latestFactors(supplierIds: number[], segmentsInUse: string[]): Promise<Map<number, SupplierFactor[]>> {
  const bySupplier = new Map<number, SupplierFactor[]>();
  if (supplierIds.length === 0 || segmentsInUse.length === 0) return bySupplier;
  const sets = await db()
      .select({ id: factorSets.id, supplierId: factorSets.supplierOrganisationId, version: factorSets.version })
      .from(factorSets)
      .where(inArray(factorSets.supplierOrganisationId, supplierIds))
      .orderBy(desc(factorSets.version));
  const latest = new Map<number, { id: number; version: number }>();
  for (const s of sets) if (!latest.has(s.supplierId)) latest.set(s.supplierId, { id: s.id, version: s.version });
  const setInfo = new Map([...latest.entries()].map(([supplierId, s]) => [s.id, { supplierId, version: s.version }]));
  if (setInfo.size === 0) return bySupplier;
  const rows = await db()
      .select({
        id: factors.id,
        setId: factors.setId,
        line: factors.line,
        item: factors.item,
        segment: factors.segment,
        ghgCategory: factors.ghgCategory,
        activityUnit: factors.activityUnit,
        valueKgPerUnit: factors.valueKgPerUnit,
        referenceYear: factors.referenceYear,
        verifiedBy: factors.verifiedBy,
      })
      .from(factors)
      .where(and(inArray(factors.setId, [...setInfo.keys()]), inArray(factors.segment, segmentsInUse)));
  for (const r of rows) {
    const info = setInfo.get(r.setId);
    if (!info) continue;
    const list = bySupplier.get(info.supplierId) ?? [];
    list.push({ ...r, version: info.version });
    bySupplier.set(info.supplierId, list);
  }
  return bySupplier;
}

/** The estimate for one year (or every year), with both columns and totals per GHG category. */
export async function scope3Estimate({ user, year }: { user: CurrentUser; year: number | null }): Promise<Scope3Result> {
  requireCsrTeam(user);
  const lines = await activityRows(user, year);
  const supplierIds = [...new Set(lines.map((l) => l.supplierOrganisationId))];
  const segmentsInUse = [...new Set(lines.map((l) => l.segment))];
  return computeScope3(lines, await latestFactors(supplierIds, segmentsInUse), await organisationRatios({ user }), await priceIndexOf({ user }));
}

async function insertActivity(tx: Tx, user: CurrentUser, supplierOrganisationId: number, a: ActivityFields): Promise<number> {
  return (await tx
      .insert(activityData)
      .values({
        organisationId: user.organisationId,
        supplierOrganisationId,
        year: a.year,
        segment: a.segment,
        ghgCategory: a.ghgCategory,
        item: a.item,
        spendKEur: a.spendKEur,
        quantity: a.quantity,
        activityUnit: a.activityUnit,
        createdBy: user.id,
      })
      .returning({ id: activityData.id }))[0]!.id;
}

export async function addActivity({ user, input }: { user: CurrentUser; input: ActivityFields & { supplierOrganisationId: number } }): Promise<number> {
  if (!(await linkedSuppliers({ user })).some((s) => s.id === input.supplierOrganisationId)) {
    throw new AppError("invalid", "Ce fournisseur n'est pas lié à votre organisation.");
  }
  return await transaction(async (tx) => {
      const id = await insertActivity(tx, user, input.supplierOrganisationId, input);
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "scope3.activity-add", targetType: "activity_data", targetId: id, details: { ...input } });
      return id;
    });
}

export async function deleteActivity({ user, activityId: id }: { user: CurrentUser; activityId: number }): Promise<void> {
  requireCsrTeam(user);
  await transaction(async (tx) => {
        const done = await tx
              .update(activityData)
              .set({ deletedAt: new Date().toISOString() })
              .where(and(eq(activityData.id, id), eq(activityData.organisationId, user.organisationId), isNull(activityData.deletedAt)));
        if (affectedRows(done) !== 1) throw new AppError("not-found", "Cette ligne n'existe pas ou vous n'y avez pas accès.");
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "scope3.activity-delete", targetType: "activity_data", targetId: id });
      });
}

export type ActivityImportResult = { ok: true; imported: number; warnings: string[] } | { ok: false; errors: FactorIssue[]; warnings: string[] };

/** Import an activity CSV: every line valid → all inserted in one transaction; else nothing. */
export async function importActivityCsv({ user, bytes, fileName }: { user: CurrentUser; bytes: Uint8Array; fileName: string }): Promise<ActivityImportResult> {
  requireCsrTeam(user);
  let text: string;
  try {
    const decoder = new AutoDecoder();
    text = decoder.push(bytes) + decoder.end();
  } catch (e) {
    if (e instanceof CsvUnreadableError) return { ok: false, errors: [{ line: 1, column: "", message: e.message }], warnings: [] };
    throw e;
  }
  const parsed = parseActivityCsv(text, await linkedSuppliers({ user }));
  if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors, warnings: parsed.warnings };
  await transaction(async (tx) => {
        for (const row of parsed.rows) await insertActivity(tx, user, row.supplierOrganisationId, row);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "scope3.activity-import", targetType: "activity_data", details: { fileName, rows: parsed.rows.length } });
      });
  return { ok: true, imported: parsed.rows.length, warnings: parsed.warnings };
}

const basisLabels = {
  "tender-factor": "facteur de l'offre retenue (bordereau)",
  "supplier-quantity": "facteur fournisseur (quantité)",
  "supplier-spend": "facteur fournisseur (k€)",
  "monetary-fallback": "repli : ratio monétaire",
  none: "non estimé",
} as const;

/** The scope 3 page: the estimate for one year (or all), the years and suppliers it can show, as the page displays them. */
export async function scope3Page({ user, year }: { user: CurrentUser; year: number | null }) {
  const result = await scope3Estimate({ user, year });
  return {
    /** Per supplier and year: spend × ratio, Σ activity × supplier factors, allocated emissions, and the one the inventory uses. */
    supplierFigures: supplierFiguresOf(result, await declarationsToOrganisation({ user, year })),
    year,
    years: await activityYears({ user }),
    suppliers: await linkedSuppliers({ user }),
    maxBytesLabel: formatBytes(ACTIVITY_MAX_BYTES),
    byCategory: result.byCategory.map((c) => ({ ...c, label: ghgCategoryLabel(c.ghgCategory) })),
    total: result.total,
    lines: result.lines.map((e) => ({
      id: e.line.id,
      supplierName: e.line.supplierName,
      year: e.line.year,
      segment: segmentLabel(e.line.segment),
      ghgCategory: e.line.ghgCategory,
      item: e.line.item,
      spendKEur: e.line.spendKEur,
      quantity: e.line.quantity,
      activityUnit: e.line.activityUnit,
      unitLabel: unitLabel(e.line.activityUnit),
      specificKg: e.specificKg,
      basis: e.basis,
      basisLabel: basisLabels[e.basis],
      monetaryKg: e.monetaryKg,
      differenceKg: e.differenceKg,
      note: e.note,
      conversions: e.conversions.map((c) => c.label),
      fromTender: e.line.provenance != null,
    })),
  };
}
export type Scope3Page = Awaited<ReturnType<typeof scope3Page>>;

/**
 * The estimate as CSV: numbers as a French spreadsheet reads them (`csvNumber`: decimal comma, no
 * thousands separator, negative differences stay numbers), units in French (`Go.mois`, not
 * `GB.month`), every text cell formula-safe (app/lib/csv.ts).
 */
export async function scope3Csv({ user, year }: { user: CurrentUser; year: number | null }): Promise<string> {
  const result = await scope3Estimate({ user, year });
  const num = (n: number | null) => csvNumber(n, 3);
  const rows: unknown[][] = [
    [
      "annee",
      "fournisseur",
      "categorie_ghg",
      "segment",
      "libelle",
      "depense_keur_ht",
      "quantite",
      "unite",
      "kgco2e_facteurs_fournisseurs",
      "methode",
      "kgco2e_ratios_monetaires",
      "difference_kgco2e",
      "detail",
      "conversion_annee",
    ],
  ];
  for (const e of result.lines) {
    const l = e.line;
    rows.push([
      l.year,
      l.supplierName,
      l.ghgCategory,
      segmentLabel(l.segment),
      l.item,
      num(l.spendKEur),
      num(l.quantity),
      unitLabel(l.activityUnit),
      num(e.specificKg),
      basisLabels[e.basis],
      num(e.monetaryKg),
      num(e.differenceKg),
      e.note,
      e.conversions.map((c) => c.label).join(" ; "),
    ]);
  }
  rows.push([]);
  rows.push(["total par catégorie", "", "categorie_ghg", "", "", "", "", "", "kgco2e_facteurs_fournisseurs", "", "kgco2e_ratios_monetaires", "difference_kgco2e", ""]);
  for (const c of result.byCategory) {
    rows.push(["", "", ghgCategoryLabel(c.ghgCategory), "", "", "", "", "", num(c.specificKg), "", num(c.monetaryKg), num(c.differenceKg), frCount(c.lines, "ligne")]);
  }
  rows.push(["total", "", "", "", "", "", "", "", num(result.total.specificKg), "", num(result.total.monetaryKg), num(result.total.differenceKg), frCount(result.total.lines, "ligne")]);
  await audit(db(), { userId: user.id, organisationId: user.organisationId, action: "scope3.export", details: { year, lines: result.lines.length } });
  return toCsv(rows, { delimiter: ";", bom: true });
}
