import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GuideVersionPicker, ProvenanceTag } from "~/components/guide/version-picker";
import {
  UNKNOWN_VERSION_MESSAGE,
  guideFromUrl,
  guideOverview,
  guideSearch,
  guideVersionOptions,
  provenanceForPages,
  provenanceLegend,
  versionQuery,
} from "~/lib/guide.server";
import { notFound } from "~/lib/errors";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Guide de maturité numérique responsable des fournisseurs — NR Procure" }];

const querySchema = z.object({ q: z.string().trim().max(200).optional().default("") });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  const guide = guideFromUrl(url);
  if (!guide) throw notFound(UNKNOWN_VERSION_MESSAGE);
  const { q } = querySchema.parse({ q: url.searchParams.get("q") ?? undefined });
  return {
    guide: guideOverview(guide),
    versions: guideVersionOptions(),
    versionQuery: versionQuery(guide),
    provenance: provenanceForPages(),
    legend: provenanceLegend(),
    q,
    results: q ? guideSearch(guide, q) : null,
  };
});

export default function GuideIndex() {
  const { guide, versions, versionQuery: vq, provenance, legend, q, results } = useLoaderData<typeof loader>();
  const withVersion = (path: string, hash = "") => `${path}${vq}${hash}`;
  return (
    <>
      <h1>{guide.title}</h1>
      <p className="lead">
        {guide.criteria.length} critères, {guide.questionCount} questions ouvertes pour évaluer la maturité numérique
        responsable d'un fournisseur. Version {guide.version}
        {guide.current ? " (édition en vigueur pour les nouveaux questionnaires)" : " (édition antérieure, conservée pour les consultations qui l'utilisent)"}.
      </p>
      {guide.hasScope ? (
        <p>
          {guide.contractQuestionCount} questions portent sur les moyens affectés au marché (portée « marché ») ; les{" "}
          {guide.questionCount - guide.contractQuestionCount} autres portent sur la politique générale de l'entreprise (portée
          « organisation ») et, dans un marché public, ne sont posées que pour information.
        </p>
      ) : (
        <p className="small muted">Cette édition ne précise pas la portée des questions : elles sont lues comme portant sur l'organisation.</p>
      )}
      <GuideVersionPicker versions={versions} selected={guide.version} />
      <div className="actions no-print">
        <a className="button button--secondary" href={withVersion("/guide.csv")} download>
          Télécharger les questions (CSV)
        </a>
        <a className="button button--secondary" href={withVersion("/guide.json")}>
          Données (JSON)
        </a>
        <Link className="button button--secondary" to={`/guide/changements${guide.current ? "" : `?vers=${encodeURIComponent(guide.version)}`}`}>
          Ce qui a changé entre les éditions
        </Link>
      </div>

      <Form method="get" role="search" className="search" aria-label="Rechercher dans les questions">
        {guide.current ? null : <input type="hidden" name="version" value={guide.version} />}
        <label htmlFor="q" className="visually-hidden" style={{ position: "absolute", left: "-9999px" }}>
          Rechercher une question
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Rechercher : réemploi, PUE, formation…" />
        <button type="submit" className="button">
          Rechercher
        </button>
      </Form>

      {results ? (
        <section aria-live="polite" className="card">
          <h2>
            {results.length === 0
              ? `Aucune question ne contient « ${q} »`
              : `${results.length} question${results.length > 1 ? "s" : ""} pour « ${q} »`}
          </h2>
          {results.map((r) => (
            <article className="question" key={r.id}>
              <span className="qid">{r.id}</span> · <Link to={withVersion(`/guide/${r.criterion}`, `#${r.id}`)}>{r.criterionTitle}</Link>
              <p className="question__text">{r.text}</p>
            </article>
          ))}
          <p>
            <Link to={withVersion("/guide")}>Effacer la recherche</Link>
          </p>
        </section>
      ) : null}

      <h2>Les {guide.criteria.length} critères</h2>
      <p className="small muted">
        Intitulés et ordre des critères : <ProvenanceTag label={provenance.criterionTitle} /> · descriptions :{" "}
        <ProvenanceTag label={provenance.criterionDescription} />
      </p>
      <ol className="grid" style={{ listStyle: "none", padding: 0 }}>
        {guide.criteria.map((c) => (
          <li className="card" key={c.id}>
            <h3>
              <Link to={withVersion(`/guide/${c.id}`)}>
                {c.number}. {c.title}
              </Link>
            </h3>
            <p className="muted small">
              {c.questionCount} question{c.questionCount > 1 ? "s" : ""}
            </p>
            <p>{c.description}</p>
          </li>
        ))}
      </ol>

      <section className="card">
        <h2>Règles d'usage</h2>
        <p className="small muted">
          <ProvenanceTag label={provenance.respondentInstructions} /> (reformulées par NR Procure)
        </p>
        <ul>
          {guide.respondentInstructions.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {guide.editionInstructions.length ? (
          <>
            <h3>Précisions de cette édition</h3>
            <p className="small muted">
              <ProvenanceTag label={provenance.editionInstructions} />
            </p>
            <ul>
              {guide.editionInstructions.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card">
        <h2>Source, licence et provenance</h2>
        <p>{guide.source}</p>
        <p>{guide.licence}</p>
        <p className="muted">{guide.editionNote}</p>
        <h3>D'où vient chaque contenu</h3>
        <dl>
          {legend.map((l) => (
            <div key={l.id}>
              <dt>
                <ProvenanceTag label={l.label} />
              </dt>
              <dd>{l.description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
