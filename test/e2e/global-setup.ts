import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureBuilt, freePort, runSetup, startPortal, waitForPortal } from "../support/portal-process";

/**
 * Starts the built portal once for all end-to-end files: a fresh data folder, migrations and
 * demo seed (`npm run setup`), then the portal's Express server (build/server/portal.js, as
 * `npm run serve` runs it) on a free port.
 */
declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-e2e-"));
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    SESSION_SECRET: "e2e-secret-0123456789abcdefghijklmnopq",
    LOGIN_MAX_FAILURES: "5",
  };
  runSetup(env);
  const portal = startPortal(env);
  try {
    await waitForPortal(portal);
  } catch (e) {
    await portal.stop();
    throw e;
  }
  project.provide("baseUrl", portal.baseUrl);
  project.provide("dataDir", dataDir);

  return async () => {
    await portal.stop();
    if (process.env.E2E_SERVER_LOG) console.log(portal.log());
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
