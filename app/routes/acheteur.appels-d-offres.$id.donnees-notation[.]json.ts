import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { attachmentDisposition } from "~/lib/content-disposition";
import { defineLoader, idParam } from "~/lib/route.server";
import { exportScoringInput } from "~/tenders/compare.server";

/** The tender's exact scoring input (issue 11 §2), for `npm run score`; buyers of the organisation only. */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { json, filename } = await exportScoringInput({ tenderId: idParam(params.id), user });
  return new Response(json, {
    headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": attachmentDisposition(filename), "Cache-Control": "no-store" },
  });
});
