import { formatNumber } from "~/carbon/labels";
import type { Scope3Page } from "~/carbon/scope3.server";
import { figureLabels } from "~/carbon/supplier-figures";

const t = (kg: number | null) => (kg === null ? "—" : `${formatNumber(Math.round(kg / 100) / 10)} t`);

/** Per supplier and year, the three figures side by side and the one the inventory uses (issue 18 §3). */
export function SupplierFiguresTable({ rows }: { rows: Scope3Page["supplierFigures"] }) {
  if (rows.length === 0) return null;
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Par fournisseur : trois estimations</h2>
      <p className="muted small">
        Règle de l'inventaire : le chiffre vérifié le plus spécifique d'abord (activité × facteurs du fournisseur, puis émissions allouées, chacun s'il couvre tous vos
        achats chez ce fournisseur), à défaut le plus spécifique non vérifié, à défaut dépense × ratio monétaire.
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="data" data-testid="supplier-figures">
          <thead>
            <tr>
              <th scope="col">Fournisseur</th>
              <th scope="col">Année</th>
              <th scope="col" className="num">
                Dépense × ratio monétaire
              </th>
              <th scope="col" className="num">
                Σ activité × facteurs du fournisseur
              </th>
              <th scope="col" className="num">
                Émissions allouées
              </th>
              <th scope="col">Retenu pour l'inventaire</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.supplierOrganisationId}-${r.year}`}>
                <td>{r.supplierName}</td>
                <td>{r.year}</td>
                <td className="num">{t(r.spendRatioKg)}</td>
                <td className="num">
                  {t(r.activityFactorsKg)}
                  {r.activityFactorsKg !== null ? (
                    <div className="small muted">
                      {r.supplierLines}/{r.lines} ligne{r.lines > 1 ? "s" : ""} · {r.activityVerified ? "facteurs vérifiés" : "facteurs non vérifiés"}
                    </div>
                  ) : null}
                </td>
                <td className="num">
                  {t(r.allocatedKg)}
                  {r.allocated ? (
                    <div className="small muted">
                      scopes 1+2 : {formatNumber(r.allocated.scope12T)} t ; amont : {r.allocated.scope3UpstreamT === null ? "non déclaré" : `${formatNumber(r.allocated.scope3UpstreamT)} t`} ·{" "}
                      {r.allocated.method} · {r.allocated.verification}
                      {r.allocated.uncertaintyPct !== null ? ` · ± ${formatNumber(r.allocated.uncertaintyPct)} %` : ""}
                    </div>
                  ) : null}
                </td>
                <td data-testid="figure-choice">
                  {r.choice.kind ? <strong>{figureLabels[r.choice.kind]}</strong> : "—"}
                  <div className="small muted">{r.choice.reason}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
