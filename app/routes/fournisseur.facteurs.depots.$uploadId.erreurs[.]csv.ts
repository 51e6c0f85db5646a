import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getFactorUpload, UPLOAD_NOT_FOUND } from "~/carbon/factor-uploads.server";
import { errorsReportCsv } from "~/emission-factors";
import { csvResponse } from "~/lib/csv";
import { idParam } from "~/responses/http.server";

/** The errors of one upload as CSV (ligne;colonne;valeur;message), formula-safe. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["supplier"]);
  const found = getFactorUpload(user, idParam(params.uploadId));
  if (!found) throw new Response(UPLOAD_NOT_FOUND, { status: 404 });
  return csvResponse(errorsReportCsv(found.report), `erreurs-depot-${found.upload.id}.csv`);
}
