/**
 * Emissions a supplier allocates to a customer organisation (issue 18 §3, as CDP supply chain asks).
 *
 * Supplier side, scoped to the acting supplier's organisation: it declares only for the buying
 * organisations that invited it (accepted, not revoked invitation: `invitationsLinkingCustomersTo`),
 * sees only its own declarations; one live declaration per customer and year (a new one replaces
 * it; every change is audited, a withdrawal is a soft delete); evidence files are stored untouched.
 * CSR side: the declarations made to the acting user's organisation, for the three-figure view.
 */
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { allocatedEmissions, files, invitations, organisations } from "#db/schema";
import { invitationsLinkingCustomersTo, requireCsrTeam, requireSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { AppError, notFound } from "~/lib/errors";
import { storeFile } from "~/lib/files.server";
import type { AllocatedInput } from "./schemas";
import type { Scope3Result } from "./scope3";
import { inventoryFigure, type SupplierFigures } from "./supplier-figures";

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const DECLARATION_NOT_FOUND = "Cette déclaration n'existe pas ou vous n'y avez pas accès.";

/** The buying organisations that invited the acting supplier (the only ones it may declare to). */
export async function customersOf({ user }: { user: CurrentUser }): Promise<{ id: number; name: string }[]> {
  requireSupplier(user);
  return await db()
      .selectDistinct({ id: organisations.id, name: organisations.name })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .where(and(invitationsLinkingCustomersTo(user.organisationId), isNull(organisations.deletedAt)))
      .orderBy(asc(organisations.name));
}

/** The acting supplier's live declarations, newest year first. */
export async function listOwnDeclarations({ user }: { user: CurrentUser }) {
  requireSupplier(user);
  return (await db()
      .select({ d: allocatedEmissions, customerName: organisations.name, evidenceName: files.originalName })
      .from(allocatedEmissions)
      .innerJoin(organisations, eq(organisations.id, allocatedEmissions.customerOrganisationId))
      .leftJoin(files, eq(files.id, allocatedEmissions.evidenceFileId))
      .where(and(eq(allocatedEmissions.supplierOrganisationId, user.organisationId), isNull(allocatedEmissions.deletedAt)))
      .orderBy(desc(allocatedEmissions.year), asc(organisations.name)))
    .map((r) => ({ ...r.d, customerName: r.customerName, evidenceName: r.evidenceName }));
}

/** Declare (or replace) the emissions allocated to one customer for one year. */
export async function declareAllocated({
  user,
  input,
  evidence,
}: {
  user: CurrentUser;
  input: AllocatedInput;
  evidence: { name: string; type: string; bytes: Uint8Array } | null;
}): Promise<number> {
  requireSupplier(user);
  if (!(await customersOf({ user })).some((c) => c.id === input.customerOrganisationId)) {
    throw new AppError("invalid", "Vous ne pouvez déclarer qu'à une organisation qui vous a invité à l'une de ses consultations.");
  }
  const file = evidence ? await storeFile({ organisationId: user.organisationId, uploadedBy: user.id, originalName: evidence.name.slice(0, 255) || "justificatif", mimeType: evidence.type || "application/octet-stream", bytes: evidence.bytes }) : null;
  return await transaction(async (tx) => {
      const before = (await tx
            .select()
            .from(allocatedEmissions)
            .where(
              and(
                eq(allocatedEmissions.supplierOrganisationId, user.organisationId),
                eq(allocatedEmissions.customerOrganisationId, input.customerOrganisationId),
                eq(allocatedEmissions.year, input.year),
                isNull(allocatedEmissions.deletedAt),
              ),
            ).limit(1))[0];
      const now = new Date().toISOString();
      if (before) await tx.update(allocatedEmissions).set({ deletedAt: now }).where(eq(allocatedEmissions.id, before.id));
      const row = (await tx
            .insert(allocatedEmissions)
            .values({
              supplierOrganisationId: user.organisationId,
              customerOrganisationId: input.customerOrganisationId,
              year: input.year,
              scope12T: input.scope12T,
              scope3UpstreamT: input.scope3UpstreamT,
              method: input.method,
              methodDescription: input.methodDescription,
              verification: input.verification,
              verifiedBy: input.verifiedBy,
              uncertaintyPct: input.uncertaintyPct,
              // A replacement keeps the earlier evidence unless a new file is given.
              evidenceFileId: file?.id ?? before?.evidenceFileId ?? null,
              createdBy: user.id,
            })
            .returning({ id: allocatedEmissions.id }))[0]!;
      await audit(tx, {
              userId: user.id,
              organisationId: user.organisationId,
              action: before ? "allocated-emissions.replace" : "allocated-emissions.declare",
              targetType: "allocated_emissions",
              targetId: row.id,
              details: { ...input, replaces: before?.id ?? null, evidenceFileId: file?.id ?? null },
            });
      return row.id;
    });
}

/** Withdraw one of the acting supplier's declarations (soft delete); not found or not theirs: 404. */
export async function withdrawAllocated({ user, id }: { user: CurrentUser; id: number }): Promise<void> {
  requireSupplier(user);
  await transaction(async (tx) => {
        const done = await tx
              .update(allocatedEmissions)
              .set({ deletedAt: new Date().toISOString() })
              .where(and(eq(allocatedEmissions.id, id), eq(allocatedEmissions.supplierOrganisationId, user.organisationId), isNull(allocatedEmissions.deletedAt)))
              .returning({ id: allocatedEmissions.id });
        if (done.length === 0) throw notFound(DECLARATION_NOT_FOUND);
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "allocated-emissions.withdraw", targetType: "allocated_emissions", targetId: id });
      });
}

/** Declarations made to the acting CSR team's organisation (live ones), for a year or all. */
export async function declarationsToOrganisation({ user, year }: { user: CurrentUser; year: number | null }) {
  requireCsrTeam(user);
  return (await db()
      .select({ d: allocatedEmissions, supplierName: organisations.name })
      .from(allocatedEmissions)
      .innerJoin(organisations, eq(organisations.id, allocatedEmissions.supplierOrganisationId))
      .where(
        and(
          eq(allocatedEmissions.customerOrganisationId, user.organisationId),
          isNull(allocatedEmissions.deletedAt),
          year === null ? undefined : eq(allocatedEmissions.year, year),
        ),
      ))
    .map((r) => ({ ...r.d, supplierName: r.supplierName }));
}

const verificationLabels = { none: "non vérifiées", limited: "assurance limitée", reasonable: "assurance raisonnable" } as const;
const methodLabels = { "revenue-share": "part du chiffre d'affaires", "physical-units": "unités physiques", other: "autre" } as const;

/**
 * Per supplier and year: the three figures side by side and the one the inventory uses
 * (`supplier-figures.ts`), from the estimate's lines and the declarations made to the organisation.
 */
export function supplierFiguresOf(result: Scope3Result, declarations: Awaited<ReturnType<typeof declarationsToOrganisation>>) {
  const byKey = new Map<string, SupplierFigures & { lines: number; supplierLines: number; declaration: (typeof declarations)[number] | null }>();
  const entry = (supplierOrganisationId: number, supplierName: string, year: number) => {
    const k = `${supplierOrganisationId}:${year}`;
    let e = byKey.get(k);
    if (!e) {
      e = {
        supplierOrganisationId,
        supplierName,
        year,
        spendRatioKg: null,
        activityFactorsKg: null,
        activityComplete: false,
        activityVerified: true,
        allocatedKg: null,
        allocatedComplete: false,
        allocatedVerified: false,
        lines: 0,
        supplierLines: 0,
        declaration: null,
      };
      byKey.set(k, e);
    }
    return e;
  };
  for (const l of result.lines) {
    const e = entry(l.line.supplierOrganisationId, l.line.supplierName, l.line.year);
    e.lines++;
    if (l.monetaryKg !== null) e.spendRatioKg = (e.spendRatioKg ?? 0) + l.monetaryKg;
    if ((l.basis === "supplier-quantity" || l.basis === "supplier-spend") && l.specificKg !== null) {
      e.supplierLines++;
      e.activityFactorsKg = (e.activityFactorsKg ?? 0) + l.specificKg;
      if (!l.factor?.verifiedBy) e.activityVerified = false;
    }
  }
  for (const d of declarations) {
    const e = entry(d.supplierOrganisationId, d.supplierName, d.year);
    e.declaration = d;
    e.allocatedKg = (d.scope12T + (d.scope3UpstreamT ?? 0)) * 1000;
    e.allocatedComplete = d.scope3UpstreamT !== null;
    e.allocatedVerified = d.verification !== "none";
  }
  return [...byKey.values()]
    .map((e) => {
      const complete = e.lines > 0 && e.supplierLines === e.lines;
      const figures: SupplierFigures = { ...e, activityComplete: complete, activityVerified: e.supplierLines > 0 && e.activityVerified };
      const d = e.declaration;
      return {
        ...figures,
        lines: e.lines,
        supplierLines: e.supplierLines,
        allocated: d
          ? {
              scope12T: d.scope12T,
              scope3UpstreamT: d.scope3UpstreamT,
              method: methodLabels[d.method] + (d.methodDescription ? ` (${d.methodDescription})` : ""),
              verification: verificationLabels[d.verification] + (d.verifiedBy ? ` — ${d.verifiedBy}` : ""),
              uncertaintyPct: d.uncertaintyPct,
            }
          : null,
        choice: inventoryFigure(figures),
      };
    })
    .sort((a, b) => b.year - a.year || a.supplierName.localeCompare(b.supplierName, "fr"));
}
