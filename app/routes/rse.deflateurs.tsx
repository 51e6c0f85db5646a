import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { listDeflators, saveDeflator } from "~/carbon/deflators.server";
import { formatNumber } from "~/carbon/labels";
import { deflatorSchema } from "~/carbon/schemas";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { PageMessages } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Indices de prix — Espace RSE — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  return { deflators: await listDeflators({ user }) };
});

type ActionResult = { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const parsed = parseForm(deflatorSchema, formData);
  if (!parsed.ok) return data<ActionResult>({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
  await saveDeflator({ user, input: parsed.data });
  return redirectWithFlash("/rse/deflateurs", { message: `Indice ${parsed.data.year} enregistré.` });
});

export default function Deflators() {
  const { deflators } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › Indices de prix
      </p>
      <h1>Indices de prix (conversion des euros)</h1>
      <p className="lead">
        Un ratio monétaire est exprimé en kgCO2e par k€ HT <strong>de son année</strong>. Pour l'appliquer à une dépense d'une autre année, l'estimation du scope 3
        convertit la dépense : dépense × indice de l'année du ratio ÷ indice de l'année de la dépense. Chaque ligne du scope 3 affiche la conversion utilisée.
      </p>
      <p className="alert alert--warn">
        Les valeurs initiales sont marquées « à vérifier » : elles reprennent de mémoire l'indice des prix à la consommation de l'INSEE (base 2015) et n'ont pas été
        relevées sur insee.fr. Confirmez-les ou remplacez-les (un indice de prix de production peut mieux convenir à vos achats) : une valeur enregistrée ici est
        considérée comme vérifiée.
      </p>
      <PageMessages actionResult={result} />
      <table className="data" data-testid="deflators">
        <thead>
          <tr>
            <th scope="col">Année</th>
            <th scope="col" className="num">
              Indice
            </th>
            <th scope="col">Source</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {deflators.map((d) => (
            <tr key={d.id}>
              <td>{d.year}</td>
              <td className="num">{formatNumber(d.index)}</td>
              <td className="small">{d.source}</td>
              <td>{d.verified ? <span className="badge">vérifié</span> : <span className="badge badge--warn">à vérifier</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2 style={{ marginTop: 0 }}>Enregistrer l'indice d'une année</h2>
        <Form method="post" noValidate style={{ display: "grid", gap: ".5rem", maxWidth: "36rem" }}>
          <CsrfInput />
          <Field id="d-year" label="Année" error={errors.year}>
            <input id="d-year" name="year" inputMode="numeric" defaultValue={values.year ?? ""} />
          </Field>
          <Field id="d-index" label="Indice (même base pour toutes les années)" error={errors.index}>
            <input id="d-index" name="index" inputMode="decimal" defaultValue={values.index ?? ""} />
          </Field>
          <Field id="d-source" label="Source (série, base, date de consultation)" error={errors.source}>
            <textarea id="d-source" name="source" rows={2} defaultValue={values.source ?? ""} />
          </Field>
          <div className="actions" style={{ margin: 0 }}>
            <button type="submit" className="button">
              Enregistrer
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
