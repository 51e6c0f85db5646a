import { describe, expect, it } from "vitest";
import { formatNumber, formatTonnes } from "~/carbon/labels";
import { frEuros, frFormat, frNum } from "~/lib/format";

// The cached formatters (issue 16) must write exactly what `toLocaleString("fr-FR", …)` wrote.
const values = [0, -0, 1, -1, 0.5, 0.005, 0.0049, 1.005, 2.675, 12.3456, 1234.5, -98765.4321, 1e6, 123456789.987, 1e21, 3.3333333, Infinity, -Infinity];

describe("cached French number formats", () => {
  it("frNum gives the text of toLocaleString for every number of decimals", () => {
    for (const v of values) {
      for (const digits of [0, 1, 2, 3, 4]) {
        expect(frNum(v, digits)).toBe(v.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: 0 }));
      }
      expect(frNum(v)).toBe(v.toLocaleString("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 0 }));
    }
    expect(frNum(null)).toBe("—");
    expect(frNum(undefined)).toBe("—");
    expect(frNum(Number.NaN)).toBe("—");
    expect(frNum(1234.5)).toBe("1\u202f234,5");
  });

  it("frEuros and the carbon labels are unchanged", () => {
    for (const v of values) {
      expect(frEuros(v)).toBe(`${v.toLocaleString("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 2 })} € HT`);
      expect(formatTonnes(v)).toBe(Number.isFinite(v) ? `${(v / 1000).toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} tCO2e` : "—");
      if (Number.isFinite(v)) {
        const expected = v !== 0 && Math.abs(v) < 1 ? v.toLocaleString("fr-FR", { maximumSignificantDigits: 4 }) : v.toLocaleString("fr-FR", { maximumFractionDigits: 3 });
        expect(formatNumber(v, 3)).toBe(expected);
      }
    }
  });

  it("frFormat keeps one formatter per option set and refuses what toLocaleString refused", () => {
    expect(frFormat({ maximumFractionDigits: 1 })).toBe(frFormat({ maximumFractionDigits: 1 }));
    expect(() => frNum(1, 101)).toThrow(RangeError);
  });
});
