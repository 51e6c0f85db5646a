/**
 * Queuing an e-mail: one row in `outbox`, written in the transaction of the action that causes it,
 * so a message exists if and only if the action happened. The mail worker (worker.server.ts) sends
 * it when SMTP is configured; otherwise it waits in the outbox page. Decision 014.
 *
 * A plain `tx.insert(outbox).values({ organisationId, toEmail, kind, subject, body })` queues a
 * message just the same (every delivery column has a default); this function only names the act.
 */
import { outbox } from "#db/schema";
import type { Tx } from "~/lib/db.server";

export type QueuedEmail = {
  /** The organisation on whose behalf the message goes (its outbox page lists it). */
  organisationId: number;
  toEmail: string;
  /** A stable slug: `invitation`, `response.submitted`, `response.receipt`, `reminder.deadline-7d`… */
  kind: string;
  subject: string;
  body: string;
};

export async function queueEmail(tx: Pick<Tx, "insert">, message: QueuedEmail): Promise<number> {
  return (await tx.insert(outbox).values(message).returning({ id: outbox.id }))[0]!.id;
}
