import crypto from "node:crypto";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import type { FragmentRenderer } from "~/components/cached-content";

/**
 * The server side of `<CachedContent>` (app/components/cached-content.tsx): HTML of pure sub-trees
 * by content key, rendered once by `renderToString`, least recently used dropped beyond
 * MAX_BYTES of HTML. Keys are hashed (the key of the ranking table is its data: ~30 KB of JSON).
 * Shared on globalThis: entry.server.tsx may be loaded by more than one copy of the build in tests.
 */
const MAX_BYTES = 16 * 1024 * 1024;

type Store = { entries: Map<string, string>; bytes: number };
const store: Store = ((globalThis as Record<symbol, Store | undefined>)[Symbol.for("nr-procure.html-fragments")] ??= { entries: new Map(), bytes: 0 });

export const renderCachedFragment: FragmentRenderer = (key: string, render: () => ReactElement): string => {
  const id = crypto.createHash("sha256").update(key).digest("base64");
  const hit = store.entries.get(id);
  if (hit !== undefined) {
    store.entries.delete(id);
    store.entries.set(id, hit);
    return hit;
  }
  const html = renderToString(render());
  store.entries.set(id, html);
  store.bytes += html.length;
  for (const [oldId, old] of store.entries) {
    if (store.bytes <= MAX_BYTES || oldId === id) break;
    store.entries.delete(oldId);
    store.bytes -= old.length;
  }
  return html;
};

/** Tests: how many fragments are kept. */
export function cachedFragmentCount(): number {
  return store.entries.size;
}
