import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { activityFormSchema, scope3QuerySchema } from "~/carbon/schemas";
import { ACTIVITY_MAX_BYTES, addActivity, deleteActivity, importActivityCsv, scope3Page } from "~/carbon/scope3.server";
import { ActivityForm } from "~/components/carbon/activity-form";
import { ActivityImport, type ActivityImportResult } from "~/components/carbon/activity-import";
import { Scope3Lines } from "~/components/carbon/scope3-lines";
import { Scope3Totals } from "~/components/carbon/scope3-totals";
import { SupplierFiguresTable } from "~/components/carbon/supplier-figures";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { formatBytes } from "~/lib/format";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Estimation du scope 3 — Espace RSE — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const { annee } = scope3QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return await scope3Page({ user, year: annee });
});

type ActionResult =
  | { intent: "add"; ok: false; fieldErrors: FieldErrors; values: Record<string, string>; formError?: string }
  | ActivityImportResult
  | { intent: "other"; ok: false; formError: string };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, {
        maxPartBytes: ACTIVITY_MAX_BYTES,
        tooLargeMessage: `Fichier trop volumineux (${formatBytes(ACTIVITY_MAX_BYTES)} au plus). Rien n'a été importé.`,
      });
      await requireCsrf(request, formData);
      const intent = String(formData.get("intent") ?? "");
      const back = new URL(request.url).search;
      if (intent === "add") {
        const parsed = parseForm(activityFormSchema, formData);
        if (!parsed.ok) return data<ActionResult>({ intent: "add", ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
        const { supplierOrganisationId, ...fields } = parsed.data;
        await addActivity({ user, input: { supplierOrganisationId, ...fields } });
        return redirect(`/rse/scope3${back}`);
      }
      if (intent === "delete") {
        const id = z.coerce.number().int().positive().safeParse(formData.get("id"));
        if (!id.success) return data<ActionResult>({ intent: "other", ok: false, formError: "Ligne inconnue." }, { status: 400 });
        await deleteActivity({ user, activityId: id.data });
        return redirect(`/rse/scope3${back}`);
      }
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "import", ok: false, errors: [], warnings: [], formError: "Choisissez un fichier CSV." }, { status: 400 });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await importActivityCsv({ user, bytes, fileName: file.name });
        if (!result.ok) return data<ActionResult>({ intent: "import", ok: false, errors: result.errors, warnings: result.warnings }, { status: 400 });
        return data<ActionResult>({ intent: "import", ok: true, imported: result.imported, warnings: result.warnings });
      }
      return data<ActionResult>({ intent: "other", ok: false, formError: "Action inconnue." }, { status: 400 });
    },
    (error): ActionResult => ({ intent: "other", ok: false, formError: error }),
  );
});

export default function Scope3() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const yearQuery = d.year ? `?annee=${d.year}` : "";
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › Estimation du scope 3
      </p>
      <h1>Estimation du scope 3 des achats informatiques</h1>
      <p className="lead">
        Vos dépenses et quantités par fournisseur, estimées de deux façons côte à côte : avec les facteurs d'émission propres aux fournisseurs quand l'un correspond
        (repli sur le ratio monétaire sinon), et avec les seuls <Link to="/rse/ratios">ratios monétaires de référence</Link>.
      </p>

      <Form method="get" className="actions" aria-label="Année">
        <label htmlFor="year">Année</label>
        <select id="year" name="annee" defaultValue={d.year ?? ""} style={{ width: "auto" }}>
          <option value="">Toutes</option>
          {d.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Afficher
        </button>
        <a href={`/rse/scope3.csv${yearQuery}`} download>
          Exporter en CSV
        </a>
      </Form>

      {result && !result.ok && result.formError ? (
        <p className="alert alert--error" role="alert">
          {result.formError}
        </p>
      ) : null}

      <Scope3Totals byCategory={d.byCategory} total={d.total} />

      <SupplierFiguresTable rows={d.supplierFigures} />

      <Scope3Lines lines={d.lines} yearQuery={yearQuery} />

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Saisir une ligne</h2>
        {d.suppliers.length === 0 ? (
          <p className="muted">Aucun fournisseur lié à votre organisation : les données d'activité se saisissent par fournisseur invité à l'une de vos consultations.</p>
        ) : (
          <ActivityForm
            suppliers={d.suppliers}
            serverErrors={result && result.intent === "add" && !result.ok ? result.fieldErrors : {}}
            values={result && result.intent === "add" && !result.ok ? result.values : {}}
          />
        )}
      </section>

      <ActivityImport maxBytesLabel={d.maxBytesLabel} result={result && result.intent === "import" ? result : null} />
    </>
  );
}
