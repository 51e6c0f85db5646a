import { and, asc, eq, lte } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import { getGuide, getQuestion } from "#questionnaires/guide";
import { answerLibrary, responseAnswers, tenders, type LibrarySource } from "#db/schema";
import { campaignIdsAmong } from "~/campaigns/prefill.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { toCsv } from "~/lib/csv";
import { db, type Tx, transaction } from "~/lib/db.server";
import type { SubmittedAnswer } from "~/lib/submission-content";
import { REASON_MAX, TEXT_MAX, type AnswerDraft } from "./schemas";

/**
 * The answer library: the organisation's latest *submitted* answer to each guide question, per
 * guide version, with where it came from (decision 015, issue 20). It is filled at submission, in
 * the transaction that writes the immutable copy, and by imports; draft saves no longer write it
 * (a half-written draft is not an answer to reuse). New questionnaires are pre-filled from it.
 * The submissions made before this rule were copied in by migration 0004 (custom SQL).
 */
function hasContent(a: Pick<AnswerDraft, "level" | "text" | "notApplicable" | "notApplicableReason">): boolean {
  return a.level !== null || a.notApplicable || a.text.trim() !== "" || a.notApplicableReason.trim() !== "";
}

type Origin = { source: "import" } | { source: "submission"; tenderId: number; submissionId: number };

/** Writes one entry unless the library already holds a later version of that answer. */
async function upsertLibrary(
  tx: Pick<Tx, "insert">,
  { user, ...input }: { user: Pick<CurrentUser, "id" | "organisationId">; guideVersion: string; questionId: string; answer: Omit<AnswerDraft, "reused">; at: string; origin: Origin },
): Promise<void> {
  if (!hasContent(input.answer)) return;
  const values = {
    level: input.answer.notApplicable ? null : input.answer.level,
    text: input.answer.text,
    notApplicable: input.answer.notApplicable,
    notApplicableReason: input.answer.notApplicable ? input.answer.notApplicableReason : "",
    updatedBy: user.id,
    updatedAt: input.at,
    source: input.origin.source,
    sourceTenderId: input.origin.source === "submission" ? input.origin.tenderId : null,
    sourceSubmissionId: input.origin.source === "submission" ? input.origin.submissionId : null,
  };
  await tx.insert(answerLibrary)
        .values({ supplierOrganisationId: user.organisationId, guideVersion: input.guideVersion, questionId: input.questionId, ...values })
        .onConflictDoUpdate({
          target: [answerLibrary.supplierOrganisationId, answerLibrary.guideVersion, answerLibrary.questionId],
          set: values,
          setWhere: lte(answerLibrary.updatedAt, input.at),
        });
}

/**
 * At submission, inside its transaction: every answered question of the submitted copy becomes the
 * library's latest version of that answer, pointing at the tender and the submission.
 */
export async function fillLibraryFromSubmission(
  tx: Pick<Tx, "insert">,
  input: { user: Pick<CurrentUser, "id" | "organisationId">; tenderId: number; submissionId: number; guideVersion: string; answers: readonly SubmittedAnswer[]; at: string },
): Promise<number> {
  let written = 0;
  for (const a of input.answers) {
    if (!hasContent(a)) continue;
    await upsertLibrary(tx, {
            user: input.user,
            guideVersion: input.guideVersion,
            questionId: a.questionId,
            answer: a,
            at: input.at,
            origin: { source: "submission", tenderId: input.tenderId, submissionId: input.submissionId },
          });
    written += 1;
  }
  return written;
}

/** Copies library answers into a new draft, flagged « reprise — à vérifier ». */
export async function prefillFromLibrary(
  tx: Tx,
  {
    user,
    ...input
  }: {
    user: CurrentUser;
    responseId: number;
    guideVersion: string;
    questionIds: string[];
    /** Scored questions of a tender: never pre-filled from an entry a maturity campaign wrote (issue 14). */
    noCampaignSourceFor?: ReadonlySet<string>;
  },
): Promise<number> {
  const wanted = new Set(input.questionIds);
  const all = (await tx
      .select()
      .from(answerLibrary)
      .where(and(eq(answerLibrary.supplierOrganisationId, user.organisationId), eq(answerLibrary.guideVersion, input.guideVersion))))
    .filter((e) => wanted.has(e.questionId));
  const campaigns = input.noCampaignSourceFor?.size
    ? await campaignIdsAmong(tx, [...new Set(all.map((e) => e.sourceTenderId).filter((x): x is number => x !== null))])
    : new Set<number>();
  const entries = all.filter((e) => !(input.noCampaignSourceFor?.has(e.questionId) && e.sourceTenderId !== null && campaigns.has(e.sourceTenderId)));
  for (const e of entries) {
    await tx.insert(responseAnswers)
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
            .onConflictDoNothing();
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

/** Where an entry came from, as the library page and the exports say it. */
export type LibraryOrigin = { source: LibrarySource; tenderId: number | null; tenderTitle: string | null; tenderReference: string | null };

export function originLabel(o: LibraryOrigin): string {
  switch (o.source) {
    case "submission":
      return `Réponse déposée — ${o.tenderTitle ?? "consultation"}${o.tenderReference ? ` (${o.tenderReference})` : ""}`;
    case "import":
      return "Importée d'un fichier";
    case "draft":
      return "Enregistrée dans un brouillon (avant le remplissage au dépôt)";
  }
}

/**
 * The organisation's entries, in guide order, each with its origin. The tender of a submission is
 * one the organisation answered (the entry is its own), so showing its title reveals nothing.
 */
export async function listLibrary({ user }: { user: CurrentUser }): Promise<(LibraryEntry & { updatedAt: string; origin: LibraryOrigin })[]> {
  return (await db()
      .select({
        guideVersion: answerLibrary.guideVersion,
        questionId: answerLibrary.questionId,
        level: answerLibrary.level,
        text: answerLibrary.text,
        notApplicable: answerLibrary.notApplicable,
        notApplicableReason: answerLibrary.notApplicableReason,
        updatedAt: answerLibrary.updatedAt,
        source: answerLibrary.source,
        tenderId: answerLibrary.sourceTenderId,
        tenderTitle: tenders.title,
        tenderReference: tenders.reference,
      })
      .from(answerLibrary)
      .leftJoin(tenders, eq(tenders.id, answerLibrary.sourceTenderId))
      .where(eq(answerLibrary.supplierOrganisationId, user.organisationId))
      .orderBy(asc(answerLibrary.guideVersion), asc(answerLibrary.id)))
    .sort((a, b) => (a.guideVersion === b.guideVersion ? questionOrder(a) - questionOrder(b) : a.guideVersion < b.guideVersion ? -1 : 1))
    .map(({ source, tenderId, tenderTitle, tenderReference, ...e }) => ({ ...e, origin: { source, tenderId, tenderTitle, tenderReference } }));
}

function questionOrder(e: { guideVersion: string; questionId: string }): number {
  const guide = getGuide(e.guideVersion);
  return guide ? guide.questions.findIndex((q) => q.id === e.questionId) : 0;
}

export const LIBRARY_FORMAT = "nr-procure/bibliotheque-reponses";

export async function exportLibraryJson({ user }: { user: CurrentUser }) {
  const answers = (await listLibrary({ user })).map(({ origin, ...e }) => ({ ...e, origin: originLabel(origin) }));
  await transaction(async (tx) => await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.export", details: { format: "json", count: answers.length } }));
  return { format: LIBRARY_FORMAT, formatVersion: 1, organisation: user.organisationName, exportedAt: new Date().toISOString(), answers };
}

export const CSV_HEADER = ["version du guide", "question", "niveau", "non applicable", "justification non applicable", "réponse", "mise à jour", "origine"] as const;

export async function exportLibraryCsv({ user }: { user: CurrentUser }): Promise<string> {
  const answers = await listLibrary({ user });
  await transaction(async (tx) => await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.export", details: { format: "csv", count: answers.length } }));
  return toCsv([
    [...CSV_HEADER],
    ...answers.map((a) => [a.guideVersion, a.questionId, a.level ?? "", a.notApplicable ? "oui" : "non", a.notApplicableReason, a.text, a.updatedAt, originLabel(a.origin)]),
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
export async function importLibrary({ user, text, kind }: { user: CurrentUser; text: string; kind: "json" | "csv" }): Promise<ImportResult> {
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
  await transaction(async (tx) => {
        for (const e of valid) {
          await upsertLibrary(tx, { user, guideVersion: e.guideVersion, questionId: e.questionId, answer: e, at, origin: { source: "import" } });
        }
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "library.import", details: { format: kind, count: valid.length } });
      });
  return { ok: true, count: valid.length };
}
