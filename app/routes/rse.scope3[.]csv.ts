import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { scope3QuerySchema } from "~/carbon/schemas";
import { scope3Csv } from "~/carbon/scope3.server";
import { csvResponse } from "~/lib/csv";
import { defineLoader } from "~/lib/route.server";

/** The scope 3 estimate (both columns, totals per category) as CSV, formula-safe. */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const { annee: year } = scope3QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return csvResponse(await scope3Csv({ user, year }), `estimation-scope3${year ? `-${year}` : ""}.csv`);
});
