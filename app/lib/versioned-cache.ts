/**
 * A small in-process cache whose entries are valid for one VERSION of their key: `get(key,
 * version, compute)` returns the stored value when it was computed for that same version, else
 * computes, stores and returns a fresh one. The version is read from the database by the caller
 * (e.g. a tender's `data_version` counter, bumped in the same transaction as the writes that change
 * the cached value), so several processes on one database stay correct: none of them can serve a
 * value older than the row it just read.
 *
 * Bounded: at most `maxEntries` keys, least recently used dropped first. Values are shared between
 * requests: callers must treat them as read-only. No I/O, no Node API.
 */
export class VersionedCache<K, V> {
  readonly #entries = new Map<K, { version: string; value: V }>();
  #hits = 0;
  #misses = 0;

  constructor(readonly maxEntries: number) {
    if (!(maxEntries >= 1)) throw new RangeError("maxEntries must be at least 1");
  }

  get(key: K, version: string, compute: () => V): V {
    const entry = this.#entries.get(key);
    if (entry && entry.version === version) {
      this.#hits++;
      // Most recently used last.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value;
    }
    this.#misses++;
    const value = compute();
    const stored = { version, value };
    this.#entries.delete(key);
    this.#entries.set(key, stored);
    // A value computed asynchronously is stored as its promise (concurrent requests share one
    // computation); a failed computation must not stay cached.
    if (value instanceof Promise) value.catch(() => this.#entries.get(key) === stored && this.#entries.delete(key));
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value as K;
      this.#entries.delete(oldest);
    }
    return value;
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Hits and misses since start, for tests and benchmarks. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.#hits, misses: this.#misses };
  }
}
