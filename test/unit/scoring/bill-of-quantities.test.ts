import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  billOffer,
  BillOfQuantitiesError,
  compileBill,
  footprintOfferCriterion,
  formatCents,
  formatGrams,
  multiplyRounded,
  parseBill,
  parseBillResponse,
  parseDecimal,
  score,
  type LawfulScoringResult,
} from "#scoring";

const bill = (lines: { id: string; quantity: number | string; unit?: string }[]) => ({
  lines: lines.map((l) => ({ label: `Ligne ${l.id}`, unit: l.unit ?? "pièce", ...l })),
});

function offerOf(b: unknown, lines: Record<string, unknown>[]) {
  return billOffer(compileBill(b), { lines });
}

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof BillOfQuantitiesError) return e.issues.map((i) => `${i.path} : ${i.message}`);
    throw e;
  }
  throw new Error("expected a BillOfQuantitiesError");
}

/** Reference: exact rational arithmetic with BigInt, rounding half up, independent of decimal.ts. */
function refUnits(a: string, b: string, scale: number, shift = 0): bigint {
  const [ai, af = ""] = a.replace(",", ".").split(".");
  const [bi, bf = ""] = b.replace(",", ".").split(".");
  const num = BigInt(ai! + af) * BigInt(bi! + bf) * 10n ** BigInt(scale);
  const den = 10n ** BigInt(af.length + bf.length + shift);
  return (2n * num + den) / (2n * den); // half up for non-negative values
}

describe("decimals (exact, no binary float)", () => {
  it("reads numbers and decimal strings exactly, with a decimal comma or point", () => {
    expect(parseDecimal(0.1)).toEqual({ mantissa: 1, scale: 1 });
    expect(parseDecimal("12,50")).toEqual({ mantissa: 1250, scale: 2 });
    expect(parseDecimal(" 3.125 ")).toEqual({ mantissa: 3125, scale: 3 });
    expect(parseDecimal(1e-7)).toEqual({ mantissa: 1, scale: 7 });
    expect(parseDecimal(1250)).toEqual({ mantissa: 1250, scale: 0 });
    for (const bad of [-1, "-1", "1 000", "1e3", "abc", "", NaN, Infinity, null, "0.1234567890123"]) expect(parseDecimal(bad)).toBeUndefined();
  });

  it("reads any text like a reference parser (digits, one separator, spaces around, limits)", () => {
    const reference = (text: string): { units: bigint; scale: number } | undefined => {
      const m = /^\s*(\d+)(?:[.,](\d+))?\s*$/.exec(text);
      if (!m) return undefined;
      const frac = m[2] ?? "";
      const digits = (m[1]! + frac).replace(/^0+(?=\d)/, "");
      if (frac.length > 12 || digits.length - frac.length > 15) return undefined;
      return { units: BigInt(digits), scale: frac.length };
    };
    const text = fc.oneof(
      fc.stringMatching(/^[ 0-9.,a\u2003-]{0,22}$/),
      fc.stringMatching(/^ ?0{0,3}[0-9]{1,17}([.,][0-9]{1,14})? ?$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        const d = parseDecimal(t);
        const r = reference(t);
        expect(d === undefined).toBe(r === undefined);
        if (d && r) expect([BigInt(d.mantissa), d.scale]).toEqual([r.units, r.scale]);
      }),
      { numRuns: 3000 },
    );
  });

  it("multiplies exactly and rounds half up once", () => {
    // 0.1 × 3 is 0.30000000000000004 in binary; here 30 cents.
    expect(multiplyRounded(parseDecimal(0.1)!, parseDecimal(3)!, 2)).toBe(30);
    expect(multiplyRounded(parseDecimal("1.005")!, parseDecimal(1)!, 2)).toBe(101); // 1.005 → 1.01 (float gives 1.00)
    expect(multiplyRounded(parseDecimal("0.125")!, parseDecimal(1)!, 2)).toBe(13);
    expect(multiplyRounded(parseDecimal("0.124")!, parseDecimal(1)!, 2)).toBe(12);
    // Beyond 2^53 in the intermediate product (987654321 × 12345678 ≈ 1.2 × 10^16): BigInt, still exact.
    const big = multiplyRounded(parseDecimal("987654.321")!, parseDecimal("1234.5678")!, 2);
    expect(BigInt(big)).toBe(refUnits("987654.321", "1234.5678", 2));
    // A result beyond 9 × 10^15 units is refused rather than rounded.
    expect(() => multiplyRounded(parseDecimal("999999999999.999")!, parseDecimal("123456.789012")!, 2)).toThrow(/Montant hors limites/);
  });

  it("agrees with a BigInt reference on random decimals", () => {
    const dec = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 6 }))
      .map(([m, s]) => (s === 0 ? String(m) : `${m / 10n ** BigInt(s)}.${String(m % 10n ** BigInt(s)).padStart(s, "0")}`));
    fc.assert(
      fc.property(dec, dec, fc.constantFrom(2, 3), fc.constantFrom(0, 3), (a, b, scale, shift) => {
        const expected = refUnits(a, b, scale, shift);
        if (expected > BigInt(Number.MAX_SAFE_INTEGER)) expect(() => multiplyRounded(parseDecimal(a)!, parseDecimal(b)!, scale, shift)).toThrow(RangeError);
        else expect(BigInt(multiplyRounded(parseDecimal(a)!, parseDecimal(b)!, scale, shift))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("formats integer units as plain decimal text", () => {
    expect(formatCents(123456)).toBe("1234.56");
    expect(formatCents(5)).toBe("0.05");
    expect(formatGrams(48_200_125)).toBe("48200.125");
    expect(formatGrams(7)).toBe("0.007");
  });
});

describe("issue 12 — bill of quantities: price and footprint", () => {
  it("offer price = Σ quantity × unit price to the cent; footprint = Σ quantity × factor to the gram", () => {
    const b = bill([
      { id: "L1", quantity: 3 },
      { id: "L2", quantity: "0,1", unit: "kWh" },
      { id: "L3", quantity: 1250, unit: "utilisateur-mois" },
    ]);
    const o = offerOf(b, [
      { lineId: "L1", unitPrice: 0.1, factor: "0.1" }, // 0.30 € ; 0.300 kg
      { lineId: "L2", unitPrice: "149,90", factor: 3 }, // 14.99 € ; 0.300 kg
      { lineId: "L3", unitPrice: "2.35", factor: "1.234" }, // 2937.50 € ; 1542.500 kg
    ]);
    expect(o.lines.map((l) => [l.id, l.amountCents, l.footprintGrams, l.replaced])).toEqual([
      ["L1", 30, 300, false],
      ["L2", 1499, 300, false],
      ["L3", 293_750, 1_542_500, false],
    ]);
    expect(o.priceCents).toBe(30 + 1499 + 293_750);
    expect(o.priceText).toBe("2952.79");
    expect(o.price).toBe(2952.79);
    expect(o.footprintGrams).toBe(1_543_100);
    expect(o.footprintText).toBe("1543.100");
    expect(o.footprintKg).toBe(1543.1);
    expect(o.lines.map((l) => l.footprintShare)).toEqual([(100 * 300) / 1_543_100, (100 * 300) / 1_543_100, (100 * 1_542_500) / 1_543_100]);
  });

  it("rounds each line half up, and the total is the exact sum of the displayed lines", () => {
    // 3 × 0.335 = 1.005 → 1.01 € per line; 3 × 0.0005 kg = 1.5 g → 2 g per line.
    const b = bill([
      { id: "A", quantity: 3 },
      { id: "B", quantity: 3 },
    ]);
    const o = offerOf(b, [
      { lineId: "A", unitPrice: "0.335", factor: "0.0005" },
      { lineId: "B", unitPrice: "0.335", factor: "0.0005" },
    ]);
    expect(o.lines.map((l) => [l.amountCents, l.footprintGrams])).toEqual([
      [101, 2],
      [101, 2],
    ]);
    expect([o.priceCents, o.footprintGrams]).toEqual([202, 4]);
  });

  it("replacement rule: footprint = line amount in k€ × monetary ratio (kgCO2e/k€)", () => {
    const b = bill([{ id: "L1", quantity: 40 }]);
    // 40 × 1 249.99 € = 49 999.60 € = 49.9996 k€; × 350 kgCO2e/k€ = 17 499.86 kg
    const o = offerOf(b, [{ lineId: "L1", unitPrice: "1249.99", factor: "12.5", replacement: { ratio: 350, justification: "Facteur non vérifié par un tiers" } }]);
    expect(o.lines[0]).toMatchObject({ amountCents: 4_999_960, footprintGrams: 17_499_860, replaced: true, footprintShare: 100 });
    // A missing factor may be replaced too.
    const m = offerOf(b, [{ lineId: "L1", unitPrice: "1249.99", factor: null, replacement: { ratio: "350", justification: "Aucun facteur fourni" } }]);
    expect(m.footprintGrams).toBe(17_499_860);
  });

  it("is exact on large quantities (BigInt beyond 2^53) and on 2,000 lines", () => {
    const b = bill([{ id: "L1", quantity: "98765432.1" }]);
    const o = offerOf(b, [{ lineId: "L1", unitPrice: "1234.5678", factor: "0.000123" }]);
    expect(BigInt(o.priceCents)).toBe(refUnits("98765432.1", "1234.5678", 2));
    expect(o.priceText).toBe("121932622223.75"); // Python: Decimal("98765432.1") * Decimal("1234.5678"), half up
    expect(BigInt(o.footprintGrams)).toBe(refUnits("98765432.1", "0.000123", 3));

    const many = bill(Array.from({ length: 2000 }, (_, i) => ({ id: `L${i}`, quantity: "0.1" })));
    const lines = many.lines.map((l) => ({ lineId: l.id, unitPrice: "0.1", factor: "0.7" }));
    const r = offerOf(many, lines);
    // Each line: 0.01 € and 0.07 kg; a float sum of 2,000 × (0.1 × 0.1) would drift.
    expect(r.priceCents).toBe(2000);
    expect(r.priceText).toBe("20.00");
    expect(r.footprintText).toBe("140.000");
  });

  it("answers lines in any order; the result is in bill order", () => {
    const b = bill([
      { id: "A", quantity: 1 },
      { id: "B", quantity: 2 },
    ]);
    const o = offerOf(b, [
      { lineId: "B", unitPrice: 1, factor: 1 },
      { lineId: "A", unitPrice: 2, factor: 2 },
    ]);
    expect(o.lines.map((l) => [l.id, l.amountCents])).toEqual([
      ["A", 200],
      ["B", 200],
    ]);
  });

  it("feeds the lawful-award contract: price, and the footprint as a lower-is-better environmental criterion", () => {
    const b = compileBill(bill([{ id: "L1", quantity: 10 }]));
    const offers = [
      { id: "a", unitPrice: "100", factor: "50" },
      { id: "b", unitPrice: "80", factor: "100" },
    ].map((s) => ({ id: s.id, offer: billOffer(b, { lines: [{ lineId: "L1", unitPrice: s.unitPrice, factor: s.factor }] }) }));
    const r = score({
      procurement: { regime: "public", launchDate: "2026-10-01" },
      shares: { price: 50, technical: 20, rse: 30 },
      priceMethod: "lowest-ratio",
      offerCriteria: [footprintOfferCriterion("empreinte", 30)],
      criteria: [{ id: "c", weight: 1 }],
      questions: [],
      suppliers: offers.map(({ id, offer }) => ({ id, price: offer.price, technical: 50, offerValues: { empreinte: offer.footprintKg } })),
    }) as LawfulScoringResult;
    const a = r.suppliers.find((s) => s.id === "a")!;
    const bb = r.suppliers.find((s) => s.id === "b")!;
    // a: 500 kg (best) → 100; b: 1000 kg → 50 (ratio). Prices 1000 € and 800 €.
    expect(a.offerScores.empreinte).toBe(100);
    expect(bb.offerScores.empreinte).toBe(50);
    expect(a.priceScore).toBe(80);
    expect(footprintOfferCriterion("empreinte", 12, "linear")).toEqual({
      id: "empreinte",
      share: 12,
      direction: "lower-is-better",
      method: "linear",
      environmental: true,
    });
  });
});

describe("issue 12 — validation (French, with paths)", () => {
  it("validates the bill: unique ids, quantities > 0, labels and units, GHG category 1–15", () => {
    const r = parseBill({
      lines: [
        { id: "L1", label: "Portables", unit: "pièce", quantity: 0 },
        { id: "L1", label: "", unit: "kWh", quantity: "-2" },
        { id: "L3", label: "Hébergement", unit: "VM-heure", quantity: "12,5", ghgCategory: 16 },
        { id: "L4", label: "Écrans", unit: "pièce", quantity: "douze" },
      ],
    });
    expect(r.success).toBe(false);
    expect(!r.success && r.issues).toEqual([
      { path: "lines[0].quantity", message: "La quantité estimée doit être strictement positive." },
      { path: "lines[1].label", message: "Le libellé de la ligne ne doit pas être vide." },
      { path: "lines[1].quantity", message: expect.stringMatching(/quantité estimée doit être un nombre décimal ≥ 0.*« -2 ».*négatif/) },
      { path: "lines[2].ghgCategory", message: "La catégorie du scope 3 doit être un entier de 1 à 15 ; reçu 16." },
      { path: "lines[3].quantity", message: expect.stringMatching(/pas un nombre décimal/) },
    ]);
    const dup = parseBill(bill([{ id: "L1", quantity: 1 }, { id: "L1", quantity: 2 }]));
    expect(!dup.success && dup.issues).toEqual([{ path: "lines[1].id", message: "Identifiant de ligne en double : « L1 » (déjà utilisé par lines[0])." }]);
    expect(problems(() => compileBill({ lines: [] }))).toEqual(["lines : Le bordereau doit avoir au moins une ligne."]);
  });

  it("reports missing, unknown and doubly answered lines, negative prices and factors, a missing factor", () => {
    const b = compileBill(bill([{ id: "L1", quantity: 1 }, { id: "L2", quantity: 1 }, { id: "L3", quantity: 1 }]));
    const issues = problems(() =>
      billOffer(b, {
        lines: [
          { lineId: "L1", unitPrice: "-5", factor: 1 },
          { lineId: "L1", unitPrice: 5, factor: -1 },
          { lineId: "L9", unitPrice: 5, factor: 1 },
          { lineId: "L2", unitPrice: 5 },
        ],
      }),
    );
    expect(issues).toEqual([
      expect.stringMatching(/^lines\[0\]\.unitPrice : Le prix unitaire \(€ HT\) doit être un nombre décimal ≥ 0.*négatif/),
      expect.stringMatching(/^lines\[1\]\.factor : Le facteur d'émission \(kgCO2e par unité\) doit être un nombre décimal ≥ 0.*négatif/),
    ]);
    // Once the values are well-formed, the cross-checks with the bill run.
    const cross = problems(() =>
      billOffer(b, {
        lines: [
          { lineId: "L1", unitPrice: 5, factor: 1 },
          { lineId: "L1", unitPrice: 5, factor: 1 },
          { lineId: "L9", unitPrice: 5, factor: 1 },
          { lineId: "L2", unitPrice: 5 },
        ],
      }),
    );
    expect(cross).toEqual([
      "lines[1].lineId : La ligne « L1 » a deux réponses (déjà répondue par lines[0]).",
      "lines[2].lineId : La ligne « L9 » n'existe pas dans le bordereau.",
      "lines[3].factor : Le facteur d'émission (kgCO2e par unité) de la ligne « L2 » est obligatoire.",
      "lines : La ligne « L3 » (Ligne L3) du bordereau n'a pas de réponse : prix unitaire et facteur d'émission attendus.",
    ]);
  });

  it("requires a justification for a replacement, and refuses unknown fields", () => {
    const b = compileBill(bill([{ id: "L1", quantity: 1 }]));
    expect(problems(() => billOffer(b, { lines: [{ lineId: "L1", unitPrice: 1, replacement: { ratio: 350, justification: "  " } }] }))).toEqual([
      "lines[0].replacement.justification : La justification du remplacement ne doit pas être vide.",
    ]);
    expect(problems(() => billOffer(b, { lines: [{ lineId: "L1", unitPrice: 1, factor: 1, source: "x" }] }))).toEqual([
      "lines[0] : Champ inconnu : « source ».",
    ]);
  });

  it("the schema and the single-pass check agree: what billOffer prices, parseBillResponse accepts", () => {
    const b = bill([{ id: "A", quantity: 2 }, { id: "B", quantity: "0.5" }]);
    const compiled = compileBill(b);
    const value = fc.oneof(fc.constant(1), fc.constant("2,5"), fc.constant(-1), fc.constant("x"), fc.constant(null), fc.constant(undefined), fc.constant(0));
    const line = fc.record(
      {
        lineId: fc.constantFrom("A", "B", "C"),
        unitPrice: value,
        factor: value,
        replacement: fc.oneof(fc.constant({ ratio: 350, justification: "ok" }), fc.constant({ ratio: -1, justification: "ok" }), fc.constant({ ratio: 1 })),
      },
      { requiredKeys: ["lineId"] },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), (lines) => {
        const parsed = parseBillResponse(compiled.bill, { lines });
        let priced = true;
        try {
          billOffer(compiled, { lines });
        } catch (e) {
          if (!(e instanceof BillOfQuantitiesError)) throw e;
          priced = false;
          expect(e.issues).toEqual(!parsed.success && parsed.issues);
        }
        expect(priced).toBe(parsed.success);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("issue 12 — properties", () => {
  const decimalText = fc
    .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 3 }))
    .map(([m, s]) => (s === 0 ? String(m) : `${Math.floor(m / 10 ** s)},${String(m % 10 ** s).padStart(s, "0")}`));
  const positive = decimalText.filter((t) => parseDecimal(t)!.mantissa !== 0);
  const billArb = fc
    .array(fc.record({ quantity: positive, unitPrice: decimalText, factor: decimalText, replaced: fc.boolean() }), { minLength: 1, maxLength: 40 })
    .map((rows) => ({
      bill: bill(rows.map((r, i) => ({ id: `L${i}`, quantity: r.quantity }))),
      lines: rows.map((r, i) => ({
        lineId: `L${i}`,
        unitPrice: r.unitPrice,
        factor: r.factor,
        ...(r.replaced ? { replacement: { ratio: "412.5", justification: "référence" } } : {}),
      })),
    }));

  it("Σ line amounts = price and Σ line footprints = footprint, exactly; each line is the exact product rounded", () => {
    fc.assert(
      fc.property(billArb, ({ bill: b, lines }) => {
        const o = offerOf(b, lines);
        expect(o.lines.reduce((a, l) => a + l.amountCents, 0)).toBe(o.priceCents);
        expect(o.lines.reduce((a, l) => a + l.footprintGrams, 0)).toBe(o.footprintGrams);
        o.lines.forEach((l, i) => {
          const q = b.lines[i]!.quantity as string;
          expect(BigInt(l.amountCents)).toBe(refUnits(q, lines[i]!.unitPrice, 2));
          const expected = lines[i]!.replacement
            ? refUnits(formatCents(l.amountCents), "412.5", 3, 3)
            : refUnits(q, lines[i]!.factor, 3);
          expect(BigInt(l.footprintGrams)).toBe(expected);
        });
        if (o.footprintGrams > 0) expect(o.lines.reduce((a, l) => a + l.footprintShare, 0)).toBeCloseTo(100, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("the order of the response lines changes nothing", () => {
    const arb = billArb.chain(({ bill: b, lines }) =>
      fc.tuple(fc.constant(b), fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })),
    );
    fc.assert(
      fc.property(arb, ([b, lines, shuffled]) => {
        expect(offerOf(b, shuffled)).toEqual(offerOf(b, lines));
      }),
      { numRuns: 200 },
    );
  });
});
