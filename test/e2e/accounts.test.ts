import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ locale: "fr-FR" });
  page = await context.newPage();
});

const demoRoles = [
  { email: "acheteur@metropole.example", path: "/acheteur", heading: "Espace acheteur", role: "acheteur" },
  { email: "evaluateur@metropole.example", path: "/acheteur", heading: "Espace acheteur", role: "évaluateur" },
  { email: "rse@metropole.example", path: "/rse", heading: "Espace RSE", role: "équipe RSE" },
  { email: "fournisseur@numerique-durable.example", path: "/fournisseur", heading: "Espace fournisseur", role: "fournisseur" },
  { email: "fournisseur@infoservices.example", path: "/fournisseur", heading: "Espace fournisseur", role: "fournisseur" },
  { email: "admin@nr-procure.example", path: "/admin", heading: "Administration", role: "administrateur" },
];

describe("demo accounts", () => {
  for (const account of demoRoles) {
    it(`signs in as ${account.email} and lands on ${account.path}`, async () => {
      await signIn(page, account.email);
      expect(new URL(page.url()).pathname).toBe(account.path);
      await page.getByRole("heading", { level: 1, name: account.heading, exact: true }).waitFor({ timeout: 5000 });
      await expect(page.locator(".who").textContent()).resolves.toContain(account.role);
    });
  }

  it("refuses a buyer-only page to a supplier with a French 403", async () => {
    await signIn(page, "fournisseur@numerique-durable.example");
    const response = await page.goto(`${baseUrl()}/acheteur`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Accès refusé");
    await expect(page.locator("main").textContent()).resolves.toContain("réservée au rôle acheteur ou évaluateur");
  });

  it("rejects a wrong password with a French message and signs out", async () => {
    await page.goto(`${baseUrl()}/connexion`);
    await page.getByLabel("Adresse e-mail").fill("rse@metropole.example");
    await page.getByLabel("Mot de passe").fill("pas-le-bon-mot-de-passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("alert").waitFor();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Adresse e-mail ou mot de passe incorrect");

    await signIn(page, "rse@metropole.example");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(`${baseUrl()}/`);
    await page.getByRole("link", { name: "Se connecter" }).first().waitFor();
    const response = await page.goto(`${baseUrl()}/rse`);
    expect(new URL(page.url()).pathname).toBe("/connexion");
    expect(response?.status()).toBe(200);
  });

  it("creates a supplier account and organisation from the sign-up form", async () => {
    await page.goto(`${baseUrl()}/inscription`);
    await page.getByLabel("Nom et prénom").fill("Nadia Test");
    await page.getByLabel("Adresse e-mail professionnelle").fill("nadia@nouveau-fournisseur.example");
    await page.getByLabel("Mot de passe").fill("trop-court");
    await page.getByLabel("Nom de l'organisation").fill("Nouveau Fournisseur SARL");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    // Live validation with the shared zod schema, before any request.
    await page.getByText("Le mot de passe doit contenir au moins 12 caractères").waitFor();
    await page.getByLabel("Mot de passe").fill("un-mot-de-passe-solide");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.waitForURL(`${baseUrl()}/fournisseur`);
    await page.locator(".lead", { hasText: "Nouveau Fournisseur SARL" }).waitFor({ timeout: 5000 });
  });
});
