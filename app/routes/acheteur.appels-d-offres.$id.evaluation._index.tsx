import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { formDataToObject, parseForm } from "~/lib/forms";
import { formatParis } from "~/lib/dates";
import { frEuros, frNum } from "~/lib/format";
import { evaluationOverview, offerScoreSchema, saveOfferScore } from "~/tenders/evaluation.server";
import { tenderLinks } from "~/components/tenders/links";
import { consultationBase } from "~/tenders/labels";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Évaluation des réponses — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const o = await evaluationOverview({ tenderId: idParam(params.id), user });
  return {
    tender: { id: o.tender.id, kind: o.tender.kind, title: o.tender.title, deadline: o.tender.deadline, allowEarlyEvaluation: o.tender.allowEarlyEvaluation, status: o.tender.status },
    open: o.open,
    questionCount: o.questionCount,
    hasBill: o.hasBill,
    submissions: o.submissions,
    isBuyer: isBuyer(user),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  const parsed = parseForm(offerScoreSchema, formData);
  if (!parsed.ok) return data({ supplier: String(formData.get("supplierOrganisationId") ?? ""), fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  const saved = await saveOfferScore({ tenderId: id, user, input: parsed.data });
  if (!saved.ok) return data({ supplier: String(parsed.data.supplierOrganisationId), fieldErrors: saved.fieldErrors, values: formDataToObject(formData) }, { status: 400 });
  return redirectWithFlash(`/acheteur/appels-d-offres/${id}/evaluation`, { message: parsed.data.price === null ? "Note technique enregistrée." : "Prix et note technique enregistrés." });
});

export default function EvaluationOverview() {
  const { tender, open, questionCount, submissions, isBuyer, hasBill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A maturity campaign is evaluated with the same pages (issue 14): no price, no technical score.
  const campaign = tender.kind === "campaign";
  const base = consultationBase(tender);
  const evalBase = `/acheteur/appels-d-offres/${tender.id}`;
  return (
    <>
      <p className="no-print">
        <Link to={base}>← {tender.title}</Link>
      </p>
      <h1>Évaluation des réponses</h1>
      {!open ? (
        <p className="alert alert--info">
          L'évaluation s'ouvre à la date limite ({formatParis(tender.deadline, "numeric", { withZone: true })})
          {tender.allowEarlyEvaluation ? " ou dès le dépôt d'une réponse" : ""}.
        </p>
      ) : submissions.length === 0 ? (
        <p className="muted">Aucune réponse déposée pour l'instant.</p>
      ) : (
        <>
          <FlashMessage />
          <table className="data">
            <caption className="muted" style={{ textAlign: "left" }}>
              {campaign
                ? `${questionCount} questions par réponse. Seules les réponses évaluées comptent dans le bilan du fournisseur.`
                : `${questionCount} questions RSE par réponse. Tant qu'une question n'est pas évaluée, la comparaison retient l'auto-évaluation du fournisseur.`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">Déposée le</th>
                <th scope="col">Questions évaluées</th>
                <th scope="col">Reste à évaluer</th>
                {campaign ? null : <th scope="col">Prix</th>}
                {campaign ? null : <th scope="col">Note technique /100</th>}
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`${evalBase}/evaluation/${s.id}`}>{s.supplierName}</Link>
                  </td>
                  <td>{formatParis(s.submittedAt, "numeric")}</td>
                  <td>
                    <progress max={questionCount} value={s.evaluated} aria-label={`${s.evaluated} sur ${questionCount}`} /> {s.evaluated} / {questionCount}
                  </td>
                  <td className="small">
                    {s.remaining.length === 0 ? "Terminé" : s.remaining.map((r) => `${r.title} (${r.count})`).join(", ")}
                  </td>
                  {campaign ? null : (
                    <td>
                      {s.price === null ? <span className="badge badge--warn">{hasBill ? "bordereau incomplet" : "à saisir"}</span> : frEuros(s.price)}
                      {hasBill ? <div className="small muted">calculé du bordereau</div> : null}
                    </td>
                  )}
                  {campaign ? null : <td>{s.technical === null ? <span className="badge badge--warn">à saisir</span> : frNum(s.technical)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {isBuyer && !campaign ? (
            <section className="card">
              <h2>{hasBill ? "Valeur technique" : "Prix et valeur technique"}</h2>
              <p className="field__hint">
                {hasBill ? (
                  <>
                    Le prix est calculé du bordereau de prix (Σ quantité × prix unitaire) : il ne se saisit pas. Voir{" "}
                    <Link to={`${base}/empreinte`}>prix et empreinte carbone par offre</Link>.{" "}
                  </>
                ) : (
                  "Saisis par l'acheteur à partir de l'analyse des offres. "
                )}
                Une note sur 20 est convertie sur 100 (× 5).
              </p>
              {submissions.map((s) => {
                const mine = actionData?.supplier === String(s.supplierOrganisationId) ? actionData : undefined;
                return (
                  <Form key={s.id} method="post" className="offer-form" aria-label={`Prix et note technique de ${s.supplierName}`}>
                    <CsrfInput />
                    <input type="hidden" name="supplierOrganisationId" value={s.supplierOrganisationId} />
                    <strong>{s.supplierName}</strong>
                    {hasBill ? null : (
                      <label>
                        Prix (€ HT)
                        <input name="price" inputMode="decimal" defaultValue={mine?.values.price ?? (s.price === null ? "" : String(s.price))} aria-invalid={Boolean(mine?.fieldErrors.price)} />
                      </label>
                    )}
                    <label>
                      Note technique
                      <input name="technical" inputMode="decimal" defaultValue={mine?.values.technical ?? (s.technical === null ? "" : String(s.technical))} aria-invalid={Boolean(mine?.fieldErrors.technical)} />
                    </label>
                    <label>
                      Barème
                      <select name="scale" defaultValue={mine?.values.scale ?? "100"}>
                        <option value="100">/100</option>
                        <option value="20">/20</option>
                      </select>
                    </label>
                    <button type="submit" className="button button--secondary">
                      Enregistrer
                    </button>
                    {mine
                      ? Object.values(mine.fieldErrors)
                          .flat()
                          .map((m) => (
                            <p key={m} className="field__error" role="alert">
                              {m}
                            </p>
                          ))
                      : null}
                  </Form>
                );
              })}
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
