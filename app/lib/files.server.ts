import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { files } from "../../db/schema";
import { config } from "~/config.server";
import { db } from "./db.server";

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

export function storeFile(input: {
  organisationId: number;
  uploadedBy: number;
  originalName: string;
  mimeType: string;
  bytes: Uint8Array;
}): StoredFile {
  const hash = writeBlob(input.bytes);
  return db()
    .insert(files)
    .values({
      organisationId: input.organisationId,
      uploadedBy: input.uploadedBy,
      sha256: hash,
      originalName: input.originalName.slice(0, 255) || "fichier",
      mimeType: input.mimeType || "application/octet-stream",
      size: input.bytes.byteLength,
    })
    .returning()
    .get();
}

export function readBlob(hash: string): Buffer {
  return fs.readFileSync(storagePath(hash));
}
