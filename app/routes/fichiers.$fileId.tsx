import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { fileResponse, getDownloadableFile } from "~/responses/files.server";
import { idParam } from "~/responses/http.server";

/**
 * Evidence download: members of the file's organisation, or the buyer (assigned evaluator) of a
 * tender the file was submitted to (non-withdrawn submission). Otherwise 404, never a hint.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const file = getDownloadableFile({ user, fileId: idParam(params.fileId) });
  if (!file) throw new Response("Ce fichier n'existe pas ou vous n'y avez pas accès.", { status: 404 });
  return fileResponse(file);
}
