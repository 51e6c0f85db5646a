import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { ExplanationTree } from "~/components/tenders/explanation-tree";
import { formatParis } from "~/lib/dates";
import { frCount } from "~/lib/format";
import { frDecimal } from "~/tenders/bill";
import { getDebriefForSupplier } from "~/tenders/debrief.server";
import { DEBRIEF_NEVER, debriefContents } from "~/tenders/labels";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Restitution — NR Procure" }];

/** The supplier's own debrief, once the buyer shared it (404 otherwise, and for any other organisation). */
export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const d = await getDebriefForSupplier({ tenderId: idParam(params.tenderId), user });
  return {
    tender: d.tender,
    sharedAtLabel: formatParis(d.sharedAt, "full"),
    rank: d.rank,
    rankedCount: d.rankedCount,
    score: d.score,
    criteria: d.criteria,
    explanation: d.explanation,
    questionTopics: d.questionTopics,
    justifications: d.justifications,
    bill: d.bill,
    contents: debriefContents(d.rankedCount),
  };
});

const frFormat2 = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : frFormat2.format(n));

export default function Debrief() {
  const { tender, sharedAtLabel, rank, rankedCount, score, criteria, explanation, questionTopics, justifications, contents, bill } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to={`/fournisseur/consultations/${tender.id}`}>{tender.title}</Link> › Restitution
      </p>
      <h1>Restitution</h1>
      <p className="lead">
        {tender.title} ({tender.reference}) — partagée le {sharedAtLabel}. Vous ne voyez que vos propres résultats.
      </p>
      <div className="card">
        <p style={{ marginTop: 0 }}>L'acheteur partage avec vous :</p>
        <ul data-testid="debrief-contents">
          {contents.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <p className="muted small">Et {DEBRIEF_NEVER}.</p>
      </div>
      {bill ? (
        <section className="card" data-testid="debrief-bill">
          <h2 style={{ marginTop: 0 }}>Bordereau de prix</h2>
          <p>
            Prix calculé : <strong>{bill.price ? `${frDecimal(bill.price)} € HT` : "incomplet"}</strong> · empreinte carbone retenue :{" "}
            <strong>{bill.footprint ? `${frDecimal(bill.footprint)} kgCO2e` : "incomplète"}</strong>
          </p>
          {bill.replacements.length === 0 ? (
            <p className="muted">Aucun de vos facteurs d'émission n'a été remplacé par l'évaluateur.</p>
          ) : (
            <>
              <p>
                L'évaluateur a remplacé votre facteur par la référence prudente (montant de la ligne × ratio monétaire) sur{" "}
                {frCount(bill.replacements.length, "ligne")} :
              </p>
              <ul>
                {bill.replacements.map((r) => (
                  <li key={r.lineId}>
                    <strong>
                      {r.lineId} {r.label}
                    </strong>{" "}
                    — ratio « {r.ratioLabel} » ({frDecimal(r.ratio)} kgCO2e/k€, {r.ratioYear}) : {r.justification}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Classement</h2>
        <p>
          Rang <strong>{rank}</strong> sur {frCount(rankedCount, "offre classée", "offres classées")}.
        </p>
        <table className="data">
          <tbody>
            <tr>
              <th scope="row">Note totale</th>
              <td className="num">{fmt(score.total)}</td>
            </tr>
            <tr>
              <th scope="row">Prix</th>
              <td className="num">{fmt(score.priceScore)}</td>
            </tr>
            <tr>
              <th scope="row">Valeur technique</th>
              <td className="num">{fmt(score.technicalScore)}</td>
            </tr>
            <tr>
              <th scope="row">Maturité numérique responsable (sur 100)</th>
              <td className="num">{fmt(score.rseScore)}</td>
            </tr>
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Par critère (sur 100)</h2>
        <table className="data">
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title}</th>
                <td className="num">{fmt(score.criteria[c.id])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {score.unanswered.length ? <p className="muted">Questions comptées sans réponse : {score.unanswered.join(", ")}</p> : null}
      </section>
      <section className="card" data-testid="debrief-detail">
        <h2 style={{ marginTop: 0 }}>Détail de vos points</h2>
        <ExplanationTree explanation={explanation} criteria={criteria} topics={questionTopics} />
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Justifications des évaluateurs</h2>
        {justifications.length === 0 ? (
          <p className="muted">Aucun niveau n'a été modifié par les évaluateurs.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Niveau retenu</th>
                <th scope="col">Justification</th>
              </tr>
            </thead>
            <tbody>
              {justifications.map((j) => (
                <tr key={j.questionId}>
                  <td>
                    <span className="qid">{j.questionId}</span> {j.topic}
                  </td>
                  <td>{j.evaluatedLevel === "na" ? "Non applicable accepté" : fmt(j.evaluatedLevel)}</td>
                  <td style={{ whiteSpace: "pre-wrap" }}>{j.justification}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
