import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import nodePath from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { loader as invitationsLoader, action as invitationsAction } from "~/routes/acheteur.appels-d-offres.$id.invitations";
import { loader as outboxLoader } from "~/routes/acheteur.boite-d-envoi";
import { loader as evalLoader, action as evalOverviewAction } from "~/routes/acheteur.appels-d-offres.$id.evaluation._index";
import { loader as submissionLoader, action as submissionAction } from "~/routes/acheteur.appels-d-offres.$id.evaluation.$submissionId";
import { loader as compareLoader } from "~/routes/acheteur.appels-d-offres.$id.comparaison";
import { loader as csvLoader } from "~/routes/acheteur.appels-d-offres.$id.classement[.]csv";
import { loader as reportLoader } from "~/routes/acheteur.appels-d-offres.$id.rapport";
import { loader as supplierLoader, action as shareAction } from "~/routes/acheteur.appels-d-offres.$id.fournisseurs.$supplierId";
import { loader as debriefLoader } from "~/routes/fournisseur.consultations.$tenderId.restitution";
import { getCurrentUser } from "~/auth/session.server";
import { getDebriefForSupplier } from "~/tenders/debrief.server";
import { buildScoringInput } from "~/tenders/scoring-input.server";
import { hashToken } from "~/lib/tokens.server";
import { auditLog, evaluations, invitations, offerScores, organisations, outbox, submissions, tenders } from "#db/schema";
import { seed, signedInClient, type TestClient } from "../support/client";
import { otherBuyer, seededTenderIds } from "../support/tenders";

let tenderId: number;
const p = (rest = "") => `/acheteur/appels-d-offres/${tenderId}${rest}`;
const params = () => ({ id: String(tenderId) });

beforeAll(async () => {
  await seed();
  tenderId = (await seededTenderIds()).published;
});

async function submissionOf(orgName: string) {
  const org = (await db().select().from(organisations).where(eq(organisations.name, orgName)).limit(1))[0]!;
  const sub = (await db().select().from(submissions).where(and(eq(submissions.tenderId, tenderId), eq(submissions.supplierOrganisationId, org.id))).limit(1))[0]!;
  return { org, sub };
}

async function userOf(client: TestClient) {
  const user = await getCurrentUser(client.request("/"));
  if (!user) throw new Error("not signed in");
  return user;
}

describe("invitations", () => {
  it("creates a single-use link shown once, stores only its SHA-256, writes the outbox and the audit log", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.post(invitationsAction, p("/invitations"), { intent: "invite", email: "Contact@Nouveau-Fournisseur.example", supplierName: "Nouveau Fournisseur" }, params());
    expect(out.status).toBe(200);
    const link = (out.body as { link: { url: string } }).link.url;
    const token = /\/invitation\/([\w-]+)$/.exec(link)?.[1];
    expect(token).toBeTruthy();
    const row = (await db().select().from(invitations).where(eq(invitations.email, "contact@nouveau-fournisseur.example")).limit(1))[0]!;
    expect(row.tokenSha256).toBe(hashToken(token!));
    expect(JSON.stringify(row)).not.toContain(token!);
    expect(row.expiresAt).toBe((await db().select({ deadline: tenders.deadline }).from(tenders).where(eq(tenders.id, tenderId)))[0]!.deadline);
    const message = (await db().select().from(outbox).where(eq(outbox.toEmail, "contact@nouveau-fournisseur.example")).limit(1))[0];
    expect(message?.body).toContain(link);
    // The list never shows the token again.
    const list = await buyer.get(invitationsLoader, p("/invitations"), params());
    expect(JSON.stringify(list.body)).not.toContain(token!);
    const inv = (list.body as { invitations: { email: string; status: { kind: string } }[] }).invitations;
    expect(inv.find((i) => i.email === "contact@nouveau-fournisseur.example")?.status.kind).toBe("invited");
    expect(inv.filter((i) => i.status.kind === "submitted")).toHaveLength(2);
    const outboxPage = await buyer.get(outboxLoader, "/acheteur/boite-d-envoi");
    expect((outboxPage.body as { messages: unknown[] }).messages.length).toBeGreaterThan(0);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "invitation.create"))).length).toBeGreaterThan(0);
    // Same address twice: French error.
    const twice = await buyer.post(invitationsAction, p("/invitations"), { intent: "invite", email: "contact@nouveau-fournisseur.example", supplierName: "Nouveau Fournisseur" }, params());
    expect(twice.status).toBe(400);
    expect((twice.body as { fieldErrors: Record<string, string[]> }).fieldErrors.email?.[0]).toContain("déjà invitée");
  });

  it("revokes with a confirmation and audits; another organisation gets 404 on the same invitation id", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.post(invitationsAction, p("/invitations"), { intent: "invite", email: "a-revoquer@example.org", supplierName: "À révoquer" }, params());
    expect(out.status).toBe(200);
    const inv = (await db().select().from(invitations).where(eq(invitations.email, "a-revoquer@example.org")).limit(1))[0]!;
    const other = await otherBuyer("acheteur3@autre-collectivite.example");
    const foreign = await other.post(invitationsAction, p("/invitations"), { intent: "revoke", invitationId: String(inv.id), confirm: "yes" }, params());
    expect(foreign.status).toBe(404);
    const unconfirmed = await buyer.post(invitationsAction, p("/invitations"), { intent: "revoke", invitationId: String(inv.id) }, params());
    expect(unconfirmed.status).toBe(400);
    const ok = await buyer.post(invitationsAction, p("/invitations"), { intent: "revoke", invitationId: String(inv.id), confirm: "yes" }, params());
    expect(ok.status).toBe(302);
    expect((await db().select().from(invitations).where(eq(invitations.id, inv.id)).limit(1))[0]!.revokedAt).not.toBeNull();
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "invitation.revoke"))).toHaveLength(1);
  });
});

describe("evaluation", () => {
  it("shows progress and each answer pre-filled with the self-assessment", async () => {
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const overview = await evaluator.get(evalLoader, p("/evaluation"), params());
    const subs = (overview.body as { submissions: { id: number; evaluated: number }[]; questionCount: number }).submissions;
    expect(subs).toHaveLength(2);
    expect(subs.every((s) => s.evaluated === 0)).toBe(true);
    const { sub } = await submissionOf("Numérique Durable SAS");
    const page = await evaluator.get(submissionLoader, p(`/evaluation/${sub.id}`), { id: String(tenderId), submissionId: String(sub.id) });
    const first = (page.body as { criteria: { questions: { id: string; self: string; value: string; answerText: string }[] }[] }).criteria[0]!.questions[0]!;
    expect(first.value).toBe(first.self);
    expect(first.answerText.length).toBeGreaterThan(0);
  });

  it("requires a justification for a level different from the self-assessment, in French", async () => {
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const { sub } = await submissionOf("Numérique Durable SAS");
    const out = await evaluator.post(submissionAction, p(`/evaluation/${sub.id}`), { criterion: "gouvernance", "level[GOUV-01]": "2", "justification[GOUV-01]": "" }, { id: String(tenderId), submissionId: String(sub.id) });
    expect(out.status).toBe(400);
    expect((out.body as { fieldErrors: Record<string, string[]> }).fieldErrors["justification[GOUV-01]"]?.[0]).toContain("Justifiez");
    expect(await db().select().from(evaluations).where(eq(evaluations.submissionId, sub.id))).toHaveLength(0);
  });

  // Issue 11: the demo tender is public and lawful. GOUV-01 (organisation scope) is asked for information, and only
  // reviewed answers count: reviewing the contract question FORM-03 at level 4 raises the RSE score it had as unreviewed.
  it("saves a criterion, audits the change, and the comparison uses the evaluated level (only once reviewed)", async () => {
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const { org, sub } = await submissionOf("Numérique Durable SAS");
    const before = await evaluator.get(compareLoader, p("/comparaison"), params());
    const rowBefore = (before.body as { rows: { organisationId: number; rseScore: number; unreviewed: { answers: string[] } }[] }).rows.find((r) => r.organisationId === org.id)!;
    expect(rowBefore.unreviewed.answers).toContain("FORM-03");
    const out = await evaluator.post(
      submissionAction,
      p(`/evaluation/${sub.id}`),
      { criterion: "formation", "level[FORM-03]": "4", "justification[FORM-03]": "Plan de formation de l'équipe affectée joint." },
      { id: String(tenderId), submissionId: String(sub.id) },
    );
    expect(out.status).toBe(302);
    const rows = await db().select().from(evaluations).where(eq(evaluations.submissionId, sub.id));
    expect(rows.length).toBeGreaterThan(1); // the whole criterion is now evaluated
    expect(rows.find((r) => r.questionId === "FORM-03")?.evaluatedLevel).toBe(4);
    const entry = (await db().select().from(auditLog).where(eq(auditLog.action, "evaluation.update"))).at(-1)!;
    expect(JSON.stringify(entry.details)).toContain("FORM-03");
    const after = await evaluator.get(compareLoader, p("/comparaison"), params());
    const rowAfter = (after.body as { rows: { organisationId: number; rseScore: number; unreviewed: { answers: string[] } }[] }).rows.find((r) => r.organisationId === org.id)!;
    expect(rowAfter.unreviewed.answers).not.toContain("FORM-03");
    expect(rowAfter.rseScore).toBeGreaterThan(rowBefore.rseScore);
  });

  it("lets only the buyer enter price and technical score (/20 converted), with an audit entry", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const evaluator = await signedInClient("evaluateur@metropole.example");
    const { org } = await submissionOf("InfoServices Conseil");
    const denied = await evaluator.post(evalOverviewAction, p("/evaluation"), { supplierOrganisationId: String(org.id), price: "100000", technical: "15", scale: "20" }, params());
    expect(denied.status).toBe(403);
    const bad = await buyer.post(evalOverviewAction, p("/evaluation"), { supplierOrganisationId: String(org.id), price: "-3", technical: "25", scale: "20" }, params());
    expect(bad.status).toBe(400);
    const ok = await buyer.post(evalOverviewAction, p("/evaluation"), { supplierOrganisationId: String(org.id), price: "104 500,00", technical: "14,8", scale: "20" }, params());
    expect(ok.status).toBe(302);
    const row = (await db().select().from(offerScores).where(and(eq(offerScores.tenderId, tenderId), eq(offerScores.supplierOrganisationId, org.id))).limit(1))[0]!;
    expect(row.priceEurHt).toBe(104500);
    expect(row.technicalScore).toBeCloseTo(74);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "offer-score.update"))).toHaveLength(1);
  });

  it("404s another organisation's buyer on evaluation pages and posts", async () => {
    const other = await otherBuyer("acheteur4@autre-collectivite.example");
    const { sub, org } = await submissionOf("Numérique Durable SAS");
    expect((await other.get(evalLoader, p("/evaluation"), params())).status).toBe(404);
    expect((await other.get(submissionLoader, p(`/evaluation/${sub.id}`), { id: String(tenderId), submissionId: String(sub.id) })).status).toBe(404);
    expect((await other.post(submissionAction, p(`/evaluation/${sub.id}`), { criterion: "gouvernance", "level[GOUV-02]": "1", "justification[GOUV-02]": "tentative externe" }, { id: String(tenderId), submissionId: String(sub.id) })).status).toBe(404);
    expect((await other.post(evalOverviewAction, p("/evaluation"), { supplierOrganisationId: String(org.id), price: "1", technical: "1" }, params())).status).toBe(404);
    expect((await other.get(compareLoader, p("/comparaison"), params())).status).toBe(404);
    expect((await other.get(csvLoader, p("/classement.csv"), params())).status).toBe(404);
    expect((await other.get(supplierLoader, p(`/fournisseurs/${org.id}`), { id: String(tenderId), supplierId: String(org.id) })).status).toBe(404);
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    expect((await supplier.get(compareLoader, p("/comparaison"), params())).status).toBe(403);
    expect((await supplier.get(submissionLoader, p(`/evaluation/${sub.id}`), { id: String(tenderId), submissionId: String(sub.id) })).status).toBe(403);
    expect((await supplier.get(csvLoader, p("/classement.csv"), params())).status).toBe(403);
  });
});

describe("comparison", () => {
  it("shows exactly what `npm run score` gives for the same input built from the database", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const built = await buildScoringInput({ tenderId, user: await userOf(buyer) });
    expect(built.input).not.toBeNull();
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "nr-score-"));
    const file = nodePath.join(dir, "input.json");
    fs.writeFileSync(file, JSON.stringify(built.input, null, 2));
    const run = spawnSync("npx", ["tsx", "scripts/score.ts", file], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const cli = JSON.parse(run.stdout) as { suppliers: { id: string; rank: number; total: number; priceScore: number; technicalScore: number; rseScore: number; criteria: Record<string, number | null>; unanswered: string[] }[]; winnerChangesAtRseShare: number | null };
    const page = await buyer.get(compareLoader, p("/comparaison"), params());
    const body = page.body as { rows: { id: string; rank: number; total: number; priceScore: number; technicalScore: number; rseScore: number; criteria: Record<string, number | null>; unanswered: string[] }[]; winnerChangesAtRseShare: number | null; stability: string };
    // Issue 11: the lawful-award fields too (offer scores, missing values, questionnaire score, unreviewed items).
    const pick = ({ id, rank, total, priceScore, technicalScore, rseScore, criteria, unanswered, offerScores, missingOfferValues, questionnaireScore, unreviewed }: Record<string, unknown>) =>
      ({ id, rank, total, priceScore, technicalScore, rseScore, criteria, unanswered, offerScores, missingOfferValues, questionnaireScore, unreviewed });
    expect(cli.suppliers[0]).toHaveProperty("offerScores");
    expect((body.rows as unknown as Record<string, unknown>[]).map(pick)).toEqual((cli.suppliers as unknown as Record<string, unknown>[]).map(pick));
    expect(body.winnerChangesAtRseShare).toBe(cli.winnerChangesAtRseShare);
    expect(body.stability).toMatch(/^(Le classement changerait de vainqueur si la part RSE était de [\d,]+ % au lieu de 25 %\.|Aucune part RSE entre 0 et 30 % ne changerait le vainqueur\.)$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("sorts without JavaScript through the query string", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const asc = await buyer.get(compareLoader, p("/comparaison?tri=total&ordre=asc"), params());
    const desc = await buyer.get(compareLoader, p("/comparaison?tri=total&ordre=desc"), params());
    const a = (asc.body as { rows: { total: number }[] }).rows.map((r) => r.total);
    const d = (desc.body as { rows: { total: number }[] }).rows.map((r) => r.total);
    expect(a).toEqual([...d].reverse());
    expect(a[0]).toBeLessThanOrEqual(a[1]!);
  });

  it("exports a formula-safe CSV with a BOM and records the export (and the printable report)", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    // A supplier organisation named like a formula must come out neutralised.
    const { org } = await submissionOf("InfoServices Conseil");
    await db().update(organisations).set({ name: "=HYPERLINK(\"http://evil\")" }).where(eq(organisations.id, org.id));
    const out = await buyer.get(csvLoader, p("/classement.csv"), params());
    await db().update(organisations).set({ name: "InfoServices Conseil" }).where(eq(organisations.id, org.id));
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toContain("text/csv");
    const text = String(out.body);
    // Response.text() drops the BOM: check the raw bytes of a second export.
    const raw = (await csvLoader({ request: buyer.request(p("/classement.csv")), params: params(), context: {} })) as Response;
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.split("\r\n")[0]).toContain("Rang;Fournisseur;Note totale /100");
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // Spreadsheet-friendly numbers: the price as plain digits (no narrow no-break space), scores
    // with a decimal comma, and the count of unanswered questions written even when it is 0.
    const header = text.split("\r\n")[0]!.split(";");
    const line = text.split("\r\n").find((l) => l.includes("104500"))!.split(";");
    expect(line[header.indexOf("Prix (€ HT)")]).toBe("104500");
    expect(line[header.indexOf("Note totale /100")]).toMatch(/^\d+(,\d{1,2})?$/);
    expect(line[header.indexOf("Nombre de questions sans réponse")]).toMatch(/^\d+$/);
    expect(text).not.toMatch(/\u202f|\u00a0/);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "export.ranking-csv"))).toHaveLength(2);
    const report = await buyer.get(reportLoader, p("/rapport"), params());
    expect(report.status).toBe(200);
    expect((report.body as { explanations: unknown[] }).explanations).toHaveLength(2);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "export.report"))).toHaveLength(1);
  });
});

describe("debrief", () => {
  it("is 404 until shared, then shows that supplier only its own scores, rank and justifications", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    const rival = await signedInClient("fournisseur@infoservices.example");
    const { org } = await submissionOf("Numérique Durable SAS");
    const supplierUser = await userOf(supplier);
    const rivalUser = await userOf(rival);
    await expect(getDebriefForSupplier({ tenderId, user: supplierUser })).rejects.toThrow();
    // What the supplier sees: the debrief page is "not found" until it is shared.
    const restitution = `/fournisseur/consultations/${tenderId}/restitution`;
    expect((await supplier.get(debriefLoader, restitution, { tenderId: String(tenderId) })).status).toBe(404);
    const unconfirmed = await buyer.post(shareAction, p(`/fournisseurs/${org.id}`), {}, { id: String(tenderId), supplierId: String(org.id) });
    expect(unconfirmed.status).toBe(400);
    const shared = await buyer.post(shareAction, p(`/fournisseurs/${org.id}`), { confirm: "yes" }, { id: String(tenderId), supplierId: String(org.id) });
    expect(shared.status).toBe(302);
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "debrief.share"))).toHaveLength(1);
    const debrief = await getDebriefForSupplier({ tenderId, user: supplierUser });
    expect(debrief.rankedCount).toBe(2);
    expect([1, 2]).toContain(debrief.rank);
    expect(debrief.justifications.map((j) => j.questionId)).toContain("FORM-03");
    const text = JSON.stringify(debrief);
    expect(text).not.toContain("InfoServices");
    expect(text).not.toContain("104500");
    expect(text).not.toContain("lowestPrice");
    expect(debrief.explanation.rse.offerCriteria?.every((o) => o.lowestValue === null && o.highestValue === null)).toBe(true);
    // The rival was not shared anything.
    await expect(getDebriefForSupplier({ tenderId, user: rivalUser })).rejects.toThrow();
    // A buyer user is not a supplier: 404 as well.
    await expect(getDebriefForSupplier({ tenderId, user: { ...supplierUser, organisationKind: "buyer" } })).rejects.toThrow();
  });
});
