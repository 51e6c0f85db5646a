import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ghgCategories } from "#questionnaires/emission-factors/ghg-categories";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { ColumnsList, CsvImportCard } from "~/components/csv-import-card";
import { Field } from "~/components/field";
import { FlashMessage } from "~/components/flash";
import { CsvIssues } from "~/components/tenders/csv-issues";
import { tenderLinks } from "~/components/tenders/links";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatBytes, frCount } from "~/lib/format";
import { formDataToObject } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";
import { billColumnSpecs, billUnits, frDecimal, validateBillLine, type BillLineInput } from "~/tenders/bill";
import { addBillLine, BILL_MAX_BYTES, billPage, deleteBillLine, importBill } from "~/tenders/bill.server";
import { segments } from "#questionnaires/segments";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Bordereau de prix — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  return { ...await billPage({ id: idParam(params.id), user }), maxBytesLabel: formatBytes(BILL_MAX_BYTES) };
});

type ActionResult =
  | { intent: "add"; fieldErrors: Record<string, string>; values: Record<string, string> }
  | { intent: "import"; errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[] }
  | { intent: "other"; formError: string };

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const id = idParam(params.id);
  const here = `/acheteur/appels-d-offres/${id}/bordereau`;
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, { maxPartBytes: BILL_MAX_BYTES, tooLargeMessage: `Fichier trop volumineux (${formatBytes(BILL_MAX_BYTES)} au plus). Rien n'a été importé.` });
      await requireCsrf(request, formData);
      const intent = String(formData.get("intent") ?? "");
      if (intent === "add") {
        const values = formDataToObject(formData);
        const { line, issues } = validateBillLine(values as BillLineInput, ",");
        if (!line) {
          const fieldErrors = Object.fromEntries(issues.map((i) => [i.field, i.message.replace(/^./, (m) => m.toUpperCase())]));
          return data<ActionResult>({ intent: "add", fieldErrors, values }, { status: 400 });
        }
        await addBillLine({ id, user, line });
        return redirectWithFlash(here, { message: `Ligne ${line.id} ajoutée au bordereau.` });
      }
      if (intent === "delete") {
        const lineId = String(formData.get("lineId") ?? "");
        await deleteBillLine({ id, user, lineId });
        return redirectWithFlash(here, { message: `Ligne ${lineId} retirée du bordereau.` });
      }
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "other", formError: "Choisissez un fichier CSV." }, { status: 400 });
        const result = await importBill({ id, user, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
        if (!result.ok) return data<ActionResult>({ intent: "import", errors: result.errors, warnings: result.warnings }, { status: 400 });
        return redirectWithFlash(here, { message: `Bordereau importé : ${frCount(result.imported, "ligne")}.${result.warnings.length ? " " + result.warnings.join(" ; ") : ""}` });
      }
      return data<ActionResult>({ intent: "other", formError: "Action inconnue." }, { status: 400 });
    },
    (formError): ActionResult => ({ intent: "other", formError }),
  );
});

export default function BillPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const add = result?.intent === "add" ? result : null;
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/appels-d-offres/${d.tender.id}`}>← {d.tender.title}</Link>
      </p>
      <h1>Bordereau de prix (détail quantitatif estimatif)</h1>
      <p className="lead">
        Les fournisseurs donnent pour chaque ligne un prix unitaire (€ HT) et un facteur d'émission (kgCO2e par unité). Le prix de l'offre (Σ quantité × prix
        unitaire) et son empreinte carbone (Σ quantité × facteur) sont calculés par le portail, jamais saisis.
      </p>
      <FlashMessage />
      {result?.intent === "other" ? (
        <p className="alert alert--error" role="alert">
          {result.formError}
        </p>
      ) : null}
      {!d.editable ? (
        <p className="alert alert--info">
          {d.tender.status === "draft" ? "Seul l'acheteur modifie le bordereau." : "Le bordereau est figé avec la méthode de notation depuis la publication."}
        </p>
      ) : null}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Lignes ({d.lines.length})</h2>
        {d.lines.length === 0 ? (
          <p className="muted">Aucune ligne : sans bordereau, le prix de chaque offre est saisi par l'acheteur.</p>
        ) : (
          <>
            <p>
              <a href={`/acheteur/appels-d-offres/${d.tender.id}/bordereau.csv`} download>
                Télécharger le bordereau (CSV)
              </a>
            </p>
            <div style={{ overflowX: "auto" }}>
              <table className="data" data-testid="bill-lines">
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Libellé</th>
                    <th scope="col">Unité</th>
                    <th scope="col" className="num">
                      Quantité estimée
                    </th>
                    <th scope="col">Segment</th>
                    <th scope="col">Catégorie GHG</th>
                    {d.editable ? <th scope="col">Retirer</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {d.lines.map((l) => (
                    <tr key={l.id}>
                      <td>{l.id}</td>
                      <td>{l.label}</td>
                      <td>{l.unitLabel}</td>
                      <td className="num">{frDecimal(l.quantity)}</td>
                      <td>{l.segment ?? "—"}</td>
                      <td>{l.ghgCategory ?? "—"}</td>
                      {d.editable ? (
                        <td>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="lineId" value={l.id} />
                            <button type="submit" className="button button--link" aria-label={`Retirer la ligne ${l.id}`}>
                              Retirer
                            </button>
                          </Form>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      {d.editable ? (
        <>
          <section className="card">
            <h2 style={{ marginTop: 0 }}>Ajouter une ligne</h2>
            <Form method="post" className="stack" noValidate>
              <CsrfInput />
              <input type="hidden" name="intent" value="add" />
              <Field id="bill-id" label="Identifiant de la ligne" error={add?.fieldErrors.id} hint="Unique dans le bordereau, par exemple L01.">
                <input id="bill-id" name="id" defaultValue={add?.values.id ?? ""} required />
              </Field>
              <Field id="bill-label" label="Libellé" error={add?.fieldErrors.label}>
                <input id="bill-label" name="label" defaultValue={add?.values.label ?? ""} required />
              </Field>
              <Field id="bill-unit" label="Unité" error={add?.fieldErrors.unit} hint="Les unités que comprend l'import des facteurs d'émission.">
                <select id="bill-unit" name="unit" defaultValue={add?.values.unit ?? "unit"}>
                  {billUnits.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.label} — {u.description}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="bill-quantity" label="Quantité estimée" error={add?.fieldErrors.quantity} hint="Virgule décimale acceptée.">
                <input id="bill-quantity" name="quantity" inputMode="decimal" defaultValue={add?.values.quantity ?? ""} required />
              </Field>
              <Field id="bill-segment" label="Segment d'achat (facultatif)" error={add?.fieldErrors.segment}>
                <select id="bill-segment" name="segment" defaultValue={add?.values.segment ?? d.tender.segment}>
                  <option value="">—</option>
                  {segments.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="bill-category" label="Catégorie du scope 3 (facultative)" error={add?.fieldErrors.ghgCategory}>
                <select id="bill-category" name="ghgCategory" defaultValue={add?.values.ghgCategory ?? ""}>
                  <option value="">—</option>
                  {ghgCategories.map((c) => (
                    <option key={c.number} value={c.number}>
                      {c.number} — {c.labelFr}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="actions">
                <button type="submit" className="button">
                  Ajouter la ligne
                </button>
              </div>
            </Form>
          </section>
          <CsvImportCard
            title="Importer un bordereau (CSV)"
            inputId="bill-file"
            description={
              <>
                <a href="/acheteur/bordereau-modele.csv" download>
                  Télécharger le modèle
                </a>
                . Mêmes conventions que les fichiers de facteurs d'émission (point-virgule, virgule décimale, UTF-8 ou Windows-1252). Taille maximale :{" "}
                {d.maxBytesLabel}. L'import remplace toutes les lignes ; le fichier est vérifié en entier : une seule erreur, rien n'est importé.
              </>
            }
            columns={<ColumnsList columns={billColumnSpecs} />}
            outcome={result?.intent === "import" ? <CsvIssues errors={result.errors} warnings={result.warnings} /> : null}
          />
        </>
      ) : null}
    </>
  );
}
