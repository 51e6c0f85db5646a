import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { defineLoader, idParam } from "~/lib/route.server";
import { billCsvForBuyer } from "~/tenders/bill.server";

/** The tender's bill of quantities as CSV (same columns as the import). */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { csv, filename } = await billCsvForBuyer({ id: idParam(params.id), user });
  return csvResponse(csv, filename);
});
