import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/**
 * Integration set-up, run before each integration test file: a fresh data folder (real SQLite
 * file, migrated on first open) so that files never share state.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-int-"));
process.env.DATA_DIR = dataDir;
process.env.SESSION_SECRET = "integration-secret-0123456789abcdefghijklmnop";
process.env.NODE_ENV = "test";
process.env.LOGIN_MAX_FAILURES = "5";
delete process.env.DATABASE_PATH;
(globalThis as { __nrDb?: unknown }).__nrDb = undefined;

afterAll(() => {
  const g = globalThis as { __nrDb?: { $client: { close(): void } } };
  g.__nrDb?.$client.close();
  g.__nrDb = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});
