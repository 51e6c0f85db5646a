import { z } from "zod";
import {
  CURRENT_GUIDE_VERSION,
  GUIDE_FIELD_PROVENANCE,
  PROVENANCES,
  compareGuides,
  getCriterion,
  getGuide,
  guideVersionList,
  previousGuideVersion,
  questionScope,
  questionsOf,
  searchQuestions,
  type Guide,
  type ProvenanceId,
  type Question,
} from "#questionnaires/guide";
import { legalSourcesOf } from "#questionnaires/legal-references";
import { maturityScale } from "#questionnaires/maturity-scale";
import { toCsv } from "./csv";

/**
 * Public view of the guide (no login): what /guide, /guide/:criterion, /guide.json, /guide.csv and
 * /guide/changements serve. Every function takes the edition to show; `?version=` picks it (default: current).
 */

const versionParamSchema = z.string().trim().max(40);

/** The edition asked for by `?version=` (absent or empty: the current one); null for an unknown version (404). */
export function guideFromUrl(url: URL, param = "version"): Guide | null {
  const raw = url.searchParams.get(param);
  if (raw === null || raw.trim() === "") return getGuide(CURRENT_GUIDE_VERSION) ?? null;
  const parsed = versionParamSchema.safeParse(raw);
  return parsed.success ? (getGuide(parsed.data) ?? null) : null;
}

export const UNKNOWN_VERSION_MESSAGE = "Cette édition du guide n'existe pas.";

/** Query string that keeps a non-current edition in links (`?version=…`), empty for the current one. */
export function versionQuery(guide: Guide): string {
  return guide.version === CURRENT_GUIDE_VERSION ? "" : `?version=${encodeURIComponent(guide.version)}`;
}

/** Editions for the version picker, newest first. */
export function guideVersionOptions() {
  return [...guideVersionList].reverse().map((version) => ({
    version,
    publishedAt: getGuide(version)?.publishedAt ?? "",
    current: version === CURRENT_GUIDE_VERSION,
  }));
}

function provenanceLabel(id: ProvenanceId): string {
  return PROVENANCES[id].label;
}

/** Provenance legend shown on pages and published in the JSON. */
export function provenanceLegend() {
  return Object.entries(PROVENANCES).map(([id, p]) => ({ id, label: p.label, description: p.description }));
}

/** Field provenance labels for the pages (which fields come from INR/ISIT, which are our edition). */
export function provenanceForPages() {
  const q = GUIDE_FIELD_PROVENANCE.question;
  const c = GUIDE_FIELD_PROVENANCE.criterion;
  const s = GUIDE_FIELD_PROVENANCE.scale;
  return {
    criterionTitle: provenanceLabel(c.title),
    criterionDescription: provenanceLabel(c.description),
    question: provenanceLabel(q.text),
    contractText: provenanceLabel(q.contractText),
    scope: provenanceLabel(q.scope),
    guidance: provenanceLabel(q.guidance),
    evidence: provenanceLabel(q.evidenceExamples),
    levels: provenanceLabel(q.levels),
    scaleLabels: provenanceLabel(s.label),
    scaleDescriptors: provenanceLabel(s.descriptor),
    questionCount: provenanceLabel(GUIDE_FIELD_PROVENANCE.guide.questionCount),
    respondentInstructions: provenanceLabel(GUIDE_FIELD_PROVENANCE.guide.respondentInstructions),
    editionInstructions: provenanceLabel(GUIDE_FIELD_PROVENANCE.guide.editionInstructions),
  };
}

export function guideOverview(guide: Guide) {
  return {
    version: guide.version,
    current: guide.version === CURRENT_GUIDE_VERSION,
    title: guide.title,
    source: guide.source,
    licence: guide.licence,
    editionNote: guide.editionNote,
    publishedAt: guide.publishedAt,
    respondentInstructions: guide.respondentInstructions,
    editionInstructions: guide.editionInstructions ?? [],
    questionCount: guide.questions.length,
    contractQuestionCount: guide.questions.filter((q) => q.scope === "contract").length,
    hasScope: guide.format >= 2,
    hasPrevious: previousGuideVersion(guide.version) !== undefined,
    criteria: guide.criteria.map((c) => ({ ...c, questionCount: questionsOf(guide, c.id).length })),
  };
}

export function guideSearch(guide: Guide, query: string) {
  return searchQuestions(guide, query).map((q) => ({
    ...q,
    criterionTitle: getCriterion(guide, q.criterion)?.title ?? q.criterion,
  }));
}

function legalSourcesOfQuestion(q: Question) {
  return legalSourcesOf(q.text, q.contractText, q.scopeNote, q.guidance, ...q.evidenceExamples);
}

export function guideCriterion(guide: Guide, id: string) {
  const criterion = getCriterion(guide, id);
  if (!criterion) return null;
  return {
    version: guide.version,
    current: guide.version === CURRENT_GUIDE_VERSION,
    hasScope: guide.format >= 2,
    criterion,
    criterionLegalSources: legalSourcesOf(criterion.description, ...criterion.sources),
    questions: questionsOf(guide, id).map((q) => ({ ...q, legalSources: legalSourcesOfQuestion(q) })),
  };
}

const SCOPE_DEFAULT_NOTE = "Portée non précisée dans cette édition : la question est lue comme « organisation ».";

/**
 * The published JSON contract. Since 2024.1 it has carried { version, source, licence, criteria[{ id, title,
 * description }], questions[{ id, criterion, text, guidance }] }; fields are only ever added (never renamed):
 * provenance per field, editionNote, basedOn, scope and contract wording among them.
 */
export function guideJson(guide: Guide) {
  const qp = GUIDE_FIELD_PROVENANCE.question;
  const cp = GUIDE_FIELD_PROVENANCE.criterion;
  const gp = GUIDE_FIELD_PROVENANCE.guide;
  return {
    version: guide.version,
    source: guide.source,
    licence: guide.licence,
    criteria: guide.criteria.map((c) => ({
      id: c.id,
      title: c.title,
      description: c.description,
      number: c.number,
      shortTitle: c.shortTitle,
      sources: c.sources,
      provenance: { id: cp.id, title: cp.title, description: cp.description, number: cp.number, shortTitle: cp.shortTitle, sources: cp.sources },
    })),
    questions: guide.questions.map((q) => ({
      id: q.id,
      criterion: q.criterion,
      text: q.text,
      guidance: q.guidance,
      topic: q.topic,
      topicTag: q.topicTag ?? null,
      scope: questionScope(q),
      scopeDeclared: q.scope !== undefined,
      scopeNote: q.scopeNote ?? SCOPE_DEFAULT_NOTE,
      contractText: q.contractText ?? null,
      evidenceExamples: q.evidenceExamples,
      levels: q.levels ?? null,
      allowNotApplicableByDefault: q.allowNotApplicableByDefault,
      provenance: {
        id: qp.id,
        criterion: qp.criterion,
        text: qp.text,
        guidance: qp.guidance,
        topic: qp.topic,
        topicTag: qp.topicTag,
        scope: qp.scope,
        scopeNote: qp.scopeNote,
        contractText: qp.contractText,
        evidenceExamples: qp.evidenceExamples,
        levels: qp.levels,
        allowNotApplicableByDefault: qp.allowNotApplicableByDefault,
      },
    })),
    title: guide.title,
    basedOn: guide.basedOn,
    editionNote: guide.editionNote,
    publishedAt: guide.publishedAt,
    current: guide.version === CURRENT_GUIDE_VERSION,
    sourceUrl: guide.sourceUrl,
    criteriaCount: guide.criteria.length,
    questionCount: guide.questions.length,
    respondentInstructions: guide.respondentInstructions,
    editionInstructions: guide.editionInstructions ?? [],
    maturityScale: maturityScale.map((s) => ({
      level: s.level,
      label: s.label,
      descriptor: s.descriptor,
      provenance: GUIDE_FIELD_PROVENANCE.scale,
    })),
    provenance: {
      version: gp.version,
      source: gp.source,
      licence: gp.licence,
      title: gp.title,
      basedOn: gp.basedOn,
      editionNote: gp.editionNote,
      publishedAt: gp.publishedAt,
      sourceUrl: gp.sourceUrl,
      criteriaCount: gp.criteriaCount,
      questionCount: gp.questionCount,
      respondentInstructions: gp.respondentInstructions,
      editionInstructions: gp.editionInstructions,
    },
    provenanceLegend: Object.fromEntries(Object.entries(PROVENANCES).map(([id, p]) => [id, p])),
    changesFromPrevious: guide.changesFromPrevious ?? null,
  };
}

const SCOPE_LABEL: Record<string, string> = { contract: "marché", organisation: "organisation" };

export function guideCsv(guide: Guide): string {
  const qp = GUIDE_FIELD_PROVENANCE.question;
  const cp = GUIDE_FIELD_PROVENANCE.criterion;
  const rows: unknown[][] = [
    [
      "identifiant",
      "critère",
      "intitulé du critère",
      "question",
      "ce qu'une bonne réponse montre",
      "exemples de preuves",
      "version du guide",
      "sujet",
      "étiquette de sujet",
      "portée",
      "justification de la portée",
      "formulation pour le présent marché",
      ...maturityScale.map((s) => `niveau ${s.level} (${s.label})`),
      "provenance de l'intitulé du critère",
      "provenance de la question",
      "provenance de la portée et de la formulation pour le marché",
      "provenance des indications et des preuves",
      "provenance des descripteurs de niveaux",
    ],
  ];
  for (const q of guide.questions) {
    const c = getCriterion(guide, q.criterion);
    rows.push([
      q.id,
      q.criterion,
      c?.title ?? "",
      q.text,
      q.guidance,
      q.evidenceExamples.join(" ; "),
      guide.version,
      q.topic,
      q.topicTag ?? "",
      SCOPE_LABEL[questionScope(q)] ?? "",
      q.scopeNote ?? SCOPE_DEFAULT_NOTE,
      q.contractText ?? "",
      ...maturityScale.map((s) => q.levels?.[s.level] ?? ""),
      provenanceLabel(cp.title),
      provenanceLabel(qp.text),
      provenanceLabel(qp.scope),
      provenanceLabel(qp.guidance),
      provenanceLabel(qp.levels),
    ]);
  }
  return toCsv(rows);
}

/** /guide/changements: `vers` (default: current) compared with `depuis` (default: the edition before `vers`). */
export function guideChangesFromUrl(url: URL) {
  const to = guideFromUrl(url, "vers");
  if (!to) return null;
  const fromParam = url.searchParams.get("depuis");
  const fromVersion = fromParam && fromParam.trim() !== "" ? fromParam.trim() : previousGuideVersion(to.version);
  const from = fromVersion ? getGuide(fromVersion) : undefined;
  if (fromParam && !from) return null;
  const comparison = from ? compareGuides(from, to) : null;
  const criterionTitles = Object.fromEntries(to.criteria.map((c) => [c.id, `${c.number}. ${c.title}`]));
  return { from: from?.version ?? null, to: to.version, comparison, criterionTitles };
}
