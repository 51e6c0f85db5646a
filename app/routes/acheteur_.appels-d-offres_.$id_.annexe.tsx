import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getTenderAnnex } from "~/annex/annex.server";
import { formatParis } from "~/lib/dates";
import { requireRole } from "~/auth/session.server";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Annexe NR — ${data.tender.title} — NR Procure` : "Annexe NR — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  return await getTenderAnnex({ tenderId: idParam(params.id), user });
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
      {a.regimeLabel ? <p>Régime d'achat : {a.regimeLabel}.</p> : null}
      {a.offerCriteria.length > 0 ? (
        <section data-testid="annex-offer-criteria">
          <h3>Critères d'offre</h3>
          <p>
            Caractéristiques mesurables de chaque offre, prises sur la part RSE ; le questionnaire reçoit le reste : {fr(a.questionnaireShare)} % de
            la note. Une valeur non fournie obtient 0.
          </p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Critère</th>
                <th scope="col">Unité</th>
                <th scope="col">Sens et méthode</th>
                <th scope="col">Formule</th>
                <th scope="col" className="num">Part de la note</th>
              </tr>
            </thead>
            <tbody>
              {a.offerCriteria.map((c) => (
                <tr key={c.id}>
                  <td>
                    {c.label}
                    {c.environmental ? " (caractéristique environnementale de l'offre)" : ""}
                  </td>
                  <td>{c.unit}</td>
                  <td>
                    {c.directionLabel}, méthode {c.methodLabel}
                  </td>
                  <td>{c.formula}</td>
                  <td className="num">{fr(c.share)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
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

      {a.informationQuestions.length > 0 ? (
        <section data-testid="annex-information-questions">
          <h3>Questions posées pour information (sans effet sur la note)</h3>
          <p>Ces questions portent sur la politique générale de l'entreprise : les réponses éclairent l'acheteur mais ne sont pas notées.</p>
          <ul>
            {a.informationQuestions.map((q) => (
              <li key={q.id}>
                <span className="qid">{q.id}</span> ({q.criterionTitle}) — {q.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

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

      {a.bill.length > 0 ? (
        <section data-testid="annex-bill">
          <h2>5. Bordereau de prix et empreinte carbone de l'offre</h2>
          <p>
            Pour chaque ligne du bordereau, le candidat indique un prix unitaire (€ HT) et un facteur d'émission en kgCO2e par unité de la ligne, avec sa
            méthode, sa source, son année de référence et, le cas échéant, le tiers qui l'a vérifié (colonnes du fichier de facteurs ci-dessus).
          </p>
          <ul>
            <li>
              <strong>Prix de l'offre</strong> = Σ quantité estimée × prix unitaire, chaque ligne arrondie au centime.
            </li>
            <li>
              <strong>Empreinte carbone de l'offre</strong> (kgCO2e) = Σ quantité estimée × facteur d'émission, chaque ligne arrondie au gramme ; plus elle est
              basse, meilleure est l'offre.
            </li>
            <li>
              <strong>Facteur valide</strong> : exprimé en kgCO2e (tous gaz à effet de serre) par unité de la ligne, positif ou nul, accompagné de sa méthode
              (ACV ISO 14040/14044, ISO 14067, GHG Protocol produit, référentiel sectoriel, ratio monétaire ou autre) et de son année de référence (2000 ou
              après). Sa qualité (note A à E : méthode, vérification par un tiers, âge, incertitude) et sa vraisemblance (écart de plus d'un facteur 10 avec
              le ratio monétaire de référence rapporté au prix de la ligne) sont signalées à l'évaluateur.
            </li>
            <li>
              Un facteur invraisemblable ou non étayé peut être remplacé par la référence prudente : montant de la ligne (k€ HT) × ratio monétaire de
              référence (kgCO2e par k€ HT) du segment ou de la catégorie de la ligne. Le remplacement est motivé par écrit, tracé, et communiqué au candidat
              avec sa restitution.
            </li>
          </ul>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Libellé</th>
                <th scope="col">Unité</th>
                <th scope="col" className="num">
                  Quantité estimée
                </th>
                <th scope="col">Catégorie du scope 3</th>
              </tr>
            </thead>
            <tbody>
              {a.bill.map((l) => (
                <tr key={l.id}>
                  <td className="qid">{l.id}</td>
                  <td>{l.label}</td>
                  <td>{l.unitLabel}</td>
                  <td className="num">{l.quantityLabel}</td>
                  <td>{l.ghgCategory ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </article>
  );
}
