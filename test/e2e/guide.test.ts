import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser } from "./browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "fr-FR" });
});
afterAll(async () => {
  await browser?.close();
});

describe("the published guide (no login)", () => {
  it("lists the 10 criteria with their question counts, 47 in all", async () => {
    await page.goto(`${baseUrl()}/guide`);
    const cards = page.locator("ol.grid > li");
    await expect(cards.count()).resolves.toBe(10);
    const counts = await cards.locator("p.small").allTextContents();
    const total = counts.map((t) => Number.parseInt(t, 10)).reduce((a, b) => a + b, 0);
    expect(total).toBe(47);
    await expect(page.locator(".lead").first().textContent()).resolves.toContain("2026.1-nrprocure");
  });

  it("opens a criterion page that lists its questions with stable ids, scope and provenance", async () => {
    await page.goto(`${baseUrl()}/guide`);
    await page.getByRole("link", { name: /Gouvernance et stratégie/ }).click();
    await page.waitForURL(`${baseUrl()}/guide/gouvernance`);
    // The URL changes when the navigation commits; wait for the new page's questions before reading them.
    await page.locator("article.question .qid").first().waitFor();
    const ids = await page.locator("article.question .qid").allTextContents();
    expect(ids[0]).toBe("GOUV-01");
    for (const id of ids) expect(id).toMatch(/^GOUV-\d{2}$/);
    await expect(page.getByRole("heading", { name: "Échelle de maturité" }).count()).resolves.toBe(1);
    // Governance assesses the organisation; the criterion title comes from the INR/ISIT guide, the wording is ours.
    const scopes = await page.locator("article.question [data-scope]").evaluateAll((els) => els.map((e) => e.getAttribute("data-scope")));
    expect(new Set(scopes)).toEqual(new Set(["organisation"]));
    await expect(page.getByText("Guide INR/ISIT 2024").first().isVisible()).resolves.toBe(true);
    await expect(page.getByText("Édition NR Procure").first().isVisible()).resolves.toBe(true);
  });

  it("shows the contract wording of contract questions, with links to the legal texts cited", async () => {
    await page.goto(`${baseUrl()}/guide/impacts-societaux`);
    const soci01 = page.locator("article#SOCI-01");
    await expect(soci01.locator("[data-scope]").getAttribute("data-scope")).resolves.toBe("contract");
    await expect(soci01.locator(".contract-text").textContent()).resolves.toMatch(/^Pour l'exécution du présent marché, /);
    const links = await soci01.locator("a[href^='https://']").evaluateAll((els) => els.map((e) => e.getAttribute("href")));
    expect(links).toEqual(expect.arrayContaining(["https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32017R0821"]));
  });

  it("switches to the 2024.1 edition with the version picker, without JavaScript-only controls", async () => {
    await page.goto(`${baseUrl()}/guide/fin-de-vie`);
    await page.getByRole("combobox", { name: "Édition du guide" }).selectOption("2024.1-nrprocure");
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.waitForURL(/version=2024\.1-nrprocure/);
    const ids = await page.locator("article.question .qid").allTextContents();
    expect(ids).toContain("FDV-06");
    expect(ids).not.toContain("FDV-07");
    await page.getByRole("link", { name: "← Tous les critères" }).click();
    await page.waitForURL(/\/guide\?version=2024\.1-nrprocure$/);
    await expect(page.locator("a[href^='/guide.json']").getAttribute("href")).resolves.toBe("/guide.json?version=2024.1-nrprocure");
  });

  it("lists what changed between editions, question by question", async () => {
    await page.goto(`${baseUrl()}/guide`);
    await page.getByRole("link", { name: "Ce qui a changé entre les éditions" }).click();
    await page.waitForURL(`${baseUrl()}/guide/changements`);
    await expect(page.getByTestId("changes-summary").textContent()).resolves.toMatch(/1 ajoutée, 1 retirée/);
    await expect(page.locator("article#FDV-06").getAttribute("data-status")).resolves.toBe("removed");
    await expect(page.locator("article#FDV-07").getAttribute("data-status")).resolves.toBe("added");
    const serv01 = page.locator("article#SERV-01");
    await serv01.locator("summary").click();
    await expect(serv01.locator("table").textContent()).resolves.toContain("Formulation pour le présent marché");
  });

  it("filters questions by words, accents ignored", async () => {
    await page.goto(`${baseUrl()}/guide`);
    await page.getByRole("searchbox").fill("reemploi");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await page.waitForURL(/q=reemploi/);
    const heading = await page.locator("section[aria-live] h2").textContent();
    expect(heading).toMatch(/^\d+ questions? pour « reemploi »$/);
    const ids = await page.locator("section[aria-live] .qid").allTextContents();
    expect(ids.length).toBeGreaterThan(0);
  });

  it("answers 404 in French for an unknown criterion or edition", async () => {
    const response = await page.goto(`${baseUrl()}/guide/inconnu`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.toContain("Ce critère n'existe pas");
    const unknownVersion = await page.goto(`${baseUrl()}/guide?version=1999.1-inconnue`);
    expect(unknownVersion?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.toContain("Cette édition du guide n'existe pas");
  });
});
