/**
 * Winner stability (method rule 9). With price and technical shares rescaled proportionally so the
 * three shares still sum to 100, a supplier's total is a straight line in the RSE share s:
 *
 *   total(s) = A + s × (R − A) / 100,   A = (price share × price score + technical share × technical score)
 *                                            / (price share + technical share),   R = RSE score.
 *
 * Pure, no dependency on the engine, so the what-if panel can call it on lines it already has.
 */
import { MAX_RSE_SHARE, TIE_TOLERANCE } from "./constants";

export interface StabilityLine {
  id: string;
  /** A: the mark the supplier gets from price and technical value alone (0–100). */
  nonRseScore: number;
  /** R: RSE score (0–100). */
  rseScore: number;
}

export function totalAtRseShare(line: StabilityLine, rseShare: number): number {
  return line.nonRseScore + (rseShare * (line.rseScore - line.nonRseScore)) / 100;
}

/**
 * A = weighted mean of price and technical scores with the chosen shares. Price + technical ≥ 70
 * whenever the input is valid (RSE ≤ 30); for zero we split equally, since no proportion exists.
 */
export function nonRseScore(priceShare: number, technicalShare: number, priceScore: number, technicalScore: number): number {
  const sum = priceShare + technicalShare;
  return sum > 0 ? (priceShare * priceScore + technicalShare * technicalScore) / sum : (priceScore + technicalScore) / 2;
}

/**
 * The RSE share in [0, maxRseShare] nearest to `rseShare` at which some supplier overtakes the winner
 * (`lines[winnerIndex]`), or null.
 *
 * - Overtake = strictly exceed the winner (by more than TIE_TOLERANCE, as in the ranking) at some
 *   share beyond the crossing point, inside the range; the crossing point is what is returned.
 *   A crossing on the range boundary (0 or 30) has nothing beyond it, so it is not reported.
 * - The winner is the first supplier of the ranking. If another supplier is tied with it at the
 *   chosen share and their lines differ, that supplier gets strictly ahead as soon as the share moves
 *   one way: the answer is the chosen share itself (provided that way stays inside the range).
 *   Identical lines (tied at every share) never overtake.
 * - Two crossings at the same distance on either side: the lower share is returned.
 */
export function findWinnerChange(
  lines: readonly StabilityLine[],
  winnerIndex: number,
  rseShare: number,
  maxRseShare: number = MAX_RSE_SHARE,
): number | null {
  const nonRse = new Float64Array(lines.length);
  const rse = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    nonRse[i] = line.nonRseScore;
    rse[i] = line.rseScore;
  });
  return findWinnerChangeOf(nonRse, rse, winnerIndex, rseShare, maxRseShare);
}

/** `findWinnerChange` on columns (A and R per supplier), as the engine holds them: no object per supplier. */
export function findWinnerChangeOf(
  nonRse: ArrayLike<number>,
  rse: ArrayLike<number>,
  winnerIndex: number,
  rseShare: number,
  maxRseShare: number = MAX_RSE_SHARE,
): number | null {
  if (winnerIndex < 0 || winnerIndex >= nonRse.length) return null;
  const wA = nonRse[winnerIndex]!;
  const wR = rse[winnerIndex]!;
  const winnerTotal = wA + (rseShare * (wR - wA)) / 100; // totalAtRseShare
  const winnerSlope = (wR - wA) / 100;
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let j = 0; j < nonRse.length; j++) {
    if (j === winnerIndex) continue;
    const a = nonRse[j]!;
    const r = rse[j]!;
    const gap = a + (rseShare * (r - a)) / 100 - winnerTotal; // ≤ TIE_TOLERANCE: the winner leads
    const slope = (r - a) / 100 - winnerSlope;
    if (slope === 0) continue;
    const end = slope > 0 ? maxRseShare : 0;
    if (!(gap + slope * (end - rseShare) > TIE_TOLERANCE)) continue; // never clearly ahead in range
    const crossing = gap >= -TIE_TOLERANCE ? rseShare : Math.min(maxRseShare, Math.max(0, rseShare - gap / slope));
    const distance = Math.abs(crossing - rseShare);
    if (distance < bestDistance || (distance === bestDistance && best !== null && crossing < best)) {
      best = crossing;
      bestDistance = distance;
    }
  }
  return best;
}
