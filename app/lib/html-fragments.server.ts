import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import type { FragmentRenderer } from "~/components/cached-content";

/**
 * The server side of `<CachedContent>` (app/components/cached-content.tsx): HTML of pure sub-trees
 * by content key, rendered once by `renderToString`, least recently used dropped beyond
 * MAX_BYTES of keys and HTML. Keys are the JSON of the data itself (the ranking table's is ~30 KB):
 * looked up as strings (V8 hashes a string once), cheaper than a cryptographic digest per request.
 * Shared on globalThis: entry.server.tsx may be loaded by more than one copy of the build in tests.
 */
const MAX_BYTES = 16 * 1024 * 1024;

type Store = { entries: Map<string, string>; bytes: number };
const store: Store = ((globalThis as Record<symbol, Store | undefined>)[Symbol.for("nr-procure.html-fragments")] ??= { entries: new Map(), bytes: 0 });

export const renderCachedFragment: FragmentRenderer = (key: string, render: () => ReactElement): string => {
  const hit = store.entries.get(key);
  if (hit !== undefined) {
    store.entries.delete(key);
    store.entries.set(key, hit);
    return hit;
  }
  const html = renderToString(render());
  store.entries.set(key, html);
  store.bytes += key.length + html.length;
  for (const [oldKey, old] of store.entries) {
    if (store.bytes <= MAX_BYTES || oldKey === key) break;
    store.entries.delete(oldKey);
    store.bytes -= oldKey.length + old.length;
  }
  return html;
};

/** Tests: how many fragments are kept. */
export function cachedFragmentCount(): number {
  return store.entries.size;
}
