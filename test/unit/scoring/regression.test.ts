import { describe, expect, it } from "vitest";
import { explainParsed, markShares, parseScoringInput, score, scoreParsed, type ScoringInput } from "#scoring";
import type { InvalidCase, RegressionCase } from "./regression-corpus";
import { readFixture } from "./helpers";

// Outputs recorded at commit 2c715b4, before the lawful-award contract (issue 11) and the speed work
// (issue 16): old-style inputs must score, explain and fail exactly as they did.
const corpus = readFixture("regression-old-style.json") as { cases: RegressionCase[]; invalid: InvalidCase[] };
/** Compare as stored: JSON has no undefined and no -0. */
const asStored = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

describe("old-style inputs score exactly as before the lawful-award contract", () => {
  it("has a corpus (worked example + generated inputs, valid and invalid)", () => {
    expect(corpus.cases.length).toBeGreaterThan(100);
    expect(corpus.invalid.filter((c) => c.issues.length > 0).length).toBeGreaterThan(60);
  });

  it("parses to the same validated input", () => {
    for (const c of corpus.cases) {
      const r = parseScoringInput(c.input);
      expect(r.success).toBe(true);
      expect(asStored(r.success && r.data)).toEqual(c.input);
    }
  });

  it("gives the same results, rounded and in full precision, through score and scoreParsed", () => {
    for (const c of corpus.cases) {
      expect(asStored(score(c.input))).toEqual(c.rounded);
      expect(asStored(scoreParsed(c.input))).toEqual(c.rounded);
      expect(asStored(score(c.input, { round: false }))).toEqual(c.full);
    }
  });

  it("gives the same explanations and mark shares", () => {
    for (const c of corpus.cases) {
      const input = c.input as ScoringInput;
      const { suppliers: _s, ...method } = input;
      expect(asStored(input.suppliers.map((s) => explainParsed(input, s.id)))).toEqual(c.explanations);
      expect(asStored(input.suppliers.map((s) => explainParsed(input, s.id, { round: false })))).toEqual(c.explanationsFull);
      expect(asStored(markShares(method))).toEqual(c.markShares);
    }
  });

  it("reports the same French issues, with the same paths, in the same order", () => {
    for (const c of corpus.invalid) {
      const r = parseScoringInput(c.input);
      expect(r.success ? [] : r.issues).toEqual(c.issues);
    }
  });
});
