import { closeDatabase, openDatabase, openPostgres, type Db } from "#db/connection";
import { guardSqliteConnection, runTransaction, type TransactionOptions } from "#db/transaction";
import { config } from "~/config.server";

// One handle per process (a SQLite connection or a PostgreSQL pool); kept on globalThis so that
// dev-server reloads don't reopen it.
const globalForDb = globalThis as unknown as { __nrDb?: Db };

/**
 * What a server function needs to run its queries inside the caller's transaction: the query
 * builders, awaited (`await tx.select()…`), the same on SQLite and PostgreSQL.
 */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

/**
 * The process's database. SQLite opens (and migrates) on first use; PostgreSQL is opened once by
 * `initDatabase()` at start (its migrations are asynchronous), before any request is served.
 */
export function db(): Db {
  if (!globalForDb.__nrDb) {
    if (config().databaseUrl) throw new Error("Base PostgreSQL pas encore ouverte : appelez initDatabase() au démarrage.");
    const opened = openDatabase(config().databasePath);
    guardSqliteConnection(opened.$client);
    globalForDb.__nrDb = opened;
  }
  return globalForDb.__nrDb;
}

/** Opens the database named by the configuration and applies its migrations (both engines). */
export async function initDatabase(): Promise<Db> {
  const url = config().databaseUrl;
  if (!globalForDb.__nrDb && url) globalForDb.__nrDb = await openPostgres(url);
  return db();
}

/**
 * Runs `fn` as one all-or-nothing transaction of the process's database (db/transaction.ts):
 * BEGIN IMMEDIATE on SQLite, the stated isolation level (default serializable, retried on
 * serialization failures) on PostgreSQL. The callback awaits only database calls.
 */
export function transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return runTransaction(db(), fn, options);
}

/** Closes the process's handle (graceful shutdown, server/shutdown.ts); the next db() reopens SQLite. */
export async function closeDb(): Promise<void> {
  const open = globalForDb.__nrDb;
  globalForDb.__nrDb = undefined;
  if (open) await closeDatabase(open);
}
