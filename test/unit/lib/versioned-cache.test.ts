import { describe, expect, it } from "vitest";
import { VersionedCache } from "~/lib/versioned-cache";

describe("VersionedCache", () => {
  it("computes once per (key, version) and again when the version changes", () => {
    const cache = new VersionedCache<number, { n: number }>(4);
    let computed = 0;
    const compute = () => ({ n: ++computed });
    const a = cache.get(1, "v1", compute);
    expect(cache.get(1, "v1", compute)).toBe(a);
    expect(computed).toBe(1);
    const b = cache.get(1, "v2", compute);
    expect(b).not.toBe(a);
    expect(b.n).toBe(2);
    // Going back to an older version recomputes: only the latest version is kept per key.
    expect(cache.get(1, "v1", compute).n).toBe(3);
    expect(cache.size).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 3 });
  });

  it("keeps keys apart and drops the least recently used beyond its bound", () => {
    const cache = new VersionedCache<number, string>(2);
    cache.get(1, "v", () => "one");
    cache.get(2, "v", () => "two");
    expect(cache.get(1, "v", () => "recomputed")).toBe("one"); // 1 is now the most recent
    cache.get(3, "v", () => "three"); // drops 2
    expect(cache.size).toBe(2);
    expect(cache.get(2, "v", () => "two again")).toBe("two again");
    expect(cache.get(3, "v", () => "x")).toBe("three");
  });

  it("stores nothing when the computation throws, and can be emptied", () => {
    const cache = new VersionedCache<string, number>(2);
    expect(() =>
      cache.get("k", "v", () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(cache.size).toBe(0);
    cache.get("k", "v", () => 1);
    cache.delete("k");
    expect(cache.get("k", "v", () => 2)).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(() => new VersionedCache(0)).toThrow(RangeError);
  });
});
