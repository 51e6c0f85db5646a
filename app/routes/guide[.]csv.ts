import { csvResponse } from "~/lib/csv";
import { guideCsv } from "~/lib/guide.server";
import { currentGuide } from "#questionnaires/guide";

export async function loader() {
  return csvResponse(guideCsv(), `guide-maturite-nr-${currentGuide.version}.csv`);
}
