import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { EvaluationOpensChoice, PublishChecklist } from "~/components/tenders/publish-checklist";
import { loadTenderAsBuyer } from "~/tenders/access.server";
import { methodOf, priceMethodLabels } from "~/tenders/builder";
import { formatParis } from "~/lib/dates";
import { frNum } from "~/lib/format";
import { includedQuestions } from "~/tenders/method";
import { publishChecklist } from "~/tenders/publish-checklist.server";
import { publishIssues, publishTender, publishWarnings, regimeOfTender } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Publier l'appel d'offres — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const tender = await loadTenderAsBuyer({ id: idParam(params.id), user });
  const method = methodOf(tender);
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status, deadline: tender.deadline },
    shares: method.shares,
    priceMethod: priceMethodLabels[method.priceMethod].label,
    questionCount: includedQuestions(method).length,
    offerCriteria: method.offerCriteria.map((c) => ({ id: c.id, label: c.label, unit: c.unit, share: c.share })),
    regime: await regimeOfTender(tender),
    warnings: await publishWarnings(tender),
    issues: tender.status === "draft" ? await publishIssues(tender) : ["Cet appel d'offres est déjà publié."],
    checklist: await publishChecklist({ tender, user }),
  };
});

/**
 * The confirmation and the explicit choice of when evaluation opens (issue 10 §2). The page always
 * posts the choice (a required radio, the draft's setting checked); a post without it keeps the
 * draft's setting.
 */
const publishFormSchema = z.object({
  confirm: z.literal("yes", { error: "Confirmez la publication." }),
  evaluationOpens: z.enum(["deadline", "on-submission"], { error: "Choisissez quand l'évaluation s'ouvre." }).optional(),
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  const parsed = publishFormSchema.safeParse({ confirm: formData.get("confirm"), evaluationOpens: formData.get("evaluationOpens") ?? undefined });
  if (!parsed.success) return data({ issues: [...new Set(parsed.error.issues.map((i) => i.message))] }, { status: 400 });
  const opens = parsed.data.evaluationOpens;
  const result = await publishTender({ id, user, allowEarlyEvaluation: opens === undefined ? undefined : opens === "on-submission" });
  if (!result.ok) return data({ issues: result.issues }, { status: 400 });
  return redirectWithFlash(`/acheteur/appels-d-offres/${id}`, { message: "Appel d'offres publié : sa méthode de notation est désormais figée. Invitez les fournisseurs." });
});

export default function PublishTender() {
  const { tender, shares, priceMethod, questionCount, offerCriteria, regime, warnings, issues, checklist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // Blocking issues come from the loader (the draft cannot be published as it is: no form); the
  // action's issues (confirmation missing, or the draft changed meanwhile) are shown in the form.
  const blocking = issues;
  const formErrors = actionData?.issues ?? [];
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${tender.id}`}>← {tender.title}</Link>
      </p>
      <h1>Publier l'appel d'offres</h1>
      <section className="card">
        <h2>Ce qui sera publié et figé</h2>
        <ul>
          <li>
            Répartition : prix {frNum(shares.price)} %, valeur technique {frNum(shares.technical)} %, RSE {frNum(shares.rse)} %
          </li>
          <li>Régime d'achat : {regime.label}</li>
          <li>Notation du prix : {priceMethod}</li>
          {offerCriteria.map((c) => (
            <li key={c.id}>
              Critère d'offre : {c.label} ({c.unit}), {frNum(c.share)} % de la note
            </li>
          ))}
          <li>{questionCount} questions RSE, avec leurs poids et l'acceptation de « sans objet »</li>
          <li>Date limite de réponse : {formatParis(tender.deadline, "numeric", { withZone: true })}</li>
        </ul>
        <p className="alert alert--warn">
          Après publication, la méthode de notation (parts, poids, questions) ne peut plus être modifiée : les fournisseurs doivent connaître les
          règles avant de répondre (article R2152-11 du code de la commande publique).
        </p>
      </section>
      {warnings.map((w) => (
        <p key={w} className="alert alert--warn" role="status">
          {w}
        </p>
      ))}
      <PublishChecklist items={checklist.items} />
      {blocking.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>Publication impossible :</p>
          <ul>
            {blocking.map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
          <p>
            <Link to={`/acheteur/appels-d-offres/${tender.id}/modifier`}>Modifier le brouillon</Link>
          </p>
        </div>
      ) : (
        <Form method="post" className="stack">
          <CsrfInput />
          <h2>Publier</h2>
          {formErrors.length > 0 ? (
            <div className="alert alert--error" role="alert">
              <ul>
                {formErrors.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <EvaluationOpensChoice early={checklist.allowEarlyEvaluation} deadlineLabel={formatParis(tender.deadline, "numeric", { withZone: true })} />
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" required /> Je confirme la publication et le gel de la méthode de notation
          </label>
          <div className="actions">
            <button type="submit" className="button">
              Publier définitivement
            </button>
            <Link to={`/acheteur/appels-d-offres/${tender.id}`}>Revenir sans publier</Link>
          </div>
        </Form>
      )}
    </>
  );
}
