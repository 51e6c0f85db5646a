import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getFactorUpload } from "~/carbon/factor-uploads.server";
import { errorsReportCsv } from "~/carbon/factor-files";
import { csvResponse } from "~/lib/csv";
import { defineLoader, idParam } from "~/lib/route.server";

/** The errors of one upload as CSV (ligne;colonne;valeur;message), formula-safe. */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const found = await getFactorUpload({ user, uploadId: idParam(params.uploadId) });
  return csvResponse(errorsReportCsv(found.report), `erreurs-depot-${found.upload.id}.csv`);
});
