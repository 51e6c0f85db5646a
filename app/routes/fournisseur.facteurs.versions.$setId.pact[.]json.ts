import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { exportSetAsPact } from "~/carbon/factor-uploads.server";
import { pactVersionSchema } from "~/carbon/schemas";
import { AppError } from "~/lib/errors";
import { defineLoader, idParam } from "~/lib/route.server";

/**
 * One version as WBCSD PACT ProductFootprints of ONE spec version (`?version=2.3` or `?version=3.0`),
 * in the shape of a ListFootprints response. Factors lacking mandatory data are left out (the
 * version page lists them with what is missing).
 */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const setId = idParam(params.setId);
  const version = pactVersionSchema.safeParse(new URL(request.url).searchParams.get("version"));
  if (!version.success) throw new AppError("invalid", "Choisissez la version de la spécification PACT : ?version=2.3 ou ?version=3.0.");
  const result = await exportSetAsPact({ user, setId, version: version.data });
  const body = JSON.stringify({ data: result.data }, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="facteurs-v${result.version}-pact-${version.data}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "X-NR-Procure-Spec-Version": result.specVersion,
      // Factors left out (missing mandatory data, monetary ratios, units PACT cannot express).
      "X-NR-Procure-Skipped": String(result.skipped.length),
    },
  });
});
