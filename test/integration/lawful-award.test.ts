/**
 * Issue 11 §2–3 in the portal: regime per buying organisation, offer criteria in tenders, offer values,
 * evaluated levels only, closing, the scoring-input download, and IDOR probes on the new routes and forms.
 */
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { parseScoringInput, scoreParsed } from "#scoring";
import { auditLog, offerValueReviews, organisations, submissions, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { canonicalJson } from "~/lib/submission-content";
import { action as adminAction } from "~/routes/admin._index";
import { action as newAction } from "~/routes/acheteur.appels-d-offres.nouveau";
import { action as publishAction } from "~/routes/acheteur.appels-d-offres.$id.publier";
import { action as closeAction } from "~/routes/acheteur.appels-d-offres.$id.cloturer";
import { loader as compareLoader } from "~/routes/acheteur.appels-d-offres.$id.comparaison";
import { loader as jsonLoader } from "~/routes/acheteur.appels-d-offres.$id.donnees-notation[.]json";
import { action as submissionAction } from "~/routes/acheteur.appels-d-offres.$id.evaluation.$submissionId";
import { loader as qLoader, action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as sectionLoader } from "~/routes/fournisseur.consultations.$tenderId.sections.$criterionId";
import { demoPublicMethod, DEMO_OFFER_CRITERION } from "~/demo/seed-tenders";
import { seed, signedInClient, type TestClient } from "../support/client";
import { acceptInvitationDirectly, createInvitation } from "../support/fixtures-tenders";
import { builderFields, otherBuyer, seededTenderIds, tenderRow } from "../support/tenders";

let demoTender: number;
const at = (id: number, rest = "") => `/acheteur/appels-d-offres/${id}${rest}`;

beforeAll(async () => {
  await seed();
  demoTender = (await seededTenderIds()).published;
});

async function createDraft(client: TestClient, over: Record<string, string>, options?: { lawful?: boolean }) {
  const out = await client.post(newAction, "/acheteur/appels-d-offres/nouveau", builderFields(currentGuide, { title: `AO ${crypto.randomUUID()}`, ...over }, options));
  expect(out.status, JSON.stringify(out.body)).toBe(302);
  return Number(/appels-d-offres\/(\d+)/.exec(out.location ?? "")![1]);
}

async function orgId(name: string) {
  return (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
}

async function submissionOf(tenderId: number, orgName: string) {
  return (await db().select().from(submissions).where(and(eq(submissions.tenderId, tenderId), eq(submissions.supplierOrganisationId, await orgId(orgName)))).limit(1))[0]!;
}

type Row = { id: string; rank: number; total: number; rseScore: number; unreviewed: { answers: string[]; offerValues: string[] } };

describe("regime per buying organisation", () => {
  it("is public for the demo buyer, private for Groupe Industriel Exemple, and only the admin changes it (audited)", async () => {
    expect((await db().select().from(organisations).where(eq(organisations.name, "Métropole Exemple — Direction des achats")).limit(1))[0]!.procurementRegime).toBe("public");
    const privateOrg = (await db().select().from(organisations).where(eq(organisations.name, "Groupe Industriel Exemple")).limit(1))[0]!;
    expect(privateOrg.procurementRegime).toBe("private");
    expect(await db().select().from(tenders).where(eq(tenders.organisationId, privateOrg.id))).toHaveLength(1);
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await buyer.post(adminAction, "/admin", { intent: "regime", organisationId: String(privateOrg.id), regime: "public" })).status).toBe(403);
    const admin = await signedInClient("admin@nr-procure.example");
    const bad = await admin.post(adminAction, "/admin", { intent: "regime", organisationId: String(privateOrg.id), regime: "semi-public" });
    expect(bad.status).toBe(400);
    const supplierOrg = await orgId("Numérique Durable SAS");
    expect((await admin.post(adminAction, "/admin", { intent: "regime", organisationId: String(supplierOrg), regime: "private" })).status).toBe(400);
    expect((await admin.post(adminAction, "/admin", { intent: "regime", organisationId: "999999", regime: "private" })).status).toBe(404);
    const ok = await admin.post(adminAction, "/admin", { intent: "regime", organisationId: String(privateOrg.id), regime: "public" });
    expect(ok.status).toBe(200);
    expect((await db().select().from(organisations).where(eq(organisations.id, privateOrg.id)).limit(1))[0]!.procurementRegime).toBe("public");
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "organisation.regime-change"))).at(-1)?.details).toEqual({ from: "private", to: "public" });
    await admin.post(adminAction, "/admin", { intent: "regime", organisationId: String(privateOrg.id), regime: "private" });
  });
});

describe("publication of a public tender (launched after 21/08/2026)", () => {
  it("is refused without an environmental offer criterion, citing L2152-7, and accepted with one", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const id = await createDraft(buyer, { "offerCriteria.0.included": "" });
    const refused = await buyer.post(publishAction, at(id, "/publier"), { confirm: "yes" }, { id: String(id) });
    expect(refused.status).toBe(400);
    expect((refused.body as { issues: string[] }).issues.join(" ")).toContain("L2152-7");
    expect((await tenderRow(id))!.status).toBe("draft");
    const ok = await createDraft(buyer, {});
    const published = await buyer.post(publishAction, at(ok, "/publier"), { confirm: "yes" }, { id: String(ok) });
    expect(published.status, JSON.stringify(published.body)).toBe(302);
    const method = (await tenderRow(ok))!.publishedMethod as { procurement: { regime: string; launchDate: string }; offerCriteria: { id: string; share: number }[] };
    expect(method.procurement.regime).toBe("public");
    expect(method.procurement.launchDate >= "2026-08-21").toBe(true);
    expect(method.offerCriteria).toEqual([expect.objectContaining({ id: "empreinte-offre", share: 10, environmental: true })]);
  });

  it("refuses a weighted organisation question for a public buyer, accepts it for a private one", async () => {
    const gouv = currentGuide.questions.findIndex((q) => q.id === "GOUV-01");
    expect(currentGuide.questions[gouv]!.scope).toBe("organisation");
    const buyer = await signedInClient("acheteur@metropole.example");
    const pub = await createDraft(buyer, { [`questions.${gouv}.weight`]: "2" });
    const refused = await buyer.post(publishAction, at(pub, "/publier"), { confirm: "yes" }, { id: String(pub) });
    expect(refused.status).toBe(400);
    expect((refused.body as { issues: string[] }).issues.join(" ")).toMatch(/GOUV-01.*Nantes Métropole/);

    const company = await signedInClient("acheteur@industriel.example");
    // The old form: every question weighted, no offer criterion.
    const priv = await createDraft(company, { [`questions.${gouv}.weight`]: "2" }, { lawful: false });
    const accepted = await company.post(publishAction, at(priv, "/publier"), { confirm: "yes" }, { id: String(priv) });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(302);
    expect(((await tenderRow(priv))!.publishedMethod as { procurement: { regime: string; countOnlyReviewed: boolean } }).procurement).toMatchObject({ regime: "private", countOnlyReviewed: false });
    // Not the other buyer's draft: 404 for the public buyer.
    expect((await buyer.post(publishAction, at(priv, "/publier"), { confirm: "yes" }, { id: String(priv) })).status).toBe(404);
  });
});

describe("evaluated levels only (demo public tender)", () => {
  it("an unreviewed answer never changes the ranking; once reviewed it counts", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const rows = async () => ((await buyer.get(compareLoader, at(demoTender, "/comparaison"), { id: String(demoTender) })).body as { rows: Row[]; provisional: boolean });
    const before = await rows();
    expect(before.provisional).toBe(true);
    const sub = await submissionOf(demoTender, "InfoServices Conseil");
    const target = before.rows.find((r) => r.id === `org-${sub.supplierOrganisationId}`)!;
    expect(target.unreviewed.answers).toContain("FDV-02");
    // The self-assessment of an unreviewed, counted question goes to level 5: nothing moves.
    const content = sub.content as { answers: { questionId: string; level: number | null }[] };
    const changed = { ...content, answers: content.answers.map((a) => (a.questionId === "FDV-02" ? { ...a, level: 5 } : a)) };
    await db().update(submissions).set({ content: changed, contentSha256: crypto.createHash("sha256").update(canonicalJson(changed)).digest("hex") }).where(eq(submissions.id, sub.id));
    // As every write of a tender's data does: bump its data version, so that no cached comparison hides the change.
    await db().update(tenders).set({ dataVersion: sql`${tenders.dataVersion} + 1` }).where(eq(tenders.id, demoTender));
    const after = await rows();
    expect(after.rows.map((r) => [r.id, r.rank, r.total, r.rseScore])).toEqual(before.rows.map((r) => [r.id, r.rank, r.total, r.rseScore]));
    // Reviewed (confirmed at level 5 by posting the criterion): now it counts.
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const criterion = currentGuide.questions.find((q) => q.id === "FDV-02")!.criterion;
    const saved = await evaluator.post(submissionAction, at(demoTender, `/evaluation/${sub.id}`), { criterion }, { id: String(demoTender), submissionId: String(sub.id) });
    expect(saved.status).toBe(302);
    const reviewed = await rows();
    expect(reviewed.rows.find((r) => r.id === target.id)!.rseScore).toBeGreaterThan(target.rseScore);
  });

  it("offer values: a correction needs a justification (audited); closing is refused until every counted item is reviewed", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const refused = await buyer.post(closeAction, at(demoTender, "/cloturer"), { confirm: "yes" }, { id: String(demoTender) });
    expect(refused.status).toBe(409);
    expect((refused.body as { error: string }).error).toContain("Clôture impossible");
    expect((await tenderRow(demoTender))!.status).toBe("published");

    const method = (await tenderRow(demoTender))!.publishedMethod as { questions: { id: string; criterion: string; weight: number }[] };
    const criteria = [...new Set(method.questions.map((q) => q.criterion))];
    for (const name of ["Numérique Durable SAS", "InfoServices Conseil"]) {
      const sub = await submissionOf(demoTender, name);
      const p = { id: String(demoTender), submissionId: String(sub.id) };
      for (const criterion of criteria) expect((await evaluator.post(submissionAction, at(demoTender, `/evaluation/${sub.id}`), { criterion }, p)).status).toBe(302);
      const correction = { intent: "offer-value", criterionId: DEMO_OFFER_CRITERION, value: "250,5", justification: "" };
      const noReason = await evaluator.post(submissionAction, at(demoTender, `/evaluation/${sub.id}`), correction, p);
      expect(noReason.status).toBe(400);
      expect(JSON.stringify(noReason.body)).toContain("Justifiez");
      const ok = await evaluator.post(submissionAction, at(demoTender, `/evaluation/${sub.id}`), { ...correction, justification: "Fiche produit : 250,5 kgCO2e." }, p);
      expect(ok.status).toBe(302);
      expect((await db().select().from(offerValueReviews).where(eq(offerValueReviews.submissionId, sub.id)).limit(1))[0]?.value).toBe(250.5);
    }
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "offer-value.update"))).toHaveLength(2);
    const compare = (await buyer.get(compareLoader, at(demoTender, "/comparaison"), { id: String(demoTender) })).body as { provisional: boolean };
    expect(compare.provisional).toBe(false);
    const closed = await buyer.post(closeAction, at(demoTender, "/cloturer"), { confirm: "yes" }, { id: String(demoTender) });
    expect(closed.status).toBe(302);
    expect((await tenderRow(demoTender))!.status).toBe("closed");
  });

  it("the buyer's donnees-notation.json reproduces the comparison through the scoring library (audited)", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.get(jsonLoader, at(demoTender, "/donnees-notation.json"), { id: String(demoTender) });
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Disposition")).toContain("attachment");
    const input = out.body as { procurement: { regime: string }; offerCriteria: unknown[]; questions: { scope?: string }[] };
    expect(input.procurement.regime).toBe("public");
    expect(input.offerCriteria).toHaveLength(1);
    expect(input.questions.some((q) => q.scope === "contract")).toBe(true);
    const parsed = parseScoringInput(input);
    expect(parsed.success).toBe(true);
    const result = scoreParsed((parsed as { success: true; data: Parameters<typeof scoreParsed>[0] }).data);
    const page = (await buyer.get(compareLoader, at(demoTender, "/comparaison"), { id: String(demoTender) })).body as { rows: Row[] };
    expect(page.rows.map((r) => [r.id, r.rank, r.total])).toEqual(result.suppliers.map((s) => [s.id, s.rank, s.total]));
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "export.scoring-input"))).length).toBeGreaterThan(0);
  });
});

describe("offer values in the supplier's response", () => {
  it("are saved with French errors, the contract wording and information-only questions are shown, and another supplier cannot touch them", async () => {
    const buyerId = (await db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0]!.id;
    const method = demoPublicMethod("2026-11-30");
    const tenderId = (await db()
          .insert(tenders)
          .values({
            organisationId: await orgId("Métropole Exemple — Direction des achats"),
            createdBy: buyerId,
            title: "Écrans",
            reference: "AO-ECR",
            segment: "postes-de-travail",
            deadline: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString(),
            status: "published",
            draftMethod: method,
            publishedMethod: method,
            publishedMethodSha256: crypto.createHash("sha256").update(canonicalJson(method)).digest("hex"),
            publishedAt: new Date().toISOString(),
            publishedBy: buyerId,
          })
          .returning({ id: tenders.id }))[0]!.id;
    const { invitationId } = await createInvitation(db(), { tenderId, supplierName: "Numérique Durable SAS", email: "fournisseur@numerique-durable.example" });
    await acceptInvitationDirectly(db(), { invitationId, supplierOrganisation: "Numérique Durable SAS", acceptedByEmail: "fournisseur@numerique-durable.example" });
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    const path = `/fournisseur/consultations/${tenderId}`;
    const page = (await supplier.get(qLoader, path, { tenderId: String(tenderId) })).body as { offerValues: { id: string; unit: string }[]; sections: { id: string }[] };
    expect(page.offerValues).toEqual([expect.objectContaining({ id: DEMO_OFFER_CRITERION, unit: "kgCO2e/unité" })]);
    // The questions are on one page per section (issue 10 §5).
    const questions: { id: string; text: string; informationOnly?: boolean }[] = [];
    for (const section of page.sections) {
      const out = await supplier.get(sectionLoader, `${path}/sections/${section.id}`, { tenderId: String(tenderId), criterionId: section.id });
      questions.push(...(out.body as { section: { questions: { id: string; text: string; informationOnly?: boolean }[] } }).section.questions);
    }
    expect(questions.find((q) => q.id === "FORM-03")!.text).toMatch(/présent marché/);
    expect(questions.find((q) => q.id === "GOUV-01")!.informationOnly).toBe(true);

    const bad = await supplier.post(qAction, path, { intent: "offer-values", [`values.${DEMO_OFFER_CRITERION}`]: "-3" }, { tenderId: String(tenderId) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Nombre positif attendu");
    const ok = await supplier.post(qAction, path, { intent: "offer-values", [`values.${DEMO_OFFER_CRITERION}`]: "1 234,5" }, { tenderId: String(tenderId) });
    expect(ok.status).toBe(200);
    const again = (await supplier.get(qLoader, path, { tenderId: String(tenderId) })).body as { offerValues: { value: number | null }[] };
    expect(again.offerValues[0]!.value).toBe(1234.5);

    // Another supplier organisation, not invited: not found.
    const rival = await signedInClient("fournisseur@infoservices.example");
    expect((await rival.post(qAction, path, { intent: "offer-values", [`values.${DEMO_OFFER_CRITERION}`]: "1" }, { tenderId: String(tenderId) })).status).toBe(404);
    // Evidence under an unknown offer key is refused.
    const form = new FormData();
    form.set("intent", "upload");
    form.set("questionId", "offre:inconnu");
    form.set("file", new File([new TextEncoder().encode("%PDF-1.4\n")], "fiche.pdf", { type: "application/pdf" }));
    const upload = await supplier.post(qAction, path, form, { tenderId: String(tenderId) });
    expect(upload.status).toBe(400);
  });
});

describe("IDOR on the new routes", () => {
  it("404s another buying organisation, 403s evaluators and suppliers on the scoring-input download", async () => {
    const other = await otherBuyer("acheteur@lawful-idor.example");
    expect((await other.get(jsonLoader, at(demoTender, "/donnees-notation.json"), { id: String(demoTender) })).status).toBe(404);
    const sub = await submissionOf(demoTender, "Numérique Durable SAS");
    const probe = await other.post(
      submissionAction,
      at(demoTender, `/evaluation/${sub.id}`),
      { intent: "offer-value", criterionId: DEMO_OFFER_CRITERION, value: "1", justification: "tentative externe" },
      { id: String(demoTender), submissionId: String(sub.id) },
    );
    expect(probe.status).toBe(404);
    const company = await signedInClient("evaluateur@industriel.example");
    expect((await company.get(jsonLoader, at(demoTender, "/donnees-notation.json"), { id: String(demoTender) })).status).toBe(404);
    const evaluator = await signedInClient("evaluateur@metropole.example");
    expect((await evaluator.get(jsonLoader, at(demoTender, "/donnees-notation.json"), { id: String(demoTender) })).status).toBe(403);
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    expect((await supplier.get(jsonLoader, at(demoTender, "/donnees-notation.json"), { id: String(demoTender) })).status).toBe(403);
  });
});
