import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { methods } from "#questionnaires/emission-factors/methods";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { ColumnsList, CsvImportCard } from "~/components/csv-import-card";
import { FlashMessage } from "~/components/flash";
import { CsvIssues } from "~/components/tenders/csv-issues";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatBytes, frCount } from "~/lib/format";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";
import { answerColumnSpecs, frDecimal } from "~/tenders/bill";
import { fillFromOwnFactors, importFilledBill, saveSupplierAnswers, supplierBillPage, type SupplierLineInput } from "~/responses/bill.server";
import { BILL_MAX_BYTES } from "~/tenders/bill.server";

export const meta: MetaFunction = () => [{ title: "Bordereau de prix — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  // `loadedAt` keys the form: selects keep their first `defaultValue`, so after "fill from my factors" or an
  // import the rows are mounted afresh with the saved values.
  return { ...await supplierBillPage({ user, tenderId: idParam(params.tenderId) }), maxBytesLabel: formatBytes(BILL_MAX_BYTES), loadedAt: new Date().toISOString() };
});

type ActionResult =
  | { intent: "save"; errors: { lineId: string; field: string; message: string }[]; values: Record<string, string> }
  | { intent: "import"; errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[] }
  | { intent: "other"; formError: string };

const FIELDS = ["unitPrice", "factorChoice", "factor", "method", "source", "referenceYear", "verifiedBy", "uncertaintyPct"] as const;

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const tenderId = idParam(params.tenderId);
  const here = `/fournisseur/consultations/${tenderId}/bordereau`;
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, { maxPartBytes: BILL_MAX_BYTES, tooLargeMessage: `Fichier trop volumineux (${formatBytes(BILL_MAX_BYTES)} au plus). Rien n'a été importé.` });
      await requireCsrf(request, formData);
      const intent = String(formData.get("intent") ?? "");
      if (intent === "save") {
        // Fields are named by line position (`l3.unitPrice`) with the line id in `l3.id`: ids may hold any character.
        const lines: Record<string, SupplierLineInput> = {};
        const values: Record<string, string> = {};
        for (const [key, value] of formData.entries()) {
          if (typeof value === "string" && /^l\d{1,5}\./.test(key)) values[key] = value;
        }
        for (let i = 0; values[`l${i}.id`] !== undefined; i++) {
          const input: SupplierLineInput = {};
          for (const f of FIELDS) input[f] = values[`l${i}.${f}`] ?? "";
          lines[values[`l${i}.id`]!] = input;
        }
        const result = await saveSupplierAnswers({ user, tenderId, lines });
        if (!result.ok) return data<ActionResult>({ intent: "save", errors: result.errors, values }, { status: 400 });
        return redirectWithFlash(here, { message: `Bordereau enregistré (${frCount(result.saved, "ligne")}).` });
      }
      if (intent === "fill") {
        const n = await fillFromOwnFactors({ user, tenderId });
        return redirectWithFlash(here, { message: n === 0 ? "Aucune ligne sans facteur ne correspond à vos fichiers de facteurs (même libellé et même unité)." : `${frCount(n, "ligne remplie", "lignes remplies")} depuis vos fichiers de facteurs.` });
      }
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "other", formError: "Choisissez un fichier CSV." }, { status: 400 });
        const result = await importFilledBill({ user, tenderId, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
        if (!result.ok) return data<ActionResult>({ intent: "import", errors: result.errors, warnings: result.warnings }, { status: 400 });
        return redirectWithFlash(here, { message: `Bordereau importé : ${frCount(result.imported, "ligne")}.${result.warnings.length ? " " + result.warnings.join(" ; ") : ""}` });
      }
      return data<ActionResult>({ intent: "other", formError: "Action inconnue." }, { status: 400 });
    },
    (formError): ActionResult => ({ intent: "other", formError }),
  );
});

export default function SupplierBill() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const save = result?.intent === "save" ? result : null;
  const open = d.closedReason === null;
  const errorsOf = (lineId: string) => save?.errors.filter((e) => e.lineId === lineId) ?? [];
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to={`/fournisseur/consultations/${d.tender.id}`}>{d.tender.title}</Link> › Bordereau de prix
      </p>
      <h1>Bordereau de prix</h1>
      <p className="lead">
        Pour chaque ligne : le prix unitaire (€ HT) et le facteur d'émission en kgCO2e par unité de la ligne, saisi ou choisi dans vos{" "}
        <Link to="/fournisseur/facteurs">fichiers de facteurs</Link> (même unité ; même libellé en tête de liste). Le prix de votre offre (Σ quantité × prix
        unitaire) et son empreinte carbone (Σ quantité × facteur) sont calculés par le portail.
      </p>
      <FlashMessage />
      {d.closedReason ? <p className="alert alert--warn">{d.closedReason}</p> : null}
      {result?.intent === "other" ? (
        <p className="alert alert--error" role="alert">
          {result.formError}
        </p>
      ) : null}
      <section className="card" data-testid="bill-totals">
        {d.totals ? (
          <p style={{ margin: 0 }}>
            Prix de l'offre : <strong>{frDecimal(d.totals.price)} € HT</strong> · empreinte carbone : <strong>{frDecimal(d.totals.footprint)} kgCO2e</strong>
          </p>
        ) : (
          <p style={{ margin: 0 }}>
            {frCount(d.incomplete, "ligne reste", "lignes restent")} à compléter (prix unitaire, facteur, méthode et année) : le prix et l'empreinte de l'offre
            seront calculés ensuite.
          </p>
        )}
      </section>
      {save && save.errors.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p style={{ marginTop: 0 }}>Rien n'a été enregistré : corrigez {frCount(save.errors.length, "problème")}.</p>
          <ul>
            {save.errors.slice(0, 50).map((e, i) => (
              <li key={i}>
                <strong>ligne {e.lineId}</strong> : {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {open ? (
        <div className="actions">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="fill" />
            <button type="submit" className="button button--secondary">
              Remplir les facteurs manquants depuis mes fichiers
            </button>
          </Form>
          <a href={`/fournisseur/consultations/${d.tender.id}/bordereau.csv`} download>
            Télécharger le bordereau à remplir (CSV)
          </a>
        </div>
      ) : null}
      <Form method="post" noValidate key={d.loadedAt}>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        <div style={{ overflowX: "auto" }}>
          <table className="data" data-testid="bill-answers">
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col" className="num">
                  Quantité
                </th>
                <th scope="col">Prix unitaire (€ HT)</th>
                <th scope="col">Facteur (kgCO2e par unité)</th>
                <th scope="col">Méthode · année</th>
                <th scope="col">Source · vérifié par</th>
                <th scope="col" className="num">
                  Montant · empreinte
                </th>
              </tr>
            </thead>
            <tbody>
              {d.lines.map((l, i) => {
                const a = l.answer;
                const v = (f: string, fallback: string | number | null | undefined) => save?.values[`l${i}.${f}`] ?? (fallback === null || fallback === undefined ? "" : String(fallback));
                const errs = errorsOf(l.id);
                return (
                  <tr key={l.id} data-line={l.id}>
                    <td>
                      <input type="hidden" name={`l${i}.id`} value={l.id} />
                      <strong>{l.id}</strong> {l.label}
                      {errs.map((e) => (
                        <p key={e.field + e.message} className="field__error" role="alert">
                          {e.message}
                        </p>
                      ))}
                    </td>
                    <td className="num">
                      {frDecimal(l.quantity)} {l.unitLabel}
                    </td>
                    <td>
                      <input
                        name={`l${i}.unitPrice`}
                        aria-label={`Prix unitaire de la ligne ${l.id}`}
                        inputMode="decimal"
                        defaultValue={v("unitPrice", a?.unitPrice?.replace(".", ","))}
                        disabled={!open}
                        style={{ width: "8em" }}
                      />
                    </td>
                    <td>
                      <select name={`l${i}.factorChoice`} aria-label={`Origine du facteur de la ligne ${l.id}`} defaultValue={v("factorChoice", a?.factorId ?? "")} disabled={!open}>
                        <option value="">saisi ci-dessous</option>
                        {l.options.map((o) => (
                          <option key={o.id} value={o.id}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <input
                        name={`l${i}.factor`}
                        aria-label={`Facteur d'émission de la ligne ${l.id}`}
                        inputMode="decimal"
                        defaultValue={v("factor", a?.factor?.replace(".", ","))}
                        disabled={!open}
                        style={{ width: "8em" }}
                      />
                      {a?.factorId != null ? <div className="small muted">issu de vos fichiers de facteurs</div> : null}
                    </td>
                    <td>
                      <select name={`l${i}.method`} aria-label={`Méthode du facteur de la ligne ${l.id}`} defaultValue={v("method", a?.method)} disabled={!open}>
                        <option value="">—</option>
                        {methods.map((m) => (
                          <option key={m.id} value={m.id}>
                            {m.label}
                          </option>
                        ))}
                      </select>
                      <input
                        name={`l${i}.referenceYear`}
                        aria-label={`Année de référence du facteur de la ligne ${l.id}`}
                        inputMode="numeric"
                        defaultValue={v("referenceYear", a?.referenceYear)}
                        disabled={!open}
                        style={{ width: "5em" }}
                      />
                      {l.quality ? <div className="small">qualité {l.quality.grade} ({l.quality.score}/100)</div> : null}
                    </td>
                    <td>
                      <input name={`l${i}.source`} aria-label={`Source du facteur de la ligne ${l.id}`} defaultValue={v("source", a?.source)} disabled={!open} />
                      <input name={`l${i}.verifiedBy`} aria-label={`Vérificateur du facteur de la ligne ${l.id}`} defaultValue={v("verifiedBy", a?.verifiedBy)} disabled={!open} />
                      <input type="hidden" name={`l${i}.uncertaintyPct`} value={v("uncertaintyPct", a?.uncertaintyPct)} />
                    </td>
                    <td className="num">
                      {l.amount ? `${frDecimal(l.amount)} €` : "—"}
                      <div className="small">{l.footprint ? `${frDecimal(l.footprint)} kgCO2e` : ""}</div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {open ? (
          <div className="actions">
            <button type="submit" className="button">
              Enregistrer le bordereau
            </button>
          </div>
        ) : null}
      </Form>
      {open ? (
        <CsvImportCard
          title="Importer le bordereau rempli (CSV)"
          inputId="filled-bill-file"
          description={
            <>
              Téléchargez le bordereau ci-dessus, remplissez-le dans un tableur et déposez-le ici. Mêmes conventions que les fichiers de facteurs (point-virgule,
              virgule décimale, UTF-8 ou Windows-1252). Taille maximale : {d.maxBytesLabel}. Le fichier est vérifié en entier : une seule erreur, rien n'est
              enregistré.
            </>
          }
          columns={<ColumnsList columns={answerColumnSpecs} />}
          outcome={result?.intent === "import" ? <CsvIssues errors={result.errors} warnings={result.warnings} /> : null}
        />
      ) : null}
    </>
  );
}
