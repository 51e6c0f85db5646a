import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimal, parseDecimalDetailed } from "#emission-factors/numbers";

describe("parseDecimal — accepted forms", () => {
  it.each([
    ["1234", 1234],
    ["1234,5", 1234.5],
    ["1234.5", 1234.5],
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1\u202f234,5", 1234.5],
    ["12 345 678,9", 12345678.9],
    ["1 234.5", 1234.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["0,35", 0.35],
    [",5", 0.5],
    [".5", 0.5],
    ["1.234", 1.234], // a single dot is always a decimal point
    ["0,125", 0.125], // integer part 0: not a thousands group
    ["1,2345", 1.2345],
    ["1,5E-03", 0.0015],
    ["2.5e3", 2500],
    ["  42  ", 42],
    ["+3", 3],
    ["-3", -3],
    ["\u22123,5", -3.5],
    ["-0", 0],
  ])("%j → %d", (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(["", "  ", "abc", "12 kg", "1 23,4", "1,23,4", "1.2.3,4,5", "1,2.3", "12,", "12.", "1e", "e5", "NaN", "Infinity", "0x10", "1 234 56", "--3", "1,234.5.6", "€12"])(
    "%j → null",
    (text) => {
      expect(parseDecimal(text)).toBeNull();
    },
  );

  it("refuses `1,234` as ambiguous unless the file's decimal separator is known", () => {
    expect(parseDecimalDetailed("1,234")).toEqual({ ok: false, reason: "ambiguous" });
    expect(parseDecimalDetailed("12,500")).toEqual({ ok: false, reason: "ambiguous" });
    expect(parseDecimal("1,234", { decimalSeparator: "," })).toBe(1.234);
    expect(parseDecimal("1,234", { decimalSeparator: "." })).toBe(1234);
    expect(parseDecimalDetailed("abc")).toEqual({ ok: false, reason: "invalid" });
    expect(parseDecimalDetailed(" ")).toEqual({ ok: false, reason: "empty" });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: French and English formattings of any finite non-negative number parse back.

const nonNegative = fc.oneof(
  fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
);

/** Digits of the shortest round-trip representation: [integer part, fraction, exponent]. */
function parts(x: number): [string, string, string] {
  const s = String(x === 0 ? 0 : x); // no "-0"
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new Error(`unexpected ${s}`);
  return [m[1] as string, m[2] ?? "", m[3] ?? ""];
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const frenchFormat = fc.record({ x: nonNegative, sep: fc.constantFrom("", " ", "\u00a0", "\u202f"), exp: fc.constantFrom("E", "e") }).map(({ x, sep, exp }) => {
  const [int, frac, e] = parts(x);
  return { x, text: `${group(int, sep)}${frac ? `,${frac}` : ""}${e ? `${exp}${e}` : ""}` };
});

const englishFormat = fc.record({ x: nonNegative, sep: fc.constantFrom("", ",") }).map(({ x, sep }) => {
  const [int, frac, e] = parts(x);
  return { x, text: `${group(int, sep)}${frac ? `.${frac}` : ""}${e ? `e${e}` : ""}` };
});

describe("parseDecimal — properties", () => {
  it("French formatting (decimal comma, NBSP/space thousands or none) parses back in a French file", () => {
    fc.assert(
      fc.property(frenchFormat, ({ x, text }) => {
        expect(parseDecimal(text, { decimalSeparator: "," })).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it("English formatting (dot, comma thousands or none) parses back in an English file", () => {
    fc.assert(
      fc.property(englishFormat, ({ x, text }) => {
        expect(parseDecimal(text, { decimalSeparator: "." })).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });

  it("without knowing the file, either form gives the right value or is refused as ambiguous — never a wrong value", () => {
    fc.assert(
      fc.property(fc.oneof(frenchFormat, englishFormat), ({ x, text }) => {
        const r = parseDecimalDetailed(text);
        if (r.ok) expect(r.value).toBe(x);
        else expect(r.reason).toBe("ambiguous");
      }),
      { numRuns: 3000 },
    );
  });

  it("toLocaleString('fr-FR') and ('en-US') output parses back (within float precision)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true }), (x) => {
        const fr = x.toLocaleString("fr-FR", { maximumFractionDigits: 20 });
        const en = x.toLocaleString("en-US", { maximumFractionDigits: 20 });
        // The formatter itself keeps ~17 significant digits and 20 decimals at most.
        const tolerance = Math.max(Math.abs(x) * 1e-14, 1e-20);
        expect(Math.abs((parseDecimal(fr, { decimalSeparator: "," }) as number) - x)).toBeLessThanOrEqual(tolerance);
        expect(Math.abs((parseDecimal(en, { decimalSeparator: "." }) as number) - x)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 1000 },
    );
  });
});
