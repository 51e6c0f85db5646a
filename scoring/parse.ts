/**
 * Parsing entry points and French issue formatting. Valid inputs take the fast path
 * (fast-validate.ts); anything else is parsed by the zod schema, the authority for what is valid
 * and for every error message and path.
 */
import { z } from "zod";
import { fastValidate } from "./fast-validate";
import { lawfulAwardWarnings } from "./lawful-award";
import { scoringInputSchema, scoringMethodSchema, type ScoringInput, type ScoringMethod } from "./schema";
import { compileMethod, tableFromParsed, type SupplierTable } from "./table";

export interface FormattedIssue {
  /** JSON path such as `suppliers[0].answers.G1`; "" for the root. */
  path: string;
  message: string;
}

/**
 * `warnings`: advice that does not block (issue 11 §1.6: environmental offer shares below 10 % of
 * the mark in a public tender), in French with paths; empty for old-style inputs.
 */
export type ParseResult<T> =
  | { success: true; data: T; warnings: FormattedIssue[] }
  | { success: false; issues: FormattedIssue[]; warnings: FormattedIssue[] };

/** zod's French locale as a per-parse fallback; never installed globally. */
const frenchFallback = z.locales.fr().localeError;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["suppliers", 0, "answers", "G1"]` → `suppliers[0].answers.G1`; odd keys are quoted: `answers["gouv-1"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const key = typeof seg === "symbol" ? (seg.description ?? "") : seg;
      out += IDENTIFIER.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** French, path-addressed list of problems, in the order zod found them. */
export function formatIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): FormattedIssue[] {
  const issues = error instanceof z.ZodError ? error.issues : error;
  return issues.map((iss) => ({ path: formatPath(iss.path), message: iss.message }));
}

/** French advice on a method or input (read defensively: it may be invalid), with JSON paths. */
export function methodWarnings(method: unknown): FormattedIssue[] {
  return lawfulAwardWarnings(method).map((w) => ({ path: formatPath(w.path), message: w.message }));
}

export function parseScoringInput(input: unknown): ParseResult<ScoringInput> {
  const fast = fastValidate(input, true, frenchFallback);
  if (fast !== undefined) {
    return { success: true, data: { ...fast.method, suppliers: fast.suppliers! }, warnings: methodWarnings(fast.method) };
  }
  return schemaParse(input);
}

/** The zod schema alone: the authority, and the path for invalid input. */
function schemaParse(input: unknown): ParseResult<ScoringInput> {
  const r = scoringInputSchema.safeParse(input, { error: frenchFallback });
  return r.success
    ? { success: true, data: r.data, warnings: methodWarnings(r.data) }
    : { success: false, issues: formatIssues(r.error), warnings: methodWarnings(input) };
}

export function parseScoringMethod(input: unknown): ParseResult<ScoringMethod> {
  const r = scoringMethodSchema.safeParse(input, { error: frenchFallback });
  return r.success
    ? { success: true, data: r.data, warnings: methodWarnings(r.data) }
    : { success: false, issues: formatIssues(r.error), warnings: methodWarnings(input) };
}

/** Thrown by `score` / `explain` on invalid input; carries every problem. */
export class ScoringInputError extends Error {
  readonly issues: FormattedIssue[];
  constructor(issues: FormattedIssue[]) {
    const lines = issues.map((i) => `${i.path || "(racine)"} : ${i.message}`);
    super(`Données de notation invalides (${issues.length} problème${issues.length > 1 ? "s" : ""}) :\n${lines.join("\n")}`);
    this.name = "ScoringInputError";
    this.issues = issues;
  }
}

/** Validated input; throws `ScoringInputError` with every problem. */
export function validated(input: unknown): ScoringInput {
  const parsed = parseScoringInput(input);
  if (!parsed.success) throw new ScoringInputError(parsed.issues);
  return parsed.data;
}

/**
 * For `score()`: the validated method and the supplier table, reading each answer once on the fast
 * path. Throws `ScoringInputError` with every problem.
 */
export function validateForScoring(input: unknown): { method: ScoringMethod; table: SupplierTable } {
  const fast = fastValidate(input, false, frenchFallback);
  if (fast !== undefined) return { method: fast.method, table: fast.table };
  const parsed = schemaParse(input);
  if (!parsed.success) throw new ScoringInputError(parsed.issues);
  const data = parsed.data;
  const table = tableFromParsed(compileMethod(data), data.suppliers, data.procurement?.countOnlyReviewed === true);
  return { method: data, table };
}
