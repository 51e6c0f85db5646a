import type { Db } from "#db/connection";
import { assertSqliteAccess, isSqlite } from "#db/transaction";
import { db, type Tx } from "./db.server";

/** What `build` returns: a drizzle query (select, update…) whose values are `sql.placeholder(…)`s. */
type Preparable = { prepare(): { execute(values?: Record<string, unknown>): PromiseLike<unknown> } };
type ResultOf<Q extends Preparable> = Awaited<ReturnType<ReturnType<Q["prepare"]>["execute"]>>;
type Prepared = { execute(values?: Record<string, unknown>): PromiseLike<unknown> };

/** SQLite's `prepare()` takes no argument; PostgreSQL's takes the statement's name. */
function prepareNamed(query: Preparable, name: string): Prepared {
  return (query.prepare as unknown as (name: string) => Prepared).call(query, name);
}

/**
 * A query of the hot path built by drizzle and prepared ONCE per database handle, then run with
 * placeholder values (issue 16, per-request floor: building a query's SQL is most of drizzle's cost
 * per request, and SQLite compiled it again each time). Correct on both engines:
 *
 * - SQLite: drizzle's `.prepare()` compiles the statement once; each run first checks the
 *   connection's transaction guard (db/transaction.ts), as `prepare` would have. A transaction of
 *   this process runs on the same connection (its `tx` IS the handle), so a query given that `tx`
 *   uses the prepared statement too, inside the transaction.
 * - PostgreSQL: `.prepare(name)` keeps the built SQL and node-postgres prepares the named statement
 *   once per pooled connection. Without `tx` the query runs on the pool; with a transaction's `tx`
 *   (another object than the pool's handle) it is built on that `tx` each time, so it runs inside
 *   the transaction as before.
 *
 * `name` must be unique in the application (PostgreSQL refuses one name for two SQL texts).
 */
export function preparedQuery<Q extends Preparable>(name: string, build: (database: Tx) => Q): (values: Record<string, unknown>, tx?: Tx) => Promise<ResultOf<Q>> {
  const byHandle = new WeakMap<Db, Prepared>();
  return async (values, tx): Promise<ResultOf<Q>> => {
    const database = db();
    let prepared: Prepared | undefined;
    if (tx === undefined || tx === database) {
      prepared = byHandle.get(database);
      if (!prepared) byHandle.set(database, (prepared = prepareNamed(build(database), name)));
      if (isSqlite(database)) assertSqliteAccess(database.$client);
    } else {
      prepared = prepareNamed(build(tx), name);
    }
    const result: unknown = await prepared.execute(values);
    return result as ResultOf<Q>;
  };
}
