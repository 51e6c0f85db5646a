import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, tableCounts } from "#db/backup";
import { openDatabase, type Db } from "#db/connection";
import { seedDemoData } from "~/demo/seed.server";

/**
 * `npm run backup` (issue 15, item 6): a backup taken while the portal's connection is open and
 * its last commits are still in the WAL, restored by opening the copy, holds exactly the same
 * rows, passes `PRAGMA integrity_check`, and is one self-contained file.
 */
const dir = path.join(process.env.DATA_DIR!, "backup-test");
const sourceFile = path.join(dir, "nr-procure.sqlite");
let live: Db;

function allRows(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(Object.keys(tableCounts(db)).map((t) => [t, db.prepare(`select * from "${t}" order by rowid`).all()]));
}

beforeAll(async () => {
  live = openDatabase(sourceFile);
  await seedDemoData(live);
  // Commits the portal made a moment ago: still in the WAL, not yet in the main file.
  live.$client.exec("insert into outbox (organisation_id, to_email, kind, subject, body) select id, 'sauvegarde@example.org', 'test', 'Dans le WAL', 'pas encore reporté' from organisations limit 1");
  expect(fs.statSync(`${sourceFile}-wal`).size).toBeGreaterThan(0);
});

afterAll(() => {
  live.$client.close();
});

describe("online backup", () => {
  it("copies every row of every table, WAL included, into one checked file that opens as the portal's database", async () => {
    const target = path.join(dir, "sauvegardes", "copie.sqlite");
    const result = await backupDatabase(sourceFile, target);
    expect(result.target).toBe(target);
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
    expect(fs.existsSync(`${target}-wal`)).toBe(false);

    const expected = allRows(live.$client);
    expect(expected.users!.length).toBeGreaterThan(0);
    expect(expected.response_answers!.length).toBeGreaterThan(0);
    expect((expected.outbox as { subject: string }[]).map((o) => o.subject)).toContain("Dans le WAL");
    expect(result.tables).toEqual(Object.fromEntries(Object.entries(expected).map(([t, rows]) => [t, rows.length])));

    // Restore: the copy becomes a data folder's database and is opened the way the portal opens it.
    const restoredFile = path.join(dir, "restauration", "nr-procure.sqlite");
    fs.mkdirSync(path.dirname(restoredFile), { recursive: true });
    fs.copyFileSync(target, restoredFile);
    const restored = openDatabase(restoredFile);
    try {
      expect(restored.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(allRows(restored.$client)).toEqual(expected);
    } finally {
      restored.$client.close();
    }
  });

  it("stays consistent while another connection keeps writing", async () => {
    const writer = new Database(sourceFile);
    // ~3 MB, so that the copy takes several steps and the writes below land between them.
    writer.transaction(() => {
      const bulk = writer.prepare("insert into outbox (organisation_id, to_email, kind, subject, body) values (1, 'x@example.org', 'volume', 'volume', ?)");
      for (let i = 0; i < 3000; i++) bulk.run("x".repeat(1000));
    })();
    const before = (writer.prepare("select count(*) as n from outbox").get() as { n: number }).n;
    let writes = 0;
    let stop = false;
    const insert = writer.prepare("insert into outbox (organisation_id, to_email, kind, subject, body) values (1, 'x@example.org', 'test', ?, '')");
    const loop = (async () => {
          while (!stop) {
            insert.run(`écriture ${++writes}`);
            await new Promise((r) => setImmediate(r));
          }
        })();
    const target = path.join(dir, "sauvegardes", "pendant-les-ecritures.sqlite");
    const result = await backupDatabase(sourceFile, target);
    stop = true;
    await loop;
    expect(writes).toBeGreaterThan(1); // the writer really ran during the backup
    const after = (writer.prepare("select count(*) as n from outbox").get() as { n: number }).n;
    writer.close();

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const n = (copy.prepare("select count(*) as n from outbox").get() as { n: number }).n;
      expect(n).toBe(result.tables.outbox);
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThanOrEqual(after);
      // A snapshot: the rows it holds are a prefix of what was written, no gap.
      const subjects = (copy.prepare("select subject from outbox where kind = 'test' and subject like 'écriture %' order by id").all() as { subject: string }[]).map((r) => r.subject);
      expect(subjects).toEqual(subjects.map((_, i) => `écriture ${i + 1}`));
    } finally {
      copy.close();
    }
  });

  it("never overwrites an existing file, and refuses a missing database, in French", async () => {
    const target = path.join(dir, "sauvegardes", "copie.sqlite");
    await expect(backupDatabase(sourceFile, target)).rejects.toThrow(BackupError);
    await expect(backupDatabase(sourceFile, target)).rejects.toThrow(/existe déjà/);
    await expect(backupDatabase(path.join(dir, "absente.sqlite"), path.join(dir, "x.sqlite"))).rejects.toThrow(/introuvable/);
    await expect(backupDatabase(sourceFile, sourceFile)).rejects.toThrow(BackupError);
  });

  it("`npm run backup -- <file>` backs up the configured database and says so in French", () => {
    const target = path.join(dir, "sauvegardes", "cli.sqlite");
    const { SESSION_SECRET: _unset, ...env } = process.env;
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], { env: { ...env, DATA_DIR: dir }, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Sauvegarde écrite : ${target}`);
    expect(run.stdout).toContain("integrity_check : ok");
    // No secret file was generated in the data folder as a side effect.
    expect(fs.existsSync(path.join(dir, "session-secret"))).toBe(false);
    const copy = new Database(target, { readonly: true });
    try {
      expect(tableCounts(copy)).toEqual(tableCounts(live.$client));
    } finally {
      copy.close();
    }
    const again = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", target], { env: { ...process.env, DATA_DIR: dir }, encoding: "utf8" });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("existe déjà");
  });
});
