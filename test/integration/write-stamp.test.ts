/**
 * The database write stamp (app/lib/write-stamp.server.ts), key of the page cache and of the
 * comparison cache: it moves with every committed write, on SQLite and PostgreSQL, and stays put
 * while nothing is written — also when another caller prepared the same SQL text and changed the
 * result mode of the statement the guarded SQLite connection hands to both (db/transaction.ts).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { organisations } from "#db/schema";
import { isPostgres } from "#db/connection";
import { db } from "~/lib/db.server";
import { writeStamp } from "~/lib/write-stamp.server";
import { seed } from "../support/client";

beforeAll(async () => {
  await seed();
});

describe("writeStamp", () => {
  it("stays put while nothing is written and moves with each committed write", async () => {
    const before = await writeStamp();
    expect(await writeStamp()).toBe(before);
    const [first] = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).limit(1);
    await db().update(organisations).set({ name: `${first!.name} ` }).where(eq(organisations.id, first!.id));
    const after = await writeStamp();
    expect(after).not.toBe(before);
    await db().update(organisations).set({ name: first!.name }).where(eq(organisations.id, first!.id));
    expect(await writeStamp()).not.toBe(after);
  });

  it("still moves when another caller took the same statements in another result mode", async () => {
    const connection = db();
    if (!isPostgres(connection)) {
      connection.$client.prepare("select total_changes() as n").pluck();
      connection.$client.prepare("pragma data_version").raw();
    }
    const before = await writeStamp();
    expect(before).not.toContain("undefined");
    const [first] = await db().select({ id: organisations.id, name: organisations.name }).from(organisations).limit(1);
    await db().update(organisations).set({ name: first!.name }).where(eq(organisations.id, first!.id));
    expect(await writeStamp()).not.toBe(before);
  });
});
