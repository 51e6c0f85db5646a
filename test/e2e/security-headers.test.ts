import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { baseUrl, launchBrowser, signIn } from "./browser";
import { readDb } from "./data";

/**
 * Issue 15, item 1 and the foreign-Origin row of item 4, against the running portal (the Express
 * server of server/, started by global-setup.ts): browser security headers on every kind of
 * response, a CSP nonce that Remix's scripts carry (pages still hydrate, Chromium reports no
 * violation), and a French 403 for a form posted from another site, with nothing written.
 */
function demoTenderId(): number {
  return readDb((db) => (db.prepare("select id from tenders where reference = 'AO-2026-014'").get() as { id: number }).id);
}

function expectSecurityHeaders(res: Response, what: string) {
  const h = res.headers;
  const csp = h.get("Content-Security-Policy") ?? "";
  expect(csp, `${what} : CSP`).toContain("frame-ancestors 'none'");
  expect(csp, `${what} : CSP`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp, `${what} : CSP`).toContain("object-src 'none'");
  expect(h.get("X-Frame-Options"), `${what} : X-Frame-Options`).toBe("DENY");
  expect(h.get("X-Content-Type-Options"), `${what} : nosniff`).toMatch(/^nosniff/);
  expect(h.get("Referrer-Policy"), `${what} : Referrer-Policy`).toBe("same-origin");
  // COOKIE_SECURE defaults to true, so HSTS is on.
  expect(h.get("Strict-Transport-Security"), `${what} : HSTS`).toMatch(/^max-age=\d{7,}/);
  expect(h.get("X-Request-Id"), `${what} : X-Request-Id`).toMatch(/^[0-9a-f-]{36}$/);
  expect(h.get("X-Powered-By"), `${what} : X-Powered-By`).toBeNull();
}

describe("security headers on every kind of response", () => {
  let buyer: Jar;
  beforeAll(async () => {
    buyer = new Jar(baseUrl());
    expect((await buyer.signIn("acheteur@metropole.example", DEMO_PASSWORD)).status).toBe(302);
  });

  it("a page, whose inline scripts all carry the header's nonce, fresh for each response", async () => {
    const res = await fetch(`${baseUrl()}/guide`);
    expect(res.status).toBe(200);
    expectSecurityHeaders(res, "page");
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("Content-Security-Policy")!)![1];
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${baseUrl()}/guide`);
    expect(again.headers.get("Content-Security-Policy")).not.toContain(nonce);
    expect(again.headers.get("X-Request-Id")).not.toBe(res.headers.get("X-Request-Id"));
  });

  it("CSV exports (public guide, buyer's ranking)", async () => {
    const guide = await fetch(`${baseUrl()}/guide.csv`);
    expect(guide.status).toBe(200);
    expect(guide.headers.get("Content-Type")).toContain("text/csv");
    expectSecurityHeaders(guide, "guide.csv");
    const ranking = await buyer.fetch(`/acheteur/appels-d-offres/${demoTenderId()}/classement.csv`);
    expect(ranking.status).toBe(200);
    expect(ranking.headers.get("Content-Type")).toContain("text/csv");
    expectSecurityHeaders(ranking, "classement.csv");
  });

  it("the DOCX annex", async () => {
    const docx = await buyer.fetch(`/acheteur/appels-d-offres/${demoTenderId()}/annexe.docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expectSecurityHeaders(docx, "annexe.docx");
  });

  it("static files: the favicon (no 404) and hashed assets cached for a year", async () => {
    const icon = await fetch(`${baseUrl()}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(Buffer.from(await icon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    expectSecurityHeaders(icon, "favicon.ico");
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const asset = /href="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(`${baseUrl()}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(js, "asset");
    const missing = await fetch(`${baseUrl()}/assets/introuvable-0000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe("Fichier introuvable.");
  });

  it("error pages: a 404 of the portal", async () => {
    const res = await fetch(`${baseUrl()}/cette-page-n-existe-pas`);
    expect(res.status).toBe(404);
    expectSecurityHeaders(res, "404");
  });
});

describe("a form posted from another site", () => {
  const signUp = (jar: Jar, csrf: string, email: string, origin: string) =>
    jar.post("/inscription", { name: "Eve Ailleurs", email, password: "un-mot-de-passe-tres-long", organisationName: "Ailleurs SARL", organisationKind: "supplier" }, csrf, { Origin: origin });
  // A sign-up is recorded as a request waiting for its e-mail to be confirmed (docs/decisions/014-account-security.md).
  const signUps = (email: string) => readDb((db) => (db.prepare("select count(*) as n from sign_up_requests where email = ?").get(email) as { n: number }).n);

  it("gets a French 403 page and nothing is written; the same form from the portal itself goes through", async () => {
    const jar = new Jar(baseUrl());
    const csrf = await jar.csrf("/inscription");
    const email = `eve-${Date.now()}@ailleurs.example`;

    for (const origin of ["https://ailleurs.example", "null", "http://localhost:1"]) {
      const refused = await signUp(jar, csrf, email, origin);
      expect(refused.status, `Origin: ${origin}`).toBe(403);
      expect(refused.headers.get("Content-Type")).toContain("text/html");
      expectSecurityHeaders(refused, "403");
      const page = await refused.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain("<h1>Accès refusé</h1>");
      expect(page).toContain("envoyé depuis un autre site que NR Procure");
      expect(page).toContain(refused.headers.get("X-Request-Id")!);
      expect(page).not.toMatch(/at \w+ \(|Error:/); // no stack trace
      expect(signUps(email)).toBe(0);
    }

    // Control: the very same request with the portal's own Origin records the sign-up.
    const accepted = await signUp(jar, csrf, email, baseUrl());
    expect(accepted.status).toBe(200);
    expect(signUps(email)).toBe(1);
  });
});

describe("in Chromium, with the CSP enforced", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Collects CSP violations: the DOM event and Chromium's console report. */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${location.pathname}`);
      });
    });
    return { page, violations };
  }

  async function hydrated(page: Page) {
    await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined, null, { timeout: 15_000 });
  }

  it("public and buyer pages hydrate with no CSP violation, and client-side navigation works", async () => {
    const { page, violations } = await watchedPage();
    for (const p of ["/", "/guide", "/clauses", "/connexion"]) {
      await page.goto(`${baseUrl()}${p}`);
      await hydrated(page);
    }
    await signIn(page, "acheteur@metropole.example");
    const id = demoTenderId();
    for (const p of ["/acheteur", `/acheteur/appels-d-offres/${id}`, `/acheteur/appels-d-offres/${id}/comparaison`, `/acheteur/appels-d-offres/${id}/annexe`]) {
      await page.goto(`${baseUrl()}${p}`);
      await hydrated(page);
    }
    // A link followed by the router, not a full reload: the page's JavaScript state survives.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await Promise.all([page.waitForURL(`${baseUrl()}/guide`), page.getByRole("link", { name: "Guide de maturité" }).first().click()]);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(violations).toEqual([]);
  });

  it("refuses an inline script without the nonce (the policy is enforced, not just sent)", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${baseUrl()}/guide`);
    await hydrated(page);
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.appendChild(s);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(violations.join("\n")).toContain("script-src");
  });
});
