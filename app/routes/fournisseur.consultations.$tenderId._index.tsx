import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FlashMessage } from "~/components/flash";
import { Instructions } from "~/components/questionnaire/Instructions";
import { OfferValuesSection } from "~/components/questionnaire/OfferValuesSection";
import { StatusNotices } from "~/components/questionnaire/StatusNotices";
import questionnaireStyles from "~/components/questionnaire/questionnaire.css?url";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { percent } from "~/responses/progress";
import { handleQuestionnairePost } from "~/responses/questionnaire-action.server";
import { getQuestionnaireOverview } from "~/responses/questionnaire.server";

/**
 * The questionnaire's overview (issue 10 §5): its sections with their progress, where to resume,
 * the instructions, the way to the review and submission. The questions themselves are on one page
 * per section (`sections.$criterionId`). Its action still takes every post of the questionnaire
 * (whole-questionnaire saves, files, submission, withdrawal), as the single page did.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tender.title ?? "Questionnaire"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return await getQuestionnaireOverview({ user, tenderId: idParam(params.tenderId) });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return handleQuestionnairePost({ request, user, tenderId: idParam(params.tenderId), page: { kind: "overview" } });
});

export default function QuestionnaireOverview() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const base = `/fournisseur/consultations/${d.tender.id}`;
  const readOnly = d.status === "submitted" || Boolean(d.closedReason);
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › Consultation
      </p>
      <h1>{d.tender.title}</h1>
      <p className="lead">
        {d.tender.buyerName} · <span className="qid">{d.tender.reference}</span> · date limite : <strong>{d.tender.deadlineLabel}</strong> (heure de Paris){" "}
        {d.tender.countdown ? <span className="badge badge--warn">{d.tender.countdown}</span> : null}
      </p>
      <FlashMessage />
      {d.tender.billLines > 0 ? (
        <p className="alert alert--info">
          Cette consultation comporte un bordereau de prix de {d.tender.billLines} ligne{d.tender.billLines > 1 ? "s" : ""} : prix unitaires et facteurs
          d'émission se remplissent sur la page <Link to={`/fournisseur/consultations/${d.tender.id}/bordereau`}>Bordereau de prix</Link>.
        </p>
      ) : null}
      <StatusNotices tenderId={d.tender.id} status={d.status} closedReason={d.closedReason} latestSubmission={d.latestSubmission} busy={busy} />

      <section className="card" aria-labelledby="sections-titre">
        <h2 id="sections-titre" style={{ marginTop: 0 }}>
          Questionnaire en {d.sections.length} sections
        </h2>
        <p>
          Avancement : <strong>{d.complete}</strong> réponses complètes sur {d.total} ({percent(d.complete, d.total)} %). Vos réponses sont enregistrées au fur et à mesure ;
          vous pouvez quitter et reprendre jusqu'à la date limite.
        </p>
        <div className="q-bar" aria-hidden="true">
          <span style={{ width: `${percent(d.complete, d.total)}%` }} />
        </div>
        <ol className="q-overview">
          {d.sections.map((s) => (
            <li key={s.id}>
              <Link to={`${base}/sections/${s.id}`}>
                {s.number}. {s.title}
              </Link>{" "}
              {s.complete === s.total ? (
                <span className="badge">complète</span>
              ) : (
                <span className="muted small">
                  {s.complete}/{s.total} réponses complètes
                </span>
              )}
            </li>
          ))}
        </ol>
        <div className="actions">
          {d.resumeAt ? (
            <Link to={`${base}/sections/${d.resumeAt.id}`} className="button">
              {readOnly
                ? "Consulter les réponses"
                : d.complete === d.total
                  ? "Revoir les réponses"
                  : d.resumeAt.started
                    ? `Reprendre : ${d.resumeAt.title}`
                    : "Commencer le questionnaire"}
            </Link>
          ) : null}
          <Link to={`${base}/verification`} className="button button--secondary">
            {readOnly ? "Vérification" : "Vérifier et déposer"}
          </Link>
        </div>
      </section>

      {/* The offer's measurable values (issue 11 §2) are not a criterion of the guide: they live here, next to the sections. */}
      <OfferValuesSection
        offerValues={d.offerValues}
        files={d.offerFiles}
        readOnly={readOnly}
        errors={actionData && "offerErrors" in actionData ? actionData.offerErrors : undefined}
        saved={actionData?.intent === "offer-values" && actionData.ok}
      />

      <Instructions instructions={d.instructions} limits={d.limits} usedBytes={d.usedBytes} />
    </>
  );
}
