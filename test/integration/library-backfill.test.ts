import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { migrationsFolder } from "#db/connection";

/**
 * Migration 0005 (custom SQL) copies the answers of the submissions made before the library was
 * filled at submission. Checked as it runs for real: a database migrated up to 0004 receives
 * submissions the old way, then the full migrations folder is applied, as `openDatabase` does on
 * the next start.
 */
const BACKFILL = "0005_backfill_answer_library";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-backfill-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder whose journal stops before the back-fill. */
function migrationsBefore(tag: string): string {
  const copy = path.join(dir, "migrations-before");
  fs.cpSync(migrationsFolder(), copy, { recursive: true });
  const journalFile = path.join(copy, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return copy;
}

const answer = (questionId: string, level: number | null, text: string, notApplicable = false) => ({
  questionId,
  level,
  text,
  notApplicable,
  notApplicableReason: notApplicable ? "Pas de centre de données" : "",
  files: [],
});

describe("migration 0005: answer library back-filled from existing submissions", () => {
  it("keeps, per organisation, guide version and question, the latest submitted answer with its tender — unless the library holds a later one", () => {
    const sqlite = new Database(path.join(dir, "old.sqlite"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite);
    migrate(db, { migrationsFolder: migrationsBefore(BACKFILL) });

    const run = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).run(...params).lastInsertRowid as number;
    const buyerOrg = run("insert into organisations (name, kind) values ('Acheteur', 'buyer')");
    const supplierA = run("insert into organisations (name, kind) values ('Fournisseur A', 'supplier')");
    const supplierB = run("insert into organisations (name, kind) values ('Fournisseur B', 'supplier')");
    const buyer = run("insert into users (email, name, password_hash) values ('a@x.example', 'Acheteur', 'x')");
    const userA = run("insert into users (email, name, password_hash) values ('f@a.example', 'Fournisseur A', 'x')");
    const userB = run("insert into users (email, name, password_hash) values ('f@b.example', 'Fournisseur B', 'x')");
    const tender = (title: string) =>
      run("insert into tenders (organisation_id, created_by, title, reference, segment, deadline, draft_method) values (?, ?, ?, 'R', 'postes-de-travail', '2030-01-01T00:00:00.000Z', '{}')", buyerOrg, buyer, title);
    const [t1, t2] = [tender("Ancienne consultation"), tender("Consultation récente")];
    const submit = (t: number, org: number, user: number, at: string, content: unknown, withdrawnAt: string | null = null) => {
      const response = run("insert into responses (tender_id, supplier_organisation_id, guide_version, status) values (?, ?, '2026.1', 'submitted')", t, org);
      return run(
        "insert into submissions (response_id, tender_id, supplier_organisation_id, submitted_by, submitted_at, content_sha256, content, withdrawn_at) values (?, ?, ?, ?, ?, 'h', ?, ?)",
        response,
        t,
        org,
        user,
        at,
        typeof content === "string" ? content : JSON.stringify(content),
        withdrawnAt,
      );
    };
    const old = submit(t1, supplierA, userA, "2026-01-10T10:00:00.000Z", {
      tenderId: t1,
      guideVersion: "2026.1",
      methodSha256: "m",
      answers: [answer("GOUV-01", 2, "Ancienne réponse"), answer("GOUV-02", 3, "Seulement dans l'ancienne"), answer("INFRA-03", null, "", true)],
    });
    const recent = submit(
      t2,
      supplierA,
      userA,
      "2026-03-01T10:00:00.000Z",
      { tenderId: t2, guideVersion: "2026.1", methodSha256: "m", answers: [answer("GOUV-01", 4, "Réponse récente"), answer("GOUV-03", 1, "Plus ancienne que le brouillon")] },
      "2026-03-02T10:00:00.000Z", // withdrawn afterwards: it was submitted all the same
    );
    const fromB = submit(t2, supplierB, userB, "2026-02-01T10:00:00.000Z", { tenderId: t2, guideVersion: "2026.1", methodSha256: "m", answers: [answer("GOUV-01", 1, "Réponse de B")] });
    submit(t1, supplierB, userB, "2026-02-02T10:00:00.000Z", "pas du JSON");
    // Library rows written by draft saves under the old rule: one later than the submissions, one earlier.
    run("insert into answer_library (supplier_organisation_id, guide_version, question_id, level, text, updated_at) values (?, '2026.1', 'GOUV-03', 5, 'Brouillon plus récent', '2026-04-01T00:00:00.000Z')", supplierA);
    run("insert into answer_library (supplier_organisation_id, guide_version, question_id, level, text, updated_at) values (?, '2026.1', 'GOUV-01', 1, 'Brouillon ancien', '2025-12-01T00:00:00.000Z')", supplierA);

    migrate(db, { migrationsFolder: migrationsFolder() });

    type Row = { org: number; question_id: string; level: number | null; text: string; not_applicable: number; source: string; source_tender_id: number | null; source_submission_id: number | null; updated_at: string; updated_by: number | null };
    const rows = sqlite
      .prepare("select supplier_organisation_id as org, question_id, level, text, not_applicable, source, source_tender_id, source_submission_id, updated_at, updated_by from answer_library order by org, question_id")
      .all() as Row[];
    const of = (org: number, q: string) => rows.find((r) => r.org === org && r.question_id === q);

    expect(of(supplierA, "GOUV-01")).toMatchObject({ level: 4, text: "Réponse récente", source: "submission", source_tender_id: t2, source_submission_id: recent, updated_at: "2026-03-01T10:00:00.000Z", updated_by: userA });
    expect(of(supplierA, "GOUV-02")).toMatchObject({ level: 3, text: "Seulement dans l'ancienne", source: "submission", source_tender_id: t1, source_submission_id: old });
    expect(of(supplierA, "INFRA-03")).toMatchObject({ level: null, not_applicable: 1, source: "submission", source_submission_id: old });
    expect(of(supplierA, "GOUV-03")).toMatchObject({ level: 5, text: "Brouillon plus récent", source: "draft", source_tender_id: null });
    expect(of(supplierB, "GOUV-01")).toMatchObject({ level: 1, text: "Réponse de B", source_submission_id: fromB });
    expect(rows.filter((r) => r.org === supplierB)).toHaveLength(1); // the unreadable content is skipped
    expect(rows).toHaveLength(5);
    sqlite.close();
  });
});
