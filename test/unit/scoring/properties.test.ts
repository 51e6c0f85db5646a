import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  explainParsed,
  MAX_RSE_SHARE,
  scoreParsed,
  TIE_TOLERANCE,
  type Level,
  type ScoringInput,
  type ScoringResult,
} from "#scoring";
import { rescaledShares, scoringInputArb } from "./helpers";

const RUNS = { numRuns: 300 };
const full = (input: ScoringInput): ScoringResult => scoreParsed(input, { round: false });
const byId = (r: ScoringResult) => new Map(r.suppliers.map((s) => [s.id, s]));

describe("properties", () => {
  it("raising one answer's level never lowers that supplier's total", () => {
    const arb = scoringInputArb
      .filter((input) => input.questions.length > 0)
      .chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.nat(input.suppliers.length - 1),
          fc.nat(input.questions.length - 1),
          fc.constantFrom<Level>(1, 2, 3, 4, 5),
        ),
      );
    fc.assert(
      fc.property(arb, ([input, si, qi, target]) => {
        const supplier = input.suppliers[si]!;
        const qid = input.questions[qi]!.id;
        const current = Object.hasOwn(supplier.answers, qid) ? supplier.answers[qid]! : null;
        fc.pre(current !== "na" && (current === null || target > current));
        const raised: ScoringInput = {
          ...input,
          suppliers: input.suppliers.map((s, i) => (i === si ? { ...s, answers: { ...s.answers, [qid]: target } } : s)),
        };
        const before = byId(full(input)).get(supplier.id)!.total;
        const after = byId(full(raised)).get(supplier.id)!.total;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
      RUNS,
    );
  });

  it("supplier order in the input does not change any score, rank or the stability figure", () => {
    const arb = scoringInputArb.chain((input) =>
      fc.tuple(
        fc.constant(input),
        fc.shuffledSubarray(input.suppliers, { minLength: input.suppliers.length, maxLength: input.suppliers.length }),
      ),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        expect(scoreParsed({ ...input, suppliers: shuffled })).toEqual(scoreParsed(input));
        expect(full({ ...input, suppliers: shuffled })).toEqual(full(input));
      }),
      RUNS,
    );
  });

  it("multiplying all criterion weights by a constant changes nothing", () => {
    // Powers of two scale exactly in binary: the whole result must be identical.
    const pow2 = fc.tuple(scoringInputArb, fc.constantFrom(2, 0.5, 1024, 2 ** -10));
    fc.assert(
      fc.property(pow2, ([input, k]) => {
        const scaled = { ...input, criteria: input.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        expect(full(scaled)).toEqual(full(input));
      }),
      RUNS,
    );
    // Any positive constant: same scores up to float noise.
    const any = fc.tuple(scoringInputArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }));
    fc.assert(
      fc.property(any, ([input, k]) => {
        const scaled = { ...input, criteria: input.criteria.map((c) => ({ ...c, weight: c.weight * k })) };
        const a = byId(full(input));
        for (const [id, s] of byId(full(scaled))) {
          const t = a.get(id)!;
          expect(Math.abs(s.total - t.total)).toBeLessThan(1e-9);
          expect(Math.abs(s.rseScore - t.rseScore)).toBeLessThan(1e-9);
          for (const [cid, v] of Object.entries(s.criteria)) {
            const w = t.criteria[cid] ?? null;
            expect(v === null || w === null ? v === w : Math.abs(v - w) < 1e-9).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("every score stays within 0–100 (and the stability figure within 0–30)", () => {
    const inRange = (x: number, max = 100) => x >= -1e-9 && x <= max + 1e-9;
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        for (const r of [full(input), scoreParsed(input)]) {
          for (const s of r.suppliers) {
            for (const v of [s.total, s.priceScore, s.technicalScore, s.rseScore]) expect(inRange(v)).toBe(true);
            for (const v of Object.values(s.criteria)) if (v !== null) expect(inRange(v)).toBe(true);
          }
          if (r.winnerChangesAtRseShare !== null) expect(inRange(r.winnerChangesAtRseShare, MAX_RSE_SHARE)).toBe(true);
        }
        // Rounded output: strictly inside.
        for (const s of scoreParsed(input).suppliers) expect(s.total >= 0 && s.total <= 100).toBe(true);
      }),
      RUNS,
    );
  });

  it("explanation points sum to the total (exactly in full precision, to rounding when rounded)", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        for (const { id } of input.suppliers) {
          const e = explainParsed(input, id, { round: false });
          const criteriaPoints = e.rse.criteria.reduce((a, c) => a + c.points, 0);
          expect(Math.abs(e.price.points + e.technical.points + criteriaPoints - e.total)).toBeLessThan(1e-9);
          expect(Math.abs(criteriaPoints - e.rse.points)).toBeLessThan(1e-9);
          for (const c of e.rse.criteria) {
            expect(Math.abs(c.questions.reduce((a, q) => a + q.points, 0) - c.points)).toBeLessThan(1e-9);
            for (const q of c.questions) expect(q.pointsLost).toBeGreaterThanOrEqual(-1e-9);
          }
          const rounded = explainParsed(input, id);
          // Three rounded parts: at most 3 × 0.005 away from the rounded total, plus its own 0.005.
          expect(Math.abs(rounded.price.points + rounded.technical.points + rounded.rse.points - rounded.total)).toBeLessThanOrEqual(0.02);
        }
      }),
      RUNS,
    );
  });

  it("winnerChangesAtRseShare, when not null, is where the winner changes", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        const result = full(input);
        const c = result.winnerChangesAtRseShare;
        fc.pre(c !== null);
        const winner = result.suppliers[0]!.id;
        const s0 = input.shares.rse;
        const at = (s: number) => byId(full({ ...input, shares: rescaledShares(input, s) }));
        const lead = (m: Map<string, { total: number }>) =>
          Math.max(...[...m].filter(([id]) => id !== winner).map(([, s]) => s.total)) - m.get(winner)!.total;

        // Which side is "beyond": away from the chosen share; at the chosen share itself (a tie), either.
        const sides = c! > s0 ? [1] : c! < s0 ? [-1] : [1, -1];
        const overtaken = sides.some((dir) => {
          const end = dir > 0 ? MAX_RSE_SHARE : 0;
          if (end === c) return false;
          const just = c! + dir * Math.min(0.01, Math.abs(end - c!) / 2);
          // Just beyond: some rival strictly ahead of the winner; at the end of the range, ahead beyond
          // the tie tolerance, so the winner has lost first place in the ranking.
          const endResult = full({ ...input, shares: rescaledShares(input, end) });
          return lead(at(just)) > 0 && endResult.suppliers.find((s) => s.id === winner)!.rank > 1;
        });
        expect(overtaken).toBe(true);

        // Between the chosen share and the crossing the winner keeps first place (nearest crossing).
        if (c !== s0) expect(lead(at((s0 + c!) / 2))).toBeLessThanOrEqual(TIE_TOLERANCE);
      }),
      { numRuns: 500 },
    );
  });
});
