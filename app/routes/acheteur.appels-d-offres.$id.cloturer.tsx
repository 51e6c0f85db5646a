import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { redirectWithFlash } from "~/lib/flash.server";
import { frCount } from "~/lib/format";
import { publishedMethodOf } from "~/tenders/builder";
import { evaluableSubmissions } from "~/tenders/evaluation.server";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { loadTenderAsBuyer } from "~/tenders/access.server";
import { closeTender, reviewsMissing } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Clôturer l'appel d'offres — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const tender = await loadTenderAsBuyer({ id: idParam(params.id), user });
  const candidates = tender.status === "published" ? (await evaluableSubmissions(tender)).map((s) => ({ id: s.supplierOrganisationId, name: s.supplierName })) : [];
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status },
    missing: tender.status === "published" ? await reviewsMissing(tender) : [],
    candidates,
    hasBill: (publishedMethodOf(tender)?.bill ?? []).length > 0,
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  if (formData.get("confirm") !== "yes") return data({ error: "Cochez la case pour confirmer la clôture." }, { status: 400 });
  const winner = z.coerce.number().int().positive().safeParse(formData.get("winner"));
  // Reviews still missing (issue 11 §2) or an incomplete winner's bill: the refusal is shown next to the form.
  return refusalsAsData(
    async () => {
      const { carried } = await closeTender({ id, user, winnerOrganisationId: winner.success ? winner.data : null });
      return redirectWithFlash(`/acheteur/appels-d-offres/${id}`, {
        message: carried > 0 ? `Appel d'offres clôturé. ${frCount(carried, "ligne du bordereau retenu transmise", "lignes du bordereau retenu transmises")} au scope 3 de l'équipe RSE.` : "Appel d'offres clôturé.",
      });
    },
    (error) => ({ error }),
  );
});

export default function CloseTender() {
  const { tender, missing, candidates, hasBill } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${tender.id}`}>← {tender.title}</Link>
      </p>
      <h1>Clôturer l'appel d'offres</h1>
      {tender.status !== "published" ? (
        <p className="alert alert--warn">Seul un appel d'offres publié peut être clôturé.</p>
      ) : (
        <Form method="post" className="stack">
          <CsrfInput />
          <p>La clôture marque la fin de la consultation ; l'évaluation et la comparaison restent consultables. Elle est enregistrée au journal.</p>
          {missing.length > 0 ? (
            <div className="alert alert--warn" data-testid="reviews-missing">
              <p>Seuls les niveaux et valeurs relus comptent : la clôture sera refusée tant qu'il en reste à relire.</p>
              <ul>
                {missing.map((m) => (
                  <li key={m.name}>
                    {m.name} : {m.answers} réponse(s), {m.offerValues} valeur(s) d'offre à relire
                  </li>
                ))}
              </ul>
              <p>
                <Link to={`/acheteur/appels-d-offres/${tender.id}/evaluation`}>Évaluation</Link>
              </p>
            </div>
          ) : null}
          {actionData?.error ? (
            <p className="field__error" role="alert">
              {actionData.error}
            </p>
          ) : null}
          {candidates.length > 0 ? (
            <div className="field">
              <label htmlFor="winner">Titulaire retenu</label>
              <select id="winner" name="winner" defaultValue="">
                <option value="">— aucun (clôture sans attribution) —</option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
              {hasBill ? (
                <p className="field__hint">
                  Les lignes du bordereau de l'offre retenue (quantités × facteurs du fournisseur, avec leur provenance) deviennent des données d'activité du
                  scope 3 de votre équipe RSE pour l'année de clôture.
                </p>
              ) : null}
            </div>
          ) : null}
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" /> Je confirme la clôture de « {tender.title} »
          </label>
          <div className="actions">
            <button type="submit" className="button">
              Clôturer
            </button>
            <Link to={`/acheteur/appels-d-offres/${tender.id}`}>Revenir</Link>
          </div>
        </Form>
      )}
    </>
  );
}
