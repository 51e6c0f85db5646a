import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { csvResponse } from "~/lib/csv";
import { exportLibraryCsv } from "~/responses/library.server";
import { defineLoader } from "~/lib/route.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return csvResponse(await exportLibraryCsv({ user }), "bibliotheque-reponses.csv");
});
