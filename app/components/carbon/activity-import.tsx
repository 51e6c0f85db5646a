import { Form } from "@remix-run/react";
import { activityColumnSpecs } from "~/carbon/activity-csv";
import { CsrfInput } from "~/components/csrf";
import { frCount } from "~/lib/format";
import { ColumnsTable } from "./columns-table";

export type ActivityImportResult =
  | { intent: "import"; ok: false; errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[]; formError?: string }
  | { intent: "import"; ok: true; imported: number; warnings: string[] };

/** Import of an activity CSV (all or nothing), with its template, its columns and every refused line. */
export function ActivityImport({ maxBytesLabel, result }: { maxBytesLabel: string; result: ActivityImportResult | null }) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Importer un fichier CSV</h2>
      <p>
        <a href="/rse/scope3/modele.csv" download>
          Télécharger le modèle
        </a>
        . Mêmes conventions que les fichiers de facteurs (point-virgule ou virgule, virgule décimale, UTF-8 ou Windows-1252). Taille maximale : {maxBytesLabel}.
        Le fichier est vérifié en entier : une seule erreur, rien n'est importé.
      </p>
      <details>
        <summary>Colonnes</summary>
        <ColumnsTable columns={activityColumnSpecs} />
        <p className="small muted">Une dépense, une quantité avec son unité, ou les deux.</p>
      </details>
      {result && result.intent === "import" ? (
        result.ok ? (
          <p className="alert alert--info" role="status">
            {frCount(result.imported, "ligne importée", "lignes importées")}.
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
  );
}
