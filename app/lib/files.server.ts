import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { files } from "#db/schema";
import { config } from "~/config.server";
import { attachmentDisposition } from "./content-disposition";
import { db } from "./db.server";
import { notFound } from "./errors";

/**
 * Content-addressed file store: bytes are written once under DATA_DIR/files/<aa>/<sha256>,
 * untouched; each upload gets its own `files` row (original name, uploader, organisation).
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
  return (await db()
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
}

export function readBlob(hash: string): Buffer {
  return fs.readFileSync(storagePath(hash));
}

/**
 * A stored file as a download, streamed from the store: always an attachment with its original
 * name, never sniffed nor run by the browser (nosniff, sandbox CSP), never cached.
 */
export function downloadResponse(file: { sha256: string; originalName: string; size: number }, contentType: string): Response {
  const target = storagePath(file.sha256);
  if (!fs.existsSync(target)) throw notFound("Fichier introuvable dans le stockage.");
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
