import { describe, expect, it } from "vitest";
import { escapeCsvCell, toCsv } from "~/lib/csv";

describe("CSV for French spreadsheets", () => {
  it("starts with a BOM, separates with ; and ends lines with CRLF", () => {
    expect(toCsv([["a", "b"], [1, 2]])).toBe("\uFEFFa;b\r\n1;2\r\n");
  });

  it.each(["=SUM(A1)", "+33 1 23", "-2+3", "@cmd", "\tx", "\rx"])("neutralises formula-looking cell %j", (cell) => {
    const out = escapeCsvCell(cell);
    expect(out.replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("quotes separators, quotes and line breaks, and keeps accents", () => {
    expect(escapeCsvCell('Équipements ; « fin de vie » "DEEE"\nligne 2')).toBe('"Équipements ; « fin de vie » ""DEEE""\nligne 2"');
    expect(escapeCsvCell(null)).toBe("");
  });
});
