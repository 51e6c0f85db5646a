import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { limitPageConcurrency } from "../../../server/page-concurrency";

/** A server whose pages answer only when the test says so. */
async function server(max: number) {
  const limiter = limitPageConcurrency(max);
  const started: string[] = [];
  const waiting = new Map<string, () => void>();
  const app = express();
  app.use(limiter);
  app.all("/:name", (req, res) => {
    started.push(req.params.name!);
    waiting.set(req.params.name!, () => res.send(req.params.name));
  });
  const srv = http.createServer(app);
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  return { limiter, started, waiting, base, close: () => new Promise((r) => srv.close(r)) };
}
const tick = (ms = 50) => new Promise((r) => setTimeout(r, ms));
let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("limitPageConcurrency", () => {
  it("renders at most `max` pages at once, the others in arrival order", async () => {
    const s = await server(2);
    close = s.close;
    const answers: Promise<string>[] = [];
    for (const name of ["a", "b", "c", "d"]) {
      answers.push(fetch(`${s.base}/${name}`).then((r) => r.text()));
      await tick(20);
    }
    await tick();
    expect(s.started).toEqual(["a", "b"]);
    expect(s.limiter.stats()).toEqual({ active: 2, queued: 2 });
    s.waiting.get("b")!();
    await tick();
    expect(s.started).toEqual(["a", "b", "c"]);
    s.waiting.get("a")!();
    s.waiting.get("c")!();
    await tick();
    s.waiting.get("d")!();
    expect(await Promise.all(answers)).toEqual(["a", "b", "c", "d"]);
    expect(s.limiter.stats()).toEqual({ active: 0, queued: 0 });
  });

  it("never queues writes, and forgets a queued page whose client left", async () => {
    const s = await server(1);
    close = s.close;
    const first = fetch(`${s.base}/a`).then((r) => r.text());
    await tick();
    const aborted = new AbortController();
    const gone = fetch(`${s.base}/parti`, { signal: aborted.signal }).catch(() => "abandonné");
    await tick();
    const post = fetch(`${s.base}/envoi`, { method: "POST" }).then((r) => r.text());
    await tick();
    expect(s.started).toEqual(["a", "envoi"]);
    s.waiting.get("envoi")!();
    expect(await post).toBe("envoi");
    aborted.abort();
    expect(await gone).toBe("abandonné");
    await tick();
    expect(s.limiter.stats()).toEqual({ active: 1, queued: 0 });
    s.waiting.get("a")!();
    expect(await first).toBe("a");
    expect(s.started).toEqual(["a", "envoi"]);
  });
});

describe("limitPageConcurrency and long downloads", () => {
  it("gives the place back once the headers are out, not when a slow download ends", async () => {
    const limiter = limitPageConcurrency(1);
    const app = express();
    app.use(limiter);
    let finishDownload: (() => void) | undefined;
    app.get("/fichier", (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.write("début");
      finishDownload = () => res.end("fin");
    });
    app.get("/page", (_req, res) => res.send("page"));
    const srv = http.createServer(app);
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    close = () => new Promise((r) => srv.close(r));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    const download = await fetch(`${base}/fichier`);
    expect(await (await fetch(`${base}/page`)).text()).toBe("page");
    finishDownload!();
    expect(await download.text()).toBe("débutfin");
  });
});
