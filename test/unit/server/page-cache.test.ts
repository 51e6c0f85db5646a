import http from "node:http";
import type { AddressInfo } from "node:net";
import compression from "compression";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { pageCache } from "../../../server/page-cache";
import { cspNonce, nonceOf } from "../../../server/security-headers";

/**
 * The page cache of server/page-cache.ts around stand-in pages that count their renders: what is
 * served again (same visitor, same address, same database stamp, within the time limit) and what
 * never is (another visitor, a write, a cookie being set, an error, another content type…).
 */
async function server(options: { ttlMs?: number; maxBytes?: number; maxEntryBytes?: number } = {}) {
  let stamp = 1;
  let clock = 1_000_000;
  const renders = new Map<string, number>();
  const rendered = (name: string) => {
    const n = (renders.get(name) ?? 0) + 1;
    renders.set(name, n);
    return n;
  };
  const cache = pageCache({ stamp: () => Promise.resolve(String(stamp)), nonceOf, now: () => clock, ...options });
  const app = express();
  app.use(cspNonce);
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", `script-src 'nonce-${nonceOf(res)}'`);
    next();
  });
  app.use(compression());
  app.use(cache);
  app.get("/page", (req, res) => {
    const n = rendered("page");
    res.type("html").send(`<p>rendu ${n} ${req.query.q ?? ""}</p><script nonce="${nonceOf(res)}">1</script><script nonce="${nonceOf(res)}">2</script>${"x".repeat(2000)}`);
  });
  app.get("/streamed", (_req, res) => {
    const n = rendered("streamed");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.write(`<p>début ${n}</p>`);
    setTimeout(() => res.end("<p>fin — é</p>"), 5);
  });
  app.get("/slow", (_req, res) => {
    const n = rendered("slow");
    setTimeout(() => res.type("html").send(`<p>lent ${n}</p>`), 100);
  });
  app.get("/slow-cookie", (_req, res) => {
    const n = rendered("slow-cookie");
    setTimeout(() => res.setHeader("Set-Cookie", "a=b").type("html").send(`<p>lent ${n}</p>`), 100);
  });
  app.get("/data", (_req, res) => {
    res.setHeader("Content-Type", "text/x-script");
    res.setHeader("X-Remix-Response", "yes");
    res.end(`[${rendered("data")}]`);
  });
  app.get("/writes", (_req, res) => {
    stamp++; // the page's own loader writes (a "last seen" update)
    res.type("html").send(`<p>${rendered("writes")}</p>`);
  });
  app.get("/cookie", (_req, res) => {
    res.setHeader("Set-Cookie", "flash=; Max-Age=0");
    res.type("html").send(`<p>${rendered("cookie")}</p>`);
  });
  app.get("/json", (_req, res) => {
    res.json({ n: rendered("json") });
  });
  app.get("/missing", (_req, res) => {
    res.status(404).type("html").send(`<p>${rendered("missing")}</p>`);
  });
  app.get("/nostore", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(`<p>${rendered("nostore")}</p>`);
  });
  app.get("/big/:n", (req, res) => {
    res.type("html").send(`<p>${rendered(`big${req.params.n}`)}</p>${"y".repeat(5000)}`);
  });
  app.post("/page", (_req, res) => {
    res.type("html").send(`<p>post ${rendered("post")}</p>`);
  });
  const srv = http.createServer(app);
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, init);
    const body = await response.text();
    // The copy is stored once the response is complete and the stamp read again.
    await tick();
    return { status: response.status, headers: response.headers, body };
  };
  return {
    cache,
    get,
    renders,
    write: () => stamp++,
    advance: (ms: number) => (clock += ms),
    close: () => new Promise((r) => srv.close(r)),
  };
}
const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});
const alice = { headers: { cookie: "session=alice; csrf=a1" } };
const bruno = { headers: { cookie: "session=bruno; csrf=b1" } };

describe("pageCache", () => {
  it("serves the same page again to the same visitor while the database has not changed", async () => {
    const s = await server();
    close = s.close;
    const first = await s.get("/page", alice);
    const second = await s.get("/page", alice);
    expect(first.headers.get("x-page-cache")).toBeNull();
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(s.renders.get("page")).toBe(1);
    expect(second.body.replace(/nonce="[^"]+"/g, "")).toBe(first.body.replace(/nonce="[^"]+"/g, ""));
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(s.cache.stats()).toMatchObject({ hits: 1, misses: 1, stored: 1, entries: 1 });
  });

  it("gives every copy the nonce of its own response, matching its CSP header", async () => {
    const s = await server();
    close = s.close;
    const first = await s.get("/page", alice);
    const second = await s.get("/page", alice);
    const nonceIn = (r: { headers: Headers }) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    const [n1, n2] = [nonceIn(first), nonceIn(second)];
    expect(n1).toBeTruthy();
    expect(n2).toBeTruthy();
    expect(n2).not.toBe(n1);
    expect(second.body).not.toContain(n1!);
    expect(second.body.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${n2}"`, `nonce="${n2}"`]);
  });

  it("never serves one visitor's copy to another, nor a copy of another address", async () => {
    const s = await server();
    close = s.close;
    await s.get("/page", alice);
    const other = await s.get("/page", bruno);
    const anonymous = await s.get("/page");
    const query = await s.get("/page?q=2", alice);
    expect(other.headers.get("x-page-cache")).toBeNull();
    expect(anonymous.headers.get("x-page-cache")).toBeNull();
    expect(query.headers.get("x-page-cache")).toBeNull();
    expect(query.body).toContain("rendu 4 2");
    expect(s.renders.get("page")).toBe(4);
  });

  it("renders again after any write to the database", async () => {
    const s = await server();
    close = s.close;
    await s.get("/page", alice);
    s.write();
    const after = await s.get("/page", alice);
    expect(after.headers.get("x-page-cache")).toBeNull();
    expect(after.body).toContain("rendu 2");
    expect((await s.get("/page", alice)).headers.get("x-page-cache")).toBe("hit");
  });

  it("renders again once the time limit has passed (deadlines, session expiry)", async () => {
    const s = await server({ ttlMs: 3_000 });
    close = s.close;
    await s.get("/page", alice);
    s.advance(3_000);
    const late = await s.get("/page", alice);
    expect(late.headers.get("x-page-cache")).toBeNull();
    expect(late.body).toContain("rendu 2");
  });

  it("past half the time limit, lets one request render a fresh copy while the others are served the current one", async () => {
    const s = await server({ ttlMs: 3_000 });
    close = s.close;
    await s.get("/slow", alice);
    s.advance(1_499);
    expect((await s.get("/slow", alice)).headers.get("x-page-cache")).toBe("hit");
    s.advance(1);
    const answers = await Promise.all(Array.from({ length: 4 }, () => s.get("/slow", alice)));
    expect(s.renders.get("slow")).toBe(2);
    expect(answers.map((a) => a.body).sort()).toEqual(["<p>lent 1</p>", "<p>lent 1</p>", "<p>lent 1</p>", "<p>lent 2</p>"]);
    // The fresh copy is served from now on, and its time counts from its own render.
    s.advance(1_499);
    expect((await s.get("/slow", alice)).body).toBe("<p>lent 2</p>");
    expect(s.renders.get("slow")).toBe(2);
  });

  it("keeps nothing rendered while the database changed, nor a response that sets a cookie, says no-store, is not a 200, or is not a page", async () => {
    const s = await server();
    close = s.close;
    for (const path of ["/writes", "/cookie", "/nostore", "/missing", "/json"]) {
      await s.get(path, alice);
      const again = await s.get(path, alice);
      expect(again.headers.get("x-page-cache"), path).toBeNull();
    }
    expect([...s.renders.values()]).toEqual([2, 2, 2, 2, 2]);
    expect(s.cache.stats().stored).toBe(0);
  });

  it("lets requests arriving while the same page renders wait for its copy instead of rendering it again", async () => {
    const s = await server();
    close = s.close;
    const answers = await Promise.all(Array.from({ length: 5 }, () => s.get("/slow", alice)));
    expect(s.renders.get("slow")).toBe(1);
    expect(answers.map((a) => a.body)).toEqual(Array(5).fill("<p>lent 1</p>"));
    expect(answers.filter((a) => a.headers.get("x-page-cache") === "hit")).toHaveLength(4);
    // Another visitor's request does not wait for it, and a render that cannot be kept lets each render its own.
    await Promise.all([s.get("/slow-cookie", alice), s.get("/slow-cookie", alice), s.get("/slow-cookie", bruno)]);
    expect(s.renders.get("slow-cookie")).toBe(3);
  });

  it("never answers a POST from the cache", async () => {
    const s = await server();
    close = s.close;
    await s.get("/page", alice);
    const post = await s.get("/page", { ...alice, method: "POST" });
    expect(post.body).toBe("<p>post 1</p>");
  });

  it("keeps streamed pages and single-fetch data whole, with their own headers, compressed again on the way out", async () => {
    const s = await server();
    close = s.close;
    const first = await s.get("/streamed", alice);
    const second = await s.get("/streamed", { headers: { ...alice.headers, "accept-encoding": "gzip" } });
    expect(second.headers.get("x-page-cache")).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(second.body).toBe("<p>début 1</p><p>fin — é</p>");
    await s.get("/data", alice);
    const data = await s.get("/data", alice);
    expect(data.headers.get("x-page-cache")).toBe("hit");
    expect(data.headers.get("x-remix-response")).toBe("yes");
    expect(data.body).toBe("[1]");
  });

  it("keeps no page over the size limit, and drops the least recently used copies past the total", async () => {
    const s = await server({ maxEntryBytes: 4_000, maxBytes: 12_000 });
    close = s.close;
    await s.get("/big/1", alice); // 5 KB: over the per-page limit
    expect((await s.get("/big/1", alice)).headers.get("x-page-cache")).toBeNull();
    for (let i = 0; i < 6; i++) await s.get("/page?q=" + i, alice); // ~2.1 KB each, 12 KB in all
    expect(s.cache.stats().bytes).toBeLessThanOrEqual(12_000);
    expect(s.cache.stats().entries).toBe(5);
    expect((await s.get("/page?q=0", alice)).headers.get("x-page-cache")).toBeNull(); // dropped first
    expect((await s.get("/page?q=5", alice)).headers.get("x-page-cache")).toBe("hit");
  });
});
