import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/connection";
import { deadlineReminders, invitations, organisations, outbox } from "#db/schema";
import { queueEmail } from "~/mail/outbox.server";
import { createInvitation, createPublishedTender, DEMO_BUYER_ORG } from "../support/fixtures-tenders";
import { ensureBuilt, freePort, runSetup, startPortal, waitForPortal, type Portal } from "../support/portal-process";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp";

/**
 * The mail job as it runs for real (issue 10 §4): two built portals on the same data folder, each
 * running the job every 250 ms with SMTP_URL pointing at a real SMTP server started here. Every
 * message arrives exactly once, the deadline reminder too; after one portal is restarted, nothing is
 * sent again. (The job's rules are tested cycle by cycle in test/integration/mail.test.ts.)
 */
const DAY = 24 * 3600_000;
let dataDir: string;
let smtp: TestSmtpServer;
const portals: Portal[] = [];

async function start(env: Record<string, string>): Promise<Portal> {
  const portal = startPortal({ ...env, PORT: String(await freePort()) });
  portals.push(portal);
  await waitForPortal(portal);
  return portal;
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`délai dépassé : ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  ensureBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-mail-"));
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await Promise.all(portals.map((p) => p.stop()));
  await smtp?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("mail job in two server processes", () => {
  it("delivers every message and the reminder exactly once, across a restart", async () => {
    const env = {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      SESSION_SECRET: "mail-e2e-secret-0123456789abcdefghijkl",
      SMTP_URL: smtp.url,
      MAIL_FROM: "NR Procure <ne-pas-repondre@nr-procure.test>",
      MAIL_INTERVAL_MS: "250",
      PUBLIC_URL: "https://achats.example.org",
    };
    runSetup(env);
    const db = openDatabase(path.join(dataDir, "nr-procure.sqlite"));
    let invitationId: number;
    try {
      // A tender due in 5 days, a supplier invited 10 days ago who has not answered: the 7-day reminder is due.
      const { tenderId } = await createPublishedTender(db, { title: "Rappel multi-processus", deadline: new Date(Date.now() + 5 * DAY).toISOString() });
      invitationId = (await createInvitation(db, { tenderId, supplierName: "Fournisseur Silencieux", email: "silencieux@fournisseur.example" })).invitationId;
      await db.update(invitations).set({ createdAt: new Date(Date.now() - 10 * DAY).toISOString() }).where(eq(invitations.id, invitationId));
      const buyerOrg = (await db.select().from(organisations).where(eq(organisations.name, DEMO_BUYER_ORG)).limit(1))[0]!.id;
      for (let i = 0; i < 8; i++) await queueEmail(db, { organisationId: buyerOrg, toEmail: `destinataire${i}@exemple.org`, kind: "test", subject: `Message ${i}`, body: `Corps ${i} — é` });
    } finally {
      db.$client.close();
    }

    const [first] = await Promise.all([start(env), start(env)]);
    const expected = 9; // 8 messages + 1 reminder
    await until(() => smtp.received.length >= expected, `${expected} messages reçus (reçus : ${smtp.received.length})`);
    await new Promise((r) => setTimeout(r, 1500)); // several more cycles of both processes
    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith("Message ")).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Message ${i}`));
    const reminders = smtp.received.filter((m) => m.subject.startsWith("Rappel : date limite dans une semaine"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.to).toEqual(["silencieux@fournisseur.example"]);
    expect(reminders[0]!.text).toContain("https://achats.example.org/connexion");
    expect(smtp.received).toHaveLength(expected);

    // Restart one process: nothing is sent again, no second reminder is queued.
    await first!.stop();
    await start(env);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received).toHaveLength(expected);
    const check = openDatabase(path.join(dataDir, "nr-procure.sqlite"));
    try {
      expect(await check.select().from(deadlineReminders).where(eq(deadlineReminders.invitationId, invitationId))).toHaveLength(1);
      expect((await check.select().from(outbox)).every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
    } finally {
      check.$client.close();
    }
  });
});
