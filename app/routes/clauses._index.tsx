import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ClauseCard } from "~/components/clauses/clause-card";
import { clausierOverview } from "~/lib/clauses.server";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Clausier numérique responsable — NR Procure" }];

const querySchema = z.object({ q: z.string().trim().max(200).optional().default("") });

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { q, ...clausierOverview(q) };
});

export default function ClausierIndex() {
  const { q, total, segments, kinds, results } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Clausier numérique responsable</h1>
      <p className="lead">
        {total} modèles de clauses rédigés par NR Procure, classés par segment d'achat et par type ({kinds.map((k) => k.label.toLowerCase()).join(", ")}).
        Inspirés du guide pratique pour des achats numériques responsables (DAE, INR, MTE, DINUM) et des textes cités ; voir aussi le{" "}
        <a href="https://institutnr.org/clausier-numerique-ecoresponsable">clausier de la FTCC et de l'INR</a>.
      </p>
      <Form method="get" role="search" className="search">
        <label htmlFor="q" style={{ position: "absolute", left: "-9999px" }}>
          Rechercher une clause
        </label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="Rechercher : reconditionné, PUE, pièces détachées…" />
        <button type="submit" className="button">
          Rechercher
        </button>
      </Form>
      {results ? (
        <section aria-live="polite">
          <h2>{results.length === 0 ? `Aucune clause ne contient « ${q} »` : `${results.length} clause${results.length > 1 ? "s" : ""} pour « ${q} »`}</h2>
          {results.map((c) => (
            <ClauseCard key={c.id} clause={c} />
          ))}
          <p>
            <Link to="/clauses">Effacer la recherche</Link>
          </p>
        </section>
      ) : null}
      <h2>Segments d'achat</h2>
      <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
        {segments.map((s) => (
          <li className="card" key={s.id}>
            <h3>
              <Link to={`/clauses/${s.id}`}>{s.label}</Link>
            </h3>
            <p className="small muted">{s.count} clauses</p>
            <p>{s.description}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
