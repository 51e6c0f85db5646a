import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** Result of parsing a form: typed data, or French messages per field plus the submitted values. */
export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };

export function formDataToObject(formData: FormData, { omit = ["csrf", "password"] }: { omit?: string[] } = {}) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key)) values[key] = value;
  }
  return values;
}

export function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues), values: formDataToObject(formData) };
}

/**
 * The form's dotted field names as nested values (`criteria.3.weight`, `answers.GOUV-01.level`):
 * numeric parts are array indices (sparse arrays made dense) unless `arrays: false` keeps them as
 * object keys, a repeated name becomes an array, files are left out. The same structure
 * react-hook-form builds, so one zod schema parses both.
 */
export function formDataToNested(source: FormData | Iterable<[string, FormDataEntryValue]>, { arrays = true } = {}): Record<string, unknown> {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of source instanceof FormData ? source.entries() : source) {
    if (typeof value !== "string") continue;
    const list = grouped.get(key);
    if (list) list.push(value);
    else grouped.set(key, [value]);
  }
  const root: Record<string, unknown> = {};
  for (const [key, all] of grouped) {
    const value: unknown = all.length > 1 ? all : all[0];
    const parts = key.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (part === "__proto__" || part === "constructor" || part === "prototype") break;
      const isLast = i === parts.length - 1;
      const idx = arrays && /^\d{1,4}$/.test(part) ? Number(part) : part;
      if (isLast) {
        (node as Record<string | number, unknown>)[idx] = value;
      } else {
        const nextIsIndex = arrays && /^\d{1,4}$/.test(parts[i + 1]!);
        const existing = (node as Record<string | number, unknown>)[idx];
        const child = existing && typeof existing === "object" ? existing : nextIsIndex ? [] : {};
        (node as Record<string | number, unknown>)[idx] = child;
        node = child as Record<string, unknown> | unknown[];
      }
    }
  }
  // Sparse arrays (gaps) become dense.
  const densify = (v: unknown): unknown =>
    Array.isArray(v) ? v.filter((x) => x !== undefined).map(densify) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, densify(x)])) : v;
  return densify(root) as Record<string, unknown>;
}
