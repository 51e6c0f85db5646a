import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { currentGuide } from "#questionnaires/guide";
import { auditLog, debriefShares, improvementActions, invitations, organisations, responseAnswers, responses, tenders } from "#db/schema";
import { db } from "~/lib/db.server";
import { loader as listLoader } from "~/routes/acheteur.campagnes._index";
import { action as newAction } from "~/routes/acheteur.campagnes.nouvelle";
import { action as detailAction, loader as detailLoader } from "~/routes/acheteur.campagnes.$id._index";
import { loader as panelLoader } from "~/routes/acheteur.campagnes.$id.panel";
import { loader as csvLoader } from "~/routes/acheteur.campagnes.$id.panel[.]csv";
import { action as buyerDebriefAction, loader as buyerDebriefLoader } from "~/routes/acheteur.campagnes.$id.fournisseurs.$supplierId";
import { action as supplierDebriefAction, loader as supplierDebriefLoader } from "~/routes/fournisseur.campagnes.$campaignId";
import { loader as tenderLoader } from "~/routes/acheteur.appels-d-offres.$id._index";
import { loader as comparisonLoader } from "~/routes/acheteur.appels-d-offres.$id.comparaison";
import { loader as evalLoader } from "~/routes/acheteur.appels-d-offres.$id.evaluation._index";
import { action as evalSubmissionAction, loader as evalSubmissionLoader } from "~/routes/acheteur.appels-d-offres.$id.evaluation.$submissionId";
import { action as qAction, loader as qLoader } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as sectionLoader } from "~/routes/fournisseur.consultations.$tenderId.sections.$criterionId";
import { loader as restitutionLoader } from "~/routes/fournisseur.consultations.$tenderId.restitution";
import { loader as receiptLoader } from "~/routes/fournisseur.consultations.$tenderId.recepisse";
import { loader as supplierHomeLoader } from "~/routes/fournisseur._index";
import { loader as libraryJsonLoader } from "~/routes/fournisseur.bibliotheque[.]json";
import { seed, signedInClient, type TestClient } from "../support/client";
import { acceptInvitationDirectly, createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG } from "../support/fixtures-tenders";
import { otherBuyer } from "../support/tenders";

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const S6 = "fournisseur@logiciels-legers.example";
const campaignId = async (title: string) => (await db().select().from(tenders).where(eq(tenders.title, title)).limit(1))[0]!.id;
const orgId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
let c2025: number;
let c2026: number;
let s1Org: number;
let s2Org: number;
let csr: TestClient;
let s1: TestClient;
let s2: TestClient;
let s6: TestClient;
let stranger: TestClient;

beforeAll(async () => {
  await seed();
  c2025 = await campaignId("Campagne de maturité NR 2025");
  c2026 = await campaignId("Campagne de maturité NR 2026");
  s1Org = await orgId(DEMO_SUPPLIER1_ORG);
  s2Org = await orgId("InfoServices Conseil");
  csr = await signedInClient("rse@metropole.example");
  s1 = await signedInClient(S1);
  s2 = await signedInClient(S2);
  s6 = await signedInClient(S6);
  stranger = await otherBuyer();
}, 120_000);

describe("demo campaigns", () => {
  it("show the whole cycle: radar with last year's polygon, the panel median (5 respondents), last year's actions and whether they moved", async () => {
    const r = await s1.get(supplierDebriefLoader, `/fournisseur/campagnes/${c2026}`, { campaignId: String(c2026) });
    expect(r.status).toBe(200);
    const d = r.body as { axes: { id: string; score: number | null; previous: number | null; median: number | null }[]; previous: unknown; medianShown: boolean; strength: string; priority: string; earlierActions: { move: string }[] };
    expect(d.axes).toHaveLength(10);
    expect(d.axes.every((a) => a.score !== null && a.previous !== null && a.median !== null)).toBe(true);
    expect(d.previous).not.toBeNull();
    expect(d.medianShown).toBe(true);
    expect(d.strength).not.toBe(d.priority);
    expect(d.earlierActions.length).toBe(1);
    expect(["up", "down", "same"]).toContain(d.earlierActions[0]!.move);
    // Last year: 6 respondents too, but the 2025 campaign has no earlier one.
    const old = await s1.get(supplierDebriefLoader, `/fournisseur/campagnes/${c2025}`, { campaignId: String(c2025) });
    expect((old.body as { previous: unknown }).previous).toBeNull();
  });

  it("the panel view gives response rate, heatmap, medians and progress; the CSV is formula-safe", async () => {
    const p = await csr.get(panelLoader, `/acheteur/campagnes/${c2026}/panel`, { id: String(c2026) });
    expect(p.status).toBe(200);
    const body = p.body as { invited: number; submitted: number; rows: { deltas: Record<string, number | null> }[]; criteria: { median: number | null; meanDelta: number | null }[]; compare: { id: number } | null };
    expect(body.invited).toBe(6);
    expect(body.submitted).toBe(5);
    expect(body.rows).toHaveLength(5);
    expect(body.criteria.every((c) => c.median !== null && c.meanDelta !== null)).toBe(true);
    expect(body.compare?.id).toBe(c2025);
    // A name starting with "=" must not become a formula.
    await db().update(organisations).set({ name: "=HYPERLINK(\"x\")" }).where(eq(organisations.id, s2Org));
    const csv = await csr.get(csvLoader, `/acheteur/campagnes/${c2026}/panel.csv`, { id: String(c2026) });
    await db().update(organisations).set({ name: "InfoServices Conseil" }).where(eq(organisations.id, s2Org));
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("'=HYPERLINK");
  });
});

describe("campaign access (IDOR probes)", () => {
  it("a supplier never reaches another supplier's debrief or plan, nor an unshared one", async () => {
    // S6 did not answer in 2026: no debrief, whatever the URL.
    expect((await s6.get(supplierDebriefLoader, `/fournisseur/campagnes/${c2026}`, { campaignId: String(c2026) })).status).toBe(404);
    // Unshared debrief: 404 until the buyer shares it.
    await db().delete(debriefShares).where(and(eq(debriefShares.tenderId, c2026), eq(debriefShares.supplierOrganisationId, s2Org)));
    expect((await s2.get(supplierDebriefLoader, `/fournisseur/campagnes/${c2026}`, { campaignId: String(c2026) })).status).toBe(404);
    const share = await csr.post(buyerDebriefAction, `/acheteur/campagnes/${c2026}/fournisseurs/${s2Org}`, { intent: "share" }, { id: String(c2026), supplierId: String(s2Org) });
    expect(share.status).toBe(302);
    const mine = await s2.get(supplierDebriefLoader, `/fournisseur/campagnes/${c2026}`, { campaignId: String(c2026) });
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain(DEMO_SUPPLIER1_ORG);
    // S2 acting on S1's action id (from a form) is a 404, and nothing changes.
    const s1Action = (await db().select().from(improvementActions).where(and(eq(improvementActions.campaignId, c2026), eq(improvementActions.supplierOrganisationId, s1Org))).limit(1))[0]!;
    for (const fields of <Record<string, string>[]>[
      { intent: "status", actionId: String(s1Action.id), to: "in-progress", note: "" },
      { intent: "agree", actionId: String(s1Action.id) },
    ]) {
      const r = await s2.post(supplierDebriefAction, `/fournisseur/campagnes/${c2026}`, fields, { campaignId: String(c2026) });
      expect(r.status).toBe(404);
    }
    expect((await db().select().from(improvementActions).where(eq(improvementActions.id, s1Action.id)).limit(1))[0]!.status).toBe(s1Action.status);
    // A buyer page is not a supplier page.
    expect((await s1.get(buyerDebriefLoader, `/acheteur/campagnes/${c2026}/fournisseurs/${s1Org}`, { id: String(c2026), supplierId: String(s1Org) })).status).toBe(403);
  });

  it("another buying organisation sees none of the campaign pages", async () => {
    const p = { id: String(c2026) };
    for (const [loader, path, params] of [
      [detailLoader, `/acheteur/campagnes/${c2026}`, p],
      [panelLoader, `/acheteur/campagnes/${c2026}/panel`, p],
      [csvLoader, `/acheteur/campagnes/${c2026}/panel.csv`, p],
      [buyerDebriefLoader, `/acheteur/campagnes/${c2026}/fournisseurs/${s1Org}`, { ...p, supplierId: String(s1Org) }],
      [evalLoader, `/acheteur/appels-d-offres/${c2026}/evaluation`, p],
    ] as const) {
      expect((await stranger.get(loader, path, params)).status, path).toBe(404);
    }
    const list = await stranger.get(listLoader, "/acheteur/campagnes");
    expect((list.body as { campaigns: unknown[] }).campaigns).toHaveLength(0);
    const post = await stranger.post(detailAction, `/acheteur/campagnes/${c2026}`, { intent: "close" }, p);
    expect(post.status).toBe(404);
    // The compared campaign of the panel view must be one the user may see.
    const foreign = await csr.get(panelLoader, `/acheteur/campagnes/${c2026}/panel?comparer=999999`, p);
    expect(foreign.status).toBe(404);
  });

  it("tender pages never open a campaign, and campaign pages never open a tender", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await buyer.get(tenderLoader, `/acheteur/appels-d-offres/${c2026}`, { id: String(c2026) })).status).toBe(404);
    expect((await buyer.get(comparisonLoader, `/acheteur/appels-d-offres/${c2026}/comparaison`, { id: String(c2026) })).status).toBe(404);
    expect((await s1.get(restitutionLoader, `/fournisseur/consultations/${c2026}/restitution`, { tenderId: String(c2026) })).status).toBe(404);
    const tenderId = (await db().select().from(tenders).where(eq(tenders.title, "Renouvellement du parc de postes de travail")).limit(1))[0]!.id;
    expect((await buyer.get(detailLoader, `/acheteur/campagnes/${tenderId}`, { id: String(tenderId) })).status).toBe(404);
    expect((await s1.get(supplierDebriefLoader, `/fournisseur/campagnes/${tenderId}`, { campaignId: String(tenderId) })).status).toBe(404);
    // The CSR team sees campaigns, never tenders.
    expect((await csr.get(evalLoader, `/acheteur/appels-d-offres/${tenderId}/evaluation`, { id: String(tenderId) })).status).toBe(404);
  });
});

describe("a new campaign", () => {
  let id: number;
  const WEIGHT = "7.25";

  function formFields(panel: string) {
    const f: Record<string, string> = { title: "Campagne test", description: "", guideVersion: currentGuide.version, deadlineDate: "2099-06-30", deadlineTime: "12:00", panel };
    currentGuide.criteria.forEach((c, i) => {
      f[`criteria.${i}.id`] = c.id;
      f[`criteria.${i}.weight`] = i === 0 ? WEIGHT : "1";
    });
    currentGuide.questions.forEach((q, i) => {
      f[`questions.${i}.id`] = q.id;
      if (i < 3) f[`questions.${i}.included`] = "on";
    });
    return f;
  }

  it("refuses a bad panel line with a French message per line", async () => {
    const r = await csr.post(newAction, "/acheteur/campagnes/nouvelle", formFields("Numérique Durable SAS ; pas-une-adresse\nSans point-virgule"));
    expect(r.status).toBe(400);
    const errors = (r.body as { fieldErrors: Record<string, string[]> }).fieldErrors.panel!;
    expect(errors).toContain("Ligne 1 : adresse e-mail invalide (« pas-une-adresse »).");
    expect(errors).toContain("Ligne 2 : attendu « Nom du fournisseur ; adresse e-mail ».");
  });

  it("is launched by the CSR team; a supplier's pages, JSON and files never carry the weights nor the evaluation material", async () => {
    const r = await csr.post(newAction, "/acheteur/campagnes/nouvelle", formFields(`Numérique Durable SAS ; ${S1}\nInfoServices Conseil ; ${S2}`));
    expect(r.status).toBe(200);
    const created = (r.body as { created: { id: number; links: unknown[] } }).created;
    id = created.id;
    expect(created.links).toHaveLength(2);
    const row = (await db().select().from(tenders).where(eq(tenders.id, id)).limit(1))[0]!;
    expect(row.kind).toBe("campaign");
    expect(JSON.stringify(row.publishedMethod)).toContain(WEIGHT);
    for (const inv of await db().select().from(invitations).where(eq(invitations.tenderId, id))) {
      await acceptInvitationDirectly(db(), { invitationId: inv.id, supplierOrganisation: inv.email === S1 ? DEMO_SUPPLIER1_ORG : "InfoServices Conseil", acceptedByEmail: inv.email });
    }
    const path = `/fournisseur/consultations/${id}`;
    const crit = currentGuide.questions[0]!.criterion;
    const q = await s1.get(sectionLoader, `${path}/sections/${crit}`, { tenderId: String(id), criterionId: crit });
    expect(q.status).toBe(200);
    const questions = (q.body as { section: { questions: { id: string; guidance: string; levels: { descriptor: string }[] }[] } }).section.questions;
    expect(questions.map((x) => x.id)).toEqual(currentGuide.questions.slice(0, 3).map((x) => x.id));
    expect(questions.every((x) => x.guidance === "")).toBe(true);
    // Answer and submit.
    const fields: Record<string, string> = { intent: "save", version: "0" };
    for (const x of questions) {
      fields[`answers.${x.id}.level`] = "3";
      fields[`answers.${x.id}.text`] = "Nous allons mettre en place une politique écrite l'an prochain.";
    }
    expect((await s1.post(qAction, path, fields, { tenderId: String(id) })).status).toBe(200);
    expect((await s1.post(qAction, path, { intent: "submit", version: "1" }, { tenderId: String(id) })).status).toBe(302);
    const pages = [
      await s1.get(qLoader, path, { tenderId: String(id) }),
      await s1.get(sectionLoader, `${path}/sections/${crit}`, { tenderId: String(id), criterionId: crit }),
      await s1.get(receiptLoader, `${path}/recepisse`, { tenderId: String(id) }),
      await s1.get(supplierHomeLoader, "/fournisseur"),
      await s1.get(libraryJsonLoader, "/fournisseur/bibliotheque.json"),
    ];
    // Evaluated and shared: the supplier's debrief too.
    const buyer = await signedInClient("acheteur@metropole.example");
    const subs = await buyer.get(evalLoader, `/acheteur/appels-d-offres/${id}/evaluation`, { id: String(id) });
    const sub = (subs.body as { submissions: { id: number }[] }).submissions[0]!;
    const evalPage = await buyer.get(evalSubmissionLoader, `/acheteur/appels-d-offres/${id}/evaluation/${sub.id}`, { id: String(id), submissionId: String(sub.id) });
    const first = (evalPage.body as { criteria: { id: string; questions: { id: string; pitfalls: { id: string }[] }[] }[] }).criteria[0]!;
    // Evaluation aid: the guide's « nous allons… » pitfall is shown next to the answer.
    expect(first.questions[0]!.pitfalls.map((p) => p.id)).toContain("intention");
    const evalFields: Record<string, string> = { criterion: first.id };
    for (const x of first.questions) {
      evalFields[`level[${x.id}]`] = "2";
      evalFields[`justification[${x.id}]`] = "Intention, pas encore en place.";
      evalFields[`planned[${x.id}]`] = "on";
    }
    expect((await buyer.post(evalSubmissionAction, `/acheteur/appels-d-offres/${id}/evaluation/${sub.id}`, evalFields, { id: String(id), submissionId: String(sub.id) })).status).toBe(302);
    await csr.post(buyerDebriefAction, `/acheteur/campagnes/${id}/fournisseurs/${s1Org}`, { intent: "share" }, { id: String(id), supplierId: String(s1Org) });
    const debrief = await s1.get(supplierDebriefLoader, `/fournisseur/campagnes/${id}`, { campaignId: String(id) });
    expect(debrief.status).toBe(200);
    expect((debrief.body as { axes: { id: string; score: number | null }[] }).axes.find((a) => a.id === first.id)!.score).toBe(25);
    pages.push(debrief);
    for (const page of pages) {
      expect(page.status).toBe(200);
      const text = JSON.stringify(page.body);
      expect(text).not.toContain(WEIGHT);
      expect(text).not.toMatch(/"weight"/);
    }
  });

  it("a plan action is agreed by both sides, then updated by the supplier with evidence; everything is audited", async () => {
    const here = `/acheteur/campagnes/${id}/fournisseurs/${s1Org}`;
    const params = { id: String(id), supplierId: String(s1Org) };
    const proposed = await csr.post(buyerDebriefAction, here, { intent: "propose", criterion: "gouvernance", action: "Rédiger et signer une politique NR", owner: "Direction générale", dueDate: "2099-01-31" }, params);
    expect(proposed.status).toBe(302);
    const a = (await db().select().from(improvementActions).where(eq(improvementActions.campaignId, id)).limit(1))[0]!;
    expect(a.status).toBe("proposed");
    expect(a.baselineScore).toBe(25);
    const sp = { campaignId: String(id) };
    // Not agreed yet: the supplier cannot report progress.
    expect((await s1.post(supplierDebriefAction, `/fournisseur/campagnes/${id}`, { intent: "status", actionId: String(a.id), to: "in-progress", note: "" }, sp)).status).toBe(409);
    expect((await s1.post(supplierDebriefAction, `/fournisseur/campagnes/${id}`, { intent: "agree", actionId: String(a.id) }, sp)).status).toBe(302);
    // Done needs evidence.
    expect((await s1.post(supplierDebriefAction, `/fournisseur/campagnes/${id}`, { intent: "status", actionId: String(a.id), to: "done", note: "" }, sp)).status).toBe(409);
    expect((await s1.post(supplierDebriefAction, `/fournisseur/campagnes/${id}`, { intent: "status", actionId: String(a.id), to: "done", note: "Politique signée, p. 2 du rapport." }, sp)).status).toBe(302);
    expect((await db().select().from(improvementActions).where(eq(improvementActions.id, a.id)).limit(1))[0]!.status).toBe("done");
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(like(auditLog.action, "plan.%"), eq(auditLog.targetId, String(a.id))))
      .orderBy(auditLog.id);
    expect(audit.map((x) => x.action)).toEqual(["plan.propose", "plan.agree", "plan.status"]);
  });

  it("campaign answers pre-fill a tender's information-only questions (marked), never its scored ones", async () => {
    const qs = currentGuide.questions.slice(0, 3).map((q) => q.id);
    const { tenderId, method } = await createPublishedTender(db(), { onlyQuestions: qs, title: "Tender after campaign" });
    // The first question is information-only (weight 0), the others are scored.
    const m = { ...method, questions: method.questions.map((q) => (q.id === qs[0] ? { ...q, weight: 0 } : q)) };
    await db().update(tenders).set({ publishedMethod: m, draftMethod: m }).where(eq(tenders.id, tenderId));
    const { invitationId } = await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER1_ORG, email: S1 });
    await acceptInvitationDirectly(db(), { invitationId, supplierOrganisation: DEMO_SUPPLIER1_ORG, acceptedByEmail: S1 });
    const crit = currentGuide.questions[0]!.criterion;
    const q = await s1.get(sectionLoader, `/fournisseur/consultations/${tenderId}/sections/${crit}`, { tenderId: String(tenderId), criterionId: crit });
    expect(q.status).toBe(200);
    const response = (await db().select().from(responses).where(and(eq(responses.tenderId, tenderId), eq(responses.supplierOrganisationId, s1Org))).limit(1))[0]!;
    const answers = await db().select().from(responseAnswers).where(eq(responseAnswers.responseId, response.id));
    const info = answers.find((x) => x.questionId === qs[0]);
    expect(info?.text).toBe("Nous allons mettre en place une politique écrite l'an prochain.");
    expect(info?.reusedUnconfirmed).toBe(true);
    expect(info?.sourceNote).toMatch(/^la campagne « Campagne test » du \d{2}\/\d{2}\/\d{4}/);
    for (const scored of qs.slice(1)) {
      const a = answers.find((x) => x.questionId === scored);
      expect(a?.text ?? "").not.toBe("Nous allons mettre en place une politique écrite l'an prochain.");
      expect(a?.sourceNote ?? "").toBe("");
    }
    const view = (q.body as { section: { questions: { id: string; sourceNote?: string }[] } }).section.questions;
    expect(view.find((x) => x.id === qs[0])?.sourceNote).toContain("Campagne test");
  });
});
