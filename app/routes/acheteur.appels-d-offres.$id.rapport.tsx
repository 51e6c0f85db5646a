import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PriceFootprint } from "~/components/tenders/price-footprint";
import { requireRole } from "~/auth/session.server";
import { ExplanationTree } from "~/components/tenders/explanation-tree";
import { formatParis } from "~/lib/dates";
import { frEuros, frNum } from "~/lib/format";
import { getReport } from "~/tenders/compare.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineLoader, idParam } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Rapport d'analyse des offres — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const r = await getReport({ tenderId: idParam(params.id), user });
  return {
    tender: { id: r.tender.id, title: r.tender.title, reference: r.tender.reference, deadline: r.tender.deadline, sha: r.tender.publishedMethodSha256 },
    shares: r.built.method.shares,
    priceMethod: r.built.method.priceMethod,
    rows: (r.result?.suppliers ?? []).map((s) => ({ ...s, name: r.names[s.id] ?? s.id, price: r.built.suppliers.find((x) => x.key === s.id)?.price ?? null })),
    criteria: r.criteria,
    priceFootprint: r.built.suppliers.flatMap((s) => (s.footprintKg === null ? [] : [{ name: s.name, price: s.price, footprintKg: s.footprintKg }])),
    topics: r.questionTopics,
    stability: r.stability,
    explanations: r.explanations.map((e) => ({ name: r.names[e.supplierId] ?? e.supplierId, explanation: e })),
    generatedAt: new Date().toISOString(),
    generatedBy: user.name,
  };
});

export default function Report() {
  const d = useLoaderData<typeof loader>();
  return (
    <article className="report">
      <p className="no-print actions">
        <Link to={`/acheteur/appels-d-offres/${d.tender.id}/comparaison`}>← Comparaison</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          Imprimer / enregistrer en PDF
        </button>
      </p>
      <h1>Rapport d'analyse des offres</h1>
      <p>
        <strong>{d.tender.title}</strong> {d.tender.reference ? `(réf. ${d.tender.reference})` : ""} — date limite {formatParis(d.tender.deadline, "numeric", { withZone: true })}
      </p>
      <p className="small">
        Méthode publiée : prix {frNum(d.shares.price)} % ({d.priceMethod === "linear" ? "méthode linéaire" : "méthode proportionnelle"}), valeur
        technique {frNum(d.shares.technical)} %, RSE {frNum(d.shares.rse)} %. Empreinte SHA-256 : <code className="hash">{d.tender.sha}</code>
      </p>
      <p className="small muted">
        Édité le {formatParis(d.generatedAt, "numeric", { withZone: true })} par {d.generatedBy}.
      </p>
<PriceFootprint points={d.priceFootprint} />
      <h2>Classement</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Rang</th>
            <th scope="col">Fournisseur</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Prix
            </th>
            <th scope="col" className="num">
              Note prix
            </th>
            <th scope="col" className="num">
              Note technique
            </th>
            <th scope="col" className="num">
              Note RSE
            </th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r) => (
            <tr key={r.id}>
              <td>{r.rank}</td>
              <td>{r.name}</td>
              <td className="num">{frNum(r.total)}</td>
              <td className="num">{frEuros(r.price)}</td>
              <td className="num">{frNum(r.priceScore)}</td>
              <td className="num">{frNum(r.technicalScore)}</td>
              <td className="num">{frNum(r.rseScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.stability ? <p>{d.stability}</p> : null}
      {d.explanations.map((e) => (
        <section key={e.name} className="report__supplier">
          <h2>{e.name}</h2>
          <ExplanationTree explanation={e.explanation} criteria={d.criteria} topics={d.topics} open />
        </section>
      ))}
    </article>
  );
}
