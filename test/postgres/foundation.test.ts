import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import type * as ConnectionModule from "#db/connection";
import type * as SchemaModule from "#db/schema";
import { affectedRows } from "#db/transaction";
import { createDatabase, dropDatabase } from "../support/postgres-cluster";

/**
 * Smoke test of the PostgreSQL foundation (issue 19, docs/decisions/022-postgresql.md): the one
 * dialect-neutral schema (db/schema/columns.ts), db/migrations-pg applied by `openPostgres` under an
 * advisory lock, and the same JS values as SQLite through drizzle. The cluster is the project's
 * (test/support/postgres-global-setup.ts); every test makes its own database.
 *
 * Both engines are loaded in this one file: the schema modules pick their dialect from DATABASE_URL
 * when loaded, so each engine gets a fresh module graph (`vi.resetModules`) after setting it.
 */
type Connection = typeof ConnectionModule;
type Schema = typeof SchemaModule;
type Engine = { connection: Connection; schema: Schema };

const adminUrl = inject("postgresAdminUrl");
const savedUrl = process.env.DATABASE_URL;
const created: string[] = [];
let tmp: string;

async function loadEngine(databaseUrl: string | undefined): Promise<Engine> {
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
  else delete process.env.DATABASE_URL;
  vi.resetModules();
  const connection = await import("#db/connection");
  const schema = await import("#db/schema");
  return { connection, schema };
}

async function newDatabase(options: { timezone?: string } = {}): Promise<string> {
  const url = await createDatabase(adminUrl, "smoke", options);
  created.push(url);
  return url;
}

/** The one row an insert … returning() gave back. */
function only<T>(rows: T[]): T {
  expect(rows).toHaveLength(1);
  return rows[0] as T;
}

/** The PostgreSQL error code behind a rejection (drizzle wraps driver errors in DrizzleQueryError). */
function sqlStateOf(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; e && i < 5; i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nr-pg-smoke-"));
});

afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  for (const url of created) await dropDatabase(adminUrl, url);
  fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Table → sorted `column nullability default?` descriptions, and the sorted secondary index names (primary keys, single or composite, left out), as
 * the engine reports them. A schema change whose migration was generated for one dialect only shows
 * here. (A primary key is NOT NULL on PostgreSQL while SQLite's pragma says nullable: not compared.)
 */
async function describePg(connection: Connection, db: ConnectionModule.Db) {
  const pool = connection.postgresPool(db);
  const columns = await pool.query<{ table_name: string; column_name: string; is_nullable: string; has_default: boolean; pk: boolean }>(
    `select c.table_name, c.column_name, c.is_nullable, c.column_default is not null as has_default,
            exists (select 1 from information_schema.key_column_usage k join information_schema.table_constraints t using (constraint_schema, constraint_name)
                     where t.constraint_type = 'PRIMARY KEY' and k.table_name = c.table_name and k.column_name = c.column_name) as pk
       from information_schema.columns c where c.table_schema = 'public' order by 1, 2`,
  );
  const tables: Record<string, string[]> = {};
  for (const r of columns.rows) {
    (tables[r.table_name] ??= []).push(`${r.column_name} ${r.pk ? "pk" : r.is_nullable === "YES" ? "null" : "not null"}${r.has_default ? " default" : ""}`);
  }
  const indexes = await pool.query<{ indexname: string }>("select indexname from pg_indexes where schemaname = 'public' and indexname not in (select conname from pg_constraint where contype = 'p') order by 1");
  return { tables, indexes: indexes.rows.map((r) => r.indexname) };
}

function describeSqlite(db: ConnectionModule.Db) {
  const names = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .all() as { name: string }[];
  const tables: Record<string, string[]> = {};
  for (const { name } of names) {
    const columns = db.$client.prepare(`select name, "notnull", dflt_value, pk from pragma_table_info('${name}') order by name`).all() as {
      name: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    tables[name] = columns.map((c) => `${c.name} ${c.pk ? "pk" : c.notnull ? "not null" : "null"}${c.dflt_value !== null ? " default" : ""}`);
  }
  const indexes = (
    db.$client.prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex%' order by name").all() as { name: string }[]
  ).map((r) => r.name);
  return { tables, indexes };
}

describe("migrations on PostgreSQL", () => {
  it("apply on an empty database, give the same tables, columns (nullability, defaults) and indexes as SQLite, and a second open is a no-op", async () => {
    const sqlite = await loadEngine(undefined);
    const sqliteDb = sqlite.connection.openDatabase(path.join(tmp, "shape.sqlite"));
    const expected = describeSqlite(sqliteDb);
    sqliteDb.$client.close();

    const url = await newDatabase();
    const { connection } = await loadEngine(url);
    const journal = JSON.parse(fs.readFileSync(path.join(connection.migrationsFolderPg(), "meta", "_journal.json"), "utf8")) as { entries: unknown[] };

    const first = await connection.openPostgres(url);
    expect(connection.isPostgres(first)).toBe(true);
    expect(connection.dialectOf(first)).toBe("postgresql");
    const shape = await describePg(connection, first);
    expect(Object.keys(shape.tables).length).toBe(41); // 39 + file_blobs and factor_staging (shared files, issue 19)
    expect(shape.tables.users).toEqual(["created_at not null default", "deleted_at null", "email not null", "id pk", "name not null", "password_hash not null"]);
    expect(shape).toEqual(expected);
    const applied = await connection.postgresPool(first).query("select hash, created_at from drizzle.__drizzle_migrations order by id");
    expect(applied.rows.length).toBe(journal.entries.length);
    await connection.closePostgres(first);

    const second = await connection.openPostgres(url);
    const again = await connection.postgresPool(second).query("select hash, created_at from drizzle.__drizzle_migrations order by id");
    expect(again.rows).toEqual(applied.rows);
    expect(await describePg(connection, second)).toEqual(shape);
    await connection.closePostgres(second);
  });

  it("two app servers opening the same empty database together both succeed (advisory lock), migrations applied once", async () => {
    const url = await newDatabase();
    const { connection, schema } = await loadEngine(url);
    const opened = await Promise.allSettled([connection.openPostgres(url, { poolSize: 2 }), connection.openPostgres(url, { poolSize: 2 })]);
    try {
      expect(opened.map((o) => (o.status === "rejected" ? String(o.reason) : "ouverte"))).toEqual(["ouverte", "ouverte"]);
      const [a, b] = opened.map((o) => (o as PromiseFulfilledResult<ConnectionModule.Db>).value) as [ConnectionModule.Db, ConnectionModule.Db];
      const rows = await connection.postgresPool(a).query("select count(*) as n from drizzle.__drizzle_migrations");
      const journal = JSON.parse(fs.readFileSync(path.join(connection.migrationsFolderPg(), "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
      expect(rows.rows[0].n).toBe(journal.entries.length); // each migration once, not twice
      // Both handles work on the migrated schema.
      await a.insert(schema.organisations).values({ name: "Serveur A", kind: "buyer" });
      await b.insert(schema.organisations).values({ name: "Serveur B", kind: "buyer" });
      const names = await a.select({ name: schema.organisations.name }).from(schema.organisations).orderBy(schema.organisations.id);
      expect(names.map((r) => r.name)).toEqual(["Serveur A", "Serveur B"]);
    } finally {
      for (const o of opened) if (o.status === "fulfilled") await connection.closePostgres(o.value);
    }
  });
});

describe("transactions on PostgreSQL (db/transaction.ts)", () => {
  it("all or nothing: a failing callback leaves nothing; concurrent read-modify-write transactions (serializable, retried) lose no update", async () => {
    const url = await newDatabase();
    const { connection, schema } = await loadEngine(url);
    const { runTransaction } = await import("#db/transaction");
    const db = await connection.openPostgres(url, { poolSize: 4 });
    try {
      const failed = await runTransaction(db, async (tx) => {
        await tx.insert(schema.organisations).values({ name: "Annulée", kind: "buyer" });
        throw new Error("échec après l'écriture");
      }).then(
        () => undefined,
        (error: Error) => error.message,
      );
      expect(failed).toBe("échec après l'écriture");
      expect(await db.select().from(schema.organisations)).toEqual([]);

      const org = only(await db.insert(schema.organisations).values({ name: "Acheteur", kind: "buyer" }).returning());
      const user = only(await db.insert(schema.users).values({ email: "t@example.org", name: "T", passwordHash: "x" }).returning());
      const tender = only(
        await db
          .insert(schema.tenders)
          .values({ organisationId: org.id, createdBy: user.id, title: "T", reference: "R", segment: "s", deadline: "2027-01-01T00:00:00.000Z", draftMethod: {} })
          .returning(),
      );
      const bump = () =>
        runTransaction(db, async (tx) => {
          const [row] = await tx.select({ v: schema.tenders.dataVersion }).from(schema.tenders).where(eq(schema.tenders.id, tender.id));
          // Let the three transactions all read before any writes: they overlap for sure.
          await new Promise((resolve) => setTimeout(resolve, 150));
          await tx.update(schema.tenders).set({ dataVersion: (row?.v ?? 0) + 1 }).where(eq(schema.tenders.id, tender.id));
        });
      await Promise.all([bump(), bump(), bump()]);
      const [after] = await db.select({ v: schema.tenders.dataVersion }).from(schema.tenders);
      expect(after?.v).toBe(3);
    } finally {
      await connection.closePostgres(db);
    }
  });
});

describe("advisory locks for jobs that run once across app servers", () => {
  it("withAdvisoryLock runs the job on one server only while the other holds it, then again once released", async () => {
    const url = await newDatabase();
    const { connection } = await loadEngine(url);
    const [a, b] = [await connection.openPostgres(url, { poolSize: 2 }), await connection.openPostgres(url, { poolSize: 2 })];
    try {
      const ran: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const first = connection.withAdvisoryLock(a, 42, async () => {
        ran.push("a");
        await held;
        return "a";
      });
      // Wait until A is inside the job before B tries.
      await vi.waitFor(() => expect(ran).toEqual(["a"]));
      expect(await connection.withAdvisoryLock(b, 42, async () => ran.push("b"))).toBeUndefined();
      release();
      expect(await first).toBe("a");
      expect(await connection.withAdvisoryLock(b, 42, async () => (ran.push("b"), "b"))).toBe("b");
      expect(ran).toEqual(["a", "b"]);
      await expect(connection.withAdvisoryLock(a, connection.MIGRATION_LOCK_KEY, async () => 1)).rejects.toThrow(/réservée aux migrations/);
    } finally {
      await connection.closePostgres(a);
      await connection.closePostgres(b);
    }
  });
});

const isoMillisUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The same writes and reads on either engine; returns what drizzle gives back. */
async function roundTrip({ schema }: Engine, db: ConnectionModule.Db) {
  const before = Date.now();
  const org = only(await db.insert(schema.organisations).values({ name: "Acheteur public", kind: "buyer" }).returning());
  const user = only(await db.insert(schema.users).values({ email: "a@example.org", name: "Anne", passwordHash: "x" }).returning());
  const method = { b: 1, a: [1, "deux", null, 3.5], nested: { z: true, y: "é \"quoted\"" } };
  const t1 = only(await db
    .insert(schema.tenders)
    .values({
      organisationId: org.id,
      createdBy: user.id,
      title: "Postes de travail",
      reference: "AO-1",
      segment: "postes",
      deadline: "2027-01-31T16:00:00.000Z",
      allowEarlyEvaluation: true,
      draftMethod: method,
    })
    .returning());
  // A JSON string that looks like a number must come back as that string.
  const t2 = only(await db
    .insert(schema.tenders)
    .values({ organisationId: org.id, createdBy: user.id, title: "T2", reference: "AO-2", segment: "serveurs", deadline: "2027-02-01T16:00:00.000Z", draftMethod: "123", publishedMethod: [] })
    .returning());
  await db.insert(schema.offerScores).values([
    { tenderId: t1.id, supplierOrganisationId: org.id, priceEurHt: 1234.5678, technicalScore: null },
    { tenderId: t2.id, supplierOrganisationId: org.id, priceEurHt: 0.1 + 0.2, technicalScore: 17 },
  ]);
  await db.insert(schema.rateLimits).values({ key: "signin:abc", hits: 3, nextAt: 1_800_000_000_123, expiresAt: 4_102_444_800_000 });
  // An explicit id is accepted (identity "by default" on PostgreSQL).
  await db.insert(schema.organisations).values({ id: 1000, name: "Explicite", kind: "supplier" });

  // Upserts on a unique index, as the portal writes autosaves and scores.
  const upserted = await db
    .insert(schema.offerScores)
    .values({ tenderId: t2.id, supplierOrganisationId: org.id, priceEurHt: 99.5 })
    .onConflictDoUpdate({ target: [schema.offerScores.tenderId, schema.offerScores.supplierOrganisationId], set: { priceEurHt: sql`excluded.price_eur_ht + 0.25` } })
    .returning({ id: schema.offerScores.id, priceEurHt: schema.offerScores.priceEurHt });
  const ignored = await db
    .insert(schema.offerScores)
    .values({ tenderId: t2.id, supplierOrganisationId: org.id, priceEurHt: 1 })
    .onConflictDoNothing()
    .returning({ id: schema.offerScores.id });

  // Compare-and-set writes count the rows they touched the same way on both engines.
  const touched = affectedRows(await db.update(schema.offerScores).set({ technicalScore: 12 }).where(isNull(schema.offerScores.technicalScore)));
  const touchedAgain = affectedRows(await db.update(schema.offerScores).set({ technicalScore: 13 }).where(isNull(schema.offerScores.technicalScore)));

  const tenders = await db.select().from(schema.tenders).orderBy(schema.tenders.id);
  const scores = await db.select().from(schema.offerScores).orderBy(schema.offerScores.id);
  const limits = await db.select().from(schema.rateLimits);
  const organisations = await db.select().from(schema.organisations).orderBy(schema.organisations.id);
  const aggregates = only(await db
    .select({
      n: sql<number>`count(*)`,
      hits: sql<number>`(select sum(hits) from rate_limits)`,
      avgPrice: sql<number>`(select avg(price_eur_ht) from offer_scores)`,
    })
    .from(schema.tenders));
  const after = Date.now();

  const stamps = [...tenders.flatMap((t) => [t.createdAt, t.updatedAt]), ...organisations.map((o) => o.createdAt), ...scores.map((s) => s.updatedAt)];
  for (const stamp of stamps) {
    expect(stamp).toMatch(isoMillisUtc);
    // UTC whatever the session time zone: within the test's own window (1 s of slack for rounding).
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(stamp)).toBeLessThanOrEqual(after + 1000);
  }
  const strip = <T extends Record<string, unknown>>(row: T) =>
    Object.fromEntries(Object.entries(row).filter(([k]) => !["createdAt", "updatedAt"].includes(k)));
  return {
    tenders: tenders.map(strip),
    scores: scores.map(strip),
    limits,
    organisations: organisations.map(strip),
    aggregates,
    touched: [touched, touchedAgain],
    upserts: { upserted, ignored },
    returned: { org: strip(org), t1: strip(t1), t2: strip(t2) },
  };
}

describe("the neutral schema through drizzle", () => {
  it("gives the same JS values on PostgreSQL as on SQLite: booleans, json, reals, nulls, bigints, aggregates, upserts, affected rows, the now default", async () => {
    const sqlite = await loadEngine(undefined);
    const sqliteDb = sqlite.connection.openDatabase(path.join(tmp, "roundtrip.sqlite"));
    const onSqlite = await roundTrip(sqlite, sqliteDb);
    sqliteDb.$client.close();

    // A database whose sessions run at UTC+14: the `now` default must still be UTC.
    const url = await newDatabase({ timezone: "Pacific/Kiritimati" });
    const postgres = await loadEngine(url);
    const pgDb = await postgres.connection.openPostgres(url);
    try {
      const onPostgres = await roundTrip(postgres, pgDb);
      expect(onPostgres).toEqual(onSqlite);
      // The values themselves, so that "equal" is not "equally wrong".
      expect(onPostgres.tenders[0]).toMatchObject({
        allowEarlyEvaluation: true,
        draftMethod: { b: 1, a: [1, "deux", null, 3.5], nested: { z: true, y: 'é "quoted"' } },
        publishedMethod: null,
        status: "draft",
        dataVersion: 0,
        publishedAt: null,
      });
      expect(onPostgres.tenders[1]).toMatchObject({ allowEarlyEvaluation: false, draftMethod: "123", publishedMethod: [] });
      expect(onPostgres.scores.map((s) => [s.priceEurHt, s.technicalScore])).toEqual([
        [1234.5678, 12],
        [99.75, 17],
      ]);
      expect(onPostgres.upserts).toEqual({ upserted: [{ id: 2, priceEurHt: 99.75 }], ignored: [] });
      expect(onPostgres.touched).toEqual([1, 0]);
      expect(onPostgres.limits).toEqual([{ key: "signin:abc", hits: 3, nextAt: 1_800_000_000_123, expiresAt: 4_102_444_800_000 }]);
      expect(onPostgres.aggregates).toEqual({ n: 2, hits: 3, avgPrice: (1234.5678 + 99.75) / 2 });
      expect(onPostgres.organisations.map((o) => [o.id, o.procurementRegime, o.deletedAt])).toEqual([
        [1, "public", null],
        [1000, "public", null],
      ]);
      // json, not jsonb: the text is stored as written (key order kept).
      const raw = await postgres.connection.postgresPool(pgDb).query("select draft_method::text as t from tenders order by id limit 1");
      expect(raw.rows[0].t).toBe(JSON.stringify({ b: 1, a: [1, "deux", null, 3.5], nested: { z: true, y: 'é "quoted"' } }));
    } finally {
      await postgres.connection.closePostgres(pgDb);
    }
  });

  it("enforces unique indexes (partial ones too) and foreign keys", async () => {
    const url = await newDatabase();
    const { connection, schema } = await loadEngine(url);
    const db = await connection.openPostgres(url);
    try {
      await db.insert(schema.users).values({ email: "double@example.org", name: "Un", passwordHash: "x" });
      const duplicate = await db
        .insert(schema.users)
        .values({ email: "double@example.org", name: "Deux", passwordHash: "y" })
        .then(() => undefined, (error: unknown) => error);
      expect(sqlStateOf(duplicate)).toBe("23505");

      const orphan = await db
        .insert(schema.memberships)
        .values({ userId: 999_999, organisationId: 999_999, role: "buyer" })
        .then(() => undefined, (error: unknown) => error);
      expect(sqlStateOf(orphan)).toBe("23503");

      // allocated_emissions_live: unique among live rows only (WHERE deleted_at IS NULL).
      const buyer = only(await db.insert(schema.organisations).values({ name: "Client", kind: "buyer" }).returning());
      const supplier = only(await db.insert(schema.organisations).values({ name: "Fournisseur", kind: "supplier" }).returning());
      const author = only(await db.insert(schema.users).values({ email: "rse@example.org", name: "RSE", passwordHash: "x" }).returning());
      const declaration = {
        supplierOrganisationId: supplier.id,
        customerOrganisationId: buyer.id,
        year: 2025,
        scope12T: 12.5,
        method: "revenue-share" as const,
        verification: "none" as const,
        createdBy: author.id,
      };
      await db.insert(schema.allocatedEmissions).values({ ...declaration, deletedAt: "2026-01-01T00:00:00.000Z" });
      await db.insert(schema.allocatedEmissions).values(declaration);
      const secondLive = await db
        .insert(schema.allocatedEmissions)
        .values(declaration)
        .then(() => undefined, (error: unknown) => error);
      expect(sqlStateOf(secondLive)).toBe("23505");
    } finally {
      await connection.closePostgres(db);
    }
  });
});
