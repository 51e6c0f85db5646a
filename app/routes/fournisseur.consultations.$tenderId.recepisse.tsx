import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { formatParis } from "~/lib/dates";
import { listOwnSubmissions } from "~/responses/submissions.server";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Récépissé de dépôt — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const tenderId = idParam(params.tenderId);
  const result = await listOwnSubmissions({ user, tenderId });
  return {
    organisationName: user.organisationName,
    tender: { ...result.tender, deadlineLabel: formatParis(result.tender.deadline, "full") },
    submissions: result.submissions.map((s) => ({
      ...s,
      submittedAtLabel: formatParis(s.submittedAt, "seconds"),
      withdrawnAtLabel: s.withdrawnAt ? formatParis(s.withdrawnAt, "seconds") : null,
    })),
  };
});

export default function Receipt() {
  const { tender, submissions, organisationName } = useLoaderData<typeof loader>();
  const current = submissions.find((s) => !s.withdrawnAt);
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to={`/fournisseur/consultations/${tender.id}`}>{tender.title}</Link> › Récépissé
      </p>
      <h1>Récépissé de dépôt</h1>
      {current ? (
        <section className="card" aria-labelledby="recu">
          <h2 id="recu" style={{ marginTop: 0 }}>
            Réponse déposée
          </h2>
          <dl className="levels">
            <dt>Consultation</dt>
            <dd>
              {tender.title} ({tender.reference}) — {tender.buyerName}
            </dd>
            <dt>Fournisseur</dt>
            <dd>{organisationName}</dd>
            <dt>Déposée le</dt>
            <dd data-testid="submitted-at">{current.submittedAtLabel} (heure de Paris)</dd>
            <dt>Par</dt>
            <dd>{current.submittedByName}</dd>
            <dt>Contenu</dt>
            <dd>
              {current.answerCount} réponses, {current.fileCount} pièce(s) jointe(s)
            </dd>
            <dt>Empreinte SHA-256</dt>
            <dd className="q-hash" data-testid="content-hash">
              {current.contentSha256}
            </dd>
          </dl>
          <p className="muted small">
            L'empreinte est calculée sur le contenu déposé (JSON canonique) : elle prouve que la réponse conservée est celle que vous avez déposée. L'acheteur a été
            notifié. Date limite : {tender.deadlineLabel}.
          </p>
          <p className="actions no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Imprimer
            </button>
          </p>
        </section>
      ) : (
        <p className="alert alert--warn">Aucun dépôt en cours pour cette consultation.</p>
      )}
      {submissions.length > 0 ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Historique des dépôts</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Déposée le</th>
                <th scope="col">Par</th>
                <th scope="col">Empreinte SHA-256</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <td>{s.submittedAtLabel}</td>
                  <td>{s.submittedByName}</td>
                  <td className="q-hash">{s.contentSha256}</td>
                  <td>{s.withdrawnAtLabel ? `Retirée le ${s.withdrawnAtLabel}` : "En vigueur"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
