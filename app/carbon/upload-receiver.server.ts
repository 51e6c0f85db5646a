/**
 * Receiving one file from a multipart form without holding it in memory: the `file` part is
 * streamed to a temporary file (SHA-256 and size computed on the way, `blob-store.server.ts`),
 * the other fields are small text parts. The size limit is enforced on the bytes actually
 * received (and on Content-Length up front), so nothing beyond the limit is ever written.
 *
 * The caller checks CSRF on `fields` and then either `commit()`s the file into the store or
 * `discard()`s it: a refused request leaves nothing on disk.
 */
import { config } from "~/config.server";
import { readForm } from "~/lib/multipart.server";
import { cleanFileName, formatBytes } from "~/lib/format";
import { AppError } from "~/lib/errors";
import { commitBlob, discardBlob, spoolToTemp, UploadTooLargeError, type PendingBlob, type StoredBlob } from "./blob-store.server";

/** Text fields of an upload form are short (CSRF token, ids, a segment). */
const MAX_TEXT_PART = 16 * 1024;
/** Multipart overhead allowed above the file limit when checking Content-Length. */
const ENVELOPE_BYTES = 64 * 1024;

export interface ReceivedUpload {
  fields: FormData;
  /** The `file` part, or `null` when the form had none (or an empty one). */
  file: PendingBlob | null;
  commit(): StoredBlob | null;
  discard(): void;
}

export function tooLargeMessage(maxBytes: number): string {
  return `Le fichier dépasse la taille maximale acceptée (${formatBytes(maxBytes)}). Rien n'a été enregistré : découpez-le en plusieurs fichiers.`;
}

/**
 * Parse a multipart request whose file field is `file`. Refused as too large (413, French message)
 * past `maxBytes`, as invalid (400) when the body is not multipart.
 */
export async function receiveUpload(request: Request, options: { maxBytes: number; filesDir?: string }): Promise<ReceivedUpload> {
  const filesDir = options.filesDir ?? config().filesDir;
  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > options.maxBytes + ENVELOPE_BYTES) {
    throw new AppError("too-large", tooLargeMessage(options.maxBytes));
  }
  let file: PendingBlob | null = null;
  const extra: PendingBlob[] = [];
  const fileHandler = async ({ name, filename, contentType, data }: { name: string; filename?: string; contentType: string; data: AsyncIterable<Uint8Array> }) => {
    if (filename === undefined) return undefined; // a text field: the memory handler takes it
    const pending = await spoolToTemp(data, { filesDir, maxBytes: options.maxBytes, originalName: cleanFileName(filename), mimeType: contentType || "application/octet-stream" });
    if (name !== "file" || file !== null || pending.size === 0) {
      extra.push(pending);
      return "";
    }
    file = pending;
    return pending.originalName;
  };
  let fields: FormData;
  try {
    fields = await readForm(request, {
      maxPartBytes: MAX_TEXT_PART,
      tooLargeMessage: "Un champ du formulaire est trop long.",
      fileHandler,
      requireMultipart: "Formulaire d'envoi de fichier attendu (multipart/form-data).",
    });
  } catch (error) {
    discardBlob(file as PendingBlob | null);
    if (error instanceof UploadTooLargeError) throw new AppError("too-large", tooLargeMessage(options.maxBytes));
    throw error;
  } finally {
    extra.forEach(discardBlob);
  }
  // (assigned inside the handler: TypeScript cannot see it)
  const received = file as PendingBlob | null;
  let done = false;
  return {
    fields,
    file: received,
    commit() {
      if (done || !received) return null;
      done = true;
      return commitBlob(filesDir, received);
    },
    discard() {
      if (done) return;
      done = true;
      discardBlob(received);
    },
  };
}

/**
 * Receives the upload and hands it to `handle`; whatever `handle` does — commits the file, returns a
 * refusal or throws — the temporary file is removed afterwards unless it was committed.
 */
export async function withReceivedUpload<T>(request: Request, options: { maxBytes: number; filesDir?: string }, handle: (upload: ReceivedUpload) => Promise<T>): Promise<T> {
  const upload = await receiveUpload(request, options);
  try {
    return await handle(upload);
  } finally {
    upload.discard();
  }
}
