/**
 * Invitation and response counts of each consultation (tender or campaign) in a list of `tenders` rows.
 * Written with aliases: in a one-table select drizzle leaves column names unqualified, and inside the
 * subquery an unqualified "id" would be the invitation's (a draft once showed another tender's counts).
 */
import { sql } from "drizzle-orm";

export const consultationCounts = {
  invitationCount: sql<number>`(select count(*) from invitations i where i.tender_id = "tenders"."id" and i.revoked_at is null)`,
  submissionCount: sql<number>`(select count(distinct s.supplier_organisation_id) from submissions s where s.tender_id = "tenders"."id" and s.withdrawn_at is null)`,
};
