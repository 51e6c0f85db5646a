import { and, count, eq, gt, isNull } from "drizzle-orm";
import { loginAttempts, memberships, organisations, users, type Role } from "#db/schema";
import { config } from "~/config.server";
import { audit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import type { SignUpInput } from "./schemas";

// A real hash of a random password: verifying against it when the e-mail is unknown keeps the
// response time the same, so timing does not reveal which addresses have an account.
let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; userId: number; membershipId: number; role: Role }
  | { ok: false; reason: "invalid" | "rate-limited"; retryInMinutes?: number };

export async function signIn(email: string, password: string): Promise<SignInResult> {
  const c = config();
  const since = new Date(Date.now() - c.loginWindowMinutes * 60_000).toISOString();
  const failures =
    db()
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
      .get()?.n ?? 0;
  if (failures >= c.loginMaxFailures) {
    return { ok: false, reason: "rate-limited", retryInMinutes: c.loginWindowMinutes };
  }

  const user = db().select().from(users).where(and(eq(users.email, email), isNull(users.deletedAt))).get();
  dummyHash ??= hashPassword(crypto.randomUUID());
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash, password).then(() => false);
  const membership = user
    ? db()
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, user.id), isNull(memberships.deletedAt)))
        .orderBy(memberships.id)
        .get()
    : undefined;

  db().insert(loginAttempts).values({ email, success: Boolean(valid && membership) }).run();
  if (!user || !valid || !membership) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id, membershipId: membership.id, role: membership.role };
}

export type SignUpResult =
  | { ok: true; userId: number; membershipId: number; role: Role }
  | { ok: false; fieldErrors: Record<string, string[]> };

/** Creates the user, their organisation and their first membership in one transaction. */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  const role: Role = input.organisationKind === "buyer" ? "buyer" : "supplier";
  return db().transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (existing) {
      return {
        ok: false as const,
        fieldErrors: { email: ["Un compte existe déjà avec cette adresse. Connectez-vous ou utilisez une autre adresse."] },
      };
    }
    const org = tx
      .insert(organisations)
      .values({ name: input.organisationName, kind: input.organisationKind })
      .returning({ id: organisations.id })
      .get();
    const user = tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id })
      .get();
    const membership = tx
      .insert(memberships)
      .values({ userId: user.id, organisationId: org.id, role })
      .returning({ id: memberships.id })
      .get();
    audit(tx, { userId: user.id, organisationId: org.id, action: "account.sign-up", targetType: "user", targetId: user.id });
    return { ok: true as const, userId: user.id, membershipId: membership.id, role };
  });
}
