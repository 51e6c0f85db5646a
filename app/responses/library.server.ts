import { and, asc, eq } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import { getGuide, getQuestion } from "#questionnaires/guide";
import { answerLibrary, responseAnswers } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { toCsv } from "~/lib/csv";
import { db, type Tx } from "~/lib/db.server";
import { REASON_MAX, TEXT_MAX, type AnswerDraft } from "./schemas";

/**
 * The answer library: the organisation's latest answer to each guide question, per guide version.
 * Every saved answer lands here; new questionnaires are pre-filled from it.
 */
function hasContent(a: Pick<AnswerDraft, "level" | "text" | "notApplicable" | "notApplicableReason">): boolean {
  return a.level !== null || a.notApplicable || a.text.trim() !== "" || a.notApplicableReason.trim() !== "";
}

export function upsertLibrary(
  tx: Tx,
  { user, ...input }: { user: CurrentUser; guideVersion: string; questionId: string; answer: AnswerDraft; at: string },
): void {
  if (!hasContent(input.answer)) return;
  const values = {
    level: input.answer.level,
    text: input.answer.text,
    notApplicable: input.answer.notApplicable,
    notApplicableReason: input.answer.notApplicableReason,
    updatedBy: user.id,
    updatedAt: input.at,
  };
  tx.insert(answerLibrary)
    .values({ supplierOrganisationId: user.organisationId, guideVersion: input.guideVersion, questionId: input.questionId, ...values })
    .onConflictDoUpdate({ target: [answerLibrary.supplierOrganisationId, answerLibrary.guideVersion, answerLibrary.questionId], set: values })
    .run();
}

/** Copies library answers into a new draft, flagged « reprise — à vérifier ». */
export function prefillFromLibrary(
  tx: Tx,
  { user, ...input }: { user: CurrentUser; responseId: number; guideVersion: string; questionIds: string[] },
): number {
  const wanted = new Set(input.questionIds);
  const entries = tx
    .select()
    .from(answerLibrary)
    .where(and(eq(answerLibrary.supplierOrganisationId, user.organisationId), eq(answerLibrary.guideVersion, input.guideVersion)))
    .all()
    .filter((e) => wanted.has(e.questionId));
  for (const e of entries) {
    tx.insert(responseAnswers)
      .values({
        responseId: input.responseId,
        questionId: e.questionId,
        level: e.level,
        text: e.text,
        notApplicable: e.notApplicable,
        notApplicableReason: e.notApplicableReason,
        reusedUnconfirmed: true,
        revision: 0,
        updatedBy: e.updatedBy,
        updatedAt: e.updatedAt,
      })
      .onConflictDoNothing()
      .run();
  }
  return entries.length;
}

export type LibraryEntry = {
  guideVersion: string;
  questionId: string;
  level: number | null;
  text: string;
  notApplicable: boolean;
  notApplicableReason: string;
  updatedAt?: string;
};

export function listLibrary({ user }: { user: CurrentUser }): LibraryEntry[] {
  return db()
    .select({
      guideVersion: answerLibrary.guideVersion,
      questionId: answerLibrary.questionId,
      level: answerLibrary.level,
      text: answerLibrary.text,
      notApplicable: answerLibrary.notApplicable,
      notApplicableReason: answerLibrary.notApplicableReason,
      updatedAt: answerLibrary.updatedAt,
    })
    .from(answerLibrary)
    .where(eq(answerLibrary.supplierOrganisationId, user.organisationId))
    .orderBy(asc(answerLibrary.guideVersion), asc(answerLibrary.id))
    .all()
    .sort((a, b) => (a.guideVersion === b.guideVersion ? questionOrder(a) - questionOrder(b) : a.guideVersion < b.guideVersion ? -1 : 1));
}

function questionOrder(e: { guideVersion: string; questionId: string }): number {
  const guide = getGuide(e.guideVersion);
  return guide ? guide.questions.findIndex((q) => q.id === e.questionId) : 0;
}

export const LIBRARY_FORMAT = "nr-procure/bibliotheque-reponses";

export function exportLibraryJson({ user }: { user: CurrentUser }) {
  const answers = listLibrary({ user });
  db().transaction((tx) => audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.export", details: { format: "json", count: answers.length } }));
  return { format: LIBRARY_FORMAT, formatVersion: 1, organisation: user.organisationName, exportedAt: new Date().toISOString(), answers };
}

export const CSV_HEADER = ["version du guide", "question", "niveau", "non applicable", "justification non applicable", "réponse", "mise à jour"] as const;

export function exportLibraryCsv({ user }: { user: CurrentUser }): string {
  const answers = listLibrary({ user });
  db().transaction((tx) => audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.export", details: { format: "csv", count: answers.length } }));
  return toCsv([
    [...CSV_HEADER],
    ...answers.map((a) => [a.guideVersion, a.questionId, a.level ?? "", a.notApplicable ? "oui" : "non", a.notApplicableReason, a.text, a.updatedAt ?? ""]),
  ]);
}

// ------------------------------------------------------------------------------------------------
// Import (all-or-nothing)

export const libraryEntrySchema = z
  .object({
    guideVersion: z.string({ error: "version du guide manquante" }).min(1, "version du guide manquante"),
    questionId: z.string({ error: "identifiant de question manquant" }).min(1, "identifiant de question manquant"),
    level: z
      .number({ error: "niveau invalide (1 à 5 ou vide)" })
      .int("niveau invalide (1 à 5 ou vide)")
      .min(1, "niveau invalide (1 à 5 ou vide)")
      .max(5, "niveau invalide (1 à 5 ou vide)")
      .nullable(),
    text: z.string({ error: "réponse invalide" }).max(TEXT_MAX, `réponse trop longue (${TEXT_MAX} caractères au plus)`),
    notApplicable: z.boolean({ error: "« non applicable » doit valoir oui ou non" }),
    notApplicableReason: z.string({ error: "justification invalide" }).max(REASON_MAX, `justification trop longue (${REASON_MAX} caractères au plus)`),
  })
  .superRefine((e, ctx) => {
    const guide = getGuide(e.guideVersion);
    if (!guide) ctx.addIssue({ code: "custom", path: ["guideVersion"], message: `version du guide inconnue : « ${e.guideVersion} »` });
    else if (!getQuestion(guide, e.questionId))
      ctx.addIssue({ code: "custom", path: ["questionId"], message: `question inconnue dans la version ${e.guideVersion} : « ${e.questionId} »` });
  });

const jsonFileSchema = z.object({
  format: z.literal(LIBRARY_FORMAT, { error: `format inattendu (attendu : « ${LIBRARY_FORMAT} »)` }),
  answers: z.array(z.unknown(), { error: "liste « answers » manquante" }),
});

export type ImportResult = { ok: true; count: number } | { ok: false; errors: string[] };

/** Undoes the CSV writer's formula neutralisation (a leading apostrophe before = + - @ tab CR). */
function unescapeFormula(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function parseCsvRows(text: string): { rows: { line: number; value: unknown }[]; errors: string[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: "", skipEmptyLines: "greedy" });
  const errors = parsed.errors.slice(0, 10).map((e) => `Ligne ${(e.row ?? 0) + 1} : ${e.message}`);
  const [header, ...data] = parsed.data;
  const expected = CSV_HEADER.slice(0, 6);
  if (!header || expected.some((h, i) => (header[i] ?? "").trim().toLowerCase() !== h)) {
    return { rows: [], errors: [`Ligne 1 : en-tête attendu « ${CSV_HEADER.join(" ; ")} »`] };
  }
  const rows = data.map((cells, i) => {
    const cell = (n: number) => unescapeFormula(cells[n] ?? "");
    const levelText = cell(2).trim();
    const naText = cell(3).trim().toLowerCase();
    return {
      line: i + 2,
      value: {
        guideVersion: cell(0).trim(),
        questionId: cell(1).trim(),
        level: levelText === "" ? null : /^\d+$/.test(levelText) ? Number(levelText) : levelText,
        notApplicable: naText === "oui" ? true : naText === "non" || naText === "" ? false : naText,
        notApplicableReason: cell(4),
        text: cell(5),
      },
    };
  });
  return { rows, errors };
}

function parseJsonRows(text: string): { rows: { line: number; value: unknown }[]; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { rows: [], errors: ["Le fichier n'est pas un JSON valide."] };
  }
  const file = jsonFileSchema.safeParse(data);
  if (!file.success) return { rows: [], errors: file.error.issues.map((i) => `Fichier : ${i.message}`) };
  return { rows: file.data.answers.map((value, i) => ({ line: i + 1, value })), errors: [] };
}

/** Validates every entry first; writes all of them in one transaction only when none is wrong. */
export function importLibrary({ user, text, kind }: { user: CurrentUser; text: string; kind: "json" | "csv" }): ImportResult {
  const { rows, errors } = kind === "csv" ? parseCsvRows(text) : parseJsonRows(text);
  if (errors.length) return { ok: false, errors };
  const label = kind === "csv" ? "Ligne" : "Réponse n°";
  const valid: LibraryEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of rows) {
    const parsed = libraryEntrySchema.safeParse(value);
    if (!parsed.success) {
      errors.push(`${label} ${line} : ${[...new Set(parsed.error.issues.map((i) => i.message))].join(" ; ")}`);
      continue;
    }
    const key = `${parsed.data.guideVersion}|${parsed.data.questionId}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push(`${label} ${line} : la question ${parsed.data.questionId} figure déjà (${label.toLowerCase()} ${first})`);
    else seen.set(key, line);
    valid.push(parsed.data);
  }
  if (rows.length === 0) errors.push("Le fichier ne contient aucune réponse.");
  if (errors.length) return { ok: false, errors };
  const at = new Date().toISOString();
  db().transaction((tx) => {
    for (const e of valid) {
      upsertLibrary(tx, { user, guideVersion: e.guideVersion, questionId: e.questionId, answer: { ...e, reused: false }, at });
    }
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.import", details: { format: kind, count: valid.length } });
  });
  return { ok: true, count: valid.length };
}
