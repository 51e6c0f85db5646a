import { guideJson } from "~/lib/guide.server";

export async function loader() {
  return Response.json(guideJson(), { headers: { "Cache-Control": "public, max-age=300" } });
}
