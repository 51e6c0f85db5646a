import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "#db/connection";
import { debriefShares, organisations, submissions, tenders, users } from "#db/schema";
import { acceptInvitationDirectly, createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG } from "../support/fixtures-tenders";
import { baseUrl, launchBrowser, signIn } from "./browser";

/**
 * Accessibility checked by a tool (issue 10 §7): axe-core, run in Chromium on every main page of
 * each role, must find no serious or critical violation (WCAG 2.0/2.1 A and AA rules). axe's own
 * source is injected with playwright-core's `addScriptTag({ content })` (nothing downloaded); the
 * test's browser context bypasses the portal's CSP for that injected script only.
 * Also: the header keeps one line at 1280 px, and /favicon.ico is served.
 */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const FAILING_IMPACTS = new Set(["serious", "critical"]);

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

let browser: Browser;
const contexts: BrowserContext[] = [];
const found: string[] = [];
let ids: { published: number; draft: number; supplier1: number; submission1: number; open: number; token: string; campaign: number; campaignSubmission: number };

beforeAll(async () => {
  browser = await launchBrowser();
  // The demo data: the published tender with both suppliers' submissions, the draft; the debrief of
  // supplier 1 shared so that its debrief page exists.
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    const published = (await db.select().from(tenders).where(eq(tenders.reference, "AO-2026-014")).limit(1))[0]!;
    const draft = (await db.select().from(tenders).where(eq(tenders.reference, "AO-2026-021")).limit(1))[0]!;
    const supplier1 = (await db.select().from(organisations).where(eq(organisations.name, "Numérique Durable SAS")).limit(1))[0]!;
    const buyer = (await db.select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0]!;
    const submission1 = (await db
          .select()
          .from(submissions)
          .where(and(eq(submissions.tenderId, published.id), eq(submissions.supplierOrganisationId, supplier1.id))).limit(1))[0]!;
    await db.insert(debriefShares).values({ tenderId: published.id, supplierOrganisationId: supplier1.id, sharedBy: buyer.id }).onConflictDoNothing();
    // A tender still open to supplier 1 (its questionnaire is editable), and an invitation not yet followed.
    const open = await createPublishedTender(db, { title: "Questionnaire ouvert — accessibilité" });
    const accepted = await createInvitation(db, { tenderId: open.tenderId, supplierName: DEMO_SUPPLIER1_ORG, email: "fournisseur@numerique-durable.example" });
    await acceptInvitationDirectly(db, { invitationId: accepted.invitationId, supplierOrganisation: DEMO_SUPPLIER1_ORG, acceptedByEmail: "fournisseur@numerique-durable.example" });
    const pending = await createInvitation(db, { tenderId: open.tenderId, supplierName: "Nouveau Fournisseur", email: "nouveau@fournisseur.example" });
    const campaign = (await db.select().from(tenders).where(eq(tenders.title, "Campagne de maturité NR 2026")).limit(1))[0]!;
    const campaignSubmission = (await db
          .select()
          .from(submissions)
          .where(and(eq(submissions.tenderId, campaign.id), eq(submissions.supplierOrganisationId, supplier1.id))).limit(1))[0]!;
    ids = { published: published.id, draft: draft.id, supplier1: supplier1.id, submission1: submission1.id, open: open.tenderId, token: pending.token, campaign: campaign.id, campaignSubmission: campaignSubmission.id };
  } finally {
    db.$client.close();
  }
});
afterAll(async () => {
  await browser?.close();
  if (found.length > 0) console.log(`Violations d'accessibilité (graves ou critiques) :\n${found.join("\n")}`);
});

async function pageAs(email: string | null, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", bypassCSP: true, viewport });
  contexts.push(context);
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

/** Runs axe on the page at `url`; returns the serious and critical violations, described one per line. */
async function audit(page: Page, url: string, expectedStatus = 200): Promise<string[]> {
  const response = await page.goto(`${baseUrl()}${url}`);
  expect(response?.status(), url).toBe(expectedStatus);
  await page.waitForLoadState("networkidle");
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const lines = (violations as Violation[])
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ""))
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${url} — [${v.impact}] ${v.id}: ${v.help} — ${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ")})` : ""}`));
  found.push(...lines);
  return lines;
}

async function auditAll(email: string | null, urls: (string | [string, number])[]) {
  const page = await pageAs(email);
  const problems: string[] = [];
  for (const entry of urls) {
    const [url, status] = typeof entry === "string" ? [entry, 200] : entry;
    problems.push(...(await audit(page, url, status)));
  }
  expect(problems, problems.join("\n")).toEqual([]);
}

const t = (id: number, rest = "") => `/acheteur/appels-d-offres/${id}${rest}`;

describe("axe-core: no serious or critical violation on the main pages", () => {
  it("public pages and the 404 page", async () => {
    await auditAll(null, [
      "/",
      "/guide",
      "/guide/gouvernance",
      "/guide/changements",
      "/clauses",
      "/clauses/postes-de-travail",
      "/regles/criteres-attribution",
      "/connexion",
      "/inscription",
      `/invitation/${ids.token}`,
      ["/page-qui-n-existe-pas", 404],
    ]);
  });

  it("buyer: home, tender builder, tender page, publish checklist, invitations, evaluation, comparison, debrief, clauses, annex, outbox", async () => {
    await auditAll("acheteur@metropole.example", [
      "/acheteur",
      "/acheteur/appels-d-offres/nouveau",
      t(ids.draft),
      t(ids.draft, "/modifier"),
      t(ids.draft, "/publier"),
      t(ids.draft, "/clauses"),
      t(ids.published),
      t(ids.published, "/invitations"),
      t(ids.published, "/evaluation"),
      t(ids.published, `/evaluation/${ids.submission1}`),
      t(ids.published, "/comparaison"),
      t(ids.published, `/fournisseurs/${ids.supplier1}`),
      t(ids.published, "/annexe"),
      t(ids.published, "/rapport"),
      "/acheteur/boite-d-envoi",
    ]);
  });

  it("evaluator: home and evaluation", async () => {
    await auditAll("evaluateur@metropole.example", ["/acheteur", t(ids.published), t(ids.published, "/evaluation"), t(ids.published, `/evaluation/${ids.submission1}`)]);
  });

  it("supplier: home, questionnaire overview, sections and review (open and submitted), receipt, debrief, library, factors", async () => {
    const c = `/fournisseur/consultations/${ids.published}`;
    await auditAll("fournisseur@numerique-durable.example", [
      "/fournisseur",
      `/fournisseur/consultations/${ids.open}`,
      `/fournisseur/consultations/${ids.open}/sections/gouvernance`,
      `/fournisseur/consultations/${ids.open}/sections/impacts-societaux`,
      `/fournisseur/consultations/${ids.open}/verification`,
      c,
      `${c}/sections/gouvernance`,
      `${c}/verification`,
      `${c}/recepisse`,
      `${c}/restitution`,
      "/fournisseur/bibliotheque",
      "/fournisseur/facteurs",
      "/fournisseur/emissions-allouees",
    ]);
  });

  it("CSR team: home, factors, quality, ratios, Base Empreinte, price indices, scope 3", async () => {
    await auditAll("rse@metropole.example", ["/rse", "/rse/facteurs", "/rse/facteurs/qualite", "/rse/ratios", "/rse/base-empreinte", "/rse/deflateurs", "/rse/scope3", "/rse/scope3?annee=2025"]);
  });

  it("maturity campaigns: list, creation, campaign, panel, evaluation, debrief (buyer side and supplier side)", async () => {
    const c = `/acheteur/campagnes/${ids.campaign}`;
    await auditAll("rse@metropole.example", [
      "/acheteur/campagnes",
      "/acheteur/campagnes/nouvelle",
      c,
      `${c}/panel`,
      `${c}/fournisseurs/${ids.supplier1}`,
      t(ids.campaign, "/evaluation"),
      t(ids.campaign, `/evaluation/${ids.campaignSubmission}`),
    ]);
    await auditAll("fournisseur@numerique-durable.example", [`/fournisseur/campagnes/${ids.campaign}`]);
  });

  it("admin", async () => {
    await auditAll("admin@nr-procure.example", ["/admin"]);
  });
});

describe("what the walk-through saw", () => {
  it("gives 404 pages a title", async () => {
    const page = await pageAs(null);
    await page.goto(`${baseUrl()}/page-qui-n-existe-pas`);
    await expect(page.title()).resolves.toBe("Page introuvable — NR Procure");
    await page.goto(`${baseUrl()}/acheteur/appels-d-offres/999999`);
    await expect(page.title()).resolves.not.toBe("");
  });

  it("keeps the header on one line at 1280 px for every role (screenshot kept for the record)", async () => {
    for (const email of ["acheteur@metropole.example", "evaluateur@metropole.example", "rse@metropole.example", "fournisseur@numerique-durable.example", "admin@nr-procure.example"]) {
      const page = await pageAs(email);
      if (email.startsWith("acheteur")) await page.screenshot({ path: path.join(screenshotDir(), "header-1280.png"), clip: { x: 0, y: 0, width: 1280, height: 120 } });
      const header = page.locator(".site-header__inner");
      const box = await header.boundingBox();
      const brand = await page.locator(".brand").boundingBox();
      const account = await page.locator(".site-header__account").boundingBox();
      expect(box!.height, email).toBeLessThan(64);
      expect(Math.abs(account!.y - brand!.y), email).toBeLessThan(16);
    }
  });

  it("labels each what-if input with what it changes", async () => {
    const page = await pageAs("acheteur@metropole.example");
    await page.goto(`${baseUrl()}${t(ids.published, "/comparaison")}`);
    await page.getByText("Poids des critères").click();
    await expect(page.getByLabel(/^Poids simulé — /).count()).resolves.toBe(10);
    await page.getByLabel("Poids simulé — Gouvernance et stratégie").waitFor();
    for (const label of ["Prix simulé (%)", "Valeur technique simulée (%)", "RSE simulée (%)"]) await page.getByLabel(label, { exact: true }).waitFor();
  });

  it("names the clause on its « Retirer », « Monter » and « Descendre » buttons", async () => {
    const page = await pageAs("acheteur@metropole.example");
    page.on("dialog", (dialog) => void dialog.accept());
    await page.goto(`${baseUrl()}${t(ids.draft, "/clauses")}`);
    const add = page.getByRole("button", { name: /^Ajouter la clause / }).first();
    const title = (await add.getAttribute("aria-label"))!.replace("Ajouter la clause ", "");
    await add.click();
    await page.getByRole("status").filter({ hasText: `Clause « ${title} » ajoutée.` }).waitFor();
    for (const verb of ["Monter", "Descendre"]) await page.getByRole("button", { name: `${verb} la clause « ${title} »` }).waitFor();
    await page.getByRole("button", { name: `Retirer la clause « ${title} »` }).click();
    await page.getByRole("status").filter({ hasText: `Clause « ${title} » retirée.` }).waitFor();
  });

  it("gives the builder's title and reference inputs the height of the others", async () => {
    const page = await pageAs("acheteur@metropole.example");
    await page.goto(`${baseUrl()}/acheteur/appels-d-offres/nouveau`);
    const height = async (selector: string) => (await page.locator(selector).boundingBox())!.height;
    const reference = await height("#contactName");
    for (const selector of ["#title", "#reference", "#contactEmail"]) expect(Math.abs((await height(selector)) - reference), selector).toBeLessThan(2);
    await page.screenshot({ path: path.join(screenshotDir(), "builder-1280.png"), clip: { x: 0, y: 0, width: 1280, height: 700 } });
  });

  it("serves /favicon.ico as an icon", async () => {
    const res = await fetch(`${baseUrl()}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  });

  it("makes the home cards real links", async () => {
    const page = await pageAs(null);
    await page.goto(`${baseUrl()}/`);
    for (const name of ["Acheteurs", "Fournisseurs", "Équipes RSE"]) await page.getByRole("link", { name }).waitFor();
  });
});

export function screenshotDir(): string {
  const dir = process.env.SCREENSHOT_DIR ?? path.join(inject("dataDir"), "captures");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
