import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { segments } from "#questionnaires/segments";
import { ghgCategories } from "#questionnaires/emission-factors";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { factorsMaxBytes, importReceivedFactorFile, supplierFactorsPage } from "~/carbon/factor-uploads.server";
import { uploadFieldsSchema } from "~/carbon/schemas";
import { withReceivedUpload } from "~/carbon/upload-receiver.server";
import { ColumnContract } from "~/components/carbon/column-contract";
import { FactorUploads, FactorVersions } from "~/components/carbon/factor-history";
import { CsrfInput } from "~/components/csrf";
import { parseForm } from "~/lib/forms";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Facteurs d'émission — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return await supplierFactorsPage({ user });
});

type ActionResult = { intent: "csv" | "pact" | null; error: string; fieldErrors?: Record<string, string[]> };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return refusalsAsData(
    () =>
      withReceivedUpload(request, { maxBytes: factorsMaxBytes() }, async (upload) => {
        await requireCsrf(request, upload.fields);
        const parsed = parseForm(uploadFieldsSchema, upload.fields);
        if (!parsed.ok) return data<ActionResult>({ intent: null, error: "Formulaire incomplet.", fieldErrors: parsed.fieldErrors }, { status: 400 });
        const result = await importReceivedFactorFile({ user, upload, fields: parsed.data });
        return redirect(`/fournisseur/facteurs/depots/${result.uploadId}`);
      }),
    (error): ActionResult => ({ intent: null, error }),
  );
});

const formStyle = { display: "grid", gap: ".5rem", maxWidth: "40rem" } as const;

export default function SupplierFactors() {
  const { maxBytesLabel, pactMaxBytesLabel, tenders, uploads, sets } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  const tenderSelect = (id: string) => (
    <>
      <label htmlFor={id}>Consultation concernée (facultatif)</label>
      <select id={id} name="tenderId" defaultValue="">
        <option value="">Aucune : facteurs de l'organisation</option>
        {tenders.map((t) => (
          <option key={t.id} value={t.id}>
            {t.reference} — {t.title} ({t.buyerName})
          </option>
        ))}
      </select>
    </>
  );

  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › Facteurs d'émission
      </p>
      <h1>Facteurs d'émission</h1>
      <p className="lead">
        Déclarez vos facteurs d'émission spécifiques (kgCO2e par unité, par kWh, par k€…) : les équipes RSE des acheteurs qui vous ont invité à une consultation les
        utilisent à la place des ratios monétaires moyens pour estimer leur scope 3.
      </p>

      {result?.error ? (
        <div className="alert alert--error" role="alert">
          <p style={{ margin: 0 }}>{result.error}</p>
          {result.fieldErrors ? (
            <ul>
              {Object.entries(result.fieldErrors).map(([k, v]) => (
                <li key={k}>{v.join(" ")}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>1. Télécharger le modèle</h2>
        <p>
          <a className="button button--secondary" href="/facteurs/modele.csv" download data-testid="template-link">
            Télécharger le modèle CSV
          </a>{" "}
          <span className="muted small">CSV pour Excel (UTF-8, séparateur point-virgule), avec deux lignes d'exemple à remplacer.</span>
        </p>
        <ColumnContract />
      </section>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>2. Déposer le fichier</h2>
        <p>
          Taille maximale : <strong>{maxBytesLabel}</strong>. Le fichier est conservé tel quel et vérifié en entier : <strong>s'il contient une seule erreur, rien n'est
          importé</strong> et toutes les erreurs sont listées (ligne et colonne) pour que vous les corrigiez avant de le déposer à nouveau. Un fichier valide crée une
          nouvelle version de vos facteurs ; les versions précédentes restent consultables.
        </p>
        <Form method="post" encType="multipart/form-data" style={formStyle} aria-label="Dépôt d'un fichier CSV de facteurs">
          <CsrfInput />
          <input type="hidden" name="intent" value="csv" />
          <label htmlFor="factors-file">Fichier CSV de facteurs</label>
          <input id="factors-file" type="file" name="file" accept=".csv,.txt,text/csv" required />
          {tenderSelect("csv-tender")}
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? "Vérification…" : "Vérifier et importer"}
            </button>
          </div>
        </Form>
      </section>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Importer des empreintes PACT</h2>
        <p className="muted">
          Vous publiez déjà vos empreintes produit au format WBCSD PACT (Pathfinder, versions 2.x et 3.x) ? Déposez le fichier JSON (une empreinte, une liste, ou une
          réponse <code>{"{ data: [...] }"}</code>) : les empreintes en kWh, MJ, pièce ou heure deviennent des facteurs, dans une nouvelle version. Même règle : une
          seule empreinte en erreur, rien n'est importé. Taille maximale : {pactMaxBytesLabel}.
        </p>
        <Form method="post" encType="multipart/form-data" style={formStyle} aria-label="Import PACT">
          <CsrfInput />
          <input type="hidden" name="intent" value="pact" />
          <label htmlFor="pact-file">Fichier JSON PACT</label>
          <input id="pact-file" type="file" name="file" accept=".json,application/json" required />
          <label htmlFor="pact-segment">Segment d'achat des empreintes</label>
          <select id="pact-segment" name="segment" required defaultValue="">
            <option value="" disabled>
              Choisir…
            </option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          <label htmlFor="pact-category">Catégorie du scope 3 (facultatif)</label>
          <select id="pact-category" name="ghgCategory" defaultValue="">
            <option value="">Non précisée</option>
            {ghgCategories.map((c) => (
              <option key={c.number} value={c.number}>
                {c.number} — {c.labelFr}
              </option>
            ))}
          </select>
          {tenderSelect("pact-tender")}
          <div className="actions">
            <button type="submit" className="button button--secondary" disabled={busy}>
              Importer le fichier PACT
            </button>
          </div>
        </Form>
      </section>

      <FactorVersions sets={sets} />
      <FactorUploads uploads={uploads} />
    </>
  );
}
