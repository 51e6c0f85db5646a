import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Starting the built portal as its own process, the way `npm run serve` does (the compiled
 * server, build/server/portal.js, same V8 flag), for the end-to-end and fault suites. The node process is spawned directly,
 * without npm or a shell in between, so that a signal sent to `child` reaches the server itself
 * (SIGTERM for graceful shutdown, SIGKILL for the fault suite).
 */
export const ROOT = path.resolve(import.meta.dirname, "../..");

export type Env = Record<string, string | undefined>;

/** The compiled server `npm run serve` runs (server/index.ts, compiled by the build: vite.config.ts). */
export const SERVER = "build/server/portal.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Builds the portal when build/ is missing (npm test builds first; a lone vitest run may not have). */
export function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, "build/server/index.js")) && fs.existsSync(path.join(ROOT, SERVER))) return;
  const built = spawnSync("npx", ["remix", "vite:build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) throw new Error("échec de la construction du portail");
}

/** `npm run setup` for a data folder: migrations and, unless SEED_DEMO=false, the demo data. */
export function runSetup(env: Env): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`échec de npm run setup : ${run.stderr}`);
}

export interface Portal {
  baseUrl: string;
  child: ChildProcess;
  log(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if still alive after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export function startPortal(env: Env & { PORT: string }, nodeArgs: string[] = []): Portal {
  const child = spawn(process.execPath, ["--max-semi-space-size=32", ...nodeArgs, SERVER], {
    cwd: ROOT,
    env: { NODE_ENV: "production", ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    baseUrl: `http://localhost:${env.PORT}`,
    child,
    log: () => log,
    exited,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `url` answers 2xx; fails early when the process exits. */
export async function waitForPortal(portal: Portal, url = `${portal.baseUrl}/`, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (portal.child.exitCode !== null || portal.child.signalCode !== null) {
      throw new Error(`le serveur s'est arrêté (code ${portal.child.exitCode})\n${portal.log()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`le serveur n'a pas répondu sur ${url} en ${timeoutMs} ms\n${portal.log()}`);
}
