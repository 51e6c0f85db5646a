/**
 * Streaming counterpart of `storeFile` (app/lib/files.server.ts) for large uploads: the bytes go
 * to a temporary file under DATA_DIR/files/tmp while their SHA-256 and size are computed, never
 * all in memory; past `maxBytes` the copy stops and the temporary file is removed. `commitBlob`
 * then moves the file under its content address (same layout as `storeFile`: files/<aa>/<sha256>),
 * untouched. The `files` row is written by the caller, in the same transaction as what uses it.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { contentPath } from "~/lib/files.server";

export class UploadTooLargeError extends Error {
  override readonly name = "UploadTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
  }
}

/** Bytes received into a temporary file, not yet in the store. */
export interface PendingBlob {
  tmpPath: string;
  sha256: string;
  size: number;
  originalName: string;
  mimeType: string;
}

/** Bytes in the content-addressed store. */
export interface StoredBlob {
  /** Absolute path of the stored file (files/<aa>/<sha256>). */
  path: string;
  sha256: string;
  size: number;
  originalName: string;
  mimeType: string;
}

export const blobPath = contentPath;

/** Copy `data` to a temporary file, hashing as it goes; throws `UploadTooLargeError` past `maxBytes`. */
export async function spoolToTemp(
  data: AsyncIterable<Uint8Array>,
  options: { filesDir: string; maxBytes: number; originalName: string; mimeType: string },
): Promise<PendingBlob> {
  const dir = path.join(options.filesDir, "tmp");
  fs.mkdirSync(dir, { recursive: true });
  const tmpPath = path.join(dir, `${process.pid}-${crypto.randomBytes(8).toString("hex")}.upload`);
  const hash = crypto.createHash("sha256");
  const out = fs.createWriteStream(tmpPath);
  let size = 0;
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > options.maxBytes) throw new UploadTooLargeError(options.maxBytes);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await finished(out);
  } catch (error) {
    // Wait for the stream to close: destroyed before its (asynchronous) open completed, it would
    // create the file after the removal below and leave it behind.
    const closed = once(out, "close").catch(() => undefined);
    out.destroy();
    await closed;
    fs.rmSync(tmpPath, { force: true });
    throw error;
  }
  return { tmpPath, sha256: hash.digest("hex"), size, originalName: options.originalName, mimeType: options.mimeType };
}

/** Move a received file under its content address (a file with the same bytes is kept as it is). */
export function commitBlob(filesDir: string, pending: PendingBlob): StoredBlob {
  const target = blobPath(filesDir, pending.sha256);
  if (fs.existsSync(target)) fs.rmSync(pending.tmpPath, { force: true });
  else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(pending.tmpPath, target);
  }
  return { path: target, sha256: pending.sha256, size: pending.size, originalName: pending.originalName, mimeType: pending.mimeType };
}

export function discardBlob(pending: PendingBlob | null | undefined): void {
  if (pending) fs.rmSync(pending.tmpPath, { force: true });
}

/** Store a file already on disk (CLI, benchmark): hash it by streaming, then copy it into the store. */
export async function storeFromPath(filesDir: string, source: string, originalName = path.basename(source), mimeType = "text/csv"): Promise<StoredBlob> {
  const pending = await spoolToTemp(fs.createReadStream(source), { filesDir, maxBytes: Number.MAX_SAFE_INTEGER, originalName, mimeType });
  return commitBlob(filesDir, pending);
}
