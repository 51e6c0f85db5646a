import { guideJson } from "~/lib/guide.server";
import { defineLoader } from "~/lib/route.server";

export const loader = defineLoader(async () => {
  return Response.json(guideJson(), { headers: { "Cache-Control": "public, max-age=300" } });
});
