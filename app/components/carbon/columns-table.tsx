import type { ReactNode } from "react";

type Column = { name: string; french: string; required: boolean; description: string };

/** The columns of a CSV the portal accepts: French header (and English one when asked), required or not, content. */
export function ColumnsTable({ columns, englishNames = false, caption }: { columns: readonly Column[]; englishNames?: boolean; caption?: ReactNode }) {
  return (
    <table className="data">
      {caption ? (
        <caption className="muted small" style={{ textAlign: "left" }}>
          {caption}
        </caption>
      ) : null}
      <thead>
        <tr>
          <th scope="col">Colonne</th>
          {englishNames ? <th scope="col">Nom anglais</th> : null}
          <th scope="col">Obligatoire</th>
          <th scope="col">Contenu</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr key={c.name}>
            <td>
              <code>{c.french}</code>
            </td>
            {englishNames ? (
              <td>
                <code>{c.name}</code>
              </td>
            ) : null}
            <td>{c.required ? "oui" : "non"}</td>
            <td>{c.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
