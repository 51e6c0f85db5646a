import { currentGuide, getCriterion, questionsOf, searchQuestions } from "#questionnaires/guide";
import { toCsv } from "./csv";

/** Public view of the guide (no login): what /guide, /guide.json and /guide.csv serve. */
export function guideOverview() {
  const guide = currentGuide;
  return {
    version: guide.version,
    title: guide.title,
    source: guide.source,
    licence: guide.licence,
    editionNote: guide.editionNote,
    questionCount: guide.questions.length,
    criteria: guide.criteria.map((c) => ({ ...c, questionCount: questionsOf(guide, c.id).length })),
  };
}

export function guideSearch(query: string) {
  const guide = currentGuide;
  return searchQuestions(guide, query).map((q) => ({
    ...q,
    criterionTitle: getCriterion(guide, q.criterion)?.title ?? q.criterion,
  }));
}

export function guideCriterion(id: string) {
  const guide = currentGuide;
  const criterion = getCriterion(guide, id);
  if (!criterion) return null;
  return { version: guide.version, criterion, questions: questionsOf(guide, id) };
}

/** The published JSON contract: { version, source, licence, criteria[], questions[] }. */
export function guideJson() {
  const guide = currentGuide;
  return {
    version: guide.version,
    source: guide.source,
    licence: guide.licence,
    criteria: guide.criteria.map((c) => ({ id: c.id, title: c.title, description: c.description })),
    questions: guide.questions.map((q) => ({ id: q.id, criterion: q.criterion, text: q.text, guidance: q.guidance })),
  };
}

export function guideCsv(): string {
  const guide = currentGuide;
  const rows: unknown[][] = [["identifiant", "critère", "intitulé du critère", "question", "ce qu'une bonne réponse montre", "exemples de preuves", "version du guide"]];
  for (const q of guide.questions) {
    const c = getCriterion(guide, q.criterion);
    rows.push([q.id, q.criterion, c?.title ?? "", q.text, q.guidance, q.evidenceExamples.join(" ; "), guide.version]);
  }
  return toCsv(rows);
}
