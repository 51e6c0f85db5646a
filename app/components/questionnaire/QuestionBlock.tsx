import { useFetcher } from "@remix-run/react";
import { memo } from "react";
import { useFormContext, useWatch, type FieldErrors } from "react-hook-form";
import { CsrfInput } from "~/components/csrf";
import type { AnswerFormValues, QuestionnaireFormValues } from "~/responses/schemas";
import { ACCEPT_ATTRIBUTE } from "~/responses/uploads";
import { formatBytes } from "~/lib/format";
import type { FileView, QuestionView } from "~/responses/questionnaire-view";

type FilesActionData = { intent?: string; ok?: boolean; error?: string; questionId?: string };

export const filesFetcherKey = (questionId: string) => `files-${questionId}`;
export const filesFormId = (questionId: string) => `files-${questionId}`;

/**
 * One question: level with descriptors, answer text, « non applicable » with its reason, reused
 * badge with its confirm button, evidence files. The inputs are react-hook-form fields; they also
 * carry their saved values as HTML defaults so that the page works without JavaScript.
 */
export const QuestionBlock = memo(function QuestionBlock({
  question,
  initial,
  files,
  readOnly,
  serverProblems,
  onConfirm,
}: {
  question: QuestionView;
  initial: AnswerFormValues;
  files: FileView[];
  readOnly: boolean;
  serverProblems: string[] | undefined;
  onConfirm: (questionId: string) => void;
}) {
  const { register, formState } = useFormContext<QuestionnaireFormValues>();
  const base = `answers.${question.id}` as const;
  const value = useWatch<QuestionnaireFormValues>({ name: base }) as AnswerFormValues | undefined;
  const reused = value?.reused ?? initial.reused;
  const errors = (formState.errors as FieldErrors<QuestionnaireFormValues>).answers?.[question.id];
  const filesFetcher = useFetcher<FilesActionData>({ key: filesFetcherKey(question.id) });
  const uploading = filesFetcher.state !== "idle";
  const fileError = filesFetcher.data && filesFetcher.data.ok === false ? filesFetcher.data.error : undefined;
  const textError = errors?.text?.message ?? serverProblems?.find((p) => p.includes("obligatoire à partir du niveau 2"));
  const levelError = errors?.level?.message;
  const reasonError = errors?.notApplicableReason?.message;
  const id = question.id;

  return (
    <article className="q-question" id={`q-${id}`} aria-labelledby={`q-${id}-title`}>
      <div>
        <p className="qid">
          {id} · {question.topic}
          {question.informationOnly ? (
            <>
              {" "}
              <span className="badge" title="Cette question ne compte pas dans la note de ce marché.">
                pour information
              </span>
            </>
          ) : null}
        </p>
        <p className="q-question__text" id={`q-${id}-title`}>
          {question.text}
        </p>
        {reused ? (
          <div className="q-reused">
            <span className="badge badge--warn">
              {question.sourceNote ? `reprise de ${question.sourceNote}` : "reprise"} — vérifiez qu'elle est toujours exacte
            </span>
            {!readOnly ? (
              <button type="submit" name="confirm" value={id} className="button button--secondary" onClick={(e) => { e.preventDefault(); onConfirm(id); }}>
                Confirmer cette réponse
              </button>
            ) : null}
          </div>
        ) : null}
        <input type="hidden" {...register(`${base}.reused`)} defaultValue={initial.reused ? "true" : "false"} />

        {question.allowNotApplicable ? (
          <label className="q-na">
            <input type="checkbox" {...register(`${base}.notApplicable`)} defaultChecked={initial.notApplicable} /> Non applicable à notre organisation
          </label>
        ) : null}

        {question.allowNotApplicable ? (
          <div className={`field q-na-reason${reasonError ? " field--error" : ""}`}>
            <label htmlFor={`q-${id}-reason`}>Pourquoi cette question ne s'applique-t-elle pas ?</label>
            <textarea id={`q-${id}-reason`} rows={3} {...register(`${base}.notApplicableReason`)} defaultValue={initial.notApplicableReason} />
            {reasonError ? <p className="field__error">{reasonError}</p> : null}
          </div>
        ) : null}
        {/* Hidden by CSS while « non applicable » is ticked (works without JavaScript); values are kept. */}
        <div className="q-answer">
          <fieldset className="q-levels" aria-describedby={levelError ? `q-${id}-level-error` : undefined}>
            <legend>Niveau de maturité (auto-évaluation)</legend>
            {question.levels.map((l) => (
              <label className="q-level" key={l.level}>
                <input type="radio" value={String(l.level)} {...register(`${base}.level`)} defaultChecked={initial.level === String(l.level)} />
                <span>
                  <strong>
                    {l.level} — {l.label}
                  </strong>
                  <small>{l.descriptor}</small>
                </span>
              </label>
            ))}
            {levelError ? (
              <p className="field__error" id={`q-${id}-level-error`}>
                {levelError}
              </p>
            ) : null}
          </fieldset>
          <div className={`field${textError ? " field--error" : ""}`}>
            <label htmlFor={`q-${id}-text`}>Votre réponse</label>
            <p className="field__hint">Obligatoire à partir du niveau 2. Décrivez ce qui est en place aujourd'hui et citez vos preuves (document, page).</p>
            <textarea id={`q-${id}-text`} rows={5} {...register(`${base}.text`)} defaultValue={initial.text} aria-invalid={Boolean(textError)} />
            {textError ? <p className="field__error">{textError}</p> : null}
          </div>
        </div>

        <div className="q-files">
          <strong>Pièces justificatives</strong>
          {files.length ? (
            <ul>
              {files.map((f) => (
                <li key={f.answerFileId}>
                  <a href={`/fichiers/${f.fileId}`}>{f.originalName}</a> <span className="muted">({formatBytes(f.size)})</span>{" "}
                  {!readOnly ? (
                    <button type="submit" form={filesFormId(id)} name="intent" value={`remove-file:${f.answerFileId}`} className="button button--link" disabled={uploading}>
                      Retirer
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted small">Aucune pièce jointe.</p>
          )}
          {!readOnly ? (
            <div className="q-files__add">
              <input key={files.length} type="file" name="file" form={filesFormId(id)} accept={ACCEPT_ATTRIBUTE} aria-label={`Fichier à joindre à la question ${id}`} />
              <button type="submit" form={filesFormId(id)} name="intent" value="upload" className="button button--secondary" disabled={uploading}>
                {uploading ? "Envoi…" : "Joindre"}
              </button>
            </div>
          ) : null}
          {fileError ? (
            <p className="field__error" role="alert">
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      <aside className="q-guidance" aria-label={`Aide pour la question ${id}`}>
        {question.guidance ? (
          <>
            <h4>Ce qu'une bonne réponse montre</h4>
            <p style={{ margin: 0 }}>{question.guidance}</p>
          </>
        ) : null}
        <h4 style={{ marginTop: question.guidance ? ".5rem" : 0 }}>Exemples de preuves</h4>
        <ul>
          {question.evidenceExamples.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </aside>
    </article>
  );
});

/** The multipart form of one question's files (outside the answers form: forms cannot nest). */
export function FilesForm({ questionId }: { questionId: string }) {
  const fetcher = useFetcher({ key: filesFetcherKey(questionId) });
  return (
    <fetcher.Form method="post" encType="multipart/form-data" id={filesFormId(questionId)} hidden>
      <CsrfInput />
      <input type="hidden" name="questionId" value={questionId} />
    </fetcher.Form>
  );
}

