import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv";
import { UNKNOWN_VERSION_MESSAGE, guideCsv, guideFromUrl } from "~/lib/guide.server";
import { notFound } from "~/lib/errors";
import { defineLoader } from "~/lib/route.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const guide = guideFromUrl(new URL(request.url));
  if (!guide) throw notFound(UNKNOWN_VERSION_MESSAGE);
  return csvResponse(guideCsv(guide), `guide-maturite-nr-${guide.version}.csv`);
});
