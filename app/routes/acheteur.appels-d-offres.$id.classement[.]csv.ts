import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { idParam } from "~/tenders/access.server";
import { exportRankingCsv } from "~/tenders/compare.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { csv, filename } = exportRankingCsv({ tenderId: idParam(params.id), user });
  return csvResponse(csv, filename);
}
