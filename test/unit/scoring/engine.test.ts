import { describe, expect, it } from "vitest";
import { priceScore, questionScore, round2, score, scoreParsed, type ScoringInputRaw } from "#scoring";
import { baseInput, readFixture, valid } from "./helpers";

/** One supplier, answers given; everything else from baseInput. */
function oneSupplier(overrides: Partial<ScoringInputRaw>, answers: Record<string, unknown>) {
  return baseInput({ ...overrides, suppliers: [{ id: "acme", price: 100, technical: 50, answers: answers as never }] });
}

const full = (raw: ScoringInputRaw) => scoreParsed(valid(raw), { round: false });

describe("rule 3 — question score", () => {
  it("maps levels 1–5 to 0, 25, 50, 75, 100", () => {
    // (level − 1) / 4 × 100
    expect([1, 2, 3, 4, 5].map((l) => questionScore(l as 1 | 2 | 3 | 4 | 5))).toEqual([0, 25, 50, 75, 100]);
  });

  it("counts unanswered (null or missing) as 0 and lists them in tender order", () => {
    const raw = oneSupplier(
      {
        questions: [
          { id: "G1", criterion: "gouvernance" },
          { id: "G2", criterion: "gouvernance" },
          { id: "G3", criterion: "gouvernance" },
        ],
      },
      { G3: null, G2: 5 }, // G1 missing, G3 null
    );
    const s = full(raw).suppliers[0]!;
    // gouvernance = (0 + 100 + 0) / 3 = 33.33…
    expect(s.criteria.gouvernance).toBeCloseTo(100 / 3, 12);
    expect(s.unanswered).toEqual(["G1", "G3"]);
  });

  it("leaves N/A questions out (not in unanswered, not in the mean)", () => {
    const raw = oneSupplier(
      {
        questions: [
          { id: "G1", criterion: "gouvernance" },
          { id: "G2", criterion: "gouvernance", allowNotApplicable: true },
        ],
      },
      { G1: 4, G2: "na" },
    );
    const s = full(raw).suppliers[0]!;
    expect(s.criteria.gouvernance).toBe(75); // only G1: level 4 → 75
    expect(s.unanswered).toEqual([]);
  });

  it("reads only own answers: a question id such as 'constructor' missing from answers is unanswered", () => {
    const raw = oneSupplier({ questions: [{ id: "constructor", criterion: "gouvernance" }] }, {});
    const s = full(raw).suppliers[0]!;
    expect(s.criteria.gouvernance).toBe(0);
    expect(s.unanswered).toEqual(["constructor"]);
  });
});

describe("rule 4 — criterion score", () => {
  it("is the question-weighted mean", () => {
    const raw = oneSupplier(
      {
        questions: [
          { id: "G1", criterion: "gouvernance", weight: 2 },
          { id: "G2", criterion: "gouvernance", weight: 1 },
        ],
      },
      { G1: 4, G2: 2 },
    );
    // (2 × 75 + 1 × 25) / 3 = 175 / 3 = 58.333…
    expect(full(raw).suppliers[0]!.criteria.gouvernance).toBeCloseTo(175 / 3, 12);
    expect(score(raw).suppliers[0]!.criteria.gouvernance).toBe(58.33);
  });

  const twoCriteria: Partial<ScoringInputRaw> = {
    criteria: [
      { id: "gouvernance", weight: 3 },
      { id: "mesure", weight: 1 },
    ],
  };

  it("is null for a criterion with no question; its weight is renormalised away", () => {
    const raw = oneSupplier({ ...twoCriteria, questions: [{ id: "G1", criterion: "gouvernance" }] }, { G1: 3 });
    const s = full(raw).suppliers[0]!;
    expect(s.criteria).toEqual({ gouvernance: 50, mesure: null });
    expect(s.rseScore).toBe(50); // 3 × 50 / 3, not (3 × 50 + 1 × 0) / 4
  });

  it("is null when every question of the criterion is N/A for that supplier", () => {
    const raw = oneSupplier(
      {
        ...twoCriteria,
        questions: [
          { id: "G1", criterion: "gouvernance" },
          { id: "M1", criterion: "mesure", allowNotApplicable: true },
          { id: "M2", criterion: "mesure", allowNotApplicable: true },
        ],
      },
      { G1: 5, M1: "na", M2: "na" },
    );
    const s = full(raw).suppliers[0]!;
    expect(s.criteria).toEqual({ gouvernance: 100, mesure: null });
    expect(s.rseScore).toBe(100);
  });

  it("edge: is null when the included questions weigh 0 in total (weight-0 questions carry nothing)", () => {
    const raw = oneSupplier(
      {
        ...twoCriteria,
        questions: [
          { id: "G1", criterion: "gouvernance" },
          { id: "M1", criterion: "mesure", weight: 0 },
          { id: "M2", criterion: "mesure", weight: 2, allowNotApplicable: true },
        ],
      },
      { G1: 2, M1: 5, M2: "na" },
    );
    const s = full(raw).suppliers[0]!;
    // mesure: M2 N/A, M1 weight 0 → included weight 0 → null; RSE = gouvernance = 25
    expect(s.criteria).toEqual({ gouvernance: 25, mesure: null });
    expect(s.rseScore).toBe(25);
  });
});

describe("rule 5 — RSE score", () => {
  it("is the criterion-weighted mean", () => {
    const raw = oneSupplier(
      {
        criteria: [
          { id: "gouvernance", weight: 3 },
          { id: "mesure", weight: 1 },
        ],
        questions: [
          { id: "G1", criterion: "gouvernance" },
          { id: "M1", criterion: "mesure" },
        ],
      },
      { G1: 3, M1: 5 },
    );
    // (3 × 50 + 1 × 100) / 4 = 62.5
    expect(full(raw).suppliers[0]!.rseScore).toBe(62.5);
  });

  it("edge: is 0 when the included criteria all weigh 0", () => {
    const raw = oneSupplier(
      {
        criteria: [
          { id: "gouvernance", weight: 2 },
          { id: "mesure", weight: 0 },
        ],
        questions: [
          { id: "G1", criterion: "gouvernance", allowNotApplicable: true },
          { id: "M1", criterion: "mesure" },
        ],
      },
      { G1: "na", M1: 5 },
    );
    const s = full(raw).suppliers[0]!;
    expect(s.criteria).toEqual({ gouvernance: null, mesure: 100 });
    expect(s.rseScore).toBe(0);
  });

  it("edge: is 0 when every question is N/A, and when the tender has no question", () => {
    const allNa = oneSupplier({ questions: [{ id: "G1", criterion: "gouvernance", allowNotApplicable: true }] }, { G1: "na" });
    expect(full(allNa).suppliers[0]!.rseScore).toBe(0);
    const none = oneSupplier({ questions: [] }, {});
    expect(full(none).suppliers[0]!).toMatchObject({ rseScore: 0, criteria: { gouvernance: null }, unanswered: [] });
  });
});

describe("rule 6 — price score (DAJ 2024)", () => {
  const range = { lowest: 80, highest: 120 };

  it("lowest-ratio (méthode proportionnelle) = 100 × Pmin / P", () => {
    expect(priceScore(80, range, "lowest-ratio")).toBe(100);
    expect(priceScore(100, range, "lowest-ratio")).toBe(80); // 100 × 80 / 100
    expect(priceScore(120, range, "lowest-ratio")).toBeCloseTo(200 / 3, 12); // 100 × 80 / 120
  });

  it("linear (méthode linéaire) = 100 × (Pmax − P) / (Pmax − Pmin)", () => {
    expect(priceScore(80, range, "linear")).toBe(100);
    expect(priceScore(100, range, "linear")).toBe(50); // 100 × 20 / 40
    expect(priceScore(120, range, "linear")).toBe(0);
  });

  it("linear gives 100 to everyone when all prices are equal (and to a lone supplier)", () => {
    const raw = baseInput({
      priceMethod: "linear",
      suppliers: [
        { id: "a", price: 500, technical: 10 },
        { id: "b", price: 500, technical: 20 },
      ],
    });
    expect(full(raw).suppliers.map((s) => s.priceScore)).toEqual([100, 100]);
    expect(full(baseInput({ priceMethod: "linear" })).suppliers[0]!.priceScore).toBe(100);
  });

  it("uses the technical score as given", () => {
    expect(full(baseInput()).suppliers[0]!.technicalScore).toBe(50);
  });
});

describe("rule 7 — total", () => {
  it("is (price share × price + technical share × technical + RSE share × RSE) / 100", () => {
    const raw = baseInput({
      shares: { price: 60, technical: 10, rse: 30 },
      suppliers: [
        { id: "a", price: 100, technical: 40, answers: { G1: 5 } },
        { id: "b", price: 125, technical: 90, answers: { G1: 2 } },
      ],
    });
    const byId = Object.fromEntries(full(raw).suppliers.map((s) => [s.id, s]));
    // a: (60 × 100 + 10 × 40 + 30 × 100) / 100 = (6000 + 400 + 3000) / 100 = 94
    expect(byId.a!.total).toBe(94);
    // b: price 100 × 100 / 125 = 80; (60 × 80 + 10 × 90 + 30 × 25) / 100 = (4800 + 900 + 750) / 100 = 64.5
    expect(byId.b!.total).toBe(64.5);
  });
});

describe("rule 8 — ranking", () => {
  // Totals are driven by the technical score alone (shares 0/100/0, rse 0 allowed).
  const byTechnical = (techs: Record<string, number>) =>
    baseInput({
      shares: { price: 0, technical: 100, rse: 0 },
      suppliers: Object.entries(techs).map(([id, technical]) => ({ id, price: 1, technical })),
    });

  it("ranks by total, descending; equal totals share a rank (1, 2, 2, 4) and are listed by id", () => {
    const r = full(byTechnical({ d: 10, c: 50, b: 50, a: 90 }));
    expect(r.suppliers.map((s) => [s.id, s.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("treats totals within 1e-9 as equal, and 1e-6 apart as different", () => {
    const tied = full(byTechnical({ z: 50 + 5e-10, y: 50 }));
    expect(tied.suppliers.map((s) => [s.id, s.rank])).toEqual([
      ["y", 1],
      ["z", 1],
    ]);
    const apart = full(byTechnical({ z: 50 + 1e-6, y: 50 }));
    expect(apart.suppliers.map((s) => [s.id, s.rank])).toEqual([
      ["z", 1],
      ["y", 2],
    ]);
  });

  it("orders ids by code unit, independent of locale", () => {
    const r = full(byTechnical({ b: 1, B: 1, a: 1, "é": 1 }));
    expect(r.suppliers.map((s) => s.id)).toEqual(["B", "a", "b", "é"]);
  });
});

describe("rule 10 — output", () => {
  it("matches the hand-computed worked example (README)", () => {
    const r = score(readFixture("example-input.json"));
    // acme: G1 4→75 (w2), G2 unanswered→0 (w1): gouvernance (150+0)/3 = 50; F1 3→50, F2 5→100: fin-de-vie 75;
    //   E1 N/A → infra-externes null. RSE = (3×50 + 2×75)/(3+2) = 60. Price 100×160000/182000 = 87.912…
    //   total = (55×87.912 + 25×72 + 20×60)/100 = (4835.16 + 1800 + 1200)/100 = 78.3516…
    // borealis: gouvernance 50, fin-de-vie 25, infra 25 → RSE (150+50+25)/6 = 37.5; price 100;
    //   total = (5500 + 25×65 + 20×37.5)/100 = 78.75
    // cyclade: gouvernance (2×100+75)/3 = 91.67, fin-de-vie 75, infra 50 → RSE (275+150+50)/6 = 79.1667;
    //   price 100×160000/200000 = 80; total = (4400 + 2000 + 1583.33)/100 = 79.8333
    // Rule 9: A = (55 P + 25 T)/80. cyclade A = 80, slope (79.1667−80)/100; borealis A = 89.0625, slope
    //   (37.5 − 89.0625)/100. Equal when 89.0625 − 0.515625 s = 80 − s/120 → s = 8700/487 = 17.864…
    //   (acme crosses at 13.30, farther from 20).
    expect(r).toEqual({
      suppliers: [
        {
          id: "cyclade",
          rank: 1,
          total: 79.83,
          priceScore: 80,
          technicalScore: 80,
          rseScore: 79.17,
          criteria: { gouvernance: 91.67, "fin-de-vie": 75, "infra-externes": 50 },
          unanswered: [],
        },
        {
          id: "borealis",
          rank: 2,
          total: 78.75,
          priceScore: 100,
          technicalScore: 65,
          rseScore: 37.5,
          criteria: { gouvernance: 50, "fin-de-vie": 25, "infra-externes": 25 },
          unanswered: [],
        },
        {
          id: "acme",
          rank: 3,
          total: 78.35,
          priceScore: 87.91,
          technicalScore: 72,
          rseScore: 60,
          criteria: { gouvernance: 50, "fin-de-vie": 75, "infra-externes": null },
          unanswered: ["G2"],
        },
      ],
      winnerChangesAtRseShare: 17.86,
    });
    expect(score(readFixture("example-input.json"), { round: false }).winnerChangesAtRseShare).toBeCloseTo(8700 / 487, 10);
  });

  it("rounds to 2 decimals only at output, half up despite binary noise", () => {
    expect(round2(72.345)).toBe(72.35); // 72.345 × 100 = 7234.499999999999 in binary
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2 / 3)).toBe(0.67);
    expect(round2(0.004)).toBe(0);
    // Full-precision ranking: totals 50.004 and 50.001 both print 50 but keep distinct ranks.
    const raw = baseInput({
      shares: { price: 0, technical: 100, rse: 0 },
      suppliers: [
        { id: "a", price: 1, technical: 50.001 },
        { id: "b", price: 1, technical: 50.004 },
      ],
    });
    expect(score(raw).suppliers.map((s) => [s.id, s.rank, s.total])).toEqual([
      ["b", 1, 50],
      ["a", 2, 50],
    ]);
  });
});
