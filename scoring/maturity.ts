/**
 * Maturity campaigns (issue 14): per-criterion maturity scores of ONE supplier, the strength and
 * priority axes of its debrief, and the panel median with its suppression rule. Pure; no ranking,
 * no price, no weights (the radar is drawn from criterion scores only).
 *
 * Sources: INR BP-AIR fiche V1 (debrief with a 10-axis radar, one strength to secure and one
 * priority axis to improve) as summarised in shared/reference/inr-maturity-guide.md §3 points 7, 9;
 * the 1–5 level → 0–100 conversion is the portal's rule 3 (scoring/README.md §2).
 */
import { questionScore } from "./engine";
import type { Level } from "./schema";

/** One question of a campaign for one supplier, as the evaluation left it. */
export type EvaluatedQuestion = {
  criterion: string;
  /** Question weight in its criterion (1 by default). */
  weight: number;
  /**
   * `null`: not evaluated yet (does not count); `"na"`: « sans objet » accepted (removed from the
   * average); `0`: evaluated as « sans réponse » (counts as 0); 1–5: the evaluated level.
   */
  evaluated: Level | 0 | "na" | null;
};

/** Score 0–100 of each criterion (guide order kept by the caller); `null` when nothing counts. */
export function criterionScores(criteria: readonly string[], questions: readonly EvaluatedQuestion[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const c of criteria) {
    let sum = 0;
    let weights = 0;
    for (const q of questions) {
      if (q.criterion !== c || q.evaluated === null || q.evaluated === "na" || !(q.weight > 0)) continue;
      sum += q.weight * (q.evaluated === 0 ? 0 : questionScore(q.evaluated));
      weights += q.weight;
    }
    out.set(c, weights > 0 ? Math.round((sum / weights) * 10) / 10 : null);
  }
  return out;
}

/**
 * The rule written next to the radar: the strength axis is the criterion with the highest score,
 * the priority axis the one with the lowest; ties are broken by guide order (the first criterion in
 * the guide wins). Criteria without a score are ignored. With fewer than two scored criteria, or when
 * every score is equal, there is no priority distinct from the strength: `priority` is null.
 */
export const STRENGTH_PRIORITY_RULE =
  "Axe fort : le critère à la note la plus haute ; axe prioritaire : le critère à la note la plus basse. En cas d'égalité, le premier critère dans l'ordre du guide l'emporte. Les critères non évalués ne sont pas retenus.";

export function strengthAndPriority(scores: readonly { id: string; score: number | null }[]): { strength: string | null; priority: string | null } {
  let strength: { id: string; score: number } | null = null;
  let priority: { id: string; score: number } | null = null;
  for (const s of scores) {
    if (s.score === null) continue;
    if (!strength || s.score > strength.score) strength = { id: s.id, score: s.score };
    if (!priority || s.score < priority.score) priority = { id: s.id, score: s.score };
  }
  if (!strength || !priority || strength.score === priority.score) return { strength: strength?.id ?? null, priority: null };
  return { strength: strength.id, priority: priority.id };
}

/** Below this number of scored suppliers, no panel figure is shown (it could identify someone). */
export const MIN_PANEL_FOR_MEDIAN = 5;

/** Median of the panel's scores for one criterion, or null under `MIN_PANEL_FOR_MEDIAN` scores. */
export function panelMedian(scores: readonly (number | null)[], min = MIN_PANEL_FOR_MEDIAN): number | null {
  const xs = scores.filter((s): s is number => s !== null && Number.isFinite(s)).sort((a, b) => a - b);
  if (xs.length < min || xs.length === 0) return null;
  const mid = xs.length >> 1;
  const m = xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

/** Buyer-only overall maturity index: criterion scores averaged with the buyer's criterion weights. */
export function weightedMaturity(scores: readonly { score: number | null; weight: number }[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const s of scores) {
    if (s.score === null || !(s.weight > 0)) continue;
    sum += s.score * s.weight;
    weights += s.weight;
  }
  return weights > 0 ? Math.round((sum / weights) * 10) / 10 : null;
}

/** Counts of scores per band of 20 points (0–19, 20–39, …, 80–100): the distribution per criterion. */
export function distribution(scores: readonly (number | null)[]): number[] {
  const bands = [0, 0, 0, 0, 0];
  for (const s of scores) if (s !== null) bands[Math.min(4, Math.floor(s / 20))]! += 1;
  return bands;
}
