/**
 * One test per row of issue 15's findings table that belongs to items 2–5 (sign-in throttling,
 * invitations, deadlines, filenames, versions, CSRF rotation, sessions, passwords, enumeration), plus
 * the password reset of issue 10 §4. Each goes through the routes as a browser would and asserts
 * what the user (or the attacker) observes, so that it fails on the code before the fix.
 * Routes added by the fix are imported inside their test.
 */
import fs from "node:fs";
import path from "node:path";
import argon2 from "argon2";
import { and, count, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { auditLog, factorUploads, invitations, memberships, outbox, responseAnswers, sessions, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { loader as buyerHome } from "~/routes/acheteur._index";
import { action as signInAction } from "~/routes/connexion";
import { action as signOutAction } from "~/routes/deconnexion";
import { loader as fileLoader } from "~/routes/fichiers.$fileId";
import { action as factorAction } from "~/routes/fournisseur.facteurs._index";
import { loader as supplierHome } from "~/routes/fournisseur._index";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { action as signUpAction } from "~/routes/inscription";
import { loader as inviteLoader, action as inviteAction } from "~/routes/invitation.$token";
import { seed, signedInClient, TestClient } from "../support/client";
import { loadQuestionnaire } from "../support/questionnaire";
import { createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG, tenderForSupplier } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const DEMO = "demo-nr-procure";
const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const STRONG = "Chevaux-Mauves-Sous-La-Pluie";
const signIn = (client: TestClient, email: string, password: string) => client.post(signInAction, "/connexion", { email, password });
const qPath = (id: number) => `/fournisseur/consultations/${id}`;

/** Adds a member to a demo supplier organisation (same password as the demo accounts). */
async function addColleague(email: string, of = S1) {
  const source = (await db().select().from(users).where(eq(users.email, of)).limit(1))[0]!;
  const orgId = (await db().select().from(memberships).where(eq(memberships.userId, source.id)).limit(1))[0]!.organisationId;
  const id = (await db().insert(users).values({ email, name: `Collègue ${email}`, passwordHash: source.passwordHash }).returning())[0]!.id;
  await db().insert(memberships).values({ userId: id, organisationId: orgId, role: "supplier" });
  return id;
}

async function lastMailTo(email: string) {
  return (await db().select().from(outbox).where(eq(outbox.toEmail, email)).orderBy(desc(outbox.id)).limit(1))[0];
}

describe("row: login throttle raced (40 parallel wrong passwords all checked)", () => {
  it("20 parallel wrong attempts for one account: at most 5 password checks, the rest refused with 429", async () => {
    const verify = vi.spyOn(argon2, "verify");
    const attacker = await new TestClient().init();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(attacker, "acheteur@metropole.example", `mauvais-${i}`)));
    expect(verify).toHaveBeenCalledTimes(5);
    expect(outcomes.filter((o) => o.status === 401)).toHaveLength(5);
    const refused = outcomes.filter((o) => o.status === 429);
    expect(refused).toHaveLength(15);
    for (const o of refused) {
      expect(Number(o.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect((o.body as { formError: string }).formError).toMatch(/^Trop de tentatives\. Par sécurité, réessayez dans /);
    }
  });

  it("a second client still signs in to the account under attack; the attacking client waits even with the right password", async () => {
    const attacker = await new TestClient().init();
    await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(attacker, "acheteur@metropole.example", `autre-${i}`)));
    const owner = await new TestClient().init();
    const out = await signIn(owner, "acheteur@metropole.example", DEMO);
    expect(out.status).toBe(302);
    expect(out.location).toBe("/acheteur");
    expect((await signIn(attacker, "acheteur@metropole.example", DEMO)).status).toBe(429);
  });
});

describe("row: throttle per e-mail only (password spraying open)", () => {
  it("20 different e-mails from one client address get refusals", async () => {
    const verify = vi.spyOn(argon2, "verify");
    const sprayer = await new TestClient().init();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await signIn(sprayer, `cible-${i}@exemple.example`, "Printemps2024!")).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    expect(verify).toHaveBeenCalledTimes(10);
    // Another client is not slowed down by this one.
    expect((await signIn(await new TestClient().init(), "rse@metropole.example", DEMO)).status).toBe(302);
  });
});

describe("row: lockout as a weapon", () => {
  it("the right password after 5 wrong ones from another address succeeds", async () => {
    const elsewhere = await new TestClient().init();
    for (let i = 0; i < 5; i++) expect((await signIn(elsewhere, "evaluateur@metropole.example", "pas-le-bon")).status).toBe(401);
    expect((await signIn(elsewhere, "evaluateur@metropole.example", DEMO)).status).toBe(429);
    const owner = await new TestClient().init();
    expect((await signIn(owner, "evaluateur@metropole.example", DEMO)).status).toBe(302);
  });
});

describe("row: invitation links are bearer tokens", () => {
  it("another supplier's account is refused in French, nothing is written, and the invited address can still accept", async () => {
    const { tenderId } = await createPublishedTender(db(), { title: "Consultation liée à une adresse" });
    const invitedEmail = "contact@invitee-liee.example";
    const { token, invitationId } = await createInvitation(db(), { tenderId, supplierName: "Invitée Liée SARL", email: invitedEmail });

    const intruder = await signedInClient(S2);
    const page = await intruder.get(inviteLoader, `/invitation/${token}`, { token });
    expect(page.status).toBe(200);
    const refused = await intruder.post(inviteAction, `/invitation/${token}`, { intent: "accept" }, { token });
    expect(refused.status).toBe(403);
    expect(String(refused.body)).toContain(`Cette invitation est adressée à ${invitedEmail}`);
    const untouched = (await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]!;
    expect(untouched.acceptedAt).toBeNull();
    expect(untouched.supplierOrganisationId).toBeNull();
    expect(((await intruder.get(supplierHome, "/fournisseur")).body as { tenders: { id: number }[] }).tenders.map((t) => t.id)).not.toContain(tenderId);

    // The recipient follows the same link and joins with the invited address.
    const recipient = await new TestClient().init();
    const joined = await recipient.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Ines Invitée", email: invitedEmail, password: STRONG }, { token });
    expect(joined.status).toBe(302);
    expect(joined.location).toBe(qPath(tenderId));
    expect((await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]!.acceptedAt).toBeTruthy();
  });

  it("a member of the invited address's organisation may accept; creating an account with another address is refused", async () => {
    const { tenderId } = await createPublishedTender(db(), { title: "Consultation pour un collègue" });
    const { token } = await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER1_ORG, email: S1 });
    const anon = await new TestClient().init();
    const other = await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Autre Personne", email: "autre@ailleurs.example", password: STRONG }, { token });
    expect(other.status).toBe(400);
    expect((other.body as { fieldErrors: Record<string, string[]> }).fieldErrors.email?.[0]).toContain(`adressée à ${S1}`);

    await addColleague("collegue-invitation@numerique-durable.example");
    const colleague = await signedInClient("collegue-invitation@numerique-durable.example");
    const accepted = await colleague.post(inviteAction, `/invitation/${token}`, { intent: "accept" }, { token });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(qPath(tenderId));
  });
});

describe("row: factor upload after the deadline (every write tied to a tender obeys its deadline)", () => {
  it("a membership confirmed after the deadline does not accept the invitation it came with", async () => {
    const { tenderId } = await createPublishedTender(db(), { title: "Consultation close pendant la demande" });
    const newcomer = "retardataire@numerique-durable.example";
    const { token, invitationId } = await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER1_ORG, email: newcomer });
    const anon = await new TestClient().init();
    expect((await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Rémi Retard", email: newcomer, password: STRONG }, { token })).status).toBe(202);
    await db().update(tenders).set({ deadline: new Date(Date.now() - 60_000).toISOString() }).where(eq(tenders.id, tenderId));
    const { membershipRequests } = await import("#db/schema");
    const requestId = (await db().select().from(membershipRequests).where(eq(membershipRequests.invitationId, invitationId)).limit(1))[0]!.id;
    const s1 = await signedInClient(S1);
    const { action: homeAction } = await import("~/routes/fournisseur._index");
    expect((await s1.post(homeAction, "/fournisseur", { requestId: String(requestId), decision: "confirmed" })).status).toBe(200);
    expect((await db().select().from(invitations).where(eq(invitations.id, invitationId)).limit(1))[0]!.acceptedAt).toBeNull();
    const member = (await db().select().from(users).where(eq(users.email, newcomer)).limit(1))[0]!;
    expect(await db().select().from(memberships).where(eq(memberships.userId, member.id))).toHaveLength(1);
  });

  it("a factor CSV linked to a tender after its deadline is refused with 409, in French, and nothing is recorded", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Consultation échue" });
    await db().update(tenders).set({ deadline: new Date(Date.now() - 60_000).toISOString() }).where(eq(tenders.id, tenderId));
    const s1 = await signedInClient(S1);
    const before = (await db().select({ n: count() }).from(factorUploads).limit(1))[0]!.n;
    const fd = new FormData();
    fd.set("intent", "csv");
    fd.set("tenderId", String(tenderId));
    fd.set("file", new Blob([fs.readFileSync(path.resolve("test/fixtures/emission-factors/shared-example.csv"))], { type: "text/csv" }), "facteurs.csv");
    const out = await s1.post(factorAction, "/fournisseur/facteurs", fd);
    expect(out.status).toBe(409);
    expect(JSON.stringify(out.body)).toContain("date limite");
    expect((await db().select({ n: count() }).from(factorUploads).limit(1))[0]!.n).toBe(before);
  });
});

describe("row: filenames crash uploads", () => {
  const longName = `${"Rapport annuel de la politique numérique responsable ".repeat(6)}.pdf`;
  const names = ["a=b.pdf", "a;b.pdf", 'x" onerror=".pdf', "Évaluation carbone — été 2024 (version définitive) ✓.pdf", "它的报告.pdf", longName];

  it("stores evidence with any name under a safe display name, and serves it with an RFC 6266 header", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Consultation aux noms de fichiers" });
    const s1 = await signedInClient(S1);
    const Q1 = currentGuide.questions[0]!.id;
    for (const name of names) {
      const fd = new FormData();
      fd.set("intent", "upload");
      fd.set("questionId", Q1);
      fd.set("file", new Blob([`%PDF-1.7\n% ${name.slice(0, 20)}\n`], { type: "application/pdf" }), name);
      const out = await s1.post(qAction, qPath(tenderId), fd, { tenderId: String(tenderId) });
      expect(out.status, name).toBe(200);
    }
    const page = (await loadQuestionnaire(s1, tenderId)).body as { files: Record<string, { fileId: number; originalName: string }[]> };
    const stored = page.files[Q1]!;
    expect(stored.map((f) => f.originalName).slice(0, 5)).toEqual(names.slice(0, 5));
    const long = stored[5]!.originalName;
    expect([...long].length).toBeLessThanOrEqual(200);
    expect(long.endsWith("….pdf")).toBe(true);

    for (const file of stored) {
      const out = await s1.get(fileLoader, `/fichiers/${file.fileId}`, { fileId: String(file.fileId) });
      expect(out.status).toBe(200);
      const disposition = out.headers.get("Content-Disposition")!;
      const match = /^attachment; filename="([^"]*)"; filename\*=UTF-8''([A-Za-z0-9%._~-]+)$/.exec(disposition);
      expect(match, disposition).not.toBeNull();
      expect(match![1]).toMatch(/^[\x20-\x7e]+$/);
      expect(decodeURIComponent(match![2]!)).toBe(file.originalName);
    }
  });
});

describe("row: version check skippable", () => {
  it("a save with version = current + 1000 is a 409 and the colleague's answer stays", async () => {
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Consultation versionnée" });
    const Q1 = currentGuide.questions[0]!.id;
    const colleague = await signedInClient(S1);
    const base = (await loadQuestionnaire(colleague, tenderId)).body as { version: number };
    const save = (client: TestClient, version: number, text: string) =>
      client.post(qAction, qPath(tenderId), { intent: "save", version: String(version), [`answers.${Q1}.level`]: "3", [`answers.${Q1}.text`]: text }, { tenderId: String(tenderId) });
    expect((await save(colleague, base.version, "Réponse de la collègue")).status).toBe(200);
    const current = (await loadQuestionnaire(colleague, tenderId)).body as { version: number };

    const me = await signedInClient(S1);
    const out = await save(me, current.version + 1000, "Écrasement");
    expect(out.status).toBe(409);
    expect((out.body as { error: string }).error).toContain("rechargez la page");
    const rows = await db().select().from(responseAnswers).where(eq(responseAnswers.questionId, Q1));
    expect(rows.map((r) => r.text)).toContain("Réponse de la collègue");
    expect(rows.map((r) => r.text)).not.toContain("Écrasement");
  });
});

describe("row: CSRF token not rotated", () => {
  it("differs before and after sign-in and after sign-out; the old token no longer passes", async () => {
    const client = await new TestClient().init();
    const before = client.csrf;
    expect((await signIn(client, "rse@metropole.example", DEMO)).status).toBe(302);
    const signedIn = client.csrf;
    expect(signedIn).not.toBe(before);
    // A form carrying the token known before sign-in is refused.
    expect((await client.post(signOutAction, "/deconnexion", { csrf: before })).status).toBe(403);
    expect((await client.post(signOutAction, "/deconnexion", {})).status).toBe(302);
    expect(client.csrf).not.toBe(signedIn);
    expect(client.csrf).not.toBe(before);
    expect((await client.post(signInAction, "/connexion", { csrf: signedIn, email: "rse@metropole.example", password: DEMO })).status).toBe(403);
  });
});

describe("row: sessions never capped, no way to see or revoke them", () => {
  it("keeps at most 10 sessions per account: the 11th sign-in ends the oldest, whose cookie no longer works", async () => {
    const email = "capped@numerique-durable.example";
    const userId = await addColleague(email);
    const clients: TestClient[] = [];
    for (let i = 0; i < 11; i++) clients.push(await signedInClient(email));
    expect((await db().select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).limit(1))[0]!.n).toBe(10);
    expect((await clients[0]!.get(supplierHome, "/fournisseur")).status).toBe(302);
    expect((await clients[1]!.get(supplierHome, "/fournisseur")).status).toBe(200);
    expect((await clients[10]!.get(supplierHome, "/fournisseur")).status).toBe(200);
  });

  it("lists one's sessions and revokes one (with confirmation): the revoked cookie no longer works", async () => {
    const { loader: sessionsLoader, action: sessionsAction } = await import("~/routes/compte.sessions");
    const email = "sessions@numerique-durable.example";
    await addColleague(email);
    const laptop = await signedInClient(email);
    const phone = await signedInClient(email);
    const list = (await laptop.get(sessionsLoader, "/compte/sessions")).body as { sessions: { publicId: string; current: boolean; clientAddress: string; device: string }[] };
    expect(list.sessions).toHaveLength(2);
    expect(list.sessions.filter((s) => s.current)).toHaveLength(1);
    expect(list.sessions.map((s) => s.clientAddress).sort()).toEqual([laptop.address, phone.address].sort());
    const phoneSession = list.sessions.find((s) => !s.current)!;

    const unconfirmed = await laptop.post(sessionsAction, "/compte/sessions", { intent: "revoke", sessionId: phoneSession.publicId });
    expect(unconfirmed.status).toBe(400);
    expect((await phone.get(supplierHome, "/fournisseur")).status).toBe(200);

    const revoked = await laptop.post(sessionsAction, "/compte/sessions", { intent: "revoke", sessionId: phoneSession.publicId, confirm: "yes" });
    expect(revoked.status).toBe(302);
    expect((await phone.get(supplierHome, "/fournisseur")).status).toBe(302);
    expect((await laptop.get(supplierHome, "/fournisseur")).status).toBe(200);
    expect((await db().select().from(auditLog).where(and(eq(auditLog.action, "session.revoke"), eq(auditLog.targetId, phoneSession.publicId))).limit(1))[0]).toBeTruthy();
  });

  it("IDOR: revoking someone else's session id is a 404 and their session lives on", async () => {
    const { loader: sessionsLoader, action: sessionsAction } = await import("~/routes/compte.sessions");
    const victim = await signedInClient(S2);
    const victimSession = ((await victim.get(sessionsLoader, "/compte/sessions")).body as { sessions: { publicId: string; current: boolean }[] }).sessions.find((s) => s.current)!;
    const attacker = await signedInClient(S1);
    const out = await attacker.post(sessionsAction, "/compte/sessions", { intent: "revoke", sessionId: victimSession.publicId, confirm: "yes" });
    expect(out.status).toBe(404);
    const unknown = await attacker.post(sessionsAction, "/compte/sessions", { intent: "revoke", sessionId: "inconnu-0123456789", confirm: "yes" });
    expect(unknown.status).toBe(404);
    expect(String(out.body)).toBe(String(unknown.body));
    expect((await victim.get(supplierHome, "/fournisseur")).status).toBe(200);
    // The list shows only one's own sessions.
    const mine = (await attacker.get(sessionsLoader, "/compte/sessions")).body as { sessions: { publicId: string }[] };
    expect(mine.sessions.map((s) => s.publicId)).not.toContain(victimSession.publicId);
    // "All others" ends only the attacker's own other sessions.
    expect((await attacker.post(sessionsAction, "/compte/sessions", { intent: "revoke-others", confirm: "yes" })).status).toBe(302);
    expect((await victim.get(supplierHome, "/fournisseur")).status).toBe(200);
  });

  it("refreshes last seen at most once a minute", async () => {
    const client = await signedInClient("evaluateur@metropole.example");
    const row = async () => (await db().select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(users.email, "evaluateur@metropole.example")).orderBy(desc(sessions.createdAt)).limit(1))[0]!.sessions;
    const first = (await row()).lastSeenAt;
    await client.get(buyerHome, "/acheteur");
    expect((await row()).lastSeenAt).toBe(first);
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    await db().update(sessions).set({ lastSeenAt: twoMinutesAgo }).where(eq(sessions.id, (await row()).id));
    await client.get(buyerHome, "/acheteur");
    expect(Date.parse((await row()).lastSeenAt)).toBeGreaterThan(Date.now() - 10_000);
  });
});

describe("row: sign-up enumeration, weak passwords", () => {
  const form = (email: string, password = STRONG) => ({ name: "Paul Nouveau", email, password, organisationName: "Nouveau Fournisseur", organisationKind: "supplier" });

  it("refuses 123456789012 in French at sign-up", async () => {
    const client = await new TestClient().init();
    const out = await client.post(signUpAction, "/inscription", form("paul@faible.example", "123456789012"));
    expect(out.status).toBe(400);
    expect((out.body as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toMatch(/^Ce mot de passe est trop facile à deviner\./);
    expect((await db().select().from(users).where(eq(users.email, "paul@faible.example")).limit(1))[0]).toBeUndefined();
  });

  it("refuses a weak password when an invitation creates the account", async () => {
    const { tenderId } = await createPublishedTender(db());
    const { token } = await createInvitation(db(), { tenderId, supplierName: "Faible SA", email: "faible@invite.example" });
    const anon = await new TestClient().init();
    const out = await anon.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Faible", email: "faible@invite.example", password: "azertyuiop12" }, { token });
    expect(out.status).toBe(400);
    expect((out.body as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toContain("trop facile à deviner");
  });

  it("answers a sign-up with an existing e-mail exactly as a new one, and sends an e-mail instead", async () => {
    const existing = "acheteur@metropole.example";
    const fresh = "paul@nouveau-fournisseur.example";
    const a = await (await new TestClient().init()).post(signUpAction, "/inscription", form(existing));
    const b = await (await new TestClient().init()).post(signUpAction, "/inscription", form(fresh));
    expect(a.status).toBe(b.status);
    expect(a.status).toBe(200);
    const strip = (body: unknown) => JSON.stringify(body).replace(existing, "@").replace(fresh, "@");
    expect(strip(a.body)).toBe(strip(b.body));
    expect(await lastMailTo(existing)).toMatchObject({ kind: "account.sign-up-existing" });
    expect((await lastMailTo(existing))!.body).toContain("/mot-de-passe-oublie");
    expect(await lastMailTo(fresh)).toMatchObject({ kind: "account.activation" });
    // No account is created for the new address until the link is followed.
    expect((await db().select().from(users).where(eq(users.email, fresh)).limit(1))[0]).toBeUndefined();
    expect((await db().select({ n: count() }).from(users).where(eq(users.email, existing)).limit(1))[0]!.n).toBe(1);
  });

  it("creates the account once from the activation link, which works only once", async () => {
    const { loader: confirmLoader, action: confirmAction } = await import("~/routes/inscription_.confirmer.$token");
    const email = "lina@active.example";
    const client = await new TestClient().init();
    expect((await client.post(signUpAction, "/inscription", { ...form(email), organisationKind: "buyer" })).status).toBe(200);
    const token = /\/inscription\/confirmer\/([\w-]+)/.exec((await lastMailTo(email))!.body)![1]!;
    // Opening the link (a mail scanner would) changes nothing.
    expect((await client.get(confirmLoader, `/inscription/confirmer/${token}`, { token })).status).toBe(200);
    expect((await db().select().from(users).where(eq(users.email, email)).limit(1))[0]).toBeUndefined();
    const done = await client.post(confirmAction, `/inscription/confirmer/${token}`, {}, { token });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/acheteur");
    expect((await client.get(buyerHome, "/acheteur")).status).toBe(200);
    const again = await (await new TestClient().init()).post(confirmAction, `/inscription/confirmer/${token}`, {}, { token });
    expect(again.status).toBe(410);
  });
});

describe("password reset (issue 10 §4)", () => {
  const email = "reset@numerique-durable.example";

  it("answers the same whatever the address, sends a single-use link, sets a strong password, ends every session", async () => {
    const { action: requestAction } = await import("~/routes/mot-de-passe-oublie");
    const { loader: resetLoader, action: resetAction } = await import("~/routes/mot-de-passe.nouveau.$token");
    const userId = await addColleague(email);
    const stolen = await signedInClient(email);

    const known = await (await new TestClient().init()).post(requestAction, "/mot-de-passe-oublie", { email });
    const unknown = await (await new TestClient().init()).post(requestAction, "/mot-de-passe-oublie", { email: "personne@inconnu.example" });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(JSON.stringify(known.body).replace(email, "@")).toBe(JSON.stringify(unknown.body).replace("personne@inconnu.example", "@"));
    expect(await lastMailTo("personne@inconnu.example")).toBeUndefined();
    const mail = (await lastMailTo(email))!;
    expect(mail.kind).toBe("account.password-reset");
    const token = /\/mot-de-passe\/nouveau\/([\w-]+)/.exec(mail.body)![1]!;

    const visitor = await new TestClient().init();
    expect((await visitor.get(resetLoader, `/mot-de-passe/nouveau/${token}`, { token })).status).toBe(200);
    const weak = await visitor.post(resetAction, `/mot-de-passe/nouveau/${token}`, { password: "123456789012" }, { token });
    expect(weak.status).toBe(400);
    expect((weak.body as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toContain("trop facile à deviner");
    const done = await visitor.post(resetAction, `/mot-de-passe/nouveau/${token}`, { password: "Nouvelle-Phrase-De-Passe-Solide" }, { token });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/connexion");

    expect((await stolen.get(supplierHome, "/fournisseur")).status).toBe(302);
    expect((await signIn(await new TestClient().init(), email, DEMO)).status).toBe(401);
    expect((await signIn(await new TestClient().init(), email, "Nouvelle-Phrase-De-Passe-Solide")).status).toBe(302);
    expect((await db().select().from(auditLog).where(and(eq(auditLog.action, "account.password-reset"), eq(auditLog.userId, userId))).limit(1))[0]).toBeTruthy();

    // Single use.
    expect((await visitor.get(resetLoader, `/mot-de-passe/nouveau/${token}`, { token })).status).toBe(410);
    expect((await visitor.post(resetAction, `/mot-de-passe/nouveau/${token}`, { password: "Encore-Une-Autre-Phrase-Longue" }, { token })).status).toBe(410);
  });

  it("expires after one hour", async () => {
    const { action: requestAction } = await import("~/routes/mot-de-passe-oublie");
    const { loader: resetLoader, action: resetAction } = await import("~/routes/mot-de-passe.nouveau.$token");
    const { passwordResets } = await import("#db/schema");
    await (await new TestClient().init()).post(requestAction, "/mot-de-passe-oublie", { email: S2 });
    const token = /\/mot-de-passe\/nouveau\/([\w-]+)/.exec((await lastMailTo(S2))!.body)![1]!;
    const row = (await db().select().from(passwordResets).orderBy(desc(passwordResets.id)).limit(1))[0]!;
    expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(3600_000);
    await db().update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000).toISOString() }).where(eq(passwordResets.id, row.id));
    const visitor = await new TestClient().init();
    const page = await visitor.get(resetLoader, `/mot-de-passe/nouveau/${token}`, { token });
    expect(page.status).toBe(410);
    expect(String(page.body)).toContain("n'est plus valable");
    expect((await visitor.post(resetAction, `/mot-de-passe/nouveau/${token}`, { password: "Nouvelle-Phrase-De-Passe-Solide" }, { token })).status).toBe(410);
    expect((await signIn(await new TestClient().init(), S2, DEMO)).status).toBe(302);
  });
});

describe("password change and link pages", () => {
  it("checks the current password, refuses a weak new one in French, then ends the other sessions and keeps this one", async () => {
    const { action: changeAction } = await import("~/routes/compte.mot-de-passe");
    const email = "change@numerique-durable.example";
    await addColleague(email);
    const here = await signedInClient(email);
    const elsewhere = await signedInClient(email);

    const wrong = await here.post(changeAction, "/compte/mot-de-passe", { currentPassword: "pas-le-bon", newPassword: STRONG });
    expect(wrong.status).toBe(400);
    expect((wrong.body as { fieldErrors: Record<string, string[]> }).fieldErrors.currentPassword?.[0]).toBe("Mot de passe actuel incorrect.");
    const weak = await here.post(changeAction, "/compte/mot-de-passe", { currentPassword: DEMO, newPassword: "azertyuiop12" });
    expect(weak.status).toBe(400);
    expect((weak.body as { fieldErrors: Record<string, string[]> }).fieldErrors.newPassword?.[0]).toContain("trop facile à deviner");

    const done = await here.post(changeAction, "/compte/mot-de-passe", { currentPassword: DEMO, newPassword: STRONG });
    expect(done.status).toBe(302);
    expect((await here.get(supplierHome, "/fournisseur")).status).toBe(200);
    expect((await elsewhere.get(supplierHome, "/fournisseur")).status).toBe(302);
    expect((await signIn(await new TestClient().init(), email, STRONG)).status).toBe(302);
  });

  it("throttles wrong current passwords like sign-ins", async () => {
    const { action: changeAction } = await import("~/routes/compte.mot-de-passe");
    const email = "devine@numerique-durable.example";
    await addColleague(email);
    const client = await signedInClient(email);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await client.post(changeAction, "/compte/mot-de-passe", { currentPassword: `essai-${i}`, newPassword: STRONG })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it("answers 404 for unknown activation and reset links", async () => {
    const { loader: confirmLoader } = await import("~/routes/inscription_.confirmer.$token");
    const { loader: resetLoader } = await import("~/routes/mot-de-passe.nouveau.$token");
    const anon = await new TestClient().init();
    for (const token of ["inconnu-0123456789abcdef", "x"]) {
      expect((await anon.get(confirmLoader, `/inscription/confirmer/${token}`, { token })).status).toBe(404);
      expect((await anon.get(resetLoader, `/mot-de-passe/nouveau/${token}`, { token })).status).toBe(404);
    }
  });
});
