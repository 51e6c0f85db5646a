import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { closeDatabase, isPostgres, openDatabase, openPostgres } from "#db/connection";
import { deadlineReminders, invitations, organisations, outbox, tenders } from "#db/schema";
import { config } from "~/config.server";
import { closeDb, db, initDatabase } from "~/lib/db.server";
import { defaultDeliveryOptions, retryDelayMs, type DeliveryOptions } from "~/mail/delivery.server";
import { queueEmail } from "~/mail/outbox.server";
import { createSmtpTransport, type MailTransport } from "~/mail/transport.server";
import { runMailCycle } from "~/mail/worker.server";
import { loader as outboxLoader } from "~/routes/acheteur.boite-d-envoi";
import { action as shareAction } from "~/routes/acheteur.appels-d-offres.$id.fournisseurs.$supplierId";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { mapInOrder } from "#db/transaction";
import { seed, signedInClient } from "../support/client";
import { acceptInvitationDirectly, createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG, tenderForSupplier } from "../support/fixtures-tenders";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";
import { seededTenderIds } from "../support/tenders";

/**
 * E-mail for real (issue 10 §4): the portal's nodemailer transport talks SMTP to a real server
 * started here (smtp-server on 127.0.0.1), the outbox records every outcome, reminders go out once.
 * The job is driven cycle by cycle with an injected clock (no waiting on timers).
 */
let smtp: TestSmtpServer;
let transport: MailTransport;
const DAY = 24 * 3600_000;
const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const BUYER = "acheteur@metropole.example";

beforeAll(async () => {
  await seed();
  smtp = await startSmtpServer();
  transport = createSmtpTransport({ url: smtp.url, from: "NR Procure <ne-pas-repondre@nr-procure.test>" });
});
afterAll(async () => {
  transport?.close();
  await smtp?.stop();
});
beforeEach(async () => {
  // Each test looks at its own messages: earlier ones are marked sent (not deleted: history is kept).
  await db().update(outbox).set({ status: "sent", sentAt: new Date().toISOString() }).where(inArray(outbox.status, ["pending", "failed"]));
  smtp.received.length = 0;
});

const cycle = (at = new Date(), options: DeliveryOptions = defaultDeliveryOptions, workerId = "test-worker") =>
  runMailCycle({ database: db(), transport, workerId, now: () => at, options });
const orgId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
const row = async (id: number) => (await db().select().from(outbox).where(eq(outbox.id, id)).limit(1))[0]!;
const queue = async (toEmail: string, subject: string, body = "Corps du message de test — accentué.") =>
  await queueEmail(db(), { organisationId: await orgId("Métropole Exemple — Direction des achats"), toEmail, kind: "test", subject, body });

async function submitAll(email: string, tenderId: number, questions: string[]) {
  const client = await signedInClient(email);
  const fields: Record<string, string> = { intent: "save", version: "0" };
  for (const id of questions) {
    fields[`answers.${id}.level`] = "3";
    fields[`answers.${id}.text`] = "Politique écrite, pilotée par la direction.";
  }
  const path = `/fournisseur/consultations/${tenderId}`;
  expect((await client.post(qAction, path, fields, { tenderId: String(tenderId) })).status).toBe(200);
  expect((await client.post(qAction, path, { intent: "submit", version: "1" }, { tenderId: String(tenderId) })).status).toBe(302);
  return client;
}

describe("delivery through a real SMTP server", () => {
  it("sends the submission receipt to the supplier and the notice to the buyer, with the right recipient, subject and body, and marks them sent", async () => {
    const questions = currentGuide.questions.slice(0, 2).map((q) => q.id);
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1, title: "Écrans reconditionnés", onlyQuestions: questions });
    await submitAll(S1, tenderId, questions);
    const queued = await db().select().from(outbox).where(eq(outbox.status, "pending"));
    expect(queued.map((m) => m.kind).sort()).toEqual(["response.receipt", "response.submitted"]);

    const report = await cycle();
    expect(report.delivery).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    const receipt = smtp.received.find((m) => m.to.includes(S1))!;
    expect(receipt.from).toBe("ne-pas-repondre@nr-procure.test");
    expect(receipt.subject).toMatch(/^Récépissé de dépôt — AO-\w+ Écrans reconditionnés$/);
    expect(receipt.text).toContain("« Écrans reconditionnés »");
    const hash = (await db().select().from(outbox).where(eq(outbox.kind, "response.receipt")).limit(1))[0]!.body.match(/[0-9a-f]{64}/)![0];
    expect(receipt.text).toContain(`Empreinte SHA-256 du contenu déposé : ${hash}`);
    const notice = smtp.received.find((m) => m.to.includes(BUYER))!;
    expect(notice.subject).toContain("Réponse déposée");
    expect(notice.text).toContain(DEMO_SUPPLIER1_ORG);
    for (const m of queued) expect(await row(m.id)).toMatchObject({ status: "sent", attempts: 1, lastError: null, nextAttemptAt: null, claimedBy: null });

    // Nothing is sent twice.
    await cycle();
    expect(smtp.received).toHaveLength(2);
  });

  it("retries a refused message with back-off, then delivers it; the outbox page shows each state", async () => {
    const id = await queue("contact@fournisseur.example", "Message réessayé");
    smtp.failNext(1);
    const t0 = new Date();
    expect((await cycle(t0)).delivery).toMatchObject({ claimed: 1, sent: 0, failed: 1 });
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.lastError).toContain("451");
    expect(Date.parse(failed.nextAttemptAt!)).toBe(t0.getTime() + retryDelayMs(1));

    const buyer = await signedInClient(BUYER);
    const page = (await buyer.get(outboxLoader, "/acheteur/boite-d-envoi")).body as { messages: { id: number; state: string; stateLabel: string; lastError: string | null }[] };
    const shown = page.messages.find((m) => m.id === id)!;
    expect(shown.state).toBe("retrying");
    expect(shown.stateLabel).toMatch(/^Échec, nouvel essai le .* \(1 tentative\)$/);
    expect(shown.lastError).toContain("451");

    // Not due before the back-off delay; due after it.
    expect((await cycle(new Date(t0.getTime() + retryDelayMs(1) - 1000))).delivery?.claimed).toBe(0);
    expect((await cycle(new Date(t0.getTime() + retryDelayMs(1) + 1000))).delivery).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2, nextAttemptAt: null });
    expect(smtp.received.filter((m) => m.subject === "Message réessayé")).toHaveLength(1);
    expect(smtp.refused).toBeGreaterThanOrEqual(1);
    const after = (await buyer.get(outboxLoader, "/acheteur/boite-d-envoi")).body as { messages: { id: number; stateLabel: string }[] };
    expect(after.messages.find((m) => m.id === id)!.stateLabel).toMatch(/^Envoyé le /);
  });

  it("doubles the delay at each failure and gives up after the last attempt, keeping the error", async () => {
    const options = { ...defaultDeliveryOptions, maxAttempts: 3, retryBaseMs: 1000 };
    const id = await queue("injoignable@fournisseur.example", "Toujours refusé");
    smtp.failNext(10);
    let at = new Date();
    await cycle(at, options);
    expect(Date.parse((await row(id)).nextAttemptAt!) - at.getTime()).toBe(1000);
    at = new Date(Date.parse((await row(id)).nextAttemptAt!) + 1);
    await cycle(at, options);
    expect(Date.parse((await row(id)).nextAttemptAt!) - at.getTime()).toBe(2000);
    at = new Date(Date.parse((await row(id)).nextAttemptAt!) + 1);
    await cycle(at, options);
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    expect((await cycle(new Date(at.getTime() + DAY), options)).delivery?.claimed).toBe(0);
    smtp.failNext(0);
  });

  it("records a server that does not answer as a failure, and sends once it is back", async () => {
    const down = createSmtpTransport({ url: "smtp://127.0.0.1:1", from: "NR Procure <ne-pas-repondre@nr-procure.test>" });
    const id = await queue("contact@fournisseur.example", "Serveur injoignable");
    const t0 = new Date();
    await runMailCycle({ database: db(), transport: down, workerId: "w", now: () => t0 });
    down.close();
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    await cycle(new Date(t0.getTime() + retryDelayMs(1) + 1));
    expect((await row(id)).status).toBe("sent");
    expect(smtp.received.map((m) => m.subject)).toEqual(["Serveur injoignable"]);
  });

  it("leaves messages in the outbox when SMTP is off, and does not send week-old ones when it is turned on", async () => {
    const id = await queue("contact@fournisseur.example", "Sans serveur");
    const off = await runMailCycle({ database: db(), transport: null, workerId: "w" });
    expect(off.delivery).toBeNull();
    expect((await row(id)).status).toBe("pending");
    const buyer = await signedInClient(BUYER);
    const page = (await buyer.get(outboxLoader, "/acheteur/boite-d-envoi")).body as { smtpEnabled: boolean; messages: { id: number; stateLabel: string }[] };
    expect(config().smtpUrl).toBeUndefined();
    expect(page.smtpEnabled).toBe(false);
    expect(page.messages.find((m) => m.id === id)!.stateLabel).toBe("Non envoyé — à transmettre vous-même");

    const old = await queue("contact@fournisseur.example", "Préparé il y a une semaine");
    await db().update(outbox).set({ createdAt: new Date(Date.now() - 7 * DAY).toISOString() }).where(eq(outbox.id, old));
    const on = await cycle();
    expect(on.delivery).toMatchObject({ expired: 1, sent: 1 });
    expect(await row(old)).toMatchObject({ status: "failed", attempts: 0, nextAttemptAt: null });
    expect((await row(old)).lastError).toContain("Trop ancien");
    expect(smtp.received.map((m) => m.subject)).toEqual(["Sans serveur"]);
  });

  it("never sends a message twice when two processes run the job at the same time", async () => {
    const ids = await mapInOrder([0, 1, 2, 3, 4, 5], (i) => queue(`destinataire${i}@fournisseur.example`, `Message ${i}`));
    // A second handle on the same database: what a second server process has (SQLite: a second
    // connection to the file; PostgreSQL: a second pool, as a second app server).
    const pg = isPostgres(db());
    const other = pg ? await openPostgres(process.env.DATABASE_URL!) : openDatabase(config().databasePath);
    const transport2 = createSmtpTransport({ url: smtp.url, from: "NR Procure <ne-pas-repondre@nr-procure.test>" });
    try {
      const small = { ...defaultDeliveryOptions, batchSize: 2 };
      const runs = [];
      for (let i = 0; i < 3; i++) {
        runs.push(runMailCycle({ database: db(), transport, workerId: "process-A", options: small }));
        runs.push(runMailCycle({ database: other, transport: transport2, workerId: "process-B", options: small }));
      }
      const reports = await Promise.all(runs);
      if (pg) {
        // PostgreSQL: one round at a time across servers (advisory lock): overlapping rounds skip
        // their turn, and the following rounds send the rest, each message once.
        expect(reports.filter((r) => r.skipped).length).toBeGreaterThan(0);
        let sent = reports.reduce((n, r) => n + (r.delivery?.sent ?? 0), 0);
        for (let round = 0; round < 6 && sent < 6; round++) {
          const next = await runMailCycle({ database: round % 2 ? other : db(), transport: round % 2 ? transport2 : transport, workerId: round % 2 ? "process-B" : "process-A", options: small });
          sent += next.delivery?.sent ?? 0;
        }
        expect(sent).toBe(6);
      } else expect(reports.reduce((n, r) => n + (r.delivery?.sent ?? 0), 0)).toBe(6);
    } finally {
      transport2.close();
      await closeDatabase(other);
    }
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(ids.map((_, i) => `Message ${i}`).sort());
    expect((await mapInOrder(ids, (id) => row(id))).every((r) => r.status === "sent")).toBe(true);
  });
});

describe("deadline reminders", () => {
  async function invitedTender({ deadlineInMs, invitedAgoMs, email, accept }: { deadlineInMs: number; invitedAgoMs: number; email: string; accept?: string }) {
    const questions = currentGuide.questions.slice(0, 1).map((q) => q.id);
    const { tenderId } = await createPublishedTender(db(), { title: `Rappels ${email}`, deadline: new Date(Date.now() + deadlineInMs).toISOString(), onlyQuestions: questions });
    const { invitationId } = await createInvitation(db(), { tenderId, supplierName: accept ?? "Fournisseur invité", email });
    await db().update(invitations).set({ createdAt: new Date(Date.now() - invitedAgoMs).toISOString() }).where(eq(invitations.id, invitationId));
    if (accept) await acceptInvitationDirectly(db(), { invitationId, supplierOrganisation: accept, acceptedByEmail: email });
    return { tenderId, invitationId, questions };
  }
  const remindersOf = async (invitationId: number) => await db().select().from(deadlineReminders).where(eq(deadlineReminders.invitationId, invitationId));

  it("reminds an invited supplier 7 days before the deadline, once, across restarts", async () => {
    const { invitationId } = await invitedTender({ deadlineInMs: 5 * DAY, invitedAgoMs: 10 * DAY, email: "pas-encore@fournisseur.example" });
    expect((await cycle()).reminders).toBe(1);
    const sent = smtp.received.filter((m) => m.to.includes("pas-encore@fournisseur.example"));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe("Rappel : date limite dans une semaine — Rappels pas-encore@fournisseur.example");
    expect(sent[0]!.text).toContain("Nous n'avons pas encore reçu de réponse déposée");
    expect((await remindersOf(invitationId)).map((r) => r.kind)).toEqual(["deadline-7d"]);

    // Restart: the connection is closed and reopened, a new worker runs the job.
    await closeDb();
    await initDatabase();
    await runMailCycle({ database: db(), transport, workerId: "after-restart" });
    await runMailCycle({ database: db(), transport, workerId: "after-restart" });
    expect(smtp.received.filter((m) => m.to.includes("pas-encore@fournisseur.example"))).toHaveLength(1);
    expect(await remindersOf(invitationId)).toHaveLength(1);
  });

  it("sends the 1-day reminder (not the 7-day one) in the last day; a second process queues nothing more", async () => {
    const { invitationId } = await invitedTender({ deadlineInMs: 20 * 3600_000, invitedAgoMs: 10 * DAY, email: S2, accept: DEMO_SUPPLIER2_ORG });
    const other = isPostgres(db()) ? await openPostgres(process.env.DATABASE_URL!) : openDatabase(config().databasePath);
    try {
      const [a, b] = await Promise.all([cycle(), runMailCycle({ database: other, transport: null, workerId: "process-B" })]);
      expect(a.reminders + b.reminders).toBe(1);
    } finally {
      await closeDatabase(other);
    }
    expect((await remindersOf(invitationId)).map((r) => r.kind)).toEqual(["deadline-1d"]);
    await cycle();
    const mails = smtp.received.filter((m) => m.to.includes(S2));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("date limite demain");
    expect(mails[0]!.text).toContain("Connectez-vous à NR Procure");
  });

  it("skips suppliers that submitted, revoked invitations, far deadlines, and invitations made inside the window", async () => {
    const submitted = await invitedTender({ deadlineInMs: 5 * DAY, invitedAgoMs: 10 * DAY, email: S1, accept: DEMO_SUPPLIER1_ORG });
    await submitAll(S1, submitted.tenderId, submitted.questions);
    const revoked = await invitedTender({ deadlineInMs: 5 * DAY, invitedAgoMs: 10 * DAY, email: "revoque@fournisseur.example" });
    await db().update(invitations).set({ revokedAt: new Date().toISOString() }).where(eq(invitations.id, revoked.invitationId));
    const far = await invitedTender({ deadlineInMs: 20 * DAY, invitedAgoMs: 10 * DAY, email: "loin@fournisseur.example" });
    const late = await invitedTender({ deadlineInMs: 5 * DAY, invitedAgoMs: 1 * DAY, email: "tardif@fournisseur.example" });
    await cycle();
    for (const t of [submitted, revoked, far, late]) expect(await remindersOf(t.invitationId)).toEqual([]);
    expect(smtp.received.filter((m) => m.subject.startsWith("Rappel"))).toEqual([]);
    // The late invitation still gets the last-day reminder when that day comes.
    await db().update(tenders).set({ deadline: new Date(Date.now() + 20 * 3600_000).toISOString() }).where(eq(tenders.id, late.tenderId));
    await cycle();
    expect((await remindersOf(late.invitationId)).map((r) => r.kind)).toEqual(["deadline-1d"]);
  });
});

describe("messages written by the portal's actions", () => {
  it("« restitution disponible » goes to the supplier when the buyer shares the debrief", async () => {
    const tenderId = (await seededTenderIds()).published;
    const buyer = await signedInClient(BUYER);
    const supplierId = await orgId(DEMO_SUPPLIER2_ORG);
    const out = await buyer.post(shareAction, `/acheteur/appels-d-offres/${tenderId}/fournisseurs/${supplierId}`, { confirm: "yes" }, { id: String(tenderId), supplierId: String(supplierId) });
    expect(out.status).toBe(302);
    await cycle();
    const mail = smtp.received.find((m) => m.to.includes(S2))!;
    expect(mail.subject).toMatch(/^Restitution disponible — /);
    expect(mail.text).toContain("votre note, votre rang et le détail de vos points");
    // Sharing again writes nothing new.
    await buyer.post(shareAction, `/acheteur/appels-d-offres/${tenderId}/fournisseurs/${supplierId}`, { confirm: "yes" }, { id: String(tenderId), supplierId: String(supplierId) });
    expect(await db().select().from(outbox).where(and(eq(outbox.kind, "debrief.available"), eq(outbox.toEmail, S2)))).toHaveLength(1);
  });

  it("a withdrawal notice goes to the supplier who withdrew", async () => {
    const questions = currentGuide.questions.slice(0, 1).map((q) => q.id);
    const { tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: S2, onlyQuestions: questions });
    const client = await submitAll(S2, tenderId, questions);
    await client.post(qAction, `/fournisseur/consultations/${tenderId}`, { intent: "withdraw" }, { tenderId: String(tenderId) });
    await cycle();
    const toSupplier = smtp.received.filter((m) => m.to.includes(S2)).map((m) => m.subject);
    expect(toSupplier.some((s) => s.startsWith("Récépissé de dépôt"))).toBe(true);
    expect(toSupplier.some((s) => s.startsWith("Réponse retirée"))).toBe(true);
  });
});
