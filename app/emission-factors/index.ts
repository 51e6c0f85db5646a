/**
 * Emission factors: the supplier CSV contract, its validation and what is computed from a factor.
 * Pure modules only (usable in routes and components); the streaming reader is server-side:
 * `import { readFactorsCsv } from "~/emission-factors/read.server"`.
 */
export { factorColumns, factorColumnSpecs, matchHeader, normaliseHeaderName, type FactorColumn, type FactorColumnSpec } from "./columns";
export { parseDecimal, parseDecimalDetailed, type DecimalParse, type DecimalSeparator } from "./numbers";
export { parseUnit, formatUnit, type ParsedUnit } from "./units";
export {
  createFactorRowSchema,
  factorRowSchema,
  normalisedFactorSchema,
  resolveSegmentId,
  messages,
  type FactorRowInput,
  type FactorRowOutput,
  type FactorRowSchemaOptions,
  type NormalisedFactor,
} from "./schema";
export { formatIssue, type CsvDelimiter, type FactorIssue, type FactorWarning, type FactorsReport } from "./report";
export { CsvUnreadableError, type CsvUnreadableReason } from "./errors";
export { AutoDecoder, type CsvEncoding } from "./decode";
export { qualityOf, type FactorQuality, type QualityGrade } from "./quality";
export { plausibilityOf, findReferenceRatio, type Plausibility, type ReferenceRatioLike } from "./plausibility";
export { buildTemplateCsv, errorsReportCsv, TEMPLATE_FILENAME } from "./template";
export { escapeCsvCell, toCsv } from "./csv-escape";
export { pactToFactors, factorsToPact, toDecimalString, type PactImport, type PactIssue, type PactCompany, type PactExport } from "./pact";
