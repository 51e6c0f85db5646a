import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo } from "react";
import { useForm, type FieldErrors as RhfErrors } from "react-hook-form";
import { markShares } from "#scoring";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { RULES_PAGE } from "~/lib/regime";
import {
  builderSchema,
  offerShareSum,
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
  criteria: { id: string; title: string; questions: { id: string; topic: string; scope: "contract" | "organisation"; scopeNote: string }[] }[];
};

export type OfferCatalogueEntry = {
  id: string;
  label: string;
  unit: string;
  direction: "lower-is-better" | "higher-is-better";
  environmental: boolean;
  description: string;
  source: string;
  segments: "all" | string[];
};

const directionLabels = { "lower-is-better": "plus bas est meilleur", "higher-is-better": "plus haut est meilleur" } as const;
const offerMethodLabels = { ratio: "proportionnelle", linear: "linéaire" } as const;

type Props = {
  defaultValues: BuilderFormValues;
  guide: BuilderGuide;
  segments: { id: string; label: string }[];
  /** The buying organisation's regime (issue 11 §2). */
  regime: { regime: "public" | "private"; label: string };
  offerCatalogue: OfferCatalogueEntry[];
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
      // Only the shares matter for the live display (Q = rse − Σ offer shares).
      offerCriteria: [
        ...(values.offerCriteria ?? []).filter((c) => checked(c?.included)).map((c) => ({ id: String(c?.id ?? ""), share: num(c?.share) })),
        ...(values.customCriteria ?? []).filter((c) => String(c?.label ?? "").trim() !== "").map((c, i) => ({ id: `perso-${i}`, share: num(c?.share) })),
      ].map((c) => ({ ...c, source: "catalogue" as const, label: c.id, unit: "-", direction: "lower-is-better" as const, method: "linear" as const, environmental: true })),
    };
    const scoring = toScoringMethod(method);
    const shares = markShares({ shares: scoring.shares, criteria: scoring.criteria, questions: scoring.questions, offerCriteria: scoring.offerCriteria });
    return {
      criterion: new Map(shares.criteria.map((c) => [c.id, c.markShare])),
      question: new Map(shares.questions.map((q) => [q.id, q.markShare])),
      count: scoring.questions.length,
      questionnaire: shares.questionnaire ?? method.shares.rse,
    };
  }, [values]);
}

export function TenderBuilder({ defaultValues, guide, segments, regime, offerCatalogue, serverErrors = {}, submitLabel }: Props) {
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
  const isPublic = regime.regime === "public";
  const offerSum = offerShareSum(values);
  const catalogue = new Map(offerCatalogue.map((c) => [c.id, c]));
  const segment = String(values.segment ?? defaultValues.segment);

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
      <p className={isPublic ? "alert alert--info" : "muted"} data-testid="builder-regime">
        Régime d'achat de votre organisation : <strong>{regime.label}</strong>.{" "}
        {isPublic ? (
          <>
            Seuls les critères liés au marché sont notés et au moins un critère porte sur les caractéristiques environnementales de l'offre :{" "}
            <a href={RULES_PAGE}>règles des critères d'attribution</a>.
          </>
        ) : null}
      </p>
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

      <fieldset className="card" aria-describedby="offer-help">
        <legend>Critères d'offre (pris sur la part RSE)</legend>
        <p id="offer-help" className="field__hint">
          Caractéristiques mesurables de chaque offre (empreinte carbone, consommation, durabilité…), notées en comparant les valeurs des offres.
          Leur part est prise sur la part RSE ; le questionnaire reçoit le reste. Critères proposés pour le segment choisi (enregistrez après un
          changement de segment si JavaScript est désactivé).
        </p>
        <p className={offerSum - shares.rse > 1e-9 ? "field__error" : "muted"} aria-live="polite" data-testid="questionnaire-share">
          Critères d'offre : {fr(offerSum)} % — questionnaire : {fr(Math.max(0, shares.rse - offerSum))} % de la note (RSE {fr(shares.rse)} % −{" "}
          {fr(offerSum)} %)
        </p>
        {err("offerShares") ? (
          <p className="field__error" role="alert">
            {err("offerShares")}
          </p>
        ) : null}
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Critère</th>
              <th scope="col">Retenu</th>
              <th scope="col">Part de la note (%)</th>
              <th scope="col">Méthode</th>
            </tr>
          </thead>
          <tbody>
            {defaultValues.offerCriteria.map((row, i) => {
              const c = catalogue.get(row.id);
              if (!c) return null;
              const inSegment = c.segments === "all" || c.segments.includes(segment);
              const included = checked(values.offerCriteria?.[i]?.included);
              return (
                <tr key={row.id} hidden={!inSegment && !included} data-testid={`offer-row-${row.id}`}>
                  <td>
                    <strong>{c.label}</strong> ({c.unit}, {directionLabels[c.direction]}){" "}
                    {c.environmental ? <span className="badge">environnemental</span> : null}
                    <details>
                      <summary>Détails</summary>
                      <p>{c.description}</p>
                      <p className="field__hint">Source : {c.source}</p>
                    </details>
                    <input type="hidden" defaultValue={row.id} {...register(`offerCriteria.${i}.id`)} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Retenir le critère « ${c.label} »`} defaultChecked={row.included} {...register(`offerCriteria.${i}.included`)} />
                  </td>
                  <td>
                    <input
                      type="number"
                      step="any"
                      min={0}
                      max={RSE_MAX_SHARE}
                      className="input--short"
                      aria-label={`Part de « ${c.label} » (%)`}
                      defaultValue={row.share}
                      {...register(`offerCriteria.${i}.share`)}
                    />
                    {err(`offerCriteria.${i}.share`) ? <span className="field__error">{err(`offerCriteria.${i}.share`)}</span> : null}
                  </td>
                  <td>
                    <select aria-label={`Méthode de « ${c.label} »`} defaultValue={row.method} {...register(`offerCriteria.${i}.method`)}>
                      <option value="linear">{offerMethodLabels.linear}</option>
                      <option value="ratio">{offerMethodLabels.ratio}</option>
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <h3>Critères d'offre propres à cet appel d'offres</h3>
        <p className="field__hint">Laissez le libellé vide pour ne pas ajouter de critère ; enregistrez pour obtenir une nouvelle ligne.</p>
        {defaultValues.customCriteria.map((row, i) => (
          <div key={i} className="builder__grid" data-testid={`custom-criterion-${i}`}>
            <Field id={`custom-label-${i}`} label="Libellé" error={err(`customCriteria.${i}.label`)}>
              <input id={`custom-label-${i}`} defaultValue={row.label} {...register(`customCriteria.${i}.label`)} />
            </Field>
            <Field id={`custom-unit-${i}`} label="Unité" error={err(`customCriteria.${i}.unit`)}>
              <input id={`custom-unit-${i}`} defaultValue={row.unit} {...register(`customCriteria.${i}.unit`)} />
            </Field>
            <Field id={`custom-direction-${i}`} label="Sens" error={err(`customCriteria.${i}.direction`)}>
              <select id={`custom-direction-${i}`} defaultValue={row.direction} {...register(`customCriteria.${i}.direction`)}>
                <option value="lower-is-better">{directionLabels["lower-is-better"]}</option>
                <option value="higher-is-better">{directionLabels["higher-is-better"]}</option>
              </select>
            </Field>
            <Field id={`custom-method-${i}`} label="Méthode" error={err(`customCriteria.${i}.method`)}>
              <select id={`custom-method-${i}`} defaultValue={row.method} {...register(`customCriteria.${i}.method`)}>
                <option value="linear">{offerMethodLabels.linear}</option>
                <option value="ratio">{offerMethodLabels.ratio}</option>
              </select>
            </Field>
            <Field id={`custom-share-${i}`} label="Part de la note (%)" error={err(`customCriteria.${i}.share`)}>
              <input id={`custom-share-${i}`} type="number" step="any" min={0} max={RSE_MAX_SHARE} defaultValue={row.share} {...register(`customCriteria.${i}.share`)} />
            </Field>
            <label className="check">
              <input type="checkbox" defaultChecked={row.environmental} {...register(`customCriteria.${i}.environmental`)} /> Caractéristique
              environnementale de l'offre
            </label>
          </div>
        ))}
      </fieldset>

      <fieldset className="card">
        <legend>Questions RSE ({live.count} retenues)</legend>
        <p className="field__hint">
          Par défaut, les 47 questions du guide, critères de même poids. Les poids sont relatifs : un critère de poids 2 compte deux fois plus
          qu'un critère de poids 1. « Part de la note » = points de la note finale (/100) que porte l'élément si le fournisseur atteint le
          niveau 5. Le questionnaire porte {fr(live.questionnaire)} % de la note.
        </p>
        {isPublic ? (
          <p className="alert alert--info">
            Acheteur public : les questions qui évaluent la politique générale de l'entreprise (portée « organisation ») sont posées{" "}
            <strong>pour information</strong> (poids 0) ; seules les questions posées sur l'exécution du présent marché comptent dans la note (CE,
            25 mai 2018, Nantes Métropole). <a href={RULES_PAGE}>Voir la règle</a>.
          </p>
        ) : null}
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
                  <th scope="col">Portée</th>
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
                  const informationOnly = isPublic && q.scope !== "contract";
                  return (
                    <tr key={q.id}>
                      <td>
                        <span className="qid">{q.id}</span> {q.topic}
                        <input type="hidden" defaultValue={dv?.id} {...register(`questions.${qi}.id`)} />
                        <input type="hidden" defaultValue={dv?.criterion} {...register(`questions.${qi}.criterion`)} />
                      </td>
                      <td>
                        <span className="badge" title={q.scopeNote}>
                          {q.scope === "contract" ? "marché" : "organisation"}
                        </span>
                      </td>
                      <td>
                        <input type="checkbox" aria-label={`Retenir ${q.id}`} defaultChecked={dv?.included} {...register(`questions.${qi}.included`)} />
                      </td>
                      <td>
                        {informationOnly ? (
                          <span data-testid={`information-only-${q.id}`}>
                            <input type="hidden" name={`questions.${qi}.weight`} value="0" />
                            Pour information : elle évalue la politique générale de l'entreprise, pas l'exécution du marché (
                            <a href={RULES_PAGE}>règle</a>)
                          </span>
                        ) : (
                          <input
                            type="number"
                            step="any"
                            min={0}
                            className="input--short"
                            aria-label={`Poids de ${q.id}`}
                            defaultValue={dv?.weight}
                            {...register(`questions.${qi}.weight`)}
                          />
                        )}
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
