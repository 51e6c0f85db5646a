/**
 * All-or-nothing writes on both engines (issue 19, docs/decisions/022-postgresql-and-async-data-layer.md).
 *
 * Every module writes `await transaction(async (tx) => { … })` (app/lib/db.server.ts) or
 * `runTransaction(database, async (tx) => { … })` here; the callback only awaits database calls.
 *
 * - PostgreSQL: drizzle's pooled transaction at the isolation level the caller states (default
 *   SERIALIZABLE: a submission, a publication, an import and the login limiter read then write, and
 *   must behave as if run one after the other across app servers). A serialization failure or a
 *   deadlock is retried a bounded number of times: the callback starts again from the top.
 * - SQLite: one connection per process, and better-sqlite3 cannot run an async function as a
 *   transaction (it refuses a callback that returns a promise). So `BEGIN IMMEDIATE` … `COMMIT` are
 *   issued around the callback, one transaction at a time in this process (a promise chain serves as
 *   the lock); IMMEDIATE takes SQLite's write lock at once, so another process (a backup, a script)
 *   waits on busy_timeout instead of failing half-way. SQLite is serializable by construction.
 *   Because the connection is shared, a query issued by ANOTHER request while a transaction is open
 *   would run inside it. That cannot happen while callbacks only await SQLite queries (they resolve
 *   without returning to the event loop); `guardSqliteConnection` turns any breach of that rule into
 *   an immediate error instead of a silent mix of two requests' writes.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";

/** PostgreSQL isolation levels the portal uses; SQLite always runs serializable. */
export type Isolation = "read committed" | "repeatable read" | "serializable";

export interface TransactionOptions {
  /** Why a level other than the default is enough belongs in a comment at the call site. */
  isolation?: Isolation;
}

/** The subset of a drizzle database a transaction callback receives (same shape on both engines). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Drizzle = { transaction: (...args: any[]) => any; $client: unknown };

const MAX_ATTEMPTS = 5;

/** True when the database is the embedded SQLite one (a better-sqlite3 client underneath). */
export function isSqlite(database: { $client: unknown }): boolean {
  const client = database.$client as { pragma?: unknown } | undefined;
  return typeof client?.pragma === "function";
}

export async function runTransaction<D extends Drizzle, T>(database: D, fn: (tx: D) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  if (isSqlite(database)) return sqliteTransaction(database, fn);
  const isolationLevel = options.isolation ?? "serializable";
  for (let attempt = 1; ; attempt++) {
    try {
      return (await database.transaction((tx: D) => fn(tx), { isolationLevel })) as T;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      // Short, jittered pause so that two retried transactions do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/** 40001 serialization_failure, 40P01 deadlock_detected: safe to run the whole callback again. */
function isRetryable(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (code === "40001" || code === "40P01") return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// SQLite

interface OpenTransaction {
  /** The request (or script) context that opened it; undefined outside any request. */
  owner: object | undefined;
}

/**
 * Process-wide singletons, kept on globalThis: this module is loaded twice in a running portal (by
 * the server, which sets the request context, and inside the Remix build, which opens transactions),
 * and both copies must share the same async contexts and locks.
 */
function shared<T>(name: string, create: () => T): T {
  const g = globalThis as Record<symbol, T | undefined>;
  const key = Symbol.for(`nr-procure.db.${name}`);
  return (g[key] ??= create());
}

/** The request a piece of code runs for; set by the HTTP server around each request. */
export const requestContext = shared("requestContext", () => new AsyncLocalStorage<object>());
/** Marks the async context of the callback of the open SQLite transaction. */
const insideTransaction = shared("insideTransaction", () => new AsyncLocalStorage<OpenTransaction>());

const locks = shared("locks", () => new WeakMap<object, { tail: Promise<unknown>; open: OpenTransaction | undefined }>());

/**
 * One lock per database FILE: two connections of this process to the same file (a test standing in
 * for two servers, a backup) take turns instead of one waiting synchronously on SQLite's busy
 * timeout while the other needs the event loop to finish.
 */
const lockByFile = shared("lockByFile", () => new Map<string, { tail: Promise<unknown>; open: OpenTransaction | undefined }>());
function lockOf(client: Database.Database) {
  const file = client.name;
  let lock = locks.get(client) ?? lockByFile.get(file);
  if (!lock) {
    lock = { tail: Promise.resolve(), open: undefined };
    if (!client.memory) lockByFile.set(file, lock);
  }
  locks.set(client, lock);
  return lock;
}

async function sqliteTransaction<D extends Drizzle, T>(database: D, fn: (tx: D) => Promise<T>): Promise<T> {
  const client = database.$client as Database.Database;
  const current = insideTransaction.getStore();
  const lock = lockOf(client);
  // Nested call from inside the open transaction: a savepoint, as drizzle does for tx.transaction.
  if (current && lock.open === current) return savepoint(client, () => fn(database));

  const previous = lock.tail;
  let release!: () => void;
  lock.tail = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const open: OpenTransaction = { owner: requestContext.getStore() };
  try {
    client.exec("BEGIN IMMEDIATE");
    lock.open = open;
    try {
      const result = await insideTransaction.run(open, () => fn(database));
      lock.open = undefined;
      client.exec("COMMIT");
      return result;
    } catch (error) {
      lock.open = undefined;
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  } finally {
    lock.open = undefined;
    release();
  }
}

let savepoints = 0;
async function savepoint<T>(client: Database.Database, fn: () => Promise<T>): Promise<T> {
  const name = `sp${++savepoints}`;
  client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    client.exec(`ROLLBACK TO ${name}`);
    client.exec(`RELEASE ${name}`);
    throw error;
  }
}

/**
 * Throws when a query of ANOTHER request would run inside the open SQLite transaction of `client`
 * (see the module comment). Called by every `prepare` of a guarded connection, and before each run
 * of a query prepared once (app/lib/prepared.server.ts), which does not go through `prepare` again.
 */
export function assertSqliteAccess(client: Database.Database): void {
  const open = lockOf(client).open;
  if (open && insideTransaction.getStore() !== open && requestContext.getStore() !== open.owner) {
    throw new Error(
      "SQLite : requête d'une autre requête HTTP pendant une transaction ouverte (un rappel de transaction a attendu autre chose que la base de données).",
    );
  }
}

/** Statements kept per connection (LRU), and the longest SQL text kept (multi-row INSERT batches are not). */
const STATEMENT_CACHE_SIZE = 500;
const STATEMENT_CACHE_MAX_SQL = 4_000;

/**
 * Wraps the client's `prepare` (drizzle prepares every query through it) so that a query from
 * another request while a transaction is open fails loudly. Queries of the same request (Remix runs
 * a page's loaders side by side) and of the transaction itself pass.
 *
 * It also remembers compiled statements by SQL text (issue 16, per-request floor: SQLite compiled
 * every query of every request again, ~2 % of a light page). A statement handed out again is reset
 * to better-sqlite3's default result mode first (drizzle switches some to `raw()`), and one that is
 * still running (an open `iterate()`) is never handed out twice. Schema changes are SQLite's
 * concern: a cached statement is recompiled by SQLite when the schema it was compiled against changed.
 */
export function guardSqliteConnection(client: Database.Database): void {
  const prepare = client.prepare.bind(client) as (source: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  (client as { prepare: unknown }).prepare = (source: string) => {
    assertSqliteAccess(client);
    if (typeof source !== "string" || source.length > STATEMENT_CACHE_MAX_SQL) return prepare(source);
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      // Most recently used last: Map keeps insertion order.
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  };
}

/**
 * `items.map(fn)` for an async `fn`, one item after the other: inside a transaction the writes
 * keep the order (and the ids) they had when the code was synchronous.
 */
export async function mapInOrder<T, R>(items: Iterable<T>, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let index = 0;
  for (const item of items) out.push(await fn(item, index++));
  return out;
}

/** Rows an UPDATE or DELETE changed: `changes` on SQLite, `rowCount` on PostgreSQL. */
export function affectedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
