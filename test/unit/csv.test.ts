import { describe, expect, it } from "vitest";
import { csvNumber, escapeCsvCell, toCsv } from "~/lib/csv";
import { frCount } from "~/lib/format";

describe("CSV for French spreadsheets", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", () => {
    expect(toCsv([["a", "b"], [1, 2]])).toBe("\uFEFFa;b\r\n1;2\r\n");
  });

  it.each(["=SUM(A1)", "+33 1 23", "-2+3", "-1+1", "-A1", "-", "-1,", "-1,5,2", "- 1", "@cmd", "\tx", "\rx", "-1e5"])("neutralises formula-looking cell %j", (cell) => {
    const out = escapeCsvCell(cell);
    expect(out.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it.each(["-16584", "-12721,5", "0", "118000", "3,14", "-0,001"])("leaves the plain number %j unescaped, so it stays a number", (cell) => {
    expect(escapeCsvCell(cell)).toBe(cell);
  });

  it("writes number cells as plain numbers: decimal comma, no thousands separator, minus kept", () => {
    expect(toCsv([[118000, -12721.5, 0, 1234567.891]], { bom: false })).toBe("118000;-12721,5;0;1234567,891\r\n");
  });

  it("quotes separators, quotes and line breaks, and keeps accents", () => {
    expect(escapeCsvCell('Équipements ; « fin de vie » "DEEE"\nligne 2')).toBe('"Équipements ; « fin de vie » ""DEEE""\nligne 2"');
    expect(escapeCsvCell(null)).toBe("");
  });
});

describe("csvNumber, the one number format of every export", () => {
  it("rounds to the given decimals and drops trailing zeros", () => {
    expect(csvNumber(73.456789)).toBe("73,46");
    expect(csvNumber(73.4)).toBe("73,4");
    expect(csvNumber(100)).toBe("100");
    expect(csvNumber(2.5, 0)).toBe("3");
    expect(csvNumber(-2210.0004, 3)).toBe("-2210");
    expect(csvNumber(0.0004, 3)).toBe("0");
  });

  it("never writes a thousands separator nor a minus zero", () => {
    expect(csvNumber(118000)).toBe("118000");
    expect(csvNumber(-1_000_000.25)).toBe("-1000000,25");
    expect(csvNumber(-0.001)).toBe("0");
    expect(csvNumber(-0)).toBe("0");
  });

  it("writes nothing when there is no number: an empty cell is never a 0", () => {
    expect(csvNumber(null)).toBe("");
    expect(csvNumber(undefined)).toBe("");
    expect(csvNumber(Number.NaN)).toBe("");
    expect(csvNumber(0)).toBe("0");
  });
});

describe("French counts", () => {
  it("agrees the noun: singular for 0 and 1, plural from 2", () => {
    expect(frCount(0, "ligne")).toBe("0 ligne");
    expect(frCount(1, "ligne")).toBe("1 ligne");
    expect(frCount(2, "ligne")).toBe("2 lignes");
    expect(frCount(1, "ligne importée", "lignes importées")).toBe("1 ligne importée");
    expect(frCount(12, "ligne importée", "lignes importées")).toBe("12 lignes importées");
  });
});
