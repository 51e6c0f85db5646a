import { createRequire } from "node:module";

/**
 * Remembers route matching (issue 16, the per-request floor; docs/decisions/016-fast-under-load.md).
 *
 * `matchRoutes` of `@remix-run/router` flattens and ranks the whole route tree and compiles a
 * regular expression per route segment on EVERY call, and one document request calls it four times
 * or more: Remix's request handler (`matchServerRoutes`), React Router's `<DataRoutes>`, and the
 * lazy route discovery's partial manifest once per parent path ("/", "/acheteur", …: paths that
 * match nothing are the dearest, every branch is tried). With the portal's ~90 routes that was about
 * a fifth of the server's CPU on a light page (CPU profile of `/compte/sessions` under autocannon).
 *
 * Those three callers go through the module's exports object (`router.matchRoutes(…)`), so
 * replacing that property once at start-up reaches them all. The result depends only on the route
 * tree's shape (ids, paths, index and caseSensitive flags), the pathname and the basename; it is
 * cached per shape as route ids, params and pathnames, and rebuilt on each call with the CALLER's
 * route objects (React Router and Remix build a fresh tree per request) and fresh params, so
 * callers may keep or change what they get, as with the original. Bounded (LRU per tree shape).
 */
type RouteLike = { id?: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: RouteLike[] };
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: RouteLike };
type MatchRoutes = (routes: RouteLike[], location: string | { pathname?: string }, basename?: string) => Match[] | null;
type Cached = { ids: string[]; params: Record<string, string | undefined>; pathnames: string[]; pathnameBases: string[] } | null;

const MARK = Symbol.for("nr-procure.route-match-cache");

export function cachedMatchRoutes(original: MatchRoutes, maxEntries = 1000): MatchRoutes {
  const trees = new WeakMap<RouteLike[], { shape: string; byId: Map<string, RouteLike> } | null>();
  const caches = new Map<string, Map<string, Cached>>();

  function treeOf(routes: RouteLike[]) {
    let tree = trees.get(routes);
    if (tree === undefined) {
      const byId = new Map<string, RouteLike>();
      let ok = true;
      const shapeOf = (list: RouteLike[]): string =>
        list
          .map((r) => {
            if (typeof r.id !== "string" || byId.has(r.id)) ok = false;
            else byId.set(r.id, r);
            return `${r.id}\u0001${r.path ?? "\u0002"}\u0001${r.index === true ? 1 : 0}${r.caseSensitive === true ? 1 : 0}${r.children?.length ? `\u0003${shapeOf(r.children)}\u0004` : ""}`;
          })
          .join("\u0005");
      const shape = shapeOf(routes);
      tree = ok ? { shape, byId } : null; // routes without unique ids: not cached
      trees.set(routes, tree);
    }
    return tree;
  }

  const matchRoutes: MatchRoutes = (routes, location, basename = "/") => {
    const tree = Array.isArray(routes) ? treeOf(routes) : null;
    const pathname = typeof location === "string" ? location.replace(/[?#].*$/s, "") : location?.pathname;
    if (!tree || typeof pathname !== "string") return original(routes, location, basename);
    let cache = caches.get(tree.shape);
    if (!cache) {
      if (caches.size >= 4) caches.delete(caches.keys().next().value!); // a new build (development) brings a new shape
      cache = new Map();
      caches.set(tree.shape, cache);
    }
    const key = `${basename}\u0000${pathname}`;
    let cached = cache.get(key);
    if (cached === undefined) {
      const matches = original(routes, location, basename);
      cached = matches && {
        ids: matches.map((m) => m.route.id!),
        params: { ...matches.at(-1)?.params },
        pathnames: matches.map((m) => m.pathname),
        pathnameBases: matches.map((m) => m.pathnameBase),
      };
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key); // least recently used first
    }
    cache.set(key, cached);
    if (!cached) return null;
    // One params object shared by every match, as matchRoutes itself does.
    const params = { ...cached.params };
    return cached.ids.map((id, i) => ({ params, pathname: cached.pathnames[i]!, pathnameBase: cached.pathnameBases[i]!, route: tree.byId.get(id)! }));
  };
  return Object.assign(matchRoutes, { [MARK]: true });
}

/** Installs the cache on the `@remix-run/router` module the server resolves (once). */
export function installRouteMatchCache(): void {
  const require = createRequire(import.meta.url);
  const router = require("@remix-run/router") as { matchRoutes: MatchRoutes & { [MARK]?: true } };
  if (router.matchRoutes[MARK]) return;
  router.matchRoutes = cachedMatchRoutes(router.matchRoutes);
}
