import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { TenderBuilder } from "~/components/tenders/tender-builder";
import { formDataToNested, issuesToFieldErrors } from "~/lib/forms";
import { builderSchema, builderValuesFromRaw } from "~/tenders/builder";
import { builderContext, editTenderValues, tenderForEdit, updateTenderDraft } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { FlashMessage } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Modifier l'appel d'offres — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const { tender, method } = await tenderForEdit({ id: idParam(params.id), user });
  return {
    tender: { id: tender.id, title: tender.title, status: tender.status },
    values: await editTenderValues(tender),
    ...await builderContext(method.guideVersion, user),
  };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  const { tender } = await tenderForEdit({ id, user });
  const raw = formDataToNested(formData);
  const parsed = builderSchema.safeParse(raw);
  if (!parsed.success) {
    return data({ fieldErrors: issuesToFieldErrors(parsed.error.issues), values: builderValuesFromRaw(raw, await editTenderValues(tender)) }, { status: 400 });
  }
  await updateTenderDraft({ id, user, values: parsed.data });
  return redirectWithFlash(`/acheteur/appels-d-offres/${id}/modifier`, { message: "Brouillon enregistré." });
});

export default function EditTender() {
  const { tender, values, guide, segments, regime, offerCatalogue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${tender.id}`}>← {tender.title}</Link>
      </p>
      <h1>Modifier l'appel d'offres</h1>
      {tender.status !== "draft" ? (
        <p className="alert alert--warn" role="status">
          Cet appel d'offres est publié : sa méthode de notation et ses questions sont figées et ne peuvent plus être modifiées.
        </p>
      ) : (
        <>
          {!actionData ? (
            <FlashMessage>
              <Link to={`/acheteur/appels-d-offres/${tender.id}`}>Voir l'appel d'offres et le publier</Link>
            </FlashMessage>
          ) : null}
          {actionData?.fieldErrors ? (
            <p className="alert alert--error" role="alert">
              Le brouillon n'a pas été enregistré : corrigez les champs signalés.
            </p>
          ) : null}
          <TenderBuilder
            key={JSON.stringify(values)}
            defaultValues={actionData?.values ?? values}
            guide={guide}
            segments={segments}
            regime={regime}
            offerCatalogue={offerCatalogue}
            serverErrors={actionData?.fieldErrors}
            submitLabel="Enregistrer le brouillon"
          />
        </>
      )}
    </>
  );
}
