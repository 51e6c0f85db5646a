/**
 * Benchmark of the emission-factor reader: `npx tsx test/bench/emission-factors.bench.ts [rows]`.
 * Generates a deterministic 200,000-row file in the OS temp folder, validates it through a file
 * stream exactly as the upload does (valid factors streamed to a callback, not kept), then parses
 * it bare with papaparse (the baseline, same run) and prints the ratio; prints
 *   emission factors: 200000 rows validated in X ms, peak RSS Y MB
 * and exits 1 when it takes more than 5 s or the process peaks above 300 MB.
 *
 * V8 setting: the measurement runs in a child process started with `--max-semi-space-size=32`
 * (young generation of 32 MB instead of Node 20's 16 MB). With the default, V8 sometimes
 * pretenures allocation sites of the parsing loop and peak RSS jumps from ~200 MB to ~370 MB on a
 * busy machine (same code, same file); with 32 MB it stays at ~225 MB. The portal process should
 * run with the same setting (NODE_OPTIONS=--max-semi-space-size=32). To measure without it:
 * FACTORS_BENCH_V8_FLAGS= npx tsx test/bench/emission-factors.bench.ts
 */
import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readFactorsCsv } from "#emission-factors";
import { bareParse, measure, ratio } from "./bare-parse";
import { writeFactorsCsv } from "./factors-csv-generator";

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

const path = join(tmpdir(), `nr-procure-factors-bench-${ROWS}.csv`);
const bytes = await writeFactorsCsv(path, ROWS, { currentYear: 2025 });

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

// Streaming, as the import reads (valid factors handed over, not kept: issue 16).
let streamed = 0;
const started = performance.now();
const cpuStart = process.cpuUsage();
const report = await readFactorsCsv(createReadStream(path), { currentYear: 2025, onFactor: () => void streamed++ });
const cpuUsed = process.cpuUsage(cpuStart);
const elapsed = performance.now() - started;
clearInterval(sampler);
const validate = { wallMs: elapsed, cpuMs: (cpuUsed.user + cpuUsed.system) / 1000 };
// Baseline in the same run: a bare papaparse stream parse of the same file.
const bare = await measure(() => bareParse(path));
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await rm(path, { force: true });

const mb = (n: number) => Math.round(n / (1024 * 1024));
console.log(`emission factors: ${report.rows} rows validated in ${Math.round(elapsed)} ms (CPU ${Math.round(validate.cpuMs)} ms), peak RSS ${mb(peakRss)} MB`);
console.log(`  bare papaparse stream parse: ${Math.round(bare.wallMs)} ms (CPU ${Math.round(bare.cpuMs)} ms); validate = ${ratio(validate, bare)} the bare parse (target ≤ 2×)`);
console.log(
  `  file ${mb(bytes)} MB, ${report.valid} valid, ${report.errorCount} errors, ${report.warnings.length} warnings, encoding ${report.encoding}; ` +
    `V8 flags: ${process.execArgv.filter((a) => a.startsWith("--max-") || a.startsWith("--min-")).join(" ") || "none"}; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs`,
);

const failures: string[] = [];
if (report.rows !== ROWS || report.valid !== ROWS || streamed !== ROWS) failures.push(`expected ${ROWS} valid rows, got ${report.valid}/${report.rows}`);
if (elapsed > MAX_MS) failures.push(`too slow: ${Math.round(elapsed)} ms > ${MAX_MS} ms`);
if (mb(peakRss) > MAX_RSS_MB) failures.push(`too much memory: ${mb(peakRss)} MB > ${MAX_RSS_MB} MB`);
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
