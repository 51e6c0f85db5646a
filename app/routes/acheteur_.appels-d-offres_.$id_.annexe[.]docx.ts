import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportTenderAnnexDocx } from "~/annex/annex.server";
import { requireRole } from "~/auth/session.server";
import { defineLoader, idParam } from "~/lib/route.server";

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { buffer, filename } = await exportTenderAnnexDocx({ tenderId: idParam(params.id), user });
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
});
