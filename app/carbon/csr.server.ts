/**
 * The CSR team's view of supplier emission factors, scoped to its buying organisation: only the
 * suppliers "linked" to it — a supplier organisation that accepted (and was not revoked) an
 * invitation to one of the organisation's tenders. Anything else is "not found" (404).
 *
 * A supplier's factor set is the supplier's own catalogue (one version sequence per supplier):
 * every linked buying organisation sees the same versions; the latest is shown by default and
 * earlier ones stay reachable. The tender a version was tied to is shown only when it is one of
 * the viewer's own tenders.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/connection";
import { factorSets, factorUploads, factors, invitations, organisations, tenders } from "#db/schema";
import { invitationsLinkingSuppliersTo, requireCsrTeam, tenderOwnedBy } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { plausibilityOf } from "#emission-factors";
import { db } from "~/lib/db.server";
import { AppError } from "~/lib/errors";
import { pageOfFactors, rowToFactor, unsafeFactorsOfSets } from "./factor-queries.server";
import { organisationRatios } from "./reference-ratios.server";

export const SUPPLIER_NOT_FOUND = "Ce fournisseur n'existe pas ou n'est pas lié à votre organisation.";

/** Supplier organisations linked to the CSR team's buying organisation (accepted, non-revoked invitation). */
export async function linkedSuppliers({ user }: { user: CurrentUser }): Promise<{ id: number; name: string }[]> {
  requireCsrTeam(user);
  return await db()
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.supplierOrganisationId))
      .where(and(invitationsLinkingSuppliersTo(user.organisationId), isNull(organisations.deletedAt)))
      .orderBy(asc(organisations.name));
}

export interface SupplierVersion {
  id: number;
  version: number;
  createdAt: string;
  count: number;
  tenderTitle: string | null;
}

/** Every version of the given suppliers, newest first per supplier. */
async function versionsOf(database: Db, viewerOrganisationId: number, supplierIds: number[]): Promise<Map<number, SupplierVersion[]>> {
  const rows = supplierIds.length
    ? await database
              .select({
                id: factorSets.id,
                supplierId: factorSets.supplierOrganisationId,
                version: factorSets.version,
                createdAt: factorSets.createdAt,
                count: factorUploads.validRows,
                // The tender a version was tied to is shown only to the organisation that owns it.
                tenderTitle: sql<string | null>`CASE WHEN ${tenderOwnedBy(viewerOrganisationId)} THEN ${tenders.title} END`,
              })
              .from(factorSets)
              .innerJoin(factorUploads, eq(factorUploads.id, factorSets.uploadId))
              .leftJoin(tenders, eq(tenders.id, factorSets.tenderId))
              .where(inArray(factorSets.supplierOrganisationId, supplierIds))
              .orderBy(desc(factorSets.version))
    : [];
  const bySupplier = new Map<number, SupplierVersion[]>();
  for (const r of rows) {
    const list = bySupplier.get(r.supplierId) ?? [];
    list.push({ id: r.id, version: r.version, createdAt: r.createdAt, count: r.count, tenderTitle: r.tenderTitle });
    bySupplier.set(r.supplierId, list);
  }
  return bySupplier;
}

/** Linked suppliers with their factor-set versions (for the CSR home and the filters). */
export async function listSuppliersWithVersions({ user }: { user: CurrentUser }) {
  const suppliers = await linkedSuppliers({ user });
  const versions = await versionsOf(db(), user.organisationId, suppliers.map((s) => s.id));
  return suppliers.map((s) => ({ ...s, versions: versions.get(s.id) ?? [] }));
}

export interface CsrFactorFilters {
  supplierId: number | null;
  segment: string | null;
  ghgCategory: number | null;
  /** A specific version (factor set id); default: the latest version of each supplier. */
  setId: number | null;
  page: number;
}

export async function csrFactors({ user, ...filters }: { user: CurrentUser } & CsrFactorFilters) {
  const database = db();
  const suppliers = await listSuppliersWithVersions({ user });
  if (filters.supplierId !== null && !suppliers.some((s) => s.id === filters.supplierId)) throw new AppError("not-found", SUPPLIER_NOT_FOUND);

  const setOwner = new Map<number, { supplierName: string; version: number; latest: boolean }>();
  for (const s of suppliers) s.versions.forEach((v, i) => setOwner.set(v.id, { supplierName: s.name, version: v.version, latest: i === 0 }));

  let setIds: number[];
  let selectedVersion: { supplierId: number; supplierName: string; version: number; latest: boolean } | null = null;
  if (filters.setId !== null) {
    const owner = suppliers.find((s) => s.versions.some((v) => v.id === filters.setId));
    if (!owner || (filters.supplierId !== null && owner.id !== filters.supplierId)) throw new AppError("not-found", "Cette version n'existe pas ou vous n'y avez pas accès.");
    const info = setOwner.get(filters.setId)!;
    selectedVersion = { supplierId: owner.id, supplierName: owner.name, version: info.version, latest: info.latest };
    setIds = [filters.setId];
  } else {
    setIds = suppliers
      .filter((s) => filters.supplierId === null || s.id === filters.supplierId)
      .flatMap((s) => (s.versions[0] ? [s.versions[0].id] : []));
  }

  const ratios = await organisationRatios({ user });
  const where = unsafeFactorsOfSets(setIds, { segment: filters.segment, ghgCategory: filters.ghgCategory });
  const page = await pageOfFactors(database, where, {
      page: filters.page,
      ratios,
      orderBy: [asc(factors.setId), asc(factors.segment), asc(factors.line)],
    });

  const segmentOptions = setIds.length
    ? (await database
              .selectDistinct({ segment: factors.segment })
              .from(factors)
              .where(inArray(factors.setId, setIds))
              .orderBy(asc(factors.segment)))
        .map((r) => r.segment)
    : [];

  // Plausibility over every spend-based factor in scope (not only the page shown).
  const monetary = await database
      .select()
      .from(factors)
      .where(and(where, eq(factors.activityUnit, "k€")))
      .limit(10_000);
  const flagged = monetary.filter((row) => plausibilityOf(rowToFactor(row), ratios).flagged).length;
  const totalInScope = (await database.select({ n: count() }).from(factors).where(unsafeFactorsOfSets(setIds)).limit(1))[0]?.n ?? 0;

  const supplierNames: Record<number, string> = {};
  for (const id of setIds) {
    const o = setOwner.get(id);
    if (o) supplierNames[id] = `${o.supplierName} (v${o.version})`;
  }
  return { suppliers, selectedVersion, factors: page, segmentOptions, supplierNames, monetaryCount: monetary.length, flagged, totalInScope };
}
