/**
 * CSV output for French spreadsheets, with every cell neutralised against formula injection
 * (a cell starting with = + - @ tab or CR gets a leading apostrophe — OWASP « CSV injection »).
 *
 * The project already has exactly this in `app/lib/csv.ts` (owned by another engineer; same
 * signatures: `escapeCsvCell(value, delimiter)`, `toCsv(rows, { delimiter, bom })`, UTF-8 BOM,
 * CRLF). Rather than a second copy that could drift, this module re-exports it, so the factor code
 * has its own import point and the behaviour is pinned by test/unit/emission-factors/csv-escape.test.ts.
 */
export { BOM, escapeCsvCell, toCsv } from "../lib/csv";
