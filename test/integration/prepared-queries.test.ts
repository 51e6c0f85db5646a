import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations, sessions } from "#db/schema";
import { isSqlite, requestContext, runTransaction } from "#db/transaction";
import { getCurrentUser } from "~/auth/session.server";
import { db, transaction } from "~/lib/db.server";
import { preparedQuery } from "~/lib/prepared.server";
import { seed, signedInClient } from "../support/client";

// Queries prepared once (app/lib/prepared.server.ts, issue 16), on the engine of the project running
// this file: SQLite (integration) or PostgreSQL (integration-pg).
beforeAll(async () => {
  await seed();
});

const organisationNamed = preparedQuery("test_organisation_named", (database) =>
  database.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.name, sql.placeholder("name"))).limit(1),
);

describe("preparedQuery", () => {
  it("answers like the same query built each time, for each value, and sees rows written since", async () => {
    for (const name of ["Métropole Exemple — Direction des achats", "Organisation inconnue"]) {
      const expected = await db().select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(eq(organisations.name, name)).limit(1);
      expect(await organisationNamed({ name })).toEqual(expected);
    }
    expect(await organisationNamed({ name: "Écrite après la préparation" })).toEqual([]);
    const [created] = await db().insert(organisations).values({ name: "Écrite après la préparation", kind: "supplier" }).returning({ id: organisations.id });
    expect(await organisationNamed({ name: "Écrite après la préparation" })).toEqual([{ id: created!.id, kind: "supplier" }]);
  });

  it("given a transaction's tx, runs inside it: sees the transaction's own rows, nothing of it after a rollback", async () => {
    await expect(
      transaction(async (tx) => {
        await tx.insert(organisations).values({ name: "Dans la transaction", kind: "buyer" });
        expect(await organisationNamed({ name: "Dans la transaction" }, tx)).toHaveLength(1);
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    expect(await organisationNamed({ name: "Dans la transaction" })).toEqual([]);
  });

  it("the session lookup (prepared once) finds the signed-in user, and nobody once the session is gone", async () => {
    const client = await signedInClient("acheteur@metropole.example");
    const request = () => client.request("/acheteur");
    const user = await getCurrentUser(request());
    expect(user).toMatchObject({ email: "acheteur@metropole.example", role: "buyer" });
    await db().delete(sessions).where(eq(sessions.userId, user!.id));
    expect(await getCurrentUser(request())).toBeNull();
  });

  // SQLite only (one shared connection): PostgreSQL runs each request's queries on its own pooled connection.
  if (isSqlite(db())) it("SQLite: a prepared query of another request during an open transaction is refused, as any query", async () => {
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const slow = requestContext.run({ request: "A" }, () =>
      runTransaction(db(), async (tx) => {
        await tx.insert(organisations).values({ name: "Pendant l'attente", kind: "buyer" });
        release();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }),
    );
    await opened;
    await requestContext.run({ request: "B" }, async () => {
      await expect(organisationNamed({ name: "Pendant l'attente" })).rejects.toThrow(/autre requête HTTP pendant une transaction ouverte/);
    });
    await slow;
    expect(await organisationNamed({ name: "Pendant l'attente" })).toHaveLength(1);
  });
});
