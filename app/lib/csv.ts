/**
 * CSV for French spreadsheets: UTF-8 with BOM (so Excel detects the encoding), `;` separator
 * (the French list separator), CRLF line ends, numbers the way a French spreadsheet reads them,
 * and every other cell neutralised against formula injection.
 *
 * - Numbers (`csvNumber`, and any `number` cell): plain digits, optional minus, decimal comma, no
 *   thousands separator — `118000`, `-12721,5`. A French spreadsheet reads them as numbers; the
 *   narrow no-break space of `toLocaleString("fr-FR")` (`118 000`) makes it read text (issue 10 §6).
 * - Formula injection (OWASP "CSV injection"): a text cell starting with = + - @ tab or CR is
 *   prefixed with an apostrophe. A cell that is a plain number as above is left alone, so a negative
 *   difference stays a number; anything else starting with a minus (`-1+1`, `-A1`) is still escaped
 *   (issue 20 §3).
 * - An empty cell means "no value", never 0: write the 0 (exports pass numbers, not "").
 */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number as `csvNumber` writes it: optional minus, digits, optional decimal comma and digits. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?$/;

/**
 * A number for a French spreadsheet: at most `digits` decimals (trailing zeros dropped), decimal
 * comma, no thousands separator; `""` when there is no number (null, undefined, NaN, ±Infinity).
 */
export function csvNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  // toFixed rounds half away from zero on the decimal representation and never uses exponents below 1e21.
  let text = Math.abs(n) >= 1e21 ? String(Math.round(n)) : n.toFixed(digits);
  if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  if (/^-0$/.test(text)) text = "0";
  return text.replace(".", ",");
}

/** A number cell written as it is (shortest exact form, no rounding), the French way. */
function exactNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  let text = String(n);
  // Exponent forms (below 1e-6 or from 1e21): write the digits out.
  if (/e/i.test(text)) text = Math.abs(n) >= 1 ? BigInt(Math.round(n)).toString() : n.toFixed(20).replace(/\.?0+$/, "");
  if (/^-0$/.test(text)) text = "0";
  return text.replace(".", ",");
}

export function escapeCsvCell(value: unknown, delimiter = ";"): string {
  let text = value === null || value === undefined ? "" : typeof value === "number" ? exactNumber(value) : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    text = `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function toCsv(rows: readonly (readonly unknown[])[], { delimiter = ";", bom = true } = {}): string {
  const body = rows.map((row) => row.map((cell) => escapeCsvCell(cell, delimiter)).join(delimiter)).join("\r\n");
  return (bom ? BOM : "") + body + "\r\n";
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}
