/**
 * The throttle (app/auth/throttle.server.ts) beyond the rows of issue 15 (issue-15-rows.test.ts):
 * exponential back-off instead of a lock, the limiter's arithmetic and atomicity, and the same
 * protection on sign-up, password reset and invitation acceptance.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "#db/schema";
import { signInKeys } from "~/auth/accounts.server";
import { keyOf, policies, reserve, type ThrottlePolicy } from "~/auth/throttle.server";
import { db } from "~/lib/db.server";
import { action as signInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { action as inviteAction } from "~/routes/invitation.$token";
import { action as resetRequestAction } from "~/routes/mot-de-passe-oublie";
import { seed, TestClient } from "../support/client";
import { createInvitation, createPublishedTender } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
});

const DEMO = "demo-nr-procure";
const signIn = (client: TestClient, email: string, password: string) => client.post(signInAction, "/connexion", { email, password });

/** Lets time pass for one counter without sleeping: its wait ends now. */
async function endWait(key: Parameters<typeof keyOf>[0]) {
  await db().update(rateLimits).set({ nextAt: 0 }).where(eq(rateLimits.key, keyOf(key)));
}

describe("sign-in throttling", () => {
  it("backs off exponentially instead of locking: after each wait, one more try, then a wait twice as long", async () => {
    const client = await new TestClient().init();
    const email = "fournisseur@infoservices.example";
    const account = signInKeys(email, client.address).account;
    for (let i = 0; i < 5; i++) expect((await signIn(client, email, "faux")).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await signIn(client, email, "faux");
      expect(refused.status).toBe(429);
      waits.push(Number(refused.headers.get("Retry-After")));
      await endWait(account);
      expect((await signIn(client, email, "faux")).status).toBe(401);
    }
    // 1, 2, 4 minutes (rounded up to whole seconds).
    expect(waits[0]).toBeGreaterThan(55);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits[1]).toBeGreaterThan(115);
    expect(waits[1]).toBeLessThanOrEqual(120);
    expect(waits[2]).toBeGreaterThan(235);
    expect(waits[2]).toBeLessThanOrEqual(240);
    // Once the wait is over, the right password works and ends the streak.
    await endWait(account);
    expect((await signIn(client, email, DEMO)).status).toBe(302);
    expect((await db().select().from(rateLimits).where(eq(rateLimits.key, keyOf(account))).limit(1))[0]).toBeUndefined();
  });
});

describe("the limiter itself", () => {
  const policy: ThrottlePolicy = { name: "test-policy", free: 3, baseDelayMs: 1000, maxDelayMs: 5000, windowMs: 60_000 };
  const key = { policy, subject: "sujet" };

  it("lets `free` attempts through, then doubles the wait up to its maximum; refused attempts change nothing", async () => {
    const t0 = 1_000_000_000;
    expect([await reserve([key], t0), await reserve([key], t0), await reserve([key], t0)].every((r) => r.ok)).toBe(true);
    expect(await reserve([key], t0)).toEqual({ ok: false, retryAfterMs: 1000 });
    // Hammering does not lengthen the wait.
    for (let i = 0; i < 10; i++) await reserve([key], t0 + 500);
    expect(await reserve([key], t0 + 999)).toEqual({ ok: false, retryAfterMs: 1000 }); // (a wait is announced as 1 s at least)
    expect((await reserve([key], t0 + 1000)).ok).toBe(true); // 4th attempt: then 2 s
    expect(await reserve([key], t0 + 2999)).toMatchObject({ ok: false });
    expect((await reserve([key], t0 + 3000)).ok).toBe(true); // 5th: then 4 s
    expect((await reserve([key], t0 + 7000)).ok).toBe(true); // 6th: then 8 s, capped at 5 s
    expect(await reserve([key], t0 + 11_999)).toMatchObject({ ok: false });
    expect((await reserve([key], t0 + 12_000)).ok).toBe(true);
    // The streak is forgotten windowMs after the end of the last wait.
    expect((await reserve([key], t0 + 12_000 + 5000 + 60_000)).ok).toBe(true);
    expect((await reserve([key], t0 + 12_000 + 5000 + 60_000)).ok).toBe(true);
  });

  it("does not refuse an attempt under `free` whose clock reading is a little older than a concurrent one's", async () => {
    // Concurrent sign-ins from one office address: each request reads the clock before its turn.
    const office = { policy, subject: "bureau" };
    const t0 = 3_000_000_000;
    expect((await reserve([office], t0 + 5)).ok).toBe(true);
    expect((await reserve([office], t0)).ok).toBe(true);
    expect((await reserve([office], t0 + 2)).ok).toBe(true);
    // The fourth is over `free`: the wait applies as before.
    expect(await reserve([office], t0 + 3)).toMatchObject({ ok: false });
  });

  it("counts all keys of an attempt or none", async () => {
    const t0 = 2_000_000_000;
    const a = { policy: { ...policy, name: "test-a", free: 1 }, subject: "x" };
    const b = { policy: { ...policy, name: "test-b", free: 5 }, subject: "x" };
    expect((await reserve([a, b], t0)).ok).toBe(true);
    expect((await reserve([a, b], t0)).ok).toBe(false);
    const row = (await db().select().from(rateLimits).where(eq(rateLimits.key, keyOf(b))).limit(1))[0];
    expect(row?.hits).toBe(1);
  });

  it("stores no e-mail or client address in clear", async () => {
    const rows = await db().select().from(rateLimits);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key).not.toContain("@");
      expect(r.key).not.toContain("2001:db8");
    }
  });
});

describe("same protection for the other account forms", () => {
  it("sign-up: 5 forms from one client, then 429 with Retry-After", async () => {
    const client = await new TestClient().init();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const out = await client.post(signUpAction, "/inscription", {
        name: "Robot",
        email: `robot-${i}@spam.example`,
        password: "Chevaux-Mauves-Sous-La-Pluie",
        organisationName: `Robot ${i}`,
        organisationKind: "supplier",
      });
      statuses.push(out.status);
      if (out.status === 429) expect(out.headers.get("Retry-After")).toBeTruthy();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it("password reset: per client, and per address (no mail bombing)", async () => {
    const client = await new TestClient().init();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await client.post(resetRequestAction, "/mot-de-passe-oublie", { email: `inconnu-${i}@exemple.example` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);

    const target = "fournisseur@numerique-durable.example";
    const fromEverywhere: number[] = [];
    for (let i = 0; i < 5; i++) fromEverywhere.push((await (await new TestClient().init()).post(resetRequestAction, "/mot-de-passe-oublie", { email: target })).status);
    expect(fromEverywhere).toEqual([200, 200, 200, 429, 429]);
    expect(policies().mailTo.free).toBe(3);
  });

  it("invitation acceptance: 10 attempts from one client, then 429", async () => {
    const { tenderId } = await createPublishedTender(db());
    const { token } = await createInvitation(db(), { tenderId, supplierName: "Cible SA", email: "contact@cible.example" });
    const client = await new TestClient().init();
    const outcomes = [];
    for (let i = 0; i < 12; i++) {
      outcomes.push(await client.post(inviteAction, `/invitation/${token}`, { intent: "join", name: "Intrus", email: `intrus-${i}@x.example`, password: "Chevaux-Mauves-Sous-La-Pluie" }, { token }));
    }
    expect(outcomes.slice(0, 10).map((o) => o.status)).toEqual(Array(10).fill(400));
    expect(outcomes.slice(10).map((o) => o.status)).toEqual([429, 429]);
    // Shown on the error page: the French wait, and Retry-After for clients.
    expect(String(outcomes[11]!.body)).toMatch(/^Trop de tentatives\. Par sécurité, réessayez dans \d+ (secondes?|minutes?)\.$/);
    expect(Number(outcomes[11]!.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
