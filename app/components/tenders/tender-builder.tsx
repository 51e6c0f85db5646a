import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo } from "react";
import { useForm, type FieldErrors as RhfErrors } from "react-hook-form";
import { markShares } from "#scoring";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import {
  builderSchema,
  priceMethodLabels,
  RSE_WARNING_SHARE,
  sharesWarnings,
  toScoringMethod,
  type BuilderFormValues,
  type BuilderInput,
  type BuilderValues,
} from "~/tenders/builder";
import { RSE_MAX_SHARE, type TenderMethod } from "~/tenders/method";

export type BuilderGuide = {
  criteria: { id: string; title: string; questions: { id: string; topic: string }[] }[];
};

type Props = {
  defaultValues: BuilderFormValues;
  guide: BuilderGuide;
  segments: { id: string; label: string }[];
  serverErrors?: Record<string, string[] | undefined>;
  submitLabel: string;
};

function errorAt(errors: RhfErrors<BuilderInput>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = node && typeof node === "object" ? (node as { message?: unknown }).message : undefined;
  return typeof message === "string" ? message : undefined;
}

const num = (v: unknown) => {
  const n = typeof v === "number" ? v : Number(String(v ?? "").replace(",", "."));
  return Number.isFinite(n) ? n : 0;
};
const checked = (v: unknown) => v === true || v === "on" || v === "true";
const fr = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

/** Live share of the final mark per criterion and question, from the form's current values. */
function useLiveShares(values: BuilderInput) {
  return useMemo(() => {
    const method: TenderMethod = {
      guideVersion: "",
      shares: { price: num(values.shares?.price), technical: num(values.shares?.technical), rse: num(values.shares?.rse) },
      priceMethod: values.priceMethod === "linear" ? "linear" : "lowest-ratio",
      criteria: (values.criteria ?? []).map((c) => ({ id: String(c?.id ?? ""), included: checked(c?.included), weight: num(c?.weight) })),
      questions: (values.questions ?? []).map((q) => ({
        id: String(q?.id ?? ""),
        criterion: String(q?.criterion ?? ""),
        included: checked(q?.included),
        weight: num(q?.weight),
        allowNotApplicable: checked(q?.allowNotApplicable),
      })),
      clauses: [],
    };
    const scoring = toScoringMethod(method);
    const shares = markShares({ shares: scoring.shares, criteria: scoring.criteria, questions: scoring.questions });
    return {
      criterion: new Map(shares.criteria.map((c) => [c.id, c.markShare])),
      question: new Map(shares.questions.map((q) => [q.id, q.markShare])),
      count: scoring.questions.length,
    };
  }, [values]);
}

export function TenderBuilder({ defaultValues, guide, segments, serverErrors = {}, submitLabel }: Props) {
  const submit = useSubmit();
  const navigation = useNavigation();
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<BuilderInput, unknown, BuilderValues>({
    resolver: zodResolver(builderSchema),
    mode: "onChange",
    defaultValues: defaultValues as BuilderInput,
  });
  const values = watch();
  const live = useLiveShares(values);
  const err = (path: string) => errorAt(errors, path) ?? serverErrors[path]?.[0];
  const shares = { price: num(values.shares?.price), technical: num(values.shares?.technical), rse: num(values.shares?.rse) };
  const sum = shares.price + shares.technical + shares.rse;
  const warnings = sharesWarnings(shares);
  const busy = navigation.state === "submitting";
  const questionIndex = new Map(defaultValues.questions.map((q, i) => [q.id, i]));

  return (
    <Form
      method="post"
      noValidate
      className="builder"
      onSubmit={(event) => {
        const form = event.currentTarget;
        void handleSubmit(() => submit(form))(event);
      }}
    >
      <CsrfInput />
      <fieldset className="card">
        <legend>Informations générales</legend>
        <div className="builder__grid">
          <Field id="title" label="Titre" error={err("title")}>
            <input id="title" defaultValue={defaultValues.title} {...register("title")} />
          </Field>
          <Field id="reference" label="Référence interne" error={err("reference")}>
            <input id="reference" defaultValue={defaultValues.reference} {...register("reference")} />
          </Field>
          <Field id="segment" label="Segment d'achat" error={err("segment")}>
            <select id="segment" defaultValue={defaultValues.segment} {...register("segment")}>
              <option value="">— Choisir —</option>
              {segments.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="deadlineDate" label="Date limite de réponse (heure de Paris)" error={err("deadlineDate") ?? err("deadlineTime")}>
            <span className="inline-fields">
              <input id="deadlineDate" type="date" defaultValue={defaultValues.deadlineDate} {...register("deadlineDate")} />
              <input id="deadlineTime" type="time" aria-label="Heure limite (heure de Paris)" defaultValue={defaultValues.deadlineTime} {...register("deadlineTime")} />
            </span>
          </Field>
          <Field id="contactName" label="Contact (nom)" error={err("contactName")}>
            <input id="contactName" defaultValue={defaultValues.contactName} {...register("contactName")} />
          </Field>
          <Field id="contactEmail" label="Contact (e-mail)" error={err("contactEmail")}>
            <input id="contactEmail" type="email" defaultValue={defaultValues.contactEmail} {...register("contactEmail")} />
          </Field>
        </div>
        <Field id="description" label="Description" error={err("description")}>
          <textarea id="description" defaultValue={defaultValues.description} {...register("description")} />
        </Field>
        <label className="check">
          <input type="checkbox" defaultChecked={defaultValues.allowEarlyEvaluation} {...register("allowEarlyEvaluation")} /> Permettre l'évaluation
          d'une réponse dès son dépôt, avant la date limite
        </label>
      </fieldset>

      <fieldset className="card" aria-describedby="shares-help">
        <legend>Répartition de la note</legend>
        <p id="shares-help" className="field__hint">
          Les trois parts totalisent 100 %. La part RSE (questionnaire de maturité numérique responsable) est plafonnée à {RSE_MAX_SHARE} % ; en
          dessous de {RSE_WARNING_SHARE} %, le guide des achats numériques responsables estime qu'elle n'a pas d'effet sur les offres.
        </p>
        <div className="builder__shares">
          <Field id="share-price" label="Prix (%)" error={err("shares.price")}>
            <input id="share-price" type="number" step="any" min={0} max={100} inputMode="decimal" defaultValue={defaultValues.shares.price} {...register("shares.price")} />
          </Field>
          <Field id="share-technical" label="Valeur technique (%)" error={err("shares.technical")}>
            <input id="share-technical" type="number" step="any" min={0} max={100} inputMode="decimal" defaultValue={defaultValues.shares.technical} {...register("shares.technical")} />
          </Field>
          <Field id="share-rse" label="RSE (%)" error={err("shares.rse")}>
            <input id="share-rse" type="number" step="any" min={0} max={RSE_MAX_SHARE} inputMode="decimal" defaultValue={defaultValues.shares.rse} {...register("shares.rse")} />
          </Field>
        </div>
        <p className={Math.abs(sum - 100) < 1e-9 ? "muted" : "field__error"} aria-live="polite" data-testid="shares-total">
          Total : {fr(sum)} %{Math.abs(sum - 100) < 1e-9 ? " ✓" : " — doit être égal à 100 %"}
        </p>
        {err("shares.total") ? (
          <p className="field__error" role="alert">
            {err("shares.total")}
          </p>
        ) : null}
        {warnings.map((w) => (
          <p key={w} className="alert alert--warn" role="status">
            {w}
          </p>
        ))}
        <fieldset>
          <legend>Notation du prix</legend>
          {(["lowest-ratio", "linear"] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" value={m} defaultChecked={defaultValues.priceMethod === m} {...register("priceMethod")} /> <strong>{priceMethodLabels[m].label}</strong>
              <span className="field__hint"> — {priceMethodLabels[m].help}</span>
            </label>
          ))}
          {err("priceMethod") ? <p className="field__error">{err("priceMethod")}</p> : null}
        </fieldset>
      </fieldset>

      <fieldset className="card">
        <legend>Questions RSE ({live.count} retenues)</legend>
        <p className="field__hint">
          Par défaut, les 47 questions du guide, critères de même poids. Les poids sont relatifs : un critère de poids 2 compte deux fois plus
          qu'un critère de poids 1. « Part de la note » = points de la note finale (/100) que porte l'élément si le fournisseur atteint le
          niveau 5.
        </p>
        {guide.criteria.map((c, ci) => (
          <details key={c.id} className="builder__criterion">
            <summary>
              <span className="builder__criterion-title">{c.title}</span>{" "}
              <span className="badge" data-testid={`criterion-share-${c.id}`}>
                {fr(live.criterion.get(c.id) ?? 0)} % de la note
              </span>
            </summary>
            <input type="hidden" defaultValue={defaultValues.criteria[ci]?.id} {...register(`criteria.${ci}.id`)} />
            <div className="inline-fields">
              <label className="check">
                <input type="checkbox" defaultChecked={defaultValues.criteria[ci]?.included} {...register(`criteria.${ci}.included`)} /> Critère retenu
              </label>
              <Field id={`criterion-weight-${c.id}`} label="Poids du critère" error={err(`criteria.${ci}.weight`)}>
                <input
                  id={`criterion-weight-${c.id}`}
                  type="number"
                  step="any"
                  min={0}
                  inputMode="decimal"
                  className="input--short"
                  defaultValue={defaultValues.criteria[ci]?.weight}
                  {...register(`criteria.${ci}.weight`)}
                />
              </Field>
            </div>
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Retenue</th>
                  <th scope="col">Poids</th>
                  <th scope="col">« Sans objet » accepté</th>
                  <th scope="col" className="num">
                    Part de la note
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.questions.map((q) => {
                  const qi = questionIndex.get(q.id) ?? 0;
                  const dv = defaultValues.questions[qi];
                  return (
                    <tr key={q.id}>
                      <td>
                        <span className="qid">{q.id}</span> {q.topic}
                        <input type="hidden" defaultValue={dv?.id} {...register(`questions.${qi}.id`)} />
                        <input type="hidden" defaultValue={dv?.criterion} {...register(`questions.${qi}.criterion`)} />
                      </td>
                      <td>
                        <input type="checkbox" aria-label={`Retenir ${q.id}`} defaultChecked={dv?.included} {...register(`questions.${qi}.included`)} />
                      </td>
                      <td>
                        <input
                          type="number"
                          step="any"
                          min={0}
                          className="input--short"
                          aria-label={`Poids de ${q.id}`}
                          defaultValue={dv?.weight}
                          {...register(`questions.${qi}.weight`)}
                        />
                        {err(`questions.${qi}.weight`) ? <span className="field__error">{err(`questions.${qi}.weight`)}</span> : null}
                      </td>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`« Sans objet » accepté pour ${q.id}`}
                          defaultChecked={dv?.allowNotApplicable}
                          {...register(`questions.${qi}.allowNotApplicable`)}
                        />
                      </td>
                      <td className="num" data-testid={`question-share-${q.id}`}>
                        {fr(live.question.get(q.id) ?? 0)} %
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Enregistrement…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
