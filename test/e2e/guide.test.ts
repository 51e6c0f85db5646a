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
  });

  it("opens a criterion page that lists its questions with stable ids", async () => {
    await page.goto(`${baseUrl()}/guide`);
    await page.getByRole("link", { name: /Gouvernance et stratégie/ }).click();
    await page.waitForURL(`${baseUrl()}/guide/gouvernance`);
    const ids = await page.locator("article.question .qid").allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    expect(ids[0]).toBe("GOUV-01");
    for (const id of ids) expect(id).toMatch(/^GOUV-\d{2}$/);
    await expect(page.getByRole("heading", { name: "Échelle de maturité" }).count()).resolves.toBe(1);
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

  it("answers 404 in French for an unknown criterion", async () => {
    const response = await page.goto(`${baseUrl()}/guide/inconnu`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("main").textContent()).resolves.toContain("Ce critère n'existe pas");
  });
});
