import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "./errors";

/**
 * Reading a form that may carry files — the one multipart parser of the portal. Text parts (and
 * small files) are kept in memory, each up to `maxPartBytes`; `fileHandler` may take file parts
 * first (the streamed factor upload writes them to disk). Past the limit the request is refused as
 * too large with `tooLargeMessage`. A body that is not multipart is read as a plain form, or
 * refused with `requireMultipart` when the form must carry a file.
 *
 * Parsed by busboy (the parser under multer), not by Remix's `unstable_parseMultipartFormData`:
 * the latter's Content-Disposition parser splits on every `;` and `=`, so a file named `a=b.pdf`,
 * `a;b.pdf` or `x" onerror=".pdf` made it throw "malformed content-disposition header" — a 500
 * (issue 15). busboy parses the header properly and decodes non-ASCII names as UTF-8, as browsers
 * send them. What the name then becomes is the caller's business (`cleanFileName`).
 */
export type FilePart = { name: string; filename: string; contentType: string; data: AsyncIterable<Uint8Array> };
/** Takes a file part (consuming `data`) and returns the form value to keep for it, or `undefined` to leave it to memory. */
export type FileHandler = (part: FilePart) => Promise<string | undefined>;

/**
 * Browsers escape `"` as `%22` (and line breaks as `%0A`/`%0D`) in multipart file names (HTML
 * standard, "multipart/form-data encoding algorithm"); the name the user chose had a quote there.
 */
function unescapeFileName(name: string): string {
  return name.replace(/%22/g, '"').replace(/%0[ad]/gi, " ");
}

const UNREADABLE = "Le formulaire envoyé est illisible (envoi interrompu ?). Rechargez la page et recommencez.";

export async function readForm(
  request: Request,
  options: { maxPartBytes: number; tooLargeMessage: string; fileHandler?: FileHandler; requireMultipart?: string },
): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    if (options.requireMultipart) throw new AppError("invalid", options.requireMultipart);
    return request.formData();
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { fieldSize: options.maxPartBytes, fieldNameSize: 200, parts: 1000, headerPairs: 100 },
    });
  } catch {
    // No boundary, or not a form at all.
    throw new AppError("invalid", options.requireMultipart ?? UNREADABLE);
  }
  if (!request.body) throw new AppError("invalid", options.requireMultipart ?? UNREADABLE);
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);

  return new Promise<FormData>((resolve, reject) => {
    const form = new FormData();
    const pending: Promise<unknown>[] = [];
    let failure: unknown = null;
    let settled = false;

    // The first error wins; reading stops (the file being received is cut), and the promise settles
    // once every part handler has finished cleaning up.
    const fail = (error: unknown) => {
      if (failure !== null) return;
      failure = error;
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      void Promise.allSettled(pending).then(() => (failure !== null ? reject(failure) : resolve(form)));
    };

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(new AppError("too-large", options.tooLargeMessage));
      form.append(name, value);
    });
    parser.on("file", (name, stream, info) => {
      pending.push(
        (async () => {
          try {
            const part = { name, filename: unescapeFileName(info.filename ?? ""), contentType: info.mimeType, data: stream };
            const taken = options.fileHandler ? await options.fileHandler(part) : undefined;
            if (taken !== undefined) {
              form.append(name, taken);
              stream.resume();
              return;
            }
            const chunks: Buffer[] = [];
            let size = 0;
            for await (const chunk of stream as AsyncIterable<Buffer>) {
              size += chunk.byteLength;
              if (size > options.maxPartBytes) throw new AppError("too-large", options.tooLargeMessage);
              chunks.push(chunk);
            }
            form.append(name, new File([Buffer.concat(chunks)], part.filename, { type: part.contentType }));
          } catch (error) {
            stream.resume();
            fail(error);
          }
        })(),
      );
    });
    parser.on("partsLimit", () => fail(new AppError("too-large", "Le formulaire contient trop de champs.")));
    parser.on("error", (error) => {
      fail(failure ?? new AppError("invalid", options.requireMultipart && /boundary/i.test(String(error)) ? options.requireMultipart : UNREADABLE));
      settle();
    });
    parser.on("close", settle);
    source.on("error", (error) => fail(error));
    source.pipe(parser);
  });
}
