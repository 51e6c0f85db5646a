import { Link } from "@remix-run/react";
import type { ChecklistItem, ChecklistStatus } from "~/tenders/publish-checklist.server";

const statusText: Record<ChecklistStatus, string> = { ok: "Prêt", todo: "À faire", info: "À savoir" };
const statusBadge: Record<ChecklistStatus, string> = { ok: "badge", todo: "badge badge--warn", info: "badge badge--info" };

/** The publish page's checklist (view model: app/tenders/publish-checklist.server.ts). */
export function PublishChecklist({ items }: { items: ChecklistItem[] }) {
  return (
    <section className="card" aria-labelledby="checklist-title" data-testid="publish-checklist">
      <h2 id="checklist-title">Avant de publier</h2>
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.id} className={`checklist__item checklist__item--${item.status}`} data-item={item.id} data-status={item.status}>
            <span className={statusBadge[item.status]}>{statusText[item.status]}</span>
            <div>
              <strong>{item.title}</strong>
              <p>{item.detail}</p>
              {item.action ? <Link to={item.action.href}>{item.action.label}</Link> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The explicit choice of when evaluation opens, inside the publish form (no JavaScript needed):
 * the default is the one saved with the draft, shown checked.
 */
export function EvaluationOpensChoice({ early, deadlineLabel }: { early: boolean; deadlineLabel: string }) {
  return (
    <fieldset>
      <legend>Quand l'évaluation des réponses s'ouvre-t-elle ?</legend>
      <label className="check">
        <input type="radio" name="evaluationOpens" value="deadline" defaultChecked={!early} required /> À la date limite, le {deadlineLabel} : personne
        ne voit les réponses avant
      </label>
      <label className="check">
        <input type="radio" name="evaluationOpens" value="on-submission" defaultChecked={early} /> Dès le dépôt de chaque réponse : les évaluateurs
        commencent sans attendre la date limite
      </label>
    </fieldset>
  );
}
