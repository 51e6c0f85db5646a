/**
 * Benchmark of the emission-factor upload pipeline, database included:
 * `npx tsx test/bench/factors-import.bench.ts [rows]` (also run by `npm run bench`).
 *
 * Generates a deterministic 200,000-row file (the reader's generator, test/bench/factors-csv-generator.ts),
 * then, timed: stores it in the content-addressed store (streamed SHA-256 + copy, as the upload
 * does while receiving), validates it with `readFactorsCsv` streamed from disk, and imports every
 * row into a fresh temporary SQLite database through `validateAndRecordCsv` — one IMMEDIATE
 * transaction, one prepared INSERT. Prints
 *   factors import: 200000 rows validated+imported in X ms, peak RSS Y MB (targets 5000 ms, 300 MB)
 * and exits 1 when over a target or when the database does not hold exactly the expected rows.
 *
 * V8 setting: like the reader's benchmark (test/bench/emission-factors.bench.ts), the measurement
 * runs in a child process started with `--max-semi-space-size=32`, the setting the portal should
 * run with (NODE_OPTIONS). Measured on this 2-core machine: ~2.6 s / ~245 MB with it, ~4.6 s /
 * ~390 MB without (V8 pretenures the reader's allocation sites; the import itself adds ~0.85 s and
 * ~20 MB). To measure without it: FACTORS_BENCH_V8_FLAGS= npx tsx test/bench/factors-import.bench.ts
 *
 * `FACTORS_BENCH_PG=1`: the same on PostgreSQL (issue 19) — a throwaway cluster is started
 * (test/support/postgres-cluster.ts), rows staged in `factor_staging`, the file's bytes written to
 * `file_blobs` in the upload's transaction.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const V8_FLAGS = (process.env.FACTORS_BENCH_V8_FLAGS ?? "--max-semi-space-size=32").split(" ").filter(Boolean);
if (process.env.FACTORS_BENCH_CHILD !== "1") {
  const child = spawnSync(process.execPath, [...V8_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, FACTORS_BENCH_CHILD: "1" },
  });
  process.exit(child.status ?? 1);
}

const ROWS = Number(process.argv[2] ?? 200_000);
const MAX_MS = 5_000;
const MAX_RSS_MB = 300;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-factors-import-bench-"));
process.env.DATA_DIR = dir; // before any module reads the configuration

const onPostgres = process.env.FACTORS_BENCH_PG === "1";
const cluster = onPostgres ? await (await import("../support/postgres-cluster")).startPostgresCluster() : null;
if (cluster) process.env.DATABASE_URL = await (await import("../support/postgres-cluster")).createDatabase(cluster.adminUrl, "bench");

const { count, eq } = await import("drizzle-orm");
const { closeDatabase, openDatabase, openPostgres } = await import("#db/connection");
const { factorSets, factorUploads, factors, organisations, users } = await import("#db/schema");
const { storeFromPath } = await import("~/carbon/blob-store.server");
const { validateAndRecordCsv } = await import("~/carbon/factor-store.server");
const { writeFactorsCsv } = await import("./factors-csv-generator");
const { bareParse, measure, ratio } = await import("./bare-parse");

const database = cluster ? await openPostgres(process.env.DATABASE_URL!) : openDatabase(path.join(dir, "bench.sqlite"));
const org = (await database.insert(organisations).values({ name: "Fournisseur bench", kind: "supplier" }).returning())[0]!;
const user = (await database.insert(users).values({ email: "bench@example.org", name: "Bench", passwordHash: "x" }).returning())[0]!;

const csvPath = path.join(dir, `factors-${ROWS}.csv`);
const bytes = await writeFactorsCsv(csvPath, ROWS, { currentYear: 2025 });
if (typeof globalThis.gc === "function") globalThis.gc();

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const started = performance.now();
const cpuStart = process.cpuUsage();
const blob = await storeFromPath(path.join(dir, "files"), csvPath, "facteurs.csv", "text/csv");
const stored = performance.now();
const result = await validateAndRecordCsv(database, {
  supplierOrganisationId: org.id,
  uploadedBy: user.id,
  tenderId: null,
  blob,
  currentYear: 2025,
});
const elapsed = performance.now() - started;
const cpuUsed = process.cpuUsage(cpuStart);
clearInterval(sampler);
const bare = await measure(() => bareParse(csvPath));
const imported = { wallMs: elapsed, cpuMs: (cpuUsed.user + cpuUsed.system) / 1000 };
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

const inDb = (await database.select({ n: count() }).from(factors).where(eq(factors.setId, result.setId ?? -1)).limit(1))[0]?.n ?? 0;
const upload = (await database.select().from(factorUploads).where(eq(factorUploads.id, result.uploadId)).limit(1))[0];
const set = (await database.select().from(factorSets).where(eq(factorSets.uploadId, result.uploadId)).limit(1))[0];
await closeDatabase(database);
await cluster?.stop();
const bareLine = `  bare papaparse stream parse: ${Math.round(bare.wallMs)} ms (CPU ${Math.round(bare.cpuMs)} ms); store + validate + import = ${ratio(imported, bare)} the bare parse (target ≤ 3×)`;
fs.rmSync(dir, { recursive: true, force: true });

const mb = (n: number) => Math.round(n / (1024 * 1024));
console.log(`factors import (${cluster ? "PostgreSQL" : "SQLite"}): ${result.rows} rows validated+imported in ${Math.round(elapsed)} ms, peak RSS ${mb(peakRss)} MB (targets ${MAX_MS} ms, ${MAX_RSS_MB} MB)`);
console.log(
  `  V8 flags: ${process.execArgv.filter((a) => a.startsWith("--max-") || a.startsWith("--min-")).join(" ") || "none"}; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} CPUs\n` +
    `  file ${mb(bytes)} MB; store (SHA-256 + copy) ${Math.round(stored - started)} ms, validate + import ${Math.round(elapsed - (stored - started))} ms; ` +
    `status ${result.status}, version ${set?.version ?? "—"}, ${inDb} rows in the database`,
);

console.log(bareLine);
const failures: string[] = [];
if (result.status !== "imported" || upload?.status !== "imported") failures.push(`expected status imported, got ${result.status}`);
if (result.rows !== ROWS || inDb !== ROWS) failures.push(`expected ${ROWS} rows imported, got ${inDb} (read ${result.rows})`);
if (set?.version !== 1) failures.push(`expected version 1, got ${set?.version}`);
if (elapsed > MAX_MS) failures.push(`too slow: ${Math.round(elapsed)} ms > ${MAX_MS} ms`);
if (mb(peakRss) > MAX_RSS_MB) failures.push(`too much memory: ${mb(peakRss)} MB > ${MAX_RSS_MB} MB`);
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
