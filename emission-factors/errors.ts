/**
 * The file cannot be read as CSV at all (empty, binary, a spreadsheet or PDF, no header row, a
 * line of absurd length, missing file…). Distinct from row errors, which are returned as data in
 * the report: this one means "nothing to report on". `message` is French, for the supplier.
 */
export type CsvUnreadableReason =
  | "empty"
  | "binary"
  | "spreadsheet"
  | "pdf"
  | "archive"
  | "image"
  | "no-header"
  | "line-too-long"
  | "too-large"
  | "not-found";

export class CsvUnreadableError extends Error {
  override readonly name = "CsvUnreadableError";
  constructor(
    readonly reason: CsvUnreadableReason,
    message: string,
  ) {
    super(message);
  }
}
