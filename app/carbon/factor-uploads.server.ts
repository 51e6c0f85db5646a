/**
 * The supplier's side of emission factors, always scoped to the acting user's organisation:
 * uploads (CSV and PACT JSON), versions of the factor set, one version's factors, PACT export.
 * Not found and not yours look the same (404).
 */
import fs from "node:fs";
import { and, asc, desc, eq } from "drizzle-orm";
import { factorSets, factorUploads, factors, files, organisations, tenders } from "#db/schema";
import { defaultReferenceRatios } from "#questionnaires/emission-factors";
import { requireSupplier, tendersVisibleToSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { config } from "~/config.server";
import { factorsToPact, pactToFactors, type FactorIssue, type NormalisedFactor, type PactExportVersion } from "#emission-factors";
import { audit } from "~/lib/audit.server";
import { formatParis, isPast } from "~/lib/dates";
import { formatBytes } from "~/lib/format";
import { db } from "~/lib/db.server";
import { AppError, notFound } from "~/lib/errors";
import type { StoredBlob } from "./blob-store.server";
import { pageOfFactors, rowToFactor, unsafeFactorsOfSets } from "./factor-queries.server";
import { recordPactImport, validateAndRecordCsv, type RecordedUpload } from "./factor-store.server";
import { parseStoredReport } from "./report";
import type { UploadFields } from "./schemas";
import { tooLargeMessage, type ReceivedUpload } from "./upload-receiver.server";

export const UPLOAD_NOT_FOUND = "Ce dépôt n'existe pas ou vous n'y avez pas accès.";
export const SET_NOT_FOUND = "Cette version n'existe pas ou vous n'y avez pas accès.";
/** PACT files are parsed whole (JSON): a tighter limit than CSV files. */
export const PACT_MAX_BYTES = 20 * 1024 * 1024;

export function factorsMaxBytes(): number {
  return config().factorsMaxFileBytes;
}

export function pactMaxBytes(): number {
  return Math.min(PACT_MAX_BYTES, config().factorsMaxFileBytes);
}

/** Tenders the supplier may tie an upload to (accepted invitations), most recent first. */
export async function listTendersForFactors({ user }: { user: CurrentUser }) {
  requireSupplier(user);
  return await db()
      .select({ id: tenders.id, title: tenders.title, reference: tenders.reference, buyerName: organisations.name })
      .from(tenders)
      .innerJoin(organisations, eq(organisations.id, tenders.organisationId))
      .where(tendersVisibleToSupplier(user))
      .orderBy(desc(tenders.id));
}

/**
 * `null`, or a tender the supplier's organisation has access to (else 400) and that still accepts
 * writes: like every write tied to a tender, a factor file linked to it obeys its deadline (409
 * after it, or once the tender is closed or cancelled; issue 15). Nothing is recorded when refused.
 */
async function checkTender(user: CurrentUser, tenderId: number | null, now = new Date()): Promise<number | null> {
  if (tenderId === null) return null;
  const visible = (await db()
      .select({ id: tenders.id, title: tenders.title, status: tenders.status, deadline: tenders.deadline })
      .from(tenders)
      .where(and(eq(tenders.id, tenderId), tendersVisibleToSupplier(user))).limit(1))[0];
  if (!visible) throw new AppError("invalid", "Consultation inconnue : choisissez une consultation de la liste, ou aucune.");
  if (visible.status !== "published" || isPast(visible.deadline, now)) {
    const why = visible.status === "cancelled" ? "a été annulée" : visible.status === "closed" ? "est close" : `a dépassé sa date limite (${formatParis(visible.deadline, "full")})`;
    throw new AppError("conflict", `La consultation « ${visible.title} » ${why} : un fichier de facteurs ne peut plus lui être rattaché. Rien n'a été enregistré ; déposez-le sans consultation si besoin.`);
  }
  return tenderId;
}

/**
 * Imports the file of a received upload form (CSV or PACT, fields already parsed by the route):
 * checks the tender it is tied to and the PACT size limit, moves the file into the store and
 * records it. The caller removes the temporary file if anything is refused (`withReceivedUpload`).
 */
export async function importReceivedFactorFile({ user, upload, fields }: { user: CurrentUser; upload: ReceivedUpload; fields: UploadFields }): Promise<RecordedUpload> {
  requireSupplier(user);
  if (!upload.file) throw new AppError("invalid", "Choisissez un fichier à déposer.");
  const tenderId = await checkTender(user, fields.tenderId);
  if (fields.intent === "pact" && upload.file.size > pactMaxBytes()) throw new AppError("too-large", tooLargeMessage(pactMaxBytes()));
  const blob = upload.commit();
  if (!blob) throw new Error("fichier reçu introuvable");
  return fields.intent === "csv"
    ? uploadFactorsCsv({ user, tenderId, blob })
    : await importPactFile({ user, tenderId, blob, segment: fields.segment, ghgCategory: fields.ghgCategory });
}

/** Validate a received CSV and record it (imported as a new version, or rejected with its report). */
async function uploadFactorsCsv(input: { user: CurrentUser; tenderId: number | null; blob: StoredBlob }): Promise<RecordedUpload> {
  requireSupplier(input.user);
  return validateAndRecordCsv(db(), {
    supplierOrganisationId: input.user.organisationId,
    uploadedBy: input.user.id,
    tenderId: input.tenderId,
    blob: input.blob,
    maxBytes: factorsMaxBytes(),
  });
}

/** Import a PACT ProductFootprint JSON file (v2.x / v3.x); all footprints or nothing. */
async function importPactFile(input: { user: CurrentUser; tenderId: number | null; blob: StoredBlob; segment: string; ghgCategory: number | null }): Promise<RecordedUpload> {
  requireSupplier(input.user);
  const context = { supplierOrganisationId: input.user.organisationId, uploadedBy: input.user.id, tenderId: input.tenderId, blob: input.blob };
  let json: unknown;
  try {
    const text = fs.readFileSync(input.blob.path, "utf8").replace(/^\uFEFF/, "");
    json = JSON.parse(text);
  } catch {
    return await recordPactImport(db(), {
          ...context,
          rows: 0,
          factors: [],
          errors: [],
          unreadable: { reason: "not-json", message: "Le fichier n'est pas du JSON valide : exportez les empreintes PACT (ProductFootprint) au format JSON." },
        });
  }
  const result = pactToFactors(json, { segment: input.segment, ghgCategory: input.ghgCategory });
  const errors: FactorIssue[] = result.errors.map((e) => ({ line: e.index, column: "", message: e.message }));
  const rows = result.factors.length + new Set(result.errors.map((e) => e.index)).size;
  if (rows === 0 && errors.length === 0) errors.push({ line: 0, column: "", message: "le fichier ne contient aucune empreinte PACT" });
  return await recordPactImport(db(), { ...context, rows, factors: result.factors, errors });
}

export async function listFactorUploads({ user }: { user: CurrentUser }) {
  requireSupplier(user);
  return await db()
      .select({
        id: factorUploads.id,
        status: factorUploads.status,
        rows: factorUploads.rows,
        validRows: factorUploads.validRows,
        createdAt: factorUploads.createdAt,
        fileName: files.originalName,
        size: files.size,
        sha256: files.sha256,
        tenderTitle: tenders.title,
        version: factorSets.version,
        setId: factorSets.id,
      })
      .from(factorUploads)
      .innerJoin(files, eq(files.id, factorUploads.fileId))
      .leftJoin(tenders, eq(tenders.id, factorUploads.tenderId))
      .leftJoin(factorSets, eq(factorSets.uploadId, factorUploads.id))
      .where(eq(factorUploads.supplierOrganisationId, user.organisationId))
      .orderBy(desc(factorUploads.id));
}

export async function listFactorSets({ user }: { user: CurrentUser }) {
  requireSupplier(user);
  return await db()
      .select({
        id: factorSets.id,
        version: factorSets.version,
        createdAt: factorSets.createdAt,
        uploadId: factorSets.uploadId,
        count: factorUploads.validRows,
        fileName: files.originalName,
        tenderTitle: tenders.title,
      })
      .from(factorSets)
      .innerJoin(factorUploads, eq(factorUploads.id, factorSets.uploadId))
      .innerJoin(files, eq(files.id, factorUploads.fileId))
      .leftJoin(tenders, eq(tenders.id, factorSets.tenderId))
      .where(eq(factorSets.supplierOrganisationId, user.organisationId))
      .orderBy(desc(factorSets.version));
}

/** The supplier's emission-factor page: limits, tenders an upload may be tied to, versions and uploads. */
export async function supplierFactorsPage({ user }: { user: CurrentUser }) {
  return {
    organisationName: user.organisationName,
    maxBytesLabel: formatBytes(factorsMaxBytes()),
    pactMaxBytesLabel: formatBytes(pactMaxBytes()),
    tenders: await listTendersForFactors({ user }),
    uploads: (await listFactorUploads({ user })).map((u) => ({ ...u, createdAtLabel: formatParis(u.createdAt, "short"), sizeLabel: formatBytes(u.size) })),
    sets: (await listFactorSets({ user })).map((s) => ({ ...s, createdAtLabel: formatParis(s.createdAt, "short") })),
  };
}
export type SupplierFactorsPage = Awaited<ReturnType<typeof supplierFactorsPage>>;

/** One upload of the acting supplier's organisation, with its report; not found or not theirs: 404. */
export async function getFactorUpload({ user, uploadId }: { user: CurrentUser; uploadId: number }) {
  requireSupplier(user);
  if (!Number.isSafeInteger(uploadId)) throw notFound(UPLOAD_NOT_FOUND);
  const row = (await db()
      .select({
        upload: factorUploads,
        file: { id: files.id, originalName: files.originalName, size: files.size, sha256: files.sha256, mimeType: files.mimeType },
        tenderTitle: tenders.title,
        setId: factorSets.id,
        version: factorSets.version,
      })
      .from(factorUploads)
      .innerJoin(files, eq(files.id, factorUploads.fileId))
      .leftJoin(tenders, eq(tenders.id, factorUploads.tenderId))
      .leftJoin(factorSets, eq(factorSets.uploadId, factorUploads.id))
      .where(and(eq(factorUploads.id, uploadId), eq(factorUploads.supplierOrganisationId, user.organisationId))).limit(1))[0];
  if (!row) throw notFound(UPLOAD_NOT_FOUND);
  return { ...row, report: parseStoredReport(row.upload.report) };
}

/** One version of the acting supplier's factor set; not found or not theirs: 404. */
export async function getSupplierFactorSet({ user, setId, page = 1 }: { user: CurrentUser; setId: number; page?: number }) {
  requireSupplier(user);
  if (!Number.isSafeInteger(setId)) throw notFound(SET_NOT_FOUND);
  const set = (await db()
      .select({ set: factorSets, fileName: files.originalName, tenderTitle: tenders.title })
      .from(factorSets)
      .innerJoin(factorUploads, eq(factorUploads.id, factorSets.uploadId))
      .innerJoin(files, eq(files.id, factorUploads.fileId))
      .leftJoin(tenders, eq(tenders.id, factorSets.tenderId))
      .where(and(eq(factorSets.id, setId), eq(factorSets.supplierOrganisationId, user.organisationId))).limit(1))[0];
  if (!set) throw notFound(SET_NOT_FOUND);
  const latest = (await db()
      .select({ version: factorSets.version })
      .from(factorSets)
      .where(eq(factorSets.supplierOrganisationId, user.organisationId))
      .orderBy(desc(factorSets.version))
      .limit(1))[0];
  return {
    ...set,
    isLatest: latest?.version === set.set.version,
    factors: await pageOfFactors(db(), unsafeFactorsOfSets([set.set.id]), { page, ratios: defaultReferenceRatios }),
  };
}

/** The acting supplier's version and its factors; not found or not theirs: 404. */
async function ownSetFactors(user: CurrentUser, setId: number) {
  requireSupplier(user);
  if (!Number.isSafeInteger(setId)) throw notFound(SET_NOT_FOUND);
  const set = (await db()
      .select()
      .from(factorSets)
      .where(and(eq(factorSets.id, setId), eq(factorSets.supplierOrganisationId, user.organisationId))).limit(1))[0];
  if (!set) throw notFound(SET_NOT_FOUND);
  const rows = await db().select().from(factors).where(eq(factors.setId, set.id)).orderBy(asc(factors.line));
  return { set, factors: rows.map(rowToFactor) };
}

function pactOf(user: CurrentUser, list: NormalisedFactor[], version: PactExportVersion) {
  return factorsToPact(list, { name: user.organisationName, ids: [`urn:pact:nr-procure:organisation:${user.organisationId}`] }, { version });
}

/**
 * A version exported as PACT ProductFootprints of ONE spec version (`{ data: [...] }`); the factors
 * that lack mandatory data or that PACT cannot express are left out and listed in `skipped`.
 */
export async function exportSetAsPact({ user, setId, version }: { user: CurrentUser; setId: number; version: PactExportVersion }) {
  const { set, factors: list } = await ownSetFactors(user, setId);
  const result = pactOf(user, list, version);
  await audit(db(), {
        userId: user.id,
        organisationId: user.organisationId,
        action: "factors.pact-export",
        targetType: "factor_set",
        targetId: set.id,
        details: { version: set.version, specVersion: result.specVersion, exported: result.footprints.length, skipped: result.skipped.length },
      });
  return { version: set.version, specVersion: result.specVersion, data: result.footprints, skipped: result.skipped };
}

/** What an export in this spec version would contain: counts and the rows left out, with what is missing. */
export async function previewSetPact({ user, setId, version }: { user: CurrentUser; setId: number; version: PactExportVersion }) {
  const { factors: list } = await ownSetFactors(user, setId);
  const result = pactOf(user, list, version);
  return { specVersion: result.specVersion, exported: result.footprints.length, total: list.length, skipped: result.skipped };
}
