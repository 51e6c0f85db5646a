import { describe, expect, it } from "vitest";
import {
  findWinnerChange,
  nonRseScore,
  scoreParsed,
  totalAtRseShare,
  winnerChangesAtRseShare,
  type StabilityLine,
} from "#scoring";
import { baseInput, readFixture, rescaledShares, valid } from "./helpers";

/** A line from its two ends: total at RSE share 0 is A, at share 100 it would be R. */
const line = (id: string, nonRse: number, rse: number): StabilityLine => ({ id, nonRseScore: nonRse, rseScore: rse });

describe("rule 9 — winner stability (lines)", () => {
  it("total is linear in the RSE share: A + s (R − A) / 100", () => {
    expect(totalAtRseShare(line("a", 80, 40), 0)).toBe(80);
    expect(totalAtRseShare(line("a", 80, 40), 25)).toBe(70); // 80 + 25 × (−40) / 100
  });

  it("A is the price/technical weighted mean; equal split when both shares are 0", () => {
    expect(nonRseScore(60, 20, 100, 50)).toBe(87.5); // (6000 + 1000) / 80
    expect(nonRseScore(0, 0, 100, 50)).toBe(75); // unreachable with valid input (RSE ≤ 30)
  });

  it("finds a crossing above the chosen share", () => {
    // W: flat 60. j: 50 at s=0, slope (100−50)/100 = 0.5 → 50 + 0.5 s = 60 at s = 20.
    expect(findWinnerChange([line("w", 60, 60), line("j", 50, 100)], 0, 10)).toBeCloseTo(20, 12);
  });

  it("finds a crossing below the chosen share", () => {
    // W: 60 + 0.3 s (A 60, R 90). j: flat 66 → crossing at s = 20; W leads above 20.
    expect(findWinnerChange([line("w", 60, 90), line("j", 66, 66)], 0, 25)).toBeCloseTo(20, 12);
  });

  it("returns null when nobody overtakes in [0, 30]", () => {
    expect(findWinnerChange([line("w", 90, 90), line("j", 50, 100)], 0, 20)).toBeNull(); // j: 50 + 0.5 s ≤ 65
    expect(findWinnerChange([line("w", 90, 90)], 0, 20)).toBeNull(); // single supplier
  });

  it("does not report a crossing exactly on the boundary (nothing admissible lies beyond it)", () => {
    // W: 70 − 0.7 s (A 70, R 0) → 49 at 30; j: 40 + 0.3 s (A 40, R 70) → 49 at 30.
    expect(findWinnerChange([line("w", 70, 0), line("j", 40, 70)], 0, 20)).toBeNull();
  });

  it("reports the nearest crossing; the lower one when two are equally near", () => {
    // W flat 50. j1 = 41 + 0.5 s crosses at 18 (8 away from 10); j2 = 52 − 0.5 s crosses at 4 (6 away).
    expect(findWinnerChange([line("w", 50, 50), line("j1", 41, 91), line("j2", 52, 2)], 0, 10)).toBe(4);
    // j2 = 51 − 0.5 s crosses at 2: now both 8 away → the lower share, 2.
    expect(findWinnerChange([line("w", 50, 50), line("j1", 41, 91), line("j2", 51, 1)], 0, 10)).toBe(2);
  });

  it("tie with the winner at the chosen share: the chosen share itself, if the rival gets ahead inside the range", () => {
    // W flat 60; j: 50 + 0.5 s = 60 at s = 20 → tied at 20, ahead above.
    expect(findWinnerChange([line("w", 60, 60), line("j", 50, 100)], 0, 20)).toBe(20);
    // Same at s = 30: j would only lead above 30 → no change inside the range.
    expect(findWinnerChange([line("w", 60, 60), line("j", 45, 95)], 0, 30)).toBeNull();
    // Identical lines are tied at every share: never an overtake.
    expect(findWinnerChange([line("w", 60, 70), line("j", 60, 70)], 0, 20)).toBeNull();
  });
});

describe("rule 9 — winner stability (scoring input)", () => {
  it("worked example: 8700/487 ≈ 17.86, and the winner does change there", () => {
    const input = valid(readFixture("example-input.json"));
    const c = winnerChangesAtRseShare(input)!;
    expect(c).toBeCloseTo(8700 / 487, 10);
    const at = (s: number) => scoreParsed({ ...input, shares: rescaledShares(input, s) }, { round: false }).suppliers[0]!.id;
    expect(at(20)).toBe("cyclade");
    expect(at(c + 0.01)).toBe("cyclade");
    expect(at(c - 0.01)).toBe("borealis");
  });

  it("is null when one supplier is best on every part", () => {
    const input = valid(
      baseInput({
        suppliers: [
          { id: "best", price: 100, technical: 90, answers: { G1: 5 } },
          { id: "other", price: 120, technical: 60, answers: { G1: 2 } },
        ],
      }),
    );
    expect(winnerChangesAtRseShare(input)).toBeNull();
    expect(scoreParsed(input).winnerChangesAtRseShare).toBeNull();
  });

  it("a tie for first place: the winner is the first by id, and the answer is the chosen share", () => {
    // Shares 55/25/20, same price (price score 100 for both):
    // a: technical 50, G1 level 3 → RSE 50: (5500 + 1250 + 1000) / 100 = 77.5
    // b: technical 90, G1 level 1 → RSE 0:  (5500 + 2250 + 0) / 100 = 77.5
    const input = valid(
      baseInput({
        suppliers: [
          { id: "b", price: 100, technical: 90, answers: { G1: 1 } },
          { id: "a", price: 100, technical: 50, answers: { G1: 3 } },
        ],
      }),
    );
    const r = scoreParsed(input);
    expect(r.suppliers.map((s) => [s.id, s.rank, s.total])).toEqual([
      ["a", 1, 77.5],
      ["b", 1, 77.5],
    ]);
    // Below 20, b (better price+technical) leads: the winner "a" is overtaken as soon as the share drops.
    expect(r.winnerChangesAtRseShare).toBe(20);
  });
});
