import { formatTonnes } from "~/carbon/labels";
import { frCount } from "~/lib/format";
import type { Scope3Page } from "~/carbon/scope3.server";

/** Totals per scope 3 category, supplier factors beside monetary ratios, and the matching rule. */
export function Scope3Totals({ byCategory, total }: Pick<Scope3Page, "byCategory" | "total">) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Totaux par catégorie du scope 3</h2>
      {byCategory.length === 0 ? (
        <p className="muted">Aucune donnée d'activité : saisissez une ligne ou importez un fichier ci-dessous.</p>
      ) : (
        <table className="data" data-testid="scope3-totals">
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col" className="num">
                Avec facteurs fournisseurs
              </th>
              <th scope="col" className="num">
                Ratios monétaires seuls
              </th>
              <th scope="col" className="num">
                Différence
              </th>
              <th scope="col" className="num">
                Part issue de facteurs fournisseurs
              </th>
              <th scope="col">Lignes</th>
            </tr>
          </thead>
          <tbody>
            {byCategory.map((c) => (
              <tr key={c.ghgCategory}>
                <td>{c.label}</td>
                <td className="num">{formatTonnes(c.specificKg)}</td>
                <td className="num">{formatTonnes(c.monetaryKg)}</td>
                <td className="num">{formatTonnes(c.differenceKg)}</td>
                <td className="num">{c.specificKg > 0 ? `${Math.round((100 * c.supplierFactorKg) / c.specificKg)} %` : "—"}</td>
                <td>
                  {c.lines}
                  {c.notEstimated ? <div className="small muted">{frCount(c.notEstimated, "ligne non estimée", "lignes non estimées")}</div> : null}
                  {c.noMonetary ? <div className="small muted">{c.noMonetary} sans ratio monétaire (pas de dépense)</div> : null}
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">Total</th>
              <td className="num">
                <strong>{formatTonnes(total.specificKg)}</strong>
              </td>
              <td className="num">
                <strong>{formatTonnes(total.monetaryKg)}</strong>
              </td>
              <td className="num">
                <strong>{formatTonnes(total.differenceKg)}</strong>
              </td>
              <td className="num">{total.specificKg > 0 ? `${Math.round((100 * total.supplierFactorKg) / total.specificKg)} %` : "—"}</td>
              <td>{total.lines}</td>
            </tr>
          </tbody>
        </table>
      )}
      <details>
        <summary>Règle de correspondance des facteurs</summary>
        <ul className="small">
          <li>On cherche un facteur dans la dernière version des facteurs du fournisseur de la ligne, du même segment d'achat, de la même catégorie GHG (ou sans catégorie).</li>
          <li>
            L'unité doit être compatible : l'unité de la quantité (unité, kWh, Go.mois…) pour une quantité ; k€ pour une dépense. La quantité est essayée d'abord,
            puis la dépense.
          </li>
          <li>
            Parmi ces facteurs, celui dont le libellé est identique à celui de la ligne (majuscules, accents et espaces ignorés) ; à défaut, le facteur s'il est seul.
            Plusieurs facteurs possibles sans libellé identique : pas de correspondance (précisez le libellé).
          </li>
          <li>
            Sans facteur fournisseur : repli sur la dépense × le ratio monétaire de référence du segment, à défaut de la catégorie. Une quantité sans dépense ni
            facteur n'est pas estimée.
          </li>
          <li>Les euros ne sont pas corrigés de l'inflation entre l'année des achats et celle du facteur ou du ratio.</li>
        </ul>
      </details>
    </section>
  );
}
