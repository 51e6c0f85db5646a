/**
 * The what-if computation of the comparison page (browser-safe, no React): re-scores the published
 * input with simulated shares and criterion weights. The page's loader runs it on the server (the
 * result is in the HTML, and the GET form works without JavaScript); the browser loads this
 * module — and with it the scoring library and zod — only when the user first changes a setting
 * (`import()` in what-if.tsx: a chunk of its own, not in the route's JavaScript; issue 16).
 */
import { parseScoringInput, scoreParsed, type ScoringInput } from "#scoring";
import { stabilitySentence } from "~/tenders/labels";

export type Simulation = { price: number; technical: number; rse: number; weights: Record<string, number> };

export type SimulationOutcome =
  | { ok: true; suppliers: { id: string; rank: number; total: number }[]; stability: string }
  | { ok: false; issues: string[] };

export function simulate(input: ScoringInput, sim: Simulation): SimulationOutcome {
  const candidate = {
    ...input,
    shares: { price: sim.price, technical: sim.technical, rse: sim.rse },
    criteria: input.criteria.map((c) => ({ id: c.id, weight: sim.weights[c.id] ?? c.weight })),
  };
  const parsed = parseScoringInput(candidate);
  if (!parsed.success) return { ok: false, issues: [...new Set(parsed.issues.map((i) => i.message))] };
  const result = scoreParsed(parsed.data);
  return {
    ok: true,
    suppliers: result.suppliers.map((s) => ({ id: s.id, rank: s.rank, total: s.total })),
    stability: stabilitySentence(result.winnerChangesAtRseShare, sim.rse, result.suppliers.length),
  };
}
