import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { freePort, runSetup, startPortal, type Portal } from "../support/portal-process";
import { waitForPortal } from "../support/portal-process";

/**
 * Graceful shutdown (issue 15, item 1), on a portal of its own: SIGTERM while requests are in
 * flight. The server stops accepting connections, finishes a sign-in whose body is still arriving
 * (its session is written and returned), cuts a request that would never end once
 * SHUTDOWN_GRACE_MS has passed, closes the database (SQLite folds its WAL back and removes it) and
 * exits 0.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-shutdown-"));
let portal: Portal | undefined;

afterAll(async () => {
  await portal?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A POST whose body is sent in two parts, the second when the test says so. */
function slowPost(url: string, headers: Record<string, string>, body: string) {
  const u = new URL(url);
  const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } });
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    req.on("response", resolve);
    req.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

describe("graceful shutdown", () => {
  it("finishes the request in flight, cuts a never-ending one after the grace period, closes the database", async () => {
    const port = await freePort();
    const env = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), SESSION_SECRET: "shutdown-secret-0123456789abcdefghijklmn", SHUTDOWN_GRACE_MS: "3000" };
    runSetup(env);
    portal = startPortal(env);
    await waitForPortal(portal);
    const jar = new Jar(portal.baseUrl);
    const csrf = await jar.csrf("/connexion");
    const headers = { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header(), Origin: portal.baseUrl };

    const signIn = slowPost(`${portal.baseUrl}/connexion`, headers, new URLSearchParams({ csrf, email: "acheteur@metropole.example", password: DEMO_PASSWORD }).toString());
    const endless = slowPost(`${portal.baseUrl}/connexion`, headers, new URLSearchParams({ csrf, email: "acheteur@metropole.example", password: "x".repeat(40) }).toString());
    const endlessOutcome = endless.response.then(
      (r) => `réponse ${r.statusCode}`,
      (e: Error) => `coupée (${e.message})`,
    );
    await new Promise((r) => setTimeout(r, 500)); // both requests are being read by the server

    portal.child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    // No new connection is accepted any more.
    await expect(fetch(`${portal.baseUrl}/`)).rejects.toThrow();

    signIn.finish();
    const res = await signIn.response;
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe("/acheteur");
    expect(String(res.headers["set-cookie"])).toContain("__session=");
    res.resume();

    // The second request never completes its body: it is cut after SHUTDOWN_GRACE_MS, and the process exits normally.
    const exit = await portal.exited;
    expect(await endlessOutcome).toMatch(/^coupée/);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(portal.log()).toContain("SIGTERM reçu");
    expect(portal.log()).toContain("Serveur arrêté, base de données fermée.");

    // The database was closed cleanly (no WAL left behind) and holds the session the sign-in created.
    const dbFile = path.join(dataDir, "nr-procure.sqlite");
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const db = new Database(dbFile, { readonly: true });
    try {
      const sessions = db.prepare("select count(*) as n from sessions s join users u on u.id = s.user_id where u.email = ?").get("acheteur@metropole.example") as { n: number };
      expect(sessions.n).toBe(1);
    } finally {
      db.close();
    }
    portal = undefined;
  });
});
