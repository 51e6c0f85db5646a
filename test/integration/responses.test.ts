import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { answerLibrary, auditLog, invitations, membershipRequests, memberships, outbox, responseAnswers, responses, submissions, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { canonicalJson, submissionContentSchema } from "~/lib/submission-content";
import { sha256 } from "~/lib/files.server";
import { loader as homeLoader, action as homeAction } from "~/routes/fournisseur._index";
import { loader as inviteLoader, action as inviteAction } from "~/routes/invitation.$token";
import { loader as qLoader, action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as receiptLoader } from "~/routes/fournisseur.consultations.$tenderId.recepisse";
import { action as signInAction } from "~/routes/connexion";
import { seed, signedInClient, TestClient } from "../support/client";
import { loadQuestionnaire } from "../support/questionnaire";
import { createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG, tenderForSupplier } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
  // These tests start from empty answer libraries (the demo seed fills them from its submissions):
  // a new questionnaire then opens blank. The library's own behaviour: responses-library.test.ts.
  await db().delete(answerLibrary);
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const qPath = (id: number) => `/fournisseur/consultations/${id}`;
const Q = currentGuide.questions;
const naQuestion = Q.find((q) => q.allowNotApplicableByDefault)!;
const strictQuestion = Q.find((q) => !q.allowNotApplicableByDefault)!;

type QData = {
  version: number;
  fingerprints: Record<string, string>;
  answers: Record<string, { level: string | null; text: string; notApplicable: boolean; notApplicableReason: string; reused: boolean }>;
  status: string;
  files: Record<string, { fileId: number; answerFileId: number; originalName: string }[]>;
};

async function open(client: TestClient, tenderId: number) {
  const out = await loadQuestionnaire(client, tenderId);
  return out;
}

async function load(client: TestClient, tenderId: number): Promise<QData> {
  const out = await open(client, tenderId);
  expect(out.status).toBe(200);
  return out.body as QData;
}

type A = { level?: number | null; text?: string; notApplicable?: boolean; notApplicableReason?: string; reused?: boolean };

function fields(version: number, answers: Record<string, A>, extra: Record<string, string> = {}) {
  const f: Record<string, string> = { intent: "save", version: String(version), ...extra };
  for (const [id, a] of Object.entries(answers)) {
    if (a.level !== undefined && a.level !== null) f[`answers.${id}.level`] = String(a.level);
    f[`answers.${id}.text`] = a.text ?? "";
    if (a.notApplicable) f[`answers.${id}.notApplicable`] = "on";
    f[`answers.${id}.notApplicableReason`] = a.notApplicableReason ?? "";
    f[`answers.${id}.reused`] = a.reused ? "true" : "false";
  }
  return f;
}

function save(client: TestClient, tenderId: number, version: number, answers: Record<string, A>, extra: Record<string, string> = {}) {
  return client.post(qAction, qPath(tenderId), fields(version, answers, extra), { tenderId: String(tenderId) });
}

function fullAnswers(text = "Politique NR formalisée, pilotée par la direction RSE (rapport 2024, p. 12).") {
  const out: Record<string, A> = {};
  for (const q of Q) out[q.id] = { level: 3, text: `${q.id} — ${text}` };
  return out;
}

describe("joining through an invitation", () => {
  it("shows a French 404 for an unknown token and 410 for revoked or expired ones", async () => {
    const anon = await new TestClient().init();
    const unknown = await anon.get(inviteLoader, "/invitation/x", { token: "inconnu-0123456789abcdef" });
    expect(unknown.status).toBe(404);
    expect(String(unknown.body)).toContain("n'existe pas");

    const { tenderId } = await createPublishedTender(db());
    const revoked = await createInvitation(db(), { tenderId, supplierName: "Révoqué SA", email: "r@revoque.example" });
    await db().update(invitations).set({ revokedAt: new Date().toISOString() }).where(eq(invitations.id, revoked.invitationId));
    const r = await anon.get(inviteLoader, "/invitation/x", { token: revoked.token });
    expect(r.status).toBe(410);
    expect(String(r.body)).toContain("retirée");

    const expired = await createInvitation(db(), { tenderId, supplierName: "Expiré SA", email: "e@expire.example", expiresAt: new Date(Date.now() - 1000).toISOString() });
    const e = await anon.get(inviteLoader, "/invitation/x", { token: expired.token });
    expect(e.status).toBe(410);
    expect(String(e.body)).toContain("expiré");
  });

  it("creates the account and a new supplier organisation, accepts once, lands on the questionnaire", async () => {
    const { tenderId } = await createPublishedTender(db(), { title: "Consultation d'accueil" });
    const { token, invitationId } = await createInvitation(db(), { tenderId, supplierName: "Éco Services SARL", email: "marie@eco-services.example" });
    const anon = await new TestClient().init();
    const page = await anon.get(inviteLoader, `/invitation/${token}`, { token });
    expect(page.status).toBe(200);
    expect((page.body as { view: { organisationExists: boolean } }).view.organisationExists).toBe(false);
    expect((await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]?.openedAt).toBeTruthy();

    const bad = await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "M", email: "pas-une-adresse", password: "court" }, { token });
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toContain("12 caractères");

    const out = await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Marie Éco", email: "marie@eco-services.example", password: "un-mot-de-passe-long" }, { token });
    expect(out.status).toBe(302);
    expect(out.location).toBe(qPath(tenderId));
    const inv = (await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]!;
    expect(inv.acceptedAt).toBeTruthy();
    expect(inv.supplierOrganisationId).toBeTruthy();
    // Signed in: the questionnaire opens.
    const q = await load(anon, tenderId);
    expect(Object.keys(q.answers)).toHaveLength(47);
    // Single use: another visitor gets a 410.
    const other = await new TestClient().init();
    expect((await other.get(inviteLoader, `/invitation/${token}`, { token })).status).toBe(410);
    const again = await other.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Intrus", email: "intrus@x.example", password: "un-mot-de-passe-long" }, { token });
    expect(again.status).toBe(410);
  });

  it("lets a signed-in supplier accept for their organisation", async () => {
    const { tenderId } = await createPublishedTender(db());
    const { token } = await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    const out = await s2.post(inviteAction, `/invitation/${token}`, { intent: "accept" }, { token });
    expect(out.status).toBe(302);
    expect(out.location).toBe(qPath(tenderId));
    const home = await s2.get(homeLoader, "/fournisseur");
    expect((home.body as { tenders: { id: number }[] }).tenders.map((t) => t.id)).toContain(tenderId);
  });

  it("asks an existing member to confirm when the organisation already exists", async () => {
    const { tenderId } = await createPublishedTender(db(), { title: "Consultation confirmation" });
    const { token, invitationId } = await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER1_ORG, email: "nouveau@numerique-durable.example" });
    const anon = await new TestClient().init();
    const page = await anon.get(inviteLoader, `/invitation/${token}`, { token });
    expect((page.body as { view: { organisationExists: boolean } }).view.organisationExists).toBe(true);
    const out = await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Nouveau Collègue", email: "nouveau@numerique-durable.example", password: "un-mot-de-passe-long" }, { token });
    expect(out.status).toBe(202);
    expect((out.body as { pending: string }).pending).toBe(DEMO_SUPPLIER1_ORG);
    const user = (await db().select().from(users).where(eq(users.email, "nouveau@numerique-durable.example")).limit(1))[0]!;
    expect(await db().select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(0);
    // Cannot sign in yet.
    const signIn = await (await new TestClient().init()).post(signInAction, "/connexion", { email: "nouveau@numerique-durable.example", password: "un-mot-de-passe-long" });
    expect(signIn.status).toBe(401);
    // The link is held by the pending request.
    expect((await new TestClient().init().then((c) => c.get(inviteLoader, `/invitation/${token}`, { token }))).body).toMatchObject({ state: "pending" });

    // Another organisation cannot decide on it.
    const s2 = await signedInClient(S2);
    const requestId = (await db().select().from(membershipRequests).where(eq(membershipRequests.userId, user.id)).limit(1))[0]!.id;
    expect((await s2.post(homeAction, "/fournisseur", { requestId: String(requestId), decision: "confirmed" })).status).toBe(404);

    const s1 = await signedInClient(S1);
    const home = await s1.get(homeLoader, "/fournisseur");
    expect((home.body as { requests: { email: string }[] }).requests.map((r) => r.email)).toContain("nouveau@numerique-durable.example");
    expect((await s1.post(homeAction, "/fournisseur", { requestId: String(requestId), decision: "confirmed" })).status).toBe(200);
    expect(await db().select().from(memberships).where(eq(memberships.userId, user.id))).toHaveLength(1);
    expect((await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]?.acceptedBy).toBe(user.id);
    const newcomer = await signedInClient("nouveau@numerique-durable.example", "un-mot-de-passe-long");
    expect((await open(newcomer, tenderId)).status).toBe(200);
  });
});

describe("questionnaire drafts", () => {
  it("saves answers and restores them on reload; a draft save leaves the library alone (it keeps submitted answers)", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    const q0 = await load(s2, tenderId);
    expect(q0.version).toBe(0);
    const q1 = Q[0]!.id;
    const out = await save(s2, tenderId, q0.version, { [q1]: { level: 3, text: "Charte NR signée par la direction.\r\nRevue annuelle." } });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ ok: true, version: 1, saved: [q1] });
    const reloaded = await load(s2, tenderId);
    expect(reloaded.answers[q1]).toMatchObject({ level: "3", text: "Charte NR signée par la direction.\nRevue annuelle.", reused: false });
    expect(reloaded.version).toBe(1);
    const lib = await db().select().from(answerLibrary).where(eq(answerLibrary.questionId, q1));
    expect(lib.some((l) => l.text.startsWith("Charte NR"))).toBe(false);
  });

  it("skips answers the page did not touch (same fingerprint) and refuses N/A where not allowed", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    const q0 = await load(s2, tenderId);
    const orig = Object.fromEntries(Object.entries(q0.fingerprints).map(([id, fp]) => [`orig.${id}`, fp]));
    const untouched = Object.fromEntries(Object.entries(q0.answers).map(([id, a]) => [id, { ...a, level: a.level ? Number(a.level) : null }]));
    const out = await save(s2, tenderId, q0.version, untouched, orig);
    expect(out.body).toMatchObject({ ok: true, saved: [] });

    const refused = await save(s2, tenderId, q0.version, { [strictQuestion.id]: { notApplicable: true, notApplicableReason: "Pas concerné" } });
    expect(refused.status).toBe(400);
    expect((refused.body as { error: string }).error).toContain("n'est pas autorisé");
    const na = await save(s2, tenderId, q0.version, { [naQuestion.id]: { notApplicable: true, notApplicableReason: "Aucun centre de données en propre." } });
    expect(na.status).toBe(200);
  });

  it("refuses a question id that is not part of the tender", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2, onlyQuestions: [Q[0]!.id, Q[1]!.id] });
    const s2 = await signedInClient(S2);
    const q0 = await load(s2, tenderId);
    expect(Object.keys(q0.answers)).toEqual([Q[0]!.id, Q[1]!.id]);
    const out = await save(s2, tenderId, q0.version, { [Q[5]!.id]: { level: 2, text: "x" } });
    expect(out.status).toBe(400);
    expect((await db().select().from(responseAnswers).where(eq(responseAnswers.questionId, Q[5]!.id))).filter((r) => r.text === "x")).toHaveLength(0);
  });
});

describe("optimistic concurrency", () => {
  it("reports the colleague's changes (who, when, theirs vs mine) and never overwrites silently", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    // A second member of the same organisation.
    const s1 = await signedInClient(S1);
    const colleagueEmail = "collegue@numerique-durable.example";
    const colleagueId = (await db().insert(users).values({ email: colleagueEmail, name: "Chloé Collègue", passwordHash: (await db().select().from(users).where(eq(users.email, S1)).limit(1))[0]!.passwordHash }).returning())[0]!.id;
    const orgId = (await db().select().from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, S1)).limit(1))[0]!.memberships.organisationId;
    await db().insert(memberships).values({ userId: colleagueId, organisationId: orgId, role: "supplier" });
    const colleague = await signedInClient(colleagueEmail);

    const base = await load(s1, tenderId);
    const [a, b, c] = [Q[0]!.id, Q[1]!.id, Q[2]!.id];
    const origAll = Object.fromEntries(Object.entries(base.fingerprints).map(([id, fp]) => [`orig.${id}`, fp]));
    // Colleague saves A first.
    const theirs = await save(colleague, tenderId, base.version, { [a]: { level: 4, text: "Version de Chloé" } }, origAll);
    expect(theirs.body).toMatchObject({ ok: true });
    // I save A and C from the stale version: refused, nothing written.
    const mine = await save(s1, tenderId, base.version, { [a]: { level: 2, text: "Ma version" }, [b]: { level: null, text: "" }, [c]: { level: 3, text: "Ma réponse C" } }, origAll);
    expect(mine.status).toBe(409);
    const conflict = (mine.body as { conflict: { currentVersion: number; items: { questionId: string; by: string; at: string; mineChanged: boolean; theirs: { text: string }; mine: { text: string } }[]; fingerprints: Record<string, string> } }).conflict;
    expect(conflict.items).toHaveLength(1);
    expect(conflict.items[0]).toMatchObject({ questionId: a, by: "Chloé Collègue", mineChanged: true, theirs: { text: "Version de Chloé" }, mine: { text: "Ma version" } });
    expect(conflict.items[0]!.at).toBeTruthy();
    const stored = await load(s1, tenderId);
    expect(stored.answers[a]!.text).toBe("Version de Chloé");
    expect(stored.answers[c]!.text).toBe("");

    // Merge: take theirs for A, keep my C.
    const origNow = Object.fromEntries(Object.entries(conflict.fingerprints).map(([id, fp]) => [`orig.${id}`, fp]));
    const merged = await save(s1, tenderId, conflict.currentVersion, { [a]: { level: 2, text: "Ma version" }, [c]: { level: 3, text: "Ma réponse C" } }, { ...origNow, [`resolve.${a}`]: "theirs" });
    expect(merged.body).toMatchObject({ ok: true, saved: [c] });
    const after = await load(s1, tenderId);
    expect(after.answers[a]!.text).toBe("Version de Chloé");
    expect(after.answers[c]!.text).toBe("Ma réponse C");

    // "Keep mine" overwrites only because the user chose it.
    const again = await save(s1, tenderId, after.version, { [a]: { level: 2, text: "Ma version" } }, { ...Object.fromEntries(Object.entries(after.fingerprints).map(([id, fp]) => [`orig.${id}`, fp])), [`resolve.${a}`]: "mine" });
    expect(again.body).toMatchObject({ ok: true, saved: [a] });
  });
});

describe("submission", () => {
  it("lists missing answers, then submits an immutable hashed copy, notifies the buyer, allows withdraw and resubmit", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2, title: "Consultation dépôt" });
    const s2 = await signedInClient(S2);
    let q = await load(s2, tenderId);
    // Incomplete: level 3 without text.
    const partial = await save(s2, tenderId, q.version, { [Q[0]!.id]: { level: 3, text: "" } });
    q = await load(s2, tenderId);
    expect(partial.status).toBe(200);
    const refused = await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) });
    expect(refused.status).toBe(422);
    expect((refused.body as { incomplete: string[] }).incomplete).toContain(Q[0]!.id);
    expect((refused.body as { unanswered: string[] }).unanswered.length).toBeGreaterThan(40);

    await save(s2, tenderId, q.version, fullAnswers());
    q = await load(s2, tenderId);
    // Stale version: refused.
    expect((await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version - 1) }, { tenderId: String(tenderId) })).status).toBe(409);
    const ok = await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`${qPath(tenderId)}/recepisse`);
    const sub = (await db().select().from(submissions).where(eq(submissions.tenderId, tenderId)).limit(1))[0]!;
    const content = submissionContentSchema.parse(sub.content);
    expect(content.answers).toHaveLength(47);
    expect(sub.contentSha256).toBe(sha256(new TextEncoder().encode(canonicalJson(content))));
    const receipt = await s2.get(receiptLoader, `${qPath(tenderId)}/recepisse`, { tenderId: String(tenderId) });
    expect((receipt.body as { submissions: { contentSha256: string }[] }).submissions[0]!.contentSha256).toBe(sub.contentSha256);
    expect((await db().select().from(outbox).where(and(eq(outbox.kind, "response.submitted"), eq(outbox.toEmail, "acheteur@metropole.example")))).length).toBeGreaterThan(0);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "response.submit"))).length).toBeGreaterThan(0);

    // Read-only after submission.
    q = await load(s2, tenderId);
    expect(q.status).toBe("submitted");
    const locked = await save(s2, tenderId, q.version, { [Q[0]!.id]: { level: 5, text: "modif" } });
    expect(locked.status).toBe(409);
    expect((locked.body as { error: string }).error).toContain("déposée");

    // Withdraw, edit, resubmit: both versions kept.
    const w = await s2.post(qAction, qPath(tenderId), { intent: "withdraw" }, { tenderId: String(tenderId) });
    expect(w.status).toBe(302);
    q = await load(s2, tenderId);
    expect(q.status).toBe("withdrawn");
    await save(s2, tenderId, q.version, { [Q[0]!.id]: { level: 4, text: "Réponse améliorée" } });
    q = await load(s2, tenderId);
    expect((await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) })).status).toBe(302);
    const all = await db().select().from(submissions).where(eq(submissions.tenderId, tenderId));
    expect(all).toHaveLength(2);
    expect(all[0]!.withdrawnAt).toBeTruthy();
    expect(all[1]!.withdrawnAt).toBeNull();
    expect(all[0]!.contentSha256).not.toBe(all[1]!.contentSha256);
  });

  it("refuses save, submit and withdraw after the deadline, server-side", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2, deadline: new Date(Date.now() + 60_000).toISOString() });
    const s2 = await signedInClient(S2);
    let q = await load(s2, tenderId);
    await save(s2, tenderId, q.version, fullAnswers());
    q = await load(s2, tenderId);
    expect((await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) })).status).toBe(302);
    // The deadline passes.
    await db().update((await import("#db/schema")).tenders).set({ deadline: new Date(Date.now() - 1000).toISOString() }).where(eq((await import("#db/schema")).tenders.id, tenderId));
    const w = await s2.post(qAction, qPath(tenderId), { intent: "withdraw" }, { tenderId: String(tenderId) });
    expect(w.status).toBe(409);
    expect((w.body as { error: string }).error).toContain("date limite");
    const s = await save(s2, tenderId, q.version, { [Q[0]!.id]: { level: 1, text: "" } });
    expect(s.status).toBe(409);
    const sub = await s2.post(qAction, qPath(tenderId), { intent: "submit", version: String(q.version) }, { tenderId: String(tenderId) });
    expect(sub.status).toBe(409);
    expect((await db().select().from(submissions).where(eq(submissions.tenderId, tenderId))).every((x) => x.withdrawnAt === null)).toBe(true);
    const page = await load(s2, tenderId);
    expect((page as unknown as { closedReason: string }).closedReason).toContain("date limite");
  });
});

describe("tenancy", () => {
  it("gives another supplier a 404 on the questionnaire, its saves, submissions and receipt, leaking nothing", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Marché secret de Numérique Durable" });
    const s1 = await signedInClient(S1);
    const q = await load(s1, tenderId);
    await save(s1, tenderId, q.version, { [Q[0]!.id]: { level: 4, text: "Secret industriel de Numérique Durable" } });
    const s2 = await signedInClient(S2);
    for (const out of [
      await open(s2, tenderId),
      await save(s2, tenderId, 0, { [Q[0]!.id]: { level: 1, text: "écrasement" } }),
      await s2.post(qAction, qPath(tenderId), { intent: "submit", version: "1" }, { tenderId: String(tenderId) }),
      await s2.post(qAction, qPath(tenderId), { intent: "withdraw" }, { tenderId: String(tenderId) }),
      await s2.get(receiptLoader, `${qPath(tenderId)}/recepisse`, { tenderId: String(tenderId) }),
    ]) {
      expect(out.status).toBe(404);
      const body = JSON.stringify(out.body);
      expect(body).not.toContain("Secret industriel");
      expect(body).not.toContain("Marché secret");
    }
    expect((await load(s1, tenderId)).answers[Q[0]!.id]!.text).toBe("Secret industriel de Numérique Durable");
    // Ids that are not ids.
    expect((await s2.get(qLoader, "/fournisseur/consultations/abc", { tenderId: "abc" })).status).toBe(404);
    // The home page lists only the organisation's own tenders.
    const home = await s2.get(homeLoader, "/fournisseur");
    expect(JSON.stringify(home.body)).not.toContain("Marché secret");
  });

  it("refuses a buyer on the supplier questionnaire", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 });
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await open(buyer, tenderId)).status).toBe(403);
  });

  it("refuses a supplier whose invitation was revoked", async () => {
    const { tenderId, invitationId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    expect((await open(s2, tenderId)).status).toBe(200);
    await db().update(invitations).set({ revokedAt: new Date().toISOString() }).where(eq(invitations.id, invitationId));
    expect((await open(s2, tenderId)).status).toBe(404);
  });
});

describe("answer library reuse", () => {
  it("pre-fills a new tender from the library, flagged until confirmed or edited", async () => {
    const [a, b] = [Q[10]!.id, Q[11]!.id];
    const first = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Première", onlyQuestions: [a, b] });
    const s1 = await signedInClient(S1);
    const q = await load(s1, first.tenderId);
    await save(s1, first.tenderId, q.version, { [a]: { level: 4, text: "Réponse de bibliothèque A" }, [b]: { level: 2, text: "Réponse de bibliothèque B" } });
    // The library keeps submitted answers: submit the first tender's response.
    expect((await s1.post(qAction, qPath(first.tenderId), { intent: "submit", version: String(q.version + 1) }, { tenderId: String(first.tenderId) })).status).toBe(302);

    const second = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Seconde" });
    const q2 = await load(s1, second.tenderId);
    expect(q2.answers[a]).toMatchObject({ level: "4", text: "Réponse de bibliothèque A", reused: true });
    expect(q2.answers[b]).toMatchObject({ reused: true });
    const orig = Object.fromEntries(Object.entries(q2.fingerprints).map(([id, fp]) => [`orig.${id}`, fp]));
    // Confirm A (button without JS), edit B.
    const out = await save(
      s1,
      second.tenderId,
      q2.version,
      { [a]: { level: 4, text: "Réponse de bibliothèque A", reused: true }, [b]: { level: 3, text: "B mise à jour", reused: true } },
      { ...orig, confirm: a },
    );
    expect(out.body).toMatchObject({ ok: true });
    const after = await load(s1, second.tenderId);
    expect(after.answers[a]!.reused).toBe(false);
    expect(after.answers[b]).toMatchObject({ reused: false, text: "B mise à jour" });
    // The other organisation's new tender is not pre-filled with these answers.
    const other = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2 });
    const s2 = await signedInClient(S2);
    const q3 = await load(s2, other.tenderId);
    expect(JSON.stringify(q3.answers)).not.toContain("bibliothèque");
    expect(await db().select().from(responses).where(eq(responses.tenderId, second.tenderId))).toHaveLength(1);
  });
});
