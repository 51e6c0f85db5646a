/**
 * Numbers as French and English spreadsheets write them.
 *
 * Accepted forms (surrounding spaces ignored; optional sign `+`, `-` or `−` U+2212; optional
 * exponent `e`/`E` as Excel writes small numbers, e.g. `1,5E-03`):
 * - plain digits: `1234`
 * - decimal comma: `1234,5`, `0,35`, `,5`
 * - decimal point: `1234.5`, `.5`
 * - thousands in groups of three separated by a space, a non-breaking space (U+00A0) or a narrow
 *   non-breaking space (U+202F) — what French Excel and `toLocaleString("fr-FR")` write — with a
 *   decimal comma or point: `1 234`, `1 234,5`, `12 345 678.9`
 * - thousands separated by `,` with a decimal point (English): `1,234.5`, `1,234,567`
 * - thousands separated by `.` with a decimal comma (German style): `1.234,5`, `1.234.567`
 *
 * The one ambiguous form is a single comma followed by exactly three digits after a 1–3 digit
 * integer part not starting with 0 (`1,234`, `12,500`): French for 1.234 / 12.5, English for
 * 1234 / 12500. It is read with the file's decimal convention when the caller knows it
 * (`decimalSeparator`, e.g. `,` for a `;`-separated French Excel export) and otherwise rejected
 * as ambiguous — never silently guessed. A single dot is always a decimal point (`1.234` = 1.234).
 *
 * Everything else (letters, units, currency signs, misplaced separators such as `1 23,4` or
 * `1,23,4`, two decimal separators) is rejected.
 */

export type DecimalSeparator = "," | ".";

export type DecimalParse =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "invalid" | "ambiguous" };

const SPACES = "[ \\u00a0\\u202f]";
const SPACE_GROUPED = new RegExp(`^\\d{1,3}(?:${SPACES}\\d{3})+(?:[.,]\\d+)?$`);
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const PLAIN = /^(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
const AMBIGUOUS = /^[1-9]\d{0,2},\d{3}$/;
const EXPONENT = /[eE]([+-]?\d{1,3})$/;

/**
 * Parse a decimal number written the French or the English way (see module comment).
 * Returns the reason when it is not a number.
 */
export function parseDecimalDetailed(text: string, options: { decimalSeparator?: DecimalSeparator } = {}): DecimalParse {
  let s = text.trim();
  if (s === "") return { ok: false, reason: "empty" };
  let sign = 1;
  const first = s[0];
  if (first === "-" || first === "\u2212" || first === "+") {
    if (first !== "+") sign = -1;
    s = s.slice(1).trimStart();
  }
  let exponent = "";
  const exp = EXPONENT.exec(s);
  if (exp) {
    exponent = `e${exp[1]}`;
    s = s.slice(0, exp.index);
  }
  if (s === "") return { ok: false, reason: "invalid" };

  let normalised: string;
  if (/[ \u00a0\u202f]/.test(s)) {
    if (!SPACE_GROUPED.test(s)) return { ok: false, reason: "invalid" };
    normalised = s.replace(/[ \u00a0\u202f]/g, "").replace(",", ".");
  } else if (s.includes(",") && s.includes(".")) {
    if (COMMA_GROUPED.test(s) && s.lastIndexOf(".") > s.lastIndexOf(",")) normalised = s.replace(/,/g, "");
    else if (DOT_GROUPED.test(s) && s.lastIndexOf(",") > s.lastIndexOf(".")) normalised = s.replace(/\./g, "").replace(",", ".");
    else return { ok: false, reason: "invalid" };
  } else if (countOf(s, ",") > 1) {
    if (!COMMA_GROUPED.test(s) || exponent) return { ok: false, reason: "invalid" };
    normalised = s.replace(/,/g, "");
  } else if (countOf(s, ".") > 1) {
    if (!DOT_GROUPED.test(s) || exponent) return { ok: false, reason: "invalid" };
    normalised = s.replace(/\./g, "");
  } else if (AMBIGUOUS.test(s) && !exponent) {
    if (options.decimalSeparator === ",") normalised = s.replace(",", ".");
    else if (options.decimalSeparator === ".") normalised = s.replace(",", "");
    else return { ok: false, reason: "ambiguous" };
  } else {
    if (!PLAIN.test(s)) return { ok: false, reason: "invalid" };
    normalised = s.replace(",", ".");
  }
  const value = sign * Number(normalised + exponent);
  if (!Number.isFinite(value)) return { ok: false, reason: "invalid" };
  // -0 is 0 for our purposes.
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * The most common forms of `parseDecimalDetailed`, read without regular expressions nor objects
 * (issue 16: number parsing was ~9 % of a factor file's validation): digits, with at most one `,`
 * or `.` between digits (`38,5`, `0.35`, `1234`) — but not the ambiguous `1,234`. Returns the
 * value, the same as `parseDecimalDetailed` gives for that text; `undefined` for any other text
 * (signs, spaces, exponents, groups, ambiguous forms…): the caller then asks `parseDecimalDetailed`.
 */
export function parsePlainDecimal(s: string): number | undefined {
  const n = s.length;
  let sep = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && sep === -1 && i > 0 && i < n - 1) {
      sep = i;
      continue;
    }
    return undefined;
  }
  if (n === 0) return undefined;
  let value: number;
  if (sep !== -1 && s.charCodeAt(sep) === 44) {
    if (sep <= 3 && n - sep === 4 && s.charCodeAt(0) !== 48) return undefined; // 1,234: the file's convention decides
    value = Number(`${s.slice(0, sep)}.${s.slice(sep + 1)}`);
  } else value = Number(s);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parse a decimal number written the French or the English way; `null` when the text is empty,
 * not a number, or ambiguous without `decimalSeparator` (see module comment for accepted forms).
 */
export function parseDecimal(text: string, options: { decimalSeparator?: DecimalSeparator } = {}): number | null {
  const result = parseDecimalDetailed(text, options);
  return result.ok ? result.value : null;
}

function countOf(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** A size in bytes the French way: « 10 Mo », « 512 Ko », « 12 octets » (the portal uses it too). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
  if (n >= 1024) return `${Math.round(n / 1024).toLocaleString("fr-FR")} Ko`;
  return `${n} octets`;
}
