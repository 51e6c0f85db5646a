import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Fragment } from "react";
import { useForm } from "react-hook-form";
import { type z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { formatNumber, ghgCategoryLabel, segmentLabel } from "~/carbon/labels";
import { createReferenceRatio, listReferenceRatios, updateReferenceRatio } from "~/carbon/reference-ratios.server";
import { ratioCreateSchema, ratioKeys, ratioUpdateSchema } from "~/carbon/schemas";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";
import { PageMessages } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";

export const meta: MetaFunction = () => [{ title: "Ratios monétaires de référence — Espace RSE — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const params = new URL(request.url).searchParams;
  const editing = Number(params.get("modifier") ?? "") || null;
  return { ratios: await listReferenceRatios({ user }), editing };
});

type ActionResult = {
  ok: false; intent: string; id: number | null; fieldErrors: FieldErrors; formError?: string; values: Record<string, string>;
};

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "update") {
    const parsed = parseForm(ratioUpdateSchema, formData);
    const id = Number(formData.get("id")) || null;
    if (!parsed.ok) return data<ActionResult>({ ok: false, intent, id, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    await updateReferenceRatio({ user, input: parsed.data });
    return redirectWithFlash(`/rse/ratios#ratio-${parsed.data.id}`, { message: "Ratio enregistré." });
  }
  if (intent === "create") {
    const parsed = parseForm(ratioCreateSchema, formData);
    if (!parsed.ok) return data<ActionResult>({ ok: false, intent, id: null, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
    const result = await createReferenceRatio({ user, input: parsed.data });
    if (!result.ok) return data<ActionResult>({ ok: false, intent, id: null, fieldErrors: {}, formError: result.message, values: {} }, { status: 409 });
    return redirectWithFlash("/rse/ratios", { message: "Ratio ajouté." });
  }
  return data<ActionResult>({ ok: false, intent, id: null, fieldErrors: {}, formError: "Action inconnue.", values: {} }, { status: 400 });
});

type RatioFormValues = { label: string; kgPerKEur: string; source: string; year: string };

function keyLabel(key: string): string {
  const m = /^categorie-(\d+)$/.exec(key);
  if (m) return `Catégorie ${ghgCategoryLabel(Number(m[1]))}`;
  if (key.startsWith("naf-")) return "Informatif (aucun segment)";
  return `Segment ${segmentLabel(key)}`;
}

/** The edit / add form of a ratio; react-hook-form validates live with the action's schema. */
function RatioForm({ intent, id, defaults, serverErrors }: { intent: "update" | "create"; id?: number; defaults: RatioFormValues & { key?: string }; serverErrors: FieldErrors }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const schema = intent === "update" ? ratioUpdateSchema : ratioCreateSchema;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Record<string, string>>({
    resolver: zodResolver(schema as unknown as z.ZodType<Record<string, string>, Record<string, string>>),
    defaultValues: { ...defaults, ...(id ? { id: String(id) } : {}) },
  });
  const err = (name: string) => (errors[name]?.message as string | undefined) ?? serverErrors[name];
  const p = intent === "update" ? `r${id}` : "new";
  return (
    <Form
      method="post"
      noValidate
      style={{ display: "grid", gap: ".5rem", maxWidth: "36rem" }}
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form, { method: "post" }))(event);
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {id ? <input type="hidden" {...register("id")} /> : null}
      {intent === "create" ? (
        <Field id={`${p}-key`} label="Segment ou catégorie" error={err("key")}>
          <select id={`${p}-key`} {...register("key")}>
            <option value="">Choisir…</option>
            {ratioKeys.map((k) => (
              <option key={k} value={k}>
                {keyLabel(k)}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id={`${p}-label`} label="Secteur économique (libellé)" error={err("label")}>
        <input id={`${p}-label`} {...register("label")} />
      </Field>
      <Field id={`${p}-value`} label="Valeur (kgCO2e par k€ HT)" error={err("kgPerKEur")}>
        <input id={`${p}-value`} inputMode="decimal" {...register("kgPerKEur")} />
      </Field>
      <Field id={`${p}-year`} label="Année des euros et des données" error={err("year")}>
        <input id={`${p}-year`} inputMode="numeric" {...register("year")} />
      </Field>
      <Field id={`${p}-source`} label="Source (publication, base, version)" error={err("source")}>
        <textarea id={`${p}-source`} rows={2} {...register("source")} />
      </Field>
      <div className="actions" style={{ margin: 0 }}>
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {intent === "update" ? "Enregistrer" : "Ajouter le ratio"}
        </button>
      </div>
    </Form>
  );
}

export default function ReferenceRatios() {
  const { ratios, editing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: string, id: number | null): FieldErrors => (result && !result.ok && result.intent === intent && result.id === id ? result.fieldErrors : {});
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › Ratios monétaires de référence
      </p>
      <h1>Ratios monétaires de référence</h1>
      <p className="lead">
        Ordres de grandeur en kgCO2e par k€ HT, par segment d'achat ou catégorie du scope 3. Ils servent à signaler les facteurs fournisseurs peu plausibles (écart de
        plus d'un facteur 10) et de repli dans l'estimation du scope 3 quand aucun facteur fournisseur ne correspond.
      </p>
      <p className="alert alert--warn">
        Les valeurs initiales forment un <strong>jeu de démonstration</strong> (marqué « démo ») : certaines relevées dans des notes de recherche citant ADEME Base
        Carbone v23.6 (2023), celles des NAF 26 et 63.11 sans source. Remplacez-les par les ratios de la <Link to="/rse/base-empreinte">Base Empreinte</Link> (identifiant,
        unité, année et statut conservés) ou par vos propres références. Chaque modification est tracée dans le journal d'audit.
      </p>
      <PageMessages actionResult={result} formError={result && !result.ok ? result.formError : null} />
      <table className="data" data-testid="ratios">
        <thead>
          <tr>
            <th scope="col">Application</th>
            <th scope="col">Secteur</th>
            <th scope="col" className="num">
              kgCO2e/k€ HT
            </th>
            <th scope="col">Année</th>
            <th scope="col">Source</th>
            <th scope="col">Modifier</th>
          </tr>
        </thead>
        <tbody>
          {ratios.map((r) => {
            const errors = errorsFor("update", r.id);
            const open = editing === r.id || Object.keys(errors).length > 0;
            return (
              <Fragment key={r.id}>
                <tr id={`ratio-${r.id}`}>
                  <td>
                    {keyLabel(r.key)}
                    <div className="qid">{r.key}</div>
                  </td>
                  <td>
                    {r.label}
                    {r.defaultValue?.note ? <div className="small muted">{r.defaultValue.note}</div> : null}
                  </td>
                  <td className="num">{formatNumber(r.kgPerKEur)}</td>
                  <td>{r.year}</td>
                  <td className="small">
                    {r.origin === "demo" ? <span className="badge badge--warn">démo</span> : null} {r.source}
                    {r.externalId ? (
                      <div className="muted" data-testid="ratio-element">
                        Élément {r.externalId} · unité d'origine {r.unit} · statut {r.status}
                      </div>
                    ) : null}
                    {r.changed && r.defaultValue ? (
                      <div className="muted">
                        modifié (valeur par défaut : {formatNumber(r.defaultValue.kgPerKEur)} kgCO2e/k€, {r.defaultValue.year})
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {open ? (
                      <Link to="/rse/ratios">Fermer</Link>
                    ) : (
                      <Link to={`/rse/ratios?modifier=${r.id}#ratio-${r.id}`} aria-label={`Modifier le ratio ${r.key}`}>
                        Modifier
                      </Link>
                    )}
                  </td>
                </tr>
                {open ? (
                  <tr>
                    <td colSpan={6}>
                      <RatioForm
                        intent="update"
                        id={r.id}
                        serverErrors={errors}
                        defaults={{ label: r.label, kgPerKEur: String(r.kgPerKEur).replace(".", ","), source: r.source, year: String(r.year) }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <section className="card" style={{ marginTop: "1rem" }}>
        <h2 style={{ marginTop: 0 }}>Ajouter un ratio</h2>
        <p className="muted small">
          Un ratio de segment s'applique aux facteurs et aux dépenses de ce segment ; un ratio de catégorie, à ceux de la catégorie qui n'ont pas de ratio de segment.
        </p>
        <RatioForm intent="create" serverErrors={errorsFor("create", null)} defaults={{ key: "", label: "", kgPerKEur: "", source: "", year: String(new Date().getFullYear() - 1) }} />
      </section>
    </>
  );
}
