import { Link } from "@remix-run/react";
import type { SupplierFactorsPage } from "~/carbon/factor-uploads.server";
import { uploadStatusLabels } from "~/carbon/report";

const statusBadge: Record<string, string> = { imported: "badge", rejected: "badge badge--danger", unreadable: "badge badge--danger" };

/** The supplier's factor-set versions, the latest first, with its PACT export. */
export function FactorVersions({ sets }: Pick<SupplierFactorsPage, "sets">) {
  const latest = sets[0];
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Versions de vos facteurs</h2>
      {sets.length === 0 ? (
        <p className="muted">Aucune version pour l'instant : déposez un fichier valide.</p>
      ) : (
        <>
          {latest ? (
            <p>
              Version en vigueur : <strong>v{latest.version}</strong> ({latest.count} facteurs).{" "}
              <a href={`/fournisseur/facteurs/versions/${latest.id}/pact.json`} download>
                Exporter au format PACT (JSON)
              </a>
            </p>
          ) : null}
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Date</th>
                <th scope="col">Facteurs</th>
                <th scope="col">Fichier</th>
                <th scope="col">Consultation</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/fournisseur/facteurs/versions/${s.id}`}>v{s.version}</Link>
                  </td>
                  <td>{s.createdAtLabel}</td>
                  <td>{s.count}</td>
                  <td>{s.fileName}</td>
                  <td>{s.tenderTitle ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** Every upload with its result and a link to its report. */
export function FactorUploads({ uploads }: Pick<SupplierFactorsPage, "uploads">) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Dépôts</h2>
      {uploads.length === 0 ? (
        <p className="muted">Aucun dépôt.</p>
      ) : (
        <table className="data" data-testid="uploads">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Fichier</th>
              <th scope="col">Résultat</th>
              <th scope="col">Lignes valides</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {uploads.map((u) => (
              <tr key={u.id}>
                <td>{u.createdAtLabel}</td>
                <td>
                  {u.fileName} <span className="muted small">({u.sizeLabel})</span>
                </td>
                <td>
                  <span className={statusBadge[u.status] ?? "badge"}>{uploadStatusLabels[u.status]}</span>
                  {u.version ? ` → v${u.version}` : null}
                </td>
                <td>
                  {u.validRows} / {u.rows}
                </td>
                <td>
                  <Link to={`/fournisseur/facteurs/depots/${u.id}`}>Rapport</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
