import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase } from "#db/connection";
import { tenders } from "#db/schema";
import { baseUrl, launchBrowser, signIn } from "./browser";

/**
 * The publish page's checklist in Chromium (issue 10 §2), with its screenshots, and the evaluator
 * assignment seen in the walk-through: what the tender page says is what is saved, and the
 * evaluator's access follows it. Works on the demo draft tender, left as it was found.
 */
let browser: Browser;
let draftId: number;
const shots = () => {
  const dir = process.env.SCREENSHOT_DIR ?? path.join(inject("dataDir"), "captures");
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  browser = await launchBrowser();
  const db = openDatabase(path.join(inject("dataDir"), "nr-procure.sqlite"));
  try {
    draftId = (await db.select().from(tenders).where(eq(tenders.reference, "AO-2026-021")).limit(1))[0]!.id;
  } finally {
    db.$client.close();
  }
});
afterAll(async () => {
  await browser?.close();
});

async function pageAs(email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

describe("publish checklist and evaluator assignment", () => {
  it("shows the checklist before confirming, with the evaluation choice explicit; the tender page says who is assigned", async () => {
    const buyer = await pageAs("acheteur@metropole.example");
    const evaluator = await pageAs("evaluateur@metropole.example");
    const tenderUrl = `${baseUrl()}/acheteur/appels-d-offres/${draftId}`;

    // Nobody assigned: the tender page says so, the evaluator gets a 404.
    await buyer.goto(tenderUrl);
    await expect(buyer.getByTestId("assigned-evaluators").textContent()).resolves.toContain("Aucun évaluateur n'est affecté");
    const karim = buyer.getByRole("checkbox", { name: /Karim Benali/ });
    await expect(karim.isChecked()).resolves.toBe(false);
    await expect(buyer.locator("#evaluateurs").getByText("non affecté").count()).resolves.toBe(1);
    expect((await evaluator.goto(`${tenderUrl}/evaluation`))?.status()).toBe(404);

    // The checklist of the publish page says the same, and offers the way to fix it.
    await buyer.goto(`${tenderUrl}/publier`);
    const checklist = buyer.getByTestId("publish-checklist");
    await expect(checklist.locator('[data-item="evaluators"]').getAttribute("data-status")).resolves.toBe("todo");
    await expect(checklist.locator('[data-item="evaluators"]').textContent()).resolves.toContain("Aucun évaluateur affecté");
    await expect(checklist.locator('[data-item="evaluation-opens"]').textContent()).resolves.toContain("À la date limite");
    await expect(checklist.locator('[data-item="invitations"]').textContent()).resolves.toContain("après la publication");
    await expect(buyer.getByRole("radio", { name: /À la date limite/ }).isChecked()).resolves.toBe(true);
    await buyer.screenshot({ path: path.join(shots(), "publish-checklist-unassigned.png"), fullPage: true });
    await checklist.getByRole("link", { name: "Affecter des évaluateurs" }).click();
    await buyer.waitForURL(/#evaluateurs$/);

    // Tick and save: the page and the flash name him; a reload keeps the box ticked; the evaluator gets in.
    await karim.check();
    await buyer.getByRole("button", { name: "Enregistrer les évaluateurs" }).click();
    await buyer.getByRole("status").filter({ hasText: "Évaluateurs enregistrés : Karim Benali." }).waitFor();
    await expect(buyer.getByTestId("assigned-evaluators").textContent()).resolves.toContain("Affectés à cet appel d'offres : Karim Benali.");
    await buyer.reload();
    await expect(buyer.getByRole("checkbox", { name: /Karim Benali/ }).isChecked()).resolves.toBe(true);
    expect((await evaluator.goto(tenderUrl))?.status()).toBe(200);

    await buyer.goto(`${tenderUrl}/publier`);
    await expect(buyer.getByTestId("publish-checklist").locator('[data-item="evaluators"]').getAttribute("data-status")).resolves.toBe("ok");
    await buyer.screenshot({ path: path.join(shots(), "publish-checklist.png"), fullPage: true });

    // Untick without saving, then reload: the page shows what is saved, not the unsaved click.
    await buyer.goto(tenderUrl);
    await buyer.getByRole("checkbox", { name: /Karim Benali/ }).uncheck();
    await buyer.reload();
    await expect(buyer.getByRole("checkbox", { name: /Karim Benali/ }).isChecked()).resolves.toBe(true);

    // Untick and save: he is out again (the demo draft is left as it was).
    await buyer.getByRole("checkbox", { name: /Karim Benali/ }).uncheck();
    await buyer.getByRole("button", { name: "Enregistrer les évaluateurs" }).click();
    await buyer.getByRole("status").filter({ hasText: "aucun évaluateur affecté" }).waitFor();
    await expect(buyer.getByRole("checkbox", { name: /Karim Benali/ }).isChecked()).resolves.toBe(false);
    expect((await evaluator.goto(tenderUrl))?.status()).toBe(404);
  });
});
