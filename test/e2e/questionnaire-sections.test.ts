import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "#db/connection";
import { acceptInvitationDirectly, createInvitation, createPublishedTender, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";
import { baseUrl, launchBrowser, signIn } from "./browser";
import { readDb } from "./data";

/**
 * The questionnaire in sections (issue 10 §5) in Chromium: a supplier walks two sections with
 * next / previous, saves and quits, comes back, reviews what is missing, fixes it through the
 * review's link and submits; one section saved with JavaScript disabled. Screenshots of a section
 * and of the review page are kept (SCREENSHOT_DIR, else the e2e data folder's captures/).
 */
const S2 = "fournisseur@infoservices.example";
const [G1, G2, F1] = ["GOUV-01", "GOUV-02", "FORM-01"];
let browser: Browser;
let walk: number;
let noScript: number;

beforeAll(async () => {
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    const open = async (title: string) => {
      const { tenderId } = await createPublishedTender(db, { title, onlyQuestions: [G1, G2, F1] });
      const { invitationId } = await createInvitation(db, { tenderId, supplierName: DEMO_SUPPLIER2_ORG, email: S2 });
      await acceptInvitationDirectly(db, { invitationId, supplierOrganisation: DEMO_SUPPLIER2_ORG, acceptedByEmail: S2 });
      return tenderId;
    };
    walk = await open("Postes de travail — parcours en sections");
    noScript = await open("Postes de travail — sans JavaScript");
  } finally {
    db.$client.close();
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function screenshotDir(): string {
  const dir = process.env.SCREENSHOT_DIR ?? path.join(inject("dataDir"), "captures");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

const q = (id: number, rest = "") => `${baseUrl()}/fournisseur/consultations/${id}${rest}`;

async function go(page: Page, url: string | RegExp, button: string) {
  await Promise.all([page.waitForURL(url), page.getByRole("button", { name: button, exact: true }).click()]);
}

describe("questionnaire in sections", () => {
  it("walks two sections with next and previous, saves and quits, comes back, reviews and submits", async () => {
    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, S2);
    await page.goto(q(walk));
    await Promise.all([page.waitForURL(q(walk, "/sections/gouvernance")), page.getByRole("link", { name: "Commencer le questionnaire" }).click()]);
    await page.getByRole("heading", { level: 1, name: "1. Gouvernance et stratégie" }).waitFor();
    await expect(page.locator(`#q-${F1}`).count()).resolves.toBe(0);

    await page.locator(`#q-${G1} input[type=radio][value="1"]`).check();
    await page.locator(`#q-${G2} input[type=radio][value="2"]`).check();
    await page.locator(`#q-${G2}-text`).fill("Feuille de route NR validée par le comité de direction.");
    await page.locator(`#q-${G2}-text`).blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    // The viewport, as the supplier sees it: navigation with progress, the first question, the sticky button bar.
    await page.screenshot({ path: path.join(screenshotDir(), "questionnaire-section.png") });
    // « Suivant » waits for the autosave, then leads to the next section with a message.
    await go(page, q(walk, "/sections/formation"), "Suivant : Formation et compétences →");
    await page.getByRole("status").filter({ hasText: "Section « Gouvernance et stratégie » enregistrée." }).waitFor();
    await expect(page.getByRole("navigation", { name: "Sections du questionnaire" }).textContent()).resolves.toContain("2/2");

    // Level 3 without text (the organisation's library may have pre-filled one): incomplete.
    await page.locator(`#q-${F1} input[type=radio][value="3"]`).check();
    await page.locator(`#q-${F1}-text`).fill("");
    await go(page, q(walk, "/sections/gouvernance"), "← Précédent : Gouvernance et stratégie");
    await expect(page.locator(`#q-${G2}-text`).inputValue()).resolves.toContain("Feuille de route NR");
    await expect(page.locator(`#q-${G1} input[type=radio][value="1"]`).isChecked()).resolves.toBe(true);

    // Save and quit, then come back: the overview resumes where something is missing.
    await go(page, q(walk, "/sections/formation"), "Suivant : Formation et compétences →");
    await expect(page.locator(`#q-${F1} input[type=radio][value="3"]`).isChecked()).resolves.toBe(true);
    await go(page, `${baseUrl()}/fournisseur`, "Enregistrer et quitter");
    await page.getByRole("status").filter({ hasText: "Vos réponses sont enregistrées" }).waitFor();
    await page.goto(q(walk));
    await Promise.all([page.waitForURL(q(walk, "/sections/formation")), page.getByRole("link", { name: "Reprendre : Formation et compétences" }).click()]);
    await expect(page.locator(`#q-${F1} input[type=radio][value="3"]`).isChecked()).resolves.toBe(true);

    // The review lists what is missing and links back to the question.
    await go(page, q(walk, "/verification"), "Vérifier et déposer →");
    await page.getByRole("heading", { level: 2, name: "Ce qui manque encore" }).waitFor();
    await expect(page.getByRole("button", { name: "Déposer ma réponse" }).isDisabled()).resolves.toBe(true);
    const missing = page.getByRole("link", { name: new RegExp(`^${F1} `) });
    await expect(missing.getAttribute("href")).resolves.toBe(`/fournisseur/consultations/${walk}/sections/formation#q-${F1}`);
    await page.getByText("La réponse est obligatoire à partir du niveau 2").waitFor();
    await page.screenshot({ path: path.join(screenshotDir(), "questionnaire-review.png"), fullPage: true });
    await Promise.all([page.waitForURL(q(walk, `/sections/formation#q-${F1}`)), missing.click()]);
    await page.locator(`#q-${F1}-text`).fill("Formation annuelle de tous les développeurs à l'écoconception.");
    await go(page, q(walk, "/verification"), "Vérifier et déposer →");
    await page.getByRole("heading", { level: 2, name: "Toutes les questions ont une réponse complète" }).waitFor();
    await Promise.all([page.waitForURL(q(walk, "/recepisse")), page.getByRole("button", { name: "Déposer ma réponse" }).click()]);
    await page.getByRole("heading", { level: 1, name: "Récépissé de dépôt" }).waitFor();
    const stored = readDb((db) => db.prepare("select count(*) as n from submissions where tender_id = ?").get(walk) as { n: number });
    expect(stored.n).toBe(1);
    await context.close();
  });

  it("saves a section and leads on without JavaScript", async () => {
    const context = await browser.newContext({ locale: "fr-FR", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/connexion`);
    await page.getByLabel("Adresse e-mail").fill(S2);
    await page.getByLabel("Mot de passe").fill("demo-nr-procure");
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Se connecter" }).click()]);
    await page.goto(q(noScript, "/sections/gouvernance"));
    await page.locator(`#q-${G1} input[type=radio][value="2"]`).check();
    await page.locator(`#q-${G1}-text`).fill("Charte NR signée, sans JavaScript.");
    await go(page, q(noScript, "/sections/formation"), "Suivant : Formation et compétences →");
    await page.getByRole("status").filter({ hasText: "Section « Gouvernance et stratégie » enregistrée." }).waitFor();
    await page.goto(q(noScript, "/sections/gouvernance"));
    await expect(page.locator(`#q-${G1}-text`).inputValue()).resolves.toBe("Charte NR signée, sans JavaScript.");
    await expect(page.locator(`#q-${G1} input[type=radio][value="2"]`).isChecked()).resolves.toBe(true);
    await context.close();
  });
});
