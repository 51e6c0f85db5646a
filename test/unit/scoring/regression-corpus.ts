/* eslint-disable @typescript-eslint/no-explicit-any -- these tests corrupt arbitrary JSON inputs on purpose */
/**
 * The corpus of old-style scoring inputs (no `procurement`, no `offerCriteria`) whose outputs were
 * recorded by the library BEFORE the lawful-award contract was added, in
 * test/fixtures/scoring/regression-old-style.json. `regression.test.ts` checks that today's library
 * gives exactly the same outputs. Regenerating the fixture with today's code would defeat the test:
 * `npx tsx test/unit/scoring/regression-corpus.ts` is kept only to show how the file was made
 * (it was run at commit 2c715b4, before any change to scoring/).
 */
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { explainParsed, markShares, parseScoringInput, scoreParsed, type FormattedIssue, type ScoringInput } from "#scoring";
import { FIXTURES, readFixture, scoringInputArb, valid } from "./helpers";

export interface RegressionCase {
  input: ScoringInput;
  rounded: unknown;
  full: unknown;
  explanations: unknown[];
  explanationsFull: unknown[];
  markShares: unknown;
}

export function recordCase(input: ScoringInput): RegressionCase {
  const { suppliers: _s, ...method } = input;
  return {
    input,
    rounded: scoreParsed(input),
    full: scoreParsed(input, { round: false }),
    explanations: input.suppliers.map((s) => explainParsed(input, s.id)),
    explanationsFull: input.suppliers.map((s) => explainParsed(input, s.id, { round: false })),
    markShares: markShares(method),
  };
}

export function corpusInputs(): ScoringInput[] {
  const generated = fc.sample(scoringInputArb, { seed: 20_250_101, numRuns: 100 });
  return [valid(readFixture("example-input.json")), ...generated];
}

export interface InvalidCase {
  input: unknown;
  issues: FormattedIssue[];
}

/** Deterministic corruptions of valid inputs: each breaks one or two rules of the old contract. */
const corruptions: ((input: Record<string, any>, i: number) => void)[] = [
  (x) => (x.suppliers[0].answers = { ...x.suppliers[0].answers, zz: 3 }),
  (x) => (x.suppliers[0].price = 0),
  (x) => (x.suppliers[x.suppliers.length - 1].technical = 100.5),
  (x) => (x.shares = { ...x.shares, rse: 31 }),
  (x) => (x.suppliers.push({ ...x.suppliers[0] })),
  (x) => (x.questions.length > 0 ? (x.questions[0].criterion = "inconnu") : (x.criteria = [])),
  (x) => (x.questions.push({ id: "qx", criterion: "c0", weigth: 1 })),
  (x) => (x.suppliers[0].answers = { ...x.suppliers[0].answers, q0: 0 }),
  (x) => (x.suppliers[0].answers = { ...x.suppliers[0].answers, q0: "na" }),
  (x) => (x.suppliers[0].answers = [3]),
  (x) => (x.priceMethod = "moyenne"),
  (x) => (x.criteria = x.criteria.map((c: object) => ({ ...c, weight: 0 }))),
  (x) => (x.suppliers = []),
  (x) => (x.suppliers[0] = { ...x.suppliers[0], id: "__proto__", price: -1 }),
  (x) => (x.suppliers[0].answers = { ...x.suppliers[0].answers, q0: undefined }),
  (x) => (x.extra = true),
  (x) => (x.suppliers[0].price = "12"),
  (x) => (x.questions.push({ criterion: "c0" }), (x.suppliers[0].answers = { q9: 9 })),
  (x) => (x.suppliers[0] = null),
  (x) => (x.shares = { price: 50, technical: 40, rse: 5 }),
];

export function invalidInputs(): unknown[] {
  const fixed: unknown[] = [readFixture("invalid-input.json"), null, [], {}, "x", { shares: 3, priceMethod: 1, criteria: {}, questions: "x", suppliers: [{ answers: [] }] }];
  const generated = fc.sample(scoringInputArb, { seed: 20_250_102, numRuns: 60 }).map((input, i) => {
    const x = structuredClone(input) as Record<string, any>;
    corruptions[i % corruptions.length]!(x, i);
    try {
      if (i % 3 === 0) corruptions[(i * 7 + 3) % corruptions.length]!(x, i);
    } catch {
      // the first corruption removed what the second one edits: keep the first only
    }
    return JSON.parse(JSON.stringify(x)) as unknown; // as stored in the fixture (no undefined)
  });
  return [...fixed, ...generated];
}

export function recordInvalid(input: unknown): InvalidCase {
  const r = parseScoringInput(input);
  return { input, issues: r.success ? [] : r.issues };
}

if (process.argv[1]?.endsWith("regression-corpus.ts")) {
  const cases = corpusInputs().map(recordCase);
  const invalid = invalidInputs().map(recordInvalid);
  writeFileSync(`${FIXTURES}regression-old-style.json`, `${JSON.stringify({ generatedAt: "2c715b4", cases, invalid })}\n`);
  console.log(`${cases.length} cases, ${invalid.filter((c) => c.issues.length > 0).length}/${invalid.length} invalid written`);
}
