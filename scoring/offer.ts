/**
 * Offer criteria (issue 11 §1.3): a measurable characteristic of each offer — carbon footprint of the
 * supplied equipment, energy use, warranty years… — scored 0–100 against the other offers' values.
 * The two methods transpose the DAJ price-notation fiche (2024) to any quantity
 * (shared/reference/public-procurement-weighting.md §2): `ratio` is the proportional method, `linear`
 * the straight line from the best value (100) to the worst (0).
 */
import type { OfferDirection, OfferMethod } from "./constants";

/** Lowest and highest of the values that count (non-null); ±Infinity when there is none. */
export interface OfferRange {
  lowest: number;
  highest: number;
}

export function offerRange(values: readonly (number | null | undefined)[]): OfferRange {
  let lowest = Infinity;
  let highest = -Infinity;
  for (const v of values) {
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    if (v < lowest) lowest = v;
    if (v > highest) highest = v;
  }
  return { lowest, highest };
}

/**
 * Score 0–100 of a given value v (a missing value scores 0 and is not passed here):
 * - lower-is-better, ratio: 100 × min / v (every value > 0, checked by validation);
 * - lower-is-better, linear: 100 × (max − v) / (max − min);
 * - higher-is-better, ratio: 100 × v / max; 100 for everyone when max = 0;
 * - higher-is-better, linear: 100 × (v − min) / (max − min);
 * - linear: 100 for everyone when max = min.
 */
export function offerScore(value: number, range: OfferRange, direction: OfferDirection, method: OfferMethod): number {
  if (method === "ratio") {
    if (direction === "lower-is-better") return (100 * range.lowest) / value;
    return range.highest === 0 ? 100 : (100 * value) / range.highest;
  }
  const spread = range.highest - range.lowest;
  if (spread === 0) return 100;
  return direction === "lower-is-better" ? (100 * (range.highest - value)) / spread : (100 * (value - range.lowest)) / spread;
}
