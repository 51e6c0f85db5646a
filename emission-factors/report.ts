/**
 * The validation report of an emission-factor file, and how its issues are worded.
 */
import type { FactorColumn } from "./columns";
import type { CsvEncoding } from "./decode";
import type { NormalisedFactor } from "./schema";

/** A problem that makes a row (or the whole file, line 1) invalid. */
export interface FactorIssue {
  /** Physical line of the file where the row starts (1 = first line, normally the header). */
  line: number;
  /**
   * Column name as written in the file's header; the canonical name when the column is missing;
   * `""` for a problem of the whole line (unbalanced quotes, too many fields, no data).
   */
  column: string;
  /** The cell as written (trimmed, at most 200 characters), when there is one. */
  value?: string;
  /** French message, e.g. `« -3 » n'est pas un nombre positif`. */
  message: string;
}

/** Something worth telling that does not make a row invalid (unknown column, duplicate…). */
export interface FactorWarning {
  line?: number;
  column?: string;
  message: string;
}

export type CsvDelimiter = ";" | "," | "\t";

export interface FactorsReport {
  /** Data rows read (non-empty lines after the header; a quoted multi-line record counts once). */
  rows: number;
  /** Rows that passed every check (0 when the header itself is wrong). */
  valid: number;
  /** Every problem found, up to `maxErrors` (see `errorCount`). */
  errors: FactorIssue[];
  /** Total number of problems, including those not stored past `maxErrors`. */
  errorCount: number;
  warnings: FactorWarning[];
  /** The valid rows, normalised, in file order. */
  factors: NormalisedFactor[];
  encoding: CsvEncoding;
  /** True when the file started with a byte-order mark. */
  bom: boolean;
  delimiter: CsvDelimiter;
  /** Canonical column → header as written in the file, for the columns present. */
  headerMap: Partial<Record<FactorColumn, string>>;
  /** Headers (as written) of the columns the contract does not know; their cells go to `extra`. */
  unknownColumns: string[];
}

/**
 * One line of French text for an issue or a warning:
 * `ligne 14, colonne valeur : « -3 » n'est pas un nombre positif`.
 */
export function formatIssue(issue: FactorIssue | FactorWarning): string {
  const where: string[] = [];
  if (issue.line !== undefined) where.push(`ligne ${issue.line}`);
  if (issue.column) where.push(`colonne ${issue.column}`);
  return where.length > 0 ? `${where.join(", ")} : ${issue.message}` : issue.message;
}
