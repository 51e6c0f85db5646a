import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { StatusNotices } from "~/components/questionnaire/StatusNotices";
import questionnaireStyles from "~/components/questionnaire/questionnaire.css?url";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { percent } from "~/responses/progress";
import { handleQuestionnairePost } from "~/responses/questionnaire-action.server";
import type { QuestionnaireActionResult } from "~/responses/questionnaire-view";
import { getQuestionnaireReview } from "~/responses/questionnaire.server";

/**
 * Review before submission (issue 10 §5): what still blocks the submission, section by section,
 * each question linked back to its place on its section page, and the submit button. Submission
 * goes through this page; it stays all-or-nothing (`submitResponse` checks the same rules again).
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Vérification avant dépôt — ${data?.tender.title ?? "Questionnaire"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return await getQuestionnaireReview({ user, tenderId: idParam(params.tenderId) });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return handleQuestionnairePost({ request, user, tenderId: idParam(params.tenderId), page: { kind: "review" } });
});

const STATE_LABEL = { unanswered: "sans réponse", incomplete: "incomplète", reused: "reprise à confirmer" } as const;

export default function ReviewPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as QuestionnaireActionResult | undefined;
  const busy = useNavigation().state !== "idle";
  const base = `/fournisseur/consultations/${d.tender.id}`;
  const readOnly = d.status === "submitted" || Boolean(d.closedReason);
  const refused = actionData && actionData.intent === "submit" && "unanswered" in actionData ? actionData : null;
  const error = actionData && "error" in actionData && actionData.error ? actionData.error : null;
  const last = d.sections[d.sections.length - 1];
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to={base}>{d.tender.title}</Link> › Vérification
      </p>
      <h1>Vérification avant dépôt</h1>
      <p className="lead">
        {d.tender.title} · {d.tender.buyerName} · <span className="qid">{d.tender.reference}</span> · date limite : <strong>{d.tender.deadlineLabel}</strong> (heure de Paris){" "}
        {d.tender.countdown ? <span className="badge badge--warn">{d.tender.countdown}</span> : null}
      </p>
      <FlashMessage />
      <StatusNotices tenderId={d.tender.id} status={d.status} closedReason={d.closedReason} latestSubmission={d.latestSubmission} busy={busy} />
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      {refused ? (
        <p className="alert alert--error" role="alert">
          Le dépôt a été refusé : {refused.unanswered.length + refused.incomplete.length + refused.reused.length} réponse(s) à compléter ou à confirmer (liste ci-dessous).
        </p>
      ) : null}

      <section className="card" aria-labelledby="bilan-titre">
        <h2 id="bilan-titre" style={{ marginTop: 0 }}>
          {d.ready ? "Toutes les questions ont une réponse complète" : "Ce qui manque encore"}
        </h2>
        <p>
          {d.complete} réponses complètes sur {d.total} ({percent(d.complete, d.total)} %)
          {d.ready ? "." : ` : ${d.counts.unanswered} sans réponse, ${d.counts.incomplete} incomplète(s), ${d.counts.reused} reprise(s) de la bibliothèque à confirmer.`}
        </p>
        {d.problems.map((s) => (
          <div key={s.id} className="q-review__section">
            <h3>
              <Link to={`${base}/sections/${s.id}`}>
                {s.number}. {s.title}
              </Link>{" "}
              <span className="muted small">({s.items.length} à reprendre)</span>
            </h3>
            <ul className="q-review">
              {s.items.map((item) => (
                <li key={item.id}>
                  <Link to={`${base}/sections/${s.id}#q-${item.id}`}>
                    <span className="qid">{item.id}</span> {item.text}
                  </Link>
                  <br />
                  <span className={`badge${item.state === "unanswered" ? " badge--danger" : " badge--warn"}`}>{STATE_LABEL[item.state]}</span>{" "}
                  <span className="small">{item.message}</span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      {!readOnly ? (
        <section className="card" id="depot" aria-labelledby="depot-titre">
          <h2 id="depot-titre" style={{ marginTop: 0 }}>
            Dépôt
          </h2>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="version" value={d.version} />
            <div className="actions">
              <button type="submit" name="intent" value="submit" className="button" disabled={busy || !d.ready}>
                Déposer ma réponse
              </button>
              {last ? (
                <Link to={`${base}/sections/${last.id}`} className="button button--secondary">
                  ← Retour au questionnaire
                </Link>
              ) : null}
            </div>
            <p className="muted small">
              {d.ready
                ? "Après le dépôt, la réponse est en lecture seule ; vous pourrez la retirer et la redéposer jusqu'à la date limite."
                : "Le dépôt sera possible quand chaque question aura une réponse complète et confirmée."}
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}
