import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { freePort } from "../support/portal-process";

/**
 * The README's start command, exactly as written, with SESSION_SECRET unset: the portal must
 * serve working pages and the demo buyer must be able to sign in. Only the data folder and the
 * port are moved out of the way (both documented variables), so this run cannot touch ./data.
 */
const root = path.resolve(import.meta.dirname, "../..");
const README_START = "npm install && npm start";

function readmeStartCommand(): string {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const line = readme.split("\n").find((l) => l.trim().startsWith(README_START));
  if (!line) throw new Error(`README.md ne contient plus la commande « ${README_START} »`);
  return README_START;
}

function cleanEnv(overrides: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing of the test runner's configuration leaks into the newcomer's shell.
    if (k === "SESSION_SECRET" || k === "NODE_ENV" || k === "DATA_DIR" || k === "DATABASE_PATH" || k.startsWith("VITEST")) continue;
    env[k] = v;
  }
  return { ...env, ...overrides };
}

type Started = { child: ChildProcess; log: () => string };

function start(command: string, env: Record<string, string | undefined>): Started {
  let log = "";
  const child: ChildProcess = spawn("sh", ["-c", command], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  return { child, log: () => log };
}

async function stop(started: Started | undefined) {
  if (!started?.child.pid || started.child.exitCode !== null) return;
  const exited = new Promise((r) => started.child.once("exit", r));
  process.kill(-started.child.pid, "SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (started.child.exitCode === null) process.kill(-started.child.pid, "SIGKILL");
}

async function waitForPage(url: string, started: Started, timeoutMs: number): Promise<Response> {
  const begin = Date.now();
  while (Date.now() - begin < timeoutMs) {
    if (started.child.exitCode !== null) throw new Error(`la commande s'est arrêtée (code ${started.child.exitCode})\n${started.log()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return res;
      throw new Error(`HTTP ${res.status} sur ${url}\n${started.log()}`);
    } catch (e) {
      if ((e as Error).message.startsWith("HTTP")) throw e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`pas de réponse sur ${url} en ${timeoutMs} ms\n${started.log()}`);
}

async function signInAsDemoBuyer(jar: Jar): Promise<Response> {
  const loginPage = await jar.fetch("/connexion");
  expect(loginPage.status).toBe(200);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1];
  expect(csrf, "le formulaire de connexion porte un jeton CSRF").toBeTruthy();
  return jar.post("/connexion", { email: "acheteur@metropole.example", password: DEMO_PASSWORD }, csrf!);
}

describe("the README's start command", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-readme-start-"));
  let running: Started | undefined;

  afterAll(async () => {
    await stop(running);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    "serves a working portal with nothing else set, generates and keeps a session secret, and the demo buyer signs in",
    async () => {
      const port = await freePort();
      const baseUrl = `http://localhost:${port}`;
      const env = cleanEnv({ DATA_DIR: dataDir, PORT: String(port) });
      running = start(readmeStartCommand(), env);

      const home = await waitForPage(`${baseUrl}/`, running, 240_000);
      expect(home.status).toBe(200);

      const secretFile = path.join(dataDir, "session-secret");
      expect(fs.existsSync(secretFile)).toBe(true);
      expect(fs.statSync(secretFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(secretFile, "utf8").trim().length).toBeGreaterThanOrEqual(32);
      expect(running.log()).toContain("secret de session généré");

      const jar = new Jar(baseUrl);
      const signIn = await signInAsDemoBuyer(jar);
      expect(signIn.status).toBe(302);
      expect(signIn.headers.get("Location")).toBe("/acheteur");
      const buyerHome = await jar.fetch("/acheteur");
      expect(buyerHome.status).toBe(200);
      expect(await buyerHome.text()).toContain("Espace acheteur");

      // A restart keeps the generated secret: the session is still valid and nothing is regenerated.
      const secretBefore = fs.readFileSync(secretFile, "utf8");
      await stop(running);
      running = start("npm run serve", env);
      await waitForPage(`${baseUrl}/`, running, 60_000);
      expect(fs.readFileSync(secretFile, "utf8")).toBe(secretBefore);
      const again = await jar.fetch("/acheteur");
      expect(again.status).toBe(200);
      expect(await again.text()).toContain("Espace acheteur");
    },
    420_000,
  );
});
