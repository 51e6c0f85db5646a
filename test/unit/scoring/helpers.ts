import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parseScoringInput, type Answer, type ScoringInput, type ScoringInputRaw } from "#scoring";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures/scoring/`;

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8")) as unknown;
}

/** Validates with the library's own schema; fails the test loudly on invalid input. */
export function valid(raw: unknown): ScoringInput {
  const r = parseScoringInput(raw);
  if (!r.success) throw new Error(`invalid test input: ${JSON.stringify(r.issues)}`);
  return r.data;
}

/** Smallest valid input, to be overridden field by field. */
export function baseInput(overrides: Partial<ScoringInputRaw> = {}): ScoringInputRaw {
  return {
    shares: { price: 55, technical: 25, rse: 20 },
    priceMethod: "lowest-ratio",
    criteria: [{ id: "gouvernance", weight: 1 }],
    questions: [{ id: "G1", criterion: "gouvernance" }],
    suppliers: [{ id: "acme", price: 100, technical: 50, answers: { G1: 3 } }],
    ...overrides,
  };
}

/** Shares with the RSE share moved to `rse` and price/technical rescaled proportionally (rule 9). */
export function rescaledShares(input: ScoringInput, rse: number): ScoringInput["shares"] {
  const { price, technical } = input.shares;
  const factor = (100 - rse) / (price + technical);
  return { price: price * factor, technical: technical * factor, rse };
}

// ---------------------------------------------------------------------------------------------
// fast-check generator of valid inputs

type Choice = Answer | "missing";

export const scoringInputArb: fc.Arbitrary<ScoringInput> = fc
  .record({
    rse: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })),
    priceFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    priceMethod: fc.constantFrom("lowest-ratio" as const, "linear" as const),
    criterionWeights: fc.array(fc.constantFrom(0, 0.5, 1, 2, 3, 7.25), { minLength: 1, maxLength: 4 }),
    nQuestions: fc.integer({ min: 0, max: 8 }),
    nSuppliers: fc.integer({ min: 1, max: 6 }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      questions: fc.array(
        fc.record({
          criterion: fc.nat(base.criterionWeights.length - 1),
          weight: fc.constantFrom(0, 0.5, 1, 1, 2, 3),
          allowNotApplicable: fc.boolean(),
        }),
        { minLength: base.nQuestions, maxLength: base.nQuestions },
      ),
      suppliers: fc.array(
        fc.record({
          price: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0.01, max: 1e6, noNaN: true })),
          technical: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true })),
          answers: fc.array(fc.constantFrom<Choice>(1, 2, 3, 4, 5, null, "na", "missing"), {
            minLength: base.nQuestions,
            maxLength: base.nQuestions,
          }),
        }),
        { minLength: base.nSuppliers, maxLength: base.nSuppliers },
      ),
    }),
  )
  .map(({ base, questions, suppliers }) => {
    const weights = base.criterionWeights.every((w) => w === 0) ? [1, ...base.criterionWeights.slice(1)] : base.criterionWeights;
    const price = (100 - base.rse) * base.priceFraction;
    const raw: ScoringInputRaw = {
      shares: { price, technical: 100 - base.rse - price, rse: base.rse },
      priceMethod: base.priceMethod,
      criteria: weights.map((weight, i) => ({ id: `c${i}`, weight })),
      questions: questions.map((q, i) => ({ id: `q${i}`, criterion: `c${q.criterion}`, weight: q.weight, allowNotApplicable: q.allowNotApplicable })),
      suppliers: suppliers.map((s, i) => {
        const answers: Record<string, Answer> = {};
        s.answers.forEach((a, k) => {
          if (a === "missing") return;
          answers[`q${k}`] = a === "na" && !questions[k]!.allowNotApplicable ? null : a;
        });
        return { id: `s${i}`, price: s.price, technical: s.technical, answers };
      }),
    };
    return valid(raw);
  });

// ---------------------------------------------------------------------------------------------
// Lawful-award contract (issue 11): inputs with offer criteria, private regime (free), valid.

export const OFFER_KINDS = [
  { direction: "lower-is-better", method: "ratio" },
  { direction: "lower-is-better", method: "linear" },
  { direction: "higher-is-better", method: "ratio" },
  { direction: "higher-is-better", method: "linear" },
] as const;

type ValueChoice = number | null | "missing";

/** Valid private-regime inputs with 0–4 offer criteria (Σ offer shares ≤ RSE share) and offer values. */
export const lawfulInputArb: fc.Arbitrary<ScoringInput> = scoringInputArb
  .chain((input) =>
    fc.record({
      input: fc.constant(input),
      offers: fc.array(
        fc.record({
          kind: fc.nat(3),
          weight: fc.constantFrom(0, 1, 1, 2, 3.5),
          environmental: fc.boolean(),
        }),
        { minLength: 0, maxLength: 4 },
      ),
      slack: fc.constantFrom(0, 0, 0.5, 1, 3),
      values: fc.array(
        fc.array(
          fc.oneof(
            { weight: 6, arbitrary: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0.5, max: 1e5, noNaN: true })) },
            { weight: 1, arbitrary: fc.constant<ValueChoice>(0) },
            { weight: 1, arbitrary: fc.constant<ValueChoice>(null) },
            { weight: 1, arbitrary: fc.constant<ValueChoice>("missing") },
          ),
          { minLength: 4, maxLength: 4 },
        ),
        { minLength: input.suppliers.length, maxLength: input.suppliers.length },
      ),
    }),
  )
  .map(({ input, offers, slack, values }) => {
    const weightSum = offers.reduce((a, o) => a + o.weight, 0) + slack;
    const offerCriteria = offers.map((o, k) => ({
      id: `o${k}`,
      share: weightSum > 0 ? (input.shares.rse * o.weight) / weightSum : 0,
      ...OFFER_KINDS[o.kind]!,
      environmental: o.environmental,
    }));
    const raw: ScoringInputRaw = {
      ...input,
      procurement: { regime: "private" },
      offerCriteria,
      suppliers: input.suppliers.map((s, i) => {
        const offerValues: Record<string, number | null> = {};
        offerCriteria.forEach((c, k) => {
          const v = values[i]![k]!;
          if (v === "missing") return;
          // The ratio of the lowest needs values > 0.
          offerValues[c.id] = v === 0 && c.direction === "lower-is-better" && c.method === "ratio" ? 1 : v;
        });
        return { ...s, offerValues };
      }),
    };
    return valid(raw);
  });
