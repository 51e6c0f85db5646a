import { Form } from "@remix-run/react";
import { actionStatusLabels, criterionMoveLabels, nextStatuses, type Side } from "~/campaigns/plan";
import { CsrfInput } from "~/components/csrf";
import { formatParis } from "~/lib/dates";
import { frNum } from "~/lib/format";
import { DebriefTable, RadarChart, type RadarAxis } from "./radar-chart";

type ActionView = {
  id: number;
  criterion: string;
  action: string;
  owner: string;
  dueDate: string;
  status: "proposed" | "agreed" | "in-progress" | "done" | "abandoned";
  baselineScore: number | null;
  agreedByBuyerAt: string | null;
  agreedBySupplierAt: string | null;
  history: { at: string; by: string; event: string; from: string | null; to: string | null; note: string }[];
};

type EarlierAction = { id: number; campaignTitle: string; criterion: string; action: string; status: ActionView["status"]; baselineScore: number | null; currentScore: number | null; move: keyof typeof criterionMoveLabels };

export type DebriefData = {
  campaign: { id: number; title: string };
  supplier: { name: string };
  evaluated: number;
  questionCount: number;
  axes: RadarAxis[];
  strength: string | null;
  priority: string | null;
  rule: string;
  previous: { id: number; title: string; publishedAt: string | null } | null;
  medianShown: boolean;
  actions: ActionView[];
  earlierActions: EarlierAction[];
};

export function DebriefView({ d }: { d: DebriefData }) {
  const title = (id: string | null) => d.axes.find((a) => a.id === id)?.title ?? "";
  const previousLabel = d.previous ? `${d.previous.title}${d.previous.publishedAt ? `, ${formatParis(d.previous.publishedAt, "numeric")}` : ""}` : null;
  return (
    <section className="card" aria-labelledby="radar-h">
      <h2 id="radar-h">Radar de maturité</h2>
      {d.evaluated < d.questionCount ? (
        <p className="alert alert--info">
          {d.evaluated} réponses évaluées sur {d.questionCount} : seules les réponses évaluées comptent.
        </p>
      ) : null}
      <div className="radar-layout">
        <RadarChart axes={d.axes} previousLabel={previousLabel} showMedian={d.medianShown} />
        <div>
          <p>
            <strong>Axe fort à consolider :</strong> {d.strength ? title(d.strength) : "aucun critère évalué"}.
            <br />
            <strong>Axe prioritaire de progrès :</strong> {d.priority ? title(d.priority) : "aucun (notes toutes égales ou un seul critère évalué)"}.
          </p>
          <p className="small">Règle : {d.rule}</p>
          {!d.medianShown ? <p className="small muted">La médiane du panel n'est montrée qu'à partir de 5 fournisseurs évalués, pour ne rien révéler d'un autre fournisseur.</p> : null}
        </div>
      </div>
      <DebriefTable axes={d.axes} strength={d.strength} priority={d.priority} hasPrevious={d.previous !== null} showMedian={d.medianShown} />
    </section>
  );
}

export function PlanSection({ d, side, errors }: { d: DebriefData; side: Side; errors?: Record<string, string[]> | null }) {
  const title = (id: string) => d.axes.find((a) => a.id === id)?.title ?? id;
  return (
    <>
      {d.earlierActions.length > 0 ? (
        <section className="card" aria-labelledby="earlier-h">
          <h2 id="earlier-h">Actions des campagnes précédentes : le critère a-t-il bougé ?</h2>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Campagne</th>
                <th scope="col">Critère</th>
                <th scope="col">Action</th>
                <th scope="col">Statut</th>
                <th scope="col" className="num">
                  Note alors
                </th>
                <th scope="col" className="num">
                  Note aujourd'hui
                </th>
                <th scope="col">Évolution</th>
              </tr>
            </thead>
            <tbody>
              {d.earlierActions.map((a) => (
                <tr key={a.id}>
                  <td>{a.campaignTitle}</td>
                  <td>{title(a.criterion)}</td>
                  <td>{a.action}</td>
                  <td>{actionStatusLabels[a.status]}</td>
                  <td className="num">{a.baselineScore === null ? "—" : frNum(a.baselineScore, 1)}</td>
                  <td className="num">{a.currentScore === null ? "—" : frNum(a.currentScore, 1)}</td>
                  <td>
                    <span className={a.move === "up" ? "badge" : a.move === "down" ? "badge badge--danger" : "badge badge--warn"}>{criterionMoveLabels[a.move]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card" aria-labelledby="plan-h">
        <h2 id="plan-h">Plan de progrès</h2>
        <p className="small muted">
          Chaque action est convenue par les deux parties (acheteur et fournisseur) ; le fournisseur en suit l'avancement avec une preuve. Toute
          modification est tracée.
        </p>
        {d.actions.length === 0 ? <p className="muted">Aucune action pour l'instant.</p> : null}
        {d.actions.map((a) => {
          const mineAgreed = side === "buyer" ? a.agreedByBuyerAt : a.agreedBySupplierAt;
          const next = nextStatuses(a.status, side);
          return (
            <article key={a.id} className="plan-action" aria-label={`Action ${a.action}`}>
              <h3>
                {title(a.criterion)} — {a.action}
              </h3>
              <p>
                Responsable : {a.owner} · échéance : {a.dueDate.split("-").reverse().join("/")} · statut : <strong>{actionStatusLabels[a.status]}</strong>
                {a.status === "proposed" ? ` (acheteur : ${a.agreedByBuyerAt ? "d'accord" : "en attente"} ; fournisseur : ${a.agreedBySupplierAt ? "d'accord" : "en attente"})` : ""}
              </p>
              {a.status === "proposed" && !mineAgreed ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="actionId" value={a.id} />
                  <button type="submit" name="intent" value="agree" className="button">
                    Convenir de cette action
                  </button>
                </Form>
              ) : null}
              {next.length > 0 ? (
                <Form method="post" className="plan-status">
                  <CsrfInput />
                  <input type="hidden" name="actionId" value={a.id} />
                  <label>
                    Nouveau statut
                    <select name="to">
                      {next.map((s) => (
                        <option key={s} value={s}>
                          {actionStatusLabels[s]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Preuve ou raison (lien et page, document, explication)
                    <textarea name="note" rows={2} maxLength={2000} />
                  </label>
                  <button type="submit" name="intent" value="status" className="button button--secondary">
                    Mettre à jour
                  </button>
                </Form>
              ) : null}
              {a.history.length > 0 ? (
                <details>
                  <summary>Historique ({a.history.length})</summary>
                  <ul className="small">
                    {a.history.map((h, i) => (
                      <li key={i}>
                        {formatParis(h.at, "numeric")} — {h.by} : {h.event === "propose" ? "proposition" : h.event === "agree" ? "accord" : "statut"}
                        {h.to ? ` → ${actionStatusLabels[h.to as ActionView["status"]] ?? h.to}` : ""}
                        {h.note && h.event !== "propose" ? ` — « ${h.note} »` : ""}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </article>
          );
        })}
        <h3>Proposer une action</h3>
        {errors ? (
          <div className="alert alert--error" role="alert">
            {Object.values(errors)
              .flat()
              .map((m) => (
                <p key={m}>{m}</p>
              ))}
          </div>
        ) : null}
        <Form method="post" className="plan-form">
          <CsrfInput />
          <label>
            Critère
            <select name="criterion" defaultValue={d.priority ?? ""}>
              {d.axes.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.number}. {a.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Action
            <textarea name="action" rows={2} required minLength={5} maxLength={2000} />
          </label>
          <label>
            Responsable
            <input name="owner" required maxLength={200} />
          </label>
          <label>
            Échéance
            <input name="dueDate" type="date" required />
          </label>
          <button type="submit" name="intent" value="propose" className="button">
            Proposer l'action
          </button>
        </Form>
      </section>
    </>
  );
}
