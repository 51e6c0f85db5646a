import { describe, expect, it } from "vitest";
import { factorColumns } from "#emission-factors/columns";
import { createFactorRowSchema, type FactorRowInput } from "#emission-factors/schema";

// Issue 16: the reader's hot path (`fastFactor`, cells by column index → the reader's factor) must
// give what the zod schema gives plus the reader's `line` and `extra`, and refuse what zod refuses.
const valid: FactorRowInput = {
  item: " Ordinateur portable ",
  segment: "Postes de travail",
  ghg_category: "cat. 2",
  value: "1\u00a0234,5",
  unit: "tCO2e/unité",
  uncertainty_pct: "± 15 %",
  method: "LCA ISO14040",
  accounting: "",
  reference_year: "2024",
  verified_by: "Organisme tiers",
  source: "https://exemple.fr/fiche.pdf",
};
const pcf: FactorRowInput = { product_mass_kg: "2,5", cpc_code: "4527", fossil_value: "1,2", boundary: "berceau-porte", packaging_included: "oui", ipcc_ar: "ar6" };
const variants: FactorRowInput[] = [
  valid,
  { ...valid, value: "38,5", unit: "gCO2e/kWh", accounting: "market-based", ghg_category: undefined, uncertainty_pct: undefined, verified_by: undefined, source: undefined },
  { ...valid, value: "1,234" },
  { ...valid, segment: "segment libre" },
  { ...valid, ...pcf },
  { ...valid, ...pcf, exempted_pct: "120" },
  { ...valid, value_incl_biogenic: "-1,5" },
  { ...valid, value: "-3" },
  { ...valid, value: "" },
  { ...valid, value: undefined },
  { ...valid, unit: "kg/furlong" },
  { ...valid, reference_year: "1999" },
  { ...valid, reference_year: "20245" },
  { ...valid, ghg_category: "16" },
  { ...valid, method: "inconnue", item: "   " },
  { ...valid, item: "x".repeat(301) },
  {},
];

describe("fastFactor", () => {
  it("gives the zod schema's factor (with line and extra) for valid rows and null for invalid ones", () => {
    for (const decimalSeparator of [",", undefined] as const) {
      const schema = createFactorRowSchema({ currentYear: 2025, decimalSeparator });
      for (const input of variants) {
        const cells = factorColumns.map((c) => input[c]);
        const extra = { note: "x" };
        const fast = schema.fastFactor(cells, 7, extra);
        const slow = schema.safeParse(input);
        if (!slow.success) {
          expect(fast).toBeNull();
          continue;
        }
        const { pcf: slowPcf, ...rest } = slow.data;
        expect(fast).toEqual({ line: 7, ...rest, extra, ...(slowPcf ? { pcf: slowPcf } : {}) });
        expect(fast?.extra).toBe(extra);
      }
    }
  });
});
