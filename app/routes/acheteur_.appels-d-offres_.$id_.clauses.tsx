import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { clausesFormSchema, tenderClausesView, updateTenderClauses } from "~/annex/tender-clauses.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { AppError } from "~/lib/errors";
import { formDataToNested } from "~/lib/forms";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Clauses — ${data.tender.title} — NR Procure` : "Clauses — NR Procure" }];

const querySchema = z.object({ q: z.string().trim().max(200).optional().default("") });

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { q } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { ...await tenderClausesView({ tenderId: idParam(params.id), user, query: q }), q };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const tenderId = idParam(params.id);
  const form = clausesFormSchema.safeParse(formDataToNested(formData, { arrays: false }));
  if (!form.success) throw new AppError("invalid", "Action inconnue.");
  const { intent, values, q } = form.data;
  const { message } = await updateTenderClauses({ tenderId, user, intent, values });
  const search = q ? `?${new URLSearchParams({ q }).toString()}` : "";
  // Post/redirect/get: a reload never re-posts, and the page works the same without JavaScript.
  return redirectWithFlash(`/acheteur/appels-d-offres/${tenderId}/clauses${search}#clauses`, { message });
});

const inputFor: Record<string, { type: string; inputMode?: "decimal" | "numeric" }> = {
  années: { type: "text", inputMode: "numeric" },
  mois: { type: "text", inputMode: "numeric" },
  pourcentage: { type: "text", inputMode: "decimal" },
  nombre: { type: "text", inputMode: "decimal" },
  date: { type: "date" },
  texte: { type: "text" },
};

export default function TenderClauses() {
  const { tender, editable, chosen, suggestions, results, q } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const addButton = (id: string, title: string) =>
    editable ? (
      <button type="submit" name="intent" value={`add:${id}`} className="button button--secondary" aria-label={`Ajouter la clause ${title}`} form="clauses-form">
        Ajouter
      </button>
    ) : null;

  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${tender.id}`}>← Retour à l'appel d'offres</Link>
      </p>
      <h1>Clauses de l'annexe numérique responsable</h1>
      <p className="lead">
        {tender.title} · {tender.reference}
      </p>
      <div className="actions">
        <Link className="button button--secondary" to={`/acheteur/appels-d-offres/${tender.id}/annexe`}>
          Aperçu de l'annexe
        </Link>
        <a className="button button--secondary" href={`/acheteur/appels-d-offres/${tender.id}/annexe.docx`} download>
          Télécharger l'annexe (Word)
        </a>
      </div>
      <FlashMessage />
      {!editable ? (
        <p className="alert alert--warn">
          {tender.status === "draft" ? "Seul l'acheteur peut modifier les clauses." : "Appel d'offres publié : les clauses sont figées avec la méthode."}
        </p>
      ) : null}

      <Form method="post" id="clauses-form" aria-labelledby="clauses">
        <CsrfInput />
        <input type="hidden" name="q" value={params.get("q") ?? ""} />
        <h2 id="clauses">
          Clauses retenues ({chosen.length})
        </h2>
        {chosen.length === 0 ? <p className="muted">Aucune clause pour l'instant : ajoutez-en parmi les suggestions ci-dessous.</p> : null}
        {chosen.map((c, i) => (
          <section key={`${c.clauseId}-${i}`} className="card clause" aria-label={c.clause?.title ?? c.clauseId}>
            {c.clause ? (
              <>
                <p className="small muted">
                  {i + 1}. <span className="qid">{c.clause.id}</span> · {c.clause.segmentLabel} · <span className="badge">{c.clause.kindLabel}</span>
                </p>
                <h3>{c.clause.title}</h3>
                <p className="clause__text">
                  {c.clause.parts.map((part, k) =>
                    part.kind === "text" ? (
                      <span key={k}>{part.text}</span>
                    ) : (
                      <mark key={k} className="placeholder" title={part.label}>
                        {part.missing ? `[${part.label}]` : part.text}
                      </mark>
                    ),
                  )}
                </p>
                {c.clause.placeholders.length > 0 ? (
                  <fieldset disabled={!editable}>
                    <legend>Valeurs à compléter</legend>
                    <div className="grid">
                      {c.clause.placeholders.map((p) => {
                        const id = `v-${i}-${p.name}`;
                        const error = c.errors[p.name];
                        return (
                          <div key={p.name} className={`field${error ? " field--error" : ""}`}>
                            <label htmlFor={id}>{p.label}</label>
                            {p.type === "liste" && p.values ? (
                              <select id={id} name={`values.${i}.${p.name}`} defaultValue={c.values[p.name] ?? p.default ?? ""}>
                                {p.values.map((v) => (
                                  <option key={v}>{v}</option>
                                ))}
                              </select>
                            ) : (
                              <input
                                id={id}
                                name={`values.${i}.${p.name}`}
                                type={inputFor[p.type]?.type ?? "text"}
                                inputMode={inputFor[p.type]?.inputMode}
                                defaultValue={c.values[p.name] ?? ""}
                                placeholder={p.default ?? ""}
                                aria-invalid={Boolean(error)}
                                aria-describedby={error ? `${id}-error` : undefined}
                              />
                            )}
                            {error ? (
                              <p className="field__error" id={`${id}-error`}>
                                {error}
                              </p>
                            ) : null}
                          </div>
                        );
                      })}
                    </div>
                  </fieldset>
                ) : null}
              </>
            ) : (
              <p className="field__error">Clause inconnue : {c.clauseId}</p>
            )}
            {editable ? (
              <div className="actions">
                <button type="submit" name="intent" value={`up:${i}`} className="button button--secondary" disabled={i === 0 || busy} aria-label={`Monter la clause « ${c.clause?.title ?? c.clauseId} »`}>
                  ↑ Monter
                </button>
                <button type="submit" name="intent" value={`down:${i}`} className="button button--secondary" disabled={i === chosen.length - 1 || busy} aria-label={`Descendre la clause « ${c.clause?.title ?? c.clauseId} »`}>
                  ↓ Descendre
                </button>
                <button
                  type="submit"
                  name="intent"
                  value={`remove:${i}`}
                  className="button button--danger"
                  aria-label={`Retirer la clause « ${c.clause?.title ?? c.clauseId} »`}
                  onClick={(e) => {
                    if (!window.confirm(`Retirer la clause « ${c.clause?.title ?? c.clauseId} » de l'annexe ? Les valeurs saisies pour elle seront perdues.`)) e.preventDefault();
                  }}
                >
                  Retirer
                </button>
              </div>
            ) : null}
          </section>
        ))}
        {editable && chosen.length > 0 ? (
          <div className="actions">
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              Enregistrer les valeurs
            </button>
          </div>
        ) : null}
      </Form>

      {editable ? (
        <>
          <h2>Suggestions pour ce segment</h2>
          {suggestions.length === 0 ? <p className="muted">Toutes les clauses du segment sont retenues.</p> : null}
          <ul className="clause-list">
            {suggestions.map((s) => (
              <li key={s.id} className="card">
                <p className="small muted">
                  <span className="qid">{s.id}</span> · <span className="badge">{s.kindLabel}</span>
                </p>
                <h3>{s.title}</h3>
                <p className="small">{s.plainText}</p>
                {addButton(s.id, s.title)}
              </li>
            ))}
          </ul>
          <h2>Chercher dans tout le clausier</h2>
          <Form method="get" role="search" className="search">
            <label htmlFor="q" style={{ position: "absolute", left: "-9999px" }}>
              Chercher une clause
            </label>
            <input id="q" name="q" type="search" defaultValue={q} placeholder="réversibilité, PUE, reconditionné…" />
            <button type="submit" className="button">
              Chercher
            </button>
          </Form>
          {results ? (
            <ul className="clause-list" aria-live="polite">
              {results.length === 0 ? <li className="muted">Aucune clause trouvée.</li> : null}
              {results.map((s) => (
                <li key={s.id} className="card">
                  <p className="small muted">
                    <span className="qid">{s.id}</span> · {s.segmentLabel} · <span className="badge">{s.kindLabel}</span>
                  </p>
                  <h3>{s.title}</h3>
                  {addButton(s.id, s.title)}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </>
  );
}
