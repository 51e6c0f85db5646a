import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { baseUrl, launchBrowser } from "./browser";

let browser: Browser;
let page: Page;
const root = path.resolve(import.meta.dirname, "../..");
const [Q1, Q2, Q3] = currentGuide.questions.slice(0, 3).map((q) => q.id) as [string, string, string];
let seeded: { first: { tenderId: number; token: string }; second: { tenderId: number; token: string } };

beforeAll(async () => {
  const out = execFileSync("npx", ["tsx", "test/e2e/seed-supplier.ts", "Green IT Conseil", [Q1, Q2, Q3].join(",")], {
    cwd: root,
    env: { ...process.env, DATA_DIR: inject("dataDir"), NODE_ENV: "production" },
    encoding: "utf8",
  });
  seeded = JSON.parse(out.trim().split("\n").pop()!);
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: "fr-FR" });
  page = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
});

async function waitSaved() {
  await page.getByTestId("save-status").filter({ hasText: /Enregistré à \d{2}:\d{2}/ }).waitFor({ timeout: 15_000 });
}

describe("supplier journey", () => {
  it("accepts an invitation, answers, reloads, attaches a file, submits and sees the receipt", async () => {
    const { tenderId, token } = seeded.first;
    await page.goto(`${baseUrl()}/invitation/${token}`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Invitation à répondre");
    await page.getByLabel("Nom et prénom").fill("Inès Verte");
    // The invitation is bound to the address it was sent to: the field holds it, read-only.
    await expect(page.getByLabel("Adresse e-mail professionnelle").inputValue()).resolves.toBe("contact@green-it.example");
    await page.getByLabel("Mot de passe").fill("un-mot-de-passe-solide");
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur/consultations/${tenderId}`), page.getByRole("button", { name: "Créer mon compte et accepter" }).click()]);
    await page.getByRole("heading", { level: 1, name: "Ordinateurs portables reconditionnés" }).waitFor();
    // The overview lists the sections; the questions are on the section's page.
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur/consultations/${tenderId}/sections/gouvernance`), page.getByRole("link", { name: "Commencer le questionnaire" }).click()]);
    await page.getByRole("heading", { level: 1, name: "1. Gouvernance et stratégie" }).waitFor();

    // Level 3 without text: French error next to the field (live, same schema as the server).
    await page.locator(`#q-${Q1} input[type=radio][value="3"]`).check();
    await page.locator(`#q-${Q1}-text`).focus();
    await page.locator(`#q-${Q1}-text`).blur();
    await page.locator(`#q-${Q1}`).getByText("La réponse est obligatoire à partir du niveau 2").waitFor();
    await page.locator(`#q-${Q1}-text`).fill("Politique numérique responsable signée par la direction en 2023, revue chaque année.");
    // Leave the field as a user would: the error goes on blur. Clicking the next radio directly would blur it
    // between mousedown and mouseup, and the layout shift could swallow the click.
    await page.locator(`#q-${Q1}-text`).blur();
    await page.locator(`#q-${Q1}`).getByText("La réponse est obligatoire à partir du niveau 2").waitFor({ state: "detached" });
    await page.locator(`#q-${Q2} input[type=radio][value="1"]`).check();
    await page.locator(`#q-${Q3} input[type=radio][value="2"]`).check();
    await page.locator(`#q-${Q3}-text`).fill("Premières actions de sensibilisation des équipes.");
    await waitSaved();

    await page.reload();
    await expect(page.locator(`#q-${Q1}-text`).inputValue()).resolves.toContain("Politique numérique responsable");
    await expect(page.locator(`#q-${Q1} input[type=radio][value="3"]`).isChecked()).resolves.toBe(true);
    await expect(page.locator(`#q-${Q2} input[type=radio][value="1"]`).isChecked()).resolves.toBe(true);
    await expect(page.locator(`#q-${Q3}-text`).inputValue()).resolves.toContain("sensibilisation");

    await page.locator(`#q-${Q1} input[type=file]`).setInputFiles({ name: "politique-nr.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n% politique\n") });
    await page.locator(`#q-${Q1}`).getByRole("button", { name: "Joindre", exact: true }).click();
    await page.locator(`#q-${Q1}`).getByRole("link", { name: "politique-nr.pdf" }).waitFor();
    // The typed answers survive the upload.
    await expect(page.locator(`#q-${Q1}-text`).inputValue()).resolves.toContain("Politique numérique responsable");

    // The only section's « Suivant » leads to the review, which leads to the submission.
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur/consultations/${tenderId}/verification`), page.getByRole("button", { name: "Vérifier et déposer →" }).click()]);
    await page.getByRole("heading", { level: 2, name: "Toutes les questions ont une réponse complète" }).waitFor();
    const submit = page.getByRole("button", { name: "Déposer ma réponse" });
    await expect(submit.isEnabled()).resolves.toBe(true);
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur/consultations/${tenderId}/recepisse`), submit.click()]);
    await page.getByRole("heading", { level: 1, name: "Récépissé de dépôt" }).waitFor();
    await expect(page.getByTestId("content-hash").textContent()).resolves.toMatch(/^\s*[0-9a-f]{64}\s*$/);
    await expect(page.getByTestId("submitted-at").textContent()).resolves.toContain("heure de Paris");
  });

  it("pre-fills a second tender of the same organisation from the answer library", async () => {
    const { tenderId, token } = seeded.second;
    await page.goto(`${baseUrl()}/invitation/${token}`);
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur/consultations/${tenderId}`), page.getByRole("button", { name: "Accepter l'invitation" }).click()]);
    await page.getByRole("heading", { level: 1, name: "Maintenance du parc d'impression" }).waitFor();
    await Promise.all([page.waitForURL(/\/sections\/gouvernance$/), page.getByRole("link", { name: "1. Gouvernance et stratégie" }).click()]);
    await expect(page.locator(`#q-${Q1}-text`).inputValue()).resolves.toContain("Politique numérique responsable");
    await expect(page.locator(`#q-${Q1} input[type=radio][value="3"]`).isChecked()).resolves.toBe(true);
    await page.locator(`#q-${Q1}`).getByText("reprise — vérifiez qu'elle est toujours exacte").waitFor();
    await page.locator(`#q-${Q1}`).getByRole("button", { name: "Confirmer cette réponse" }).click();
    await waitSaved();
    await expect(page.locator(`#q-${Q1}`).getByText("reprise — vérifiez qu'elle est toujours exacte").count()).resolves.toBe(0);
    await page.reload();
    await expect(page.locator(`#q-${Q1}`).getByText("reprise — vérifiez qu'elle est toujours exacte").count()).resolves.toBe(0);
    await expect(page.locator(`#q-${Q2}`).getByText("reprise — vérifiez qu'elle est toujours exacte").count()).resolves.toBe(1);
  });
});
