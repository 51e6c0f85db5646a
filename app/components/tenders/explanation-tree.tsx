import type { SupplierExplanation } from "#scoring";
import { frNum } from "~/lib/format";

const statusLabel = { answered: "", unanswered: "sans réponse", "not-applicable": "sans objet" } as const;

/**
 * From the total down to each answer's points (scoring `explain`). `price.lowestPrice` /
 * `highestPrice` are optional so the supplier-side debrief can omit other suppliers' prices.
 */
export function ExplanationTree({
  explanation,
  criteria,
  topics,
  open = false,
}: {
  explanation: Omit<SupplierExplanation, "price"> & { price: Omit<SupplierExplanation["price"], "lowestPrice" | "highestPrice"> & { lowestPrice?: number; highestPrice?: number } };
  criteria: { id: string; title: string }[];
  topics: Record<string, string>;
  /** Unfolded criteria (printable report). */
  open?: boolean;
}) {
  const e = explanation;
  const title = (id: string) => criteria.find((c) => c.id === id)?.title ?? id;
  return (
    <div className="explanation">
      <p>
        <strong>Note totale : {frNum(e.total)} / 100</strong> — rang {e.rank}
      </p>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Partie</th>
            <th scope="col" className="num">
              Note /100
            </th>
            <th scope="col" className="num">
              Points obtenus
            </th>
            <th scope="col" className="num">
              Points possibles
            </th>
            <th scope="col" className="num">
              Points perdus
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              Prix ({e.price.method === "linear" ? "méthode linéaire" : "méthode proportionnelle"})
            </th>
            <td className="num">{frNum(e.price.score)}</td>
            <td className="num">{frNum(e.price.points)}</td>
            <td className="num">{frNum(e.price.share)}</td>
            <td className="num">{frNum(e.price.pointsLost)}</td>
          </tr>
          <tr>
            <th scope="row">Valeur technique</th>
            <td className="num">{frNum(e.technical.score)}</td>
            <td className="num">{frNum(e.technical.points)}</td>
            <td className="num">{frNum(e.technical.share)}</td>
            <td className="num">{frNum(e.technical.pointsLost)}</td>
          </tr>
          <tr>
            <th scope="row">RSE (maturité numérique responsable)</th>
            <td className="num">{frNum(e.rse.score)}</td>
            <td className="num">{frNum(e.rse.points)}</td>
            <td className="num">{frNum(e.rse.share)}</td>
            <td className="num">{frNum(e.rse.pointsLost)}</td>
          </tr>
        </tbody>
      </table>
      <h3>Détail RSE par critère et par réponse</h3>
      {e.rse.criteria.map((c) => (
        <details key={c.id} className="explanation__criterion" open={open}>
          <summary>
            {title(c.id)} — {c.included ? `${frNum(c.score)} / 100, ${frNum(c.points)} pts sur ${frNum(c.markShare)}` : "sans objet (non compté)"}
          </summary>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Niveau retenu</th>
                <th scope="col" className="num">
                  Points
                </th>
                <th scope="col" className="num">
                  Sur
                </th>
                <th scope="col" className="num">
                  Perdus
                </th>
              </tr>
            </thead>
            <tbody>
              {c.questions.map((q) => (
                <tr key={q.id}>
                  <td>
                    <span className="qid">{q.id}</span> {topics[q.id] ?? ""}
                  </td>
                  <td>{q.level ?? statusLabel[q.status]}</td>
                  <td className="num">{frNum(q.points)}</td>
                  <td className="num">{frNum(q.markShare)}</td>
                  <td className="num">{frNum(q.pointsLost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
