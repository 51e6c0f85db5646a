import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { activityTemplateCsv } from "~/carbon/activity-csv";
import { linkedSuppliers } from "~/carbon/csr.server";
import { csvResponse } from "~/lib/csv";
import { defineLoader } from "~/lib/route.server";

/** Template of the activity-data CSV, with the name of one linked supplier as an example. */
export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  return csvResponse(activityTemplateCsv((await linkedSuppliers({ user }))[0]?.name), "modele-donnees-activite.csv");
});
