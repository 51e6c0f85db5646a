/**
 * The mail job, run inside the server process every MAIL_INTERVAL_MS (server/index.ts): queue the
 * deadline reminders that are due, then — when SMTP_URL is set — send what the outbox holds and
 * retry failures. Everything it needs to know lives in the database, so a restart loses nothing
 * and two processes may run it side by side (reminders and sends are claimed atomically; see
 * reminders.server.ts and delivery.server.ts). One cycle at a time per process; on PostgreSQL
 * (several app servers, issue 19) one cycle at a time across servers too: a cycle runs under the
 * advisory lock MAIL_CYCLE_LOCK_KEY, and a server that finds it taken skips its turn (the row
 * claims stay, as a second line of defence).
 */
import crypto from "node:crypto";
import { withAdvisoryLock, type Db } from "#db/connection";
import type { Config } from "~/config.server";
import { db as processDb } from "~/lib/db.server";
import { frCount } from "~/lib/format";
import { defaultDeliveryOptions, deliverDueMessages, type DeliveryOptions, type DeliveryReport } from "./delivery.server";
import { queueDeadlineReminders } from "./reminders.server";
import { createSmtpTransport, type MailTransport } from "./transport.server";

/** `skipped`: another app server was running a cycle on the same PostgreSQL database (nothing done). */
export type CycleReport = { reminders: number; delivery: DeliveryReport | null; skipped?: true };

/** Advisory lock key of the mail cycle (distinct from db/connection.ts's MIGRATION_LOCK_KEY). */
export const MAIL_CYCLE_LOCK_KEY = 4_712_019_002;

export async function runMailCycle(input: {
  database: Db;
  transport: MailTransport | null;
  workerId: string;
  publicUrl?: string;
  now?: () => Date;
  options?: DeliveryOptions;
}): Promise<CycleReport> {
  const now = input.now ?? (() => new Date());
  const report = await withAdvisoryLock(input.database, MAIL_CYCLE_LOCK_KEY, async () => {
    const reminders = await queueDeadlineReminders(input.database, { now: now(), publicUrl: input.publicUrl });
    const delivery = input.transport
      ? await deliverDueMessages(input.database, { transport: input.transport, workerId: input.workerId, now, options: input.options ?? defaultDeliveryOptions })
      : null;
    return { reminders, delivery };
  });
  return report ?? { reminders: 0, delivery: null, skipped: true };
}

export type MailWorker = {
  workerId: string;
  runNow(): Promise<CycleReport | null>;
  /** Stops the interval and waits for a cycle in flight, at most `waitMs` (its claims then expire and another run retries). */
  stop(waitMs?: number): Promise<void>;
};

/**
 * Starts the interval. `transport` defaults to SMTP from the configuration (none when SMTP_URL is
 * unset: reminders are still queued, nothing is sent). Errors of a cycle are logged, never thrown:
 * the next cycle tries again.
 */
export function startMailWorker({
  config,
  database = () => processDb(),
  transport = config.smtpUrl ? createSmtpTransport({ url: config.smtpUrl, from: config.mailFrom }) : null,
  log = console,
}: {
  config: Pick<Config, "smtpUrl" | "mailFrom" | "mailIntervalMs" | "publicUrl">;
  database?: () => Db;
  transport?: MailTransport | null;
  log?: Pick<Console, "log" | "error">;
}): MailWorker {
  const workerId = `${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  let running: Promise<CycleReport | null> | null = null;
  let stopped = false;
  const cycle = () => {
    if (stopped) return Promise.resolve(null);
    running ??= runMailCycle({ database: database(), transport, workerId, publicUrl: config.publicUrl })
      .then((report) => {
        if (report.reminders || report.delivery?.claimed || report.delivery?.expired) {
          const d = report.delivery;
          const sent = d ? `, ${frCount(d.sent, "message envoyé", "messages envoyés")}, ${frCount(d.failed, "échec")}, ${frCount(d.expired, "message trop ancien", "messages trop anciens")}` : " (envoi désactivé : SMTP_URL non défini)";
          log.log(`Courriels : ${frCount(report.reminders, "rappel préparé", "rappels préparés")}${sent}.`);
        }
        return report;
      })
      .catch((error: unknown) => {
        log.error("Courriels : le cycle d'envoi a échoué ; nouvel essai au prochain passage.", error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void cycle(), config.mailIntervalMs);
  timer.unref();
  void cycle();
  log.log(config.smtpUrl ? `Courriels : envoi par SMTP (${redact(config.smtpUrl)}), passage toutes les ${config.mailIntervalMs} ms.` : "Courriels : SMTP_URL non défini, les messages restent dans la boîte d'envoi du portail.");
  return {
    workerId,
    runNow: cycle,
    async stop(waitMs = 2_000) {
      stopped = true;
      clearInterval(timer);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise((resolve) => (timeout = setTimeout(resolve, waitMs)))]);
      clearTimeout(timeout);
      transport?.close();
    },
  };
}

/** The SMTP URL without its password, for the log. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
