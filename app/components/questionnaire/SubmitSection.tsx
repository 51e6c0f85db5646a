import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf";

type Problems = { unanswered: string[]; incomplete: string[]; reused: string[] };

/**
 * « Vérification avant dépôt »: what still blocks the submission (the server's answer to a refused
 * submission, else the live check) and the submit button, enabled when the live check is `ready`.
 */
export function SubmitSection({
  ready,
  problems,
  version,
  readOnly,
  busy,
  unsaved,
}: {
  ready: boolean;
  problems: Problems;
  version: number;
  readOnly: boolean;
  busy: boolean;
  unsaved: boolean;
}) {
  return (
    <section className="card" id="depot" aria-labelledby="depot-titre">
      <h2 id="depot-titre" style={{ marginTop: 0 }}>
        Vérification avant dépôt
      </h2>
      {ready ? (
        <p>Toutes les questions ont une réponse complète.</p>
      ) : (
        <div className="q-check">
          <CheckList title="Questions sans réponse" ids={problems.unanswered} />
          <CheckList title="Réponses incomplètes (texte obligatoire à partir du niveau 2, justification de « non applicable »)" ids={problems.incomplete} />
          <CheckList title="Réponses reprises de la bibliothèque à confirmer" ids={problems.reused} />
        </div>
      )}
      {!readOnly ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="version" value={version} />
          <div className="actions">
            <button type="submit" name="intent" value="submit" className="button" disabled={busy || unsaved || !ready}>
              Déposer ma réponse
            </button>
            {unsaved ? <span className="muted small">Enregistrement en cours…</span> : null}
            <span className="muted small">Après le dépôt, la réponse est en lecture seule ; vous pourrez la retirer et la redéposer jusqu'à la date limite.</span>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

function CheckList({ title, ids }: { title: string; ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({ids.length})
      </h3>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <a href={`#q-${id}`}>{id}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
