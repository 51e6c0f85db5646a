import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { guideCriterion } from "~/lib/guide.server";
import { maturityScale } from "#questionnaires/maturity-scale";
import { notFound } from "~/lib/errors";
import { defineLoader } from "~/lib/route.server";

const paramsSchema = z.object({ criterion: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.criterion.title} — Guide de maturité — NR Procure` : "Critère introuvable — NR Procure" },
];

export const loader = defineLoader(async ({ params }: LoaderFunctionArgs) => {
  const parsed = paramsSchema.safeParse(params);
  const found = parsed.success ? guideCriterion(parsed.data.criterion) : null;
  if (!found) throw notFound("Ce critère n'existe pas dans le guide.");
  return { ...found, scale: maturityScale };
});

export default function GuideCriterion() {
  const { criterion, questions, version, scale } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/guide">← Tous les critères</Link>
      </p>
      <h1>
        {criterion.number}. {criterion.title}
      </h1>
      <p className="lead">{criterion.description}</p>
      <p className="muted small">
        {questions.length} question{questions.length > 1 ? "s" : ""} · guide version {version}
      </p>
      <section className="card">
        {questions.map((q) => (
          <article className="question" key={q.id} id={q.id} aria-labelledby={`${q.id}-text`}>
            <span className="qid">{q.id}</span>
            <h2 className="question__text" id={`${q.id}-text`} style={{ fontSize: "1.05rem" }}>
              {q.text}
            </h2>
            <h3>Ce qu'une réponse solide montre</h3>
            <p>{q.guidance}</p>
            {q.evidenceExamples.length ? (
              <>
                <h3>Exemples de preuves</h3>
                <ul>
                  {q.evidenceExamples.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {q.levels ? (
              <details>
                <summary>Niveaux de maturité pour cette question</summary>
                <dl className="levels">
                  {scale.map((s) => (
                    <div key={s.level} style={{ display: "contents" }}>
                      <dt>
                        {s.level} · {s.label}
                      </dt>
                      <dd>{q.levels?.[s.level as 1 | 2 | 3 | 4 | 5] ?? s.descriptor}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
          </article>
        ))}
      </section>
      <section className="card">
        <h2>Échelle de maturité</h2>
        <dl className="levels">
          {scale.map((s) => (
            <div key={s.level} style={{ display: "contents" }}>
              <dt>
                {s.level} · {s.label}
              </dt>
              <dd>{s.descriptor}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
