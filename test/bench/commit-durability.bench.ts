/**
 * Cost of `synchronous = FULL` (db/connection.ts, issue 15 item 6) on small commits, the shape of
 * an autosave: `npx tsx test/bench/commit-durability.bench.ts` (also run by `npm run bench`).
 *
 * The factor-import bench cannot show it: a 200,000-row import is ONE transaction, so FULL adds
 * one fsync to it. Here 2,000 single-row commits of ~1 KB go to a temporary database opened the
 * way the portal opens it (WAL + FULL), then to the same with NORMAL for comparison. Prints the
 * median and 99th percentile per commit; exits 1 when FULL's median is over the target.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const COMMITS = 2_000;
const TARGET_MEDIAN_MS = 5;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-commit-bench-"));
process.env.DATA_DIR = dir;
const { openDatabase } = await import("#db/connection");

function measure(synchronous: "FULL" | "NORMAL") {
  const db = openDatabase(path.join(dir, `${synchronous}.sqlite`));
  if (synchronous === "NORMAL") db.$client.pragma("synchronous = NORMAL");
  const actual = db.$client.pragma("synchronous", { simple: true });
  db.$client.exec("create table bench_commits (id integer primary key, body text not null)");
  const insert = db.$client.prepare("insert into bench_commits (body) values (?)");
  const body = "x".repeat(1_000);
  const times: number[] = [];
  for (let i = 0; i < COMMITS; i++) {
    const t = performance.now();
    insert.run(body); // autocommit: one transaction per row
    times.push(performance.now() - t);
  }
  db.$client.close();
  times.sort((a, b) => a - b);
  return { synchronous, actual, median: times[Math.floor(COMMITS / 2)]!, p99: times[Math.floor(COMMITS * 0.99)]! };
}

const full = measure("FULL");
const normal = measure("NORMAL");
fs.rmSync(dir, { recursive: true, force: true });
for (const r of [full, normal]) {
  console.log(`commit durability: synchronous=${r.synchronous} (pragma ${r.actual}): median ${r.median.toFixed(3)} ms, p99 ${r.p99.toFixed(3)} ms per 1 KB commit (${COMMITS} commits)`);
}
console.log(`  FULL costs ${(full.median - normal.median).toFixed(3)} ms more per commit (median); target ${TARGET_MEDIAN_MS} ms per commit with FULL`);
if (full.actual !== 2) {
  console.error("openDatabase did not set synchronous = FULL");
  process.exit(1);
}
if (full.median > TARGET_MEDIAN_MS) {
  console.error(`too slow: ${full.median.toFixed(3)} ms > ${TARGET_MEDIAN_MS} ms per commit`);
  process.exit(1);
}
