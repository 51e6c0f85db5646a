/**
 * Sending what the outbox holds (decision 015). Each cycle claims the due messages atomically — one
 * `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING` statement, so two processes running the job
 * never take the same row — sends them, and records the outcome on the row: `sent`, or `failed`
 * with the error and the time of the next attempt (exponential back-off), given up after
 * `maxAttempts`. A claim is a lease: if the process dies while sending, the row becomes due again
 * when the lease ends (at-least-once delivery: a crash between the SMTP server's acceptance and the
 * database update may send a message twice).
 */
import { and, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { outbox } from "#db/schema";
import type { Db } from "#db/connection";
import { affectedRows, runTransaction } from "#db/transaction";
import type { MailTransport } from "./transport.server";

export type DeliveryOptions = {
  /** Messages taken per cycle. */
  batchSize: number;
  /** How long a claim holds a row (longer than the transport's worst-case send). */
  leaseMs: number;
  /** Delay after the first failure; doubled after each further failure, capped at `maxDelayMs`. */
  retryBaseMs: number;
  maxDelayMs: number;
  /** Attempts before giving up (the row stays `failed`, with no next attempt). */
  maxAttempts: number;
  /** A message still unsent this long after it was written is not sent automatically (see below). */
  maxAgeMs: number;
};

export const defaultDeliveryOptions: DeliveryOptions = {
  batchSize: 50,
  leaseMs: 5 * 60_000,
  retryBaseMs: 60_000,
  maxDelayMs: 6 * 3600_000,
  maxAttempts: 8, // 1 + 2 + 4 + … + 64 min: about 2 h of retries
  maxAgeMs: 3 * 24 * 3600_000,
};

/** Delay before attempt n + 1 after n failed attempts: base × 2^(n−1), capped. */
export function retryDelayMs(failedAttempts: number, options: Pick<DeliveryOptions, "retryBaseMs" | "maxDelayMs"> = defaultDeliveryOptions): number {
  return Math.min(options.retryBaseMs * 2 ** Math.max(0, failedAttempts - 1), options.maxDelayMs);
}

type Database = Db;

/**
 * Every write of the delivery runs in its own short transaction: on SQLite it then takes its turn
 * with the other transactions of the process (db/transaction.ts); on PostgreSQL READ COMMITTED is
 * enough, because each UPDATE re-checks its WHERE (the lease, `claimedBy`) on the row it locks, so
 * two servers never claim or record the same message twice.
 */
function write<T>(database: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return runTransaction(database, fn, { isolation: "read committed" });
}

function due(nowIso: string) {
  return and(
    or(
      and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, nowIso))),
      and(eq(outbox.status, "failed"), isNotNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, nowIso)),
    ),
    or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, nowIso)),
  );
}

/** Takes up to `limit` due messages for `workerId` until `now + leaseMs`; what it returns is its own. */
export async function claimDueMessages(database: Database, { workerId, now, leaseMs, limit }: { workerId: string; now: Date; leaseMs: number; limit: number }) {
  const nowIso = now.toISOString();
  return await write(database, async (tx) => {
    const ids = tx.select({ id: outbox.id }).from(outbox).where(due(nowIso)).orderBy(outbox.id).limit(limit);
    return await tx
      .update(outbox)
      .set({ claimedBy: workerId, claimedUntil: new Date(now.getTime() + leaseMs).toISOString() })
      .where(and(inArray(outbox.id, ids), due(nowIso)))
      .returning();
  });
}

/**
 * Messages written while no transport was configured, never tried and older than `maxAgeMs`, are
 * not sent when a transport appears: the buyer was told to pass them on by hand, and a week-old
 * reminder is wrong. They are marked failed with the reason, and stay readable in the outbox page.
 */
export async function expireStaleMessages(database: Database, { now, maxAgeMs }: { now: Date; maxAgeMs: number }): Promise<number> {
  const cutoff = new Date(now.getTime() - maxAgeMs).toISOString();
  return affectedRows(await write(database, (tx) => tx
      .update(outbox)
      .set({ status: "failed", nextAttemptAt: null, lastError: "Trop ancien pour un envoi automatique : préparé quand aucun serveur de messagerie n'était configuré. Transmettez-le vous-même si besoin." })
      .where(and(eq(outbox.status, "pending"), eq(outbox.attempts, 0), lt(outbox.createdAt, cutoff), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, now.toISOString()))))));
}

export type DeliveryReport = { claimed: number; sent: number; failed: number; expired: number };

/** One pass: expire stale messages, claim the due ones, send them one by one, record each outcome. */
export async function deliverDueMessages(
  database: Database,
  { transport, workerId, now = () => new Date(), options = defaultDeliveryOptions }: { transport: MailTransport; workerId: string; now?: () => Date; options?: DeliveryOptions },
): Promise<DeliveryReport> {
  const expired = await expireStaleMessages(database, { now: now(), maxAgeMs: options.maxAgeMs });
  const claimed = await claimDueMessages(database, { workerId, now: now(), leaseMs: options.leaseMs, limit: options.batchSize });
  let sent = 0;
  let failed = 0;
  for (const message of claimed) {
    const mine = and(eq(outbox.id, message.id), eq(outbox.claimedBy, workerId));
    try {
      await transport.send({ to: message.toEmail, subject: message.subject, text: message.body });
      const at = now().toISOString();
      await write(database, (tx) => tx
                .update(outbox)
                .set({ status: "sent", sentAt: at, lastAttemptAt: at, attempts: sql`${outbox.attempts} + 1`, lastError: null, nextAttemptAt: null, claimedBy: null, claimedUntil: null })
                .where(mine));
      sent += 1;
    } catch (error) {
      const at = now();
      const attempts = message.attempts + 1;
      const giveUp = attempts >= options.maxAttempts;
      await write(database, (tx) => tx
                .update(outbox)
                .set({
                  status: "failed",
                  lastAttemptAt: at.toISOString(),
                  attempts,
                  lastError: describe(error),
                  nextAttemptAt: giveUp ? null : new Date(at.getTime() + retryDelayMs(attempts, options)).toISOString(),
                  claimedBy: null,
                  claimedUntil: null,
                })
                .where(mine));
      failed += 1;
    }
  }
  return { claimed: claimed.length, sent, failed, expired };
}

/** The SMTP error as the outbox page shows it: the server's reply when there is one, one line, bounded. */
function describe(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown };
  const text = typeof e?.response === "string" && e.response ? e.response : typeof e?.message === "string" ? e.message : String(error);
  const code = typeof e?.code === "string" ? `${e.code} : ` : "";
  return `${code}${text}`.replace(/\s+/g, " ").trim().slice(0, 500);
}
