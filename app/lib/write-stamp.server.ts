/**
 * The database's write stamp: a string that changes with every committed write, from this process
 * or another, so that an in-process cache keyed by it can never serve data older than the database
 * (the comparison cache, app/tenders/data-version.server.ts; the page cache, server/page-cache.ts).
 *
 * - SQLite: `total_changes()` counts this connection's inserted, updated and deleted rows;
 *   `PRAGMA data_version` changes when another connection commits. Both restart with a new
 *   connection, hence the connection's own random id in front.
 * - PostgreSQL (several app servers, one database): the write-ahead log's insert position, which
 *   moves with every write from any server.
 */
import crypto from "node:crypto";
import { isPostgres, postgresPool, type Db } from "#db/connection";
import { db } from "./db.server";

/** Each SQLite connection's own random id: the counters restart with a new connection. */
const connectionIds = new WeakMap<Db, string>();

export async function writeStamp(): Promise<string> {
  const connection = db();
  if (isPostgres(connection)) {
    const { rows } = await postgresPool(connection).query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
    return rows[0]?.lsn ?? "";
  }
  let id = connectionIds.get(connection);
  if (!id) connectionIds.set(connection, (id = crypto.randomBytes(6).toString("base64url")));
  // Prepared on each call, not kept: the guarded connection compiles each SQL text once and hands
  // the same statement to every caller, in the default result mode (db/transaction.ts); a statement
  // kept here could have its mode changed by another caller preparing the same text.
  const { data_version: version } = connection.$client.prepare("pragma data_version").get() as { data_version: number };
  const { n: changes } = connection.$client.prepare("select total_changes() as n").get() as { n: number };
  return `${id}.${version}.${changes}`;
}
