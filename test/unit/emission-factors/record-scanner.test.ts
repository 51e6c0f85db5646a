import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFactorsCsv, type ReadFactorsOptions } from "#emission-factors";
import { CsvUnreadableError } from "#emission-factors/errors";
import { RecordScanner } from "#emission-factors/records";
import { fixture } from "./helpers";

// Issue 16: the reader's own record scanner must give exactly what papaparse gave — records, line
// numbers, errors (misplaced and unclosed quotes are handed over to papaparse) — whatever the text.

const HEADER = "libelle;segment;categorie_ghg;valeur;unite;methode;annee_reference;source";
const VALID = ["Portable", "postes-de-travail", "2", "38,5", "kgCO2e/unité", "iso14067", "2024", ""];
/** Pieces of cells: valid values, separators, quotes in every position, line breaks, spaces, U+FFFD. */
const PIECES = [...VALID, ";", ";", '"', '""', "\n", "\r\n", "\r", " ", "x", "1 234,5", "-3", "\uFFFD", '"a;b"', '"ligne\nsuivante"', '"x" ', "\n\n", ";;;;;;;"];

async function both(text: string, options: ReadFactorsOptions = {}) {
  const run = (csvParser: "auto" | "papaparse") =>
    readFactorsCsv(new TextEncoder().encode(text), { currentYear: 2026, ...options, csvParser }).then(
      (report) => ({ report }),
      (error: unknown) => ({ error: error instanceof CsvUnreadableError ? { reason: error.reason, message: error.message } : String(error) }),
    );
  return { fast: await run("auto"), papaparse: await run("papaparse") };
}

/** Rows of valid cells with random pieces spliced in, `rows` lines after the header. */
function textOf(rows: number, splices: [number, number][]): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) lines.push(VALID.map((v) => (v === "Portable" ? `Portable ${r}` : v)).join(";"));
  let text = `${HEADER}\n${lines.join("\n")}\n`;
  for (const [at, piece] of splices) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + PIECES[piece % PIECES.length] + text.slice(i);
  }
  return text;
}

describe("RecordScanner", () => {
  it("reads quoted fields, escaped quotes, line breaks in quotes and a last line without line end", () => {
    const rows: [string[], number][] = [];
    const scanner = new RecordScanner(";");
    const stop = scanner.scan('a;"b;c";"d""e"\n"x\ny";\n\nlast;"q"', true, (row, n) => rows.push([[...row], n]));
    expect(scanner.irregular).toBe(false);
    expect(stop).toBe(31);
    expect(rows).toEqual([
      [["a", "b;c", 'd"e'], 0],
      [["x\ny", ""], 1],
      [[""], 0],
      [["last", "q"], 0],
    ]);
  });

  it("stops before an incomplete record, and before a record papaparse must read", () => {
    const scanner = new RecordScanner(";");
    const seen: string[][] = [];
    expect(scanner.scan('a;b\nc;"d', false, (row) => seen.push([...row]))).toBe(4);
    expect(scanner.scan('a;b\nc;"d"', false, (row) => seen.push([...row]))).toBe(4); // "d" then maybe a second quote
    expect(scanner.irregular).toBe(false);
    expect(scanner.scan('a;b\nc;"d" ;e\n', false, (row) => seen.push([...row]))).toBe(4);
    expect(scanner.irregular).toBe(true);
    const unclosed = new RecordScanner(";");
    expect(unclosed.scan('a;b\nc;"d\n', true, () => {})).toBe(4);
    expect(unclosed.irregular).toBe(true);
  });

  it("gives the same report as papaparse on every fixture", async () => {
    for (const name of ["quoted.csv", "unclosed-quote.csv", "blank-lines.csv", "extra-columns.csv", "all-errors.csv", "tab-separated.csv", "comma-dot.csv", "windows-1252.csv"]) {
      const bytes = fixture(name);
      const fast = await readFactorsCsv(bytes, { currentYear: 2026 });
      const papaparse = await readFactorsCsv(bytes, { currentYear: 2026, csvParser: "papaparse" });
      expect(fast, name).toEqual(papaparse);
    }
  });

  it("gives the same report as papaparse on random texts (quotes, separators, line breaks anywhere)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), async (rows, splices) => {
        const { fast, papaparse } = await both(textOf(rows, splices));
        expect(fast).toEqual(papaparse);
      }),
      { numRuns: 400, seed: 16 },
    );
  });

  it("gives the same report as papaparse across text chunks (files of several chunks)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), async (splices) => {
        const { fast, papaparse } = await both(textOf(900, splices)); // ~60 KB: four text chunks
        expect(fast).toEqual(papaparse);
      }),
      { numRuns: 40, seed: 16 },
    );
  });

  it("stops at the same row when the consumer throws", async () => {
    const text = textOf(50, []);
    for (const csvParser of ["auto", "papaparse"] as const) {
      let seen = 0;
      await expect(
        readFactorsCsv(new TextEncoder().encode(text), {
          currentYear: 2026,
          csvParser,
          onFactor: () => {
            if (++seen === 10) throw new Error("stop");
          },
        }),
      ).rejects.toThrow("stop");
      expect(seen).toBe(10);
    }
  });
});
