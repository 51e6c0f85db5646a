import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { ExplanationTree } from "~/components/tenders/explanation-tree";
import { formatParis } from "~/lib/dates";
import { frEuros, frNum } from "~/lib/format";
import { getSupplierExplanation, shareDebrief } from "~/tenders/compare.server";
import { DEBRIEF_NEVER, debriefContents } from "~/tenders/labels";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Détail de la note — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const r = await getSupplierExplanation({ tenderId: idParam(params.id), supplierOrganisationId: idParam(params.supplierId), user });
  return {
    tender: { id: r.comparison.tender.id, title: r.comparison.tender.title },
    supplier: { organisationId: r.info.organisationId, name: r.info.name, price: r.info.price, submittedAt: r.info.submittedAt },
    explanation: r.explanation,
    criteria: r.comparison.criteria,
    topics: r.comparison.questionTopics,
    rankedCount: r.rankedCount,
    shared: r.shared,
    justifications: r.justifications,
    debriefContents: debriefContents(r.rankedCount),
    isBuyer: isBuyer(user),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const tenderId = idParam(params.id);
  const supplierOrganisationId = idParam(params.supplierId);
  if (formData.get("confirm") !== "yes") return data({ error: "Cochez la case pour confirmer le partage du bilan." }, { status: 400 });
  await shareDebrief({ tenderId, supplierOrganisationId, user });
  return redirect(`/acheteur/appels-d-offres/${tenderId}/fournisseurs/${supplierOrganisationId}`);
});

function DebriefContents({ items }: { items: string[] }) {
  return (
    <>
      <ul data-testid="debrief-contents">
        {items.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <p className="small">Et {DEBRIEF_NEVER}.</p>
    </>
  );
}

export default function SupplierExplanationPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/acheteur/appels-d-offres/${d.tender.id}`;
  return (
    <>
      <p className="no-print">
        <Link to={`${base}/comparaison`}>← Comparaison — {d.tender.title}</Link>
      </p>
      <h1>{d.supplier.name}</h1>
      <p className="muted">
        Réponse déposée le {formatParis(d.supplier.submittedAt, "numeric")} — prix {frEuros(d.supplier.price)} — rang {d.explanation.rank} sur {d.rankedCount}.
        Prix le plus bas : {frEuros(d.explanation.price.lowestPrice)}.
      </p>
      <section className="card">
        <h2>Détail de la note</h2>
        <ExplanationTree explanation={d.explanation} criteria={d.criteria} topics={d.topics} />
      </section>
      <section className="card">
        <h2>Justifications des évaluateurs</h2>
        {d.justifications.length === 0 ? (
          <p className="muted">Aucune : tous les niveaux retenus sont ceux de l'auto-évaluation.</p>
        ) : (
          <ul>
            {d.justifications.map((j) => (
              <li key={j.questionId}>
                <span className="qid">{j.questionId}</span> {j.topic} — niveau retenu {j.level} : {j.justification}
              </li>
            ))}
          </ul>
        )}
      </section>
      {d.isBuyer ? (
        <section className="card">
          <h2>Bilan pour le fournisseur</h2>
          {d.shared ? (
            <div className="alert alert--info">
              <p style={{ marginTop: 0 }}>Bilan partagé : {d.supplier.name} voit dans son espace</p>
              <DebriefContents items={d.debriefContents} />
            </div>
          ) : (
            <Form method="post" className="stack">
              <CsrfInput />
              <p style={{ marginBottom: 0 }}>Le bilan montre à {d.supplier.name} (note totale {frNum(d.explanation.total)}) :</p>
              <DebriefContents items={d.debriefContents} />
              {actionData?.error ? (
                <p className="field__error" role="alert">
                  {actionData.error}
                </p>
              ) : null}
              <label className="check">
                <input type="checkbox" name="confirm" value="yes" /> Je confirme le partage du bilan avec {d.supplier.name}
              </label>
              <div className="actions">
                <button type="submit" className="button">
                  Partager le bilan avec ce fournisseur
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
