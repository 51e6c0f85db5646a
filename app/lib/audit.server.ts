import { auditLog } from "#db/schema";
import type { Db } from "#db/connection";

export type AuditEntry = {
  userId: number | null;
  organisationId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
};

/** Append-only audit trail; called inside the same transaction as the action it records. */
export async function audit(db: Pick<Db, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog)
        .values({
          userId: entry.userId,
          organisationId: entry.organisationId,
          action: entry.action,
          targetType: entry.targetType ?? null,
          targetId: entry.targetId === undefined ? null : String(entry.targetId),
          details: entry.details ?? null,
        });
}
