/**
 * What changed between two editions of the guide, question by question (wording, scope, contract wording,
 * descriptors, topic…), with the editorial notes the newer edition gives for its changes. Pure; used by the
 * public page /guide/changements.
 */
import { maturityScale } from "../maturity-scale";
import type { ChangeNote, Criterion, Guide, Question } from "./schema";

export const comparedQuestionFields = [
  "criterion",
  "topic",
  "topicTag",
  "text",
  "scope",
  "contractText",
  "guidance",
  "evidenceExamples",
  "levels",
  "topicSources",
  "allowNotApplicableByDefault",
] as const satisfies readonly (keyof Question)[];
export type ComparedQuestionField = (typeof comparedQuestionFields)[number];

/** French label of each compared field. */
export const questionFieldLabels: Readonly<Record<ComparedQuestionField, string>> = {
  criterion: "Critère",
  topic: "Sujet",
  topicTag: "Étiquette de sujet",
  text: "Question",
  scope: "Portée",
  contractText: "Formulation pour le présent marché",
  guidance: "Ce qu'une réponse solide montre",
  evidenceExamples: "Exemples de preuves",
  levels: "Descripteurs des niveaux",
  topicSources: "Références du sujet",
  allowNotApplicableByDefault: "« Non applicable » admis par défaut",
};

export interface FieldChange {
  readonly field: ComparedQuestionField;
  readonly label: string;
  /** Readable French rendering; null when the field is absent. */
  readonly before: string | null;
  readonly after: string | null;
}

export interface QuestionComparison {
  readonly id: string;
  readonly status: "added" | "removed" | "changed" | "unchanged";
  /** Criterion in the newer edition (or the older one for a removed question). */
  readonly criterion: string;
  readonly topic: string;
  readonly changes: readonly FieldChange[];
  /** Editorial notes of the newer edition that name this question. */
  readonly notes: readonly ChangeNote[];
}

export interface GuideComparison {
  readonly from: string;
  readonly to: string;
  readonly questions: readonly QuestionComparison[];
  /** Criteria whose title changed (the INR/ISIT titles do not change between our editions; checked anyway). */
  readonly criteriaTitleChanges: readonly { id: string; before: string; after: string }[];
  /** Notes of the newer edition when it follows `from` directly; otherwise empty. */
  readonly notes: readonly ChangeNote[];
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number; readonly unchanged: number };
}

const SCOPE_LABELS: Readonly<Record<string, string>> = {
  contract: "Marché (moyens affectés au présent marché)",
  organisation: "Organisation (politique générale de l'entreprise)",
};

function render(question: Question, field: ComparedQuestionField): string | null {
  switch (field) {
    case "scope":
      return question.scope ? (SCOPE_LABELS[question.scope] ?? question.scope) : "Non précisée (lue comme « organisation »)";
    case "levels":
      return question.levels
        ? maturityScale.map((s) => `${s.level} · ${s.label} : ${question.levels?.[s.level] ?? ""}`).join("\n")
        : "Échelle générique (aucun descripteur propre)";
    case "evidenceExamples":
    case "topicSources":
      return question[field].join(" ; ");
    case "allowNotApplicableByDefault":
      return question[field] ? "oui" : "non";
    default: {
      const value = question[field];
      return value === undefined ? null : value;
    }
  }
}

function compareQuestion(before: Question, after: Question): FieldChange[] {
  return comparedQuestionFields.flatMap((field) => {
    const a = render(before, field);
    const b = render(after, field);
    return a === b ? [] : [{ field, label: questionFieldLabels[field], before: a, after: b }];
  });
}

/** Compare two editions (any order of publication), question by question. */
export function compareGuides(from: Guide, to: Guide): GuideComparison {
  const notes = to.changesFromPrevious?.previousVersion === from.version ? to.changesFromPrevious.notes : [];
  const notesOf = (id: string) => notes.filter((n) => n.questions.includes(id));
  const oldById = new Map(from.questions.map((q) => [q.id, q]));
  const newIds = new Set(to.questions.map((q) => q.id));
  const criterionOrder = new Map<string, number>(to.criteria.map((c: Criterion) => [c.id, c.number]));

  const compared: QuestionComparison[] = to.questions.map((q) => {
    const old = oldById.get(q.id);
    if (!old) {
      return { id: q.id, status: "added", criterion: q.criterion, topic: q.topic, changes: [], notes: notesOf(q.id) };
    }
    const changes = compareQuestion(old, q);
    return { id: q.id, status: changes.length ? "changed" : "unchanged", criterion: q.criterion, topic: q.topic, changes, notes: notesOf(q.id) };
  });
  for (const old of from.questions) {
    if (newIds.has(old.id)) continue;
    compared.push({ id: old.id, status: "removed", criterion: old.criterion, topic: old.topic, changes: [], notes: notesOf(old.id) });
  }
  compared.sort(
    (a, b) =>
      (criterionOrder.get(a.criterion) ?? 99) - (criterionOrder.get(b.criterion) ?? 99) || a.id.localeCompare(b.id, "fr"),
  );

  const oldCriteria = new Map(from.criteria.map((c) => [c.id, c]));
  const criteriaTitleChanges = to.criteria.flatMap((c) => {
    const old = oldCriteria.get(c.id);
    return old && old.title !== c.title ? [{ id: c.id, before: old.title, after: c.title }] : [];
  });

  const count = (status: QuestionComparison["status"]) => compared.filter((q) => q.status === status).length;
  return {
    from: from.version,
    to: to.version,
    questions: compared,
    criteriaTitleChanges,
    notes,
    counts: { added: count("added"), removed: count("removed"), changed: count("changed"), unchanged: count("unchanged") },
  };
}
