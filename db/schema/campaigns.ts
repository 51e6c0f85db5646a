import { id, index, integer, now, real, table, text } from "./columns";
import { organisations, users } from "./accounts";
import { files } from "./responses";
import { tenders } from "./tenders";


/** Life of an improvement action (transitions: app/campaigns/plan.ts). */
export const actionStatuses = ["proposed", "agreed", "in-progress", "done", "abandoned"] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/**
 * One action of a supplier's improvement plan, agreed after a maturity campaign's debrief (issue 14 §3).
 * `campaignId` is the consultation (kind `campaign`) the debrief belongs to; `baselineScore` is the
 * criterion's score (0–100) in that campaign, so that the next campaign can tell whether it moved.
 * Both sides agree (`agreedByBuyerAt`, `agreedBySupplierAt`); the supplier then updates the status
 * with evidence. Every change is an event below and an audit-log line.
 */
export const improvementActions = table(
  "improvement_actions",
  {
    id: id(),
    campaignId: integer("campaign_id").notNull().references(() => tenders.id),
    /** Buying organisation (owner of the campaign), for scoping. */
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    criterion: text("criterion").notNull(),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    /** YYYY-MM-DD. */
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: actionStatuses }).notNull().default("proposed"),
    baselineScore: real("baseline_score"),
    proposedBy: integer("proposed_by").notNull().references(() => users.id),
    agreedByBuyerAt: text("agreed_by_buyer_at"),
    agreedBySupplierAt: text("agreed_by_supplier_at"),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [index("improvement_actions_campaign").on(t.campaignId, t.supplierOrganisationId), index("improvement_actions_supplier").on(t.supplierOrganisationId)],
);

/** History of an action: creation, agreements, status changes with their evidence (note and/or file). */
export const improvementActionEvents = table(
  "improvement_action_events",
  {
    id: id(),
    actionId: integer("action_id").notNull().references(() => improvementActions.id),
    userId: integer("user_id").notNull().references(() => users.id),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    event: text("event").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    note: text("note").notNull().default(""),
    fileId: integer("file_id").references(() => files.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("improvement_action_events_action").on(t.actionId)],
);

/** Manual reminders sent to panel members who have not answered yet (panel view, issue 14 §4). */
export const campaignReminders = table(
  "campaign_reminders",
  {
    id: id(),
    campaignId: integer("campaign_id").notNull().references(() => tenders.id),
    invitationId: integer("invitation_id").notNull(),
    sentBy: integer("sent_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("campaign_reminders_campaign").on(t.campaignId)],
);
