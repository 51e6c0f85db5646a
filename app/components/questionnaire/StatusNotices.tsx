import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf";
import { formatParis } from "~/lib/dates";

/** Why the answer is read-only (closed tender, submitted answer with its withdraw button) or was withdrawn. */
export function StatusNotices({
  tenderId,
  status,
  closedReason,
  latestSubmission,
  busy,
}: {
  tenderId: number;
  status: string;
  closedReason: string | null;
  latestSubmission: { submittedAt: string } | null;
  busy: boolean;
}) {
  return (
    <>
      {closedReason ? (
        <p className="alert alert--warn" role="status">
          {closedReason}
        </p>
      ) : null}
      {status === "submitted" && latestSubmission ? (
        <div className="alert alert--info" role="status">
          <p style={{ marginTop: 0 }}>
            Réponse déposée le {formatParis(latestSubmission.submittedAt, "full")} — elle est en lecture seule. <Link to={`/fournisseur/consultations/${tenderId}/recepisse`}>Voir le récépissé</Link>
          </p>
          {!closedReason ? (
            <Form method="post" className="actions" style={{ margin: 0 }}>
              <CsrfInput />
              <button type="submit" name="intent" value="withdraw" className="button button--secondary" disabled={busy}>
                Retirer le dépôt pour modifier la réponse
              </button>
              <span className="muted small">Vous pourrez la déposer de nouveau avant la date limite ; chaque version déposée est conservée.</span>
            </Form>
          ) : null}
        </div>
      ) : null}
      {status === "withdrawn" ? <p className="alert alert--warn">Votre dépôt a été retiré : la réponse n'est plus déposée. Déposez-la de nouveau avant la date limite.</p> : null}
    </>
  );
}
