import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIE_TOLERANCE } from "#scoring";
import { compareIds, rankTotals } from "#scoring/engine";

/** Rule 8 as first written: sort by total then id with a comparison function, then group ties. */
function reference(totals: number[], ids: string[]) {
  const byTotal = totals.map((_, i) => i).sort((a, b) => totals[b]! - totals[a]! || compareIds(ids[a]!, ids[b]!));
  const order: number[] = [];
  const ranks = new Array<number>(totals.length);
  let start = 0;
  while (start < byTotal.length) {
    const leader = totals[byTotal[start]!]!;
    let end = start + 1;
    while (end < byTotal.length && leader - totals[byTotal[end]!]! <= TIE_TOLERANCE) end++;
    const group = byTotal.slice(start, end).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    for (const i of group) {
      ranks[i] = start + 1;
      order.push(i);
    }
    start = end;
  }
  return { order, ranks };
}

describe("rule 8 — ranking (the sort behind it)", () => {
  it("matches the comparison-sort reference, ties and near-ties included", () => {
    const total = fc.oneof(fc.constantFrom(0, 50, 50 + 5e-10, 50 + 2e-9, 100), fc.double({ min: 0, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(total, { minLength: 0, maxLength: 40 }), fc.array(fc.string({ maxLength: 3 }), { minLength: 40, maxLength: 40 }), (totals, names) => {
        const ids = totals.map((_, i) => `${names[i]}#${i}`);
        const r = rankTotals(Float64Array.from(totals), ids);
        const ref = reference(totals, ids);
        expect([...r.order]).toEqual(ref.order);
        expect([...r.ranks]).toEqual(ref.ranks);
      }),
      { numRuns: 1000 },
    );
  });

  it("ranks 10,000 equal totals together, listed by id", () => {
    const n = 10_000;
    const ids = Array.from({ length: n }, (_, i) => `f-${String(n - i).padStart(5, "0")}`);
    const r = rankTotals(new Float64Array(n).fill(42), ids);
    expect(new Set(r.ranks)).toEqual(new Set([1]));
    expect([...r.order].map((i) => ids[i])).toEqual([...ids].sort());
  });
});
