import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm } from "~/lib/forms";
import { loadTenderAsBuyer } from "~/tenders/access.server";
import { cancelTender } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Annuler l'appel d'offres — NR Procure" }];

const cancelSchema = z.object({
  reason: z.string().trim().min(10, "Indiquez le motif de l'annulation (10 caractères au moins) : il est conservé au journal.").max(2000),
  confirm: z.literal("yes", { error: "Cochez la case pour confirmer l'annulation." }),
});

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const tender = await loadTenderAsBuyer({ id: idParam(params.id), user });
  return { tender: { id: tender.id, title: tender.title, status: tender.status } };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  await loadTenderAsBuyer({ id, user });
  const parsed = parseForm(cancelSchema, formData);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  await cancelTender({ id, user, reason: parsed.data.reason });
  return redirect(`/acheteur/appels-d-offres/${id}`);
});

export default function CancelTender() {
  const { tender } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const can = tender.status === "draft" || tender.status === "published";
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${tender.id}`}>← {tender.title}</Link>
      </p>
      <h1>Annuler l'appel d'offres</h1>
      {!can ? (
        <p className="alert alert--warn">Cet appel d'offres est déjà annulé ou clôturé.</p>
      ) : (
        <Form method="post" className="stack">
          <CsrfInput />
          <p className="alert alert--warn">
            L'annulation est définitive : les invitations ne permettront plus de répondre. L'annulation, son motif, son auteur et sa date sont
            enregistrés au journal.
          </p>
          <Field id="reason" label="Motif de l'annulation" error={actionData?.fieldErrors.reason}>
            <textarea id="reason" name="reason" defaultValue={actionData?.values.reason ?? ""} required />
          </Field>
          <Field id="confirm" label="Confirmation" error={actionData?.fieldErrors.confirm}>
            <label className="check">
              <input id="confirm" type="checkbox" name="confirm" value="yes" /> Je confirme l'annulation de « {tender.title} »
            </label>
          </Field>
          <div className="actions">
            <button type="submit" className="button button--danger">
              Annuler définitivement l'appel d'offres
            </button>
            <Link to={`/acheteur/appels-d-offres/${tender.id}`}>Revenir sans annuler</Link>
          </div>
        </Form>
      )}
    </>
  );
}
