import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getComparison } from "~/tenders/compare.server";
import { defineLoader, idParam } from "~/lib/route.server";

/**
 * The published scoring input of a tender, for the comparison page's what-if panel, fetched by the
 * browser on the first change of a setting only (issue 16: 50 suppliers × 47 answers no longer
 * weigh on every view of the page). Same access as the comparison: buyer of the organisation or
 * assigned evaluator; anything else is a 404.
 */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const c = await getComparison({ tenderId: idParam(params.id), user });
  return Response.json({ input: c.input }, { headers: { "Cache-Control": "private, no-store" } });
});
