import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import type { Db } from "#db/connection";
import { FILE_CHUNK_BYTES, fileBlobs, files } from "#db/schema";
import { schemaDialect } from "#db/schema/columns";
import { config } from "~/config.server";
import { attachmentDisposition } from "./content-disposition";
import { db, transaction, type Tx } from "./db.server";
import { AppError, notFound } from "./errors";

/**
 * Content-addressed file store: bytes are written once under DATA_DIR/files/<aa>/<sha256>,
 * untouched; each upload gets its own `files` row (original name, uploader, organisation).
 *
 * PostgreSQL mode (issue 19, several app servers): the database is the store — the bytes go to
 * `file_blobs` in 1 MiB chunks (db/schema/files.ts), in the same transaction as the `files` row —
 * and DATA_DIR/files is this server's cache: a reader calls `ensureLocalBlob` first, which fetches
 * the chunks of a file another server received, checks its SHA-256 and only then puts it under its
 * content address. SQLite mode: the folder is the store, as before; nothing goes to `file_blobs`.
 */
export function sha256(bytes: Uint8Array): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** The one content address of the store: <filesDir>/<aa>/<sha256>, for in-memory and streamed uploads alike. */
export function contentPath(filesDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error("empreinte SHA-256 invalide");
  return path.join(filesDir, hash.slice(0, 2), hash);
}

export function storagePath(hash: string): string {
  return contentPath(config().filesDir, hash);
}

export function writeBlob(bytes: Uint8Array): string {
  const hash = sha256(bytes);
  const target = storagePath(hash);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under its final name.
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  }
  return hash;
}

export type StoredFile = typeof files.$inferSelect;

export async function storeFile(input: {
  organisationId: number;
  uploadedBy: number;
  originalName: string;
  mimeType: string;
  bytes: Uint8Array;
}): Promise<StoredFile> {
  const hash = writeBlob(input.bytes);
  return await transaction(async (tx) => {
    await saveBlobChunks(tx, hash, input.bytes);
    return (await tx
      .insert(files)
      .values({
        organisationId: input.organisationId,
        uploadedBy: input.uploadedBy,
        sha256: hash,
        originalName: input.originalName.slice(0, 255) || "fichier",
        mimeType: input.mimeType || "application/octet-stream",
        size: input.bytes.byteLength,
      })
      .returning())[0]!;
  });
}

/** True when file bytes live in the database (PostgreSQL mode), the local folder being a cache. */
export function filesInDatabase(): boolean {
  return schemaDialect === "postgresql";
}

/**
 * PostgreSQL mode: writes the bytes of the file `hash` to `file_blobs` in 1 MiB chunks, inside the
 * caller's transaction (the one that writes the `files` row), unless they are there already
 * (content-addressed: chunks are written all together or not at all, so chunk 0 present means the
 * whole file is; ON CONFLICT DO NOTHING covers two transactions storing the same bytes at once).
 * `source` is the bytes, or the path of a local file (read one chunk at a time, never whole).
 * SQLite mode: nothing to do.
 */
export async function saveBlobChunks(tx: Tx, hash: string, source: Uint8Array | { path: string }): Promise<void> {
  if (!filesInDatabase()) return;
  const present = await tx.select({ chunk: fileBlobs.chunk }).from(fileBlobs).where(and(eq(fileBlobs.sha256, hash), eq(fileBlobs.chunk, 0))).limit(1);
  if (present.length > 0) return;
  const put = (chunk: number, bytes: Buffer) => tx.insert(fileBlobs).values({ sha256: hash, chunk, bytes }).onConflictDoNothing();
  if (source instanceof Uint8Array) {
    const all = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    let chunk = 0;
    for (let offset = 0; chunk === 0 || offset < all.length; offset += FILE_CHUNK_BYTES) await put(chunk++, all.subarray(offset, offset + FILE_CHUNK_BYTES));
    return;
  }
  // Synchronous reads: the transaction callback awaits nothing but the database (db/transaction.ts).
  const fd = fs.openSync(source.path, "r");
  try {
    const buffer = Buffer.alloc(FILE_CHUNK_BYTES);
    for (let chunk = 0; ; chunk++) {
      let filled = 0;
      while (filled < FILE_CHUNK_BYTES) {
        const read = fs.readSync(fd, buffer, filled, FILE_CHUNK_BYTES - filled, null);
        if (read === 0) break;
        filled += read;
      }
      if (filled === 0 && chunk > 0) break;
      await put(chunk, buffer.subarray(0, filled));
      if (filled < FILE_CHUNK_BYTES) break;
    }
  } finally {
    fs.closeSync(fd);
  }
}

export const CORRUPTED_FILE_MESSAGE =
  "Ce fichier est altéré dans le stockage (son empreinte SHA-256 ne correspond plus à celle enregistrée au dépôt) : il n'est pas servi. Prévenez l'administrateur du portail.";

/**
 * Makes sure the file `hash` is under its content address in `filesDir` and returns its path.
 * PostgreSQL mode: when this server does not have it yet, its chunks are fetched one at a time
 * from `file_blobs` into a temporary file, its SHA-256 checked, then the file renamed into place
 * (a concurrent reader of the same file renames the same bytes). A mismatch is refused with a
 * French error (410), the temporary file removed: never a wrong file served or cached. SQLite mode:
 * the folder is the store, a missing file is "not found".
 */
export async function ensureLocalBlob(hash: string, options: { database?: Db; filesDir?: string } = {}): Promise<string> {
  const filesDir = options.filesDir ?? config().filesDir;
  const target = contentPath(filesDir, hash);
  if (fs.existsSync(target)) return target;
  if (!filesInDatabase()) throw notFound("Fichier introuvable dans le stockage.");
  const database = options.database ?? db();
  const tmpDir = path.join(filesDir, "tmp");
  fs.mkdirSync(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, `${process.pid}-${crypto.randomBytes(8).toString("hex")}.fetch`);
  const digest = crypto.createHash("sha256");
  const out = await fs.promises.open(tmp, "w");
  let chunks = 0;
  try {
    try {
      for (; ; chunks++) {
        const row = (await database.select({ bytes: fileBlobs.bytes }).from(fileBlobs).where(and(eq(fileBlobs.sha256, hash), eq(fileBlobs.chunk, chunks))).limit(1))[0];
        if (!row) break;
        digest.update(row.bytes);
        await out.write(row.bytes);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    if (chunks === 0) throw notFound("Fichier introuvable dans le stockage.");
    if (digest.digest("hex") !== hash) {
      console.error(`Stockage des fichiers : empreinte SHA-256 différente pour ${hash} (${chunks} morceau(x) lus dans file_blobs) ; fichier refusé.`);
      throw new AppError("gone", CORRUPTED_FILE_MESSAGE);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(tmp, target);
    return target;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export async function readBlob(hash: string): Promise<Buffer> {
  return fs.readFileSync(await ensureLocalBlob(hash));
}

/**
 * A stored file as a download, streamed from the store (from this server's cache in PostgreSQL
 * mode, fetched first if needed: `ensureLocalBlob`): always an attachment with its original
 * name, never sniffed nor run by the browser (nosniff, sandbox CSP), never cached.
 */
export async function downloadResponse(file: { sha256: string; originalName: string; size: number }, contentType: string): Promise<Response> {
  const target = await ensureLocalBlob(file.sha256);
  return new Response(Readable.toWeb(fs.createReadStream(target)) as ReadableStream, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
