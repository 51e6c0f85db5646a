import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDecimalDetailed, parsePlainDecimal } from "#emission-factors/numbers";

// Issue 16: the reader's fast number path must give parseDecimalDetailed's value whenever it gives one.
describe("parsePlainDecimal", () => {
  it("reads plain digits with one decimal comma or point, leaves everything else to parseDecimalDetailed", () => {
    expect(parsePlainDecimal("38,5")).toBe(38.5);
    expect(parsePlainDecimal("0.35")).toBe(0.35);
    expect(parsePlainDecimal("1234")).toBe(1234);
    expect(parsePlainDecimal("0,234")).toBe(0.234);
    expect(parsePlainDecimal("1234,567")).toBe(1234.567);
    for (const s of ["", "1,234", "12,500", "-3", "+3", ",5", ".5", "5,", "1 234,5", "1,5E-03", "1.234,5", "1,2,3", "abc", " 1"]) {
      expect(parsePlainDecimal(s), s).toBeUndefined();
    }
  });

  it("agrees with parseDecimalDetailed on random texts of digits and separators, for both conventions", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9.,]{0,12}$/), (s) => {
        const fast = parsePlainDecimal(s);
        if (fast === undefined) return;
        for (const decimalSeparator of [",", ".", undefined] as const) {
          expect(parseDecimalDetailed(s, { decimalSeparator })).toEqual({ ok: true, value: fast });
        }
      }),
      { numRuns: 5000, seed: 16 },
    );
    expect(parsePlainDecimal("9".repeat(400))).toBeUndefined(); // Infinity: not a number for parseDecimalDetailed either
  });
});
