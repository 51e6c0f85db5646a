import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { exportSetAsPact } from "~/carbon/factor-uploads.server";
import { defineLoader, idParam } from "~/lib/route.server";

/** One version as WBCSD PACT ProductFootprints, in the shape of a ListFootprints response. */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const result = exportSetAsPact({ user, setId: idParam(params.setId) });
  const body = JSON.stringify({ data: result.data }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="facteurs-v${result.version}-pact.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Factors PACT cannot express (monetary ratios, units without a PACT equivalent) are left out.
      "X-NR-Procure-Skipped": String(result.skipped.length),
    },
  });
});
