import type { LoaderFunctionArgs } from "@remix-run/node";
import { UNKNOWN_VERSION_MESSAGE, guideFromUrl, guideJson } from "~/lib/guide.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const guide = guideFromUrl(new URL(request.url));
  if (!guide) return Response.json({ error: UNKNOWN_VERSION_MESSAGE }, { status: 404 });
  return Response.json(guideJson(guide), { headers: { "Cache-Control": "public, max-age=300" } });
}
