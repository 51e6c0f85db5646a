/**
 * The validation report stored with every factor upload (`factor_uploads.report`), in one shape
 * for CSV and PACT uploads, valid or not. Pure module: used by the server when writing and by
 * the pages when reading back (parsed with zod: the JSON column is an edge too).
 */
import { z } from "zod";
import type { FactorIssue, FactorWarning, FactorsReport } from "#emission-factors";

const issueSchema = z.object({ line: z.number().int(), column: z.string(), value: z.string().optional(), message: z.string() });
const warningSchema = z.object({ line: z.number().int().optional(), column: z.string().optional(), message: z.string() });

export const storedReportSchema = z.object({
  kind: z.enum(["csv", "pact"]),
  rows: z.number().int().min(0),
  valid: z.number().int().min(0),
  errors: z.array(issueSchema),
  errorCount: z.number().int().min(0),
  warnings: z.array(warningSchema),
  /** Set when the file could not be read at all (status `unreadable`). */
  unreadable: z.object({ reason: z.string(), message: z.string() }).nullable(),
  encoding: z.string().nullable().default(null),
  delimiter: z.string().nullable().default(null),
  unknownColumns: z.array(z.string()).default([]),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export function csvReportToStored(report: FactorsReport): StoredReport {
  return {
    kind: "csv",
    rows: report.rows,
    valid: report.valid,
    errors: report.errors,
    errorCount: report.errorCount,
    warnings: report.warnings,
    unreadable: null,
    encoding: report.encoding,
    delimiter: report.delimiter,
    unknownColumns: report.unknownColumns,
  };
}

export function unreadableReport(kind: "csv" | "pact", reason: string, message: string): StoredReport {
  return { kind, rows: 0, valid: 0, errors: [], errorCount: 0, warnings: [], unreadable: { reason, message }, encoding: null, delimiter: null, unknownColumns: [] };
}

export function pactReportToStored(rows: number, valid: number, errors: FactorIssue[], warnings: FactorWarning[] = []): StoredReport {
  return { kind: "pact", rows, valid, errors, errorCount: errors.length, warnings, unreadable: null, encoding: null, delimiter: null, unknownColumns: [] };
}

/** A stored report, or a placeholder when the JSON is not in the expected shape. */
export function parseStoredReport(json: unknown): StoredReport {
  const parsed = storedReportSchema.safeParse(json);
  return parsed.success ? parsed.data : unreadableReport("csv", "invalid-report", "Rapport de validation illisible.");
}

export const uploadStatusLabels = {
  imported: "importé",
  rejected: "refusé (erreurs)",
  unreadable: "illisible",
} as const;

const DELIMITER_LABELS: Record<string, string> = { ";": "point-virgule", ",": "virgule", "\t": "tabulation" };
export function delimiterLabel(d: string | null): string {
  return d === null ? "" : (DELIMITER_LABELS[d] ?? d);
}
