import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getFactorUpload } from "~/carbon/factor-uploads.server";
import { downloadResponse } from "~/lib/files.server";
import { defineLoader, idParam } from "~/lib/route.server";

/** The original file of one upload, untouched, streamed from the store. */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const found = await getFactorUpload({ user, uploadId: idParam(params.uploadId) });
  return downloadResponse(found.file, "application/octet-stream");
});
