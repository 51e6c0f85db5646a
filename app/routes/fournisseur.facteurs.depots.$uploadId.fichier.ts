import fs from "node:fs";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getFactorUpload, UPLOAD_NOT_FOUND } from "~/carbon/factor-uploads.server";
import { storagePath } from "~/lib/files.server";
import { idParam } from "~/responses/http.server";

/** The original file of one upload, untouched, streamed from the store. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["supplier"]);
  const found = getFactorUpload(user, idParam(params.uploadId));
  if (!found) throw new Response(UPLOAD_NOT_FOUND, { status: 404 });
  const file = found.file;
  const path = storagePath(file.sha256);
  if (!fs.existsSync(path)) throw new Response("Fichier introuvable dans le stockage.", { status: 404 });
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Readable.toWeb(fs.createReadStream(path)) as ReadableStream, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(file.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
