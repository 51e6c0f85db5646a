import { id, index, integer, integer64, now, table, text, uniqueIndex } from "./columns";
import { users } from "./accounts";


/**
 * Throttling state, one row per key (app/auth/throttle.server.ts): how many attempts the key made in
 * its current streak, the instant before which the next one is refused (exponential back-off), and
 * when the streak is forgotten. Keys are `<policy>:<SHA-256 of the subject>`: no e-mail address or
 * client address is stored in clear. Times are epoch milliseconds so that one SQL statement can
 * compare and compute them (the reservation is a single INSERT … ON CONFLICT DO UPDATE … RETURNING).
 */
export const rateLimits = table(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    nextAt: integer64("next_at").notNull(),
    expiresAt: integer64("expires_at").notNull(),
  },
  (t) => [index("rate_limits_expires").on(t.expiresAt)],
);

/**
 * A password-reset link: only the SHA-256 of its token is stored; valid one hour, single use
 * (`usedAt`), all of a user's links void once one is used.
 */
export const passwordResets = table(
  "password_resets",
  {
    id: id(),
    userId: integer("user_id").notNull().references(() => users.id),
    tokenSha256: text("token_sha256").notNull(),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    requestedFrom: text("requested_from").notNull().default(""),
  },
  (t) => [uniqueIndex("password_resets_token").on(t.tokenSha256), index("password_resets_user").on(t.userId)],
);

/**
 * A sign-up waiting for its e-mail to be confirmed: the account (user, organisation, membership) is
 * created only when the link sent to the address is followed, so the sign-up form answers the same
 * whether or not the address already has an account (no enumeration). Token stored hashed; the
 * password is stored as its argon2id hash, never in clear.
 */
export const signUpRequests = table(
  "sign_up_requests",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    organisationName: text("organisation_name").notNull(),
    organisationKind: text("organisation_kind", { enum: ["buyer", "supplier"] }).notNull(),
    passwordHash: text("password_hash").notNull(),
    tokenSha256: text("token_sha256").notNull(),
    createdAt: text("created_at").notNull().default(now),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [uniqueIndex("sign_up_requests_token").on(t.tokenSha256), index("sign_up_requests_email").on(t.email)],
);
