import { Link } from "@remix-run/react";
import { percent } from "~/responses/progress";
import type { SectionSummary } from "~/responses/questionnaire-view";

/**
 * The questionnaire's side navigation: overall and per-section progress, and the save status.
 * While the answer can be edited, each section is a submit button of the questionnaire form
 * (`go=section:<id>`): leaving for another section saves this one first, with or without
 * JavaScript. Read-only, they are plain links.
 */
export function ProgressNav({
  tenderId,
  sections,
  currentId,
  editable,
  saveStatus,
  saveProblem,
}: {
  tenderId: number;
  sections: SectionSummary[];
  currentId: string;
  editable: boolean;
  saveStatus: string;
  saveProblem: boolean;
}) {
  const total = sections.reduce((n, s) => n + s.total, 0);
  const complete = sections.reduce((n, s) => n + s.complete, 0);
  const base = `/fournisseur/consultations/${tenderId}`;
  return (
    <nav className="q-nav" aria-label="Sections du questionnaire">
      <strong>
        Avancement : {complete}/{total} ({percent(complete, total)} %)
      </strong>
      <div className="q-bar" aria-hidden="true">
        <span style={{ width: `${percent(complete, total)}%` }} />
      </div>
      <ol>
        {sections.map((s) => {
          const current = s.id === currentId;
          const label = `${s.number}. ${s.title}`;
          return (
            <li key={s.id} className={current ? "q-nav__current" : undefined}>
              {current ? (
                <span aria-current="page">{label}</span>
              ) : editable ? (
                <button type="submit" form="questionnaire" name="go" value={`section:${s.id}`} className="button--link q-nav__go">
                  {label}
                </button>
              ) : (
                <Link to={`${base}/sections/${s.id}`}>{label}</Link>
              )}{" "}
              <span className="muted small">
                {s.complete}/{s.total}
                <span className="sr-only"> réponses complètes</span>
              </span>
              <div className="q-bar" aria-hidden="true">
                <span style={{ width: `${percent(s.complete, s.total)}%` }} />
              </div>
            </li>
          );
        })}
      </ol>
      {editable ? (
        <button type="submit" form="questionnaire" name="go" value="review" className="button--link q-nav__go">
          Vérifier et déposer
        </button>
      ) : (
        <Link to={`${base}/verification`}>Vérifier et déposer</Link>
      )}
      <p className={`q-status${saveProblem ? " q-status--error" : ""}`} role="status" aria-live="polite" data-testid="save-status">
        {saveStatus}
      </p>
    </nav>
  );
}
