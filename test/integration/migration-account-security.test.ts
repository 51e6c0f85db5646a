/**
 * The hand-written part of migration 0003 (db/migrations/0003_account_security.sql): the sessions
 * table is rebuilt with new NOT NULL columns, keeping the sessions of a database that already has
 * some (each gets a random public id, last seen = created).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "#db/connection";

const dirs: string[] = [];
afterEach(() => {
  delete process.env.MIGRATIONS_DIR;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string): string {
  const source = migrationsFolder();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-mig-"));
  dirs.push(dir);
  fs.cpSync(source, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, stop);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("migration 0003 (account security)", () => {
  it("keeps existing sessions, gives each a distinct public id, and drops the old sign-in log", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nr-mig-db-")), "db.sqlite");
    dirs.push(path.dirname(file));
    process.env.MIGRATIONS_DIR = migrationsBefore("0003_account_security");
    const before = openDatabase(file);
    const c = before.$client;
    c.prepare("insert into users (email, name, password_hash) values ('a@b.example', 'A', 'x')").run();
    c.prepare("insert into organisations (name, kind) values ('O', 'buyer')").run();
    c.prepare("insert into memberships (user_id, organisation_id, role) values (1, 1, 'buyer')").run();
    for (const id of ["s1", "s2"]) c.prepare("insert into sessions (id, user_id, membership_id, expires_at) values (?, 1, 1, '2099-01-01T00:00:00.000Z')").run(id);
    expect(c.prepare("select count(*) as n from login_attempts").get()).toEqual({ n: 0 });
    c.close();

    delete process.env.MIGRATIONS_DIR;
    const after = openDatabase(file);
    const rows = after.$client.prepare("select * from sessions order by id").all() as Record<string, string>[];
    expect(rows.map((r) => r.id)).toEqual(["s1", "s2"]);
    expect(new Set(rows.map((r) => r.public_id)).size).toBe(2);
    for (const r of rows) {
      expect(r.public_id).toMatch(/^[0-9a-f]{32}$/);
      expect(r.last_seen_at).toBe(r.created_at);
      expect(r.user_agent).toBe("");
    }
    expect(after.$client.prepare("select name from sqlite_master where name = 'login_attempts'").get()).toBeUndefined();
    expect(after.$client.pragma("foreign_key_check")).toEqual([]);
    after.$client.close();
  });
});
