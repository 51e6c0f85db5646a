import { id, index, integer, json, now, table, text, uniqueIndex } from "./columns";

/**
 * Tables of NR Procure. Every row that belongs to an organisation carries `organisationId`
 * (design.md, "Three users, one tenancy rule"); reads and writes go through functions that
 * take the acting user and scope the query.
 * Timestamps are ISO-8601 UTC strings: readable in the SQLite shell and sortable.
 */

export const organisationKinds = ["buyer", "supplier", "platform"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const roles = ["buyer", "evaluator", "supplier", "rse", "admin"] as const;
export type Role = (typeof roles)[number];

/**
 * Procurement regime of a buying organisation (issue 11 §2): `public` buyers are subject to the Code de la
 * commande publique and follow the lawful-award rules of scoring/lawful-award.ts; `private` buyers are free of them.
 * Set by the platform admin; existing and new organisations default to `public` (the safe side). Meaningless for
 * supplier and platform organisations.
 */
export const procurementRegimes = ["public", "private"] as const;
export type ProcurementRegime = (typeof procurementRegimes)[number];

export const organisations = table("organisations", {
  id: id(),
  name: text("name").notNull(),
  kind: text("kind", { enum: organisationKinds }).notNull(),
  procurementRegime: text("procurement_regime", { enum: procurementRegimes }).notNull().default("public"),
  createdAt: text("created_at").notNull().default(now),
  deletedAt: text("deleted_at"),
});

export const users = table(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: text("created_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);

export const memberships = table(
  "memberships",
  {
    id: id(),
    userId: integer("user_id").notNull().references(() => users.id),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    role: text("role", { enum: roles }).notNull(),
    createdAt: text("created_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [uniqueIndex("memberships_user_org_role").on(t.userId, t.organisationId, t.role)],
);

/**
 * A signed-in browser. `id` is the secret the cookie carries and never leaves the server;
 * `publicId` names the session on the account's sessions page (revoking one posts it).
 * `lastSeenAt` is refreshed at most once a minute (app/auth/session.server.ts).
 */
export const sessions = table(
  "sessions",
  {
    id: text("id").primaryKey(),
    publicId: text("public_id").notNull(),
    userId: integer("user_id").notNull().references(() => users.id),
    membershipId: integer("membership_id").notNull().references(() => memberships.id),
    expiresAt: text("expires_at").notNull(),
    createdAt: text("created_at").notNull().default(now),
    lastSeenAt: text("last_seen_at").notNull().default(now),
    /** As the browser sent it at sign-in (cut to 512 characters); shown as a device label. */
    userAgent: text("user_agent").notNull().default(""),
    /** The client address at sign-in (server/app.ts, TRUST_PROXY). */
    clientAddress: text("client_address").notNull().default(""),
  },
  (t) => [index("sessions_user").on(t.userId), uniqueIndex("sessions_public_id").on(t.publicId)],
);

/** Append-only: who, organisation, what, target, when (design.md, "Nothing is lost"). */
export const auditLog = table(
  "audit_log",
  {
    id: id(),
    at: text("at").notNull().default(now),
    userId: integer("user_id").references(() => users.id),
    organisationId: integer("organisation_id").references(() => organisations.id),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: json("details").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_org_at").on(t.organisationId, t.at)],
);
