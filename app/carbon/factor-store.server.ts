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
import crypto from "node:crypto";
import fs from "node:fs";
import type { Writable } from "node:stream";
import type Database from "better-sqlite3";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { eq, lt, max, sql, type SQL } from "drizzle-orm";
import { isPostgres, postgresPool, type Db } from "#db/connection";
import { factorSets, factorStaging, factorUploads, factors as factorsTable, files } from "#db/schema";
import { CsvUnreadableError, type FactorIssue, type NormalisedFactor } from "#emission-factors";
import { readFactorsCsv } from "#emission-factors";
import { audit } from "~/lib/audit.server";
import { runTransaction } from "#db/transaction";
import { saveBlobChunks } from "~/lib/files.server";
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

type Inserts = { one: Database.Statement; batch: Database.Statement };
const statements = new WeakMap<Database.Database, Inserts>();

function prepareInserts(client: Database.Database, table: string): Inserts {
  return {
    one: client.prepare(`INSERT INTO ${table} (${FACTOR_COLUMNS}) VALUES ${TUPLE}`),
    batch: client.prepare(`INSERT INTO ${table} (${FACTOR_COLUMNS}) VALUES ${Array.from({ length: BATCH }, () => TUPLE).join(", ")}`),
  };
}

function statementsFor(client: Database.Database): Inserts {
  let s = statements.get(client);
  if (!s) {
    s = prepareInserts(client, "factors");
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
export function insertFactors(client: Database.Database, setId: number, factors: readonly NormalisedFactor[], inserts: Inserts = statementsFor(client)): void {
  const { one, batch } = inserts;
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
export async function recordUpload(
  db: Db,
  input: UploadContext & { blob: StoredBlob; report: StoredReport; factors: readonly NormalisedFactor[] | Staging | null; action: string },
): Promise<RecordedUpload> {
  const { blob, report } = input;
  const status: UploadStatus = report.unreadable ? "unreadable" : report.errorCount > 0 || report.valid === 0 || !input.factors ? "rejected" : "imported";
  return await runTransaction(db, async (tx) => {
        const file = (await tx
                .insert(files)
                .values({
                  organisationId: input.supplierOrganisationId,
                  uploadedBy: input.uploadedBy,
                  sha256: blob.sha256,
                  originalName: blob.originalName.slice(0, 255) || "fichier",
                  mimeType: blob.mimeType || "application/octet-stream",
                  size: blob.size,
                })
                .returning({ id: files.id }))[0]!;
        // PostgreSQL mode: the bytes go to the database with their `files` row (app/lib/files.server.ts).
        await saveBlobChunks(tx, blob.sha256, { path: blob.path });
        const upload = (await tx
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
                .returning({ id: factorUploads.id }))[0]!;
        let setId: number | null = null;
        let version: number | null = null;
        if (status === "imported" && input.factors) {
          const previous = (await tx
                    .select({ v: max(factorSets.version) })
                    .from(factorSets)
                    .where(eq(factorSets.supplierOrganisationId, input.supplierOrganisationId)).limit(1))[0];
          version = (previous?.v ?? 0) + 1;
          const set = (await tx
                    .insert(factorSets)
                    .values({ supplierOrganisationId: input.supplierOrganisationId, version, uploadId: upload.id, tenderId: input.tenderId })
                    .returning({ id: factorSets.id }))[0]!;
          setId = set.id;
          if (input.factors instanceof StagedFactors) input.factors.copyInto(set.id);
          else if (input.factors instanceof PgStagedFactors) await input.factors.copyInto(tx, set.id);
          else if (isPostgres(db)) await insertFactorsPg(tx, set.id, input.factors);
          else insertFactors(db.$client, set.id, input.factors);
        }
        await audit(tx, {
                userId: input.uploadedBy,
                organisationId: input.supplierOrganisationId,
                action: input.action,
                targetType: "factor_upload",
                targetId: upload.id,
                details: { status, rows: report.rows, valid: report.valid, errors: report.errorCount, sha256: blob.sha256, version, tenderId: input.tenderId },
              });
        return { uploadId: upload.id, fileId: file.id, status, setId, version, rows: report.rows, validRows: report.valid, errorCount: report.errorCount };
      });
}

/** Rows staged per short staging transaction (16 multi-row INSERTs of 64). */
const STAGE_FLUSH = 1_024;
let stagingTables = 0;

/**
 * The valid rows of a file being read, kept in a TEMPORARY table of the connection (issue 16:
 * never in memory — 800,000 rows took 724 MB as objects). Temporary tables live in SQLite's temp
 * file (this build: TEMP_STORE=1, on disk), belong to this connection only and do not lock the
 * database: other requests go on writing while the file is read. Rows are written in short
 * synchronous transactions of STAGE_FLUSH rows (nothing awaits inside them, so no other request's
 * statement can fall into one). `copyInto` moves them into `factors` with one INSERT … SELECT
 * inside the upload's transaction: the import stays all-or-nothing. `drop()` always runs (finally);
 * a crash loses the temporary table with the connection.
 */
export class StagedFactors {
  readonly table: string;
  private readonly inserts: Inserts;
  private pending: NormalisedFactor[] = [];
  private readonly flushBatch: (rows: readonly NormalisedFactor[]) => void;
  count = 0;

  constructor(private readonly client: Database.Database) {
    this.table = `temp.factor_staging_${++stagingTables}`;
    client.exec(`CREATE TEMP TABLE ${this.table.slice(5)} AS SELECT ${FACTOR_COLUMNS} FROM main.factors WHERE 0`);
    this.inserts = prepareInserts(client, this.table);
    this.flushBatch = client.transaction((rows: readonly NormalisedFactor[]) => insertFactors(client, 0, rows, this.inserts));
  }

  add(factor: NormalisedFactor): void {
    this.pending.push(factor);
    if (this.pending.length >= STAGE_FLUSH) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.flushBatch(this.pending);
    this.count += this.pending.length;
    this.pending = [];
  }

  /** Inside the caller's transaction: every staged row into `factors` under `setId`, in file order. */
  copyInto(setId: number): void {
    this.flush();
    const columns = FACTOR_COLUMNS.replace(/\s+/g, " ").split(", ").slice(1).join(", ");
    this.client.prepare(`INSERT INTO main.factors (${FACTOR_COLUMNS}) SELECT ?, ${columns} FROM ${this.table} ORDER BY rowid`).run(setId);
  }

  drop(): void {
    this.pending = [];
    this.client.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }
}

/** Columns of a factor row as drizzle takes them (PostgreSQL path), JSON columns as objects. */
function factorValues(f: NormalisedFactor) {
  let extra: Record<string, string> | null = null;
  for (const _ in f.extra) {
    extra = f.extra;
    break;
  }
  return {
    line: f.line,
    item: f.item,
    segment: f.segment,
    ghgCategory: f.ghgCategory,
    value: f.value,
    unit: f.unit,
    massUnit: f.massUnit,
    activityUnit: f.activityUnit,
    valueKgPerUnit: f.valueKgPerUnit,
    uncertaintyPct: f.uncertaintyPct,
    method: f.method,
    accounting: f.accounting,
    referenceYear: f.referenceYear,
    verifiedBy: f.verifiedBy,
    source: f.source,
    extra,
    pcfData: (f.pcf as Record<string, unknown> | null | undefined) ?? null,
  };
}

/**
 * Rows per multi-row INSERT on PostgreSQL: 1,024 × 20 columns = 20,480 parameters, under the
 * protocol's 65,535.
 */
const PG_BATCH = 1_024;

/** PostgreSQL counterpart of `insertFactors` (PACT imports): multi-row inserts in the caller's transaction. */
async function insertFactorsPg(tx: Db, setId: number, rows: readonly NormalisedFactor[]): Promise<void> {
  for (let i = 0; i < rows.length; i += PG_BATCH) {
    await tx.insert(factorsTable).values(rows.slice(i, i + PG_BATCH).map((f) => ({ setId, ...factorValues(f) })));
  }
}

/** Staged rows older than this are left by a crashed import: purged when a new import starts. */
const STALE_STAGING_MS = 24 * 60 * 60 * 1000;

/** Characters COPY's text format escapes (backslash, tab, line feed, carriage return). */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format: `\N` for null, numbers as JavaScript writes them (as node-postgres sends parameters). */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return String(v);
  const s = String(v);
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c] as string) : s;
}

/** Text handed to the COPY stream at a time (characters). */
const COPY_CHUNK = 64 * 1024;

/**
 * PostgreSQL counterpart of `StagedFactors` (issue 19): the pool has no connection of its own to
 * keep a TEMP table on, so rows go to the regular `factor_staging` table under a random staging id.
 * They are streamed with ONE `COPY factor_staging … FROM STDIN` on a pooled connection held while
 * the file is read (`pg-copy-streams`; issue 16: 1,024-row multi-row INSERTs took ~4× the SQLite
 * import's time): COPY is one statement, so its rows appear all at once when it ends, or never —
 * `drop` cancels an unfinished COPY (CopyFail) and the server discards everything it received.
 * `add` is synchronous (the CSV reader's callback): rows are written as COPY text, 64 K characters
 * to the stream at a time, and `throttle` holds the file's bytes back while the stream is over its
 * high-water mark, so memory stays bounded whatever the file size. `settle` ends the COPY.
 * `copyInto` moves the rows into `factors` with one INSERT … SELECT in the upload's transaction, in
 * file order (`seq`), so the import stays all-or-nothing and the line numbers are those of the file;
 * `drop` (always, in finally) deletes them. A crash leaves rows that the next import purges after a day.
 */
export class PgStagedFactors {
  readonly stagingId = crypto.randomUUID();
  private copy: { client: pg.PoolClient; stream: Writable; finished: Promise<void> } | null = null;
  private text = "";
  private drained: Promise<void> | null = null;
  private failure: unknown = null;
  private ended = false;
  private seq = 0;
  count = 0;

  constructor(private readonly db: Db) {}

  /** Purges staged rows of imports that never finished (crash, killed server). */
  async purgeStale(now = new Date()): Promise<void> {
    await this.db.delete(factorStaging).where(lt(factorStaging.createdAt, new Date(now.getTime() - STALE_STAGING_MS).toISOString()));
  }

  /** Takes a pooled connection and starts the COPY (before the reading: `add` cannot wait). */
  async begin(): Promise<void> {
    const client = await postgresPool(this.db).connect();
    const columns = FACTOR_COLUMNS.replace(/\s+/g, " ").split(", ").slice(1).join(", ");
    const stream = client.query(copyFrom(`COPY factor_staging (staging_id, seq, ${columns}) FROM STDIN`));
    const finished = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    finished.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.copy = { client, stream, finished };
  }

  add(factor: NormalisedFactor): void {
    if (!this.copy || this.ended || this.failure) return;
    const f = factor;
    let extra: string | null = null;
    for (const _ in f.extra) {
      extra = JSON.stringify(f.extra);
      break;
    }
    this.text +=
      `${this.stagingId}\t${this.seq++}\t${f.line}\t${copyValue(f.item)}\t${copyValue(f.segment)}\t${copyValue(f.ghgCategory)}\t${copyValue(f.value)}\t` +
      `${copyValue(f.unit)}\t${copyValue(f.massUnit)}\t${copyValue(f.activityUnit)}\t${copyValue(f.valueKgPerUnit)}\t${copyValue(f.uncertaintyPct)}\t` +
      `${copyValue(f.method)}\t${copyValue(f.accounting)}\t${copyValue(f.referenceYear)}\t${copyValue(f.verifiedBy)}\t${copyValue(f.source)}\t` +
      `${copyValue(extra)}\t${copyValue(f.pcf ? JSON.stringify(f.pcf) : null)}\n`;
    this.count++;
    if (this.text.length >= COPY_CHUNK) this.flush();
  }

  /** Hands the rows written so far to the COPY stream. */
  flush(): void {
    if (!this.copy || this.text === "" || this.ended) return;
    const ok = this.copy.stream.write(this.text, "utf8");
    this.text = "";
    if (!ok && !this.drained) {
      this.drained = new Promise<void>((resolve) => this.copy?.stream.once("drain", resolve)).then(() => {
        this.drained = null;
      });
    }
  }

  /** Ends the COPY (every added row is then in `factor_staging`); rethrows its error. */
  async settle(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.copy || this.ended) return;
    this.flush();
    this.ended = true;
    this.copy.stream.end();
    await this.copy.finished;
    this.release();
  }

  /** The file's bytes, passed on only while the COPY stream keeps up (back-pressure). */
  async *throttle(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for await (const chunk of bytes) {
      if (this.drained) await Promise.race([this.drained, this.copy?.finished]);
      if (this.failure) throw this.failure;
      yield chunk;
    }
  }

  private release(error?: Error): void {
    this.copy?.client.release(error);
    this.copy = null;
  }

  /** Inside the caller's transaction: every staged row into `factors` under `setId`, in file order. */
  async copyInto(tx: Db, setId: number): Promise<void> {
    const columns = FACTOR_COLUMNS.replace(/\s+/g, " ").split(", ").slice(1).join(", ");
    // drizzle's node-postgres database runs raw SQL with `execute` (not in the SQLite-typed `Db`).
    const pgTx = tx as unknown as { execute(query: SQL): Promise<unknown> };
    await pgTx.execute(
      sql`INSERT INTO factors (${sql.raw(FACTOR_COLUMNS)}) SELECT ${setId}::integer, ${sql.raw(columns)} FROM factor_staging WHERE staging_id = ${this.stagingId} ORDER BY seq`,
    );
  }

  async drop(): Promise<void> {
    this.text = "";
    if (this.copy && !this.ended) {
      // Not ended: the file was rejected or reading failed. Cancel the COPY: the server keeps none of its rows.
      this.ended = true;
      const cancelled = new Error("import annulé");
      this.copy.stream.destroy(cancelled);
      await this.copy.finished.catch(() => undefined);
    }
    // A connection whose COPY failed or was cancelled is closed rather than reused.
    if (this.copy) this.release(this.failure instanceof Error ? this.failure : new Error("COPY annulé"));
    await this.db.delete(factorStaging).where(eq(factorStaging.stagingId, this.stagingId));
  }
}

type Staging = StagedFactors | PgStagedFactors;

/**
 * Validate a stored CSV (streamed from disk, as `readFactorsCsv` wants) and record the upload.
 * Valid rows go to a staging table as they are read (`StagedFactors`), never all in memory; they
 * reach `factors` only in the upload's transaction, and only when the whole file is valid.
 * Unreadable files are recorded with status `unreadable` and the French reason.
 */
export async function validateAndRecordCsv(
  db: Db,
  input: UploadContext & { blob: StoredBlob; currentYear?: number; maxBytes?: number },
): Promise<RecordedUpload> {
  let report: StoredReport;
  let factors: Staging | null = null;
  const pg = isPostgres(db);
  const staged: Staging = pg ? new PgStagedFactors(db) : new StagedFactors(db.$client);
  try {
    if (staged instanceof PgStagedFactors) {
      await staged.purgeStale();
      await staged.begin();
    }
    const bytes = fs.createReadStream(input.blob.path);
    try {
      const read = await readFactorsCsv(staged instanceof PgStagedFactors ? staged.throttle(bytes) : bytes, {
        currentYear: input.currentYear,
        maxBytes: input.maxBytes,
        // Once a row is wrong the file will be rejected: stop staging (the reading goes on for the report).
        onFactor: (factor, errorsSoFar) => {
          if (errorsSoFar === 0) staged.add(factor);
        },
      });
      report = csvReportToStored(read);
      if (staged instanceof PgStagedFactors && read.errorCount === 0) await staged.settle();
      factors = read.errorCount === 0 ? staged : null;
    } catch (error) {
      if (!(error instanceof CsvUnreadableError)) throw error;
      report = unreadableReport("csv", error.reason, error.message);
    }
    return await recordUpload(db, { ...input, report, factors, action: "factors.upload" });
  } finally {
    await staged.drop();
  }
}

/** Record a PACT import: all footprints mapped, or nothing imported (errors listed per footprint). */
export async function recordPactImport(
  db: Db,
  input: UploadContext & { blob: StoredBlob; rows: number; factors: NormalisedFactor[]; errors: FactorIssue[]; unreadable?: { reason: string; message: string } },
): Promise<RecordedUpload> {
  const report = input.unreadable ? unreadableReport("pact", input.unreadable.reason, input.unreadable.message) : pactReportToStored(input.rows, input.factors.length, input.errors);
  return await recordUpload(db, { ...input, report, factors: input.errors.length === 0 ? input.factors : null, action: "factors.pact-import" });
}
