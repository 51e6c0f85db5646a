/** Numbers, sizes and file names, the French way, for pages, exports and messages. Browser-safe. */

/**
 * `Intl.NumberFormat` instances for fr-FR, built once per option set and kept for the process:
 * `n.toLocaleString("fr-FR", options)` builds a new formatter on every call (issue 16: 17 ms of a
 * 45 ms comparison page). `frFormat(options).format(n)` gives exactly the same text
 * (ECMA-402: `Number.prototype.toLocaleString` is `new Intl.NumberFormat(locales, options).format`).
 * Use a constant options object or one of the small fixed families below; the cache is bounded.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const MAX_CACHED_FORMATS = 64;

export function frFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("fr-FR", options);
    if (numberFormats.size < MAX_CACHED_FORMATS) numberFormats.set(key, format);
  }
  return format;
}

/** frNum's formatters by number of decimals (0–20), without the JSON key of `frFormat`. */
const byDigits: Intl.NumberFormat[] = [];
function digitsFormat(digits: number): Intl.NumberFormat {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) return frFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return (byDigits[digits] ??= new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
}
const eurosFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** French number: decimal comma, at most `digits` decimals; « — » when there is none. */
export function frNum(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  return digitsFormat(digits).format(n);
}

/** An amount in euros excluding tax, two decimals. */
export function frEuros(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return `${eurosFormat.format(n)} € HT`;
}

/** A size in bytes: « 10 Mo », « 512 Ko », « 12 octets » (one implementation, in the pure emission-factor library). */
export { formatBytes } from "#emission-factors/numbers";

/** Longest name kept for an uploaded file (characters); longer names keep their end (the extension). */
export const MAX_FILE_NAME = 200;

/**
 * An uploaded file's name kept readable but harmless — its display name: no path, no control or
 * bidirectional-override characters (which can disguise `fdp.exe` as `exe.pdf`), Unicode in NFC,
 * at most MAX_FILE_NAME characters with the extension kept. Any other character (`=`, `;`, quotes,
 * accents) stays: pages escape it and downloads encode it (`attachmentDisposition`).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  const chars = [...(cleaned || "fichier")];
  if (chars.length <= MAX_FILE_NAME) return chars.join("");
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? [...cleaned.slice(dot)] : [];
  return [...chars.slice(0, MAX_FILE_NAME - ext.length - 1), "…", ...ext].join("");
}

/**
 * A count with its noun, agreed the French way: singular for 0 and 1 (« 0 ligne », « 1 ligne »),
 * plural from 2 (« 2 lignes »). `plural` defaults to the singular with an s.
 */
export function frCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${frNum(n, 0)} ${Math.abs(n) < 2 ? singular : plural}`;
}
