import fs from "node:fs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser";

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

describe("NR annex of a tender", () => {
  it("browses the public clausier by segment", async () => {
    await page.goto(`${baseUrl()}/clauses`);
    await page.locator('a[href="/clauses/impression"]').click();
    await page.waitForURL(`${baseUrl()}/clauses/impression`);
    await page.getByRole("heading", { level: 2, name: "Spécification technique (CCTP)" }).waitFor();
  });

  it("picks three clauses, fills their placeholders and downloads the annex", async () => {
    await signIn(page, "acheteur@metropole.example");
    await page.getByRole("link", { name: "Location de multifonctions d'impression" }).first().click();
    await page.waitForURL(/\/acheteur\/appels-d-offres\/\d+$/);
    const tenderUrl = page.url();
    await page.goto(`${tenderUrl}/clauses`);

    const added: string[] = [];
    for (let i = 0; i < 3; i++) {
      const button = page.getByRole("button", { name: /^Ajouter la clause / }).first();
      const label = (await button.getAttribute("aria-label"))!.replace("Ajouter la clause ", "");
      await button.click();
      await page.getByRole("status").filter({ hasText: `Clause « ${label} » ajoutée.` }).waitFor();
      added.push(label);
    }
    const chosen = page.locator("#clauses-form section.clause h3");
    expect(await chosen.allTextContents()).toEqual(added);

    // Fill every numeric placeholder: an out-of-range value first (named French error), then valid ones.
    const numeric = page.locator('#clauses-form input[inputmode="numeric"], #clauses-form input[inputmode="decimal"]');
    const count = await numeric.count();
    expect(count).toBeGreaterThan(0);
    await numeric.first().fill("999");
    await page.getByRole("button", { name: "Enregistrer les valeurs" }).click();
    await page.getByRole("status").filter({ hasText: "Clauses enregistrées." }).waitFor();
    expect(await page.locator("#clauses-form .field__error").count()).toBe(1);
    for (let i = 0; i < count; i++) {
      const input = numeric.nth(i);
      await input.fill((await input.getAttribute("placeholder")) || "1");
    }
    await page.getByRole("button", { name: "Enregistrer les valeurs" }).click();
    // Same status text as the previous save: wait for the reloaded page without the error.
    await page.locator("#clauses-form .field__error").first().waitFor({ state: "detached" });
    expect(await page.locator("#clauses-form .field__error").allTextContents()).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger l'annexe (Word)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^annexe-nr-.*\.docx$/);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "").replace(/&apos;/g, "'");
    for (const title of added) expect(text).toContain(title);
    expect(text).not.toContain("À compléter");
    expect(text).toContain("Méthode de notation");
  });
});
