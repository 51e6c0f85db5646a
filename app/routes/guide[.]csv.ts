import { csvResponse } from "~/lib/csv";
import { guideCsv } from "~/lib/guide.server";
import { currentGuide } from "#questionnaires/guide";
import { defineLoader } from "~/lib/route.server";

export const loader = defineLoader(async () => {
  return csvResponse(guideCsv(), `guide-maturite-nr-${currentGuide.version}.csv`);
});
