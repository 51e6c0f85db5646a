import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CachedContent, CachedLink } from "~/components/cached-content";
import { PriceFootprint } from "~/components/tenders/price-footprint";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { CriterionChart } from "~/components/tenders/criterion-chart";
import { simulate, type Simulation, type SimulationOutcome } from "~/components/tenders/simulation";
import { WhatIfPanel } from "~/components/tenders/what-if";
import { frEuros, frNum } from "~/lib/format";
import { getComparison, sortRows } from "~/tenders/compare.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineLoader, idParam } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Comparaison des offres — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const c = await getComparison({ tenderId: idParam(params.id), user });
  const url = new URL(request.url);
  const sort = url.searchParams.get("tri") ?? "rank";
  const dir = url.searchParams.get("ordre") === "asc" ? "asc" : "desc";
  const rows = c.result ? sortRows(c.result.suppliers, sort, dir) : [];
  const n = (k: string, d: number) => {
    const v = Number((url.searchParams.get(k) ?? "").replace(",", "."));
    return url.searchParams.has(k) && Number.isFinite(v) ? v : d;
  };
  const shares = c.built.method.shares;
  const simulation: Simulation = {
    price: n("sim.price", shares.price),
    technical: n("sim.technical", shares.technical),
    rse: n("sim.rse", shares.rse),
    weights: Object.fromEntries((c.input?.criteria ?? []).map((k) => [k.id, n(`sim.w.${k.id}`, k.weight)])),
  };
  // The what-if panel's first outcome: the published result itself when the URL simulates nothing
  // (same input, same scoring), else computed here so that the GET form works without JavaScript.
  const simulated = [...url.searchParams.keys()].some((k) => k.startsWith("sim."));
  const initialOutcome: SimulationOutcome | null = !c.input
    ? null
    : simulated || !c.result
      ? simulate(c.input, simulation)
      : { ok: true, suppliers: c.result.suppliers.map((s) => ({ id: s.id, rank: s.rank, total: s.total })), stability: c.stability ?? "" };
  const infoByKey = new Map(c.built.suppliers.map((s) => [s.key, s]));
  return {
    tender: { id: c.tender.id, title: c.tender.title, reference: c.tender.reference },
    open: c.open,
    isBuyer: isBuyer(user),
    shares,
    rows: rows.map((r) => {
      const info = infoByKey.get(r.id)!;
      const unreviewed = r.unreviewed ? r.unreviewed.answers.length + r.unreviewed.offerValues.length : 0;
      return { ...r, name: c.names[r.id] ?? r.id, organisationId: info.organisationId, price: info.price, pending: c.built.notYetEvaluated[r.id]?.length ?? 0, unreviewedCount: unreviewed };
    }),
    provisional: c.result?.provisional ?? false,
    countOnlyReviewed: c.built.method.procurement?.countOnlyReviewed ?? false,
    offerCriteria: c.built.method.offerCriteria.map((o) => ({ id: o.id, label: o.label, unit: o.unit, share: o.share })),
    warnings: c.result?.warnings?.map((w) => w.message) ?? [],
    criteria: c.criteria,
    priceFootprint: c.built.suppliers.flatMap((s) => (s.footprintKg === null ? [] : [{ name: s.name, price: s.price, footprintKg: s.footprintKg }])),
    stability: c.stability,
    winnerChangesAtRseShare: c.result?.winnerChangesAtRseShare ?? null,
    incomplete: c.built.incomplete,
    issues: c.issues,
    names: c.names,
    sort,
    dir,
    simulation,
    initialOutcome,
    publishedRanks: Object.fromEntries((c.result?.suppliers ?? []).map((s) => [s.id, s.rank])),
  };
});

export default function Comparison() {
  const d = useLoaderData<typeof loader>();
  const base = `/acheteur/appels-d-offres/${d.tender.id}`;
  // The chart keeps the ranking's order (and colours) whatever the table's sort.
  const chartSeries = [...d.rows].sort((a, b) => a.rank - b.rank).map((r) => ({ name: r.name, values: r.criteria }));
  return (
    <>
      <p className="no-print">
        <Link to={base}>← {d.tender.title}</Link>
      </p>
      <h1>Comparaison des offres</h1>
      <p className="muted">
        Méthode publiée : prix {frNum(d.shares.price)} % · valeur technique {frNum(d.shares.technical)} % · RSE {frNum(d.shares.rse)} %.
      </p>
      <p className="actions no-print">
        <a className="button button--secondary" href={`${base}/classement.csv`}>
          Exporter le classement (CSV)
        </a>
        <Link className="button button--secondary" to={`${base}/rapport`}>
          Rapport imprimable
        </Link>
        {d.isBuyer ? (
          <a className="button button--secondary" href={`${base}/donnees-notation.json`}>
            Données de notation (JSON, pour « npm run score »)
          </a>
        ) : null}
      </p>
      {d.provisional ? (
        <p className="alert alert--warn" role="status" data-testid="provisional">
          <strong>Classement provisoire</strong> : des réponses ou des valeurs d'offre qui comptent dans la note n'ont pas encore été relues par
          un évaluateur.{" "}
          {d.countOnlyReviewed
            ? "Elles comptent comme non fournies tant qu'elles ne sont pas relues ; la clôture est refusée jusque-là."
            : ""}{" "}
          <Link to={`${base}/evaluation`}>Évaluer</Link>
        </p>
      ) : null}
      {!d.open ? <p className="alert alert--info">L'évaluation n'est pas encore ouverte : aucune réponse n'est comparée.</p> : null}
      {d.incomplete.length > 0 ? (
        <div className="alert alert--warn">
          <p>Non classés tant que l'acheteur n'a pas saisi leur prix et leur note technique :</p>
          <ul>
            {d.incomplete.map((i) => (
              <li key={i.organisationId}>
                {i.name} — manque : {i.missing.join(", ")} (<Link to={`${base}/evaluation`}>saisir</Link>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.issues.length > 0 ? (
        <div className="alert alert--error">
          <ul>
            {d.issues.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.rows.length === 0 ? (
        <p className="muted">Aucune offre classée pour l'instant.</p>
      ) : (
        <>
<PriceFootprint points={d.priceFootprint} />
          <section className="card">
            <h2>Classement</h2>
            <p className="stability" data-testid="stability">
              {d.stability}
            </p>
            <CachedContent
              tag="div"
              className="table-scroll"
              cacheKey={["ranking", base, d.sort, d.dir, d.offerCriteria, d.criteria, d.rows]}
              render={() => <RankingTable base={base} sort={d.sort} dir={d.dir} offerCriteria={d.offerCriteria} criteria={d.criteria} rows={d.rows} />}
            />
          </section>
          <CachedContent
            tag="section"
            className="card"
            cacheKey={["chart", d.criteria, chartSeries]}
            render={() => (
              <>
                <h2>Notes par critère RSE (sur 100)</h2>
                <CriterionChart criteria={d.criteria} series={chartSeries} describedBy="ranking-caption" />
              </>
            )}
          />
          {d.initialOutcome ? (
            <CachedContent
              tag="div"
              className="no-print"
              cacheKey={["what-if", base, d.names, d.criteria, d.simulation, d.initialOutcome, d.publishedRanks, d.sort, d.dir]}
              render={() => (
                <WhatIfPanel
                  inputUrl={`${base}/simulation.json`}
                  names={d.names}
                  criteria={d.criteria}
                  initial={d.simulation}
                  initialOutcome={d.initialOutcome!}
                  publishedRanks={d.publishedRanks}
                  hidden={{ tri: d.sort, ordre: d.dir }}
                />
              )}
            />
          ) : null}
        </>
      )}
    </>
  );
}

type ComparisonData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The ranking table: a pure function of its props (rendered once per data on the server, CachedContent). */
function RankingTable({ base, sort, dir, offerCriteria, criteria, rows }: Pick<ComparisonData, "sort" | "dir" | "offerCriteria" | "criteria" | "rows"> & { base: string }) {
  const sortLink = (key: string, label: string) => {
    const active = sort === key;
    const nextDir = active && dir === "desc" ? "asc" : "desc";
    return (
      <CachedLink to={`?tri=${encodeURIComponent(key)}&ordre=${nextDir}`} aria-label={`Trier par ${label}`} preventScrollReset>
        {label}
        {active ? (dir === "desc" ? " ▼" : " ▲") : ""}
      </CachedLink>
    );
  };
  const ariaSort = (key: string) => (sort === key ? (dir === "desc" ? "descending" : "ascending") : undefined);
  return (
    <table className="data ranking" data-testid="ranking">
      <caption id="ranking-caption" className="muted">
        Classement des offres : note totale, notes prix, technique et RSE, puis note de chaque critère RSE sur 100 (les valeurs du graphique).
      </caption>
      <thead>
        <tr>
          <th scope="col" aria-sort={ariaSort("rank")}>
            {sortLink("rank", "Rang")}
          </th>
          <th scope="col">Fournisseur</th>
          <th scope="col" className="num" aria-sort={ariaSort("total")}>
            {sortLink("total", "Total /100")}
          </th>
          <th scope="col" className="num">
            Prix
          </th>
          <th scope="col" className="num" aria-sort={ariaSort("price")}>
            {sortLink("price", "Note prix")}
          </th>
          <th scope="col" className="num" aria-sort={ariaSort("technical")}>
            {sortLink("technical", "Note technique")}
          </th>
          <th scope="col" className="num" aria-sort={ariaSort("rse")}>
            {sortLink("rse", "Note RSE")}
          </th>
          {offerCriteria.map((o) => (
            <th key={o.id} scope="col" className="num" title={`${o.label} (${o.unit}), ${o.share} % de la note`}>
              {o.label}
            </th>
          ))}
          {criteria.map((c) => (
            <th key={c.id} scope="col" className="num" aria-sort={ariaSort(`c:${c.id}`)} title={c.title}>
              {sortLink(`c:${c.id}`, c.shortTitle)}
            </th>
          ))}
          <th scope="col" className="num" aria-sort={ariaSort("unanswered")}>
            {sortLink("unanswered", "Sans réponse")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-supplier={r.name}>
            <td>{r.rank}</td>
            <th scope="row">
              <CachedLink to={`${base}/fournisseurs/${r.organisationId}`}>{r.name}</CachedLink>
              {r.unreviewed ? (
                r.unreviewedCount > 0 ? (
                  <span className="badge badge--warn" data-testid="not-fully-reviewed">
                    {r.unreviewedCount} élément{r.unreviewedCount > 1 ? "s" : ""} à relire
                  </span>
                ) : (
                  <span className="badge">relue</span>
                )
              ) : r.pending > 0 ? (
                <span className="small muted"> ({r.pending} auto-évaluations non revues)</span>
              ) : null}
            </th>
            <td className="num">
              <strong>{frNum(r.total)}</strong>
            </td>
            <td className="num">{frEuros(r.price)}</td>
            <td className="num">{frNum(r.priceScore)}</td>
            <td className="num">{frNum(r.technicalScore)}</td>
            <td className="num">{frNum(r.rseScore)}</td>
            {offerCriteria.map((o) => (
              <td key={o.id} className="num">
                {r.offerScores?.[o.id] === undefined ? "—" : frNum(r.offerScores[o.id])}
                {r.missingOfferValues?.includes(o.id) ? <span className="small muted"> (non fournie)</span> : null}
              </td>
            ))}
            {criteria.map((c) => (
              <td key={c.id} className="num">
                {r.criteria[c.id] === null || r.criteria[c.id] === undefined ? "sans objet" : frNum(r.criteria[c.id])}
              </td>
            ))}
            <td className="num">{r.unanswered.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
