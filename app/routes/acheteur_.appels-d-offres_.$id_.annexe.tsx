import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getTenderAnnex } from "~/annex/annex.server";
import { formatParis } from "~/lib/dates";
import { requireRole } from "~/auth/session.server";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Annexe NR — ${data.tender.title} — NR Procure` : "Annexe NR — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  return getTenderAnnex({ tenderId: idParam(params.id), user });
});

const frFormat2 = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 });
const fr = (n: number) => frFormat2.format(n);

export default function TenderAnnex() {
  const a = useLoaderData<typeof loader>();
  const t = a.tender;
  return (
    <article className="annex">
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${t.id}`}>← Retour à la consultation</Link>
      </p>
      <h1>Annexe numérique responsable — {t.title}</h1>
      <p className="lead">
        Référence {t.reference} · {t.organisationName} · segment {t.segmentLabel}
      </p>
      <p>Date limite de réponse : {formatParis(t.deadline, "long")} (heure de Paris).</p>
      {a.frozen ? (
        <p className="alert alert--info">
          Méthode publiée le {formatParis(t.publishedAt!, "long")} : cette annexe est figée (empreinte SHA-256 <code>{t.methodSha256}</code>).
        </p>
      ) : (
        <p className="alert alert--warn">Projet : la méthode et les clauses peuvent encore changer jusqu'à la publication.</p>
      )}
      {a.clauseErrors > 0 ? (
        <p className="alert alert--error" role="alert">
          {a.clauseErrors} valeur{a.clauseErrors > 1 ? "s" : ""} à compléter dans les clauses avant publication.
        </p>
      ) : null}
      <div className="actions no-print">
        <a className="button" href={`/acheteur/appels-d-offres/${t.id}/annexe.docx`} download>
          Télécharger l'annexe (Word)
        </a>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Imprimer
        </button>
      </div>

      <h2>1. Clauses</h2>
      {a.clauses.length === 0 ? <p className="muted">Aucune clause retenue.</p> : null}
      {a.clauses.map((c, i) => (
        <section key={`${c.id}-${i}`} className="card">
          <h3>
            1.{i + 1} {c.title}
          </h3>
          <p className="small muted">
            {c.kindLabel} · {c.targetDocument} · {c.segmentLabel} · <span className="qid">{c.id}</span>
          </p>
          {c.text !== null ? (
            <p className="clause__text">{c.text}</p>
          ) : (
            <ul>
              {c.errors.map((e) => (
                <li key={e.placeholder} className="field__error">
                  À compléter — {e.message}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <h2>2. Questionnaire de maturité et pondérations</h2>
      <p>
        Répartition de la note : prix {fr(a.shares.price)} % · valeur technique {fr(a.shares.technical)} % · RSE {fr(a.shares.rse)} %. Prix : {a.priceMethodLabel}.
      </p>
      <p className="small muted">
        {a.questionCount} questions du guide, version {a.guideVersion}. {a.guideSource}
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Critère</th>
            <th scope="col" className="num">Poids</th>
            <th scope="col" className="num">Part de la note finale</th>
          </tr>
        </thead>
        <tbody>
          {a.criteria.map((c) => (
            <tr key={c.id}>
              <td>
                {c.number}. {c.title}
              </td>
              <td className="num">{fr(c.weight)}</td>
              <td className="num">{fr(c.markShare)} %</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.criteria.map((c) => (
        <section key={c.id}>
          <h3>
            {c.number}. {c.title}
          </h3>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Intitulé</th>
                <th scope="col" className="num">Poids</th>
                <th scope="col" className="num">Part de la note</th>
                <th scope="col">Non applicable admis</th>
              </tr>
            </thead>
            <tbody>
              {c.questions.map((q) => (
                <tr key={q.id}>
                  <td className="qid">{q.id}</td>
                  <td>{q.text}</td>
                  <td className="num">{fr(q.weight)}</td>
                  <td className="num">{fr(q.markShare)} %</td>
                  <td>{q.allowNotApplicable ? "oui" : "non"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <h2>3. Méthode de notation</h2>
      {a.methodBlocks.map((b, i) =>
        b.kind === "heading" ? (
          <h3 key={i}>{b.text}</h3>
        ) : b.kind === "bullet" ? (
          <ul key={i}>
            <li>{b.text}</li>
          </ul>
        ) : b.kind === "code" ? (
          <pre key={i}>{b.text}</pre>
        ) : (
          <p key={i}>{b.text}</p>
        ),
      )}

      <h2>4. Facteurs d'émission propres au fournisseur</h2>
      <p>
        Le titulaire fournit, pour ce qu'il vend, ses facteurs d'émission au format CSV du portail (une ligne par facteur). En-têtes acceptés en anglais ou
        sous leur alias français :
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Colonne</th>
            <th scope="col">Alias français</th>
            <th scope="col">Obligatoire</th>
            <th scope="col">Contenu</th>
          </tr>
        </thead>
        <tbody>
          {a.factorColumns.map((c) => (
            <tr key={c.name}>
              <td className="qid">{c.name}</td>
              <td className="qid">{c.french}</td>
              <td>{c.required ? "oui" : "non"}</td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
