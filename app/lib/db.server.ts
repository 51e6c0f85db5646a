import { openDatabase, type Db } from "#db/connection";
import { guardSqliteConnection, runTransaction, type TransactionOptions } from "#db/transaction";
import { config } from "~/config.server";

// One connection per process; kept on globalThis so that dev-server reloads don't reopen it.
const globalForDb = globalThis as unknown as { __nrDb?: Db };

/**
 * What a server function needs to run its queries inside the caller's transaction: the query
 * builders, awaited (`await tx.select()…`), the same on SQLite and PostgreSQL.
 */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;

export function db(): Db {
  if (!globalForDb.__nrDb) {
    const opened = openDatabase(config().databasePath);
    guardSqliteConnection(opened.$client);
    globalForDb.__nrDb = opened;
  }
  return globalForDb.__nrDb;
}

/**
 * Runs `fn` as one all-or-nothing transaction of the process's database (db/transaction.ts):
 * BEGIN IMMEDIATE on SQLite, the stated isolation level (default serializable, retried on
 * serialization failures) on PostgreSQL. The callback awaits only database calls.
 */
export function transaction<T>(fn: (tx: Db) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return runTransaction(db(), fn, options);
}

/** Closes the process's connection (graceful shutdown, server/shutdown.ts); the next db() reopens. */
export function closeDb(): void {
  const open = globalForDb.__nrDb;
  globalForDb.__nrDb = undefined;
  open?.$client.close();
}
