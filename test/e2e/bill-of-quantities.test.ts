import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser";
import { readDb } from "./data";

const started = Date.now();
const step = (what: string) => console.log(`[bill e2e] ${((Date.now() - started) / 1000).toFixed(1)} s — ${what}`);
const root = path.resolve(import.meta.dirname, "../..");
let browser: Browser;

function seedBill(...args: string[]): Record<string, unknown> {
  const out = execFileSync("npx", ["tsx", "test/e2e/seed-bill.ts", ...args], { cwd: root, env: { ...process.env, DATA_DIR: inject("dataDir"), NODE_ENV: "production" }, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, unknown>;
}

/** A 20-line bill as a French spreadsheet saves it (BOM, `;`, decimal comma). L01 matches the factor file below. */
const BILL = [
  "\uFEFFid_ligne;libelle;unite;quantite;segment;categorie_ghg",
  "L01;Ordinateur portable 14 pouces;pièce;150;postes-de-travail;2",
  ...Array.from({ length: 19 }, (_, i) => `L${String(i + 2).padStart(2, "0")};Article ${i + 2};${i % 2 ? "kWh" : "unité"};${10 + i},5;postes-de-travail;${i % 2 ? 1 : 2}`),
].join("\r\n");

async function newPage(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("bill of quantities, end to end", () => {
  it("buyer imports a 20-line bill, two suppliers fill it (form with a factor from a file, CSV), buyer closes, CSR team sees the lines in scope 3", async () => {
    const { tenderId } = seedBill("draft") as { tenderId: number };
    const tender = `${baseUrl()}/acheteur/appels-d-offres/${tenderId}`;

    // 1. The buyer imports the bill and publishes: the bill is frozen with the method.
    step("1. The buyer imports the bill and publis");
    const buyer = await newPage("acheteur@metropole.example");
    await buyer.goto(`${tender}/bordereau`);
    await buyer.setInputFiles("#bill-file", { name: "bordereau.csv", mimeType: "text/csv", buffer: Buffer.from(BILL, "utf8") });
    await Promise.all([buyer.waitForLoadState("load"), buyer.getByRole("button", { name: "Importer" }).click()]);
    await expect.poll(async () => buyer.getByTestId("bill-lines").locator("tbody tr").count(), { timeout: 10_000 }).toBe(20);
    await buyer.goto(`${tender}/publier`);
    await buyer.locator('input[name="evaluationOpens"][value="on-submission"]').check();
    await buyer.locator('input[name="confirm"]').check();
    await Promise.all([buyer.waitForURL(new RegExp(`/acheteur/appels-d-offres/${tenderId}$`)), buyer.getByRole("button", { name: /Publier/ }).click()]);
    seedBill("answers", String(tenderId));

    // 2. Supplier 1 uploads a factor file, takes L01's factor from it and types the other lines in the form.
    step("2. Supplier 1 uploads a factor file, tak");
    const s1 = await newPage("fournisseur@numerique-durable.example");
    await s1.goto(`${baseUrl()}/fournisseur/facteurs`);
    const factorsCsv = "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source\r\nOrdinateur portable 14 pouces;postes-de-travail;2;156,3;kgCO2e/unité;15;lca-iso14040;;2024;Bureau Veritas;ACV 2024\r\n";
    await s1.setInputFiles("#factors-file", { name: "facteurs.csv", mimeType: "text/csv", buffer: Buffer.from(factorsCsv, "utf8") });
    await Promise.all([s1.waitForURL(/\/fournisseur\/facteurs\/depots\/\d+$/), s1.getByRole("button", { name: "Vérifier et importer" }).click()]);
    await s1.getByTestId("upload-status").waitFor();
    await s1.goto(`${baseUrl()}/fournisseur/consultations/${tenderId}/bordereau`);
    await Promise.all([s1.waitForLoadState("load"), s1.getByRole("button", { name: "Remplir les facteurs manquants depuis mes fichiers" }).click()]);
    await expect.poll(async () => s1.getByLabel("Facteur d'émission de la ligne L01").inputValue(), { timeout: 10_000 }).toBe("156,3");
    await expect(s1.getByLabel("Méthode du facteur de la ligne L01").inputValue()).resolves.toBe("lca-iso14040");
    await s1.getByLabel("Prix unitaire de la ligne L01").fill("899,99");
    for (let i = 2; i <= 20; i++) {
      const id = `L${String(i).padStart(2, "0")}`;
      await s1.getByLabel(`Prix unitaire de la ligne ${id}`).fill("10");
      await s1.getByLabel(`Facteur d'émission de la ligne ${id}`).fill("2,5");
      await s1.getByLabel(`Méthode du facteur de la ligne ${id}`).selectOption("other");
      await s1.getByLabel(`Année de référence du facteur de la ligne ${id}`).fill("2024");
    }
    await Promise.all([s1.waitForLoadState("load"), s1.getByRole("button", { name: "Enregistrer le bordereau" }).click()]);
    await expect.poll(async () => (await s1.getByTestId("bill-totals").textContent()) ?? "", { timeout: 10_000 }).toContain("kgCO2e");
    const s1Totals = (await s1.getByTestId("bill-totals").textContent()) ?? "";
    expect(s1Totals).toMatch(/Prix de l'offre : 138\s?703,50 € HT/);

    // 3. Supplier 2 downloads the bill, fills it in a "spreadsheet" and uploads it.
    step("3. Supplier 2 downloads the bill, fills ");
    const s2 = await newPage("fournisseur@infoservices.example");
    await s2.goto(`${baseUrl()}/fournisseur/consultations/${tenderId}/bordereau`);
    const [download] = await Promise.all([s2.waitForEvent("download"), s2.getByText("Télécharger le bordereau à remplir (CSV)").click()]);
    const blank = (await import("node:fs")).readFileSync((await download.path())!, "utf8");
    const filled = blank
      .split("\r\n")
      .map((line, i) => (i === 0 || line === "" ? line : line.replace(/;;;;;;;$/, ";12,5;1,5;ghg-product;;2025;;")))
      .join("\r\n");
    await s2.setInputFiles("#filled-bill-file", { name: "rempli.csv", mimeType: "text/csv", buffer: Buffer.from(filled, "utf8") });
    await Promise.all([s2.waitForLoadState("load"), s2.getByRole("button", { name: "Importer" }).click()]);
    await expect.poll(async () => (await s2.getByTestId("bill-totals").textContent()) ?? "", { timeout: 10_000 }).toContain("kgCO2e");

    // 4. The buyer sees price and footprint per offer side by side, then closes with supplier 1 as winner.
    step("4. The buyer sees price and footprint pe");
    await buyer.goto(`${tender}/comparaison`);
    const pf = buyer.getByTestId("price-footprint");
    await pf.waitFor();
    const pfText = (await pf.textContent()) ?? "";
    expect(pfText).toContain("Numérique Durable SAS");
    expect(pfText).toContain("InfoServices Conseil");
    await expect(buyer.getByTestId("price-footprint-scatter").locator("circle").count()).resolves.toBe(2);
    await buyer.goto(`${tender}/cloturer`);
    await buyer.locator("#winner").selectOption({ label: "Numérique Durable SAS" });
    await buyer.locator('input[name="confirm"]').check();
    await Promise.all([buyer.waitForURL(new RegExp(`/acheteur/appels-d-offres/${tenderId}$`)), buyer.getByRole("button", { name: "Clôturer" }).click()]);
    await buyer.getByText(/20 lignes du bordereau retenu transmises au scope 3/).waitFor();
    const carried = readDb((db) => db.prepare("select count(*) as n, count(source_factor_id) as linked from activity_data where source_tender_id = ?").get(tenderId) as { n: number; linked: number });
    expect(carried).toEqual({ n: 20, linked: 1 });

    // 5. The CSR team sees the winner's lines in scope 3, with the tender's factors and their provenance.
    step("5. The CSR team sees the winner's lines ");
    const rse = await newPage("rse@metropole.example");
    await rse.goto(`${baseUrl()}/rse/scope3`);
    const lines = (await rse.getByTestId("scope3-lines").textContent()) ?? "";
    expect(lines).toContain("Ordinateur portable 14 pouces");
    expect(lines).toContain("facteur de l'offre retenue (bordereau)");
    expect(lines).toContain("« Postes de travail au bordereau », ligne L01");
    // Two `npx tsx` seedings and four browser sessions on a shared machine.
  }, 240_000);
});
