import { runSetup, type Env } from "./portal-process";

/** `npm run setup` on a PostgreSQL database (DATABASE_URL in `env`), for the scale-out test and bench. */
export function runSetupOnPostgres(env: Env): void {
  if (!env.DATABASE_URL) throw new Error("runSetupOnPostgres : DATABASE_URL manquant");
  runSetup(env);
}
