/**
 * Deadline reminders (issue 10 §4): 7 days and 1 day before a tender's deadline, to every invited
 * supplier (non-revoked invitation) that has not submitted, once each.
 *
 * The schedule is not kept anywhere: each run of the job derives it from the database (published
 * tenders, their deadlines, invitations, responses), so it survives restarts and needs no timer per
 * tender. What is kept is what was done: a `deadline_reminders` row per invitation and kind, whose
 * unique index makes the reminder go out once — across restarts, and when two processes run the job
 * at the same time (the second insert changes nothing, so it queues nothing). The row and the
 * outbox message are written in one transaction.
 *
 * Rules: a reminder is due from `deadline − offset` until the deadline, only for an invitation made
 * before `deadline − offset` (a supplier invited three days before the deadline gets the 1-day
 * reminder, not a "one week left" one); when the 1-day window has started, the 7-day reminder is no
 * longer sent (the job was down during the whole week: one reminder, the right one).
 */
import { and, eq, gt, isNull, lte, notExists, sql } from "drizzle-orm";
import { deadlineReminders, invitations, organisations, responses, tenders, type ReminderKind } from "#db/schema";
import type { Db } from "#db/connection";
import { runTransaction } from "#db/transaction";
import { deadlineReminder, reminderOffsetsMs } from "./messages";
import { queueEmail } from "./outbox.server";

function dueKind(deadlineMs: number, nowMs: number): ReminderKind | null {
  const left = deadlineMs - nowMs;
  if (left <= 0) return null;
  if (left <= reminderOffsetsMs["deadline-1d"]) return "deadline-1d";
  if (left <= reminderOffsetsMs["deadline-7d"]) return "deadline-7d";
  return null;
}

/** Queues the reminders due at `now`; returns how many this call queued. */
export async function queueDeadlineReminders(database: Db, { now, publicUrl }: { now: Date; publicUrl?: string }): Promise<number> {
  const nowIso = now.toISOString();
  const horizon = new Date(now.getTime() + reminderOffsetsMs["deadline-7d"]).toISOString();
  const submitted = database
    .select({ one: sql`1` })
    .from(responses)
    .where(and(eq(responses.tenderId, invitations.tenderId), eq(responses.supplierOrganisationId, invitations.supplierOrganisationId), eq(responses.status, "submitted")));
  const candidates = await database
      .select({ invitation: invitations, tender: tenders, buyerName: organisations.name })
      .from(invitations)
      .innerJoin(tenders, eq(tenders.id, invitations.tenderId))
      .innerJoin(organisations, eq(organisations.id, tenders.organisationId))
      .where(and(isNull(invitations.revokedAt), eq(tenders.status, "published"), isNull(tenders.deletedAt), gt(tenders.deadline, nowIso), lte(tenders.deadline, horizon), notExists(submitted)));

  let queued = 0;
  for (const { invitation, tender, buyerName } of candidates) {
    const deadlineMs = Date.parse(tender.deadline);
    const kind = dueKind(deadlineMs, now.getTime());
    if (!kind || !(Date.parse(invitation.createdAt) < deadlineMs - reminderOffsetsMs[kind])) continue;
    await runTransaction(database, async (tx) => {
            const claimed = (await tx.insert(deadlineReminders).values({ invitationId: invitation.id, kind }).onConflictDoNothing().returning({ id: deadlineReminders.id }))[0]!;
            if (!claimed) return; // already queued, by an earlier run or by another process
            const message = deadlineReminder({
              kind,
              tender,
              buyerName,
              supplierName: invitation.supplierName,
              invitedAt: invitation.createdAt,
              accepted: invitation.acceptedAt !== null,
              publicUrl,
            });
            const outboxId = await queueEmail(tx, { organisationId: tender.organisationId, toEmail: invitation.email, ...message });
            await tx.update(deadlineReminders).set({ outboxId }).where(eq(deadlineReminders.id, claimed.id));
            queued += 1;
          });
  }
  return queued;
}
