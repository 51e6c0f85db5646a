import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { DatabaseDialect } from "./dialect";
import * as schema from "./schema";
import { schemaDialect } from "./schema/columns";

/**
 * The database handle of the whole application. Typed as drizzle's SQLite database on both engines
 * (docs/decisions/022-postgresql.md): on PostgreSQL the object is a node-postgres drizzle database
 * built on the same schema modules, whose query builder has the same shape. `$client` is the
 * better-sqlite3 connection on SQLite only; on PostgreSQL use `postgresPool(db)`.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

function findMigrations(folderName: string, envVariable: string): string {
  const candidates = [
    process.env[envVariable],
    path.join(path.dirname(fileURLToPath(import.meta.url)), folderName),
    path.resolve("db", folderName),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(path.join(p, "meta", "_journal.json")));
  if (!found) throw new Error(`Dossier des migrations introuvable (cherché : ${candidates.join(", ")})`);
  return found;
}

/** SQLite migrations folder, found relative to this file in source and next to the server build. */
export function migrationsFolder(): string {
  return findMigrations("migrations", "MIGRATIONS_DIR");
}

/** PostgreSQL migrations folder (db/migrations-pg), found the same way; `MIGRATIONS_PG_DIR` overrides. */
export function migrationsFolderPg(): string {
  return findMigrations("migrations-pg", "MIGRATIONS_PG_DIR");
}

/**
 * Opens (and creates) the SQLite file and applies pending migrations: a fresh clone needs no
 * manual step. WAL lets readers go on while one writer commits.
 *
 * `synchronous = FULL`: with WAL, better-sqlite3's build defaults to NORMAL, which syncs the WAL
 * only at checkpoints, so the last commits can vanish on a power or OS failure (issue 15). FULL
 * fsyncs the WAL at every commit: a save acknowledged to the user is on disk. Cost measured on the
 * factor-import bench in docs/decisions/011-express-server.md.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

/**
 * Key of the session-level advisory lock held while migrations run at start: two app servers
 * starting together on an empty database apply them once, the second waits and then finds nothing
 * to do. Any other advisory lock of the application must use another key.
 */
export const MIGRATION_LOCK_KEY = 4_712_019_001;

/** Pool size of one app server (`DATABASE_POOL_SIZE`, default 10). */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`DATABASE_POOL_SIZE doit être un entier positif (reçu : « ${raw} »)`);
  return n;
}

/**
 * Handle → pool of every database opened by `openPostgres`. Kept on globalThis, like db/transaction.ts's
 * singletons: this module is loaded twice in a running portal (by the compiled server, which opens the
 * database, and inside the Remix build, whose routes ask `isPostgres`), and both copies must agree —
 * with a module-level map, route code saw a PostgreSQL handle as SQLite ("$client.prepare is not a function").
 */
const pools: WeakMap<object, pg.Pool> = ((globalThis as Record<symbol, WeakMap<object, pg.Pool> | undefined>)[Symbol.for("nr-procure.db.pools")] ??= new WeakMap());

let parsersSet = false;
/**
 * node-postgres returns int8 (`count(*)`, `sum()` of integers, bigint columns) and numeric (`avg()`,
 * `sum()` of numerics) as strings; SQLite returns numbers. Parsed to numbers here so raw `sql`
 * aggregates give the same JS values on both engines. The parsers are process-wide (drizzle's
 * node-postgres driver reads pg's global registry). An int8 beyond 2^53 throws rather than round.
 */
function setNumberParsers(): void {
  if (parsersSet) return;
  parsersSet = true;
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error(`Entier hors de la plage exacte d'un nombre JavaScript : ${value}`);
    return n;
  });
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
}

/**
 * Opens a pool on the PostgreSQL database at `url` and applies pending migrations from
 * db/migrations-pg under `pg_advisory_lock(MIGRATION_LOCK_KEY)`, on one connection of the pool (each
 * migration in its own transaction, as drizzle's migrator does). The schema modules must have been
 * loaded with a PostgreSQL `DATABASE_URL` (db/dialect.ts): set it before anything imports db/schema.
 */
export async function openPostgres(url: string, options: { poolSize?: number } = {}): Promise<Db> {
  if (schemaDialect !== "postgresql") {
    throw new Error("openPostgres : le schéma a été chargé pour SQLite ; DATABASE_URL doit être une URL PostgreSQL avant le premier import de db/schema");
  }
  setNumberParsers();
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? poolSize(), application_name: "nr-procure" });
  // An idle connection dropped by the server must not crash the process: the pool replaces it.
  pool.on("error", (error) => console.error("PostgreSQL : connexion inactive perdue", error.message));
  try {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      try {
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsFolderPg() });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      }
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      // A connection whose state is uncertain (failed migration, lock possibly still held) is destroyed.
      client.release(broken);
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzlePg(pool, { schema });
  pools.set(db, pool);
  return db as unknown as Db;
}

/** The engine behind a handle opened by `openDatabase` or `openPostgres`. */
export function dialectOf(db: Db): DatabaseDialect {
  return pools.has(db) ? "postgresql" : "sqlite";
}

export function isPostgres(db: Db): boolean {
  return pools.has(db);
}

/** The node-postgres pool of a handle opened by `openPostgres` (advisory locks, raw queries). */
export function postgresPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("Cette base n'est pas une base PostgreSQL ouverte par openPostgres");
  return pool;
}

/**
 * Runs `fn` only if no other process holds the advisory lock `key` (PostgreSQL: `pg_try_advisory_lock`
 * on one pooled connection kept for the duration, released after; `undefined` when another app server
 * has it). For jobs that must run once across app servers (mail worker round, deadline reminders).
 * On SQLite there is one database file per machine and the jobs' own row claims apply: `fn` just runs.
 * `fn` queries through `db` as usual; the lock is held by the reserved connection, not by its queries
 * (so the pool needs at least two connections while a job runs).
 */
export async function withAdvisoryLock<T>(db: Db, key: number, fn: () => Promise<T>): Promise<T | undefined> {
  if (key === MIGRATION_LOCK_KEY) throw new Error("withAdvisoryLock : cette clé est réservée aux migrations");
  if (!isPostgres(db)) return fn();
  const client = await postgresPool(db).connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [key]);
    if (!rows[0]?.locked) return undefined;
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [key]).catch((error: Error) => {
        broken = error;
      });
    }
  } finally {
    // If the unlock failed, destroying the connection ends its session, which releases the lock.
    client.release(broken);
  }
}

/** Ends the pool of a handle opened by `openPostgres` (waits for checked-out connections). */
export async function closePostgres(db: Db): Promise<void> {
  const pool = postgresPool(db);
  pools.delete(db);
  await pool.end();
}

/** Closes either kind of handle. */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgres(db)) await closePostgres(db);
  else db.$client.close();
}
