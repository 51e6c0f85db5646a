/**
 * Exact decimal arithmetic for money and mass (issue 12): a non-negative decimal is an integer
 * mantissa and a scale (value = mantissa / 10^scale). Products are exact; the one rounding is
 * explicit (half up, i.e. half away from zero for these non-negative values) to a target scale.
 *
 * Integers stay JavaScript numbers while they are below 2^53 (exact there), and switch to BigInt
 * beyond: a bill of 2,000 lines × 50 offers is 100,000 products, and BigInt costs ten times more.
 * Results must fit in a safe integer (9 × 10^15 cents or grams), far beyond any tender.
 */

export interface Decimal {
  /** Integer mantissa ≥ 0 (a number when below 2^53). */
  mantissa: number | bigint;
  /** Digits after the decimal point. */
  scale: number;
}

/** Limits that keep the arithmetic exact and cheap; larger inputs are refused with a French message. */
export const MAX_DECIMALS = 12;
export const MAX_INTEGER_DIGITS = 15;

const SAFE = Number.MAX_SAFE_INTEGER;
const TWO_53 = 2 ** 53;
/** 10^k is exact in binary floating point up to k = 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const DIGITS = /^(\d+)(?:[.,](\d+))?$/;
const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function fromDigits(intPart: string, fracPart: string, exponent: number): Decimal | undefined {
  // Move the decimal point by the exponent (only numbers written as 1e-7 or 1e+21 have one).
  let digits = intPart + fracPart;
  let scale = fracPart.length - exponent;
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  digits = digits.replace(/^0+(?=\d)/, "");
  if (scale > MAX_DECIMALS || digits.length - scale > MAX_INTEGER_DIGITS) return undefined;
  const mantissa = digits.length <= 15 ? Number(digits) : BigInt(digits);
  return { mantissa: typeof mantissa === "bigint" && mantissa <= BigInt(SAFE) ? Number(mantissa) : mantissa, scale };
}

/**
 * A decimal from a JSON number or a string in plain decimal notation ("1250", "0.35", "12,5": the
 * decimal comma of French spreadsheets is accepted; no sign, no thousands separator). A number is read
 * from its shortest round-trip text, so 0.1 is exactly one tenth. `undefined` when not a non-negative
 * decimal within the limits.
 */
export function parseDecimal(value: unknown): Decimal | undefined {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return undefined;
    if (Number.isInteger(value) && value <= SAFE) return { mantissa: value === 0 ? 0 : value, scale: 0 };
    const text = String(value);
    const quick = parseDigits(text);
    if (quick) return quick; // otherwise an exponent ("1e-7") or many digits: the general parser
    const m = NUMBER_TEXT.exec(text);
    return m ? fromDigits(m[1]!, m[2] ?? "", m[3] === undefined ? 0 : Number(m[3])) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const quick = parseDigits(value);
  if (quick !== null) return quick;
  const m = DIGITS.exec(value.trim());
  return m ? fromDigits(m[1]!, m[2] ?? "", 0) : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/**
 * The common case of `parseDecimal` without regular expressions or intermediate strings (a bill of
 * 2,000 lines × 50 offers reads 200,000 decimals): digits, one optional "." or "," followed by
 * digits, spaces around. `undefined` when the text is not a decimal; `null` when it is unusual (more
 * than 15 significant digits, other spaces…) and the general parser must decide.
 */
function parseDigits(text: string): Decimal | undefined | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let mantissa = 0;
  let significant = 0;
  let scale = 0;
  let separator = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (separator >= 0) scale++;
      if (significant > 0 || c !== 48) significant++;
      mantissa = mantissa * 10 + (c - 48); // exact while significant ≤ 15
    } else if ((c === 46 || c === 44) && separator < 0 && i > start) separator = i;
    else return text.trim() === text.slice(start, end) ? undefined : null;
  }
  if (end === start || separator === end - 1) return undefined; // empty, or "12." without decimals
  if (significant > 15) return null;
  if (scale > MAX_DECIMALS || significant - scale > MAX_INTEGER_DIGITS) return undefined;
  return { mantissa, scale };
}

/** Why `parseDecimal` refused a value, in French, for error messages. */
export function decimalProblem(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value) && value < 0) return "négatif";
  if (typeof value === "string" && /^\s*-/.test(value)) return "négatif";
  if ((typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && DIGITS.test(value.trim()))) {
    return `trop de chiffres (au plus ${MAX_INTEGER_DIGITS} avant la virgule et ${MAX_DECIMALS} après)`;
  }
  return "pas un nombre décimal";
}

export function isZero(d: Decimal): boolean {
  return d.mantissa === 0 || d.mantissa === 0n;
}

/** Integer division of n ≥ 0 by 10^k, rounded half up; exact for n < 2^53. */
function divRoundNumber(n: number, k: number): number {
  const d = POW10[k]!;
  const r = n % d; // exact for integers
  const q = (n - r) / d; // exact: n − r is a multiple of d
  return 2 * r >= d ? q + 1 : q;
}

function divRoundBig(n: bigint, k: number): bigint {
  const d = 10n ** BigInt(k);
  const q = n / d;
  return 2n * (n % d) >= d ? q + 1n : q;
}

function toSafe(n: bigint): number {
  if (n > BigInt(SAFE)) throw new RangeError("Montant hors limites : le résultat dépasse 9 × 10^15 unités.");
  return Number(n);
}

/**
 * a × b / 10^shift, rounded half up to `scale` decimals, as an integer count of 10^-scale units
 * (scale 2 for cents of a euro, 3 for grams of a kilogram).
 */
export function multiplyRounded(a: Decimal, b: Decimal, scale: number, shift = 0): number {
  const exp = scale - (a.scale + b.scale + shift);
  if (typeof a.mantissa === "number" && typeof b.mantissa === "number") {
    const p = a.mantissa * b.mantissa;
    // If the rounded product is below 2^53, so is the exact one, and then the product is exact.
    if (p < TWO_53) {
      if (exp <= 0 && -exp <= 22) return divRoundNumber(p, -exp);
      if (exp > 0 && exp <= 22) {
        const up = p * POW10[exp]!;
        if (up < TWO_53) return up;
      }
    }
  }
  const p = BigInt(a.mantissa) * BigInt(b.mantissa);
  return toSafe(exp >= 0 ? p * 10n ** BigInt(exp) : divRoundBig(p, -exp));
}

/** Adds integers (cents, grams), refusing to leave the exact range. */
export function addExact(a: number, b: number): number {
  const s = a + b;
  if (s > SAFE) throw new RangeError("Montant hors limites : la somme dépasse 9 × 10^15 unités.");
  return s;
}

/** 123456 at scale 2 → "1234.56"; 5 at scale 3 → "0.005". Plain decimal text, point as separator. */
export function formatScaled(units: number, scale: number): string {
  const sign = units < 0 ? "-" : "";
  const digits = String(Math.abs(units)).padStart(scale + 1, "0");
  return scale === 0 ? sign + digits : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The canonical text of a decimal ("12,50" → "12.50": the given decimals are kept). */
export function formatDecimal(d: Decimal): string {
  if (typeof d.mantissa === "number") return formatScaled(d.mantissa, d.scale);
  const digits = d.mantissa.toString().padStart(d.scale + 1, "0");
  return d.scale === 0 ? digits : `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}`;
}
