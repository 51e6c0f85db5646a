import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "#db/connection";
import { invitations, organisations, users } from "#db/schema";
import { demoLevel, seedSubmission } from "~/demo/seed-tenders";
import { defaultMethod } from "~/tenders/builder";
import type { TenderMethod } from "~/tenders/method";
import { runTransaction } from "#db/transaction";
import { baseUrl, launchBrowser, signIn } from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** `footprint`: each supplier's value for the carbon footprint of the offer (kgCO2e), the tender's offer criterion. */
const SUPPLIERS = [
  { name: "Numérique Durable SAS", email: "fournisseur@numerique-durable.example", n: 1 as const, price: "118000", technical: "78", footprint: 182_000 },
  { name: "InfoServices Conseil", email: "fournisseur@infoservices.example", n: 2 as const, price: "104500", technical: "74", footprint: 241_500 },
];

/** Stands in for the supplier journey: both demo suppliers accept and submit (seeded answers). */
async function seedAnswers(tenderId: number, method: TenderMethod, sha: string) {
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    await runTransaction(db, async (tx) => {
            for (const s of SUPPLIERS) {
              const org = (await tx.select().from(organisations).where(eq(organisations.name, s.name)).limit(1))[0]!;
              const user = (await tx.select().from(users).where(eq(users.email, s.email)).limit(1))[0]!;
              await tx.update(invitations).set({ supplierOrganisationId: org.id, openedAt: new Date().toISOString(), acceptedAt: new Date().toISOString(), acceptedBy: user.id }).where(eq(invitations.email, s.email));
              await seedSubmission(tx, {
                                tenderId,
                                method,
                                methodSha256: sha,
                                supplierOrganisationId: org.id,
                                submittedBy: user.id,
                                answers: (_id, i) => demoLevel(s.n, i),
                                offerValues: { "empreinte-offre": s.footprint },
                              });
            }
          });
  } finally {
    db.$client.close();
  }
}

/**
 * Issue 11: the demo buyer is public, so this journey is the lawful one — carbon footprint of the offer as an
 * environmental offer criterion, contract questions weighted, organisation questions for information, evaluated
 * levels only — and the ranking equals `npm run score` on the buyer's downloaded scoring input.
 */
describe("buyer journey", () => {
  it("creates and publishes a lawful tender with RSE 30 %, invites two suppliers, evaluates and compares", async () => {
    const buyer = await newPage("acheteur@metropole.example");

    // 1. Build the tender; the live total reacts before any request.
    await buyer.goto(`${baseUrl()}/acheteur/appels-d-offres/nouveau`);
    await buyer.getByLabel("Titre").fill("Postes de travail reconditionnés — e2e");
    await buyer.getByLabel("Référence interne").fill("AO-E2E-1");
    await buyer.getByLabel("Segment d'achat").selectOption("postes-de-travail");
    await buyer.locator("#deadlineDate").fill("2099-06-30");
    await buyer.locator("#deadlineTime").fill("12:00");
    await buyer.getByLabel(/Permettre l'évaluation/).check();
    await buyer.getByLabel("RSE (%)").fill("35");
    await buyer.getByText("ne peut pas dépasser 30 %").first().waitFor();
    await buyer.getByLabel("Prix (%)").fill("40");
    await buyer.getByLabel("Valeur technique (%)").fill("30");
    await buyer.getByLabel("RSE (%)").fill("30");
    await expect(buyer.getByTestId("shares-total").textContent()).resolves.toContain("100 %");
    // Public buyer: the carbon footprint of the offer is retained by default; at 12 % the questionnaire keeps 18 %.
    await expect(buyer.getByTestId("builder-regime").textContent()).resolves.toContain("acheteur public");
    await buyer.getByLabel("Part de « Empreinte carbone de l'offre » (%)").fill("12");
    await expect(buyer.getByTestId("questionnaire-share").textContent()).resolves.toContain("questionnaire : 18 %");
    // Governance questions assess the company's general policy: asked for information, 0 % of the mark.
    await expect(buyer.getByTestId("information-only-GOUV-01").count()).resolves.toBe(1);
    await expect(buyer.getByTestId("criterion-share-gouvernance").textContent()).resolves.toContain("0 %");
    await Promise.all([buyer.waitForURL(/\/modifier$/), buyer.getByRole("button", { name: "Enregistrer le brouillon" }).click()]);
    await buyer.getByRole("status").filter({ hasText: "Brouillon enregistré." }).waitFor();
    const tenderId = Number(/appels-d-offres\/(\d+)\//.exec(buyer.url())?.[1]);
    expect(tenderId).toBeGreaterThan(0);

    // 2. Assign the evaluator, then publish after confirmation.
    await buyer.goto(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}`);
    await buyer.getByLabel(/Karim Benali/).check();
    await buyer.getByRole("button", { name: "Enregistrer les évaluateurs" }).click();
    await buyer.getByRole("status").filter({ hasText: "Évaluateurs enregistrés : Karim Benali." }).waitFor();
    await expect(buyer.getByTestId("assigned-evaluators").textContent()).resolves.toContain("Affectés à cet appel d'offres : Karim Benali.");
    await buyer.getByRole("link", { name: "Publier…" }).click();
    // The checklist says who evaluates; the evaluation choice is explicit (the draft allowed early evaluation).
    await expect(buyer.locator('[data-item="evaluators"]').textContent()).resolves.toContain("Karim Benali");
    await expect(buyer.getByRole("radio", { name: /Dès le dépôt de chaque réponse/ }).isChecked()).resolves.toBe(true);
    await buyer.getByLabel(/Je confirme la publication/).check();
    await Promise.all([buyer.waitForURL(new RegExp(`/appels-d-offres/${tenderId}$`)), buyer.getByRole("button", { name: "Publier définitivement" }).click()]);
    await buyer.getByRole("status").filter({ hasText: "Appel d'offres publié" }).waitFor();
    await buyer.getByText("Empreinte de la méthode publiée").waitFor();

    // 3. Invite both suppliers: each link is shown once.
    await buyer.goto(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}/invitations`);
    for (const s of SUPPLIERS) {
      await buyer.getByLabel("Organisation du fournisseur").fill(s.name);
      await buyer.getByLabel("Adresse e-mail du contact").fill(s.email);
      await buyer.getByRole("button", { name: "Créer l'invitation" }).click();
      await buyer.getByTestId("invitation-link").getByText(s.email, { exact: false }).waitFor();
      await expect(buyer.getByTestId("invitation-url").textContent()).resolves.toMatch(/\/invitation\/[\w-]{40,}$/);
    }
    // The copy button (JavaScript) puts the link in the clipboard.
    await buyer.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl() });
    await buyer.getByRole("button", { name: "Copier le lien" }).click();
    await buyer.getByText("Lien copié dans le presse-papiers.").waitFor();
    await expect(buyer.evaluate(() => navigator.clipboard.readText())).resolves.toBe(await buyer.getByTestId("invitation-url").textContent());

    // 4. The suppliers answer (seeded submissions for this tender).
    const { method, sha } = await publishedMethodOf(tenderId);
    await seedAnswers(tenderId, method, sha);
    await buyer.reload();
    await expect(buyer.locator('tr[data-status="submitted"]').count()).resolves.toBe(2);

    // 5. Price and technical score.
    await buyer.goto(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}/evaluation`);
    for (const s of SUPPLIERS) {
      const form = buyer.getByRole("form", { name: `Prix et note technique de ${s.name}` });
      await form.getByLabel("Prix (€ HT)").fill(s.price);
      await form.getByLabel("Note technique").fill(s.technical);
      await Promise.all([buyer.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/evaluation")), form.getByRole("button", { name: "Enregistrer" }).click()]);
      await buyer.getByRole("status").filter({ hasText: "Prix et note technique enregistrés." }).waitFor();
    }

    // 6. The evaluator reviews: lowers a contract question (justification required) and corrects an offer value.
    const evaluator = await newPage("evaluateur@metropole.example");
    await evaluator.goto(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}/evaluation`);
    await evaluator.getByRole("link", { name: "Numérique Durable SAS" }).click();
    await evaluator.locator('select[name="level[FORM-03]"]').selectOption("1");
    const save = evaluator.getByRole("button", { name: "Enregistrer le critère « Formation et compétences »" });
    await save.click();
    await evaluator.getByText("Justifiez en quelques mots").first().waitFor();
    await evaluator.locator('textarea[name="justification[FORM-03]"]').fill("Aucune preuve de formation de l'équipe affectée au marché.");
    await save.click();
    await evaluator.locator("#critere-formation").getByRole("status").filter({ hasText: "Évaluation du critère enregistrée." }).waitFor();
    const offer = evaluator.getByRole("form", { name: "Valeur de l'offre : Empreinte carbone de l'offre" });
    await offer.getByLabel(/Valeur retenue/).fill("190000");
    await offer.getByLabel(/Justification/).fill("Facteur d'écran corrigé selon la fiche produit jointe.");
    await offer.getByRole("button", { name: "Enregistrer la valeur « Empreinte carbone de l'offre »" }).click();
    await evaluator.getByRole("status").filter({ hasText: "Valeur de l'offre enregistrée." }).waitFor();

    // 7. The comparison is provisional (not everything is reviewed) and equals `npm run score` on the downloaded input.
    await buyer.goto(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}/comparaison`);
    await buyer.getByTestId("provisional").waitFor();
    const download = await buyer.request.get(`${baseUrl()}/acheteur/appels-d-offres/${tenderId}/donnees-notation.json`);
    expect(download.status()).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-e2e-score-"));
    const file = path.join(dir, "donnees-notation.json");
    fs.writeFileSync(file, await download.body());
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/score.ts", file], { encoding: "utf8" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as { suppliers: { id: string; total: number }[]; provisional: boolean };
    expect(cli.provisional).toBe(true);
    const names = await orgNames();
    const order = await buyer.locator('[data-testid="ranking"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute("data-supplier")));
    expect(order).toEqual(cli.suppliers.map((s) => names.get(s.id)));
    const totals = await buyer.locator('[data-testid="ranking"] tbody tr td strong').allTextContents();
    expect(totals.map((t) => Number(t.replace(/\s/g, "").replace(",", ".")))).toEqual(cli.suppliers.map((s) => s.total));
    await expect(buyer.getByTestId("stability").textContent()).resolves.toMatch(/part RSE/);
    await buyer.getByText("Simulation — la méthode publiée ne change pas").waitFor();
  }, 120_000); // two browsers, a CLI run, on shared cores: about a minute
});

/** `org-<id>` (the scoring input's supplier ids) → organisation name. */
async function orgNames(): Promise<Map<string, string>> {
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    return new Map((await db.select().from(organisations)).map((o) => [`org-${o.id}`, o.name]));
  } finally {
    db.$client.close();
  }
}

/** The published method as the server stored it (read from the same SQLite file). */
async function publishedMethodOf(tenderId: number): Promise<{ method: TenderMethod; sha: string }> {
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    const row = db.query.tenders.findFirst({ where: (t, { eq }) => eq(t.id, tenderId) }).sync();
    const method = row?.publishedMethod as TenderMethod;
    const expectedShares = { price: 40, technical: 30, rse: 30 };
    expect(method.shares).toEqual(expectedShares);
    expect(method.questions).toHaveLength(defaultMethod().questions.length);
    return { method, sha: row!.publishedMethodSha256! };
  } finally {
    db.$client.close();
  }
}
