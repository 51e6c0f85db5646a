import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { panelCsvRows } from "~/campaigns/results.server";
import { csvResponse, toCsv } from "~/lib/csv";
import { defineLoader, idParam } from "~/lib/route.server";

/** Formula-safe CSV of the panel (app/lib/csv.ts escapes cells starting with = + - @). */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const { header, lines, filename } = await panelCsvRows({ campaignId: idParam(params.id), user });
  return csvResponse(toCsv([header, ...lines]), filename);
});
