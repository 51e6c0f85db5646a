/**
 * Recording a factor upload in the database — the "nothing lost, nothing half-done" rule:
 *
 * - the original file is already in the content-addressed store (`blob-store.server.ts`); here its
 *   `files` row, the `factor_uploads` row (status + report) and, for a valid file, the new
 *   `factor_sets` version and ALL its `factors` rows are written in ONE transaction;
 * - a file with errors (or unreadable) imports no factor at all: status `rejected` / `unreadable`;
 * - the version is the supplier organisation's previous maximum + 1 (unique index on
 *   supplier × version; the transaction is IMMEDIATE so two uploads cannot take the same number);
 *   earlier versions are never touched.
 *
 * Functions take the database explicitly (no request, no config): the routes call them through
 * `factor-uploads.server.ts`, the benchmark calls them on a temporary database.
 */
import fs from "node:fs";
import type Database from "better-sqlite3";
import { eq, max } from "drizzle-orm";
import type { Db } from "#db/connection";
import { factorSets, factorUploads, files } from "#db/schema";
import { CsvUnreadableError, type FactorIssue, type NormalisedFactor } from "#emission-factors";
import { readFactorsCsv } from "#emission-factors";
import { audit } from "~/lib/audit.server";
import { csvReportToStored, pactReportToStored, unreadableReport, type StoredReport } from "./report";
import type { StoredBlob } from "./blob-store.server";

export type UploadStatus = "imported" | "rejected" | "unreadable";

export interface RecordedUpload {
  uploadId: number;
  fileId: number;
  status: UploadStatus;
  /** The new factor-set version (valid uploads only). */
  setId: number | null;
  version: number | null;
  rows: number;
  validRows: number;
  errorCount: number;
}

export interface UploadContext {
  supplierOrganisationId: number;
  uploadedBy: number;
  tenderId: number | null;
}

const FACTOR_COLUMNS = `set_id, line, item, segment, ghg_category, value, unit, mass_unit, activity_unit,
  value_kg_per_unit, uncertainty_pct, method, accounting, reference_year, verified_by, source, extra, pcf_data`;
const WIDTH = 18;
/** Rows per INSERT statement: fewer calls into SQLite (64 × 18 = 1,152 parameters, well under the limit). */
const BATCH = 64;
const TUPLE = `(${Array.from({ length: WIDTH }, () => "?").join(", ")})`;

const statements = new WeakMap<Database.Database, { one: Database.Statement; batch: Database.Statement }>();

function statementsFor(client: Database.Database) {
  let s = statements.get(client);
  if (!s) {
    s = {
      one: client.prepare(`INSERT INTO factors (${FACTOR_COLUMNS}) VALUES ${TUPLE}`),
      batch: client.prepare(`INSERT INTO factors (${FACTOR_COLUMNS}) VALUES ${Array.from({ length: BATCH }, () => TUPLE).join(", ")}`),
    };
    statements.set(client, s);
  }
  return s;
}

function put(params: unknown[], offset: number, setId: number, f: NormalisedFactor): void {
  let extra: string | null = null;
  for (const _ in f.extra) {
    extra = JSON.stringify(f.extra);
    break;
  }
  params[offset] = setId;
  params[offset + 1] = f.line;
  params[offset + 2] = f.item;
  params[offset + 3] = f.segment;
  params[offset + 4] = f.ghgCategory;
  params[offset + 5] = f.value;
  params[offset + 6] = f.unit;
  params[offset + 7] = f.massUnit;
  params[offset + 8] = f.activityUnit;
  params[offset + 9] = f.valueKgPerUnit;
  params[offset + 10] = f.uncertaintyPct;
  params[offset + 11] = f.method;
  params[offset + 12] = f.accounting;
  params[offset + 13] = f.referenceYear;
  params[offset + 14] = f.verifiedBy;
  params[offset + 15] = f.source;
  params[offset + 16] = extra;
  params[offset + 17] = f.pcf ? JSON.stringify(f.pcf) : null;
}

/**
 * Insert every factor of a set with prepared statements, 64 rows per statement (the caller holds
 * the transaction: all rows or none).
 */
export function insertFactors(client: Database.Database, setId: number, factors: readonly NormalisedFactor[]): void {
  const { one, batch } = statementsFor(client);
  const batchParams: unknown[] = new Array(WIDTH * BATCH);
  const oneParams: unknown[] = new Array(WIDTH);
  let i = 0;
  for (; i + BATCH <= factors.length; i += BATCH) {
    for (let j = 0; j < BATCH; j++) put(batchParams, j * WIDTH, setId, factors[i + j] as NormalisedFactor);
    batch.run(batchParams);
  }
  for (; i < factors.length; i++) {
    put(oneParams, 0, setId, factors[i] as NormalisedFactor);
    one.run(oneParams);
  }
}

/**
 * Record an upload (file row, upload row, and — when `factors` is given and the report has no
 * error — the new version with all its factors) in one transaction.
 */
export function recordUpload(
  db: Db,
  input: UploadContext & { blob: StoredBlob; report: StoredReport; factors: readonly NormalisedFactor[] | null; action: string },
): RecordedUpload {
  const { blob, report } = input;
  const status: UploadStatus = report.unreadable ? "unreadable" : report.errorCount > 0 || report.valid === 0 || !input.factors ? "rejected" : "imported";
  return db.transaction(
    (tx) => {
      const file = tx
        .insert(files)
        .values({
          organisationId: input.supplierOrganisationId,
          uploadedBy: input.uploadedBy,
          sha256: blob.sha256,
          originalName: blob.originalName.slice(0, 255) || "fichier",
          mimeType: blob.mimeType || "application/octet-stream",
          size: blob.size,
        })
        .returning({ id: files.id })
        .get();
      const upload = tx
        .insert(factorUploads)
        .values({
          supplierOrganisationId: input.supplierOrganisationId,
          tenderId: input.tenderId,
          fileId: file.id,
          status,
          rows: report.rows,
          validRows: report.valid,
          report,
          uploadedBy: input.uploadedBy,
        })
        .returning({ id: factorUploads.id })
        .get();
      let setId: number | null = null;
      let version: number | null = null;
      if (status === "imported" && input.factors) {
        const previous = tx
          .select({ v: max(factorSets.version) })
          .from(factorSets)
          .where(eq(factorSets.supplierOrganisationId, input.supplierOrganisationId))
          .get();
        version = (previous?.v ?? 0) + 1;
        const set = tx
          .insert(factorSets)
          .values({ supplierOrganisationId: input.supplierOrganisationId, version, uploadId: upload.id, tenderId: input.tenderId })
          .returning({ id: factorSets.id })
          .get();
        setId = set.id;
        insertFactors(db.$client, set.id, input.factors);
      }
      audit(tx, {
        userId: input.uploadedBy,
        organisationId: input.supplierOrganisationId,
        action: input.action,
        targetType: "factor_upload",
        targetId: upload.id,
        details: { status, rows: report.rows, valid: report.valid, errors: report.errorCount, sha256: blob.sha256, version, tenderId: input.tenderId },
      });
      return { uploadId: upload.id, fileId: file.id, status, setId, version, rows: report.rows, validRows: report.valid, errorCount: report.errorCount };
    },
    { behavior: "immediate" },
  );
}

/**
 * Validate a stored CSV (streamed from disk, as `readFactorsCsv` wants) and record the upload.
 * Unreadable files are recorded with status `unreadable` and the French reason.
 */
export async function validateAndRecordCsv(
  db: Db,
  input: UploadContext & { blob: StoredBlob; currentYear?: number; maxBytes?: number },
): Promise<RecordedUpload> {
  let report: StoredReport;
  let factors: NormalisedFactor[] | null = null;
  try {
    const read = await readFactorsCsv(fs.createReadStream(input.blob.path), { currentYear: input.currentYear, maxBytes: input.maxBytes });
    report = csvReportToStored(read);
    factors = read.errorCount === 0 ? read.factors : null;
  } catch (error) {
    if (!(error instanceof CsvUnreadableError)) throw error;
    report = unreadableReport("csv", error.reason, error.message);
  }
  return recordUpload(db, { ...input, report, factors, action: "factors.upload" });
}

/** Record a PACT import: all footprints mapped, or nothing imported (errors listed per footprint). */
export function recordPactImport(
  db: Db,
  input: UploadContext & { blob: StoredBlob; rows: number; factors: NormalisedFactor[]; errors: FactorIssue[]; unreadable?: { reason: string; message: string } },
): RecordedUpload {
  const report = input.unreadable ? unreadableReport("pact", input.unreadable.reason, input.unreadable.message) : pactReportToStored(input.rows, input.factors.length, input.errors);
  return recordUpload(db, { ...input, report, factors: input.errors.length === 0 ? input.factors : null, action: "factors.pact-import" });
}
