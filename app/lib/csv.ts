/**
 * CSV for French spreadsheets: UTF-8 with BOM (so Excel detects the encoding), `;` separator
 * (the French list separator), CRLF line ends, and every cell neutralised against formula
 * injection: a cell starting with = + - @ tab or CR is prefixed with an apostrophe (OWASP).
 */
export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: unknown, delimiter = ";"): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
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
