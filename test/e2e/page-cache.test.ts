import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { baseUrl } from "./browser";

/**
 * The page cache (server/page-cache.ts, issue 16) in the running portal: a visitor's identical GET
 * is served again with a fresh CSP nonce, never to another visitor, and a write anywhere — here a
 * sign-in from another device, which adds a session row — makes the next GET a fresh render.
 */
const rows = (html: string) => [...html.matchAll(/data-testid="session-row"[\s\S]*?<\/tr>/g)].map((m) => m[0]).sort();

describe("page cache in the portal", () => {
  it("serves a copy to the same visitor only, with the response's own nonce, and renders again after a write", async () => {
    const first = new Jar(baseUrl());
    expect((await first.signIn("rse@metropole.example", DEMO_PASSWORD)).status).toBe(302);
    const a = await first.fetch("/compte/sessions");
    const aHtml = await a.text();
    expect(a.status).toBe(200);
    // The mail job may write between two requests (then the copy is rightly not served): a few tries.
    let b = await first.fetch("/compte/sessions");
    let bHtml = await b.text();
    for (let i = 0; i < 3 && b.headers.get("X-Page-Cache") !== "hit"; i++) {
      b = await first.fetch("/compte/sessions");
      bHtml = await b.text();
    }
    expect(b.headers.get("X-Page-Cache")).toBe("hit");
    const nonce = /'nonce-([^']+)'/.exec(b.headers.get("Content-Security-Policy") ?? "")?.[1];
    const scripts = [...bHtml.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(bHtml.replace(/nonce="[^"]+"/g, "")).toBe(aHtml.replace(/nonce="[^"]+"/g, ""));

    // Another visitor (another session of the same user) gets its own render.
    const second = new Jar(baseUrl());
    expect((await second.signIn("rse@metropole.example", DEMO_PASSWORD)).status).toBe(302);
    const other = await second.fetch("/compte/sessions");
    expect(other.headers.get("X-Page-Cache")).toBeNull();
    await other.text();

    // That sign-in wrote a session row: the first visitor's next GET is rendered and lists it.
    const c = await first.fetch("/compte/sessions");
    const cHtml = await c.text();
    expect(c.headers.get("X-Page-Cache")).toBeNull();
    expect(rows(cHtml)).not.toEqual(rows(aHtml));
  });
});
