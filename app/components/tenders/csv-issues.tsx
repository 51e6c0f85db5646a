/** The refused lines of a CSV import (all or nothing), in French with line and column. */
export function CsvIssues({ errors, warnings }: { errors: { line: number; column: string; value?: string; message: string }[]; warnings: string[] }) {
  return (
    <>
      {errors.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p style={{ marginTop: 0 }}>Import refusé, rien n'a été importé :</p>
          <ol data-testid="csv-errors">
            {errors.map((e, i) => (
              <li key={i}>
                <strong>
                  ligne {e.line}
                  {e.column ? `, colonne ${e.column}` : ""}
                </strong>{" "}
                : {e.message}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="small muted">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
