import { activityColumnSpecs } from "~/carbon/activity-csv";
import { CsvImportCard } from "~/components/csv-import-card";
import { CsvIssues } from "~/components/tenders/csv-issues";
import { frCount } from "~/lib/format";
import { ColumnsTable } from "./columns-table";

export type ActivityImportResult =
  | { intent: "import"; ok: false; errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[]; formError?: string }
  | { intent: "import"; ok: true; imported: number; warnings: string[] };

/** Import of an activity CSV (all or nothing), with its template, its columns and every refused line. */
export function ActivityImport({ maxBytesLabel, result }: { maxBytesLabel: string; result: ActivityImportResult | null }) {
  return (
    <CsvImportCard
      title="Importer un fichier CSV"
      inputId="activity-file"
      description={
        <>
          <a href="/rse/scope3/modele.csv" download>
            Télécharger le modèle
          </a>
          . Mêmes conventions que les fichiers de facteurs (point-virgule ou virgule, virgule décimale, UTF-8 ou Windows-1252). Taille maximale : {maxBytesLabel}.
          Le fichier est vérifié en entier : une seule erreur, rien n'est importé.
        </>
      }
      columns={
        <>
          <ColumnsTable columns={activityColumnSpecs} />
          <p className="small muted">Une dépense, une quantité avec son unité, ou les deux.</p>
        </>
      }
      outcome={
        result && result.intent === "import" ? (
          result.ok ? (
            <p className="alert alert--info" role="status">
              {frCount(result.imported, "ligne importée", "lignes importées")}.
            </p>
          ) : (
            <CsvIssues errors={result.errors} warnings={result.warnings} />
          )
        ) : null
      }
    />
  );
}
