import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { maturityScale } from "#questionnaires/maturity-scale";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { formatParis } from "~/lib/dates";
import {
  criterionEvaluationSchema,
  offerValueReviewSchema,
  saveCriterionEvaluation,
  saveOfferValueReview,
  submissionForEvaluation,
  type LevelValue,
} from "~/tenders/evaluation.server";
import { tenderLinks } from "~/components/tenders/links";
import { AppError } from "~/lib/errors";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Évaluer une réponse — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const result = await submissionForEvaluation({ tenderId: idParam(params.id), submissionId: idParam(params.submissionId), user });
  return {
    tender: { id: result.tender.id, kind: result.tender.kind, title: result.tender.title },
    submission: result.submission,
    criteria: result.criteria,
    offerCriteria: result.offerCriteria,
    scale: maturityScale.map((l) => ({ level: l.level, label: l.label })),
  };
});

/** The evaluation form names its fields `level[GOUV-01]` / `justification[GOUV-01]`. */
function criterionEvaluationFromForm(formData: FormData) {
  const levels: Record<string, string> = {};
  const justifications: Record<string, string> = {};
  const planned: string[] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const m = /^(level|justification|planned)\[([A-Z]{3,4}-\d{2})\]$/.exec(key);
    if (!m) continue;
    if (m[1] === "level") levels[m[2]!] = value;
    else if (m[1] === "planned") planned.push(m[2]!);
    else justifications[m[2]!] = value;
  }
  return criterionEvaluationSchema.safeParse({ criterion: formData.get("criterion"), levels, justifications, planned });
}

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const tenderId = idParam(params.id);
  const submissionId = idParam(params.submissionId);
  if (formData.get("intent") === "offer-value") {
    const offer = offerValueReviewSchema.safeParse({ criterionId: formData.get("criterionId"), value: formData.get("value") ?? "", justification: formData.get("justification") ?? "" });
    if (!offer.success) throw new AppError("invalid", "Formulaire d'évaluation invalide");
    const saved = await saveOfferValueReview({ tenderId, submissionId, user, input: offer.data });
    if (!saved.ok) {
      return data({ criterion: "", fieldErrors: saved.fieldErrors, levels: {} as Record<string, string>, justifications: {} as Record<string, string>, offer: offer.data }, { status: 400 });
    }
    return redirectWithFlash(`/acheteur/appels-d-offres/${tenderId}/evaluation/${submissionId}#offre-${offer.data.criterionId}`, {
      message: "Valeur de l'offre enregistrée.",
      for: `offre-${offer.data.criterionId}`,
    });
  }
  const parsed = criterionEvaluationFromForm(formData);
  if (!parsed.success) throw new AppError("invalid", "Formulaire d'évaluation invalide");
  const result = await saveCriterionEvaluation({ tenderId, submissionId, user, input: parsed.data });
  if (!result.ok) {
    return data({ criterion: parsed.data.criterion, fieldErrors: result.fieldErrors, levels: parsed.data.levels, justifications: parsed.data.justifications }, { status: 400 });
  }
  return redirectWithFlash(`/acheteur/appels-d-offres/${tenderId}/evaluation/${submissionId}#critere-${parsed.data.criterion}`, {
    message: "Évaluation du critère enregistrée.",
    for: `critere-${parsed.data.criterion}`,
  });
});

function levelLabel(value: LevelValue, scale: { level: number; label: string }[]) {
  if (value === "na") return "Sans objet";
  if (value === "") return "Sans réponse";
  const s = scale.find((l) => String(l.level) === value);
  return `${value} — ${s?.label ?? ""}`;
}

export default function EvaluateSubmission() {
  const { tender, submission, criteria, offerCriteria, scale } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/acheteur/appels-d-offres/${tender.id}`;
  return (
    <>
      <p className="no-print">
        {tender.kind === "campaign" ? (
          <>
            <Link to={`/acheteur/campagnes/${tender.id}`}>← Campagne</Link> ·{" "}
          </>
        ) : null}
        <Link to={`${base}/evaluation`}>← Évaluation — {tender.title}</Link>
      </p>
      <h1>Réponse de {submission.supplierName}</h1>
      <p className="muted">Déposée le {formatParis(submission.submittedAt, "numeric", { withZone: true })}.</p>
      <p className="field__hint">
        Le niveau évalué est pré-rempli avec l'auto-évaluation du fournisseur. Un niveau différent demande une courte justification : le
        fournisseur la lira dans son bilan. Enregistrez critère par critère.
      </p>
      {offerCriteria.length > 0 ? (
        <section className="card" aria-labelledby="offre-titre">
          <h2 id="offre-titre">Valeurs de l'offre</h2>
          <p className="field__hint">
            Confirmez la valeur donnée par le fournisseur au vu de ses justificatifs, ou corrigez-la en justifiant (le fournisseur lira la
            justification). Videz le champ pour retenir « non fournie » (0 point).
          </p>
          {offerCriteria.map((c) => {
            const offerPosted = actionData && "offer" in actionData && actionData.offer.criterionId === c.id ? actionData : null;
            const valueErr = offerPosted?.fieldErrors[`offer[${c.id}]`]?.[0];
            const justErr = offerPosted?.fieldErrors[`offerJustification[${c.id}]`]?.[0];
            return (
              <Form key={c.id} method="post" id={`offre-${c.id}`} className="question" aria-label={`Valeur de l'offre : ${c.label}`}>
                <CsrfInput />
                <input type="hidden" name="intent" value="offer-value" />
                <input type="hidden" name="criterionId" value={c.id} />
                <FlashMessage for={`offre-${c.id}`} />
                <p className="qid">
                  {c.label} ({c.unit}){" "}
                  {c.reviewed ? (
                    <span className="badge">relue{c.evaluatorName ? ` par ${c.evaluatorName}` : ""}</span>
                  ) : (
                    <span className="badge badge--warn">à relire</span>
                  )}
                </p>
                <dl className="facts">
                  <dt>Valeur du fournisseur</dt>
                  <dd>{c.submitted === null ? <span className="muted">non fournie</span> : `${String(c.submitted).replace(".", ",")} ${c.unit}`}</dd>
                  <dt>Justificatifs</dt>
                  <dd>
                    {c.files.length === 0 ? (
                      <span className="muted">aucun</span>
                    ) : (
                      <ul>
                        {c.files.map((f) => (
                          <li key={f.fileId}>
                            <a href={`/fichiers/${f.fileId}`}>{f.name}</a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </dl>
                <div className="inline-fields">
                  <div className={`field${valueErr ? " field--error" : ""}`}>
                    <label htmlFor={`offer-value-${c.id}`}>Valeur retenue ({c.unit})</label>
                    <input id={`offer-value-${c.id}`} name="value" inputMode="decimal" defaultValue={offerPosted?.offer.value ?? c.value} />
                    {valueErr ? <p className="field__error">{valueErr}</p> : null}
                  </div>
                  <div className={`field field--grow${justErr ? " field--error" : ""}`}>
                    <label htmlFor={`offer-justification-${c.id}`}>Justification (obligatoire si la valeur diffère de celle du fournisseur)</label>
                    <textarea id={`offer-justification-${c.id}`} name="justification" rows={2} defaultValue={offerPosted?.offer.justification ?? c.justification} />
                    {justErr ? (
                      <p className="field__error" role="alert">
                        {justErr}
                      </p>
                    ) : null}
                  </div>
                </div>
                <div className="actions">
                  <button type="submit" className="button">
                    Enregistrer la valeur « {c.label} »
                  </button>
                </div>
              </Form>
            );
          })}
        </section>
      ) : null}
      <nav aria-label="Critères" className="toc">
        {criteria.map((c) => {
          const done = c.questions.every((q) => q.evaluated);
          return (
            <a key={c.id} href={`#critere-${c.id}`}>
              {c.title} {done ? "✓" : `(${c.questions.filter((q) => !q.evaluated).length} à évaluer)`}
            </a>
          );
        })}
      </nav>
      {criteria.map((c) => {
        const errors = actionData?.criterion === c.id ? actionData.fieldErrors : {};
        return (
          <section key={c.id} id={`critere-${c.id}`} className="card">
            <h2>{c.title}</h2>
            <FlashMessage for={`critere-${c.id}`} />
            {Object.keys(errors).length > 0 ? (
              <p className="alert alert--error" role="alert">
                Rien n'a été enregistré pour ce critère : corrigez les questions signalées.
              </p>
            ) : null}
            <Form method="post" aria-label={`Évaluation du critère ${c.title}`}>
              <CsrfInput />
              <input type="hidden" name="criterion" value={c.id} />
              {c.questions.map((q) => {
                const levelErr = errors[`level[${q.id}]`]?.[0];
                const justErr = errors[`justification[${q.id}]`]?.[0];
                const value = actionData?.criterion === c.id ? (actionData.levels[q.id] ?? q.value) : q.value;
                const justification = actionData?.criterion === c.id ? (actionData.justifications[q.id] ?? q.justification) : q.justification;
                return (
                  <div key={q.id} className="question" data-question={q.id}>
                    <p className="qid">
                      {q.id} — {q.topic} {q.evaluated ? <span className="badge">évaluée{q.evaluatorName ? ` par ${q.evaluatorName}` : ""}</span> : <span className="badge badge--warn">à évaluer</span>}
                    </p>
                    <p className="question__text">{q.text}</p>
                    <details>
                      <summary>Indications d'évaluation</summary>
                      <p className="small">{q.guidance}</p>
                    </details>
                    <dl className="facts">
                      <dt>Auto-évaluation</dt>
                      <dd>
                        {levelLabel(q.self, scale)}
                        {q.self === "na" ? (
                          <span className="field__hint"> — pour refuser « sans objet », choisissez un niveau (ou « sans réponse ») et justifiez.</span>
                        ) : null}
                      </dd>
                      <dt>Réponse</dt>
                      <dd className="prewrap">{q.notApplicableReason ? `Sans objet : ${q.notApplicableReason}` : q.answerText || <span className="muted">(aucun texte)</span>}</dd>
                      <dt>Pièces jointes</dt>
                      <dd>
                        {q.files.length === 0 ? (
                          <span className="muted">aucune</span>
                        ) : (
                          <ul>
                            {q.files.map((f) => (
                              <li key={f.fileId}>
                                <a href={`/fichiers/${f.fileId}`}>{f.name}</a>
                              </li>
                            ))}
                          </ul>
                        )}
                      </dd>
                    </dl>
                    {q.pitfalls.length > 0 ? (
                      <ul className="pitfalls small" aria-label="Points de vigilance du guide">
                        {q.pitfalls.map((p) => (
                          <li key={p.id}>⚠ {p.message}</li>
                        ))}
                      </ul>
                    ) : null}
                    <label className="check small">
                      <input type="checkbox" name={`planned[${q.id}]`} defaultChecked={q.plannedNotInPlace} /> Prévu, pas en place (l'intention n'est pas
                      une pratique)
                    </label>
                    <div className="inline-fields">
                      <div className={`field${levelErr ? " field--error" : ""}`}>
                        <label htmlFor={`level-${q.id}`}>Niveau évalué</label>
                        <select id={`level-${q.id}`} name={`level[${q.id}]`} defaultValue={value}>
                          {scale.map((l) => (
                            <option key={l.level} value={String(l.level)}>
                              {l.level} — {l.label}
                            </option>
                          ))}
                          {q.allowNotApplicable ? <option value="na">Sans objet (accepté)</option> : null}
                          <option value="">Sans réponse (0 point)</option>
                        </select>
                        {levelErr ? <p className="field__error">{levelErr}</p> : null}
                      </div>
                      <div className={`field field--grow${justErr ? " field--error" : ""}`}>
                        <label htmlFor={`justification-${q.id}`}>Justification (obligatoire si le niveau diffère de l'auto-évaluation)</label>
                        <textarea id={`justification-${q.id}`} name={`justification[${q.id}]`} rows={2} defaultValue={justification} aria-invalid={Boolean(justErr)} />
                        {justErr ? (
                          <p className="field__error" role="alert">
                            {justErr}
                          </p>
                        ) : null}
                      </div>
                    </div>
                  </div>
                );
              })}
              <div className="actions">
                <button type="submit" className="button">
                  Enregistrer le critère « {c.title} »
                </button>
              </div>
            </Form>
          </section>
        );
      })}
    </>
  );
}
