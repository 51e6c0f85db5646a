import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "~/lib/csv";
import { pactExportIssues, readFactorsCsv } from "#emission-factors";
import { buildTemplateCsv, errorsReportCsv } from "~/carbon/factor-files";

describe("buildTemplateCsv", () => {
  it("is a UTF-8 BOM, ;-separated, CRLF file with French headers and two example rows", () => {
    const csv = buildTemplateCsv();
    expect(csv.startsWith("\uFEFFlibelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source;masse_produit_kg;code_cpc;valeur_fossile;valeur_avec_biogenique;carbone_fossile_kgc;carbone_biogenique_kgc;perimetre;description_perimetre;exclusions_pct;emballage_inclus;rapport_giec\r\n")).toBe(true);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(3);
  });

  it("is itself a valid factor file", async () => {
    const report = await readFactorsCsv(Buffer.from(buildTemplateCsv(), "utf8"), { currentYear: 2026 });
    expect(report).toMatchObject({ rows: 2, valid: 2, errorCount: 0, warnings: [], bom: true, delimiter: ";" });
    expect(report.factors.map((f) => [f.activityUnit, f.value])).toEqual([
      ["unit", 156.3],
      ["GB.month", 0.35],
    ]);
    // The first example fills the optional PACT columns: exportable as is in v3.0.
    expect(report.factors[0]!.pcf).toMatchObject({ productMassKg: 1.6, boundary: "cradle-to-gate", ipccAr: "AR6" });
    expect(pactExportIssues(report.factors[0]!, "3.0")).toEqual({ missing: [], reasons: [] });
    expect(report.factors[1]!.pcf ?? null).toBeNull();
  });
});

describe("errorsReportCsv", () => {
  it("lists ligne;colonne;valeur;message with formula-looking cells neutralised", () => {
    const csv = errorsReportCsv({
      errorCount: 3,
      errors: [
        { line: 14, column: "valeur", value: "-3", message: "« -3 » n'est pas un nombre positif" },
        { line: 15, column: "libelle", value: "=HYPERLINK(\"http://x\";\"clic\")", message: "exemple" },
        { line: 16, column: "", message: "la ligne compte 12 champs" },
      ],
    });
    expect(csv).toBe(
      "\uFEFFligne;colonne;valeur;message\r\n" +
        // A plain negative number stays a number for the spreadsheet (issue 20); formulas are neutralised.
        "14;valeur;-3;« -3 » n'est pas un nombre positif\r\n" +
        '15;libelle;"\'=HYPERLINK(""http://x"";""clic"")";exemple\r\n' +
        "16;;;la ligne compte 12 champs\r\n",
    );
  });

  it("ends with the count of errors not stored", () => {
    const csv = errorsReportCsv({ errorCount: 12, errors: [{ line: 2, column: "valeur", message: "m" }] });
    expect(csv.endsWith(";;;… et 11 autres erreurs non détaillées (12 au total)\r\n")).toBe(true);
  });
});

describe("csv-escape (escapeCsvCell, toCsv)", () => {
  it.each(["=1+1", "+33", "-3+1", "-A1", "@SUM(A1)", "\tx", "\rx"])("prefixes %j with an apostrophe", (cell) => {
    expect(escapeCsvCell(cell, ";").replace(/^"/, "")).toMatch(/^'/);
  });

  it("quotes the delimiter in use, quotes and line breaks", () => {
    expect(escapeCsvCell("a,b", ",")).toBe('"a,b"');
    expect(escapeCsvCell("a,b", ";")).toBe("a,b");
    expect(escapeCsvCell('dit "oui"\nfin', ";")).toBe('"dit ""oui""\nfin"');
    expect(toCsv([["a", 1], [null, "b"]], { delimiter: ",", bom: false })).toBe("a,1\r\n,b\r\n");
  });
});
