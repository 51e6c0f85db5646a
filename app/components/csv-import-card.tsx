import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf";

type Column = { name: string; french: string; required: boolean; description: string };

/**
 * The card every all-or-nothing CSV import of the portal shows (bill of quantities, filled bill,
 * scope 3 activities): what the file must look like, its columns, the outcome of the last import,
 * and a plain multipart form posting `intent=import` and `file` (works without JavaScript).
 */
export function CsvImportCard({ title, inputId, description, columns, outcome }: { title: string; inputId: string; description: ReactNode; columns: ReactNode; outcome: ReactNode }) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      <p>{description}</p>
      <details>
        <summary>Colonnes</summary>
        {columns}
      </details>
      {outcome}
      <Form method="post" encType="multipart/form-data" className="actions">
        <CsrfInput />
        <input type="hidden" name="intent" value="import" />
        <label htmlFor={inputId}>Fichier CSV</label>
        <input id={inputId} type="file" name="file" accept=".csv,text/csv" style={{ width: "auto" }} />
        <button type="submit" className="button button--secondary">
          Importer
        </button>
      </Form>
    </section>
  );
}

/** A CSV's columns as a short list: French header, required or not, content. */
export function ColumnsList({ columns }: { columns: readonly Column[] }) {
  return (
    <ul className="small">
      {columns.map((c) => (
        <li key={c.name}>
          <code>{c.french}</code>
          {c.required ? " (obligatoire)" : ""} : {c.description}
        </li>
      ))}
    </ul>
  );
}
