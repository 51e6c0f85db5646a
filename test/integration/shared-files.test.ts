/**
 * Uploaded files shared by every app server (issue 19). PostgreSQL mode: the bytes are in the
 * database (`file_blobs`, 1 MiB chunks, written with the `files` row) and DATA_DIR/files is each
 * server's cache, refilled from the database (SHA-256 checked) when a file is missing. SQLite mode:
 * the folder IS the store, as before — nothing goes to `file_blobs`, and a file removed from the
 * folder is gone (404), which is what these tests check on that engine. The same file runs on both
 * projects (`integration` and `integration-pg`). Also: the mail cycle runs on one server at a time.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { closeDatabase, isPostgres, openDatabase, openPostgres, postgresPool, type Db } from "#db/connection";
import { FILE_CHUNK_BYTES, fileBlobs, files } from "#db/schema";
import { config } from "~/config.server";
import { db } from "~/lib/db.server";
import { CORRUPTED_FILE_MESSAGE, ensureLocalBlob, storagePath } from "~/lib/files.server";
import { MAIL_CYCLE_LOCK_KEY, runMailCycle } from "~/mail/worker.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as fileLoader } from "~/routes/fichiers.$fileId";
import { seed, signedInClient, type TestClient } from "../support/client";
import { loadQuestionnaire } from "../support/questionnaire";
import { DEMO_SUPPLIER1_ORG, tenderForSupplier } from "../support/fixtures-tenders";

// Room for a file of several chunks (read lazily by config()).
process.env.UPLOAD_MAX_FILE_BYTES = String(8 * 1024 * 1024);
process.env.UPLOAD_MAX_TENDER_BYTES = String(32 * 1024 * 1024);

const S1 = "fournisseur@numerique-durable.example";
const Q1 = currentGuide.questions[0]!.id;
const qPath = (id: number) => `/fournisseur/consultations/${id}`;
let supplier: TestClient;
let tenderId: number;
let elsewhere: string;

beforeAll(async () => {
  await seed();
  ({ tenderId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: S1 }));
  supplier = await signedInClient(S1);
  elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "nr-other-server-"));
});
afterAll(() => fs.rmSync(elsewhere, { recursive: true, force: true }));

const pg = () => isPostgres(db());

/** An ASCII "PDF" of `size` bytes, different for each marker (so each has its own SHA-256). */
function pdfText(size: number, marker: string): string {
  const head = `%PDF-1.7\n% ${marker}\n`;
  let body = head;
  for (let i = 0; body.length < size; i++) body += `ligne ${i} ${marker}\n`;
  return body.slice(0, size);
}

async function uploadEvidence(text: string, name: string): Promise<{ fileId: number; sha256: string }> {
  const fd = new FormData();
  fd.set("intent", "upload");
  fd.set("questionId", Q1);
  fd.set("file", new Blob([text], { type: "application/pdf" }), name);
  const out = await supplier.post(qAction, qPath(tenderId), fd, { tenderId: String(tenderId) });
  expect(out.status).toBe(200);
  const q = (await loadQuestionnaire(supplier, tenderId)).body as { files: Record<string, { fileId: number; originalName: string }[]> };
  const fileId = q.files[Q1]!.find((f) => f.originalName === name)!.fileId;
  const row = (await db().select().from(files).where(eq(files.id, fileId)).limit(1))[0]!;
  expect(row.sha256).toBe(crypto.createHash("sha256").update(text).digest("hex"));
  return { fileId, sha256: row.sha256 };
}

const download = (fileId: number) => supplier.get(fileLoader, `/fichiers/${fileId}`, { fileId: String(fileId) });

/** Empties this server's file folder, as on a freshly started app server (or a lost disk). */
function emptyLocalFolder(): void {
  fs.rmSync(config().filesDir, { recursive: true, force: true });
  fs.mkdirSync(config().filesDir, { recursive: true });
}

async function chunksOf(hash: string) {
  return await db().select({ chunk: fileBlobs.chunk, bytes: fileBlobs.bytes }).from(fileBlobs).where(eq(fileBlobs.sha256, hash)).orderBy(fileBlobs.chunk);
}

describe("uploaded files across app servers", () => {
  it("a file uploaded through one handle is still downloadable, whole, once the local folder is emptied (PostgreSQL); on SQLite the folder is the store", async () => {
    const text = pdfText(FILE_CHUNK_BYTES * 2 + 12_345, "plusieurs-morceaux");
    const { fileId, sha256 } = await uploadEvidence(text, "gros-justificatif.pdf");
    expect(String((await download(fileId)).body)).toBe(text);

    emptyLocalFolder();
    expect(fs.existsSync(storagePath(sha256))).toBe(false);
    const again = await download(fileId);
    if (pg()) {
      // Three chunks of at most 1 MiB, the last one partial, fetched back and checked.
      expect((await chunksOf(sha256)).map((c) => [c.chunk, c.bytes.length])).toEqual([
        [0, FILE_CHUNK_BYTES],
        [1, FILE_CHUNK_BYTES],
        [2, 12_345],
      ]);
      expect(again.status).toBe(200);
      expect(again.headers.get("Content-Length")).toBe(String(text.length));
      expect(String(again.body)).toBe(text);
      expect(fs.readFileSync(storagePath(sha256), "utf8")).toBe(text); // cached again on this server
      expect(fs.readdirSync(path.join(config().filesDir, "tmp"))).toEqual([]);
    } else {
      // SQLite keeps no bytes in the database: the folder was the only copy.
      expect((await db().select({ n: count() }).from(fileBlobs))[0]!.n).toBe(0);
      expect(again.status).toBe(404);
      expect(String(again.body)).toBe("Fichier introuvable dans le stockage.");
    }
  });

  it("another app server (its own handle and folder) gets the same bytes from the database; on SQLite a machine without the folder has nothing", async () => {
    const text = pdfText(5_000, "autre-serveur");
    const { sha256 } = await uploadEvidence(text, "autre-serveur.pdf");
    const other: Db = pg() ? await openPostgres(process.env.DATABASE_URL!) : openDatabase(config().databasePath);
    try {
      if (pg()) {
        const copy = await ensureLocalBlob(sha256, { database: other, filesDir: elsewhere });
        expect(copy.startsWith(elsewhere)).toBe(true);
        expect(fs.readFileSync(copy, "utf8")).toBe(text);
      } else {
        await expect(ensureLocalBlob(sha256, { database: other, filesDir: elsewhere })).rejects.toMatchObject({ code: "not-found" });
      }
    } finally {
      await closeDatabase(other);
    }
  });

  it("a corrupted chunk is refused with a French error (SHA-256 mismatch), never served nor cached (PostgreSQL); SQLite serves its folder as before", async () => {
    const text = pdfText(FILE_CHUNK_BYTES + 777, "morceau-altere");
    const { fileId, sha256 } = await uploadEvidence(text, "altere.pdf");
    if (!pg()) {
      expect((await db().select({ n: count() }).from(fileBlobs))[0]!.n).toBe(0);
      expect(String((await download(fileId)).body)).toBe(text);
      return;
    }
    const [, second] = await chunksOf(sha256);
    const altered = Buffer.from(second!.bytes);
    altered[100] = altered[100]! ^ 0x20; // one letter's case: same length, different bytes
    await db().update(fileBlobs).set({ bytes: altered }).where(and(eq(fileBlobs.sha256, sha256), eq(fileBlobs.chunk, 1)));
    emptyLocalFolder();

    const refused = await download(fileId);
    expect(refused.status).toBe(410);
    expect(String(refused.body)).toBe(CORRUPTED_FILE_MESSAGE);
    expect(String(refused.body)).toContain("empreinte SHA-256");
    expect(fs.existsSync(storagePath(sha256))).toBe(false);
    expect(fs.readdirSync(path.join(config().filesDir, "tmp"))).toEqual([]);

    // Restored in the database: served again (nothing wrong had been cached).
    await db().update(fileBlobs).set({ bytes: second!.bytes }).where(and(eq(fileBlobs.sha256, sha256), eq(fileBlobs.chunk, 1)));
    const restored = await download(fileId);
    expect(restored.status).toBe(200);
    expect(String(restored.body)).toBe(text);
  });

  it("the same bytes uploaded twice share their chunks (content-addressed)", async () => {
    const text = pdfText(3_000, "deux-fois");
    const a = await uploadEvidence(text, "premier.pdf");
    const b = await uploadEvidence(text, "second.pdf");
    expect(a.fileId).not.toBe(b.fileId);
    expect(a.sha256).toBe(b.sha256);
    expect((await chunksOf(a.sha256)).length).toBe(pg() ? 1 : 0);
  });
});

describe("mail cycle across app servers", () => {
  it("skips its turn while another server holds the cycle's lock (PostgreSQL); runs as before on SQLite", async () => {
    if (!pg()) {
      const report = await runMailCycle({ database: db(), transport: null, workerId: "seul" });
      expect(report.skipped).toBeUndefined();
      return;
    }
    // What another app server running a cycle holds: the advisory lock, on its own session.
    const otherServer = await postgresPool(db()).connect();
    try {
      await otherServer.query("select pg_advisory_lock($1)", [MAIL_CYCLE_LOCK_KEY]);
      expect(await runMailCycle({ database: db(), transport: null, workerId: "B" })).toEqual({ reminders: 0, delivery: null, skipped: true });
      await otherServer.query("select pg_advisory_unlock($1)", [MAIL_CYCLE_LOCK_KEY]);
    } finally {
      otherServer.release();
    }
    const after = await runMailCycle({ database: db(), transport: null, workerId: "B" });
    expect(after.skipped).toBeUndefined();
  });
});
