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

interface SqliteStamp {
  id: string;
  changes: { get(): unknown };
  dataVersion: { get(): unknown };
}
const sqliteStamps = new WeakMap<Db, SqliteStamp>();

export async function writeStamp(): Promise<string> {
  const connection = db();
  if (isPostgres(connection)) {
    const { rows } = await postgresPool(connection).query<{ lsn: string }>("select pg_current_wal_insert_lsn()::text as lsn");
    return rows[0]?.lsn ?? "";
  }
  let stamp = sqliteStamps.get(connection);
  if (!stamp) {
    stamp = {
      id: crypto.randomBytes(6).toString("base64url"),
      // Prepared once: this runs on every page request (server/page-cache.ts).
      changes: connection.$client.prepare("select total_changes()").pluck(),
      dataVersion: connection.$client.prepare("pragma data_version").pluck(),
    };
    sqliteStamps.set(connection, stamp);
  }
  return `${stamp.id}.${stamp.dataVersion.get() as number}.${stamp.changes.get() as number}`;
}
