import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { activityUnits, ghgCategories } from "../../questionnaires/emission-factors";
import { segments } from "../../questionnaires/segments";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { activityColumnSpecs } from "~/carbon/activity-csv";
import { formatNumber, formatTonnes, ghgCategoryLabel, segmentLabel } from "~/carbon/labels";
import { activityFormSchema } from "~/carbon/schemas";
import { linkedSuppliers } from "~/carbon/csr.server";
import { ACTIVITY_MAX_BYTES, activityYears, addActivity, basisLabels, deleteActivity, importActivityCsv, scope3Estimate } from "~/carbon/scope3.server";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { formatBytes } from "~/lib/format";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Estimation du scope 3 — Espace RSE — NR Procure" }];

function yearParam(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("annee") ?? "";
  return /^\d{4}$/.test(raw) ? Number(raw) : null;
}

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const year = yearParam(request);
  const result = scope3Estimate({ user, year });
  return {
    year,
    years: activityYears({ user }),
    suppliers: linkedSuppliers({ user }),
    maxBytesLabel: formatBytes(ACTIVITY_MAX_BYTES),
    byCategory: result.byCategory.map((c) => ({ ...c, label: ghgCategoryLabel(c.ghgCategory) })),
    total: result.total,
    lines: result.lines.map((e) => ({
      id: e.line.id,
      supplierName: e.line.supplierName,
      year: e.line.year,
      segment: segmentLabel(e.line.segment),
      ghgCategory: e.line.ghgCategory,
      item: e.line.item,
      spendKEur: e.line.spendKEur,
      quantity: e.line.quantity,
      activityUnit: e.line.activityUnit,
      specificKg: e.specificKg,
      basis: e.basis,
      basisLabel: basisLabels[e.basis],
      monetaryKg: e.monetaryKg,
      differenceKg: e.differenceKg,
      note: e.note,
    })),
  };
});

type ActionResult =
  | { intent: "add"; ok: false; fieldErrors: FieldErrors; values: Record<string, string>; formError?: string }
  | { intent: "import"; ok: false; errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[]; formError?: string }
  | { intent: "import"; ok: true; imported: number; warnings: string[] }
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
        addActivity({ user, input: { supplierOrganisationId, ...fields } });
        return redirect(`/rse/scope3${back}`);
      }
      if (intent === "delete") {
        const id = z.coerce.number().int().positive().safeParse(formData.get("id"));
        if (!id.success) return data<ActionResult>({ intent: "other", ok: false, formError: "Ligne inconnue." }, { status: 400 });
        deleteActivity({ user, activityId: id.data });
        return redirect(`/rse/scope3${back}`);
      }
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "import", ok: false, errors: [], warnings: [], formError: "Choisissez un fichier CSV." }, { status: 400 });
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = importActivityCsv({ user, bytes, fileName: file.name });
        if (!result.ok) return data<ActionResult>({ intent: "import", ok: false, errors: result.errors, warnings: result.warnings }, { status: 400 });
        return data<ActionResult>({ intent: "import", ok: true, imported: result.imported, warnings: result.warnings });
      }
      return data<ActionResult>({ intent: "other", ok: false, formError: "Action inconnue." }, { status: 400 });
    },
    (error): ActionResult => ({ intent: "other", ok: false, formError: error }),
  );
});

type ActivityFormValues = Record<string, string>;

function ActivityForm({ suppliers, serverErrors, values }: { suppliers: { id: number; name: string }[]; serverErrors: FieldErrors; values: Record<string, string> }) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ActivityFormValues>({
    resolver: zodResolver(activityFormSchema as unknown as z.ZodType<ActivityFormValues, ActivityFormValues>),
    defaultValues: { year: String(new Date().getFullYear() - 1), ...values },
  });
  const err = (name: string) => (errors[name]?.message as string | undefined) ?? serverErrors[name];
  return (
    <Form
      method="post"
      noValidate
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form, { method: "post" }))(event);
      }}
    >
      <CsrfInput />
      <input type="hidden" name="intent" value="add" />
      <div className="grid">
        <Field id="a-supplier" label="Fournisseur" error={err("supplierOrganisationId")}>
          <select id="a-supplier" {...register("supplierOrganisationId")}>
            <option value="">Choisir…</option>
            {suppliers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-year" label="Année" error={err("year")}>
          <input id="a-year" inputMode="numeric" {...register("year")} />
        </Field>
        <Field id="a-segment" label="Segment d'achat" error={err("segment")}>
          <select id="a-segment" {...register("segment")}>
            <option value="">Choisir…</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-category" label="Catégorie GHG Protocol" error={err("ghgCategory")}>
          <select id="a-category" {...register("ghgCategory")}>
            <option value="">Choisir…</option>
            {ghgCategories.map((c) => (
              <option key={c.number} value={c.number}>
                {c.number} — {c.labelFr}
              </option>
            ))}
          </select>
        </Field>
        <Field id="a-item" label="Libellé (facultatif)" error={err("item")} hint="Pour retrouver le facteur du fournisseur portant ce libellé.">
          <input id="a-item" {...register("item")} />
        </Field>
        <Field id="a-spend" label="Dépense (k€ HT)" error={err("spendKEur")}>
          <input id="a-spend" inputMode="decimal" {...register("spendKEur")} />
        </Field>
        <Field id="a-quantity" label="Quantité" error={err("quantity")}>
          <input id="a-quantity" inputMode="decimal" {...register("quantity")} />
        </Field>
        <Field id="a-unit" label="Unité de la quantité" error={err("activityUnit")}>
          <select id="a-unit" {...register("activityUnit")}>
            <option value="">—</option>
            {activityUnits
              .filter((u) => !u.monetary)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.canonical} ({u.label})
                </option>
              ))}
          </select>
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          Ajouter la ligne
        </button>
      </div>
    </Form>
  );
}

const n = (v: number | null) => (v === null ? "—" : formatNumber(v));
const kg = (v: number | null) => (v === null ? "—" : `${formatNumber(Math.round(v))} kg`);

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

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Totaux par catégorie du scope 3</h2>
        {d.byCategory.length === 0 ? (
          <p className="muted">Aucune donnée d'activité : saisissez une ligne ou importez un fichier ci-dessous.</p>
        ) : (
          <table className="data" data-testid="scope3-totals">
            <thead>
              <tr>
                <th scope="col">Catégorie</th>
                <th scope="col" className="num">
                  Avec facteurs fournisseurs
                </th>
                <th scope="col" className="num">
                  Ratios monétaires seuls
                </th>
                <th scope="col" className="num">
                  Différence
                </th>
                <th scope="col" className="num">
                  Part issue de facteurs fournisseurs
                </th>
                <th scope="col">Lignes</th>
              </tr>
            </thead>
            <tbody>
              {d.byCategory.map((c) => (
                <tr key={c.ghgCategory}>
                  <td>{c.label}</td>
                  <td className="num">{formatTonnes(c.specificKg)}</td>
                  <td className="num">{formatTonnes(c.monetaryKg)}</td>
                  <td className="num">{formatTonnes(c.differenceKg)}</td>
                  <td className="num">{c.specificKg > 0 ? `${Math.round((100 * c.supplierFactorKg) / c.specificKg)} %` : "—"}</td>
                  <td>
                    {c.lines}
                    {c.notEstimated ? <div className="small muted">{c.notEstimated} non estimée(s)</div> : null}
                    {c.noMonetary ? <div className="small muted">{c.noMonetary} sans ratio monétaire (pas de dépense)</div> : null}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">Total</th>
                <td className="num">
                  <strong>{formatTonnes(d.total.specificKg)}</strong>
                </td>
                <td className="num">
                  <strong>{formatTonnes(d.total.monetaryKg)}</strong>
                </td>
                <td className="num">
                  <strong>{formatTonnes(d.total.differenceKg)}</strong>
                </td>
                <td className="num">{d.total.specificKg > 0 ? `${Math.round((100 * d.total.supplierFactorKg) / d.total.specificKg)} %` : "—"}</td>
                <td>{d.total.lines}</td>
              </tr>
            </tbody>
          </table>
        )}
        <details>
          <summary>Règle de correspondance des facteurs</summary>
          <ul className="small">
            <li>On cherche un facteur dans la dernière version des facteurs du fournisseur de la ligne, du même segment d'achat, de la même catégorie GHG (ou sans catégorie).</li>
            <li>
              L'unité doit être compatible : l'unité de la quantité (unité, kWh, Go.mois…) pour une quantité ; k€ pour une dépense. La quantité est essayée d'abord,
              puis la dépense.
            </li>
            <li>
              Parmi ces facteurs, celui dont le libellé est identique à celui de la ligne (majuscules, accents et espaces ignorés) ; à défaut, le facteur s'il est seul.
              Plusieurs facteurs possibles sans libellé identique : pas de correspondance (précisez le libellé).
            </li>
            <li>
              Sans facteur fournisseur : repli sur la dépense × le ratio monétaire de référence du segment, à défaut de la catégorie. Une quantité sans dépense ni
              facteur n'est pas estimée.
            </li>
            <li>Les euros ne sont pas corrigés de l'inflation entre l'année des achats et celle du facteur ou du ratio.</li>
          </ul>
        </details>
      </section>

      {d.lines.length > 0 ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Lignes ({d.lines.length})</h2>
          <div style={{ overflowX: "auto" }}>
            <table className="data" data-testid="scope3-lines">
              <thead>
                <tr>
                  <th scope="col">Fournisseur</th>
                  <th scope="col">Année</th>
                  <th scope="col">Catégorie</th>
                  <th scope="col">Segment · libellé</th>
                  <th scope="col" className="num">
                    Dépense (k€ HT)
                  </th>
                  <th scope="col" className="num">
                    Quantité
                  </th>
                  <th scope="col" className="num">
                    Avec facteurs fournisseurs
                  </th>
                  <th scope="col" className="num">
                    Ratios monétaires seuls
                  </th>
                  <th scope="col" className="num">
                    Différence
                  </th>
                  <th scope="col">Supprimer</th>
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{l.supplierName}</td>
                    <td>{l.year}</td>
                    <td>{l.ghgCategory}</td>
                    <td>
                      {l.segment}
                      {l.item ? ` · ${l.item}` : ""}
                      <div className="small muted">{l.note}</div>
                    </td>
                    <td className="num">{n(l.spendKEur)}</td>
                    <td className="num">{l.quantity === null ? "—" : `${formatNumber(l.quantity)} ${l.activityUnit ?? ""}`}</td>
                    <td className="num">
                      {kg(l.specificKg)}
                      <div className="small muted">{l.basisLabel}</div>
                    </td>
                    <td className="num">{kg(l.monetaryKg)}</td>
                    <td className="num">{kg(l.differenceKg)}</td>
                    <td>
                      <Form method="post" action={`/rse/scope3${yearQuery}`}>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={l.id} />
                        <button type="submit" className="button button--link" aria-label={`Supprimer la ligne ${l.supplierName} ${l.item || l.segment}`}>
                          Supprimer
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

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

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Importer un fichier CSV</h2>
        <p>
          <a href="/rse/scope3/modele.csv" download>
            Télécharger le modèle
          </a>
          . Mêmes conventions que les fichiers de facteurs (point-virgule ou virgule, virgule décimale, UTF-8 ou Windows-1252). Taille maximale : {d.maxBytesLabel}.
          Le fichier est vérifié en entier : une seule erreur, rien n'est importé.
        </p>
        <details>
          <summary>Colonnes</summary>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Colonne</th>
                <th scope="col">Obligatoire</th>
                <th scope="col">Contenu</th>
              </tr>
            </thead>
            <tbody>
              {activityColumnSpecs.map((c) => (
                <tr key={c.name}>
                  <td>
                    <code>{c.french}</code>
                  </td>
                  <td>{c.required ? "oui" : "non"}</td>
                  <td>{c.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">Une dépense, une quantité avec son unité, ou les deux.</p>
        </details>
        {result && result.intent === "import" ? (
          result.ok ? (
            <p className="alert alert--info" role="status">
              {result.imported} ligne(s) importée(s).
            </p>
          ) : result.errors.length > 0 ? (
            <div className="alert alert--error" role="alert">
              <p style={{ marginTop: 0 }}>Import refusé, rien n'a été importé :</p>
              <ol>
                {result.errors.map((e, i) => (
                  <li key={i}>
                    <strong>
                      ligne {e.line}
                      {e.column ? `, colonne ${e.column}` : ""}
                    </strong>{" "}
                    : {e.message}
                  </li>
                ))}
              </ol>
            </div>
          ) : null
        ) : null}
        <Form method="post" encType="multipart/form-data" className="actions">
          <CsrfInput />
          <input type="hidden" name="intent" value="import" />
          <label htmlFor="activity-file">Fichier CSV</label>
          <input id="activity-file" type="file" name="file" accept=".csv,text/csv" style={{ width: "auto" }} />
          <button type="submit" className="button button--secondary">
            Importer
          </button>
        </Form>
      </section>
    </>
  );
}
