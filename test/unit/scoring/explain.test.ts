import { describe, expect, it } from "vitest";
import { explain, explainParsed, markShares, scoreParsed, type SupplierExplanation } from "#scoring";
import { baseInput, readFixture, valid } from "./helpers";

function pointsSum(e: SupplierExplanation): number {
  return e.price.points + e.technical.points + e.rse.criteria.reduce((a, c) => a + c.points, 0);
}

describe("rule 11 — explanation", () => {
  const example = readFixture("example-input.json");

  it("explains acme in the worked example down to each answer (hand-computed)", () => {
    const e = explain(example, "acme");
    // price: 55 × 87.912…/100 = 48.3516 → 48.35, lost 6.65; technical 25 × 72/100 = 18, lost 7
    expect(e).toMatchObject({
      supplierId: "acme",
      rank: 3,
      total: 78.35,
      price: { method: "lowest-ratio", price: 182000, lowestPrice: 160000, highestPrice: 200000, share: 55, score: 87.91, points: 48.35, pointsLost: 6.65 },
      technical: { share: 25, score: 72, points: 18, pointsLost: 7 },
      rse: { share: 20, score: 60, points: 12, pointsLost: 8, evaluable: true },
    });
    const [gouvernance, finDeVie, infra] = e.rse.criteria;
    // infra-externes left out (E1 N/A): weights 3 and 2 renormalised to 60 % and 40 % of the RSE score,
    // i.e. 12 and 8 points of the mark. gouvernance 50 → 6 points; fin-de-vie 75 → 6 points.
    expect(gouvernance).toMatchObject({ id: "gouvernance", score: 50, included: true, weightShare: 60, markShare: 12, points: 6, pointsLost: 6 });
    expect(finDeVie).toMatchObject({ id: "fin-de-vie", score: 75, weightShare: 40, markShare: 8, points: 6, pointsLost: 2 });
    expect(infra).toMatchObject({ id: "infra-externes", score: null, included: false, weightShare: 0, markShare: 0, points: 0 });
    // G1 weight 2 of 3 → 8 points at best; level 4 (75) → 6, lost 2. G2 unanswered → 0 of 4, lost 4.
    expect(gouvernance!.questions).toEqual([
      { id: "G1", weight: 2, status: "answered", level: 4, score: 75, weightShare: 66.67, markShare: 8, points: 6, pointsLost: 2 },
      { id: "G2", weight: 1, status: "unanswered", level: null, score: 0, weightShare: 33.33, markShare: 4, points: 0, pointsLost: 4 },
    ]);
    expect(infra!.questions[0]).toEqual({
      id: "E1",
      weight: 1,
      status: "not-applicable",
      level: null,
      score: null,
      weightShare: 0,
      markShare: 0,
      points: 0,
      pointsLost: 0,
    });
    // 48.35 + 18 + 6 + 6 + 0 = 78.35
    expect(pointsSum(e)).toBeCloseTo(e.total, 9);
  });

  it("pointsLost of an answer is exactly what raising it to level 5 adds to the total", () => {
    const input = valid(example);
    const before = explainParsed(input, "acme", { round: false });
    const lost = before.rse.criteria[0]!.questions[1]!.pointsLost; // G2, unanswered: 4 points
    const raised = { ...input, suppliers: input.suppliers.map((s) => (s.id === "acme" ? { ...s, answers: { ...s.answers, G2: 5 as const } } : s)) };
    const after = scoreParsed(raised, { round: false }).suppliers.find((s) => s.id === "acme")!;
    expect(lost).toBeCloseTo(4, 12);
    expect(after.total - before.total).toBeCloseTo(lost, 12);
  });

  it("full precision: points add up exactly to the total", () => {
    for (const id of ["acme", "borealis", "cyclade"]) {
      const e = explain(example, id, { round: false });
      expect(Math.abs(pointsSum(e) - e.total)).toBeLessThan(1e-9);
      for (const c of e.rse.criteria) {
        expect(Math.abs(c.questions.reduce((a, q) => a + q.points, 0) - c.points)).toBeLessThan(1e-9);
      }
    }
  });

  it("flags an RSE part that no weighted criterion can carry (RSE score 0 by rule)", () => {
    const raw = baseInput({
      criteria: [
        { id: "gouvernance", weight: 1 },
        { id: "mesure", weight: 0 },
      ],
      questions: [
        { id: "G1", criterion: "gouvernance", allowNotApplicable: true },
        { id: "M1", criterion: "mesure" },
      ],
      suppliers: [{ id: "acme", price: 100, technical: 50, answers: { G1: "na", M1: 5 } }],
    });
    const e = explain(raw, "acme");
    expect(e.rse).toMatchObject({ evaluable: false, score: 0, points: 0, pointsLost: 20 });
    expect(e.rse.criteria.map((c) => [c.id, c.score, c.weightShare, c.points])).toEqual([
      ["gouvernance", null, 0, 0],
      ["mesure", 100, 0, 0],
    ]);
    // price 55 + technical 12.5 = 67.5
    expect(e.total).toBe(67.5);
  });

  it("throws a French RangeError for an unknown supplier", () => {
    expect(() => explain(example, "zeta")).toThrow(RangeError);
    expect(() => explain(example, "zeta")).toThrow(/Fournisseur inconnu : « zeta »/);
  });
});

describe("markShares — share of the final mark", () => {
  it("worked example: criteria 3/2/1 of 20 points, questions within them", () => {
    const { suppliers: _unused, ...method } = valid(readFixture("example-input.json"));
    const m = markShares(method);
    expect([m.price, m.technical, m.rse]).toEqual([55, 25, 20]);
    // 20 × 3/6 = 10; 20 × 2/6 = 6.67; 20 × 1/6 = 3.33
    expect(m.criteria).toEqual([
      { id: "gouvernance", weightShare: 50, markShare: 10 },
      { id: "fin-de-vie", weightShare: 33.33, markShare: 6.67 },
      { id: "infra-externes", weightShare: 16.67, markShare: 3.33 },
    ]);
    // G1: 10 × 2/3 = 6.67; G2: 10 × 1/3 = 3.33; F1, F2: 6.67/2 = 3.33; E1: 3.33
    expect(m.questions.map((q) => [q.id, q.criterion, q.markShare])).toEqual([
      ["G1", "gouvernance", 6.67],
      ["G2", "gouvernance", 3.33],
      ["F1", "fin-de-vie", 3.33],
      ["F2", "fin-de-vie", 3.33],
      ["E1", "infra-externes", 3.33],
    ]);
    const exact = markShares(method, { round: false });
    expect(exact.criteria.reduce((a, c) => a + c.markShare, 0)).toBeCloseTo(20, 12);
    expect(exact.questions.reduce((a, q) => a + q.markShare, 0)).toBeCloseTo(20, 12);
  });

  it("gives 0 to a criterion without (weighted) questions and renormalises the others", () => {
    const m = markShares({
      shares: { price: 60, technical: 10, rse: 30 },
      criteria: [
        { id: "a", weight: 1 },
        { id: "b", weight: 1 },
        { id: "c", weight: 2 },
      ],
      questions: [
        { id: "A1", criterion: "a" },
        { id: "C1", criterion: "c", weight: 0 },
      ],
    });
    // Only "a" can carry weight: it takes the whole 30 points.
    expect(m.criteria.map((c) => c.markShare)).toEqual([30, 0, 0]);
    expect(m.questions.map((q) => q.markShare)).toEqual([30, 0]);
  });

  it("is all zeros when no criterion can carry the RSE share", () => {
    const m = markShares({ shares: { price: 80, technical: 0, rse: 20 }, criteria: [{ id: "a", weight: 1 }], questions: [] });
    expect(m.criteria).toEqual([{ id: "a", weightShare: 0, markShare: 0 }]);
  });

  it("matches the explanation of a supplier who answered everything", () => {
    const input = valid(readFixture("example-input.json"));
    const m = markShares(input, { round: false });
    const e = explainParsed(input, "cyclade", { round: false });
    const fromExplanation = e.rse.criteria.flatMap((c) => c.questions.map((q) => q.markShare));
    m.questions.forEach((q, i) => expect(q.markShare).toBeCloseTo(fromExplanation[i]!, 12));
  });
});
