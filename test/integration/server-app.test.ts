import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, describe, expect, it } from "vitest";
import { createPortalApp } from "../../server/app";
import { closeServer } from "../../server/shutdown";

/**
 * The Express application of server/app.ts around a two-route stand-in build (a resource route
 * that echoes its load context, one that throws, one that writes): what the server gives loaders
 * (nonce, request id, client address under TRUST_PROXY), where it answers itself (foreign Origin,
 * static files, errors escaping Remix), and the log line. The real build is covered end to end in
 * test/e2e/security-headers.test.ts.
 */
let writes = 0;
const stubBuild = {
  mode: "production",
  entry: { module: { default: () => new Response("document", { headers: { "Content-Type": "text/html" } }) } },
  routes: {
    root: { id: "root", path: "", module: {} },
    "routes/contexte": { id: "routes/contexte", parentId: "root", path: "contexte", module: { loader: ({ context }: { context: unknown }) => Response.json(context) } },
    "routes/ecrire": {
      id: "routes/ecrire",
      parentId: "root",
      path: "ecrire",
      module: {
        action: () => {
          writes++;
          return Response.json({ ok: true });
        },
      },
    },
  },
  assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "test" },
  publicPath: "/",
  assetsBuildDirectory: "",
  future: {},
  isSpaMode: false,
} as unknown as ServerBuild;

const servers: Server[] = [];
const clientDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-server-app-"));
fs.mkdirSync(path.join(clientDir, "assets"));
fs.writeFileSync(path.join(clientDir, "assets", "entry-abc123.js"), "console.log(1)");
fs.writeFileSync(path.join(clientDir, "favicon.ico"), Buffer.from([0, 0, 1, 0]));

afterAll(async () => {
  await Promise.all(servers.map((s) => closeServer(s, 100)));
  fs.rmSync(clientDir, { recursive: true, force: true });
});

async function serve(trustProxy: boolean | number | string[] = false, cookieSecure = true) {
  const lines: string[] = [];
  const app = createPortalApp({ config: { trustProxy, cookieSecure }, mode: "production", build: stubBuild, clientDir, logStream: { write: (l) => lines.push(l) } });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lines };
}

describe("the portal's Express application", () => {
  it("gives loaders the CSP nonce, the request id and the socket address; logs one line with the id", async () => {
    const { url, lines } = await serve();
    const res = await fetch(`${url}/contexte`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    const context = (await res.json()) as { cspNonce: string; requestId: string; clientAddress: string };
    expect(res.headers.get("Content-Security-Policy")).toContain(`'nonce-${context.cspNonce}'`);
    expect(res.headers.get("X-Request-Id")).toBe(context.requestId);
    // Nobody is trusted by default: a forwarded address is ignored.
    expect(context.clientAddress).toBe("127.0.0.1");
    await expect.poll(() => lines.length).toBe(1);
    expect(lines[0]).toMatch(new RegExp(`^\\S+Z ${context.requestId} 127\\.0\\.0\\.1 GET /contexte 200 `));
  });

  it("takes the client address from X-Forwarded-For when TRUST_PROXY trusts the proxy", async () => {
    const { url } = await serve(["loopback"]);
    const res = await fetch(`${url}/contexte`, { headers: { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" } });
    expect(((await res.json()) as { clientAddress: string }).clientAddress).toBe("203.0.113.9");
    const twoHops = await serve(2);
    const res2 = await fetch(`${twoHops.url}/contexte`, { headers: { "X-Forwarded-For": "198.51.100.7, 203.0.113.9" } });
    expect(((await res2.json()) as { clientAddress: string }).clientAddress).toBe("198.51.100.7");
  });

  it("keeps a proxy's request id only when the proxy is trusted", async () => {
    const untrusted = await serve();
    expect((await fetch(`${untrusted.url}/contexte`, { headers: { "X-Request-Id": "proxy-id-12345678" } })).headers.get("X-Request-Id")).not.toBe("proxy-id-12345678");
    const trusted = await serve(["loopback"]);
    expect((await fetch(`${trusted.url}/contexte`, { headers: { "X-Request-Id": "proxy-id-12345678" } })).headers.get("X-Request-Id")).toBe("proxy-id-12345678");
  });

  it("refuses a foreign Origin with a French 403 before the action runs", async () => {
    const { url } = await serve();
    writes = 0;
    const refused = await fetch(`${url}/ecrire`, { method: "POST", headers: { Origin: "https://ailleurs.example" }, body: "" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Accès refusé");
    expect(writes).toBe(0);
    const accepted = await fetch(`${url}/ecrire`, { method: "POST", headers: { Origin: url }, body: "" });
    expect(accepted.status).toBe(200);
    expect(writes).toBe(1);
  });

  it("serves hashed assets for a year, other files for an hour, and a missing asset as a short 404", async () => {
    const { url } = await serve();
    const asset = await fetch(`${url}/assets/entry-abc123.js`);
    expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("X-Frame-Options")).toBe("DENY");
    const icon = await fetch(`${url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("Cache-Control")).toBe("public, max-age=3600");
    const missing = await fetch(`${url}/assets/absent.js`);
    expect(missing.status).toBe(404);
  });

  it("answers an error that escapes Remix with a French 500 page, its request id and no stack trace", async () => {
    const app = createPortalApp({
      config: { trustProxy: false, cookieSecure: true },
      mode: "production",
      build: async () => {
        throw new Error("build introuvable (secret interne)");
      },
      clientDir,
      logStream: { write: () => {} },
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    servers.push(server);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/contexte`);
      expect(res.status).toBe(500);
      const page = await res.text();
      expect(page).toContain("Une erreur inattendue est survenue");
      expect(page).toContain(res.headers.get("X-Request-Id")!);
      expect(page).not.toContain("secret interne");
      expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
      expect(String(errors[0])).toContain(res.headers.get("X-Request-Id")!);
    } finally {
      console.error = original;
    }
  });

  it("sends HSTS only when cookies are Secure", async () => {
    const secure = await serve(false, true);
    expect((await fetch(`${secure.url}/contexte`)).headers.get("Strict-Transport-Security")).toBe("max-age=31536000");
    const plain = await serve(false, false);
    expect((await fetch(`${plain.url}/contexte`)).headers.get("Strict-Transport-Security")).toBeNull();
  });
});
