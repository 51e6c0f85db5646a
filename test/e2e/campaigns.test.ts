import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { baseUrl, launchBrowser, signIn } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");
const PANEL = [
  ["Numérique Durable SAS", "fournisseur@numerique-durable.example"],
  ["InfoServices Conseil", "fournisseur@infoservices.example"],
  ["Éco-Infogérance SARL", "fournisseur@eco-infogerance.example"],
  ["Datacentre Sobre SA", "fournisseur@datacentre-sobre.example"],
  ["Reconditionné Pro", "fournisseur@reconditionne-pro.example"],
  ["Logiciels Légers SAS", "fournisseur@logiciels-legers.example"],
];
let browser: Browser;

async function as(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
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

describe("maturity campaign", () => {
  it("CSR launches a campaign to 6 suppliers, 5 answer, the evaluator reviews, a supplier reads its radar (10 axes, last year's overlay) and agrees a plan", async () => {
    // 1. The CSR team launches the campaign: one question per criterion keeps the test short.
    const csr = await as("rse@metropole.example");
    await csr.goto(`${baseUrl()}/acheteur/campagnes/nouvelle`);
    await csr.getByLabel("Titre").fill("Campagne e2e");
    await csr.getByLabel("Panel de fournisseurs").fill(PANEL.map(([n, e]) => `${n} ; ${e}`).join("\n"));
    await csr.evaluate(() => {
      const seen = new Set<string>();
      for (const box of document.querySelectorAll<HTMLInputElement>('input[type=checkbox][name$=".included"]')) {
        const criterion = box.closest("details")?.getAttribute("data-criterion") ?? "";
        box.checked = !seen.has(criterion);
        seen.add(criterion);
      }
    });
    await csr.getByRole("button", { name: "Lancer la campagne et inviter le panel" }).click();
    await csr.getByRole("heading", { name: "Campagne lancée" }).waitFor();
    expect(await csr.locator("tbody tr").count()).toBe(6);
    await Promise.all([csr.waitForURL(/\/acheteur\/campagnes\/\d+$/), csr.getByRole("link", { name: "Aller à la campagne" }).click()]);
    const campaignId = Number(/\/(\d+)$/.exec(csr.url())![1]);
    await csr.getByLabel(/Karim Benali/).check();
    await csr.getByRole("button", { name: "Enregistrer les évaluateurs" }).click();
    await csr.getByText("Évaluateurs : Karim Benali.").waitFor();

    // 2. Five of the six suppliers answer.
    const out = execFileSync("npx", ["tsx", "test/e2e/seed-campaign-answers.ts", String(campaignId)], {
      cwd: root,
      env: { ...process.env, DATA_DIR: inject("dataDir"), NODE_ENV: "production" },
      encoding: "utf8",
    });
    expect(JSON.parse(out.trim().split("\n").pop()!).submitted).toHaveLength(5);

    // 3. The evaluator reviews Numérique Durable's answers, criterion by criterion.
    const evaluator = await as("evaluateur@metropole.example");
    await evaluator.goto(`${baseUrl()}/acheteur/appels-d-offres/${campaignId}/evaluation`);
    expect(await evaluator.getByText("Prix et valeur technique").count()).toBe(0);
    await Promise.all([evaluator.waitForURL(/\/evaluation\/\d+$/), evaluator.getByRole("link", { name: "Numérique Durable SAS" }).click()]);
    for (const c of currentGuide.criteria) {
      await evaluator.getByRole("button", { name: `Enregistrer le critère « ${c.title} »` }).click();
      await evaluator.locator(`#critere-${c.id}`).getByText("Évaluation du critère enregistrée.").waitFor();
    }

    // 4. The CSR team shares the debrief and proposes an action on the priority axis.
    await csr.goto(`${baseUrl()}/acheteur/campagnes/${campaignId}`);
    await Promise.all([csr.waitForURL(/\/fournisseurs\/\d+$/), csr.getByRole("row", { name: /Numérique Durable SAS/ }).getByRole("link", { name: "Radar et plan de progrès" }).click()]);
    await csr.getByRole("button", { name: "Partager le bilan avec le fournisseur" }).click();
    await csr.getByText("Bilan partagé avec Numérique Durable SAS.").waitFor();
    await csr.getByLabel("Action", { exact: true }).fill("Publier une politique de durée de vie des équipements");
    await csr.getByLabel("Responsable").fill("Direction des systèmes d'information");
    await csr.getByLabel("Échéance").fill("2027-06-30");
    await csr.getByRole("button", { name: "Proposer l'action" }).click();
    await csr.getByText(/Action proposée/).waitFor();

    // 5. The supplier opens its debrief from its home page.
    const supplier = await as("fournisseur@numerique-durable.example");
    await supplier.goto(`${baseUrl()}/fournisseur`);
    await Promise.all([
      supplier.waitForURL(`${baseUrl()}/fournisseur/campagnes/${campaignId}`),
      supplier.getByRole("row", { name: /Campagne e2e/ }).getByRole("link", { name: "Voir le bilan et le plan de progrès" }).click(),
    ]);
    const svg = supplier.locator("figure.radar svg");
    await svg.waitFor();
    // The screenshot of the radar holds the 10 axis labels: each is drawn, inside the picture.
    const shot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nr-radar-")), "radar.png");
    const png = await svg.screenshot({ path: shot });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const box = (await svg.boundingBox())!;
    for (const c of currentGuide.criteria) {
      const label = svg.locator("text", { hasText: c.shortTitle }).first();
      expect(await label.isVisible(), c.shortTitle).toBe(true);
      const b = (await label.boundingBox())!;
      expect(b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1, `${c.shortTitle} hors du radar`).toBe(true);
    }
    // Last year's polygon (the demo 2026 campaign) is overlaid; the same numbers are in the table.
    await supplier.getByText(/campagne précédente \(Campagne de maturité NR 2026/).waitFor();
    expect(await supplier.locator("figure.radar polygon[stroke-dasharray='6 4']").count()).toBe(1);
    expect(await supplier.locator("table.data tbody tr").first().locator("th").textContent()).toContain(currentGuide.criteria[0]!.title);
    await supplier.getByText(/Axe prioritaire de progrès/).waitFor();
    // No price, no rank, no weight on the supplier's page.
    const text = (await supplier.locator("body").innerText()) ?? "";
    expect(text).not.toMatch(/\brang\b|\bclassé|poids|€/i);

    // 6. The supplier agrees the plan.
    await supplier.getByRole("button", { name: "Convenir de cette action" }).click();
    await supplier.getByText("Action convenue par les deux parties.").waitFor();
    await supplier.getByText(/statut : Convenue/).waitFor();
  }, 180_000);
});
