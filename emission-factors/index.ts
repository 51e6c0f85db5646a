/**
 * The emission-factor library: the supplier CSV contract, its streaming reader and validation,
 * what is computed from a factor (quality, plausibility) and the WBCSD PACT mapping. Pure: no Node
 * API and nothing from the portal (like scoring/, checked by test/unit/architecture.test.ts), so
 * the portal (app/carbon/), the CLI (`npm run factors:check`) and the benchmarks share it.
 */
export { factorColumns, factorColumnSpecs, matchHeader, normaliseHeaderName, type FactorColumn, type FactorColumnSpec } from "./columns";
export { formatBytes, parseDecimal, parseDecimalDetailed, type DecimalParse, type DecimalSeparator } from "./numbers";
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
  type ProductFootprintData,
  type LifeCycleBoundary,
} from "./schema";
export { formatIssue, type CsvDelimiter, type FactorIssue, type FactorWarning, type FactorsReport } from "./report";
export { CsvUnreadableError, type CsvUnreadableReason } from "./errors";
export { AutoDecoder, type CsvEncoding } from "./decode";
export { qualityOf, type FactorQuality, type QualityGrade } from "./quality";
export { plausibilityOf, findReferenceRatio, type Plausibility, type ReferenceRatioLike } from "./plausibility";
export {
  pactToFactors,
  factorsToPact,
  pactExportIssues,
  toDecimalString,
  PACT_MISSING,
  type PactImport,
  type PactIssue,
  type PactCompany,
  type PactExport,
  type PactSkipped,
} from "./pact";
export {
  pactExportVersions,
  pactV2FootprintSpecSchema,
  pactV3FootprintSpecSchema,
  pactV2ListResponseSchema,
  pactV3ListResponseSchema,
  type PactExportVersion,
} from "./pact-spec";
export { readFactorsCsv, DEFAULT_MAX_ERRORS, DEFAULT_MAX_LINE_LENGTH, type FactorsCsvInput, type ReadFactorsOptions } from "./read";
export {
  readBaseEmpreinte,
  monetaryMultiplier,
  baseEmpreinteColumns,
  type BaseEmpreinteElement,
  type BaseEmpreinteIssue,
  type BaseEmpreinteRead,
  type BaseEmpreinteRefusal,
} from "./base-empreinte";
