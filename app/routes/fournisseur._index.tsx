import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { MembersTable } from "~/components/members";
import { parseForm } from "~/lib/forms";
import { listOwnMembers } from "~/lib/organisations.server";
import { formatParis } from "~/lib/dates";
import { listSupplierTenders } from "~/responses/home.server";
import { responseStatusLabels } from "~/responses/labels";
import { decideRequest, listPendingRequests } from "~/responses/invitations.server";
import { percent } from "~/responses/progress";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Espace fournisseur — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return {
    organisationName: user.organisationName,
    members: await listOwnMembers({ user }),
    requests: await listPendingRequests({ user }),
    tenders: (await listSupplierTenders({ user })).map((t) => ({ ...t, deadlineLabel: formatParis(t.deadline, "full") })),
  };
});

const decisionSchema = z.object({
  requestId: z.coerce.number().int().positive(),
  decision: z.enum(["confirmed", "rejected"], { error: "Décision inconnue" }),
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return data({ message: "Demande invalide." }, { status: 400 });
  await decideRequest({ user, ...parsed.data });
  return { message: parsed.data.decision === "confirmed" ? "Adhésion confirmée." : "Demande refusée." };
});

export default function SupplierHome() {
  const { organisationName, members, requests, tenders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Espace fournisseur</h1>
      <p className="lead">{organisationName}</p>
      <FlashMessage />
      {actionData?.message ? (
        <p className="alert alert--info" role="status">
          {actionData.message}
        </p>
      ) : null}

      {requests.length > 0 ? (
        <section className="card">
          <h2>Demandes d'adhésion à confirmer</h2>
          <p className="muted">Ces personnes ont suivi une invitation adressée à votre organisation. Confirmez seulement celles que vous connaissez.</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">E-mail</th>
                <th scope="col">Consultation</th>
                <th scope="col">Décision</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.tenderTitle}</td>
                  <td>
                    <Form method="post" className="actions" style={{ margin: 0 }}>
                      <CsrfInput />
                      <input type="hidden" name="requestId" value={r.id} />
                      <button type="submit" name="decision" value="confirmed" className="button">
                        Confirmer
                      </button>
                      <button type="submit" name="decision" value="rejected" className="button button--secondary">
                        Refuser
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section className="card">
        <h2>Consultations</h2>
        {tenders.length === 0 ? (
          <p className="muted">Aucune consultation pour l'instant. Les invitations reçues par e-mail contiennent un lien qui les ajoute ici.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Consultation</th>
                <th scope="col">Acheteur</th>
                <th scope="col">Date limite (heure de Paris)</th>
                <th scope="col">Statut</th>
                <th scope="col" className="num">
                  Avancement
                </th>
              </tr>
            </thead>
            <tbody>
              {tenders.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/fournisseur/consultations/${t.id}`}>{t.title}</Link>
                    <br />
                    {t.kind === "campaign" ? <span className="badge">Campagne de maturité : sans prix ni classement</span> : <span className="qid">{t.reference}</span>}
                  </td>
                  <td>{t.buyerName}</td>
                  <td>
                    {t.deadlineLabel}
                    {t.countdown ? (
                      <>
                        <br />
                        <span className="badge badge--warn">{t.countdown}</span>
                      </>
                    ) : null}
                    {t.closed ? (
                      <>
                        <br />
                        <span className="badge badge--danger">Close</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {responseStatusLabels[t.status]}
                    {t.status === "submitted" ? (
                      <>
                        {" "}
                        · <Link to={`/fournisseur/consultations/${t.id}/recepisse`}>récépissé</Link>
                      </>
                    ) : null}
                    {t.debriefShared ? (
                      <>
                        <br />
                        {t.kind === "campaign" ? (
                          <Link to={`/fournisseur/campagnes/${t.id}`}>Voir le bilan et le plan de progrès</Link>
                        ) : (
                          <Link to={`/fournisseur/consultations/${t.id}/restitution`}>Voir la restitution</Link>
                        )}
                      </>
                    ) : null}
                  </td>
                  <td className="num">
                    {t.complete}/{t.total} ({percent(t.complete, t.total)} %)
                    {t.toCheck > 0 ? (
                      <>
                        <br />
                        <span className="badge badge--warn">{t.toCheck} reprise(s) à vérifier</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <Link to="/fournisseur/bibliotheque">Bibliothèque de réponses</Link> — vos réponses réutilisables, à exporter ou importer.
        </p>
        <p>
          <Link to="/fournisseur/facteurs">Facteurs d'émission</Link> — déposez vos facteurs d'émission propres (CSV ou PACT) pour le scope 3 de vos clients.
        </p>
        <p>
          <Link to="/fournisseur/emissions-allouees">Émissions allouées</Link> — déclarez à chaque client qui vous a invité la part de vos émissions qui lui revient.
        </p>
      </section>

      <section className="card">
        <h2>Équipe</h2>
        <MembersTable members={members} />
      </section>
    </>
  );
}
