import { useState } from "react";
import type { PresentedClause } from "~/lib/clauses.server";

/** One clause template: text with its placeholders highlighted, buyer guidance, sources, copy. */
export function ClauseCard({ clause, headingLevel = 3 }: { clause: PresentedClause; headingLevel?: 2 | 3 }) {
  const [copied, setCopied] = useState<"idle" | "ok" | "error">("idle");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card clause" id={clause.id} aria-labelledby={`${clause.id}-title`}>
      <p className="small muted">
        <span className="qid">{clause.id}</span> · {clause.segmentLabel} · <span className="badge">{clause.kindLabel}</span>{" "}
        <span className="badge badge--warn">{clause.targetDocument}</span>
      </p>
      <Heading id={`${clause.id}-title`}>{clause.title}</Heading>
      <p className="clause__text">
        {clause.parts.map((part, i) =>
          part.kind === "text" ? (
            <span key={i}>{part.text}</span>
          ) : (
            <mark key={i} title={part.label} className="placeholder">
              {part.missing ? `[${part.label}]` : part.text}
            </mark>
          ),
        )}
      </p>
      <div className="actions no-print">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            navigator.clipboard
              .writeText(clause.plainText)
              .then(() => setCopied("ok"))
              .catch(() => setCopied("error"));
          }}
        >
          Copier la clause
        </button>
        <span role="status" className="small muted">
          {copied === "ok" ? "Clause copiée dans le presse-papiers." : copied === "error" ? "Copie impossible : sélectionnez le texte ci-dessous." : ""}
        </span>
      </div>
      <details className="no-print">
        <summary>Texte brut à sélectionner</summary>
        <textarea readOnly value={clause.plainText} aria-label={`Texte de la clause ${clause.id}`} rows={5} />
      </details>
      <h4>Conseil à l'acheteur</h4>
      <p>{clause.guidance}</p>
      <h4>Preuves attendues</h4>
      <ul>
        {clause.evidence.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      <p className="small muted">
        Source : {clause.source}
        {clause.legalBasis ? ` · Base légale : ${clause.legalBasis}` : ""} · Critères du guide : {clause.guideCriteria.join(", ")}
      </p>
    </article>
  );
}
