import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { config } from "~/config.server";
import { CopyLink } from "~/components/copy-link";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { loadTender } from "~/tenders/access.server";
import { formatParis } from "~/lib/dates";
import { createInvitation, listInvitations, revokeInvitation } from "~/tenders/invitations.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Fournisseurs invités — NR Procure" }];

export const inviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string().trim().toLowerCase().email("Adresse e-mail invalide").max(200),
  supplierName: z.string().trim().min(2, "Indiquez le nom de l'organisation du fournisseur").max(200),
});
const revokeSchema = z.object({
  intent: z.literal("revoke"),
  invitationId: z.coerce.number().int().positive(),
  confirm: z.literal("yes", { error: "Confirmez la révocation." }),
});

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const tender = await loadTender({ id: idParam(params.id), user });
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status, deadline: tender.deadline, deadlinePassed: Date.parse(tender.deadline) <= Date.now() },
    isBuyer: isBuyer(user),
    invitations: await listInvitations({ tenderId: tender.id, user }),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  if (formData.get("intent") === "revoke") {
    const parsed = parseForm(revokeSchema, formData);
    if (!parsed.ok) return data({ kind: "revoke" as const, fieldErrors: parsed.fieldErrors, values: parsed.values, link: null }, { status: 400 });
    await revokeInvitation({ tenderId: id, invitationId: parsed.data.invitationId, user });
    return redirectWithFlash(`/acheteur/appels-d-offres/${id}/invitations`, { message: "Invitation révoquée : le lien ne fonctionne plus." });
  }
  const parsed = parseForm(inviteSchema, formData);
  if (!parsed.ok) return data({ kind: "invite" as const, fieldErrors: parsed.fieldErrors, values: parsed.values, link: null }, { status: 400 });
  const origin = new URL(request.url).origin;
  const result = await createInvitation({ tenderId: id, user, email: parsed.data.email, supplierName: parsed.data.supplierName, origin });
  if (!result.ok) return data({ kind: "invite" as const, fieldErrors: result.fieldErrors, values: { email: parsed.data.email, supplierName: parsed.data.supplierName } as Record<string, string>, link: null }, { status: 400 });
  // The link is shown once, in this response only.
  return data({
    kind: "invite" as const,
    fieldErrors: {} as Record<string, string[]>,
    values: {} as Record<string, string>,
    link: { url: result.link, email: parsed.data.email, supplierName: parsed.data.supplierName, emailed: Boolean(config().smtpUrl) },
  });
});

export default function Invitations() {
  const { tender, isBuyer, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const confirmId = Number(params.get("revoquer"));
  const toRevoke = invitations.find((i) => i.id === confirmId && !i.revoked);
  const base = `/acheteur/appels-d-offres/${tender.id}`;
  const canInvite = isBuyer && tender.status === "published" && !tender.deadlinePassed;
  const invErr = actionData?.kind === "invite" ? actionData.fieldErrors : {};
  return (
    <>
      <p className="no-print">
        <Link to={base}>← {tender.title}</Link>
      </p>
      <h1>Fournisseurs invités</h1>
      <p className="muted">Date limite : {formatParis(tender.deadline, "numeric", { withZone: true })} — les invitations expirent à cette date.</p>
      <FlashMessage />
      {actionData?.link ? (
        <div className="alert alert--info" role="status" data-testid="invitation-link">
          <p>
            Invitation créée pour {actionData.link.supplierName} ({actionData.link.email}).{" "}
            {actionData.link.emailed
              ? "Elle part par e-mail ; vous pouvez aussi transmettre vous-même ce lien personnel."
              : "Copiez ce lien personnel et transmettez-le au fournisseur (aucun serveur de messagerie n'est configuré)."}{" "}
            <strong>Il ne sera plus affiché ici</strong> : il reste dans la <Link to="/acheteur/boite-d-envoi">boîte d'envoi</Link>.
          </p>
          <CopyLink url={actionData.link.url} label={`Lien d'invitation de ${actionData.link.supplierName}`} testId="invitation-url" />
        </div>
      ) : null}
      {toRevoke && isBuyer ? (
        <Form method="post" className="card stack" aria-labelledby="revoke-title">
          <h2 id="revoke-title">Révoquer l'invitation de {toRevoke.supplierName} ?</h2>
          <CsrfInput />
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="invitationId" value={toRevoke.id} />
          <label className="check">
            <input type="checkbox" name="confirm" value="yes" /> Je confirme : le lien envoyé à {toRevoke.email} ne fonctionnera plus.
          </label>
          {actionData?.kind === "revoke" && actionData.fieldErrors.confirm ? <p className="field__error">{actionData.fieldErrors.confirm[0]}</p> : null}
          <div className="actions">
            <button type="submit" className="button button--danger">
              Révoquer
            </button>
            <Link to={`${base}/invitations`}>Ne pas révoquer</Link>
          </div>
        </Form>
      ) : null}
      <section className="card">
        <h2>Suivi des réponses</h2>
        {invitations.length === 0 ? (
          <p className="muted">Aucun fournisseur invité pour l'instant.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">E-mail</th>
                <th scope="col">Invité le</th>
                <th scope="col">Statut</th>
                {isBuyer ? <th scope="col">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id} data-status={i.status.kind}>
                  <td>{i.supplierName}</td>
                  <td>{i.email}</td>
                  <td>{formatParis(i.createdAt, "numeric")}</td>
                  <td>{i.statusLabel}</td>
                  {isBuyer ? (
                    <td>
                      {!i.revoked && i.status.kind !== "submitted" ? (
                        <Link to={`${base}/invitations?revoquer=${i.id}`}>Révoquer…</Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canInvite ? (
        <section className="card">
          <h2>Inviter un fournisseur</h2>
          <Form method="post" className="stack" key={actionData?.link?.url ?? "form"}>
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <Field id="supplierName" label="Organisation du fournisseur" error={invErr.supplierName}>
              <input id="supplierName" name="supplierName" defaultValue={actionData?.values.supplierName ?? ""} />
            </Field>
            <Field id="email" label="Adresse e-mail du contact" error={invErr.email}>
              <input id="email" name="email" type="email" defaultValue={actionData?.values.email ?? ""} />
            </Field>
            <div className="actions">
              <button type="submit" className="button">
                Créer l'invitation
              </button>
            </div>
          </Form>
        </section>
      ) : tender.status !== "published" ? (
        <p className="muted">Les invitations sont possibles une fois l'appel d'offres publié.</p>
      ) : null}
    </>
  );
}
