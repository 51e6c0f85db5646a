import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { currentGuide, getCriterion, getGuide } from "#questionnaires/guide";
import { requireCsrf } from "~/auth/csrf.server";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { loadTender } from "~/tenders/access.server";
import { methodOf, priceMethodLabels } from "~/tenders/builder";
import { formatParis } from "~/lib/dates";
import { frNum } from "~/lib/format";
import { tenderStatusBadge, tenderStatusLabels } from "~/tenders/labels";
import { includedQuestions } from "~/tenders/method";
import { listEvaluators, publishIssues, publishWarnings, setEvaluators, tenderView } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { AppError } from "~/lib/errors";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";
import { RULES_PAGE } from "~/lib/regime";

export const links = tenderLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tender.title ?? "Appel d'offres"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const tender = await loadTender({ id: idParam(params.id), user });
  const method = methodOf(tender);
  const guide = getGuide(method.guideVersion) ?? currentGuide;
  const questions = includedQuestions(method);
  return {
    tender: await tenderView(tender),
    isBuyer: isBuyer(user),
    method: {
      shares: method.shares,
      priceMethod: priceMethodLabels[method.priceMethod].label,
      guideVersion: method.guideVersion,
      questionCount: questions.length,
      informationOnly: questions.filter((q) => q.weight === 0).length,
      offerCriteria: method.offerCriteria.map((c) => ({ id: c.id, label: c.label, unit: c.unit, share: c.share, environmental: c.environmental })),
      criteria: method.criteria
        .filter((c) => c.included && questions.some((q) => q.criterion === c.id))
        .map((c) => ({ id: c.id, title: getCriterion(guide, c.id)?.title ?? c.id, weight: c.weight, questions: questions.filter((q) => q.criterion === c.id).length })),
    },
    publishIssues: tender.status === "draft" ? await publishIssues(tender) : [],
    publishWarnings: await publishWarnings(tender),
    evaluators: isBuyer(user) ? await listEvaluators({ tender, user }) : [],
  };
});

const evaluatorsSchema = z.object({
  intent: z.literal("evaluators"),
  evaluators: z.array(z.coerce.number().int().positive()).default([]),
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  const parsed = evaluatorsSchema.safeParse({ intent: formData.get("intent"), evaluators: formData.getAll("evaluators") });
  if (!parsed.success) throw new AppError("invalid", "Requête invalide");
  const assigned = await setEvaluators({ id, user, userIds: parsed.data.evaluators });
  return redirectWithFlash(`/acheteur/appels-d-offres/${id}`, {
    message: assigned.length > 0 ? `Évaluateurs enregistrés : ${assigned.join(", ")}.` : "Évaluateurs enregistrés : aucun évaluateur affecté.",
  });
});

export default function TenderOverview() {
  const { tender, isBuyer, method, publishIssues, publishWarnings, evaluators } = useLoaderData<typeof loader>();
  const base = `/acheteur/appels-d-offres/${tender.id}`;
  const published = tender.status === "published" || tender.status === "closed";
  const assignedNames = evaluators.filter((e) => e.assigned).map((e) => e.name);
  const assignedKey = evaluators
    .filter((e) => e.assigned)
    .map((e) => e.id)
    .join(",");
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur">← Espace acheteur</Link>
      </p>
      <h1>{tender.title}</h1>
      <p>
        <span className={tenderStatusBadge[tender.status]}>{tenderStatusLabels[tender.status]}</span>{" "}
        {tender.reference ? <span className="muted">Réf. {tender.reference}</span> : null}
      </p>
      <FlashMessage />
      {tender.status === "cancelled" ? (
        <p className="alert alert--warn">
          Annulé le {formatParis(tender.cancelledAt, "numeric")} — motif : {tender.cancelReason}
        </p>
      ) : null}
      <nav className="actions no-print" aria-label="Actions sur l'appel d'offres">
        {isBuyer && tender.status === "draft" ? (
          <>
            <Link className="button" to={`${base}/modifier`}>
              Modifier le brouillon
            </Link>
            <Link className="button button--secondary" to={`${base}/publier`}>
              Publier…
            </Link>
          </>
        ) : null}
        {published ? (
          <>
            <Link className="button" to={`${base}/invitations`}>
              Fournisseurs invités
            </Link>
            <Link className="button button--secondary" to={`${base}/evaluation`}>
              Évaluation
            </Link>
            <Link className="button button--secondary" to={`${base}/comparaison`}>
              Comparaison des offres
            </Link>
          </>
        ) : null}
        <Link to={`${base}/bordereau`}>Bordereau de prix</Link>
        {published ? <Link to={`${base}/empreinte`}>Prix et empreinte carbone des offres</Link> : null}
        <Link to={`${base}/clauses`}>Clauses de l'annexe NR</Link>
        <Link to={`${base}/annexe`}>Annexe numérique responsable</Link>
        {isBuyer && tender.status === "published" ? <Link to={`${base}/cloturer`}>Clôturer…</Link> : null}
        {isBuyer && (tender.status === "draft" || tender.status === "published") ? (
          <Link to={`${base}/annuler`} className="danger-link">
            Annuler l'appel d'offres…
          </Link>
        ) : null}
      </nav>

      <section className="card">
        <h2>Informations</h2>
        <dl className="facts">
          <dt>Régime d'achat</dt>
          <dd data-testid="tender-regime">
            {tender.regime.label}
            {tender.regime.frozen ? " (figé à la publication)" : ""} — <a href={RULES_PAGE}>règles des critères d'attribution</a>
          </dd>
          <dt>Segment d'achat</dt>
          <dd>{tender.segmentLabel}</dd>
          <dt>Date limite de réponse</dt>
          <dd>
            {formatParis(tender.deadline, "numeric", { withZone: true })} {tender.deadlinePassed ? <span className="badge badge--warn">dépassée</span> : null}
          </dd>
          <dt>Contact</dt>
          <dd>
            {tender.contactName} {tender.contactEmail ? `<${tender.contactEmail}>` : ""}
          </dd>
          <dt>Évaluation anticipée</dt>
          <dd>{tender.allowEarlyEvaluation ? "Oui, dès le dépôt d'une réponse" : "Non, à partir de la date limite"}</dd>
          {tender.publishedAt ? (
            <>
              <dt>Publié le</dt>
              <dd>{formatParis(tender.publishedAt, "numeric", { withZone: true })}</dd>
              <dt>Empreinte de la méthode publiée (SHA-256)</dt>
              <dd>
                <code className="hash">{tender.publishedMethodSha256}</code>
              </dd>
            </>
          ) : null}
          {tender.closedAt ? (
            <>
              <dt>Clôturé le</dt>
              <dd>{formatParis(tender.closedAt, "numeric", { withZone: true })}</dd>
            </>
          ) : null}
        </dl>
        {tender.description ? <p className="prewrap">{tender.description}</p> : null}
      </section>

      <section className="card">
        <h2>Méthode de notation {published ? "(publiée, figée)" : "(brouillon)"}</h2>
        <p>
          Prix {frNum(method.shares.price)} % · Valeur technique {frNum(method.shares.technical)} % · RSE {frNum(method.shares.rse)} % —{" "}
          {method.priceMethod}
        </p>
        {method.offerCriteria.length > 0 ? (
          <ul data-testid="offer-criteria">
            {method.offerCriteria.map((c) => (
              <li key={c.id}>
                Critère d'offre : {c.label} ({c.unit}) — {frNum(c.share)} % de la note{c.environmental ? ", environnemental" : ""}
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          {method.questionCount} questions du guide {method.guideVersion}, réparties sur {method.criteria.length} critères
          {method.informationOnly > 0 ? `, dont ${method.informationOnly} posées pour information (poids 0)` : ""}.
        </p>
        {publishWarnings.map((w) => (
          <p key={w} className="alert alert--warn" role="status">
            {w}
          </p>
        ))}
        {tender.status === "draft" && publishIssues.length > 0 ? (
          <div className="alert alert--warn">
            <p>À corriger avant publication :</p>
            <ul>
              {publishIssues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {isBuyer ? (
        <section className="card" id="evaluateurs" aria-labelledby="evaluateurs-titre">
          <h2 id="evaluateurs-titre">Évaluateurs</h2>
          {evaluators.length === 0 ? (
            <p className="muted">Aucun évaluateur dans votre organisation.</p>
          ) : (
            <>
              <p data-testid="assigned-evaluators">
                {assignedNames.length > 0
                  ? `Affectés à cet appel d'offres : ${assignedNames.join(", ")}. Eux seuls, parmi les évaluateurs, le voient et peuvent évaluer.`
                  : "Aucun évaluateur n'est affecté à cet appel d'offres : les évaluateurs de votre organisation ne le voient pas."}
              </p>
              {/* Keyed by the saved assignment, and without form restoration, so that a checkbox always shows what is saved. */}
              <Form method="post" key={assignedKey} autoComplete="off">
                <CsrfInput />
                <input type="hidden" name="intent" value="evaluators" />
                <fieldset>
                  <legend>Cochez les évaluateurs à affecter, puis enregistrez</legend>
                  {evaluators.map((e) => (
                    <label key={e.id} className="check">
                      <input type="checkbox" name="evaluators" value={e.id} defaultChecked={e.assigned} autoComplete="off" /> {e.name} ({e.email}){" "}
                      <span className={e.assigned ? "badge" : "badge badge--warn"}>{e.assigned ? "affecté" : "non affecté"}</span>
                    </label>
                  ))}
                </fieldset>
                <div className="actions">
                  <button type="submit" className="button button--secondary">
                    Enregistrer les évaluateurs
                  </button>
                </div>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
