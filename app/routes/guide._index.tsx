import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { guideOverview, guideSearch } from "~/lib/guide.server";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Guide de maturité numérique responsable des fournisseurs — NR Procure" }];

const querySchema = z.object({ q: z.string().trim().max(200).optional().default("") });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { guide: guideOverview(), q, results: q ? guideSearch(q) : null };
});

export default function GuideIndex() {
  const { guide, q, results } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{guide.title}</h1>
      <p className="lead">
        {guide.criteria.length} critères, {guide.questionCount} questions ouvertes pour évaluer la maturité numérique
        responsable d'un fournisseur. Version {guide.version}.
      </p>
      <div className="actions no-print">
        <a className="button button--secondary" href="/guide.csv" download>
          Télécharger les questions (CSV)
        </a>
        <a className="button button--secondary" href="/guide.json">
          Données (JSON)
        </a>
      </div>

      <Form method="get" role="search" className="search" aria-label="Rechercher dans les questions">
        <label htmlFor="q" className="visually-hidden" style={{ position: "absolute", left: "-9999px" }}>
          Rechercher une question
        </label>
        <input id="q" name="q" type="search" defaultValue={params.get("q") ?? ""} placeholder="Rechercher : réemploi, PUE, formation…" />
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
              <span className="qid">{r.id}</span> · <Link to={`/guide/${r.criterion}#${r.id}`}>{r.criterionTitle}</Link>
              <p className="question__text">{r.text}</p>
            </article>
          ))}
          <p>
            <Link to="/guide">Effacer la recherche</Link>
          </p>
        </section>
      ) : null}

      <h2>Les {guide.criteria.length} critères</h2>
      <ol className="grid" style={{ listStyle: "none", padding: 0 }}>
        {guide.criteria.map((c) => (
          <li className="card" key={c.id}>
            <h3>
              <Link to={`/guide/${c.id}`}>
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
        <h2>Source et licence</h2>
        <p>{guide.source}</p>
        <p>{guide.licence}</p>
        {guide.editionNote ? <p className="muted">{guide.editionNote}</p> : null}
      </section>
    </>
  );
}
