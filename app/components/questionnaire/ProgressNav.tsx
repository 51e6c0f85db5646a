import { percent, type Progress } from "~/responses/progress";

/** The questionnaire's side navigation: overall and per-criterion progress, and the save status. */
export function ProgressNav({
  criteria,
  progress,
  saveStatus,
  saveProblem,
}: {
  criteria: { id: string; number: number; title: string }[];
  progress: Progress;
  saveStatus: string;
  saveProblem: boolean;
}) {
  return (
    <nav className="q-nav" aria-label="Critères du questionnaire">
      <strong>
        Avancement : {progress.complete}/{progress.total} ({percent(progress.complete, progress.total)} %)
      </strong>
      <div className="q-bar" aria-hidden="true">
        <span style={{ width: `${percent(progress.complete, progress.total)}%` }} />
      </div>
      <ol>
        {criteria.map((c) => {
          const p = progress.byCriterion[c.id] ?? { complete: 0, total: 0 };
          return (
            <li key={c.id}>
              <a href={`#critere-${c.id}`}>
                {c.number}. {c.title}
              </a>{" "}
              <span className="muted small">
                {p.complete}/{p.total}
              </span>
              <div className="q-bar" aria-hidden="true">
                <span style={{ width: `${percent(p.complete, p.total)}%` }} />
              </div>
            </li>
          );
        })}
      </ol>
      <a href="#depot">Vérifier et déposer</a>
      <p className={`q-status${saveProblem ? " q-status--error" : ""}`} role="status" aria-live="polite" data-testid="save-status">
        {saveStatus}
      </p>
    </nav>
  );
}
