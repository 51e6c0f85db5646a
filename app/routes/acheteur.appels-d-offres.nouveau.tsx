import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { TenderBuilder } from "~/components/tenders/tender-builder";
import { formDataToNested, issuesToFieldErrors } from "~/lib/forms";
import { builderSchema, builderValuesFromRaw } from "~/tenders/builder";
import { builderContext, createTender, newTenderValues } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineAction, defineLoader } from "~/lib/route.server";
import { redirectWithFlash } from "~/lib/flash.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Nouvel appel d'offres — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer"]);
  return { values: await newTenderValues({ user }), ...await builderContext(undefined, user) };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const raw = formDataToNested(formData);
  const parsed = builderSchema.safeParse(raw);
  if (!parsed.success) {
    return data({ fieldErrors: issuesToFieldErrors(parsed.error.issues), values: builderValuesFromRaw(raw, await newTenderValues({ user })) }, { status: 400 });
  }
  const id = await createTender({ user, values: parsed.data });
  return redirectWithFlash(`/acheteur/appels-d-offres/${id}/modifier`, { message: "Brouillon enregistré." });
});

export default function NewTender() {
  const { values, guide, segments, regime, offerCatalogue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur">← Espace acheteur</Link>
      </p>
      <h1>Nouvel appel d'offres</h1>
      {actionData?.fieldErrors ? (
        <p className="alert alert--error" role="alert">
          Le brouillon n'a pas été enregistré : corrigez les champs signalés.
        </p>
      ) : null}
      <TenderBuilder
        defaultValues={actionData?.values ?? values}
        guide={guide}
        segments={segments}
        regime={regime}
        offerCatalogue={offerCatalogue}
        serverErrors={actionData?.fieldErrors}
        submitLabel="Enregistrer le brouillon"
      />
    </>
  );
}
