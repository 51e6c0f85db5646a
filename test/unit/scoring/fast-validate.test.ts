/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt arbitrary JSON inputs on purpose */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseScoringInput, score, scoreParsed, scoringInputSchema, type ScoringInput } from "#scoring";
import { fastValidate } from "#scoring/fast-validate";
import { lawfulInputArb, scoringInputArb, valid } from "./helpers";

// The fast path (issue 16) must accept only what the zod schema accepts, with the same output, and
// leave every invalid input to the schema (the authority for French errors and paths).

const locale = z.locales.fr().localeError;

type Mutation = (x: Record<string, any>, s: Record<string, any>) => void;

/** Ways to break (or merely vary) one supplier, or the root, of a valid input. */
const mutations: Mutation[] = [
  (_x, s) => (s.answers = { ...s.answers, inconnue: 3 }),
  (_x, s) => (s.answers = { ...s.answers, q0: 0 }),
  (_x, s) => (s.answers = { ...s.answers, q0: 6 }),
  (_x, s) => (s.answers = { ...s.answers, q0: 2.5 }),
  (_x, s) => (s.answers = { ...s.answers, q0: "3" }),
  (_x, s) => (s.answers = { ...s.answers, q0: "na" }),
  (_x, s) => (s.answers = { ...s.answers, q0: undefined }),
  (_x, s) => (s.answers = { ...s.answers, q0: true }),
  (_x, s) => (s.answers = JSON.parse(`{"__proto__": 3, "q0": 2}`)),
  (_x, s) => (s.answers = Object.assign(Object.create(null), s.answers)),
  (_x, s) => (s.answers = [3]),
  (_x, s) => (s.answers = new Map()),
  (_x, s) => (s.answers = undefined),
  (_x, s) => delete s.answers,
  (_x, s) => (s.answers = null),
  (_x, s) => delete s.id,
  (_x, s) => (s.id = ""),
  (_x, s) => (s.id = "__proto__"),
  (x, s) => (s.id = x.suppliers[0].id === s.id && x.suppliers.length > 1 ? x.suppliers[1].id : x.suppliers[0].id),
  (_x, s) => (s.price = 0),
  (_x, s) => (s.price = -1),
  (_x, s) => (s.price = "12"),
  (_x, s) => (s.price = Number.NaN),
  (_x, s) => (s.price = Infinity),
  (_x, s) => (s.technical = 100.5),
  (_x, s) => (s.technical = -0),
  (_x, s) => (s.technical = Number.NaN),
  (_x, s) => (s.extra = 1),
  (_x, s) => (s.offerValues = { ...s.offerValues, inconnu: 1 }),
  (_x, s) => (s.offerValues = { ...s.offerValues, o0: -1 }),
  (_x, s) => (s.offerValues = { ...s.offerValues, o0: 0 }),
  (_x, s) => (s.offerValues = { ...s.offerValues, o0: "5" }),
  (_x, s) => (s.offerValues = { ...s.offerValues, o0: null }),
  (_x, s) => (s.offerValues = { ...s.offerValues, o0: Infinity }),
  (_x, s) => (s.offerValues = undefined),
  (_x, s) => (s.offerValues = []),
  (_x, s) => (s.review = { answers: ["q0"] }),
  (_x, s) => (s.review = { answers: ["inconnue"] }),
  (_x, s) => (s.review = { offerValues: ["o0"] }),
  (_x, s) => (s.review = { offerValues: ["o9"] }),
  (_x, s) => (s.review = { autre: [] }),
  (_x, s) => (s.review = { answers: "q0" }),
  (_x, s) => (s.review = { answers: [1] }),
  (_x, s) => (s.review = { answers: undefined }),
  (_x, s) => (s.review = undefined),
  (x) => {
    // Every supplier reviewed in part (the review arrays are shared by all suppliers).
    for (const s of x.suppliers) s.review = { offerValues: Object.keys(s.offerValues ?? {}).slice(0, 1), answers: Object.keys(s.answers ?? {}).slice(1) };
  },
  (x) => {
    // No question at all.
    x.questions = [];
    for (const s of x.suppliers) delete s.answers;
  },
  (x) => (x.extra = true),
  (x) => Object.defineProperty(x, "__proto__", { value: { a: 1 }, enumerable: true, configurable: true, writable: true }),
  (x) => (x.suppliers = []),
  (x) => (x.suppliers = {}),
  (x) => (x.procurement = { regime: "private", countOnlyReviewed: true }),
  (x) => (x.procurement = undefined),
  (x) => (x.offerCriteria = undefined),
  () => undefined, // unchanged
];

const mutatedArb = fc.tuple(fc.oneof(scoringInputArb, lawfulInputArb), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 0, maxLength: 3 })).map(([input, picks]) => {
  const x = structuredClone(input) as Record<string, any>;
  for (const [m, si] of picks) {
    const suppliers = Array.isArray(x.suppliers) ? x.suppliers : [];
    const s = suppliers.length > 0 ? suppliers[si % suppliers.length] : {};
    try {
      mutations[m % mutations.length]!(x, s ?? {});
    } catch {
      // an earlier mutation removed what this one edits
    }
  }
  return x;
});

/** Deep equality that also compares key order and own undefined-valued keys. */
function expectSameOutput(actual: unknown, expected: unknown): void {
  expect(actual).toStrictEqual(expected);
  const keys = (v: unknown): unknown =>
    v !== null && typeof v === "object" ? (Array.isArray(v) ? v.map(keys) : Object.entries(v).map(([k, w]) => [k, keys(w)])) : v;
  expect(keys(actual)).toEqual(keys(expected));
}

describe("fast validation path", () => {
  it("accepts only what the schema accepts, with the same output; leaves the rest to the schema", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutatedArb, (x) => {
        const fast = fastValidate(x, true, locale);
        const schema = scoringInputSchema.safeParse(x, { error: locale });
        if (fast !== undefined) {
          accepted++;
          expect(schema.success, JSON.stringify(schema.error?.issues)).toBe(true);
          expectSameOutput({ ...fast.method, suppliers: fast.suppliers }, schema.data);
        }
        if (!schema.success) {
          refused++;
          expect(fast).toBeUndefined();
        }
        // The public entry point agrees with the schema either way.
        const parsed = parseScoringInput(x);
        expect(parsed.success).toBe(schema.success);
        if (parsed.success) expectSameOutput(parsed.data, schema.data);
      }),
      { numRuns: 1500 },
    );
    // The generator exercises both sides.
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });

  it("score() (fast path, one read per answer) equals scoreParsed() on the schema's output", () => {
    fc.assert(
      fc.property(mutatedArb, (x) => {
        const schema = scoringInputSchema.safeParse(x, { error: locale });
        fc.pre(schema.success);
        const data = schema.data as ScoringInput;
        expect(score(x)).toEqual(scoreParsed(data));
        expect(score(x, { round: false })).toEqual(scoreParsed(data, { round: false }));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every supplier's review, with or without questions, with or without countOnlyReviewed", () => {
    for (const questions of [[], [{ id: "Q1", criterion: "c" }]]) {
      for (const countOnlyReviewed of [true, false]) {
        const raw = {
          procurement: { regime: "private", countOnlyReviewed },
          shares: { price: 60, technical: 20, rse: 20 },
          priceMethod: "linear",
          offerCriteria: [{ id: "e", share: 10, direction: "lower-is-better", method: "linear", environmental: true }],
          criteria: [{ id: "c", weight: 1 }],
          questions,
          suppliers: ["a", "b", "c"].map((id, i) => ({
            id,
            price: 10 + i,
            technical: 50,
            offerValues: { e: 100 - 10 * i },
            review: { offerValues: i < 2 ? ["e"] : [] },
          })),
        };
        expect(fastValidate(raw, false, locale)).toBeDefined();
        const r = score(raw);
        expect(r).toEqual(scoreParsed(valid(raw)));
        expect(r.suppliers.find((s) => s.id === "a")!.unreviewed!.offerValues).toEqual([]);
        expect(r.suppliers.find((s) => s.id === "c")!.unreviewed!.offerValues).toEqual(["e"]);
      }
    }
  });

  it("finds duplicate supplier ids in sorted and unsorted lists", () => {
    const withIds = (ids: string[]) => ({
      shares: { price: 60, technical: 20, rse: 20 },
      priceMethod: "linear",
      criteria: [{ id: "c", weight: 1 }],
      questions: [],
      suppliers: ids.map((id, i) => ({ id, price: 10 + i, technical: 50 })),
    });
    for (const ids of [["a", "b", "c"], ["c", "a", "b"], ["a", "c", "b", "d"]]) expect(fastValidate(withIds(ids), false, locale)).toBeDefined();
    for (const ids of [["a", "a"], ["a", "b", "a"], ["b", "c", "a", "d", "c"], ["a", "b", "c", "b"]]) {
      expect(fastValidate(withIds(ids), false, locale)).toBeUndefined();
      expect(parseScoringInput(withIds(ids)).success).toBe(false);
    }
  });

  it("reads answers objects in V8 dictionary mode, and objects without prototype", () => {
    const questions = Array.from({ length: 47 }, (_, k) => ({ id: `Q${k}`, criterion: "c", allowNotApplicable: k % 5 === 0 }));
    const answers: Record<string, unknown> = {};
    for (const q of questions) answers[q.id] = q.allowNotApplicable ? "na" : 1 + (Number(q.id.slice(1)) % 5); // key by key: dictionary mode
    delete answers.Q3; // missing → unanswered
    const bare = Object.assign(Object.create(null) as object, answers);
    const raw = {
      shares: { price: 60, technical: 20, rse: 20 },
      priceMethod: "linear",
      criteria: [{ id: "c", weight: 1 }],
      questions,
      suppliers: [
        { id: "a", price: 10, technical: 50, answers },
        { id: "b", price: 12, technical: 40, answers: bare },
      ],
    };
    expect(fastValidate(raw, true, locale)).toBeDefined();
    const r = score(raw);
    expect(r).toEqual(scoreParsed(valid(raw)));
    expect(r.suppliers.find((s) => s.id === "a")!.unanswered).toEqual(["Q3"]);
  });

  it("steps aside when Object.prototype has enumerable properties (for…in would see them)", () => {
    const raw = {
      shares: { price: 60, technical: 20, rse: 20 },
      priceMethod: "linear",
      criteria: [{ id: "c", weight: 1 }],
      questions: [{ id: "Q1", criterion: "c" }],
      suppliers: [{ id: "a", price: 10, technical: 50, answers: { Q1: 4 } }],
    };
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.polluted = 1;
      expect(fastValidate(raw, true, locale)).toBeUndefined();
      // The schema decides (zod's strict objects see the inherited key as unknown).
      const schema = scoringInputSchema.safeParse(raw, { error: locale });
      expect(parseScoringInput(raw).success).toBe(schema.success);
    } finally {
      delete proto.polluted;
    }
    expect(fastValidate(raw, true, locale)).toBeDefined();
  });
});
