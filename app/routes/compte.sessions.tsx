import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { listSessions, MAX_SESSIONS_PER_USER, requireUser, revokeOtherSessions, revokeSession } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { formatParis } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Mes sessions — NR Procure" }];

const PATH = "/compte/sessions";

const confirmField = z.literal("yes", { error: "Cochez la case pour confirmer." });
const revokeSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Session inconnue."), confirm: confirmField }),
  z.object({ intent: z.literal("revoke-others"), confirm: confirmField }),
]);

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireUser(request);
  return { sessions: await listSessions({ user, request }), max: MAX_SESSIONS_PER_USER };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireUser(request);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(revokeSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  if (parsed.data.intent === "revoke") {
    await revokeSession({ user, request, publicId: parsed.data.sessionId });
    return redirectWithFlash(PATH, { message: "Session fermée : cet appareil devra se reconnecter." });
  }
  const count = await revokeOtherSessions({ user, request });
  return redirectWithFlash(PATH, { message: count === 0 ? "Aucune autre session n'était ouverte." : `${count} autre${count > 1 ? "s" : ""} session${count > 1 ? "s" : ""} fermée${count > 1 ? "s" : ""}.` });
});

export default function Sessions() {
  const { sessions, max } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const asked = params.get("fermer");
  const toRevoke = sessions.find((s) => s.publicId === asked && !s.current);
  const others = sessions.filter((s) => !s.current).length;
  const confirmError = actionData?.fieldErrors.confirm?.[0];
  return (
    <>
      <h1>Mes sessions</h1>
      <p className="muted">
        Les appareils où votre compte est connecté ({max} au plus : une nouvelle connexion ferme la plus ancienne). Fermez une session
        que vous ne reconnaissez pas, puis <Link to="/compte/mot-de-passe">changez votre mot de passe</Link>.
      </p>
      <FlashMessage />
      {toRevoke ? (
        <Form method="post" className="card stack" aria-labelledby="revoke-title">
          <h2 id="revoke-title">Fermer la session « {toRevoke.device} » ?</h2>
          <CsrfInput />
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="sessionId" value={toRevoke.publicId} />
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" /> Je confirme : cet appareil sera déconnecté.
          </label>
          {confirmError ? <p className="field__error">{confirmError}</p> : null}
          <div className="actions">
            <button type="submit" className="button button--danger">
              Fermer la session
            </button>
            <Link to={PATH}>Annuler</Link>
          </div>
        </Form>
      ) : null}
      {asked === "autres" && others > 0 ? (
        <Form method="post" className="card stack" aria-labelledby="revoke-others-title">
          <h2 id="revoke-others-title">Fermer les {others} autres sessions ?</h2>
          <CsrfInput />
          <input type="hidden" name="intent" value="revoke-others" />
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" /> Je confirme : tous les autres appareils seront déconnectés ; celui-ci reste connecté.
          </label>
          {confirmError ? <p className="field__error">{confirmError}</p> : null}
          <div className="actions">
            <button type="submit" className="button button--danger">
              Fermer les autres sessions
            </button>
            <Link to={PATH}>Annuler</Link>
          </div>
        </Form>
      ) : null}
      <section className="card">
        <table className="data" aria-label="Sessions ouvertes sur votre compte">
          <thead>
            <tr>
              <th scope="col">Appareil</th>
              <th scope="col">Adresse IP à la connexion</th>
              <th scope="col">Connexion</th>
              <th scope="col">Dernière activité</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.publicId} data-testid="session-row">
                <td>
                  {s.device}
                  {s.current ? <strong> (cet appareil)</strong> : null}
                </td>
                <td>{s.clientAddress || "—"}</td>
                <td>{formatParis(s.createdAt, "numeric")}</td>
                <td>{formatParis(s.lastSeenAt, "numeric")}</td>
                <td>{s.current ? <span className="muted">session en cours</span> : <Link to={`${PATH}?fermer=${encodeURIComponent(s.publicId)}`}>Fermer…</Link>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {others > 0 ? (
          <p>
            <Link to={`${PATH}?fermer=autres`}>Fermer toutes les autres sessions…</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
