import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { baseUrl, launchBrowser, signIn } from "./browser";
import { linkInLastMail } from "./data";

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

  it("creates a supplier account and organisation from the sign-up form, activated by the e-mailed link", async () => {
    const email = "nadia@nouveau-fournisseur.example";
    await page.goto(`${baseUrl()}/inscription`);
    await page.getByLabel("Nom et prénom").fill("Nadia Test");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByLabel("Mot de passe").fill("trop-court");
    await page.getByLabel("Nom de l'organisation").fill("Nouveau Fournisseur SARL");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    // Live validation with the shared zod schema, before any request.
    await page.getByText("Le mot de passe doit contenir au moins 12 caractères").waitFor();
    // Long enough but easy to guess: refused by the server, in French.
    await page.getByLabel("Mot de passe").fill("123456789012");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByText("Ce mot de passe est trop facile à deviner").waitFor();
    await page.getByLabel("Mot de passe").fill("un-mot-de-passe-solide");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Vérifiez votre messagerie" }).waitFor();

    await page.goto(linkInLastMail(email, "account.activation", "/inscription/confirmer"));
    await page.getByRole("heading", { level: 1, name: "Activer votre compte" }).waitFor();
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur`), page.getByRole("button", { name: "Activer mon compte" }).click()]);
    await page.locator(".lead", { hasText: "Nouveau Fournisseur SARL" }).waitFor({ timeout: 5000 });
  });
});

describe("account security pages", () => {
  it("resets a forgotten password through the e-mailed link, then signs in with it", async () => {
    // An account of its own, so that the demo accounts keep their password for the other files.
    const email = "oubli@nouveau-fournisseur.example";
    await page.goto(`${baseUrl()}/inscription`);
    await page.getByLabel("Nom et prénom").fill("Odile Oubli");
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByLabel("Mot de passe").fill("Premier-Mot-De-Passe-Oublié");
    await page.getByLabel("Nom de l'organisation").fill("Oubli Conseil");
    await page.getByRole("button", { name: "Créer le compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Vérifiez votre messagerie" }).waitFor();
    await page.goto(linkInLastMail(email, "account.activation", "/inscription/confirmer"));
    await Promise.all([page.waitForURL(`${baseUrl()}/fournisseur`), page.getByRole("button", { name: "Activer mon compte" }).click()]);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(`${baseUrl()}/`);

    await page.goto(`${baseUrl()}/connexion`);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    // Client-side navigation: wait for the new page, the sign-in page has an e-mail field too.
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await page.getByLabel("Adresse e-mail").fill(email);
    await page.getByRole("button", { name: "Envoyer le lien" }).click();
    await page.getByRole("heading", { level: 1, name: "Vérifiez votre messagerie" }).waitFor();

    await page.goto(linkInLastMail(email, "account.password-reset", "/mot-de-passe/nouveau"));
    await page.getByLabel("Nouveau mot de passe").fill("Lanternes-Bleues-Du-Vieux-Port");
    await Promise.all([page.waitForURL(`${baseUrl()}/connexion`), page.getByRole("button", { name: "Enregistrer le mot de passe" }).click()]);
    await page.getByText("Votre mot de passe est modifié").waitFor();
    await signIn(page, email, "Lanternes-Bleues-Du-Vieux-Port");
    expect(new URL(page.url()).pathname).toBe("/fournisseur");
  });

  it("lists the account's sessions from the header and closes another one after confirmation", async () => {
    const other = await browser.newContext({ locale: "fr-FR" });
    const otherPage = await other.newPage();
    await signIn(otherPage, "rse@metropole.example");
    await signIn(page, "rse@metropole.example");

    await page.getByRole("link", { name: "Mon compte" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes sessions" }).waitFor();
    const rows = page.getByTestId("session-row");
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    await expect(rows.filter({ hasText: "(cet appareil)" }).count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/Chrome \d+ sur Linux/);

    await page.getByRole("link", { name: "Fermer toutes les autres sessions…" }).click();
    await page.getByRole("button", { name: "Fermer les autres sessions" }).click();
    await page.getByText("Cochez la case pour confirmer.").waitFor();
    await page.getByLabel(/Je confirme/).check();
    await page.getByRole("button", { name: "Fermer les autres sessions" }).click();
    await page.getByText(/autres? sessions? fermées?/).waitFor();
    await expect(page.getByTestId("session-row").count()).resolves.toBe(1);

    const response = await otherPage.goto(`${baseUrl()}/rse`);
    expect(response?.status()).toBe(200);
    expect(new URL(otherPage.url()).pathname).toBe("/connexion");
    await other.close();
  });
});
