import fs from "node:fs";
import path from "node:path";
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

describe("CSR team, issue 18, end to end", () => {
  it("imports a Base Empreinte export, picks a ratio, sees the price indices and the three figures of a supplier", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await signIn(page, "rse@metropole.example");

    // 1. Base Empreinte export (fictitious fixture, Windows-1252): imported, refused elements listed with the reason.
    await page.goto(`${baseUrl()}/rse/base-empreinte`);
    await page.setInputFiles("#be-file", {
      name: "base-empreinte.csv",
      mimeType: "text/csv",
      buffer: fs.readFileSync(path.join(__dirname, "../fixtures/base-empreinte/export-exemple.csv")),
    });
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByTestId("be-imported").waitFor();
    await expect(page.getByTestId("be-imported").textContent()).resolves.toMatch(/^4 ratios monétaires importés/);
    await expect(page.getByTestId("be-refused").textContent()).resolves.toContain("élément 990004 « Postes et télécommunications — ancien ratio » : élément archivé");

    // 2. The NAF 63.11 element becomes the ratio of the « hébergement et cloud » segment.
    const pick = page.getByRole("form", { name: "Utiliser l'élément 990003" });
    await pick.locator("select").selectOption("hebergement-cloud");
    // Wait for the outcome, not the URL (the page is already at /rse/base-empreinte before the post).
    await pick.getByRole("button", { name: "Utiliser" }).click();
    await page.getByText("Ratio enregistré pour « Segment Hébergement et cloud ».").waitFor();
    await page.goto(`${baseUrl()}/rse/ratios`);
    await expect(page.getByTestId("ratios").textContent()).resolves.toContain("Élément 990003 · unité d'origine kgCO2e/k€HT · statut Valide générique");

    // 3. Price indices: defaults « à vérifier » with their source.
    await page.goto(`${baseUrl()}/rse/deflateurs`);
    const indices = (await page.getByTestId("deflators").textContent()) ?? "";
    expect(indices).toContain("à vérifier");
    expect(indices).toContain("INSEE");

    // 4. Scope 3, 2025: the demo supplier has the three figures; the year conversion is shown on its line.
    await page.goto(`${baseUrl()}/rse/scope3?annee=2025`);
    const row = page.getByTestId("supplier-figures").locator("tr", { hasText: "InfoServices Conseil" });
    await expect(row.locator("td").count()).resolves.toBe(6);
    const cells = await row.locator("td").allTextContents();
    expect(cells[2]).toMatch(/\d t$/); // spend × ratio (euros 2025 converted to the ratio's year)
    expect(cells[3]).toMatch(/^10 t/); // 200 000 h × 0,05 kgCO2e
    expect(cells[4]).toMatch(/^10,6 t/); // 6,5 + 4,1 t allocated
    expect(cells[5]).toMatch(/^activité × facteurs du fournisseur/);
    await expect(page.getByTestId("year-conversion").first().textContent()).resolves.toMatch(/^dépense 2025 en euros 2023 : × 0,970/);
    await context.close();
  });
});
