import { boolean, id, index, integer, json, now, real, table, text, uniqueIndex } from "./columns";
import { organisations, users } from "./accounts";


export const tenderStatuses = ["draft", "published", "cancelled", "closed"] as const;
export type TenderStatus = (typeof tenderStatuses)[number];

/**
 * Two kinds of consultation share this table and all the supplier machinery (invitations,
 * questionnaire, autosave, evidence, receipts, evaluation, answer library): a `tender` chooses an
 * offer; a `campaign` (issue 14) assesses and influences a supplier panel's NR maturity — no price,
 * no ranking, weights never shown to suppliers. docs/decisions/021-maturity-campaigns.md.
 */
export const consultationKinds = ["tender", "campaign"] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
/**
 * A tender of a buying organisation. `draftMethod` is editable while the tender is a draft;
 * publishing copies it into `publishedMethod` (immutable snapshot with its SHA-256): the mark is
 * always computed from the snapshot (design.md, "Nothing is lost").
 * The method JSON holds shares, price method, guide version, criteria and question weights,
 * N/A permissions and the chosen clauses with their filled placeholders.
 */
export const tenders = table(
  "tenders",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    createdBy: integer("created_by").notNull().references(() => users.id),
    kind: text("kind", { enum: consultationKinds }).notNull().default("tender"),
    title: text("title").notNull(),
    reference: text("reference").notNull(),
    segment: text("segment").notNull(),
    description: text("description").notNull().default(""),
    /** ISO-8601 UTC instant; entered and shown in Europe/Paris time. */
    deadline: text("deadline").notNull(),
    contactName: text("contact_name").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    status: text("status", { enum: tenderStatuses }).notNull().default("draft"),
    allowEarlyEvaluation: boolean("allow_early_evaluation").notNull().default(false),
    draftMethod: json("draft_method").$type<unknown>().notNull(),
    publishedMethod: json("published_method").$type<unknown>(),
    publishedMethodSha256: text("published_method_sha256"),
    publishedAt: text("published_at"),
    publishedBy: integer("published_by").references(() => users.id),
    cancelledAt: text("cancelled_at"),
    cancelReason: text("cancel_reason"),
    closedAt: text("closed_at"),
    /** The supplier organisation the tender was awarded to when the buyer closed it (optional). */
    awardedSupplierOrganisationId: integer("awarded_supplier_organisation_id").references(() => organisations.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    deletedAt: text("deleted_at"),
    /**
     * Bumped (+1) in the same transaction as every write that changes what the tender's comparison
     * is computed from: submissions and withdrawals, evaluations, prices and technical scores
     * (`bumpTenderData`, app/tenders/data-version.server.ts). Key of the in-process comparison
     * cache (docs/decisions/016-fast-under-load.md); never shown.
     */
    dataVersion: integer("data_version").notNull().default(0),
  },
  (t) => [index("tenders_org").on(t.organisationId)],
);

/** Evaluators see only the tenders they are assigned to. */
export const tenderEvaluators = table(
  "tender_evaluators",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    userId: integer("user_id").notNull().references(() => users.id),
    assignedBy: integer("assigned_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("tender_evaluators_unique").on(t.tenderId, t.userId)],
);

/**
 * Single-use invitation of a supplier to a tender. Only the SHA-256 of the token is stored; the
 * link is shown once to the buyer and kept in the outbox message. Expires with the deadline.
 */
export const invitations = table(
  "invitations",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    /** Buying organisation, for scoping. */
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    email: text("email").notNull(),
    supplierName: text("supplier_name").notNull(),
    tokenSha256: text("token_sha256").notNull(),
    supplierOrganisationId: integer("supplier_organisation_id").references(() => organisations.id),
    createdBy: integer("created_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    openedAt: text("opened_at"),
    acceptedAt: text("accepted_at"),
    acceptedBy: integer("accepted_by").references(() => users.id),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("invitations_token").on(t.tokenSha256), index("invitations_tender").on(t.tenderId)],
);

export const outboxStatuses = ["pending", "sent", "failed"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * Every e-mail the portal sends, kept with its delivery status (docs/decisions/015-email-delivery-and-answer-library.md).
 * A row is written in the transaction of the action that causes it; the mail worker sends it when
 * an SMTP transport is configured (`SMTP_URL`), else it stays `pending` and the outbox page shows
 * it to copy by hand. `failed` with a `nextAttemptAt` will be retried; without one, it was given up.
 * `claimedBy`/`claimedUntil`: the worker that took the row for sending (atomic claim, so two
 * processes never send the same message); the lease expires if that worker dies.
 * New columns all have defaults: `insert(outbox).values({ organisationId, toEmail, kind, subject,
 * body })` queues a message as before.
 */
export const outbox = table(
  "outbox",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    toEmail: text("to_email").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    kind: text("kind").notNull(),
    createdAt: text("created_at").notNull().default(now),
    sentAt: text("sent_at"),
    status: text("status", { enum: outboxStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    lastAttemptAt: text("last_attempt_at"),
    /** When the next attempt may happen; null = as soon as possible (pending) or never (failed, given up). */
    nextAttemptAt: text("next_attempt_at"),
    claimedBy: text("claimed_by"),
    claimedUntil: text("claimed_until"),
  },
  (t) => [index("outbox_org").on(t.organisationId, t.id), index("outbox_status").on(t.status, t.nextAttemptAt)],
);

export const reminderKinds = ["deadline-7d", "deadline-1d"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/**
 * Deadline reminders already queued, one row per invitation and kind: the unique index is what
 * makes a reminder go out once, across restarts and when two processes run the job (the insert
 * that loses the race changes nothing and queues nothing).
 */
export const deadlineReminders = table(
  "deadline_reminders",
  {
    id: id(),
    invitationId: integer("invitation_id").notNull().references(() => invitations.id),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    outboxId: integer("outbox_id").references(() => outbox.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("deadline_reminders_unique").on(t.invitationId, t.kind)],
);

/** Price and technical score entered by the buyer for one supplier of one tender. */
export const offerScores = table(
  "offer_scores",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    priceEurHt: real("price_eur_ht"),
    technicalScore: real("technical_score"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("offer_scores_unique").on(t.tenderId, t.supplierOrganisationId)],
);

/** Debrief shared by the buyer with one supplier (their scores only). */
export const debriefShares = table(
  "debrief_shares",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    sharedBy: integer("shared_by").notNull().references(() => users.id),
    sharedAt: text("shared_at").notNull().default(now),
  },
  (t) => [uniqueIndex("debrief_shares_unique").on(t.tenderId, t.supplierOrganisationId)],
);
