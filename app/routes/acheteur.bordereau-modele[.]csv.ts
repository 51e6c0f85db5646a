import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { defineLoader } from "~/lib/route.server";
import { billTemplateCsv } from "~/tenders/bill.server";

/** Template of the bill-of-quantities CSV (French headers, three example lines). */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, ["buyer", "evaluator"]);
  return csvResponse(billTemplateCsv(), "modele-bordereau.csv");
});
