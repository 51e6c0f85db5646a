import type { AnswerDraft } from "~/responses/schemas";
import { formatParis } from "~/lib/dates";
import { levelLabel, type ConflictView } from "~/responses/questionnaire-view";

function Value({ a }: { a: AnswerDraft }) {
  if (a.notApplicable)
    return (
      <>
        <p>Non applicable</p>
        <pre>{a.notApplicableReason || "(sans justification)"}</pre>
      </>
    );
  return (
    <>
      <p>Niveau : {levelLabel(a.level)}</p>
      <pre>{a.text || "(pas de texte)"}</pre>
    </>
  );
}

/**
 * Shown when a colleague saved since this page loaded: their value and ours per question, and a
 * choice (keep mine / take theirs) where both changed. Radios are named `resolve.<id>` so that
 * the choice also reaches the server when the page is used without JavaScript.
 */
export function ConflictPanel({ conflict, questionText, onApply, readOnly }: { conflict: ConflictView; questionText: (id: string) => string; onApply?: () => void; readOnly: boolean }) {
  return (
    <section className="q-conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title" style={{ marginTop: 0 }}>
        Un collègue a modifié cette réponse pendant que vous la complétiez
      </h2>
      <p>Rien n'a été écrasé : vos modifications n'ont pas encore été enregistrées. Choisissez, question par question, la version à garder, puis enregistrez.</p>
      {conflict.items.map((item) => (
        <div className="q-conflict__item" key={item.questionId}>
          <p>
            <a href={`#q-${item.questionId}`} className="qid">
              {item.questionId}
            </a>{" "}
            {questionText(item.questionId)}
            <br />
            <span className="muted small">
              Modifiée par {item.by} à {formatParis(item.at, "time")}
            </span>
          </p>
          <div className="q-conflict__cols">
            <div>
              <strong>Sa version</strong>
              <Value a={item.theirs} />
            </div>
            <div>
              <strong>Votre version</strong>
              <Value a={item.mine} />
            </div>
          </div>
          {item.mineChanged ? (
            <fieldset className="actions" style={{ border: "none", padding: 0, margin: ".25rem 0 0" }}>
              <legend className="sr-only">Version à garder pour {item.questionId}</legend>
              <label>
                <input type="radio" name={`resolve.${item.questionId}`} value="mine" defaultChecked style={{ width: "auto" }} /> Garder ma version
              </label>
              <label>
                <input type="radio" name={`resolve.${item.questionId}`} value="theirs" style={{ width: "auto" }} /> Prendre sa version
              </label>
            </fieldset>
          ) : (
            <p className="muted small">Vous n'aviez pas modifié cette question : sa version est reprise.</p>
          )}
        </div>
      ))}
      {!readOnly ? (
        <div className="actions">
          <button
            type="submit"
            name="intent"
            value="save"
            className="button"
            onClick={
              onApply
                ? (e) => {
                    e.preventDefault();
                    onApply();
                  }
                : undefined
            }
          >
            Appliquer mes choix et enregistrer
          </button>
        </div>
      ) : null}
    </section>
  );
}
