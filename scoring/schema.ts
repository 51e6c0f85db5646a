/**
 * Input contract of the scoring method, as zod schemas with French messages.
 *
 * Messages are written on each schema so that a buyer reading the portal (or the CLI) sees French;
 * anything not covered falls back to zod's French locale, passed per parse — the library never
 * touches zod's global config, which belongs to the host application.
 */
import { z } from "zod";
import {
  MAX_LEVEL,
  MAX_RSE_SHARE,
  MIN_LEVEL,
  NOT_APPLICABLE,
  OFFER_DIRECTIONS,
  OFFER_METHODS,
  PRICE_METHODS,
  QUESTION_SCOPES,
  REGIMES,
  SHARE_SUM_TOLERANCE,
} from "./constants";
import { publicRegimeIssues } from "./lawful-award";
import { frNumber, objectError, show, typeError } from "./messages";

export { frNumber } from "./messages";

function numberField(label: string) {
  return z.number({ error: typeError(label, "un nombre") });
}

function nonNegative(label: string) {
  return numberField(label).min(0, { error: (iss) => `${label} doit être ≥ 0 ; reçu ${show(iss.input)}.` });
}

/** Ids are used as object keys in the output; "__proto__" would silently vanish there. */
export function idField(label: string) {
  return z
    .string({ error: typeError(label, "une chaîne de caractères") })
    .min(1, { error: `${label} ne doit pas être vide.` })
    .refine((s) => s !== "__proto__", { error: `${label} « __proto__ » est réservé ; choisissez-en un autre.` });
}

// ---------------------------------------------------------------------------------------------
// Schemas

export const sharesSchema = z
  .strictObject(
    {
      price: nonNegative("La part du prix"),
      technical: nonNegative("La part de la valeur technique"),
      rse: nonNegative("La part RSE").max(MAX_RSE_SHARE, {
        error: (iss) => `La part RSE ne peut pas dépasser ${MAX_RSE_SHARE} % de la note ; reçu ${show(iss.input)}.`,
      }),
    },
    { error: objectError("Les parts de la note (shares)", true) },
  )
  .superRefine((s, ctx) => {
    const sum = s.price + s.technical + s.rse;
    if (Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        message: `La somme des parts (prix + valeur technique + RSE) doit être égale à 100 ; elle vaut ${frNumber(sum)}.`,
      });
    }
  });

export const priceMethodSchema = z.enum(PRICE_METHODS, {
  error: (iss) =>
    `${iss.input === undefined ? "La méthode de notation du prix est obligatoire" : `Méthode de notation du prix inconnue : ${show(iss.input)}`}. ` +
    `Valeurs admises : "lowest-ratio" (méthode proportionnelle) ou "linear" (méthode linéaire).`,
});

export const criterionSchema = z.strictObject(
  {
    id: idField("L'identifiant du critère"),
    weight: nonNegative("Le poids du critère"),
  },
  { error: objectError("Le critère") },
);

export const questionSchema = z.strictObject(
  {
    id: idField("L'identifiant de la question"),
    criterion: idField("Le critère de la question"),
    weight: nonNegative("Le poids de la question").default(1),
    allowNotApplicable: z
      .boolean({ error: typeError("« allowNotApplicable »", "true ou false") })
      .default(false),
    /**
     * Absent = "organisation" for the public-regime rules; kept absent in the output, so that
     * old-style inputs parse exactly as before.
     */
    scope: z
      .enum(QUESTION_SCOPES, {
        error: (iss) =>
          `Portée de la question inconnue : ${show(iss.input)}. Valeurs admises : "contract" (exécution du présent marché) ` +
          `ou "organisation" (politique générale de l'entreprise).`,
      })
      .optional(),
  },
  { error: objectError("La question") },
);

/** Issue 11 §1.2–3: a measurable characteristic of each offer, with its own share of the mark. */
export const offerCriterionSchema = z.strictObject(
  {
    id: idField("L'identifiant du critère d'offre"),
    share: nonNegative("La part du critère d'offre"),
    direction: z.enum(OFFER_DIRECTIONS, {
      error: (iss) =>
        `${iss.input === undefined ? "Le sens du critère d'offre (direction) est obligatoire" : `Sens du critère d'offre inconnu : ${show(iss.input)}`}. ` +
        `Valeurs admises : "lower-is-better" (plus bas est meilleur) ou "higher-is-better" (plus haut est meilleur).`,
    }),
    method: z.enum(OFFER_METHODS, {
      error: (iss) =>
        `${iss.input === undefined ? "La méthode de notation du critère d'offre (method) est obligatoire" : `Méthode de notation du critère d'offre inconnue : ${show(iss.input)}`}. ` +
        `Valeurs admises : "ratio" (méthode proportionnelle) ou "linear" (méthode linéaire).`,
    }),
    environmental: z
      .boolean({ error: typeError("« environmental »", "true ou false") })
      .default(false),
  },
  { error: objectError("Le critère d'offre") },
);

/** Who buys: a public buyer follows the lawful-award rules (lawful-award.ts); a private one is free. */
export const procurementSchema = z.strictObject(
  {
    regime: z
      .enum(REGIMES, {
        error: (iss) => `Régime d'achat inconnu : ${show(iss.input)}. Valeurs admises : "public" ou "private".`,
      })
      .default("private"),
    launchDate: z
      .iso.date({
        error: (iss) =>
          `La date de lancement de la consultation doit être une date réelle au format AAAA-MM-JJ ; reçu ${show(iss.input)}.`,
      })
      .optional(),
    /**
     * Evaluated levels only (issue 11 §2): when true, an answer or offer value counts only once an
     * evaluator has reviewed it (listed in the supplier's `review`); the others count as not given.
     */
    countOnlyReviewed: z.boolean({ error: typeError("« countOnlyReviewed »", "true ou false") }).optional(),
  },
  { error: objectError("Le régime d'achat (procurement)") },
);

const LEVELS = [1, 2, 3, 4, 5] as const satisfies readonly number[];

function answerMessage(input: unknown): string {
  return (
    `Réponse invalide : niveau de maturité entier de ${MIN_LEVEL} à ${MAX_LEVEL}, null (sans réponse) ` +
    `ou "${NOT_APPLICABLE}" (sans objet) attendu ; reçu ${show(input)}.`
  );
}

/** One evaluated answer: maturity level 1–5, null (unanswered) or "na" (not applicable). For forms. */
export const answerSchema = z.literal([...LEVELS, null, NOT_APPLICABLE], { error: (iss) => answerMessage(iss.input) });

// Module-local copy for the hot loops (an imported binding may be a getter once transpiled).
const NA = NOT_APPLICABLE;

function isAnswer(v: unknown): v is Answer {
  return v === null || v === NA || v === 1 || v === 2 || v === 3 || v === 4 || v === 5;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Answers as a plain object, values not checked here. Inside `scoringInputSchema` the values are
 * checked in the same pass as the keys (against the tender's questions, see `crossCheck`): with
 * 10,000 suppliers × 47 answers, zod's generic record parser and a second pass dominated the time.
 * The object is validated in place, not copied (nothing in the library mutates it).
 */
const answersObjectSchema = z.custom<Record<string, Answer>>(isPlainObject, {
  error: typeError("Les réponses", "un objet { identifiant de question : niveau }", true),
});

/** Standalone answers schema (e.g. a form): every value must be a valid answer. Unlike z.record, an own "__proto__" key is kept. */
export const answersSchema = answersObjectSchema.check((payload) => {
  const answers: unknown = payload.value;
  if (!isPlainObject(answers)) return; // already reported by the type check
  for (const key of Object.keys(answers)) {
    const answer = answers[key];
    if (!isAnswer(answer)) {
      payload.issues.push({ code: "custom", path: [key], input: answer, message: answerMessage(answer), continue: true });
    }
  }
});

function offerValueMessage(id: string, input: unknown): string {
  return `La valeur de l'offre pour le critère « ${id} » doit être un nombre ≥ 0, ou null si elle n'est pas fournie ; reçu ${show(input)}.`;
}

function isOfferValue(v: unknown): v is number | null {
  return v === null || (typeof v === "number" && Number.isFinite(v) && v >= 0);
}

/** Offer values as a plain object { criterion id: value | null }; checked against the tender in `crossCheck`. */
const offerValuesObjectSchema = z.custom<Record<string, number | null>>(isPlainObject, {
  error: typeError("Les valeurs de l'offre (offerValues)", "un objet { identifiant de critère d'offre : valeur }", true),
});

/** Standalone offer values schema (e.g. a form): every value must be a number ≥ 0 or null. */
export const offerValuesSchema = offerValuesObjectSchema.check((payload) => {
  const values: unknown = payload.value;
  if (!isPlainObject(values)) return;
  for (const key of Object.keys(values)) {
    const v = values[key];
    if (!isOfferValue(v)) payload.issues.push({ code: "custom", path: [key], input: v, message: offerValueMessage(key, v), continue: true });
  }
});

/** Which answers and offer values of this supplier an evaluator has reviewed (ids). */
export const reviewSchema = z.strictObject(
  {
    answers: z
      .array(idField("L'identifiant de question relue"), { error: typeError("La liste des réponses relues (answers)", "un tableau") })
      .optional(),
    offerValues: z
      .array(idField("L'identifiant de critère d'offre relu"), {
        error: typeError("La liste des valeurs d'offre relues (offerValues)", "un tableau"),
      })
      .optional(),
  },
  { error: objectError("L'état de relecture (review)") },
);

function supplierShape(answers: typeof answersObjectSchema, offerValues: typeof offerValuesObjectSchema) {
  return z.strictObject(
    {
      id: idField("L'identifiant du fournisseur"),
      price: numberField("Le prix").positive({
        error: (iss) => `Le prix doit être strictement positif ; reçu ${show(iss.input)}.`,
      }),
      technical: numberField("La note technique")
        .min(0, { error: (iss) => `La note technique doit être comprise entre 0 et 100 ; reçu ${show(iss.input)}.` })
        .max(100, { error: (iss) => `La note technique doit être comprise entre 0 et 100 ; reçu ${show(iss.input)}.` }),
      answers: answers.default({}),
      offerValues: offerValues.optional(),
      review: reviewSchema.optional(),
    },
    { error: objectError("Le fournisseur") },
  );
}

/** Standalone supplier schema: answer and offer values checked, their keys not (they need the tender). */
export const supplierSchema = supplierShape(answersSchema, offerValuesSchema);

const methodShape = {
  shares: sharesSchema,
  priceMethod: priceMethodSchema,
  criteria: z
    .array(criterionSchema, { error: typeError("La liste des critères (criteria)", "un tableau") })
    .min(1, { error: "Au moins un critère RSE est requis." }),
  questions: z.array(questionSchema, { error: typeError("La liste des questions (questions)", "un tableau") }),
  procurement: procurementSchema.optional(),
  offerCriteria: z
    .array(offerCriterionSchema, { error: typeError("La liste des critères d'offre (offerCriteria)", "un tableau") })
    .optional(),
};

// ---------------------------------------------------------------------------------------------
// Cross-field rules. They run even when some fields failed (`when`), so that the buyer sees every
// problem at once; the code is therefore defensive about shapes and skips what is already reported.

type Ctx = z.core.$RefinementCtx<unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function idOf(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === "string" && item.id !== "" ? item.id : undefined;
}

function checkUniqueIds(list: unknown, listKey: string, what: string, ctx: Ctx): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, i);
    else
      ctx.addIssue({
        code: "custom",
        path: [listKey, i, "id"],
        message: `Identifiant ${what} en double : « ${id} » (déjà utilisé par ${listKey}[${first}]).`,
      });
  });
}

function crossCheck(value: unknown, ctx: Ctx): void {
  if (!isRecord(value)) return;
  const { criteria, questions, suppliers } = value;

  checkUniqueIds(criteria, "criteria", "de critère", ctx);
  checkUniqueIds(questions, "questions", "de question", ctx);
  checkUniqueIds(suppliers, "suppliers", "de fournisseur", ctx);

  if (Array.isArray(criteria) && criteria.length > 0) {
    const weights = criteria.map((c) => (isRecord(c) ? c.weight : undefined));
    if (weights.every((w) => typeof w === "number") && weights.every((w) => w === 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["criteria"],
        message: "Au moins un critère doit avoir un poids strictement positif (les poids sont relatifs).",
      });
    }
  }

  // Reference checks only when the referenced list is readable, to avoid one cascade per question.
  const criterionIds =
    Array.isArray(criteria) && criteria.every((c) => idOf(c) !== undefined)
      ? new Set(criteria.map((c) => idOf(c)))
      : undefined;
  const questionsById = new Map<string, Record<string, unknown>>();
  let questionsReadable = Array.isArray(questions);
  if (Array.isArray(questions)) {
    questions.forEach((q, i) => {
      const id = idOf(q);
      if (id === undefined || !isRecord(q)) {
        questionsReadable = false;
        return;
      }
      if (!questionsById.has(id)) questionsById.set(id, q);
      if (criterionIds && typeof q.criterion === "string" && q.criterion !== "" && !criterionIds.has(q.criterion)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "criterion"],
          message: `La question « ${id} » renvoie au critère « ${q.criterion} », absent de la liste des critères.`,
        });
      }
    });
  }

  const offers = checkOfferCriteria(value, ctx);
  checkProcurement(value, ctx);
  for (const issue of publicRegimeIssues(value)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });

  if (!Array.isArray(suppliers)) return;
  const questionList = questionsReadable
    ? [...questionsById].map(([id, q]): TenderQuestion => ({
        id,
        allowNotApplicable: q.allowNotApplicable === true,
        inherited: id in Object.prototype,
      }))
    : undefined;
  for (let i = 0; i < suppliers.length; i++) {
    const s: unknown = suppliers[i];
    if (isRecord(s) && isPlainObject(s.answers)) checkAnswers(s.answers, i, questionList, ctx);
    if (isRecord(s) && isPlainObject(s.offerValues)) checkOfferValues(s.offerValues, i, offers, ctx);
    if (isRecord(s) && isRecord(s.review)) checkReview(s.review, i, questionsReadable ? questionsById : undefined, offers, ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Lawful-award contract (issue 11 §1): offer criteria, procurement, offer values, review

interface TenderOffer {
  direction: unknown;
  method: unknown;
}

/** Ids unique, Σ offer shares ≤ RSE share. Returns the offer criteria by id when the list is readable. */
function checkOfferCriteria(value: Record<string, unknown>, ctx: Ctx): Map<string, TenderOffer> | undefined {
  const { offerCriteria, shares } = value;
  if (offerCriteria === undefined) return new Map();
  if (!Array.isArray(offerCriteria)) return undefined;
  checkUniqueIds(offerCriteria, "offerCriteria", "de critère d'offre", ctx);
  const byId = new Map<string, TenderOffer>();
  let readable = true;
  let sum = 0;
  let sharesReadable = true;
  for (const c of offerCriteria) {
    const id = idOf(c);
    if (id === undefined || !isRecord(c)) readable = false;
    else if (!byId.has(id)) byId.set(id, { direction: c.direction, method: c.method });
    if (isRecord(c) && typeof c.share === "number" && Number.isFinite(c.share) && c.share >= 0) sum += c.share;
    else sharesReadable = false;
  }
  const rse = isRecord(shares) ? shares.rse : undefined;
  if (sharesReadable && typeof rse === "number" && Number.isFinite(rse) && sum - rse > SHARE_SUM_TOLERANCE) {
    ctx.addIssue({
      code: "custom",
      path: ["offerCriteria"],
      message:
        `La somme des parts des critères d'offre (${frNumber(sum)}) dépasse la part RSE (${frNumber(rse)}) : ` +
        `les critères d'offre sont pris sur la part RSE et le questionnaire reçoit le reste ` +
        `(part du questionnaire = part RSE − somme des parts des critères d'offre).`,
    });
  }
  return readable ? byId : undefined;
}

function checkProcurement(value: Record<string, unknown>, ctx: Ctx): void {
  const p = value.procurement;
  if (isRecord(p) && p.regime === "public" && p.launchDate === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["procurement", "launchDate"],
      message:
        "La date de lancement de la consultation (launchDate, AAAA-MM-JJ) est obligatoire pour un marché public : " +
        "elle détermine si un critère environnemental est obligatoire (consultations lancées à partir du 21/08/2026).",
    });
  }
}

/** Keys must be offer criteria of the tender; values ≥ 0 or null; > 0 where the ratio of the lowest is used. */
function checkOfferValues(values: Record<string, unknown>, i: number, offers: Map<string, TenderOffer> | undefined, ctx: Ctx): void {
  for (const key of Object.keys(values)) {
    const v = values[key];
    const path = ["suppliers", i, "offerValues", key];
    if (offers !== undefined && !offers.has(key)) {
      ctx.addIssue({ code: "custom", path, message: `Le critère d'offre « ${key} » n'existe pas dans l'appel d'offres.` });
    } else if (typeof v === "number" && Number.isFinite(v) && v < 0) {
      ctx.addIssue({ code: "custom", path, message: `La valeur de l'offre pour le critère « ${key} » ne peut pas être négative ; reçu ${show(v)}.` });
    } else if (!isOfferValue(v)) {
      ctx.addIssue({ code: "custom", path, input: v, message: offerValueMessage(key, v) });
    } else if (v === 0) {
      const offer = offers?.get(key);
      if (offer?.direction === "lower-is-better" && offer.method === "ratio") {
        ctx.addIssue({
          code: "custom",
          path,
          message:
            `La valeur de l'offre pour le critère « ${key} » doit être strictement positive : ce critère est noté ` +
            `par la méthode proportionnelle, plus bas est meilleur (note = 100 × plus petite valeur / valeur) ; reçu 0.`,
        });
      }
    }
  }
}

/** Reviewed ids must name questions / offer criteria of the tender. */
function checkReview(
  review: Record<string, unknown>,
  i: number,
  questions: Map<string, unknown> | undefined,
  offers: Map<string, TenderOffer> | undefined,
  ctx: Ctx,
): void {
  const check = (list: unknown, key: string, known: Map<string, unknown> | undefined, what: string) => {
    if (!Array.isArray(list) || known === undefined) return;
    list.forEach((id, j) => {
      if (typeof id === "string" && id !== "" && !known.has(id)) {
        ctx.addIssue({ code: "custom", path: ["suppliers", i, "review", key, j], message: `${what} « ${id} » n'existe pas dans l'appel d'offres.` });
      }
    });
  };
  check(review.answers, "answers", questions, "La question relue");
  check(review.offerValues, "offerValues", offers, "Le critère d'offre relu");
}

interface TenderQuestion {
  id: string;
  allowNotApplicable: boolean;
  /** The id names an Object.prototype member: only an own property counts. */
  inherited: boolean;
}

/**
 * Values and keys of one supplier's answers, in one pass. One lookup per question (fast whatever the
 * object's shape), then a key count to detect stray keys; the key-by-key scan runs only if needed.
 * No closures here: this runs 10,000 times on a large tender.
 */
function checkAnswers(answers: Record<string, unknown>, i: number, questions: TenderQuestion[] | undefined, ctx: Ctx): void {
  if (questions === undefined) {
    // Questions unreadable (already reported): still check the values, key by key.
    for (const key of Object.keys(answers)) {
      const answer = answers[key];
      if (!isAnswer(answer)) ctx.addIssue({ code: "custom", path: ["suppliers", i, "answers", key], input: answer, message: answerMessage(answer) });
    }
    return;
  }
  let matched = 0;
  for (let k = 0; k < questions.length; k++) {
    const q = questions[k]!;
    // One keyed load on the common path. An own key holding `undefined` is caught by the scan below.
    const answer = q.inherited ? (Object.hasOwn(answers, q.id) ? answers[q.id] : undefined) : answers[q.id];
    if (answer === undefined) continue;
    matched++;
    if (!isAnswer(answer)) {
      ctx.addIssue({ code: "custom", path: ["suppliers", i, "answers", q.id], input: answer, message: answerMessage(answer) });
    } else if (answer === NA && !q.allowNotApplicable) {
      ctx.addIssue({
        code: "custom",
        path: ["suppliers", i, "answers", q.id],
        message: `« Sans objet » ("${NA}") n'est pas autorisé pour la question « ${q.id} ».`,
      });
    }
  }
  const keys = Object.keys(answers);
  if (matched === keys.length) return;
  const known = new Set(questions.map((q) => q.id));
  for (const key of keys) {
    if (!known.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["suppliers", i, "answers", key],
        message: `La question « ${key} » n'existe pas dans l'appel d'offres.`,
      });
    } else if (answers[key] === undefined) {
      ctx.addIssue({ code: "custom", path: ["suppliers", i, "answers", key], input: undefined, message: answerMessage(undefined) });
    }
  }
}

const runAlways = { when: (payload: z.core.ParsePayload) => isRecord(payload.value) };

/** The tender's scoring method: what is published before suppliers answer (no suppliers). */
export const scoringMethodSchema = z
  .strictObject(methodShape, { error: objectError("La méthode de notation") })
  .superRefine((value, ctx) => crossCheck(value, ctx as Ctx), runAlways);

/** Full scoring input: the method plus the evaluated suppliers. */
export const scoringInputSchema = z
  .strictObject(
    {
      ...methodShape,
      suppliers: z
        .array(supplierShape(answersObjectSchema, offerValuesObjectSchema), {
          error: typeError("La liste des fournisseurs (suppliers)", "un tableau"),
        })
        .min(1, { error: "Au moins un fournisseur est requis." }),
    },
    { error: objectError("L'entrée de la notation") },
  )
  .superRefine((value, ctx) => crossCheck(value, ctx as Ctx), runAlways);

/** Validated input, defaults applied (question weight 1, allowNotApplicable false, answers {}). */
export type ScoringInput = z.output<typeof scoringInputSchema>;
/** What a caller may write (defaults optional). */
export type ScoringInputRaw = z.input<typeof scoringInputSchema>;
export type ScoringMethod = z.output<typeof scoringMethodSchema>;
export type ScoringMethodRaw = z.input<typeof scoringMethodSchema>;
export type Shares = z.output<typeof sharesSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Question = z.output<typeof questionSchema>;
export type Supplier = z.output<typeof supplierSchema>;
export type Answer = z.output<typeof answerSchema>;
export type Level = (typeof LEVELS)[number];
export type OfferCriterion = z.output<typeof offerCriterionSchema>;
export type OfferCriterionRaw = z.input<typeof offerCriterionSchema>;
export type Procurement = z.output<typeof procurementSchema>;
export type Review = z.output<typeof reviewSchema>;
/** Offer criterion id → value (in the criterion's unit), null when not given. */
export type OfferValues = Record<string, number | null>;
