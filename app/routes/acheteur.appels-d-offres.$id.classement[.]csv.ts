import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { exportRankingCsv } from "~/tenders/compare.server";
import { defineLoader, idParam } from "~/lib/route.server";

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { csv, filename } = await exportRankingCsv({ tenderId: idParam(params.id), user });
  return csvResponse(csv, filename);
});
