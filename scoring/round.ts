/**
 * Rounds half up to 2 decimals. Near a half cent, `toPrecision(13)` first strips binary noise so
 * that a value a buyer computes by hand as 72.345 (stored as 72.34499999999999) becomes 72.35, not
 * 72.34. Elsewhere plain Math.round is exact enough, and much cheaper (10,000 suppliers × 14 numbers).
 */
export function round2(x: number): number {
  const scaled = x * 100;
  const frac = scaled - Math.floor(scaled);
  const r = Math.abs(frac - 0.5) < 1e-6 ? Math.round(Number(scaled.toPrecision(13))) / 100 : Math.round(scaled) / 100;
  return r === 0 ? 0 : r; // no -0
}

export function round2OrNull(x: number | null): number | null {
  return x === null ? null : round2(x);
}
