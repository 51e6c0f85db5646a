import { z } from "zod";

/**
 * Schemas of the supplier questionnaire, shared by the browser (react-hook-form) and the server
 * (actions). Field names in the HTML form are dotted paths (`answers.GOUV-01.level`) so that a
 * plain post without JavaScript carries the same structure react-hook-form builds.
 *
 * Two levels of checking:
 * - the *draft* schema (structure and lengths) is what a save requires: nothing the supplier typed
 *   is refused because it is unfinished;
 * - the *complete* schema adds the completeness rules (level chosen, text from level 2 up, reason
 *   for « non applicable »): shown live next to the fields and enforced on submission.
 */
export const TEXT_MAX = 20_000;
export const REASON_MAX = 2_000;

/** Browsers post textarea line breaks as CRLF; stored text always uses LF. */
function normaliseNewlines(s: string): string {
  return s.replace(/\r\n?/g, "\n");
}

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

const levelField = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : typeof v === "string" ? Number(v) : v),
  z
    .number({ error: "Niveau invalide : choisissez un niveau de 1 à 5" })
    .int("Niveau invalide : choisissez un niveau de 1 à 5")
    .min(1, "Niveau invalide : choisissez un niveau de 1 à 5")
    .max(5, "Niveau invalide : choisissez un niveau de 1 à 5")
    .nullable(),
);

export const answerDraftSchema = z.object({
  level: levelField,
  text: z
    .string()
    .max(TEXT_MAX, `Réponse trop longue (${TEXT_MAX.toLocaleString("fr-FR")} caractères au plus)`)
    .default("")
    .transform(normaliseNewlines),
  notApplicable: checkbox,
  notApplicableReason: z
    .string()
    .max(REASON_MAX, `Justification trop longue (${REASON_MAX.toLocaleString("fr-FR")} caractères au plus)`)
    .default("")
    .transform(normaliseNewlines),
  /** Pre-filled from the library and not yet confirmed. */
  reused: checkbox,
});
export type AnswerDraft = z.infer<typeof answerDraftSchema>;

export const emptyAnswer: AnswerDraft = { level: null, text: "", notApplicable: false, notApplicableReason: "", reused: false };

export type AnswerProblem = { field: "level" | "text" | "notApplicable" | "notApplicableReason"; message: string; kind: "unanswered" | "incomplete" };

export const MESSAGES = {
  levelMissing: "Choisissez un niveau de maturité (ou « non applicable » si la consultation le permet).",
  textRequired: "La réponse est obligatoire à partir du niveau 2 : décrivez ce qui est en place aujourd'hui.",
  reasonRequired: "Expliquez pourquoi la question ne s'applique pas à votre organisation.",
  naNotAllowed: "« Non applicable » n'est pas autorisé pour cette question dans cette consultation.",
} as const;

/** Completeness rules of one answer (empty list = ready to submit). */
export function answerProblems(a: AnswerDraft, allowNotApplicable: boolean): AnswerProblem[] {
  if (a.notApplicable) {
    if (!allowNotApplicable) return [{ field: "notApplicable", message: MESSAGES.naNotAllowed, kind: "incomplete" }];
    if (!a.notApplicableReason.trim()) return [{ field: "notApplicableReason", message: MESSAGES.reasonRequired, kind: "incomplete" }];
    return [];
  }
  if (a.level === null) return [{ field: "level", message: MESSAGES.levelMissing, kind: "unanswered" }];
  if (a.level >= 2 && !a.text.trim()) return [{ field: "text", message: MESSAGES.textRequired, kind: "incomplete" }];
  return [];
}

function buildAnswerCompleteSchema(allowNotApplicable: boolean) {
  return answerDraftSchema.superRefine((a, ctx) => {
    for (const p of answerProblems(a, allowNotApplicable)) ctx.addIssue({ code: "custom", path: [p.field], message: p.message });
  });
}
// zod schemas are immutable: built once and shared (building them was ~2 % of a questionnaire page's
// server CPU, rebuilt on every render; issue 16).
const answerCompleteSchemas = [buildAnswerCompleteSchema(false), buildAnswerCompleteSchema(true)] as const;

export function answerCompleteSchema(allowNotApplicable: boolean) {
  return answerCompleteSchemas[allowNotApplicable ? 1 : 0];
}

export type QuestionRule = { id: string; allowNotApplicable: boolean };

/** The questionnaire form (`{ answers: { [questionId]: answer } }`) for the tender's included questions. */
export function questionnaireSchema(questions: readonly QuestionRule[], mode: "draft" | "complete") {
  const key = `${mode}:${questions.map((q) => `${q.id}${q.allowNotApplicable ? "+" : "-"}`).join(",")}`;
  let schema = questionnaireSchemas.get(key);
  if (!schema) {
    schema = z.object({
      answers: z.object(
        Object.fromEntries(questions.map((q) => [q.id, mode === "complete" ? answerCompleteSchema(q.allowNotApplicable) : answerDraftSchema])),
      ),
    });
    if (questionnaireSchemas.size >= 64) questionnaireSchemas.delete(questionnaireSchemas.keys().next().value!);
    questionnaireSchemas.set(key, schema);
  }
  return schema;
}
/** Per question list and mode (a handful: the sections of the published methods in use). */
const questionnaireSchemas = new Map<string, z.ZodObject<{ answers: z.ZodObject<Record<string, typeof answerDraftSchema | ReturnType<typeof buildAnswerCompleteSchema>>> }>>();

/** Values as react-hook-form holds them (strings from inputs, booleans from checkboxes). */
export type AnswerFormValues = { level: string | null; text: string; notApplicable: boolean; notApplicableReason: string; reused: boolean };
export type QuestionnaireFormValues = { answers: Record<string, AnswerFormValues> };

export function toFormValues(a: AnswerDraft): AnswerFormValues {
  return { level: a.level === null ? null : String(a.level), text: a.text, notApplicable: a.notApplicable, notApplicableReason: a.notApplicableReason, reused: a.reused };
}

/** The save request: draft answers plus the concurrency bookkeeping. */
export const saveRequestSchema = z.object({
  version: z.coerce.number({ error: "Version manquante" }).int().min(0),
  answers: z.record(z.string(), answerDraftSchema).default({}),
  /** Fingerprint of each answer as the page loaded it: an answer equal to it was not touched. */
  orig: z.record(z.string(), z.string().max(64)).default({}),
  /** After a conflict, per question: keep mine or take the colleague's. */
  resolve: z.record(z.string(), z.enum(["mine", "theirs"])).default({}),
  /** No-JS « Confirmer » button: the question whose reused answer is confirmed. */
  confirm: z.string().max(20).optional(),
});
export type SaveRequest = z.infer<typeof saveRequestSchema>;
