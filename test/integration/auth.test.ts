import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action as signInAction } from "~/routes/connexion";
import { action as signUpAction } from "~/routes/inscription";
import { action as signOutAction } from "~/routes/deconnexion";
import { loader as buyerHome } from "~/routes/acheteur._index";
import { loader as supplierHome } from "~/routes/fournisseur._index";
import { loader as adminHome } from "~/routes/admin._index";
import { auditLog, users } from "#db/schema";
import { signUpAndActivate } from "../support/accounts";
import { seed, signedInClient, TestClient } from "../support/client";

beforeAll(async () => {
  await seed();
});

describe("sign-in", () => {
  it("stores argon2id hashes, never the password", async () => {
    const u = (await db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0];
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.passwordHash).not.toContain("demo-nr-procure");
  });

  it("signs in with the demo password and sets an httpOnly, Secure, SameSite=Lax session cookie", async () => {
    const client = await new TestClient().init();
    const out = await client.post(signInAction, "/connexion", { email: "ACHETEUR@metropole.example ", password: "demo-nr-procure" });
    expect(out.status).toBe(302);
    expect(out.location).toBe("/acheteur");
    const cookie = out.headers.getSetCookie().find((c) => c.startsWith("__session="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("refuses a form posted without the CSRF token", async () => {
    const client = await new TestClient().init();
    const out = await client.post(signInAction, "/connexion", { email: "acheteur@metropole.example", password: "demo-nr-procure" }, {}, { csrf: false });
    expect(out.status).toBe(403);
    expect(String(out.body)).toContain("CSRF");
  });

  it("refuses a token taken from another visitor", async () => {
    const attacker = await new TestClient().init();
    const victim = await new TestClient().init();
    victim.csrf = attacker.csrf;
    const out = await victim.post(signInAction, "/connexion", { email: "acheteur@metropole.example", password: "demo-nr-procure" });
    expect(out.status).toBe(403);
  });

  it("does not follow an off-site redirectTo", async () => {
    const client = await new TestClient().init();
    const out = await client.post(signInAction, "/connexion", { email: "rse@metropole.example", password: "demo-nr-procure", redirectTo: "//evil.example/x" });
    expect(out.location).toBe("/rse");
  });

  it("slows down failed sign-ins to one account from one client, without refusing the right password elsewhere", async () => {
    const client = await new TestClient().init();
    for (let i = 0; i < 5; i++) {
      const out = await client.post(signInAction, "/connexion", { email: "evaluateur@metropole.example", password: "mauvais" });
      expect(out.status).toBe(401);
      expect((out.body as { formError: string }).formError).toBe("Adresse e-mail ou mot de passe incorrect.");
    }
    const blocked = await client.post(signInAction, "/connexion", { email: "evaluateur@metropole.example", password: "demo-nr-procure" });
    expect(blocked.status).toBe(429);
    expect((blocked.body as { formError: string }).formError).toMatch(/^Trop de tentatives\. Par sécurité, réessayez dans (\d+ secondes?|1 minute)\.$/);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another account from the same client is not affected, nor the same account from another client.
    expect((await client.post(signInAction, "/connexion", { email: "rse@metropole.example", password: "demo-nr-procure" })).status).toBe(302);
    expect((await signedInClient("evaluateur@metropole.example")).csrf).toBeTruthy();
  });

  it("gives French field errors and keeps the typed e-mail", async () => {
    const client = await new TestClient().init();
    const out = await client.post(signInAction, "/connexion", { email: "pas-une-adresse", password: "" });
    expect(out.status).toBe(400);
    const body = out.body as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors.email?.[0]).toBe("Adresse e-mail invalide");
    expect(body.fieldErrors.password?.[0]).toBe("Mot de passe obligatoire");
    expect(body.values.email).toBe("pas-une-adresse");
    expect(body.values.password).toBeUndefined();
  });
});

describe("roles", () => {
  it("answers 403 with a French explanation when the role does not fit", async () => {
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    const out = await supplier.get(buyerHome, "/acheteur");
    expect(out.status).toBe(403);
    expect(String(out.body)).toContain("réservée au rôle acheteur ou évaluateur");
    expect((await supplier.get(adminHome, "/admin")).status).toBe(403);
    expect((await supplier.get(supplierHome, "/fournisseur")).status).toBe(200);
  });

  it("redirects anonymous visitors to the sign-in page with a way back", async () => {
    const anonymous = await new TestClient().init();
    const out = await anonymous.get(buyerHome, "/acheteur");
    expect(out.status).toBe(302);
    expect(out.location).toBe("/connexion?redirectTo=%2Facheteur");
  });

  it("shows a buyer only the members of their own organisation", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.get(buyerHome, "/acheteur");
    const emails = (out.body as { members: { email: string }[] }).members.map((m) => m.email).sort();
    expect(emails).toEqual(["acheteur@metropole.example", "evaluateur@metropole.example", "rse@metropole.example"]);
  });

  it("revokes the session on sign-out: the old cookie no longer works", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const stolenCookie = buyer.request("/").headers.get("Cookie")!;
    await buyer.post(signOutAction, "/deconnexion", {});
    const replay = await buyerHome({ request: new Request("http://localhost/acheteur", { headers: { Cookie: stolenCookie } }), params: {}, context: {} }).catch((r: Response) => r);
    expect((replay as Response).status).toBe(302);
  });
});

describe("sign-up", () => {
  it("creates user, organisation and membership once the e-mailed link is followed, and records it in the audit log", async () => {
    const client = await new TestClient().init();
    const email = "lea@nouvel-acheteur.example";
    await signUpAndActivate(client, { name: "Léa Nouvel", email, password: "un-mot-de-passe-long", organisationName: "Département Nouvel", organisationKind: "buyer" });
    expect((await client.get(buyerHome, "/acheteur")).status).toBe(200);
    const user = (await db().select().from(users).where(eq(users.email, email)).limit(1))[0]!;
    const entry = await db().select().from(auditLog).where(eq(auditLog.action, "account.sign-up"));
    expect(entry.map((e) => e.userId)).toContain(user.id);
  });

  it("refuses a short password in French", async () => {
    const client = await new TestClient().init();
    const short = await client.post(signUpAction, "/inscription", {
      name: "Quelqu'un",
      email: "x@y.example",
      password: "court",
      organisationName: "Autre",
      organisationKind: "supplier",
    });
    expect(short.status).toBe(400);
    expect((short.body as { fieldErrors: Record<string, string[]> }).fieldErrors.password?.[0]).toContain("12 caractères");
  });
});

describe("platform administration", () => {
  it("lets an admin change a role within what the organisation kind allows, and records it", async () => {
    const { action: adminAction } = await import("~/routes/admin._index");
    const { memberships } = await import("#db/schema");
    const admin = await signedInClient("admin@nr-procure.example");
    const evaluator = (await db().select().from(users).where(eq(users.email, "evaluateur@metropole.example")).limit(1))[0]!;
    const membership = (await db().select().from(memberships).where(eq(memberships.userId, evaluator.id)).limit(1))[0]!;

    const wrongKind = await admin.post(adminAction, "/admin", { membershipId: String(membership.id), role: "supplier" });
    expect(wrongKind.status).toBe(400);
    expect((wrongKind.body as { message: string }).message).toContain("n'existe pas dans une organisation de ce type");

    const ok = await admin.post(adminAction, "/admin", { membershipId: String(membership.id), role: "rse" });
    expect(ok.status).toBe(200);
    expect((await db().select().from(memberships).where(eq(memberships.id, membership.id)).limit(1))[0]?.role).toBe("rse");
    const logged = await db().select().from(auditLog).where(eq(auditLog.action, "membership.role-change"));
    expect(logged.at(-1)?.details).toEqual({ from: "evaluator", to: "rse" });

    const back = await admin.post(adminAction, "/admin", { membershipId: String(membership.id), role: "evaluator" });
    expect(back.status).toBe(200);
  });

  it("refuses role changes to anyone but an admin", async () => {
    const { action: adminAction } = await import("~/routes/admin._index");
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.post(adminAction, "/admin", { membershipId: "1", role: "admin" });
    expect(out.status).toBe(403);
  });
});
