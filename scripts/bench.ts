/**
 * `npm run bench`: runs every benchmark script in test/bench (*.bench.ts), each in its own process
 * so that memory figures are not mixed, and fails when one of them misses its target.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve("test/bench");
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, file)], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (run.status !== 0) {
    failed++;
    console.error(`✗ ${file} a échoué (code ${run.status})`);
  }
}
console.log(`\n${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
