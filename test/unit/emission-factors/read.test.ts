import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvUnreadableError } from "#emission-factors/errors";
import { readFactorsCsv } from "#emission-factors";
import { formatIssue } from "#emission-factors/report";
import { normalisedFactorSchema } from "#emission-factors/schema";
import { BASE_FACTORS, fixture, fixturePath } from "./helpers";

const YEAR = { currentYear: 2026 };
const read = (name: string, options = {}) => readFactorsCsv(fixture(name), { ...YEAR, ...options });
const withoutLineAndExtra = <T extends { line: number; extra: unknown }>({ line: _l, extra: _e, ...rest }: T) => rest;

describe("readFactorsCsv — accepted variations", () => {
  it.each([
    ["utf8-bom.csv", "utf-8", true, ";"],
    ["utf8-no-bom.csv", "utf-8", false, ";"],
    ["windows-1252.csv", "windows-1252", false, ";"],
    ["comma-dot.csv", "utf-8", false, ","],
    ["tab-separated.csv", "utf-8", false, "\t"],
    ["odd-headers.csv", "utf-8", true, ";"],
    ["utf16le-tab.csv", "utf-16le", true, "\t"],
  ] as const)("%s → the same three factors (%s, BOM %s, delimiter %j)", async (name, encoding, bom, delimiter) => {
    const report = await read(name);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report).toMatchObject({ rows: 3, valid: 3, errorCount: 0, encoding, bom, delimiter });
    expect(report.factors.map(withoutLineAndExtra)).toEqual(BASE_FACTORS);
    expect(report.factors.map((f) => f.line)).toEqual([2, 3, 4]);
    for (const f of report.factors) expect(normalisedFactorSchema.parse(f)).toEqual(f);
  });

  it("really reads Windows-1252 bytes (é = E9, € = 80, ’ = 92 — not valid UTF-8)", async () => {
    const bytes = fixture("windows-1252.csv");
    expect(bytes.includes(0xe9)).toBe(true);
    expect(bytes.includes(0x80)).toBe(true);
    expect(bytes.includes(0x92)).toBe(true);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const report = await read("windows-1252.csv");
    expect(report.headerMap).toMatchObject({ item: "libellé", unit: "unité", method: "méthode", reference_year: "année_référence" });
    expect(report.factors[2]?.unit).toBe("kgCO2e/k€");
  });

  it("maps odd-case, accented, padded French headers and reports them as written", async () => {
    const report = await read("odd-headers.csv");
    expect(report.headerMap).toEqual({
      item: "Libellé",
      segment: "SEGMENT",
      ghg_category: "Catégorie GHG",
      value: "VALEUR",
      unit: "Unité",
      uncertainty_pct: "Incertitude_PCT",
      method: "MÉTHODE",
      accounting: "Comptabilisation",
      reference_year: "Année référence",
      verified_by: "Vérifié par",
      source: "Source",
    });
  });

  it("reads quoted line breaks, separators and doubled quotes, and keeps PHYSICAL line numbers", async () => {
    const report = await read("quoted.csv");
    expect(report.rows).toBe(3);
    expect(report.factors.map((f) => f.line)).toEqual([2, 5]);
    expect(report.factors[0]?.item).toBe('Ordinateur portable 14"\nreconditionné\ngrade A');
    expect(report.factors[0]?.source).toBe("fiche ACV; version 2");
    expect(report.factors[1]?.item).toBe("Hébergement mutualisé; par Go");
    // The third record starts on line 7: after a record spanning lines 2–4 and an empty line 6.
    expect(report.errors).toEqual([{ line: 7, column: "valeur", value: "-3", message: "« -3 » n'est pas un nombre positif" }]);
    expect(formatIssue(report.errors[0]!)).toBe("ligne 7, colonne valeur : « -3 » n'est pas un nombre positif");
  });

  it("skips empty lines, lines of separators only and Excel's sep=; line, counting them", async () => {
    const report = await read("blank-lines.csv");
    expect(report).toMatchObject({ rows: 2, valid: 2, errorCount: 0, delimiter: ";" });
    expect(report.factors.map((f) => f.line)).toEqual([4, 7]);
  });

  it("keeps unknown columns in `extra` with a warning each, and values of a nameless column", async () => {
    const report = await read("extra-columns.csv");
    expect(report.valid).toBe(2);
    expect(report.unknownColumns).toEqual(["commentaire", "code_interne", "colonne 14"]);
    expect(report.factors[0]?.extra).toEqual({ commentaire: "neuf ou reconditionné", code_interne: "PC-14" });
    expect(report.factors[1]?.extra).toEqual({ commentaire: "", code_interne: "HEB-01", "colonne 14": "note perdue ?" });
    expect(report.warnings).toEqual([
      { line: 1, column: "commentaire", message: "colonne inconnue « commentaire » : conservée telle quelle, non utilisée pour les calculs" },
      { line: 1, column: "code_interne", message: "colonne inconnue « code_interne » : conservée telle quelle, non utilisée pour les calculs" },
      {
        line: 1,
        column: "colonne 14",
        message: "la colonne n° 14 n'a pas de nom mais contient des valeurs : conservées telles quelles, non utilisées pour les calculs",
      },
    ]);
  });

  it("normalises numbers (NBSP, narrow NBSP, space thousands, exponent) and masses (g → kg, t → kg)", async () => {
    const report = await read("numbers-units.csv");
    expect(report.errors).toEqual([]);
    expect(report.factors.map((f) => [f.value, f.unit, f.massUnit, f.activityUnit, f.valueKgPerUnit])).toEqual([
      [1.2, "tCO2e/unité", "t", "unit", 1200],
      [52, "gCO2e/kWh", "g", "kWh", 0.052],
      [1, "tCO2e/k€", "t", "k€", 1000], // 1 tCO2e/k€ → 1000 kg per k€
      [1234.5, "kgCO2e/équipement.an", "kg", "device.year", 1234.5],
      [12345.67, "kg CO2e / utilisateur.an", "kg", "user.year", 12345.67],
      [0.0015, "kgCO2e/Go", "kg", "GB", 0.0015],
      [2500, "gCO2e/km", "g", "km", 2.5],
      [0.125, "kgCO2eq/heure", "kg", "hour", 0.125],
    ]);
  });

  it("reads the shared French Excel example (BOM, ;, decimal comma, CRLF, kgCO2e/unité)", async () => {
    const bytes = fixture("shared-example.csv");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from("\r\n"))).toBe(true);
    const report = await read("shared-example.csv");
    expect(report).toMatchObject({ rows: 4, valid: 4, errorCount: 0, encoding: "utf-8", bom: true, delimiter: ";" });
    expect(report.factors.map((f) => [f.line, f.item, f.value, f.activityUnit, f.valueKgPerUnit, f.method])).toEqual([
      [2, "PC portable 14 pouces (neuf)", 156.3, "unit", 156.3, "lca-iso14040"],
      [3, "PC portable 14 pouces (reconditionné)", 38, "unit", 38, "lca-iso14040"],
      [4, "Hébergement mutualisé, par Go stocké", 0.35, "GB.month", 0.35, "ghg-product"],
      [5, "Prestation de développement", 95, "k€", 95, "monetary-ratio"],
    ]);
    // "services-it" is not a portal segment: kept as free text, with one warning.
    expect(report.factors[3]?.segment).toBe("services-it");
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ line: 5, column: "segment" });
    expect(report.warnings[0]?.message).toMatch(/^segment « services-it » : ce n'est pas un segment d'achat du portail/);
  });

  it("gives the same report for a Buffer, a Node stream, an async iterable of 1-byte chunks and a Blob", async () => {
    const bytes = fixture("windows-1252.csv");
    const expected = await readFactorsCsv(bytes, YEAR);
    async function* oneByteAtATime() {
      for (const b of bytes) yield Uint8Array.of(b);
    }
    const results = await Promise.all([
      readFactorsCsv(createReadStream(fixturePath("windows-1252.csv")), YEAR),
      readFactorsCsv(Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]), YEAR),
      readFactorsCsv(oneByteAtATime(), YEAR),
      readFactorsCsv(new Blob([new Uint8Array(bytes)]), YEAR),
      readFactorsCsv(new Uint8Array(bytes), YEAR),
    ]);
    for (const r of results) expect(r).toEqual(expected);
  });

  it("splits CRLF, LF and CR line ends the same way, even when a chunk ends between CR and LF", async () => {
    const text = readFileSync(fixturePath("utf8-bom.csv"), "utf8");
    const lf = await readFactorsCsv(Buffer.from(text.replace(/\r\n/g, "\n")), YEAR);
    const cr = await readFactorsCsv(Buffer.from(text.replace(/\r\n/g, "\r")), YEAR);
    const bytes = Buffer.from(text);
    const cut = bytes.indexOf("\r\n") + 1; // between \r and \n
    const split = await readFactorsCsv(Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]), YEAR);
    const mixed = await readFactorsCsv(Buffer.from(text.replace("\r\n", "\n")), YEAR);
    for (const r of [lf, cr, split, mixed]) {
      expect(r.errors).toEqual([]);
      expect(r.factors.map((f) => f.line)).toEqual([2, 3, 4]);
      expect(r.factors.map(withoutLineAndExtra)).toEqual(BASE_FACTORS);
    }
  });
});

describe("readFactorsCsv — one error kind per fixture (row on line 3)", () => {
  it.each([
    ["negative-value.csv", { line: 3, column: "valeur", value: "-3", message: "« -3 » n'est pas un nombre positif" }],
    [
      "not-a-number.csv",
      { line: 3, column: "valeur", value: "environ 12", message: "« environ 12 » n'est pas un nombre (ex. 1234,5 ou 1 234,5 ou 1234.5)" },
    ],
    [
      "unknown-unit.csv",
      {
        line: 3,
        column: "unite",
        value: "kgCO2/kWh",
        message: "« kgCO2/kWh » n'est pas une unité reconnue (attendu : <masse>CO2e/<unité d'activité>, ex. kgCO2e/kWh)",
      },
    ],
    [
      "unknown-method.csv",
      {
        line: 3,
        column: "methode",
        value: "ACV",
        message: "« ACV » n'est pas une méthode reconnue (attendu : lca-iso14040, iso14067, ghg-product, pcr-ademe, monetary-ratio ou other)",
      },
    ],
    [
      "year-out-of-range.csv",
      { line: 3, column: "annee_reference", value: "2031", message: "« 2031 » : l'année de référence doit être comprise entre 2000 et 2026" },
    ],
    [
      "uncertainty-out-of-range.csv",
      { line: 3, column: "incertitude_pct", value: "120", message: "« 120 » : l'incertitude doit être comprise entre 0 et 100 %" },
    ],
    [
      "ghg-category-out-of-range.csv",
      { line: 3, column: "categorie_ghg", value: "16", message: "« 16 » : la catégorie GHG Protocol doit être un nombre entier de 1 à 15" },
    ],
  ] as const)("%s", async (name, issue) => {
    const report = await read(name);
    expect(report.errors).toEqual([issue]);
    expect(report).toMatchObject({ rows: 3, valid: 2, errorCount: 1 });
    expect(report.factors.map((f) => f.line)).toEqual([2, 4]);
  });

  it("missing required values: one error per empty required cell", async () => {
    const report = await read("missing-required-value.csv");
    expect(report.errors).toEqual([
      { line: 3, column: "libelle", message: "champ obligatoire vide" },
      { line: 3, column: "valeur", message: "champ obligatoire vide" },
      { line: 3, column: "methode", message: "champ obligatoire vide" },
    ]);
    expect(report.valid).toBe(2);
  });

  it("missing required columns: one error on line 1 per column, named in French, and no row valid", async () => {
    const report = await read("missing-required-column.csv");
    expect(report.errors).toEqual([
      { line: 1, column: "value", message: "colonne obligatoire absente : ajoutez une colonne « valeur » (ou « value »)" },
      { line: 1, column: "method", message: "colonne obligatoire absente : ajoutez une colonne « methode » (ou « method »)" },
    ]);
    expect(report).toMatchObject({ rows: 3, valid: 0, factors: [] });
  });

  it("a column given twice (French and English) is an error on line 1 and no row is valid", async () => {
    const report = await read("duplicate-column.csv");
    expect(report.errors).toEqual([
      {
        line: 1,
        column: "value",
        message: "colonne en double : « valeur » et « value » désignent la même donnée (value) ; gardez-en une seule",
      },
    ]);
    expect(report.valid).toBe(0);
  });

  it("reports EVERY problem of every row at once", async () => {
    const report = await read("all-errors.csv");
    expect(report.rows).toBe(5);
    expect(report.valid).toBe(2);
    expect(report.factors.map((f) => f.line)).toEqual([2, 5]);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "libelle"],
      [3, "categorie_ghg"],
      [3, "valeur"],
      [3, "unite"],
      [3, "incertitude_pct"],
      [3, "methode"],
      [4, "valeur"],
      [4, "comptabilisation"],
      [6, ""],
    ]);
    expect(report.errorCount).toBe(9);
    expect(formatIssue(report.errors[8]!)).toBe(
      "ligne 6 : la ligne compte 12 champs alors que l'en-tête en compte 11 : un texte contenant le séparateur « ; » doit être entre guillemets",
    );
    expect(report.errors[7]?.message).toBe(
      "« mixte » n'est pas une base de comptabilisation reconnue (attendu : location-based ou market-based)",
    );
  });

  it("an unclosed quote is one error on its line; the rows before it stay valid", async () => {
    const report = await read("unclosed-quote.csv");
    expect(report.errors).toEqual([
      {
        line: 3,
        column: "",
        message: "guillemet ouvrant jamais refermé : tout le reste du fichier est lu comme un seul champ ; ajoutez le guillemet fermant",
      },
    ]);
    expect(report.factors.map((f) => f.line)).toEqual([2]);
  });

  it("a header without data rows is an error (exit 1 for the CLI), not an unreadable file", async () => {
    const report = await read("header-only.csv");
    expect(report.errors).toEqual([{ line: 1, column: "", message: "le fichier ne contient aucune ligne de facteur après l'en-tête" }]);
    expect(report.rows).toBe(0);
  });

  it("caps stored errors at maxErrors but keeps counting, with a final warning", async () => {
    const header = "libelle;segment;valeur;unite;methode;annee_reference\r\n";
    const rows = Array.from({ length: 30 }, (_, i) => `Item ${i};postes-de-travail;-1;kgCO2e/unité;other;2024\r\n`).join("");
    const report = await readFactorsCsv(Buffer.from(header + rows), { ...YEAR, maxErrors: 10 });
    expect(report.errors).toHaveLength(10);
    expect(report.errorCount).toBe(30);
    expect(report.valid).toBe(0);
    expect(report.warnings.at(-1)).toEqual({ message: "… et 20 autres erreurs non détaillées (30 au total)" });
  });

  it("reads `1,234` as 1.234 in a ;-separated file but refuses it as ambiguous in a ,-separated one", async () => {
    const fr = await readFactorsCsv(Buffer.from("libelle;segment;valeur;unite;methode;annee_reference\nA;x;1,234;kgCO2e/kWh;other;2024\n"), YEAR);
    expect(fr.factors[0]?.value).toBe(1.234);
    const en = await readFactorsCsv(Buffer.from('item,segment,value,unit,method,reference_year\nA,x,"1,234",kgCO2e/kWh,other,2024\n'), YEAR);
    expect(en.errors).toEqual([
      {
        line: 2,
        column: "value",
        value: "1,234",
        message:
          "« 1,234 » est ambigu (virgule décimale ou séparateur de milliers ?) : écrivez 1.234 pour un nombre décimal, ou 1234 sans séparateur de milliers",
      },
    ]);
  });

  it("flags cells with U+FFFD when a UTF-8 file has Windows-1252 bytes further on (mixed encodings)", async () => {
    const header = "libelle;segment;valeur;unite;methode;annee_reference\r\n";
    const good = Array.from({ length: 1500 }, (_, i) => `Équipement ${i};postes-de-travail;1;kgCO2e/unité;other;2024\r\n`).join("");
    const bad = Buffer.concat([Buffer.from("R"), Buffer.from([0xe9]), Buffer.from("seau;reseaux-telecoms;2;kgCO2e/unité;other;2024\r\n")]);
    const report = await readFactorsCsv(Buffer.concat([Buffer.from(header + good), bad]), YEAR);
    expect(report.encoding).toBe("utf-8");
    expect(report.valid).toBe(1500);
    expect(report.errors).toEqual([
      {
        line: 1502,
        column: "libelle",
        value: "R\uFFFDseau",
        message:
          "« R\uFFFDseau » contient un caractère illisible (« \uFFFD ») : le fichier mélange plusieurs encodages ; enregistrez-le au format « CSV UTF-8 »",
      },
    ]);
  });

  it("uses the current year by default for the upper bound of the reference year", async () => {
    const next = new Date().getFullYear() + 1;
    const report = await readFactorsCsv(Buffer.from(`libelle;segment;valeur;unite;methode;annee_reference\nA;x;1;kgCO2e/kWh;other;${next}\n`));
    expect(report.errors[0]?.message).toBe(
      `« ${next} » : l'année de référence doit être comprise entre 2000 et ${next - 1}`,
    );
  });
});

describe("readFactorsCsv — files that cannot be read as CSV", () => {
  it.each([
    ["empty.csv", "empty", /^Le fichier est vide/],
    ["blank.csv", "empty", /^Le fichier est vide/],
    ["binary.bin", "binary", /données binaires/],
    ["fake.pdf", "pdf", /^Le fichier est un PDF/],
    ["fake.xlsx", "spreadsheet", /classeur Excel \(\.xlsx\).*CSV/],
    ["no-header.csv", "no-header", /^Aucune colonne reconnue à la ligne 1 : la première ligne doit porter les noms des colonnes/],
  ] as const)("%s → CsvUnreadableError (%s)", async (name, reason, message) => {
    const error = await read(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvUnreadableError);
    expect((error as CsvUnreadableError).reason).toBe(reason);
    expect((error as CsvUnreadableError).message).toMatch(message);
  });

  it("refuses a line longer than maxLineLength, and a file larger than maxBytes", async () => {
    const long = Buffer.from(`libelle;segment;valeur;unite;methode;annee_reference\n${"x".repeat(5000)}\n`);
    await expect(readFactorsCsv(long, { maxLineLength: 1000 })).rejects.toMatchObject({
      reason: "line-too-long",
      message: "La ligne 2 dépasse 1\u202f000 caractères : ce n'est probablement pas un fichier CSV de facteurs d'émission.",
    });
    await expect(readFactorsCsv(fixture("utf8-bom.csv"), { maxBytes: 100 })).rejects.toMatchObject({ reason: "too-large" });
  });

  it("refuses a NUL byte deep in an otherwise textual file", async () => {
    const bytes = Buffer.concat([fixture("utf8-no-bom.csv"), Buffer.from([0x00]), Buffer.from("x\n")]);
    await expect(readFactorsCsv(bytes)).rejects.toMatchObject({ reason: "binary" });
  });
});
