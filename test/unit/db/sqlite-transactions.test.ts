import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/connection";
import { organisations } from "#db/schema";
import { guardSqliteConnection, requestContext, runTransaction } from "#db/transaction";

// The SQLite side of the transaction helper (docs/decisions/023-async-data-layer.md), on a real file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-tx-"));
const db = openDatabase(path.join(dir, "tx.sqlite"));
guardSqliteConnection(db.$client);
afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const names = async () => (await db.select({ name: organisations.name }).from(organisations).orderBy(organisations.id)).map((o) => o.name);

describe("SQLite transactions (async callback)", () => {
  it("commits everything or nothing", async () => {
    await runTransaction(db, async (tx) => {
      await tx.insert(organisations).values({ name: "Gardée", kind: "buyer" });
    });
    await expect(
      runTransaction(db, async (tx) => {
        await tx.insert(organisations).values({ name: "Annulée", kind: "buyer" });
        throw new Error("échec au milieu");
      }),
    ).rejects.toThrow("échec au milieu");
    expect(await names()).toEqual(["Gardée"]);
  });

  it("runs concurrent transactions one after the other, and a nested one as a savepoint", async () => {
    const order: string[] = [];
    await Promise.all(
      ["A", "B", "C"].map((n) =>
        runTransaction(db, async (tx) => {
          order.push(`début ${n}`);
          await tx.insert(organisations).values({ name: `Tour ${n}`, kind: "supplier" });
          await tx.select().from(organisations);
          order.push(`fin ${n}`);
        }),
      ),
    );
    expect(order).toEqual(["début A", "fin A", "début B", "fin B", "début C", "fin C"]);
    await runTransaction(db, async (tx) => {
      await tx.insert(organisations).values({ name: "Externe", kind: "buyer" });
      await expect(
        runTransaction(db, async (inner) => {
          await inner.insert(organisations).values({ name: "Interne", kind: "buyer" });
          throw new Error("savepoint annulé");
        }),
      ).rejects.toThrow("savepoint annulé");
    });
    expect(await names()).toContain("Externe");
    expect(await names()).not.toContain("Interne");
  });

  it("refuses a query of another request while a transaction waits on something else than the database", async () => {
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const slow = requestContext.run({ request: "A" }, () =>
      runTransaction(db, async (tx) => {
        await tx.insert(organisations).values({ name: "Pendant l'attente", kind: "buyer" });
        release();
        // A callback that waits on the event loop: the bug the guard exists to reveal.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }),
    );
    await opened;
    await requestContext.run({ request: "B" }, async () => {
      await expect(db.select().from(organisations).where(eq(organisations.name, "Pendant l'attente"))).rejects.toThrow(/autre requête HTTP pendant une transaction ouverte/);
    });
    await slow;
    // Outside any transaction, request B reads the committed row.
    await requestContext.run({ request: "B" }, async () => {
      expect(await db.select().from(organisations).where(eq(organisations.name, "Pendant l'attente"))).toHaveLength(1);
    });
  });

  it("refuses a query of another request prepared before the transaction opened (statement cache)", async () => {
    // The same SELECT compiled once, outside any transaction: handing it out again still checks the guard.
    await db.select().from(organisations).where(eq(organisations.name, "Avant"));
    let release!: () => void;
    const opened = new Promise<void>((resolve) => (release = resolve));
    const slow = requestContext.run({ request: "A" }, () =>
      runTransaction(db, async (tx) => {
        release();
        await new Promise((resolve) => setTimeout(resolve, 30));
        await tx.select().from(organisations);
      }),
    );
    await opened;
    await requestContext.run({ request: "B" }, async () => {
      await expect(db.select().from(organisations).where(eq(organisations.name, "Avant"))).rejects.toThrow(/autre requête HTTP pendant une transaction ouverte/);
    });
    await slow;
  });
});

describe("SQLite statement cache (guardSqliteConnection, issue 16)", () => {
  const client = db.$client;

  it("hands out the same compiled statement for the same SQL, reset to the default result mode", () => {
    const first = client.prepare("SELECT name FROM organisations ORDER BY id LIMIT 1");
    first.raw();
    const again = client.prepare("SELECT name FROM organisations ORDER BY id LIMIT 1");
    expect(again).toBe(first);
    // Objects again, not the raw arrays the previous user asked for.
    expect(again.get()).toEqual({ name: "Gardée" });
    first.pluck();
    expect(client.prepare("SELECT name FROM organisations ORDER BY id LIMIT 1").get()).toEqual({ name: "Gardée" });
  });

  it("never hands out a statement that is still running, and does not keep very long SQL", () => {
    const sqlText = "SELECT id FROM organisations ORDER BY id";
    const running = client.prepare(sqlText);
    const iterator = running.iterate();
    iterator.next();
    const other = client.prepare(sqlText);
    expect(other).not.toBe(running);
    expect(other.all().length).toBeGreaterThan(1);
    iterator.return?.();
    const long = `SELECT 1 AS one${" ".repeat(5_000)}`;
    expect(client.prepare(long)).not.toBe(client.prepare(long));
  });

  it("still sees schema changes: a statement cached before a table is dropped and created again", () => {
    client.exec("CREATE TABLE cache_probe (a INTEGER)");
    client.prepare("INSERT INTO cache_probe (a) VALUES (?)").run(1);
    expect(client.prepare("SELECT * FROM cache_probe").all()).toEqual([{ a: 1 }]);
    client.exec("DROP TABLE cache_probe");
    expect(() => client.prepare("SELECT * FROM cache_probe").all()).toThrow(/no such table/);
    client.exec("CREATE TABLE cache_probe (a INTEGER, b TEXT)");
    client.prepare("INSERT INTO cache_probe (a) VALUES (?)").run(2);
    expect(client.prepare("SELECT * FROM cache_probe").all()).toEqual([{ a: 2, b: null }]);
  });
});
