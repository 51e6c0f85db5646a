import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  explainParsed,
  parseScoringInput,
  scoreParsed,
  type LawfulScoringResult,
  type LawfulSupplierScore,
  type ScoringInput,
} from "#scoring";
import { lawfulInputArb, scoringInputArb } from "./helpers";

const RUNS = { numRuns: 300 };
const full = (input: ScoringInput) => scoreParsed(input, { round: false }) as LawfulScoringResult;
const byId = (r: LawfulScoringResult) => new Map<string, LawfulSupplierScore>(r.suppliers.map((s) => [s.id, s]));
const inRange = (x: number) => x >= -1e-9 && x <= 100 + 1e-9;

describe("lawful-award contract — properties", () => {
  it("a supplier improving an offer value (or giving a missing one) never loses points", () => {
    const arb = lawfulInputArb
      .filter((input) => (input.offerCriteria ?? []).length > 0)
      .chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.nat(input.suppliers.length - 1),
          fc.nat(input.offerCriteria!.length - 1),
          fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        ),
      );
    fc.assert(
      fc.property(arb, ([input, si, ci, factor]) => {
        const criterion = input.offerCriteria![ci]!;
        const supplier = input.suppliers[si]!;
        const current = supplier.offerValues?.[criterion.id] ?? null;
        const lower = criterion.direction === "lower-is-better";
        // Better: lower or higher by some factor; from missing, any value.
        const better = current === null ? (lower ? 1 : 0) : lower ? current * factor : current / factor + 1;
        fc.pre(!(lower && criterion.method === "ratio" && !(better > 0)));
        const improved: ScoringInput = {
          ...input,
          suppliers: input.suppliers.map((s, i) => (i === si ? { ...s, offerValues: { ...s.offerValues, [criterion.id]: better } } : s)),
        };
        const before = byId(full(input)).get(supplier.id)!;
        const after = byId(full(improved)).get(supplier.id)!;
        expect(after.offerScores[criterion.id]!).toBeGreaterThanOrEqual(before.offerScores[criterion.id]! - 1e-9);
        expect(after.total).toBeGreaterThanOrEqual(before.total - 1e-9);
      }),
      RUNS,
    );
  });

  it("offer scores, questionnaire, RSE scores and totals stay within 0–100", () => {
    fc.assert(
      fc.property(lawfulInputArb, (input) => {
        for (const s of full(input).suppliers) {
          for (const v of [s.total, s.rseScore, s.questionnaireScore, ...Object.values(s.offerScores)]) expect(inRange(v)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("the RSE score is (Σ share × offer score + Q × questionnaire) / rse, Q = rse − Σ shares", () => {
    fc.assert(
      fc.property(lawfulInputArb, (input) => {
        const rse = input.shares.rse;
        const offerSum = (input.offerCriteria ?? []).reduce((a, c) => a + c.share, 0);
        for (const s of full(input).suppliers) {
          if (rse === 0 || offerSum === 0) {
            expect(s.rseScore).toBe(s.questionnaireScore);
            continue;
          }
          const q = Math.max(0, rse - offerSum);
          const points = (input.offerCriteria ?? []).reduce((a, c) => a + c.share * s.offerScores[c.id]!, 0);
          // Σ shares may exceed rse by float noise only: then the mean is over Σ shares.
          expect(s.rseScore).toBeCloseTo((points + q * s.questionnaireScore) / Math.max(rse, offerSum), 9);
        }
      }),
      RUNS,
    );
  });

  it("explanation parts (price, technical, offer criteria, questionnaire criteria) sum to the total", () => {
    fc.assert(
      fc.property(lawfulInputArb, (input) => {
        for (const { id } of input.suppliers) {
          const e = explainParsed(input, id, { round: false });
          const offers = e.rse.offerCriteria!.reduce((a, c) => a + c.points, 0);
          const criteria = e.rse.criteria.reduce((a, c) => a + c.points, 0);
          expect(Math.abs(e.price.points + e.technical.points + offers + criteria - e.total)).toBeLessThan(1e-9);
          expect(Math.abs(offers + criteria - e.rse.points)).toBeLessThan(1e-9);
          expect(Math.abs(criteria - e.rse.questionnaire!.points)).toBeLessThan(1e-9);
          for (const c of e.rse.offerCriteria!) expect(c.pointsLost).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      RUNS,
    );
  });

  it("supplier order in the input changes nothing", () => {
    const arb = lawfulInputArb.chain((input) =>
      fc.tuple(fc.constant(input), fc.shuffledSubarray(input.suppliers, { minLength: input.suppliers.length, maxLength: input.suppliers.length })),
    );
    fc.assert(
      fc.property(arb, ([input, shuffled]) => {
        expect(full({ ...input, suppliers: shuffled })).toEqual(full(input));
        expect(scoreParsed({ ...input, suppliers: shuffled })).toEqual(scoreParsed(input));
      }),
      RUNS,
    );
  });

  it("the private regime never raises the public rules; the public regime adds only them", () => {
    const arb = fc.tuple(
      lawfulInputArb,
      fc.array(fc.constantFrom(undefined, "contract" as const, "organisation" as const), { minLength: 8, maxLength: 8 }),
      fc.constantFrom("2024-01-15", "2026-08-20", "2026-08-21", "2030-01-01"),
    );
    fc.assert(
      fc.property(arb, ([input, scopes, launchDate]) => {
        const questions = input.questions.map((q, i) => (scopes[i] === undefined ? q : { ...q, scope: scopes[i] }));
        const asPrivate = { ...input, questions, procurement: { regime: "private" as const, launchDate } };
        expect(parseScoringInput(asPrivate).success).toBe(true);
        const asPublic = parseScoringInput({ ...asPrivate, procurement: { regime: "public", launchDate } });
        if (!asPublic.success) {
          for (const issue of asPublic.issues) {
            expect(issue.path).toMatch(/^(offerCriteria|questions|questions\[\d+\])$/);
            expect(issue.message).toMatch(/L2152-7|Nantes Métropole/);
          }
        }
      }),
      RUNS,
    );
  });

  it("an old-style input and the same input declared private score alike", () => {
    fc.assert(
      fc.property(scoringInputArb, (input) => {
        const old = scoreParsed(input, { round: false });
        const extended = full({ ...input, procurement: { regime: "private" } });
        expect(extended.winnerChangesAtRseShare).toBe(old.winnerChangesAtRseShare);
        extended.suppliers.forEach((s, i) => {
          const { questionnaireScore, offerScores, missingOfferValues, unreviewed, ...common } = s;
          expect(common).toEqual(old.suppliers[i]);
          expect(questionnaireScore).toBe(s.rseScore);
          expect([offerScores, missingOfferValues, unreviewed]).toEqual([{}, [], { answers: [], offerValues: [] }]);
        });
      }),
      RUNS,
    );
  });

  it("while only reviewed items count, changing an unreviewed answer or value changes no score", () => {
    const arb = lawfulInputArb
      .filter((input) => input.questions.length > 0)
      .chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.array(fc.boolean(), { minLength: input.questions.length * input.suppliers.length, maxLength: input.questions.length * input.suppliers.length }),
          fc.nat(input.suppliers.length - 1),
          fc.constantFrom<1 | 5 | null>(1, 5, null),
        ),
      );
    fc.assert(
      fc.property(arb, ([input, reviewedFlags, si, level]) => {
        const nq = input.questions.length;
        const tracked: ScoringInput = {
          ...input,
          procurement: { regime: "private", countOnlyReviewed: true },
          suppliers: input.suppliers.map((s, i) => ({
            ...s,
            review: {
              answers: input.questions.filter((_, k) => reviewedFlags[i * nq + k]).map((q) => q.id),
              offerValues: [],
            },
          })),
        };
        const target = tracked.suppliers[si]!;
        const unreviewed = input.questions.filter((q) => !target.review!.answers!.includes(q.id));
        fc.pre(unreviewed.length > 0);
        const changedAnswers = { ...target.answers };
        for (const q of unreviewed) changedAnswers[q.id] = level;
        const changedValues = Object.fromEntries((input.offerCriteria ?? []).map((c) => [c.id, 7]));
        const changed = {
          ...tracked,
          suppliers: tracked.suppliers.map((s, i) => (i === si ? { ...s, answers: changedAnswers, offerValues: changedValues } : s)),
        };
        expect(full(changed)).toEqual(full(tracked));
      }),
      RUNS,
    );
  });
});
