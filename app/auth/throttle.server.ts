/**
 * Throttling of the account forms (sign-in, sign-up, password reset, links from e-mails,
 * invitation acceptance): a small atomic limiter on one table (`rate_limits`, db/schema/account-security.ts).
 *
 * Each policy lets `free` attempts through, then imposes an exponential back-off between attempts
 * (`baseDelayMs`, doubled at each further attempt, at most `maxDelayMs`) instead of a hard lock:
 * someone who keeps failing waits longer and longer, nobody is shut out for a fixed time by others.
 * A key's streak is forgotten `windowMs` after the end of its last wait.
 *
 * Reserve, then work: `reserve` counts the attempt *before* the slow work (the argon2 hash) in one
 * statement per key (`INSERT … ON CONFLICT DO UPDATE … WHERE allowed … RETURNING`), all keys of the
 * attempt in one transaction. Twenty parallel requests therefore take twenty distinct places in the
 * count: no read-then-write race. A refused attempt changes nothing (it neither counts nor extends
 * the wait), so hammering a refused key costs one statement and never lengthens anyone's wait.
 *
 * The statement is standard SQL except `<<` and the two-argument `min()` (PostgreSQL: `<<` exists
 * on bigint, `min(a, b)` becomes `least(a, b)`): the same table and statement serve several app
 * servers on one database. Decision record: docs/decisions/014-account-security.md.
 */
import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { rateLimits } from "#db/schema";
import { config } from "~/config.server";
import { db, type Tx, transaction } from "~/lib/db.server";
import { AppError } from "~/lib/errors";

export type ThrottlePolicy = {
  /** Stable name, first part of every key of the policy. */
  name: string;
  /** Attempts allowed without waiting. */
  free: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long after the end of the last wait the streak is forgotten. */
  windowMs: number;
};

const MINUTE = 60_000;

/** The portal's policies; the sign-in ones follow LOGIN_* (app/config.server.ts). */
export function policies() {
  const c = config();
  const loginWindowMs = c.loginWindowMinutes * MINUTE;
  return {
    /**
     * Failed sign-ins to one account from one client address. Keyed on both so that an attacker
     * elsewhere cannot make the owner wait (issue 15, "lockout as a weapon").
     */
    signInAccount: { name: "signin-account", free: c.loginMaxFailures, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: loginWindowMs },
    /** Failed sign-ins from one client address, whatever the account: password spraying. */
    signInClient: { name: "signin-client", free: c.loginMaxFailuresPerClient, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: loginWindowMs },
    /** Sign-up forms from one client address (each one costs an argon2 hash and may send a mail). */
    signUpClient: { name: "signup-client", free: 5, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
    /** Account e-mails (activation, "you already have an account", reset link) sent to one address. */
    mailTo: { name: "mail-to", free: 3, baseDelayMs: 5 * MINUTE, maxDelayMs: 6 * 60 * MINUTE, windowMs: 60 * MINUTE },
    /** "Forgotten password" forms from one client address. */
    resetRequestClient: { name: "reset-client", free: 5, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 60 * MINUTE },
    /** Links followed from an e-mail (reset, activation) and invitation acceptances from one client address. */
    linkClient: { name: "link-client", free: 10, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE, windowMs: 15 * MINUTE },
  } satisfies Record<string, ThrottlePolicy>;
}

/** One counter: a policy and the subject it counts (an address, an e-mail, an account × address…). */
export type ThrottleKey = { policy: ThrottlePolicy; subject: string };

export function keyOf({ policy, subject }: ThrottleKey): string {
  // Hashed: the table never holds an e-mail or a client address in clear.
  return `${policy.name}:${crypto.createHash("sha256").update(subject).digest("base64url").slice(0, 32)}`;
}

/** What requests without a known client address share (a loader called outside the server). */
export const UNKNOWN_CLIENT = "client-inconnu";

export type Reservation = { ok: true } | { ok: false; retryAfterMs: number };

/** Delay imposed after the attempt numbered `hits` (an SQL expression): none while hits < free. */
function delayAfter(hits: SQL, p: ThrottlePolicy) {
  // No two-argument min (SQLite only) and a BIGINT product (PostgreSQL's integer would overflow):
  // the same SQL on both engines.
  const doublings = sql`(CASE WHEN ${hits} - ${p.free} > 30 THEN 30 ELSE ${hits} - ${p.free} END)`;
  const delay = sql`(CAST(${p.baseDelayMs} AS BIGINT) * (1 << ${doublings}))`;
  return sql`(CASE WHEN ${hits} < ${p.free} THEN 0 WHEN ${delay} > ${p.maxDelayMs} THEN ${p.maxDelayMs} ELSE ${delay} END)`;
}
type SQL = ReturnType<typeof sql>;

/** One key's reservation, one statement; `null` when the key must wait. */
async function reserveOne(tx: Tx, key: ThrottleKey, now: number): Promise<{ nextAt: number } | null> {
  const p = key.policy;
  const stale = sql`${rateLimits.expiresAt} <= ${now}`;
  const hits = sql`(CASE WHEN ${stale} THEN 1 ELSE ${rateLimits.hits} + 1 END)`;
  const firstNext = now + (1 < p.free ? 0 : p.baseDelayMs);
  const nextAt = sql`${now} + ${delayAfter(hits, p)}`;
  const row = (await tx
      .insert(rateLimits)
      .values({ key: keyOf(key), hits: 1, nextAt: firstNext, expiresAt: firstNext + p.windowMs })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: { hits, nextAt, expiresAt: sql`${nextAt} + ${p.windowMs}` },
        // Allowed when the streak is over or the wait has passed; otherwise nothing is written.
        // Also allowed while the streak is under `free` (no wait owed): a request whose `now` is a few
        // milliseconds older than a concurrent one's must not be refused for that.
        setWhere: sql`${stale} OR ${rateLimits.nextAt} <= ${now} OR ${rateLimits.hits} + 1 < ${p.free}`,
      })
      .returning({ nextAt: rateLimits.nextAt }))[0]!;
  return row ?? null;
}

class Refused extends Error {}

/**
 * Counts one attempt on every key, all or none: when one key must wait, nothing is counted and the
 * longest wait is returned. `work`, when given, runs in the same transaction once the attempt is
 * counted (one commit whatever it writes: the answer takes as long whether or not it writes).
 */
export async function reserve(keys: ThrottleKey[], now = Date.now(), work?: (tx: Tx) => Promise<void>): Promise<Reservation> {
  await purgeExpired(now);
  try {
    await transaction(async (tx) => {
            for (const key of keys) if (!await reserveOne(tx, key, now)) throw new Refused();
            await work?.(tx);
          });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { ok: false, retryAfterMs: await waitFor(keys, now) };
  }
}

/** How long until every key accepts an attempt again (for the 429 message and Retry-After). */
async function waitFor(keys: ThrottleKey[], now: number): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const row = (await db().select().from(rateLimits).where(eq(rateLimits.key, keyOf(key))).limit(1))[0];
    if (row && row.expiresAt > now) wait = Math.max(wait, row.nextAt - now);
  }
  return Math.max(wait, 1000);
}

/** `reserve`, or an AppError "rate-limited" (429 with Retry-After) saying how long to wait. */
export async function requireAttempt(keys: ThrottleKey[], now = Date.now()): Promise<void> {
  const r = await reserve(keys, now);
  if (!r.ok) throw tooManyAttempts(r.retryAfterMs);
}

/** A success ends the key's streak (a correct password clears that account × address counter). */
export async function clear(key: ThrottleKey): Promise<void> {
  await db().delete(rateLimits).where(eq(rateLimits.key, keyOf(key)));
}

/**
 * Gives back the attempt a success had reserved on a shared key (the client address: many people
 * behind one office address sign in successfully), and lifts its wait if it falls under `free`.
 */
export async function refund(key: ThrottleKey, now = Date.now()): Promise<void> {
  const p = key.policy;
  await db()
        .update(rateLimits)
        .set({
          hits: sql`CASE WHEN ${rateLimits.hits} > 0 THEN ${rateLimits.hits} - 1 ELSE 0 END`,
          nextAt: sql`CASE WHEN ${rateLimits.hits} - 1 < ${p.free} AND ${rateLimits.nextAt} > ${now} THEN ${now} ELSE ${rateLimits.nextAt} END`,
        })
        .where(and(eq(rateLimits.key, keyOf(key)), sql`${rateLimits.expiresAt} > ${now}`));
}

let lastPurge = 0;
/** Forgotten streaks are deleted at most once a minute, by whichever request comes. */
async function purgeExpired(now: number): Promise<void> {
  if (now - lastPurge < MINUTE) return;
  lastPurge = now;
  await db().delete(rateLimits).where(lt(rateLimits.expiresAt, now));
}

/** « 45 secondes », « 2 minutes », « 1 heure et 5 minutes »: a wait as the 429 message says it. */
export function frenchWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? "s" : ""}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes > 1 ? "s" : ""}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} heure${hours > 1 ? "s" : ""}${rest ? ` et ${rest} minute${rest > 1 ? "s" : ""}` : ""}`;
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  return `Trop de tentatives. Par sécurité, réessayez dans ${frenchWait(retryAfterMs)}.`;
}

export function tooManyAttempts(retryAfterMs: number): AppError {
  return new AppError("rate-limited", tooManyAttemptsMessage(retryAfterMs), { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) });
}

/** ResponseInit of a form answered with "too many attempts" on its own page: 429 and Retry-After. */
export function rateLimitedInit(retryAfterMs: number): ResponseInit {
  return { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) } };
}
