import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { UNKNOWN_VERSION_MESSAGE, guideChangesFromUrl, guideVersionOptions } from "~/lib/guide.server";
import { notFound } from "~/lib/errors";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Ce qui a changé entre les éditions du guide — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const changes = guideChangesFromUrl(new URL(request.url));
  if (!changes) throw notFound(UNKNOWN_VERSION_MESSAGE);
  return { ...changes, versions: guideVersionOptions() };
});

const STATUS = {
  added: { label: "ajoutée", className: "badge" },
  removed: { label: "retirée", className: "badge badge--danger" },
  changed: { label: "modifiée", className: "badge badge--warn" },
  unchanged: { label: "inchangée", className: "badge" },
} as const;

function Pre({ text }: { text: string | null }) {
  if (text === null) return <span className="muted">(absent)</span>;
  return <span style={{ whiteSpace: "pre-line" }}>{text}</span>;
}

export default function GuideChanges() {
  const { from, to, comparison, criterionTitles, versions } = useLoaderData<typeof loader>();
  const byCriterion = new Map<string, NonNullable<typeof comparison>["questions"][number][]>();
  for (const q of comparison?.questions ?? []) byCriterion.set(q.criterion, [...(byCriterion.get(q.criterion) ?? []), q]);
  return (
    <>
      <p className="no-print">
        <Link to="/guide">← Le guide</Link>
      </p>
      <h1>Ce qui a changé entre les éditions du guide</h1>
      <Form method="get" className="search no-print" aria-label="Choisir les éditions à comparer">
        <label htmlFor="depuis">Depuis</label>{" "}
        <select id="depuis" name="depuis" defaultValue={from ?? ""}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>{" "}
        <label htmlFor="vers">vers</label>{" "}
        <select id="vers" name="vers" defaultValue={to}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
              {v.current ? " (en vigueur)" : ""}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button--secondary">
          Comparer
        </button>
      </Form>

      {!comparison ? (
        <p className="card">L'édition {to} est la première : il n'y a pas d'édition antérieure à comparer.</p>
      ) : (
        <>
          <p className="lead" data-testid="changes-summary">
            De {comparison.from} à {comparison.to} : {comparison.counts.changed} question{comparison.counts.changed > 1 ? "s" : ""} modifiée
            {comparison.counts.changed > 1 ? "s" : ""}, {comparison.counts.added} ajoutée{comparison.counts.added > 1 ? "s" : ""},{" "}
            {comparison.counts.removed} retirée{comparison.counts.removed > 1 ? "s" : ""}, {comparison.counts.unchanged} inchangée
            {comparison.counts.unchanged > 1 ? "s" : ""}.
          </p>
          {comparison.criteriaTitleChanges.length ? (
            <section className="card">
              <h2>Intitulés de critères modifiés</h2>
              <ul>
                {comparison.criteriaTitleChanges.map((c) => (
                  <li key={c.id}>
                    {c.before} → {c.after}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {comparison.notes.length ? (
            <section className="card">
              <h2>Pourquoi ces changements</h2>
              <ul>
                {comparison.notes.map((n) => (
                  <li key={n.summary}>
                    <strong>{n.questions.length > 12 ? `${n.questions.length} questions` : n.questions.join(", ")}</strong> — {n.summary}{" "}
                    <span className="small muted">Source : {n.source}</span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {[...byCriterion.entries()].map(([criterion, questions]) => (
            <section className="card" key={criterion} aria-labelledby={`crit-${criterion}`}>
              <h2 id={`crit-${criterion}`}>{criterionTitles[criterion] ?? criterion}</h2>
              {questions.map((q) => (
                <article className="question" key={q.id} id={q.id} data-status={q.status}>
                  <span className="qid">{q.id}</span> <span className={STATUS[q.status].className}>{STATUS[q.status].label}</span> · {q.topic}
                  {q.changes.length ? (
                    <details>
                      <summary>
                        {q.changes.length} élément{q.changes.length > 1 ? "s" : ""} modifié{q.changes.length > 1 ? "s" : ""} :{" "}
                        {q.changes.map((c) => c.label).join(", ")}
                      </summary>
                      <table className="data">
                        <thead>
                          <tr>
                            <th scope="col">Élément</th>
                            <th scope="col">{comparison.from}</th>
                            <th scope="col">{comparison.to}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {q.changes.map((c) => (
                            <tr key={c.field}>
                              <th scope="row">{c.label}</th>
                              <td>
                                <Pre text={c.before} />
                              </td>
                              <td>
                                <Pre text={c.after} />
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  ) : null}
                  {q.notes
                    .filter((n) => n.questions.length <= 12)
                    .map((n) => (
                      <p className="small" key={n.summary}>
                        {n.summary}
                      </p>
                    ))}
                </article>
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
