/**
 * What the questionnaire page shows and exchanges with its action, shared by the server module
 * that builds it (questionnaire.server.ts) and the components that render it. Browser-safe.
 */
import { maturityScale } from "#questionnaires/maturity-scale";
import type { AnswerDraft } from "./schemas";

export type LevelOption = { level: number; label: string; descriptor: string };

/** The five levels for one question: the question's own descriptors when it has them, else the generic scale. */
export function levelOptions(questionLevels: Readonly<Record<"1" | "2" | "3" | "4" | "5", string>> | undefined): LevelOption[] {
  return maturityScale.map((entry) => ({
    level: entry.level,
    label: entry.label,
    descriptor: questionLevels?.[String(entry.level) as "1" | "2" | "3" | "4" | "5"] ?? entry.descriptor,
  }));
}

export function levelLabel(level: number | null): string {
  if (level === null) return "aucun niveau";
  const entry = maturityScale[level - 1];
  return entry ? `${level} — ${entry.label}` : String(level);
}

export type QuestionView = {
  id: string;
  topic: string;
  text: string;
  guidance: string;
  evidenceExamples: string[];
  levels: LevelOption[];
  allowNotApplicable: boolean;
  /** Asked for information only: weight 0 in the tender's method (issue 11 §2, public buyers). */
  informationOnly?: boolean;
  /** Pre-filled from an evaluated maturity campaign (information-only questions of a tender): where from. */
  sourceNote?: string;
};

/** One section (criterion) of the questionnaire with its progress: complete answers out of its questions. */
export type SectionSummary = { id: string; number: number; title: string; total: number; complete: number };

export type FileView = { answerFileId: number; fileId: number; originalName: string; size: number };

/** A colleague saved since the page loaded: their value and ours, per question. */
export type ConflictView = {
  currentVersion: number;
  items: { questionId: string; theirs: AnswerDraft; mine: AnswerDraft; mineChanged: boolean; by: string; at: string }[];
};

/** What the questionnaire action answers (autosave, explicit save, files, submission). */
export type QuestionnaireActionResult =
  | { intent: "save"; ok: true; version: number; savedAt: string; saved: string[]; fingerprints: Record<string, string> }
  | { intent: "save"; ok: false; conflict: ConflictView & { fingerprints: Record<string, string>; myChanges: Record<string, AnswerDraft> }; error?: undefined }
  | { intent: string; ok: false; error: string; questionId?: string; offerErrors?: Record<string, string> }
  | { intent: "offer-values"; ok: true; saved: number }
  | { intent: "upload" | "remove-file"; ok: true; questionId: string }
  | { intent: "submit"; ok: false; unanswered: string[]; incomplete: string[]; reused: string[]; error?: undefined };
