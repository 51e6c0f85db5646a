import { MemoryRouter } from "react-router-dom";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CachedContent, CachedLink, FragmentRendererContext } from "~/components/cached-content";
import { WhatIfPanel } from "~/components/tenders/what-if";
import { cachedFragmentCount, renderCachedFragment } from "~/lib/html-fragments.server";

/**
 * `<CachedContent>` (issue 16): the server writes a sub-tree's HTML from a cache; it must be the very
 * HTML React writes for the same sub-tree in the page (hydration compares the DOM with it), links included.
 */
function Table({ rows }: { rows: { name: string; score: number | null }[] }) {
  return (
    <table>
      <thead>
        <tr>
          <th>
            <CachedLink to="?tri=score&ordre=desc" aria-label="Trier par note" preventScrollReset>
              Note{" "}▼
            </CachedLink>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.name}>
            <th>
              <CachedLink to={`/fournisseurs/${encodeURIComponent(r.name)}`}>{r.name}</CachedLink> <span>{r.score ?? "sans objet"}</span>
            </th>
            <td className="num">
              {r.score} / {100}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const rows = [
  { name: "Alpha & fils", score: 12.5 },
  { name: "Bêta <SAS>", score: null },
];

function Page({ cached }: { cached: boolean }) {
  const content = (
    <>
      <p>avant</p>
      {cached ? <CachedContent tag="div" className="table-scroll" cacheKey={["t", rows]} render={() => <Table rows={rows} />} /> : <div className="table-scroll"><Table rows={rows} /></div>}
      <CachedContent
        tag="div"
        className="no-print"
        cacheKey={["w"]}
        render={() => (
          <WhatIfPanel
            inputUrl="/x/simulation.json"
            names={{ a: "Alpha & fils" }}
            criteria={[{ id: "c", shortTitle: "Critère" }]}
            initial={{ price: 40, technical: 40, rse: 20, weights: { c: 1 } }}
            initialOutcome={{ ok: true, suppliers: [{ id: "a", rank: 1, total: 71.25 }], stability: "Stable." }}
            publishedRanks={{ a: 1 }}
            hidden={{ tri: "rank", ordre: "desc" }}
          />
        )}
      />
    </>
  );
  return content;
}

function render(cached: boolean, withRenderer: boolean) {
  const tree = (
    <MemoryRouter initialEntries={["/acheteur/appels-d-offres/7/comparaison"]}>
      <Page cached={cached} />
    </MemoryRouter>
  );
  return renderToString(withRenderer ? <FragmentRendererContext.Provider value={renderCachedFragment}>{tree}</FragmentRendererContext.Provider> : tree);
}

describe("CachedContent", () => {
  it("writes the same HTML from the cache as React renders in the page, Remix links included", () => {
    const plain = render(false, false);
    expect(plain).toContain('<a aria-label="Trier par note" data-discover="true" href="/acheteur/appels-d-offres/7/comparaison?tri=score&amp;ordre=desc">');
    expect(plain).toContain('<a data-discover="true" href="/fournisseurs/B%C3%AAta%20%3CSAS%3E">');
    const before = cachedFragmentCount();
    const first = render(true, true);
    expect(cachedFragmentCount()).toBe(before + 2);
    expect(first).toBe(plain);
    // Second time from the cache: same HTML, nothing new rendered.
    expect(render(true, true)).toBe(plain);
    expect(cachedFragmentCount()).toBe(before + 2);
    // Without a renderer (the browser), the sub-tree is rendered as usual.
    expect(render(true, false)).toBe(plain);
  });

  it("keys by content: other data is another fragment, undefined and NaN are not null", () => {
    const html = (value: unknown) => renderCachedFragment(JSON.stringify(["k", value]) + String(value), () => <span>{String(value)}</span>);
    expect(html(null)).toBe("<span>null</span>");
    expect(html(Number.NaN)).toBe("<span>NaN</span>");
    expect(html(undefined)).toBe("<span>undefined</span>");
  });
});
