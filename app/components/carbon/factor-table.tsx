import { Link } from "@remix-run/react";
import type { FactorView } from "~/carbon/labels";
import { formatNumber } from "~/carbon/labels";

const gradeClass: Record<string, string> = { A: "badge", B: "badge", C: "badge badge--warn", D: "badge badge--warn", E: "badge badge--danger" };

export function QualityBadge({ quality }: { quality: FactorView["quality"] }) {
  return (
    <details>
      <summary>
        <span className={gradeClass[quality.grade] ?? "badge"} title={`Score ${quality.score}/100`}>
          {quality.grade}
        </span>{" "}
        <span className="small">{quality.score}/100</span>
      </summary>
      <ul className="small">
        {quality.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </details>
  );
}

export function PlausibilityCell({ plausibility }: { plausibility: FactorView["plausibility"] }) {
  if (plausibility.flagged) {
    return (
      <span>
        <span className="badge badge--danger">à vérifier</span>
        <div className="small">{plausibility.message}</div>
      </span>
    );
  }
  if (!plausibility.comparable) {
    return (
      <span className="small muted" title={plausibility.message}>
        non comparable (pas en k€)
      </span>
    );
  }
  return <span className="small">{plausibility.message}</span>;
}

/** Factors with normalised and original values, quality and plausibility. */
export function FactorTable({ rows, supplierNames }: { rows: FactorView[]; supplierNames?: Record<number, string> }) {
  if (rows.length === 0) return <p className="muted">Aucun facteur.</p>;
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="data" data-testid="factor-table">
        <thead>
          <tr>
            {supplierNames ? <th scope="col">Fournisseur</th> : null}
            <th scope="col">Facteur</th>
            <th scope="col" className="num">
              Valeur normalisée
            </th>
            <th scope="col">Méthode</th>
            <th scope="col">Qualité</th>
            <th scope="col" style={{ minWidth: "12rem" }}>
              Plausibilité
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.id}>
              {supplierNames ? <td>{supplierNames[f.setId] ?? ""}</td> : null}
              <td>
                {f.item}
                <div className="small muted">
                  {f.segmentLabel} · catégorie {f.ghgCategory ?? "non renseignée"} · ligne {f.line}
                </div>
                {f.verifiedBy ? <div className="small muted">vérifié par {f.verifiedBy}</div> : null}
                {f.source ? <div className="small muted">source : {f.source}</div> : null}
                {Object.keys(f.extra).length > 0 ? (
                  <div className="small muted">
                    {Object.entries(f.extra)
                      .map(([k, v]) => `${k} : ${v}`)
                      .join(" · ")}
                  </div>
                ) : null}
              </td>
              <td className="num" style={{ whiteSpace: "nowrap" }}>
                <strong>
                  {formatNumber(f.valueKgPerUnit, 4)} {f.kgUnit}
                </strong>
                <div className="small muted">
                  saisi : {formatNumber(f.value, 4)} {f.unit}
                  {f.uncertaintyPct !== null ? ` ± ${formatNumber(f.uncertaintyPct)} %` : ""}
                </div>
              </td>
              <td className="small">
                {f.methodLabel}
                <div className="muted">
                  {f.referenceYear}
                  {f.accounting ? ` · ${f.accounting}` : ""}
                </div>
              </td>
              <td>
                <QualityBadge quality={f.quality} />
              </td>
              <td>
                <PlausibilityCell plausibility={f.plausibility} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Previous / next links keeping the other query parameters (works without JavaScript). */
export function Pagination({ page, pages, total, search }: { page: number; pages: number; total: number; search: string }) {
  if (pages <= 1) return <p className="muted small">{total} facteur{total > 1 ? "s" : ""}</p>;
  const href = (p: number) => {
    const params = new URLSearchParams(search);
    params.set("page", String(p));
    return `?${params.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="actions">
      <span className="muted small">
        {total} facteurs — page {page} sur {pages}
      </span>
      {page > 1 ? <Link to={href(page - 1)}>← Page précédente</Link> : null}
      {page < pages ? <Link to={href(page + 1)}>Page suivante →</Link> : null}
    </nav>
  );
}
