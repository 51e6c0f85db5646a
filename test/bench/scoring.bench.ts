/**
 * Scoring benchmark: `npx tsx test/bench/scoring.bench.ts`.
 * Deterministic input (seeded PRNG): 10,000 suppliers × 47 questions in 10 criteria (the INR guide's
 * size). Prints the median of validate+score (the CLI path; this is the one held to the target) and
 * of score-only (the what-if panel path, input already validated). Exit 1 above the target.
 */
import { parseScoringInput, scoreParsed, type Answer, type ScoringInputRaw } from "#scoring";

const SUPPLIERS = 10_000;
const TARGET_MS = 200;
const WARMUP = 3;
const RUNS = 9;
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

function buildInput(seed: number): ScoringInputRaw {
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(fn: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

const raw = buildInput(20_240_601);
const parsed = parseScoringInput(raw);
if (!parsed.success) {
  console.error("bench input invalid:", parsed.issues.slice(0, 5));
  process.exit(1);
}
const data = parsed.data;
const nQuestions = data.questions.length;

const full = median(
  time(() => {
    const p = parseScoringInput(raw);
    if (!p.success) throw new Error("invalid");
    return scoreParsed(p.data);
  }),
);
const scoreOnly = median(time(() => scoreParsed(data)));
const validateOnly = median(time(() => parseScoringInput(raw)));

const fmt = (ms: number) => ms.toFixed(1);
console.log(
  `scoring: ${SUPPLIERS} suppliers x ${nQuestions} questions: median ${fmt(full)} ms (target < ${TARGET_MS} ms)` +
    ` — validate+score; score-only ${fmt(scoreOnly)} ms, validate-only ${fmt(validateOnly)} ms (${RUNS} runs after ${WARMUP} warm-up)`,
);
if (full > TARGET_MS) process.exitCode = 1;
