import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { defineLoader, idParam } from "~/lib/route.server";
import { filledBillCsv } from "~/responses/bill.server";

/** The supplier's own filled bill as CSV, to complete in a spreadsheet and upload again. */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const { csv, filename } = await filledBillCsv({ user, tenderId: idParam(params.tenderId) });
  return csvResponse(csv, filename);
});
