import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { cachedMatchRoutes } from "../../../server/route-match-cache";

// The same module the server patches (server/route-match-cache.ts installRouteMatchCache).
const router = createRequire(import.meta.url)("@remix-run/router") as { matchRoutes: Parameters<typeof cachedMatchRoutes>[0] };
const original = router.matchRoutes;

type R = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: R[] };
/** A tree shaped like the portal's (Remix flat routes: root, pathless layout, params, index routes, dotted and splat paths). */
function tree(): R[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "routes/_index", index: true },
        { id: "routes/connexion", path: "connexion" },
        { id: "routes/compte.sessions", path: "compte/sessions" },
        {
          id: "routes/acheteur",
          path: "acheteur",
          children: [
            { id: "routes/acheteur._index", index: true },
            { id: "routes/acheteur.appels-d-offres.$id._index", path: "appels-d-offres/:id", index: false, children: [] },
            { id: "routes/acheteur.appels-d-offres.$id.comparaison", path: "appels-d-offres/:id/comparaison" },
            { id: "routes/acheteur.appels-d-offres.$id.classement[.]csv", path: "appels-d-offres/:id/classement.csv" },
            { id: "routes/acheteur.appels-d-offres.nouveau", path: "appels-d-offres/nouveau" },
          ],
        },
        { id: "routes/_public", children: [{ id: "routes/_public.guide.$slug", path: "guide/:slug?" }] },
        { id: "routes/Casse", path: "Casse", caseSensitive: true },
        { id: "routes/$", path: "*" },
      ],
    },
  ];
}

const PATHS = [
  "/",
  "/connexion",
  "/connexion?redirectTo=%2Facheteur",
  "/compte",
  "/compte/sessions",
  "/acheteur",
  "/acheteur/",
  "/acheteur/appels-d-offres",
  "/acheteur/appels-d-offres/12",
  "/acheteur/appels-d-offres/12/comparaison",
  "/acheteur/appels-d-offres/nouveau",
  "/acheteur/appels-d-offres/7/classement.csv",
  "/acheteur/appels-d-offres/%C3%A9t%C3%A9/comparaison",
  "/guide",
  "/guide/gouvernance",
  "/casse",
  "/Casse",
  "/nimporte/quoi/ici",
];

/** What callers read of a match: ids, params, pathnames, and the route object itself. */
const view = (matches: ReturnType<typeof original>) => matches && matches.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase }));

describe("cachedMatchRoutes", () => {
  it("answers exactly as matchRoutes, first time and from the cache, for any tree of the same shape", () => {
    const cached = cachedMatchRoutes(original, 5);
    for (let round = 0; round < 3; round++) {
      for (const path of PATHS) {
        for (const basename of ["/", "/portail"]) {
          const routes = tree(); // a fresh tree per call, as React Router builds per request
          const location = basename === "/" ? path : `/portail${path === "/" ? "" : path}`;
          const got = cached(routes, location, basename);
          expect(view(got), `${location} (${basename})`).toEqual(view(original(routes, location, basename)));
          // The caller's own route objects, not another request's.
          for (const m of got ?? []) expect(routes.flatMap(function all(r): R[] { return [r, ...(r.children ?? []).flatMap(all)]; })).toContain(m.route);
        }
      }
    }
  });

  it("hands out fresh params each time, shared by the matches of one answer like the original", () => {
    const cached = cachedMatchRoutes(original);
    const first = cached(tree(), "/acheteur/appels-d-offres/12/comparaison")!;
    first[0]!.params.id = "changé";
    const second = cached(tree(), "/acheteur/appels-d-offres/12/comparaison")!;
    expect(second.at(-1)!.params).toEqual({ id: "12" });
    expect(second[0]!.params).toBe(second.at(-1)!.params);
  });

  it("takes a location object and tells trees of another shape apart", () => {
    const cached = cachedMatchRoutes(original);
    expect(view(cached(tree(), { pathname: "/compte/sessions" }))).toEqual(view(original(tree(), "/compte/sessions")));
    const other = tree();
    other[0]!.children!.push({ id: "routes/compte", path: "compte" });
    expect(cached(tree(), "/compte")!.at(-1)!.route.id).toBe("routes/$");
    expect(cached(other, "/compte")!.at(-1)!.route.id).toBe("routes/compte");
  });

  it("falls back to matchRoutes for routes without unique ids", () => {
    const cached = cachedMatchRoutes(original);
    const routes = [{ path: "/a" }, { path: "/b" }] as unknown as R[];
    expect(cached(routes, "/b")![0]!.route).toBe(routes[1]);
  });
});
