/**
 * Files the portal hands out: the template suppliers fill in, and the error report of an upload.
 * Both are CSV for French Excel: UTF-8 with BOM, `;`, CRLF, cells escaped against formula injection.
 *
 * The template uses the French column names (the suppliers are French and the shared example file
 * does the same); the English names stay accepted. Two example rows, no comment lines, so that the
 * template itself is a valid file (a test reads it back). The last eleven columns (product data for
 * a WBCSD PACT export) are optional: the first example fills them, the second leaves them empty.
 */
import { factorColumnSpecs, type FactorsReport } from "#emission-factors";
import { toCsv } from "~/lib/csv";

export const TEMPLATE_FILENAME = "modele-facteurs-emission.csv";

const exampleRows: readonly (readonly string[])[] = [
  [
    "Ordinateur portable 14 pouces (neuf)",
    "postes-de-travail",
    "2",
    "156,3",
    "kgCO2e/unité",
    "15",
    "lca-iso14040",
    "location-based",
    "2024",
    "",
    "https://www.exemple.fr/fiche-acv-portable-14.pdf",
    // Optional product-footprint columns (needed only for a PACT export); illustrative values,
    // CPC 4521 = portable automatic data processing machines (UN CPC ver. 2.1), to check per product.
    "1,6",
    "4521",
    "150,1",
    "156,3",
    "0",
    "0",
    "berceau-porte",
    "Extraction des matières, fabrication, assemblage et transport jusqu'au client",
    "0",
    "oui",
    "AR6",
  ],
  [
    "Stockage objet, par Go stocké et par mois",
    "hebergement-cloud",
    "1",
    "0,35",
    "kgCO2e/Go.mois",
    "30",
    "ghg-product",
    "market-based",
    "2025",
    "Organisme vérificateur (exemple)",
    "Rapport GES 2025, annexe 3",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
  ],
];

/** The template CSV the portal publishes: French headers and two example rows. */
export function buildTemplateCsv(): string {
  return toCsv([factorColumnSpecs.map((c) => c.french), ...exampleRows], { delimiter: ";", bom: true });
}

/**
 * The errors of a report as CSV (`ligne;colonne;valeur;message`), every cell escaped against
 * formula injection; a last line says how many errors were not stored, if any.
 */
export function errorsReportCsv(report: Pick<FactorsReport, "errors" | "errorCount">): string {
  const rows: (readonly (string | number)[])[] = [["ligne", "colonne", "valeur", "message"]];
  for (const e of report.errors) rows.push([e.line, e.column, e.value ?? "", e.message]);
  const hidden = report.errorCount - report.errors.length;
  if (hidden > 0) rows.push(["", "", "", `… et ${hidden} autres erreurs non détaillées (${report.errorCount} au total)`]);
  return toCsv(rows, { delimiter: ";", bom: true });
}
