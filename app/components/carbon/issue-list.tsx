import type { StoredReport } from "~/carbon/report";

function where(issue: { line?: number; column?: string }, kind: "csv" | "pact"): string {
  const parts: string[] = [];
  if (issue.line !== undefined && issue.line > 0) parts.push(kind === "pact" ? `empreinte ${issue.line}` : `ligne ${issue.line}`);
  if (issue.column) parts.push(`colonne ${issue.column}`);
  return parts.join(", ");
}

/** Every problem of a report, in French with line and column (« ligne 14, colonne valeur : … »). */
export function IssueList({ report }: { report: StoredReport }) {
  const hidden = report.errorCount - report.errors.length;
  return (
    <>
      {report.errors.length > 0 ? (
        <section aria-labelledby="errors-title">
          <h2 id="errors-title">
            {report.errorCount} erreur{report.errorCount > 1 ? "s" : ""} à corriger
          </h2>
          <ol className="issues" data-testid="factor-errors">
            {report.errors.map((e, i) => {
              const at = where(e, report.kind);
              return (
                <li key={i}>
                  {at ? <strong>{at}</strong> : null}
                  {at ? " : " : null}
                  {e.message}
                </li>
              );
            })}
          </ol>
          {hidden > 0 ? <p className="muted">… et {hidden} autres erreurs non détaillées : corrigez d'abord celles-ci.</p> : null}
        </section>
      ) : null}
      {report.warnings.length > 0 ? (
        <section aria-labelledby="warnings-title">
          <h2 id="warnings-title">Avertissements ({report.warnings.length})</h2>
          <p className="muted small">Ils n'empêchent pas l'import.</p>
          <ul>
            {report.warnings.map((w, i) => {
              const at = where(w, report.kind);
              return (
                <li key={i}>
                  {at ? <strong>{at}</strong> : null}
                  {at ? " : " : null}
                  {w.message}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
