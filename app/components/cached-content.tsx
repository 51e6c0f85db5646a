import { Link, useLocation } from "@remix-run/react";
import { createContext, useContext, type ReactElement, type ReactNode } from "react";

/**
 * Server-side HTML of a pure sub-tree, remembered by content (issue 16: React's server renderer was
 * the largest cost of the comparison page — a 50-row ranking table, the chart and the what-if panel
 * are ~80 KB of HTML — and the same data renders the same HTML, for every user, after any write
 * that did not change it).
 *
 * `<CachedContent tag="div" className="…" cacheKey={[…everything render() reads]} render={…}>`:
 * - on the server (entry.server.tsx provides a renderer), the element's content is the HTML of
 *   `render()`, rendered on its own by `renderToString` once per key and taken from a bounded cache
 *   afterwards (app/lib/html-fragments.server.ts), written with `dangerouslySetInnerHTML`;
 * - in the browser, `render()` is rendered as usual. The HTML is the same as React renders in the
 *   page (same elements; `renderToString` keeps the `<!-- -->` text separators hydration needs), so
 *   hydration matches, and client-side navigations render from the loader data as before.
 *
 * `render` must be a pure function of `cacheKey` (no hooks reading anything else than props and
 * local state, no `useId`: a separate render numbers ids differently). Inside it, links are
 * `<CachedLink>`: a Remix `<Link>` in the browser, the same `<a>` in the cached HTML.
 */
export type FragmentRenderer = (key: string, render: () => ReactElement) => string;
export const FragmentRendererContext = createContext<FragmentRenderer | null>(null);

/** Inside a cached render: the page's pathname, against which `?…` links resolve (as React Router does). */
const StaticLinks = createContext<{ pathname: string } | null>(null);

type Tag = "div" | "section";

/** Keys: JSON, with the values JSON would merge (undefined, NaN, ±Infinity) told apart. */
function keyOf(parts: unknown): string {
  return JSON.stringify(parts, (_k, v: unknown) => (v === undefined ? "\u0000u" : typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}` : v));
}

export function CachedContent({ tag: Element, cacheKey, render, className }: { tag: Tag; cacheKey: readonly unknown[]; render: () => ReactElement; className?: string }) {
  const renderer = useContext(FragmentRendererContext);
  const { pathname } = useLocation();
  if (!renderer) return <Element className={className}>{render()}</Element>;
  const html = renderer(keyOf([pathname, ...cacheKey]), () => <StaticLinks.Provider value={{ pathname }}>{render()}</StaticLinks.Provider>);
  return <Element className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * Remix's `<Link>` for a path of this site ("/…") or a search of this page ("?…"). In the cached
 * HTML, the `<a>` Remix writes for it: the other props first, then `data-discover`, then `href`.
 */
export function CachedLink({ to, preventScrollReset, children, ...rest }: { to: string; preventScrollReset?: boolean; children: ReactNode; "aria-label"?: string; className?: string }) {
  const isStatic = useContext(StaticLinks);
  if (!isStatic) {
    return (
      <Link to={to} {...rest} preventScrollReset={preventScrollReset}>
        {children}
      </Link>
    );
  }
  if (!to.startsWith("/") && !to.startsWith("?")) throw new Error(`CachedLink : lien non pris en charge dans un rendu mis en cache (${to})`);
  return (
    <a {...rest} data-discover="true" href={to.startsWith("?") ? isStatic.pathname + to : to}>
      {children}
    </a>
  );
}
