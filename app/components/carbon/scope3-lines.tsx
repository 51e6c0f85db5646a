import { Form } from "@remix-run/react";
import { formatNumber } from "~/carbon/labels";
import type { Scope3Page } from "~/carbon/scope3.server";
import { CsrfInput } from "~/components/csrf";

const n = (v: number | null) => (v === null ? "—" : formatNumber(v));
const kg = (v: number | null) => (v === null ? "—" : `${formatNumber(Math.round(v))} kg`);

/** Every activity line with both estimates and its delete button (the year filter is kept). */
export function Scope3Lines({ lines, yearQuery }: { lines: Scope3Page["lines"]; yearQuery: string }) {
  if (lines.length === 0) return null;
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Lignes ({lines.length})</h2>
      <div style={{ overflowX: "auto" }}>
        <table className="data" data-testid="scope3-lines">
          <thead>
            <tr>
              <th scope="col">Fournisseur</th>
              <th scope="col">Année</th>
              <th scope="col">Catégorie</th>
              <th scope="col">Segment · libellé</th>
              <th scope="col" className="num">
                Dépense (k€ HT)
              </th>
              <th scope="col" className="num">
                Quantité
              </th>
              <th scope="col" className="num">
                Avec facteurs fournisseurs
              </th>
              <th scope="col" className="num">
                Ratios monétaires seuls
              </th>
              <th scope="col" className="num">
                Différence
              </th>
              <th scope="col">Supprimer</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.id}>
                <td>{l.supplierName}</td>
                <td>{l.year}</td>
                <td>{l.ghgCategory}</td>
                <td>
                  {l.segment}
                  {l.item ? ` · ${l.item}` : ""}
                  <div className="small muted">{l.note}</div>
                  {l.conversions.map((c) => (
                    <div key={c} className="small muted" data-testid="year-conversion">
                      {c}
                    </div>
                  ))}
                </td>
                <td className="num">{n(l.spendKEur)}</td>
                <td className="num">{l.quantity === null ? "—" : `${formatNumber(l.quantity)} ${l.unitLabel}`}</td>
                <td className="num">
                  {kg(l.specificKg)}
                  <div className="small muted">{l.basisLabel}</div>
                </td>
                <td className="num">{kg(l.monetaryKg)}</td>
                <td className="num">{kg(l.differenceKg)}</td>
                <td>
                  <Form method="post" action={`/rse/scope3${yearQuery}`}>
                    <CsrfInput />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="id" value={l.id} />
                    <button type="submit" className="button button--link" aria-label={`Supprimer la ligne ${l.supplierName} ${l.item || l.segment}`}>
                      Supprimer
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
