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
  PRICE_METHODS,
  SHARE_SUM_TOLERANCE,
} from "./constants";

// ---------------------------------------------------------------------------------------------
// Message helpers

/** French rendering of a number: decimal comma, full precision (a sum of 99.99999 must not read "100"). */
export function frNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** Short French description of an offending value, for "reçu …" in messages. */
function show(input: unknown): string {
  if (input === undefined) return "rien";
  if (input === null) return "null";
  if (typeof input === "number") return Number.isFinite(input) ? frNumber(input) : String(input);
  if (typeof input === "string") return `« ${input.length > 40 ? `${input.slice(0, 40)}…` : input} »`;
  if (typeof input === "boolean") return String(input);
  if (Array.isArray(input)) return "un tableau";
  if (typeof input === "object") return "un objet";
  return typeof input;
}

type Issue = z.core.$ZodRawIssue;

/**
 * Message for a wrong or missing type: `label` is the subject ("Le prix"), `expected` what it must
 * be; `plural` agrees the verb with plural subjects ("Les réponses doivent…").
 */
function typeError(label: string, expected: string, plural = false) {
  const [must, required] = plural ? ["doivent", "sont obligatoires"] : ["doit", "est obligatoire"];
  return (iss: Issue): string =>
    iss.input === undefined ? `${label} ${required} (${expected}).` : `${label} ${must} être ${expected} ; reçu ${show(iss.input)}.`;
}

/** Object schemas: French message for wrong type and for unknown keys (typos such as "weigth"). */
function objectError(label: string, plural = false) {
  return (iss: Issue): string | undefined => {
    if (iss.code === "unrecognized_keys") {
      const keys = (iss.keys as string[]).map((k) => `« ${k} »`).join(", ");
      return iss.keys.length > 1 ? `Champs inconnus : ${keys}.` : `Champ inconnu : ${keys}.`;
    }
    if (iss.code === "invalid_type") return typeError(label, "un objet", plural)(iss);
    return undefined;
  };
}

function numberField(label: string) {
  return z.number({ error: typeError(label, "un nombre") });
}

function nonNegative(label: string) {
  return numberField(label).min(0, { error: (iss) => `${label} doit être ≥ 0 ; reçu ${show(iss.input)}.` });
}

/** Ids are used as object keys in the output; "__proto__" would silently vanish there. */
function idField(label: string) {
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
  },
  { error: objectError("La question") },
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

function isPlainObject(v: unknown): v is Record<string, unknown> {
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

function supplierShape(answers: typeof answersObjectSchema) {
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
    },
    { error: objectError("Le fournisseur") },
  );
}

/** Standalone supplier schema: answer values checked, answer keys not (they need the tender). */
export const supplierSchema = supplierShape(answersSchema);

const methodShape = {
  shares: sharesSchema,
  priceMethod: priceMethodSchema,
  criteria: z
    .array(criterionSchema, { error: typeError("La liste des critères (criteria)", "un tableau") })
    .min(1, { error: "Au moins un critère RSE est requis." }),
  questions: z.array(questionSchema, { error: typeError("La liste des questions (questions)", "un tableau") }),
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
  }
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
        .array(supplierShape(answersObjectSchema), {
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

// ---------------------------------------------------------------------------------------------
// Parsing and French issue formatting

export interface FormattedIssue {
  /** JSON path such as `suppliers[0].answers.G1`; "" for the root. */
  path: string;
  message: string;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FormattedIssue[] };

/** zod's French locale as a per-parse fallback; never installed globally. */
const frenchFallback = z.locales.fr().localeError;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["suppliers", 0, "answers", "G1"]` → `suppliers[0].answers.G1`; odd keys are quoted: `answers["gouv-1"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const key = typeof seg === "symbol" ? (seg.description ?? "") : seg;
      out += IDENTIFIER.test(key) ? (out === "" ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** French, path-addressed list of problems, in the order zod found them. */
export function formatIssues(error: z.ZodError | readonly z.core.$ZodIssue[]): FormattedIssue[] {
  const issues = error instanceof z.ZodError ? error.issues : error;
  return issues.map((iss) => ({ path: formatPath(iss.path), message: iss.message }));
}

export function parseScoringInput(input: unknown): ParseResult<ScoringInput> {
  const r = scoringInputSchema.safeParse(input, { error: frenchFallback });
  return r.success ? { success: true, data: r.data } : { success: false, issues: formatIssues(r.error) };
}

export function parseScoringMethod(input: unknown): ParseResult<ScoringMethod> {
  const r = scoringMethodSchema.safeParse(input, { error: frenchFallback });
  return r.success ? { success: true, data: r.data } : { success: false, issues: formatIssues(r.error) };
}

/** Thrown by `score` / `explain` on invalid input; carries every problem. */
export class ScoringInputError extends Error {
  readonly issues: FormattedIssue[];
  constructor(issues: FormattedIssue[]) {
    const lines = issues.map((i) => `${i.path || "(racine)"} : ${i.message}`);
    super(`Données de notation invalides (${issues.length} problème${issues.length > 1 ? "s" : ""}) :\n${lines.join("\n")}`);
    this.name = "ScoringInputError";
    this.issues = issues;
  }
}
