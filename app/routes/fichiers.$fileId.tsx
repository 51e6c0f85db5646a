import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { downloadResponse } from "~/lib/files.server";
import { getDownloadableFile } from "~/responses/files.server";
import { defineLoader, idParam } from "~/lib/route.server";

/**
 * Evidence download: members of the file's organisation, or the buyer (assigned evaluator) of a
 * tender the file was submitted to (non-withdrawn submission). Otherwise 404, never a hint.
 */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  const file = await getDownloadableFile({ user, fileId: idParam(params.fileId) });
  return downloadResponse(file, file.mimeType);
});
