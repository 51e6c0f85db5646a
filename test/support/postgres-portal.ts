import { spawnSync } from "node:child_process";
import { ROOT, type Env } from "./portal-process";

/**
 * `npm run setup` on a PostgreSQL database (DATABASE_URL in `env`), for the scale-out test and bench.
 *
 * TEMPORARY (remove once the `pgfiles` branch is merged): on main at the time of writing, the demo's
 * emission-factor upload (seedDemoEmissions → factor-store.server.ts StagedFactors) still uses
 * better-sqlite3's client and fails on PostgreSQL with "client.exec is not a function" — AFTER the
 * demo organisations, users and tenders are committed. That one failure is tolerated (with a warning)
 * so that the multi-server behaviour can be tested; any other failure throws.
 */
export function runSetupOnPostgres(env: Env): void {
  if (!env.DATABASE_URL) throw new Error("runSetupOnPostgres: DATABASE_URL manquant");
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8" });
  if (run.status === 0) return;
  if (/client\.exec is not a function/.test(run.stderr) && /StagedFactors/.test(run.stderr)) {
    console.warn("npm run setup sur PostgreSQL : le dépôt de facteurs de la démo échoue encore (branche pgfiles non fusionnée) — données de démonstration sans facteurs d'émission.");
    return;
  }
  throw new Error(`échec de npm run setup : ${run.stderr}`);
}
