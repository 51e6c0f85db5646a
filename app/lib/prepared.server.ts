import type { Db } from "#db/connection";
import { assertSqliteAccess, isSqlite } from "#db/transaction";
import { db } from "./db.server";

/** What `build` returns: a drizzle query (select, update…) whose values are `sql.placeholder(…)`s. */
type Preparable = { prepare(): { execute(values?: Record<string, unknown>): PromiseLike<unknown> } };
type ResultOf<Q extends Preparable> = Awaited<ReturnType<ReturnType<Q["prepare"]>["execute"]>>;

/**
 * A query of the hot path built by drizzle and prepared ONCE per database handle, then run with
 * placeholder values (issue 16, per-request floor: building a query's SQL is most of drizzle's cost
 * per request, and SQLite compiled it again each time). The same on both engines:
 *
 * - SQLite: drizzle's `.prepare()` compiles the statement once; each run first checks the
 *   connection's transaction guard (db/transaction.ts), as `prepare` would have.
 * - PostgreSQL: `.prepare(name)` keeps the built SQL and node-postgres prepares the named statement
 *   once per pooled connection. The query runs on the pool, never inside a transaction: use it for
 *   reads that stand alone (no `tx`).
 *
 * `name` must be unique in the application (PostgreSQL refuses one name for two SQL texts).
 */
export function preparedQuery<Q extends Preparable>(name: string, build: (database: Db) => Q): (values: Record<string, unknown>) => Promise<ResultOf<Q>> {
  type Prepared = { execute(values?: Record<string, unknown>): PromiseLike<unknown> };
  const byHandle = new WeakMap<Db, Prepared>();
  return async (values): Promise<ResultOf<Q>> => {
    const database = db();
    let prepared = byHandle.get(database);
    if (!prepared) {
      const query = build(database);
      // SQLite's `prepare()` takes no argument; PostgreSQL's takes the statement's name.
      prepared = (query.prepare as unknown as (name: string) => Prepared).call(query, name);
      byHandle.set(database, prepared);
    }
    if (isSqlite(database)) assertSqliteAccess(database.$client);
    const result: unknown = await prepared.execute(values);
    return result as ResultOf<Q>;
  };
}
