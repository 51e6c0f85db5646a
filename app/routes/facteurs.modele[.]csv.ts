import { buildTemplateCsv, TEMPLATE_FILENAME } from "~/carbon/factor-files";
import { defineLoader } from "~/lib/route.server";

/**
 * The published emission-factor template (no sign-in): French headers, two example rows,
 * UTF-8 with BOM, `;` — the file the upload accepts as is.
 */
export const loader = defineLoader(() => {
  return new Response(buildTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${TEMPLATE_FILENAME}"`,
      "Cache-Control": "public, max-age=3600",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
