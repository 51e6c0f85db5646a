import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("supplier emission factors, end to end", () => {
  it("template → upload with errors → line-numbered report → fixed upload → factors in the CSR view", async () => {
    // 1. The supplier downloads the template from the factors page.
    const supplier = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
    const page = await supplier.newPage();
    await signIn(page, "fournisseur@numerique-durable.example");
    await page.goto(`${baseUrl()}/fournisseur/facteurs`);
    await expect(page.getByText(/Taille maximale : /).first().isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-link").click()]);
    expect(download.suggestedFilename()).toBe("modele-facteurs-emission.csv");
    const template = fs.readFileSync((await download.path())!, "utf8");
    expect(template).toContain("libelle;segment;categorie_ghg;valeur;unite");

    // 2. A copy with two mistakes (negative value on line 2, unknown unit on line 3) is refused…
    const lines = template.split("\r\n");
    const broken = [lines[0], lines[1]!.replace(";156,3;", ";-3;"), lines[2]!.replace("kgCO2e/Go.mois", "kgCO2e/pouce"), ""].join("\r\n");
    await page.setInputFiles("#factors-file", { name: "facteurs.csv", mimeType: "text/csv", buffer: Buffer.from(broken, "utf8") });
    await Promise.all([page.waitForURL(/\/fournisseur\/facteurs\/depots\/\d+$/), page.getByRole("button", { name: "Vérifier et importer" }).click()]);
    const status = page.getByTestId("upload-status");
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain("rien n'a été importé");
    // …with every problem, line and column, in French.
    const errors = await page.getByTestId("factor-errors").locator("li").allTextContents();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe("ligne 2, colonne valeur : « -3 » n'est pas un nombre positif");
    expect(errors[1]).toMatch(/^ligne 3, colonne unite : « kgCO2e\/pouce » n'est pas une unité reconnue/);

    // 3. The fixed file (the template itself) is imported as a new version.
    await page.goto(`${baseUrl()}/fournisseur/facteurs`);
    await page.setInputFiles("#factors-file", { name: "facteurs-corriges.csv", mimeType: "text/csv", buffer: Buffer.from(template, "utf8") });
    await Promise.all([page.waitForURL(/\/fournisseur\/facteurs\/depots\/\d+$/), page.getByRole("button", { name: "Vérifier et importer" }).click()]);
    await page.getByTestId("upload-status").waitFor();
    await expect(page.getByTestId("upload-status").textContent()).resolves.toMatch(/2 facteurs importés dans la version \d+/);
    await supplier.close();

    // 4. The CSR team of the buying organisation sees them, normalised, with quality.
    const csr = await browser.newContext({ locale: "fr-FR" });
    const csrPage = await csr.newPage();
    await signIn(csrPage, "rse@metropole.example");
    await csrPage.goto(`${baseUrl()}/rse/facteurs`);
    const table = csrPage.getByTestId("factor-table");
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("Ordinateur portable 14 pouces (neuf)");
    expect(text).toContain("Numérique Durable SAS");
    expect(text).toContain("kgCO2e/Go.mois");
    // Filtering by GHG category without JavaScript semantics: a plain GET form.
    await csrPage.selectOption("#f-category", "2");
    await Promise.all([csrPage.waitForURL(/categorie=2/), csrPage.getByRole("button", { name: "Filtrer" }).click()]);
    // The URL changes before the client navigation has rendered the filtered rows: wait for them.
    await expect.poll(async () => (await csrPage.getByTestId("factor-table").textContent()) ?? "", { timeout: 5000 }).not.toContain("Stockage objet");
    const filtered = (await csrPage.getByTestId("factor-table").textContent()) ?? "";
    expect(filtered).toContain("Ordinateur portable 14 pouces (neuf)");
    await csr.close();
  });
});
