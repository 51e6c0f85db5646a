import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { panelView } from "~/campaigns/results.server";
import { tenderLinks } from "~/components/tenders/links";
import { formatParis } from "~/lib/dates";
import { frNum } from "~/lib/format";
import { defineLoader, idParam } from "~/lib/route.server";

export const links = tenderLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Panel — ${data?.campaign.title ?? "campagne"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const url = new URL(request.url);
  const raw = url.searchParams.get("comparer");
  const compareWith = raw === null ? undefined : raw === "" ? null : idParam(raw);
  return await panelView({ campaignId: idParam(params.id), user, compareWith });
});

/** Heatmap colour of a 0–100 score: pale to dark blue (text stays readable). */
function heat(score: number | null | undefined): React.CSSProperties {
  if (score === null || score === undefined) return { background: "#f2f2f2" };
  // From 95 % to 62 % lightness: dark text keeps a contrast above 4.5:1 on every shade (axe-core).
  const l = 95 - Math.round(score * 0.33);
  return { background: `hsl(208 70% ${l}%)`, color: "#111" };
}

const bands = ["0–19", "20–39", "40–59", "60–79", "80–100"];

export default function PanelView() {
  const p = useLoaderData<typeof loader>();
  const base = `/acheteur/campagnes/${p.campaign.id}`;
  return (
    <>
      <p className="no-print">
        <Link to={base}>← {p.campaign.title}</Link> · <a href={`${base}/panel.csv`}>Export CSV</a>
      </p>
      <h1>Rapport du panel — {p.campaign.title}</h1>
      <p className="lead">
        Lancée le {formatParis(p.campaign.publishedAt, "numeric")} · guide {p.campaign.guideVersion} · document interne à votre organisation (poids et
        notes de tous les fournisseurs).
      </p>
      <section className="card" aria-labelledby="rate-h">
        <h2 id="rate-h">Taux de réponse</h2>
        <p>
          <strong>{p.submitted}</strong> réponses déposées sur <strong>{p.invited}</strong> fournisseurs invités
          {p.responseRate !== null ? ` (${frNum(p.responseRate, 1)} %)` : ""} ; {p.invitations.reduce((n, i) => n + i.reminders, 0)} relances envoyées.
        </p>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Fournisseur</th>
              <th scope="col">État</th>
              <th scope="col" className="num">
                Relances
              </th>
            </tr>
          </thead>
          <tbody>
            {p.invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.supplierName}</td>
                <td>{i.statusLabel}</td>
                <td className="num">{i.reminders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="heat-h">
        <h2 id="heat-h">Carte de chaleur : fournisseurs × critères (notes sur 100)</h2>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Carte de chaleur (défilement horizontal)">
          <table className="data heatmap">
            <CriteriaHead criteria={p.criteria} />
            <tbody>
              {p.rows.map((r) => (
                <tr key={r.supplierOrganisationId}>
                  <th scope="row">
                    <Link to={`${base}/fournisseurs/${r.supplierOrganisationId}`}>{r.supplierName}</Link>
                  </th>
                  {p.criteria.map((c) => (
                    <td key={c.id} className="num" style={heat(r.scores[c.id])}>
                      {r.scores[c.id] == null ? "—" : frNum(r.scores[c.id]!, 0)}
                    </td>
                  ))}
                  <td className="num">{r.index === null ? "—" : frNum(r.index, 1)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Poids</th>
                {p.criteria.map((c) => (
                  <td key={c.id} className="num">
                    {frNum(c.weight, 2)}
                  </td>
                ))}
                <td />
              </tr>
              <tr>
                <th scope="row">Médiane (≥ 5 fournisseurs)</th>
                {p.criteria.map((c) => (
                  <td key={c.id} className="num">
                    {c.median === null ? "—" : frNum(c.median, 1)}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="dist-h">
        <h2 id="dist-h">Répartition par critère (nombre de fournisseurs par tranche de note)</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Critère</th>
              {bands.map((b) => (
                <th scope="col" key={b} className="num">
                  {b}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.number}. {c.title}
                </th>
                {c.distribution.map((n, i) => (
                  <td key={i} className="num">
                    {n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card" aria-labelledby="prog-h">
        <h2 id="prog-h">Progrès entre deux campagnes</h2>
        <Form method="get" className="no-print inline-fields">
          <label>
            Comparer avec{" "}
            <select name="comparer" defaultValue={p.compare ? String(p.compare.id) : ""}>
              <option value="">— aucune —</option>
              {p.earlierCampaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--secondary">
            Comparer
          </button>
        </Form>
        {p.compare ? (
          <>
            <p>Évolution des notes depuis « {p.compare.title} » (en points sur 100).</p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Progrès par fournisseur (défilement horizontal)">
              <table className="data">
                <CriteriaHead criteria={p.criteria} />
                <tbody>
                  {p.rows.map((r) => (
                    <tr key={r.supplierOrganisationId}>
                      <th scope="row">{r.supplierName}</th>
                      {p.criteria.map((c) => {
                        const d = r.deltas[c.id];
                        return (
                          <td key={c.id} className="num">
                            {d == null ? "—" : `${d > 0 ? "+" : ""}${frNum(d, 1)}`}
                          </td>
                        );
                      })}
                      <td className="num">
                        {r.index !== null && r.previousIndex !== null ? `${frNum(r.previousIndex, 1)} → ${frNum(r.index, 1)}` : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Évolution moyenne</th>
                    {p.criteria.map((c) => (
                      <td key={c.id} className="num">
                        {c.meanDelta === null ? "—" : `${c.meanDelta > 0 ? "+" : ""}${frNum(c.meanDelta, 1)}`}
                      </td>
                    ))}
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
          </>
        ) : (
          <p className="muted">Aucune campagne antérieure à comparer.</p>
        )}
      </section>
    </>
  );
}

/** Header of the panel's supplier × criteria tables (scores, then progress). */
function CriteriaHead({ criteria }: { criteria: readonly { id: string; title: string; number: number | string; shortTitle: string }[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">Fournisseur</th>
        {criteria.map((c) => (
          <th scope="col" key={c.id} title={c.title}>
            {c.number}. {c.shortTitle}
          </th>
        ))}
        <th scope="col">Indice pondéré</th>
      </tr>
    </thead>
  );
}
