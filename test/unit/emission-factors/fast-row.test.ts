import { describe, expect, it } from "vitest";
import { createFactorRowSchema, type FactorRowInput } from "#emission-factors/schema";

// The row's fast path (issue 16) must say exactly what the zod schema says, valid or not.
const valid: FactorRowInput = {
  item: " Ordinateur portable ",
  segment: "Postes de travail",
  ghg_category: "cat. 2",
  value: "1\u00a0234,5",
  unit: "kgCO2e/unité",
  uncertainty_pct: "± 15 %",
  method: "LCA ISO14040",
  accounting: "",
  reference_year: "2024",
  verified_by: "Organisme tiers",
  source: "https://exemple.fr/fiche.pdf",
};
const variants: FactorRowInput[] = [
  valid,
  { ...valid, unit: "gCO2e/kWh", accounting: "market-based", ghg_category: undefined, uncertainty_pct: undefined, verified_by: undefined, source: undefined },
  { ...valid, segment: "segment libre" },
  { ...valid, value: "-3" },
  { ...valid, value: "" },
  { ...valid, value: undefined },
  { ...valid, unit: "kg/furlong" },
  { ...valid, reference_year: "1999" },
  { ...valid, reference_year: "2031" },
  { ...valid, ghg_category: "16" },
  { ...valid, method: "inconnue", item: "   " },
  { ...valid, uncertainty_pct: "120 %" },
  { ...valid, item: "x".repeat(301) },
  {},
];

describe("factor row fast path", () => {
  it("gives the zod schema's result for valid and invalid rows", () => {
    for (const decimalSeparator of [",", undefined] as const) {
      const schema = createFactorRowSchema({ currentYear: 2025, decimalSeparator });
      for (const input of variants) {
        const fast = schema.fastSafeParse(input);
        const slow = schema.safeParse(input);
        expect(fast.success).toBe(slow.success);
        if (slow.success) expect(fast.data).toEqual(slow.data);
        else expect(fast.error?.issues).toEqual(slow.error.issues);
      }
    }
  });
});
