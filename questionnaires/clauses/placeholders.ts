/**
 * Typed placeholders of clause templates: parsing, value checking, French formatting, filling.
 *
 * Syntax in a template: `{{name:type}}`, e.g. `{{duree_pieces_detachees:années}}`.
 * - `name`: ASCII snake_case (`[a-z][a-z0-9_]*`), declared once in the clause's `placeholders`.
 * - `type`: one of `placeholderTypes` (French names, as buyers read them).
 *
 * Everything here is pure (no I/O, no globals mutated) and returns plain text. Output is NOT
 * escaped for HTML, DOCX or any other format: escaping is the renderer's job. To let a renderer
 * escape and highlight the inserted values safely, `renderSegments` / `fillClause` also return
 * the text as a list of parts (`text` from the template, `value` from the buyer).
 *
 * Values typed by the buyer are sanitised before use (`sanitizeValue`): Unicode NFC; line breaks
 * and tabs become a space; other control characters (C0, DEL, C1), bidirectional override and
 * isolate characters and the BOM are removed; lone surrogates become U+FFFD; the result is
 * trimmed. A value is inserted literally, in one pass: a value containing `{{x:texte}}` or
 * `<script>` stays exactly that text and is never expanded again.
 *
 * French formatting (spaces are U+00A0 NO-BREAK SPACE, exported as `NBSP`, so that a number is
 * never separated from its unit at a line break):
 * - `années` → « 5 ans » (« 1 an »), integer 1–30;
 * - `mois` → « 6 mois », integer 1–360;
 * - `pourcentage` → « 20 % », « 12,5 % », number 0–100 (a trailing « % » in the input is accepted);
 * - `nombre` → « 1 500 », « 1,4 », number ≥ 0 (the unit, if any, is in the template);
 * - `date` → « 31/12/2027 », input `AAAA-MM-JJ` (or `JJ/MM/AAAA`), must exist in the calendar;
 * - `texte` → the sanitised text, at most `maxLength` characters (default 300);
 * - `liste` → one of the declared `values` (matched without regard to case or accents).
 * Declared `min`/`max` narrow the type's own bounds (never widen them).
 */

export const placeholderTypes = ["années", "mois", "pourcentage", "nombre", "date", "texte", "liste"] as const;
export type PlaceholderType = (typeof placeholderTypes)[number];

/** No-break space used in formatted numbers, percentages and durations. */
export const NBSP = "\u00a0";

/** Default and largest `maxLength` for `texte` placeholders. */
export const DEFAULT_TEXT_MAX_LENGTH = 300;
export const TEXT_MAX_LENGTH_LIMIT = 2000;

/** The type's own bounds; declared min/max may only narrow them. */
export const placeholderTypeBounds: Readonly<Record<PlaceholderType, { min?: number; max?: number }>> = {
  années: { min: 1, max: 30 },
  mois: { min: 1, max: 360 },
  pourcentage: { min: 0, max: 100 },
  nombre: { min: 0 },
  date: {},
  texte: {},
  liste: {},
};

/** French name of each type, for messages and forms. */
export const placeholderTypeLabels: Readonly<Record<PlaceholderType, string>> = {
  années: "durée en années",
  mois: "durée en mois",
  pourcentage: "pourcentage",
  nombre: "nombre",
  date: "date",
  texte: "texte libre",
  liste: "choix dans une liste",
};

/** What a clause declares about one placeholder (the zod schema in ./schema produces this shape). */
export interface PlaceholderDeclaration {
  readonly name: string;
  readonly type: PlaceholderType;
  /** French label shown to the buyer and used in error messages, unit included, e.g. « Durée … (années) ». */
  readonly label: string;
  /** Default value, written as a buyer would type it (e.g. "5", "20", "2,5", "2027-12-31"). */
  readonly default?: string | undefined;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  /** `texte` only: maximum length in characters. */
  readonly maxLength?: number | undefined;
  /** `liste` only: allowed values. */
  readonly values?: readonly string[] | undefined;
}

/** One occurrence of `{{name:type}}` in a text. `type` is as written (it may be unknown). */
export interface PlaceholderToken {
  readonly name: string;
  readonly type: string;
  /** The token as written, e.g. `{{duree:années}}`. */
  readonly raw: string;
  /** Offset of the token in the text (UTF-16 code units). */
  readonly index: number;
}

const TOKEN_RE = /\{\{\s*([a-z][a-z0-9_]*)\s*:\s*([^{}:\s]+)\s*\}\}/gu;

export function isPlaceholderType(type: string): type is PlaceholderType {
  return (placeholderTypes as readonly string[]).includes(type);
}

/** All well-formed `{{name:type}}` tokens of `text`, in order (repeated names repeat). */
export function parsePlaceholders(text: string): PlaceholderToken[] {
  const tokens: PlaceholderToken[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    tokens.push({ name: m[1] ?? "", type: m[2] ?? "", raw: m[0], index: m.index });
  }
  return tokens;
}

/**
 * Pieces of `{{` / `}}` left once well-formed tokens are removed (e.g. `{{nom}}`, `{{ a:b`).
 * Used by the clause schema to reject malformed templates.
 */
export function findMalformedPlaceholders(text: string): string[] {
  const rest = text.replace(TOKEN_RE, " ");
  return [...rest.matchAll(/\{\{[^{}]{0,40}\}?\}?|\}\}/gu)].map((m) => m[0]);
}

// ---------------------------------------------------------------------------------------------
// Sanitising

const LINE_BREAKS_RE = /[\t\n\v\f\r\u0085\u2028\u2029]+/gu;
// C0 (minus those above), DEL, C1, bidi embeddings/overrides/isolates, BOM.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
// With the `u` flag a valid surrogate pair is one code point, so this matches lone halves only.
const LONE_SURROGATE_RE = /[\ud800-\udfff]/gu;

/** Sanitise a value typed by a buyer (see the module comment). Idempotent. */
export function sanitizeValue(raw: string): string {
  return raw
    .replace(LONE_SURROGATE_RE, "\ufffd")
    .normalize("NFC")
    .replace(LINE_BREAKS_RE, " ")
    .replace(CONTROL_RE, "")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// French formatting

/** Lower-case and strip accents, for comparisons and search. */
export function foldForComparison(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}

function groupThousands(digits: string): string {
  if (digits.length < 4) return digits;
  const parts: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) {
    parts.unshift(digits.slice(Math.max(0, end - 3), end));
  }
  return parts.join(NBSP);
}

interface ParsedDecimal {
  readonly value: number;
  readonly intDigits: string;
  readonly fracDigits: string;
}

const DECIMAL_RE = /^(\d+)(?:[.,](\d+))?$/u;
const GROUPED_DECIMAL_RE = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?:[.,](\d+))?$/u;

/** Parse a non-negative decimal written the French or English way (« 1 500,5 », "1500.5"). */
function parseDecimal(text: string): ParsedDecimal | undefined {
  const m = DECIMAL_RE.exec(text) ?? GROUPED_DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const intDigits = (m[1] ?? "0").replace(/[ \u00a0\u202f]/gu, "").replace(/^0+(?=\d)/u, "");
  const fracDigits = (m[2] ?? "").replace(/0+$/u, "");
  if (intDigits.length > 15 || fracDigits.length > 6) return undefined;
  const value = Number(fracDigits ? `${intDigits}.${fracDigits}` : intDigits);
  return Number.isFinite(value) ? { value, intDigits, fracDigits } : undefined;
}

function formatDecimal(d: ParsedDecimal): string {
  const int = groupThousands(d.intDigits);
  return d.fracDigits ? `${int},${d.fracDigits}` : int;
}

/** A number written the French way: « 1 500 », « 1,4 » (no-break space between groups). */
export function formatNumberFr(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const sign = value < 0 ? "-" : "";
  const text = Math.abs(value).toFixed(6);
  const d = parseDecimal(text);
  return d ? sign + formatDecimal(d) : String(value);
}

/** « 20 % » */
export function formatPercentFr(value: number): string {
  return `${formatNumberFr(value)}${NBSP}%`;
}

/** « 1 an », « 5 ans » */
export function formatYearsFr(value: number): string {
  return `${formatNumberFr(value)}${NBSP}${value === 1 ? "an" : "ans"}`;
}

/** « 6 mois » */
export function formatMonthsFr(value: number): string {
  return `${formatNumberFr(value)}${NBSP}mois`;
}

/** "2027-12-31" → « 31/12/2027 » (input assumed valid). */
export function formatDateFr(isoDate: string): string {
  const [y, m, d] = isoDate.split("-");
  return `${d}/${m}/${y}`;
}

// ---------------------------------------------------------------------------------------------
// Checking one value

export type ValueCheck = { ok: true; value: string } | { ok: false; message: string };

function bounds(decl: PlaceholderDeclaration): { min?: number; max?: number } {
  const own = placeholderTypeBounds[decl.type];
  const min = [own.min, decl.min].filter((n): n is number => n !== undefined);
  const max = [own.max, decl.max].filter((n): n is number => n !== undefined);
  return {
    ...(min.length ? { min: Math.max(...min) } : {}),
    ...(max.length ? { max: Math.min(...max) } : {}),
  };
}

function rangeMessage(min: number | undefined, max: number | undefined, fmt: (n: number) => string): string {
  if (min !== undefined && max !== undefined) return `doit être compris entre ${fmt(min)} et ${fmt(max)}`;
  if (min !== undefined) return `doit être au moins égal à ${fmt(min)}`;
  return `doit être au plus égal à ${fmt(max ?? 0)}`;
}

function checkRange(
  value: number,
  decl: PlaceholderDeclaration,
  fmt: (n: number) => string,
): string | undefined {
  const { min, max } = bounds(decl);
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    return rangeMessage(min, max, fmt);
  }
  return undefined;
}

function checkInteger(
  text: string,
  decl: PlaceholderDeclaration,
  expected: string,
  fmt: (n: number) => string,
): ValueCheck {
  if (!/^\d{1,6}$/u.test(text)) {
    const hint = /^-/u.test(text) ? "une durée ne peut pas être négative" : expected;
    return { ok: false, message: hint };
  }
  const n = Number(text);
  const range = checkRange(n, decl, fmt);
  return range ? { ok: false, message: range } : { ok: true, value: fmt(n) };
}

function checkDecimal(
  text: string,
  decl: PlaceholderDeclaration,
  invalidMessage: string,
  fmt: (d: ParsedDecimal) => string,
  fmtBound: (n: number) => string,
): ValueCheck {
  if (/^-\s*\d/u.test(text)) return { ok: false, message: "un nombre négatif n'est pas admis" };
  const d = parseDecimal(text);
  if (!d) return { ok: false, message: invalidMessage };
  const range = checkRange(d.value, decl, fmtBound);
  return range ? { ok: false, message: range } : { ok: true, value: fmt(d) };
}

function checkDate(text: string): ValueCheck {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  const fr = iso ? null : /^(\d{2})\/(\d{2})\/(\d{4})$/u.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : fr ? [fr[3], fr[2], fr[1]] : undefined;
  if (!parts) return { ok: false, message: "date attendue au format AAAA-MM-JJ (par exemple 2027-12-31)" };
  const [y, m, d] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: "cette date n'existe pas dans le calendrier" };
  }
  if (y < 1900 || y > 2199) return { ok: false, message: "année hors de la plage admise (1900 à 2199)" };
  return { ok: true, value: formatDateFr(`${parts[0]}-${parts[1]}-${parts[2]}`) };
}

/**
 * Check one sanitised, non-empty value against its declaration. Returns the French-formatted
 * value, or a message (without the label; `fillClause` prefixes it).
 */
export function checkPlaceholderValue(decl: PlaceholderDeclaration, text: string): ValueCheck {
  switch (decl.type) {
    case "années":
      return checkInteger(text, decl, "nombre entier d'années attendu (par exemple 5)", formatYearsFr);
    case "mois":
      return checkInteger(text, decl, "nombre entier de mois attendu (par exemple 6)", formatMonthsFr);
    case "pourcentage":
      return checkDecimal(text.replace(/[ \u00a0\u202f]*%$/u, ""), decl, "pourcentage attendu, nombre entre 0 et 100 (par exemple 20)", (d) => `${formatDecimal(d)}${NBSP}%`, formatPercentFr);
    case "nombre":
      return checkDecimal(text, decl, "nombre attendu (par exemple 12,5)", formatDecimal, formatNumberFr);
    case "date":
      return checkDate(text);
    case "texte": {
      const max = decl.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
      const length = [...text].length;
      return length > max
        ? { ok: false, message: `${max} caractères au maximum (${length} saisis)` }
        : { ok: true, value: text };
    }
    case "liste": {
      const allowed = decl.values ?? [];
      const found = allowed.find((v) => foldForComparison(v) === foldForComparison(text));
      return found !== undefined
        ? { ok: true, value: found }
        : { ok: false, message: `valeur non prévue ; valeurs possibles : ${allowed.join(", ")}` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Rendering and filling

export type RenderedPart =
  | { readonly kind: "text"; readonly text: string }
  | {
      readonly kind: "value";
      readonly text: string;
      readonly name: string;
      readonly type: string;
      /** True when no (non-empty) value was given for this placeholder; `text` is then "". */
      readonly missing: boolean;
    };

function ownString(values: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(values, name)) return undefined;
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/**
 * Split `text` into template parts and value parts, inserting `values[name]` (sanitised, not
 * type-checked nor formatted) for each `{{name:type}}`. Values are never re-parsed. A missing or
 * empty value gives a `value` part with `missing: true` and empty text, so a preview can show
 * « à compléter ». For checked and formatted output, use `fillClause`.
 */
export function renderSegments(text: string, values: Readonly<Record<string, string | undefined>>): RenderedPart[] {
  const parts: RenderedPart[] = [];
  let cursor = 0;
  for (const token of parsePlaceholders(text)) {
    if (token.index > cursor) parts.push({ kind: "text", text: text.slice(cursor, token.index) });
    const raw = ownString(values, token.name);
    const value = raw === undefined ? "" : sanitizeValue(raw);
    parts.push({ kind: "value", text: value, name: token.name, type: token.type, missing: value === "" });
    cursor = token.index + token.raw.length;
  }
  if (cursor < text.length) parts.push({ kind: "text", text: text.slice(cursor) });
  return parts;
}

export interface FillError {
  /** Placeholder name, e.g. `duree_pieces_detachees`. */
  readonly placeholder: string;
  /** Its French label. */
  readonly label: string;
  /** Full French message naming the label: « Durée … (années) : valeur manquante ». */
  readonly message: string;
}

export type FillResult =
  | { readonly ok: true; readonly text: string; readonly parts: readonly RenderedPart[] }
  | { readonly ok: false; readonly errors: readonly FillError[] };

/** The part of a clause that `fillClause` needs. */
export interface FillableClause {
  readonly text: string;
  readonly placeholders: readonly PlaceholderDeclaration[];
}

/**
 * Fill a clause template with the buyer's values.
 *
 * Each declared placeholder takes `values[name]` once sanitised; if that is absent or empty, its
 * `default`; if neither exists, it is reported as missing. Each value is checked against its type
 * and bounds and formatted the French way. All errors are returned at once, in declaration order.
 * On success, `text` is plain text (not escaped) and `parts` lets a renderer escape and highlight
 * the inserted values. Keys of `values` that are not placeholders of the clause are ignored.
 */
export function fillClause(clause: FillableClause, values: Readonly<Record<string, string | undefined>>): FillResult {
  const errors: FillError[] = [];
  const formatted: Record<string, string> = Object.create(null) as Record<string, string>;
  const declared = new Set<string>();

  for (const decl of clause.placeholders) {
    declared.add(decl.name);
    const given = ownString(values, decl.name);
    const sanitized = given === undefined ? "" : sanitizeValue(given);
    const effective = sanitized !== "" ? sanitized : sanitizeValue(decl.default ?? "");
    if (effective === "") {
      errors.push({ placeholder: decl.name, label: decl.label, message: `${decl.label} : valeur manquante` });
      continue;
    }
    const check = checkPlaceholderValue(decl, effective);
    if (check.ok) formatted[decl.name] = check.value;
    else errors.push({ placeholder: decl.name, label: decl.label, message: `${decl.label} : ${check.message}` });
  }

  for (const token of parsePlaceholders(clause.text)) {
    if (!declared.has(token.name)) {
      declared.add(token.name);
      errors.push({
        placeholder: token.name,
        label: token.name,
        message: `${token.name} : espace réservé utilisé dans le texte mais non déclaré`,
      });
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  const parts = renderSegments(clause.text, formatted);
  return { ok: true, text: parts.map((p) => p.text).join(""), parts };
}

/** The declared defaults of a clause, by placeholder name (placeholders without default omitted). */
export function defaultValues(clause: FillableClause): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of clause.placeholders) if (p.default !== undefined) out[p.name] = p.default;
  return out;
}
