import { afterAll, inject } from "vitest";
import { createDatabase, dropDatabase } from "./postgres-cluster";

/**
 * Setup file for a test project that runs integration tests on PostgreSQL (issue 19): listed AFTER
 * test/support/integration-setup.ts, with test/support/postgres-global-setup.ts as globalSetup. Each
 * test file gets its own empty database on the project's cluster, named after nothing shared, and
 * `DATABASE_URL` points at it before any test module loads db/schema (so the schema builds pg-core
 * tables, db/schema/columns.ts); migrations apply when the app opens it. After the file, the app's
 * pool is closed (hooks run in reverse order: before integration-setup's own afterAll) and the
 * database dropped.
 */
const adminUrl = inject("postgresAdminUrl");
const databaseUrl = await createDatabase(adminUrl, "int");
process.env.DATABASE_URL = databaseUrl;
// The app's pool, opened (and migrated) once as the server does at start — without reading the
// app's configuration yet: test files set their own limits before the first config() call.
const { openPostgres } = await import("#db/connection");
(globalThis as { __nrDb?: unknown }).__nrDb = await openPostgres(databaseUrl);

afterAll(async () => {
  const g = globalThis as { __nrDb?: unknown };
  if (g.__nrDb) {
    const { closeDatabase } = await import("#db/connection");
    // The app may keep the handle or the promise of it.
    await closeDatabase((await g.__nrDb) as Parameters<typeof closeDatabase>[0]);
    g.__nrDb = undefined;
  }
  await dropDatabase(adminUrl, databaseUrl);
});
