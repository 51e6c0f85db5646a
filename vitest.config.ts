import { defineConfig } from "vitest/config";

// Separate from vite.config.ts on purpose: the Remix Vite plugin must not run under Vitest.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/unit/**/*.test.tsx"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["test/support/integration-setup.ts"],
          testTimeout: 30_000,
          // Seeding hashes demo passwords with argon2: seconds on a busy 2-core machine, not the 10 s default.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // The same integration suite on PostgreSQL (issue 19): one throwaway cluster for the project,
          // one fresh database per test file (test/support/postgres-integration-setup.ts).
          name: "integration-pg",
          include: ["test/integration/**/*.test.ts"],
          // What only SQLite has: its file backup, and migrations of SQLite databases built before issue 19.
          exclude: ["test/integration/backup.test.ts", "test/integration/library-backfill.test.ts", "test/integration/migration-account-security.test.ts"],
          environment: "node",
          setupFiles: ["test/support/integration-setup.ts", "test/support/postgres-integration-setup.ts"],
          globalSetup: ["test/support/postgres-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/e2e/global-setup.ts"],
          // A page walk (accessibility audit of a dozen pages) needs more than a minute on a loaded machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One server for all e2e files; each file opens its own browser, one file at a time.
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          // PostgreSQL foundation (issue 19): one throwaway cluster for the project (initdb + pg_ctl in a temp
          // folder, test/support/postgres-cluster.ts), one fresh database per test; no running service needed.
          name: "postgres",
          include: ["test/postgres/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Two built portals on one PostgreSQL database (issue 19 §4, "Done when"): requests alternate between
          // them, then one is killed with SIGKILL. Its own project, not `postgres` or `fault`: it needs both the
          // throwaway cluster (globalSetup) and the build, starts three processes, and must not share the cluster
          // with the parallel files of the `postgres` project while it kills a server in the middle of writes.
          name: "scale-out",
          include: ["test/scale-out/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/postgres-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // Starts the built portal on its own data folder and kills it with SIGKILL (test/fault/).
          name: "fault",
          include: ["test/fault/**/*.test.ts"],
          environment: "node",
          testTimeout: 150_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
