/**
 * Scoring benchmarks: `npx tsx test/bench/scoring.bench.ts` (also run by `npm run bench`).
 *
 * Deterministic inputs (seeded PRNG). Each figure is the median over RUNS runs after WARMUP
 * warm-ups; the measured functions are interleaved run by run, so that a change in machine load
 * (2 shared cores) affects them alike — which matters for the score-only / bare-loop ratio.
 *
 * Targets:
 * - issue 16: 10,000 suppliers × 47 questions, validate + score (`score()`) < 50 ms; score only
 *   (`scoreParsed()` on validated input) ≤ 2 × a hand-written bare loop computing the same totals,
 *   measured in the same run (the loop is below; its totals are checked against `score()`);
 * - issue 11: the same tender plus 5 offer criteria, public regime, reviews — validate + score < 200 ms;
 * - issue 12: a 2,000-line bill × 50 suppliers — prices and footprints computed (`billOffer`) and
 *   scored (`score()`) < 100 ms.
 * Exit 1 when a target is missed.
 */
import os from "node:os";
import {
  billOffer,
  compileBill,
  footprintOfferCriterion,
  parseScoringInput,
  score,
  scoreParsed,
  type Answer,
  type ScoringInput,
  type ScoringInputRaw,
} from "#scoring";

const SUPPLIERS = 10_000;
const WARMUP = 3;
const RUNS = 15;
// INR guide: 47 questions in 10 criteria (split proposed in inr-maturity-guide.md §7).
const QUESTIONS_PER_CRITERION = [6, 4, 5, 6, 5, 4, 6, 3, 5, 3];
const CRITERIA = [
  "gouvernance",
  "formation",
  "mesure",
  "fin-de-vie",
  "infra-internes",
  "infra-externes",
  "utilisation-achats",
  "ecosysteme",
  "services-numeriques",
  "impacts-societaux",
];

/** mulberry32: small, fast, deterministic across platforms. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tender of issue 16 (unchanged since the first benchmark: answers objects built key by key). */
function buildInput(seed: number): ScoringInputRaw & { suppliers: NonNullable<ScoringInputRaw["suppliers"]> } {
  const rand = prng(seed);
  const questions: NonNullable<ScoringInputRaw["questions"]> = [];
  let n = 0;
  QUESTIONS_PER_CRITERION.forEach((count, c) => {
    for (let i = 0; i < count; i++) {
      n++;
      questions.push({
        id: `Q${String(n).padStart(2, "0")}`,
        criterion: CRITERIA[c]!,
        weight: 1 + Math.floor(rand() * 3),
        allowNotApplicable: rand() < 0.2,
      });
    }
  });
  const suppliers = Array.from({ length: SUPPLIERS }, (_, s) => {
    const answers: Record<string, Answer> = {};
    for (const q of questions) {
      const r = rand();
      if (r < 0.05) continue; // missing → unanswered
      answers[q.id] = r < 0.1 ? null : q.allowNotApplicable && r < 0.15 ? "na" : ((1 + Math.floor(rand() * 5)) as Answer);
    }
    return {
      id: `fournisseur-${String(s).padStart(5, "0")}`,
      price: Math.round(50_000 + rand() * 450_000),
      technical: Math.round(rand() * 10_000) / 100,
      answers,
    };
  });
  return {
    shares: { price: 55, technical: 25, rse: 20 },
    priceMethod: "lowest-ratio",
    criteria: CRITERIA.map((id, i) => ({ id, weight: 1 + (i % 4) })),
    questions,
    suppliers,
  };
}

/** Issue 11: the same tender, public regime, contract questions, 5 offer criteria, reviews (only reviewed answers count). */
function buildLawfulInput(seed: number): ScoringInputRaw {
  const base = buildInput(seed);
  const rand = prng(seed + 1);
  const offerCriteria = [
    { id: "empreinte-carbone", share: 8, direction: "lower-is-better", method: "linear", environmental: true },
    { id: "energie-annuelle", share: 4, direction: "lower-is-better", method: "ratio", environmental: true },
    { id: "part-reemploi", share: 2, direction: "higher-is-better", method: "linear", environmental: true },
    { id: "garantie-annees", share: 2, direction: "higher-is-better", method: "ratio", environmental: false },
    { id: "pieces-detachees-annees", share: 2, direction: "higher-is-better", method: "linear", environmental: false },
  ] as const;
  const questionIds = base.questions!.map((q) => q.id);
  return {
    ...base,
    procurement: { regime: "public", launchDate: "2026-10-01", countOnlyReviewed: true },
    shares: { price: 45, technical: 25, rse: 30 },
    offerCriteria: offerCriteria.map((c) => ({ ...c })),
    questions: base.questions!.map((q) => ({ ...q, scope: "contract" as const })),
    suppliers: base.suppliers.map((s) => {
      const offerValues: Record<string, number | null> = {};
      for (const c of offerCriteria) offerValues[c.id] = rand() < 0.03 ? null : Math.round(1 + rand() * 50_000) / 10;
      const reviewed = rand() < 0.9;
      return {
        ...s,
        offerValues,
        review: reviewed ? { answers: questionIds, offerValues: offerCriteria.map((c) => c.id) } : { answers: questionIds.slice(0, 20) },
      };
    }),
  };
}

const BILL_LINES = 2_000;
const BILL_SUPPLIERS = 50;
const UNITS = ["pièce", "kWh", "utilisateur-mois", "Go-mois", "VM-heure"];

/** Issue 12: a bill as a French spreadsheet gives it (decimal strings) and 50 filled responses. */
function buildBill(seed: number) {
  const rand = prng(seed);
  const dec = (max: number, decimals: number) => (rand() * max).toFixed(decimals).replace(".", rand() < 0.5 ? "," : ".");
  const bill = {
    lines: Array.from({ length: BILL_LINES }, (_, i) => ({
      id: `L${String(i + 1).padStart(4, "0")}`,
      label: `Ligne ${i + 1}`,
      unit: UNITS[i % UNITS.length]!,
      quantity: String(1 + Math.floor(rand() * 5000)),
      ghgCategory: 1 + (i % 2),
    })),
  };
  const responses = Array.from({ length: BILL_SUPPLIERS }, () => ({
    lines: bill.lines.map((l) =>
      rand() < 0.01
        ? { lineId: l.id, unitPrice: dec(2000, 2), factor: null, replacement: { ratio: "350", justification: "Facteur non vérifié" } }
        : { lineId: l.id, unitPrice: dec(2000, 2), factor: dec(400, 3) },
    ),
  }));
  return { bill, responses };
}

/** Prices every response and scores the offers with the footprint as an environmental offer criterion. */
function priceAndScoreBill(bill: unknown, responses: readonly unknown[]) {
  const compiled = compileBill(bill);
  const suppliers = responses.map((response, i) => {
    const offer = billOffer(compiled, response);
    return { id: `fournisseur-${i}`, price: offer.price, technical: 60 + (i % 40), offerValues: { empreinte: offer.footprintKg }, answers: { C1: 3 as const } };
  });
  return score({
    procurement: { regime: "public", launchDate: "2026-10-01" },
    shares: { price: 50, technical: 25, rse: 25 },
    priceMethod: "lowest-ratio",
    offerCriteria: [footprintOfferCriterion("empreinte", 15, "ratio")],
    criteria: [{ id: "fin-de-vie", weight: 1 }],
    questions: [{ id: "C1", criterion: "fin-de-vie", scope: "contract" }],
    suppliers,
  });
}

/**
 * The bare loop of issue 16: the same totals as `score()` (rules 3–7, lowest-ratio price), written
 * by hand on validated input, with nothing else (no ranking, no output objects, no rounding).
 */
function bareTotals(input: ScoringInput): Float64Array {
  const questions = input.questions;
  const nq = questions.length;
  const criterionIndex = new Map(input.criteria.map((c, i) => [c.id, i]));
  const qCriterion = questions.map((q) => criterionIndex.get(q.criterion)!);
  const qWeight = questions.map((q) => q.weight);
  const qId = questions.map((q) => q.id);
  const cWeight = input.criteria.map((c) => c.weight);
  const nc = cWeight.length;
  const ws = new Float64Array(nc);
  const sc = new Float64Array(nc);
  const { price: sp, technical: st, rse: sr } = input.shares;
  let lowest = Infinity;
  for (const s of input.suppliers) if (s.price < lowest) lowest = s.price;
  const totals = new Float64Array(input.suppliers.length);
  for (let i = 0; i < input.suppliers.length; i++) {
    const s = input.suppliers[i]!;
    const answers = s.answers as Record<string, Answer | undefined>;
    ws.fill(0);
    sc.fill(0);
    for (let k = 0; k < nq; k++) {
      const a = answers[qId[k]!];
      const c = qCriterion[k]!;
      // typeof first (cheaper than === on a value that may be a number, a string or null).
      if (typeof a === "number") {
        ws[c]! += qWeight[k]!;
        sc[c]! += qWeight[k]! * ((a - 1) * 25);
      } else if (a !== "na") ws[c]! += qWeight[k]!; // unanswered: counts, scores 0
    }
    let cw = 0;
    let cs = 0;
    for (let c = 0; c < nc; c++) {
      if (ws[c]! > 0) {
        cw += cWeight[c]!;
        cs += cWeight[c]! * (sc[c]! / ws[c]!);
      }
    }
    const rse = cw > 0 ? cs / cw : 0;
    totals[i] = (sp * ((100 * lowest) / s.price) + st * s.technical + sr * rse) / 100;
  }
  return totals;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Times each function RUNS times after WARMUP, interleaved; returns the medians of wall-clock time
 * (held to the targets) and of the process's CPU time (user + system, all threads): when other work
 * shares the cores, wall clock grows and CPU time shows what the code itself costs.
 */
function timeInterleaved(fns: Record<string, () => unknown>): { wall: Record<string, number>; cpu: Record<string, number> } {
  const names = Object.keys(fns);
  for (let w = 0; w < WARMUP; w++) for (const name of names) fns[name]!();
  const wall: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < RUNS; r++) {
    for (const name of names) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fns[name]!();
      wall[name]!.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[name]!.push((c.user + c.system) / 1000);
    }
  }
  const medians = (samples: Record<string, number[]>) => Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
  return { wall: medians(wall), cpu: medians(cpu) };
}

// ---------------------------------------------------------------------------------------------

const raw = buildInput(20_240_601);
const parsed = parseScoringInput(raw);
if (!parsed.success) {
  console.error("bench input invalid:", parsed.issues.slice(0, 5));
  process.exit(1);
}
const data = parsed.data;

// The bare loop must compute the same totals as the library.
const bare = bareTotals(data);
const exact = new Map(score(raw, { round: false }).suppliers.map((s) => [s.id, s.total]));
let maxDiff = 0;
data.suppliers.forEach((s, i) => (maxDiff = Math.max(maxDiff, Math.abs(bare[i]! - exact.get(s.id)!))));
if (!(maxDiff <= 1e-9)) {
  console.error(`bare loop totals differ from score(): max |Δ| = ${maxDiff}`);
  process.exit(1);
}

const lawful = buildLawfulInput(20_240_601);
const lawfulCheck = score(lawful);
const { bill, responses } = buildBill(20_240_602);
const billCheck = priceAndScoreBill(bill, responses);

console.log(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} — ${os.cpus().length} cores`);
const { wall: t, cpu } = timeInterleaved({
  validateScore: () => score(raw),
  scoreOnly: () => scoreParsed(data),
  bareLoop: () => bareTotals(data),
  validateOnly: () => parseScoringInput(raw),
  lawful: () => score(lawful),
  bill: () => priceAndScoreBill(bill, responses),
});

let failed = 0;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
function row(what: string, key: keyof typeof t | null, figure: string, target: string, pass: boolean | null): void {
  if (pass === false) failed++;
  const cpuTime = key === null ? "" : `cpu ${fmt(cpu[key]!)}`;
  console.log(`${what.padEnd(62)} ${figure.padStart(9)}  ${cpuTime.padEnd(13)} ${target.padEnd(16)} ${pass === null ? "" : pass ? "PASS" : "FAIL"}`);
}
const nq = data.questions.length;
console.log(
  `scoring: ${SUPPLIERS} suppliers × ${nq} questions; medians of ${RUNS} interleaved runs after ${WARMUP} warm-ups (wall clock; cpu = process CPU time)`,
);
row(`validate + score, score() (issue 16)`, "validateScore", fmt(t.validateScore!), "target < 50 ms", t.validateScore! < 50);
row(`score only, scoreParsed() on validated input`, "scoreOnly", fmt(t.scoreOnly!), "", null);
row(`bare loop, same totals (max |Δ| vs score(): ${maxDiff})`, "bareLoop", fmt(t.bareLoop!), "", null);
const ratio = t.scoreOnly! / t.bareLoop!;
row(`score only / bare loop, same run (issue 16)`, null, `${ratio.toFixed(2)} ×`, "target ≤ 2 ×", ratio <= 2);
row(`validate only, parseScoringInput()`, "validateOnly", fmt(t.validateOnly!), "", null);
row(
  `+ 5 offer criteria, public, reviews (issue 11; ${lawfulCheck.provisional ? "provisional" : "final"})`,
  "lawful",
  fmt(t.lawful!),
  "target < 200 ms",
  t.lawful! < 200,
);
row(
  `bill ${BILL_LINES} lines × ${BILL_SUPPLIERS} suppliers, priced + scored (issue 12; ${billCheck.suppliers.length} ranked)`,
  "bill",
  fmt(t.bill!),
  "target < 100 ms",
  t.bill! < 100,
);
if (failed > 0) process.exitCode = 1;
