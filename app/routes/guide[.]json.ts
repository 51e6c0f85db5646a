import type { LoaderFunctionArgs } from "@remix-run/node";
import { UNKNOWN_VERSION_MESSAGE, guideFromUrl, guideJson } from "~/lib/guide.server";
import { defineLoader } from "~/lib/route.server";

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const guide = guideFromUrl(new URL(request.url));
  if (!guide) return Response.json({ error: UNKNOWN_VERSION_MESSAGE }, { status: 404 });
  return Response.json(guideJson(guide), { headers: { "Cache-Control": "public, max-age=300" } });
});
