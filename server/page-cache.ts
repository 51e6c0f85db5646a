import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";

/**
 * A page served again, byte for byte, to the SAME visitor asking for the SAME address while the
 * database has not changed (issue 16, docs/decisions/016-fast-under-load.md, "Page cache").
 *
 * Rendering a page costs 5–15 ms of CPU (React, loader data encoding); serving a copy costs a
 * fraction of a millisecond plus compression. An evaluation committee opening the comparison, a
 * supplier going back and forth between sections, a browser reloading: identical GETs, identical
 * data, identical HTML.
 *
 * What makes a copy valid — every input of the page is in its key or its stamp:
 * - the key: method GET, the full URL (path and query), Host and X-Forwarded-Host/-Proto, and the
 *   whole Cookie header (the session, the CSRF token, a pending flash message — so one visitor's
 *   copy can never reach another: it is keyed by their own session cookie);
 * - the database write stamp (`stamp()`: SQLite's change counters, PostgreSQL's WAL position): read
 *   before the page is rendered and again after; a copy is kept only when both readings agree (no
 *   write from anyone during the render, the page's own loader included), and served only while
 *   the stamp still has that value — ANY committed write in the portal invalidates every copy;
 * - the clock, for what changes with time alone (a deadline passing, a session expiring): a copy is
 *   served for at most `ttlMs` (default 3 s) after it was rendered; past half that time, the next
 *   request renders a fresh one (the others are served the copy meanwhile).
 * Only complete 200 responses of HTML documents and single-fetch data (`text/x-script`) are kept,
 * never one that sets a cookie (a consumed flash, a new session) or says `no-store`, never one over
 * `maxEntryBytes`; at most `maxBytes` in all, least recently used dropped first.
 *
 * The CSP nonce (server/security-headers.ts) must be fresh in every response: the nonce's positions
 * in the stored page are found once, and each copy gets this response's nonce written over them
 * (same length: 16 random bytes in base64).
 */
export interface PageCacheOptions {
  /** The database's write stamp: any committed write changes it. */
  stamp: () => Promise<string>;
  /** The CSP nonce of this response (res.locals), written over the stored page's one. */
  nonceOf: (res: ServerResponse) => string | undefined;
  ttlMs?: number;
  maxBytes?: number;
  maxEntryBytes?: number;
  now?: () => number;
}

interface Entry {
  stamp: string;
  storedAt: number;
  headers: Array<[string, string | number | string[]]>;
  body: Buffer;
  /** Byte offsets of the stored response's nonce in `body`. */
  noncePositions: number[];
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  stored: number;
  entries: number;
  bytes: number;
}

/** Headers the cache never replays: per-response ones, and those the middlewares before it set again. */
const NOT_REPLAYED = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "date", "vary", "etag"]);
const CACHEABLE_TYPE = /^(text\/html|text\/x-script)\b/i;

export function pageCache(options: PageCacheOptions): RequestHandler & { stats(): PageCacheStats; clear(): void } {
  const ttlMs = options.ttlMs ?? 3_000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const maxEntryBytes = options.maxEntryBytes ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const counts = { hits: 0, misses: 0, stored: 0 };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  };
  const store = (key: string, entry: Entry) => {
    drop(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    counts.stored++;
    while (bytes > maxBytes) drop(entries.keys().next().value as string);
  };

  // Renders under way, by key: requests for the same key and stamp wait for the first one's copy
  // instead of rendering the same page side by side (the time limit passing under load would
  // otherwise start as many renders as requests arrive meanwhile).
  const rendering = new Map<string, { stamp: string; copy: Promise<Entry | undefined> }>();

  const handler: RequestHandler = (req, res, next) => {
    if (req.method !== "GET" || req.headers.range) return next();
    const key = keyOf(req);
    const serve = (stamp: string): void => {
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : Infinity;
      if (entry && entry.stamp === stamp && age < ttlMs) {
        // Past half its time, one request renders a fresh copy while the others are still served
        // this one: the copy does not expire under traffic with everyone waiting for a render.
        if (age >= ttlMs / 2 && !rendering.has(key)) return render(stamp);
        counts.hits++;
        // Most recently used last.
        entries.delete(key);
        entries.set(key, entry);
        replay(res, entry, options.nonceOf(res));
        return;
      }
      if (entry) drop(key);
      const underway = rendering.get(key);
      if (underway && underway.stamp === stamp) {
        underway.copy.then(
          (copy) => (copy ? serve(stamp) : render(stamp)),
          () => render(stamp),
        );
        return;
      }
      render(stamp);
    };
    const render = (stamp: string): void => {
      counts.misses++;
      let settle!: (entry: Entry | undefined) => void;
      const flight = { stamp, copy: new Promise<Entry | undefined>((resolve) => (settle = resolve)) };
      rendering.set(key, flight);
      const finish = (entry: Entry | undefined) => {
        if (rendering.get(key) === flight) rendering.delete(key);
        if (entry) store(key, entry);
        settle(entry);
      };
      capture(res, maxEntryBytes, (captured) => {
        if (!captured) return finish(undefined);
        // Kept only if nothing was written while the page was rendered.
        options.stamp().then(
          (after) => {
            if (after !== stamp) return finish(undefined);
            const nonce = options.nonceOf(res);
            finish({ stamp, storedAt: now(), headers: captured.headers, body: captured.body, noncePositions: nonce ? positionsOf(captured.body, nonce) : [] });
          },
          () => finish(undefined),
        );
      });
      next();
    };
    options.stamp().then(
      serve,
      // No stamp (database unavailable): no cache, the page answers as it would without one.
      () => next(),
    );
  };
  return Object.assign(handler, {
    stats: (): PageCacheStats => ({ ...counts, entries: entries.size, bytes }),
    clear: () => {
      entries.clear();
      bytes = 0;
    },
  });
}

function keyOf(req: IncomingMessage & { originalUrl?: string }): string {
  const h = req.headers;
  return crypto
    .createHash("sha256")
    .update([req.originalUrl ?? req.url ?? "", h.host ?? "", String(h["x-forwarded-host"] ?? ""), String(h["x-forwarded-proto"] ?? ""), h.cookie ?? ""].join("\u0000"))
    .digest("base64");
}

function replay(res: ServerResponse, entry: Entry, nonce: string | undefined): void {
  res.statusCode = 200;
  for (const [name, value] of entry.headers) res.setHeader(name, value);
  res.setHeader("X-Page-Cache", "hit");
  res.setHeader("Content-Length", entry.body.length);
  if (entry.noncePositions.length === 0 || !nonce) {
    res.end(entry.body);
    return;
  }
  // The kept page in slices around its nonce, this response's nonce in between: no copy of the
  // page per request (a 111 KB copy each time was most of the garbage collector's work).
  const fresh = Buffer.from(nonce, "latin1");
  res.cork();
  let from = 0;
  for (const at of entry.noncePositions) {
    res.write(entry.body.subarray(from, at));
    res.write(fresh);
    from = at + fresh.length;
  }
  res.end(entry.body.subarray(from));
  process.nextTick(() => res.uncork());
}

/**
 * Watches what the rest of the chain writes (uncompressed: this middleware runs after
 * compression()) and hands over a copy when the response qualifies, `undefined` otherwise.
 */
function capture(res: ServerResponse, maxEntryBytes: number, done: (captured: { headers: Entry["headers"]; body: Buffer } | undefined) => void): void {
  const before = new Set(res.getHeaderNames());
  let chunks: Buffer[] | undefined = [];
  let size = 0;
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!chunks || chunk == null || typeof chunk === "function") return;
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxEntryBytes) chunks = undefined;
    else chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof res.write;
  let settled = false;
  const settle = (captured: { headers: Entry["headers"]; body: Buffer } | undefined) => {
    if (settled) return;
    settled = true;
    done(captured);
  };
  // Judged when the page hands its last byte over (not when a slow client has received it all:
  // requests waiting for this copy must not wait for someone else's network).
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    const result = (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    settle(judge());
    return result;
  } as typeof res.end;
  // The client left before the end: nothing to keep.
  res.once("close", () => settle(undefined));

  function judge(): { headers: Entry["headers"]; body: Buffer } | undefined {
    if (!chunks || res.statusCode !== 200 || res.destroyed) return undefined;
    const type = String(res.getHeader("content-type") ?? "");
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    if (!CACHEABLE_TYPE.test(type) || res.hasHeader("set-cookie") || /no-store/i.test(cacheControl)) return undefined;
    const headers: Entry["headers"] = [];
    for (const name of res.getHeaderNames()) {
      if (before.has(name) || NOT_REPLAYED.has(name)) continue;
      const value = res.getHeader(name);
      if (value !== undefined) headers.push([name, value]);
    }
    return { headers, body: Buffer.concat(chunks) };
  }
}

function positionsOf(body: Buffer, text: string): number[] {
  const needle = Buffer.from(text, "latin1");
  const positions: number[] = [];
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + needle.length)) positions.push(at);
  return positions;
}
