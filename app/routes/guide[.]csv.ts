import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvResponse } from "~/lib/csv";
import { UNKNOWN_VERSION_MESSAGE, guideCsv, guideFromUrl } from "~/lib/guide.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const guide = guideFromUrl(new URL(request.url));
  if (!guide) throw new Response(UNKNOWN_VERSION_MESSAGE, { status: 404 });
  return csvResponse(guideCsv(guide), `guide-maturite-nr-${guide.version}.csv`);
}
