import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Starts the built portal once for all end-to-end files: a fresh data folder, migrations and
 * demo seed (`npm run setup`), then remix-serve on a free loopback port.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${child.exitCode})`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`le serveur n'a pas répondu sur ${url} en ${timeoutMs} ms`);
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, "../..");
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    const built = spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
    if (built.status !== 0) throw new Error("échec de la construction du portail");
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    SESSION_SECRET: "e2e-secret-0123456789abcdefghijklmnopq",
    LOGIN_MAX_FAILURES: "5",
  };
  const setupRun = spawnSync("npx", ["tsx", "scripts/setup.ts"], { cwd: root, env, encoding: "utf8" });
  if (setupRun.status !== 0) throw new Error(`échec de npm run setup : ${setupRun.stderr}`);

  const server = spawn(process.execPath, [path.join(root, "node_modules/@remix-run/serve/dist/cli.js"), "build/server/index.js"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitFor(`${baseUrl}/`, 30_000, server);
  } catch (e) {
    server.kill();
    throw new Error(`${(e as Error).message}\n${log}`, { cause: e });
  }
  project.provide("baseUrl", baseUrl);
  project.provide("dataDir", dataDir);

  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    if (process.env.E2E_SERVER_LOG) console.log(log);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
