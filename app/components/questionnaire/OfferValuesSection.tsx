import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf";
import { formatBytes } from "~/lib/format";
import { offerFileKey, offerValueText } from "~/lib/offer-value";

type OfferValue = {
  id: string;
  label: string;
  unit: string;
  direction: "lower-is-better" | "higher-is-better";
  environmental: boolean;
  share: number;
  value: number | null;
};
type FileView = { answerFileId: number; fileId: number; originalName: string; size: number };

const directionText = { "lower-is-better": "plus la valeur est basse, meilleure est la note", "higher-is-better": "plus la valeur est haute, meilleure est la note" };

/**
 * The offer criteria of the tender (issue 11 §2): one value per criterion in its unit, with evidence files. Plain
 * forms: they work without JavaScript (the page reloads after each post).
 */
export function OfferValuesSection({
  offerValues,
  files,
  readOnly,
  errors,
  saved,
}: {
  offerValues: OfferValue[];
  files: Record<string, FileView[]>;
  readOnly: boolean;
  errors?: Record<string, string>;
  saved?: boolean;
}) {
  if (offerValues.length === 0) return null;
  return (
    <section className="q-section" id="criteres-offre" aria-labelledby="criteres-offre-titre">
      <h2 id="criteres-offre-titre" style={{ marginTop: 0 }}>
        Caractéristiques de votre offre
      </h2>
      <p className="field__hint">
        Ces valeurs sont notées en les comparant à celles des autres offres (méthode publiée dans l'annexe NR). Une valeur non renseignée obtient 0.
        Joignez les justificatifs demandés : un évaluateur confirmera ou corrigera chaque valeur.
      </p>
      {saved ? (
        <p className="alert alert--info" role="status">
          Valeurs de l'offre enregistrées.
        </p>
      ) : null}
      <Form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="offer-values" />
        <fieldset disabled={readOnly} style={{ border: "none", padding: 0, margin: 0 }}>
          {offerValues.map((c) => (
            <div key={c.id} className="field">
              <label htmlFor={`offer-${c.id}`}>
                {c.label} ({c.unit}){c.environmental ? " — critère environnemental" : ""}
              </label>
              <span className="field__hint">
                {c.share.toString().replace(".", ",")} % de la note ; {directionText[c.direction]}.
              </span>
              <span className="inline-fields">
                <input
                  id={`offer-${c.id}`}
                  name={`values.${c.id}`}
                  inputMode="decimal"
                  defaultValue={offerValueText(c.value)}
                  aria-invalid={errors?.[c.id] ? true : undefined}
                  aria-describedby={errors?.[c.id] ? `offer-${c.id}-error` : undefined}
                />
                <span>{c.unit}</span>
              </span>
              {errors?.[c.id] ? (
                <span className="field__error" id={`offer-${c.id}-error`}>
                  {errors[c.id]}
                </span>
              ) : null}
            </div>
          ))}
          {!readOnly ? (
            <button type="submit" className="button">
              Enregistrer les valeurs de l'offre
            </button>
          ) : null}
        </fieldset>
      </Form>
      {offerValues.map((c) => {
        const key = offerFileKey(c.id);
        const list = files[key] ?? [];
        return (
          <div key={c.id} className="stack">
            <h3>Justificatifs — {c.label}</h3>
            {list.length > 0 ? (
              <ul>
                {list.map((f) => (
                  <li key={f.answerFileId}>
                    <a href={`/fichiers/${f.fileId}`}>{f.originalName}</a> <span className="muted">({formatBytes(f.size)})</span>
                    {!readOnly ? (
                      <Form method="post" style={{ display: "inline" }}>
                        <CsrfInput />
                        <input type="hidden" name="questionId" value={key} />
                        <button type="submit" name="intent" value={`remove-file:${f.answerFileId}`} className="button button--link">
                          Retirer
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Aucun justificatif joint.</p>
            )}
            {!readOnly ? (
              <Form method="post" encType="multipart/form-data" className="inline-fields">
                <CsrfInput />
                <input type="hidden" name="intent" value="upload" />
                <input type="hidden" name="questionId" value={key} />
                <label htmlFor={`offer-file-${c.id}`}>Joindre un justificatif pour « {c.label} »</label>
                <input id={`offer-file-${c.id}`} type="file" name="file" />
                <button type="submit" className="button button--secondary">
                  Joindre
                </button>
              </Form>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
