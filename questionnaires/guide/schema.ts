/**
 * Schema of the supplier NR-maturity guide (content as data).
 *
 * A guide version is immutable once published: stored answers reference (guideVersion, questionId).
 * Text is French; identifiers are stable ASCII:
 * - criterion id: slug, e.g. `fin-de-vie`;
 * - question id: `<PREFIX>-<NN>`, the prefix belonging to the criterion, e.g. `FDV-04`.
 *
 * Audience of the fields: `text`, `evidenceExamples` and the guide's `respondentInstructions` are meant for
 * suppliers; `guidance` and `levels` are evaluation material (INR recommends not disclosing evaluation criteria
 * to respondents of an RFI; in a French public tender, criteria and sub-criteria weights must nonetheless be
 * published — the portal decides what to show).
 */
import { z } from "zod";

// ---------------------------------------------------------------------------------------------------------------
// Identifiers

export const CRITERION_ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const QUESTION_PREFIX_PATTERN = /^[A-Z]{3,4}$/;
export const QUESTION_ID_PATTERN = /^([A-Z]{3,4})-(\d{2})$/;
export const GUIDE_VERSION_PATTERN = /^\d{4}\.\d+-[a-z0-9]+$/;

export const criterionIdSchema = z
  .string()
  .regex(CRITERION_ID_PATTERN, "Identifiant de critère invalide : slug ASCII attendu (ex. « fin-de-vie »)");
export const questionPrefixSchema = z
  .string()
  .regex(QUESTION_PREFIX_PATTERN, "Préfixe de question invalide : 3 ou 4 majuscules ASCII attendues (ex. « FDV »)");
export const questionIdSchema = z
  .string()
  .regex(QUESTION_ID_PATTERN, "Identifiant de question invalide : format « PREFIXE-NN » attendu (ex. « FDV-04 »)");
export const guideVersionSchema = z
  .string()
  .regex(GUIDE_VERSION_PATTERN, "Version invalide : format « AAAA.N-edition » attendu (ex. « 2024.1-nrprocure »)");

/** Non-empty French text (at least one non-blank character). */
const frenchText = z.string().regex(/\S/, "Texte vide");

/** Topic tag: ASCII slug naming what one question asks about; unique within a version (no double counting). */
export const TOPIC_TAG_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const topicTagSchema = z
  .string()
  .regex(TOPIC_TAG_PATTERN, "Étiquette de sujet invalide : slug ASCII attendu (ex. « reemploi-sorties-de-parc »)");

/**
 * What a question assesses (shared/reference/lawful-award-criteria.md §2, CE 2018 *Nantes Métropole*):
 * - `organisation`: the company's general policy (governance, strategy, ecosystem, general training…). A public
 *   buyer may ask it for information but may not give it weight in the mark;
 * - `contract`: the means applied to *this* contract (team assigned, footprint of the delivered service, end of
 *   life of the equipment supplied, hosting used, subcontractors of this contract); asked with `contractText`.
 */
export const questionScopes = ["contract", "organisation"] as const;
export type QuestionScope = (typeof questionScopes)[number];
export const questionScopeSchema = z.enum(questionScopes);

/** Every `contractText` asks about this contract in so many words. */
export const CONTRACT_WORDING_PATTERN = /présent marché/u;

// ---------------------------------------------------------------------------------------------------------------
// Reference letters for `topicSources` (which public framework informed a question's topic)

const MINUMECO_PRACTICES: Readonly<Record<string, number>> = { a: 8, b: 3, c: 3, d: 6, e: 5, f: 8, g: 11, h: 7, i: 8 };
const RGESN_CRITERIA: Readonly<Record<string, number>> = {
  "1": 10, "2": 10, "3": 7, "4": 15, "5": 8, "6": 7, "7": 4, "8": 10, "9": 7,
};
const FIXED_TOPIC_SOURCES = new Set([
  "ANCT Démarche NR",
  "Cigref 2025",
  "Guide achats DAE 2021",
  "INR BP-AIR V1",
  "INR BP-AIR V2",
]);

/**
 * Accepted forms:
 * - `Label NR PA1` … `Label NR PA14` — Label Numérique Responsable, action principles;
 * - `MiNumEco a.1` … `MiNumEco i.8` — MiNumEco good-practice guide for organisations (2023), practice ids;
 * - `RGESN 8.3` (criterion) or `RGESN 9` (whole thématique) — RGESN 2024;
 * - `Guide achats DAE 2021`, `ANCT Démarche NR`, `Cigref 2025`, `INR BP-AIR V1`, `INR BP-AIR V2`.
 */
export function isKnownTopicSource(value: string): boolean {
  if (FIXED_TOPIC_SOURCES.has(value)) return true;
  const label = /^Label NR PA(\d{1,2})$/.exec(value);
  if (label) return Number(label[1]) >= 1 && Number(label[1]) <= 14;
  const minumeco = /^MiNumEco ([a-i])\.(\d{1,2})$/.exec(value);
  if (minumeco) {
    const max = MINUMECO_PRACTICES[minumeco[1] ?? ""] ?? 0;
    return Number(minumeco[2]) >= 1 && Number(minumeco[2]) <= max;
  }
  const rgesn = /^RGESN ([1-9])(?:\.(\d{1,2}))?$/.exec(value);
  if (rgesn) {
    if (rgesn[2] === undefined) return true;
    const max = RGESN_CRITERIA[rgesn[1] ?? ""] ?? 0;
    return Number(rgesn[2]) >= 1 && Number(rgesn[2]) <= max;
  }
  return false;
}

export const topicSourceSchema = z.string().refine(isKnownTopicSource, {
  error: (issue) =>
    `Référence inconnue : « ${String(issue.input)} » (formes admises : « Label NR PA1 », « MiNumEco a.6 », « RGESN 8.3 », « Guide achats DAE 2021 »…)`,
});

// ---------------------------------------------------------------------------------------------------------------
// Source editions: the published shape of the guide an edition is based on

/** Sourced facts: the INR/ISIT 2024 guide has 10 criteria and 47 open questions. */
export const SOURCE_EDITIONS = {
  "inr-isit-2024": {
    label: "Guide pour l'évaluation et l'influence de la Maturité en NR des Parties Prenantes (INR/ISIT, 2024)",
    criteria: 10,
    questions: 47,
  },
} as const;
export type SourceEdition = keyof typeof SOURCE_EDITIONS;
const sourceEditionIds = Object.keys(SOURCE_EDITIONS) as [SourceEdition, ...SourceEdition[]];

// ---------------------------------------------------------------------------------------------------------------
// Criterion and question

export const criterionSchema = z.strictObject({
  id: criterionIdSchema,
  /** 1-based position in the guide (radar axis order). */
  number: z.int().min(1),
  /** Prefix of this criterion's question ids (e.g. `GOUV`). */
  questionPrefix: questionPrefixSchema,
  /** French label as in the source documents. */
  title: frenchText,
  /** Short French label for radar axes and tables. */
  shortTitle: frenchText.max(32, "Titre court trop long (32 caractères au plus)"),
  /** What the criterion covers and why a buyer asks (one French paragraph). */
  description: frenchText,
  /** Frameworks that informed the criterion and its questions. */
  sources: z.array(frenchText).min(1, "Au moins une source attendue"),
});

/** Question-specific descriptors of the five maturity levels, keyed 1–5. */
export const questionLevelsSchema = z.strictObject({
  "1": frenchText,
  "2": frenchText,
  "3": frenchText,
  "4": frenchText,
  "5": frenchText,
});

export const questionSchema = z.strictObject({
  id: questionIdSchema,
  criterion: criterionIdSchema,
  /** Short French label of the topic, for tables and lists. */
  topic: frenchText,
  /** Stable slug of the topic (format 2): no two questions of a version share one. */
  topicTag: topicTagSchema.optional(),
  /** The open question, as shown to the supplier (general wording: RFI, private buyer, information). */
  text: frenchText,
  /** Format 2: what the question assesses; absent in format 1, where every question reads as `organisation`. */
  scope: questionScopeSchema.optional(),
  /** Format 2: why this scope (one French sentence). */
  scopeNote: frenchText.optional(),
  /** Format 2, `contract` questions only: the question asked about this contract (« Pour l'exécution du présent marché, … »). */
  contractText: frenchText.optional(),
  /** Evaluator guidance: what a strong answer shows. */
  guidance: frenchText,
  /** Documents a supplier can attach. */
  evidenceExamples: z.array(frenchText).min(1, "Au moins un exemple de preuve attendu"),
  /** Question-specific level descriptors (refine the generic scale); required in format 2. */
  levels: questionLevelsSchema.optional(),
  /** Reference letters of the frameworks behind the topic (see `isKnownTopicSource`). */
  topicSources: z.array(topicSourceSchema).min(1, "Au moins une référence attendue"),
  /**
   * True only where a supplier may legitimately have nothing to describe (e.g. no data centre of its own).
   * INR warns against overusing « non applicable »: even then, a justification is required.
   */
  allowNotApplicableByDefault: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------------
// Guide (one edition)

/** One editorial note of a version about what changed since the previous one, and why. */
export const changeNoteSchema = z.strictObject({
  /** Question ids concerned (of this version or of the previous one). */
  questions: z.array(questionIdSchema).min(1),
  /** French summary of the change. */
  summary: frenchText,
  /** What motivated it (issue, reference file §, public text). */
  source: frenchText,
});
export type ChangeNote = z.output<typeof changeNoteSchema>;

/**
 * Content format of an edition:
 * - 1 (`2024.1-nrprocure`): questions without scope or topic tag, level descriptors optional;
 * - 2 (from `2026.1-nrprocure`): every question has `topicTag`, `scope` and `scopeNote`, five level descriptors, and
 *   `contract` questions have `contractText` (and only they do).
 */
export const guideFormats = [1, 2] as const;
export type GuideFormat = (typeof guideFormats)[number];

const guideObjectSchema = z.strictObject({
  /** Content format (see `guideFormats`); absent means 1. */
  format: z.literal(guideFormats).default(1),
  /** Our edition number, e.g. `2024.1-nrprocure`. Never reused, never renumbered once published. */
  version: guideVersionSchema,
  /** Which published guide this edition is based on; fixes the expected number of criteria and questions. */
  basedOn: z.enum(sourceEditionIds),
  title: frenchText,
  /** French attribution sentence. */
  source: frenchText,
  sourceUrl: z.url({ protocol: /^https$/ }),
  /** French licence text. */
  licence: frenchText,
  editionNote: frenchText,
  /** ISO date (YYYY-MM-DD). */
  publishedAt: z.iso.date(),
  /** Rules shown to respondents before they answer (French): the INR/ISIT guide's usage rules, in our words. */
  respondentInstructions: z.array(frenchText).min(1),
  /** Further instructions that are our edition's, not the INR/ISIT guide's (French). */
  editionInstructions: z.array(frenchText).min(1).optional(),
  criteria: z.array(criterionSchema).min(1),
  questions: z.array(questionSchema).min(1),
  /** What changed since the previous version, question by question, with the reason (checked against both versions at load). */
  changesFromPrevious: z
    .strictObject({ previousVersion: guideVersionSchema, notes: z.array(changeNoteSchema).min(1) })
    .optional(),
});

type GuideShape = z.output<typeof guideObjectSchema>;

function checkGuideConsistency(guide: GuideShape, ctx: z.RefinementCtx): void {
  const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: "custom", message, path });

  // Criteria: unique ids and prefixes, numbered 1..n in array order.
  const criteriaById = new Map<string, { prefix: string; index: number }>();
  const prefixes = new Set<string>();
  guide.criteria.forEach((criterion, index) => {
    if (criteriaById.has(criterion.id)) {
      issue(`Critère « ${criterion.id} » en double`, ["criteria", index, "id"]);
    } else {
      criteriaById.set(criterion.id, { prefix: criterion.questionPrefix, index });
    }
    if (prefixes.has(criterion.questionPrefix)) {
      issue(`Préfixe « ${criterion.questionPrefix} » utilisé par deux critères`, ["criteria", index, "questionPrefix"]);
    }
    prefixes.add(criterion.questionPrefix);
    if (criterion.number !== index + 1) {
      issue(
        `Critère « ${criterion.id} » : numéro ${criterion.number}, attendu ${index + 1} (critères numérotés 1 à n dans l'ordre)`,
        ["criteria", index, "number"],
      );
    }
  });

  // Questions: unique ids, existing criterion, prefix of that criterion, grouped in criterion order and
  // numbered in increasing order within the criterion.
  const questionIds = new Set<string>();
  const questionCount = new Map<string, number>();
  let previous: { criterionIndex: number; number: number } | undefined;
  guide.questions.forEach((question, index) => {
    if (questionIds.has(question.id)) {
      issue(`Question « ${question.id} » en double`, ["questions", index, "id"]);
    }
    questionIds.add(question.id);

    const criterion = criteriaById.get(question.criterion);
    if (!criterion) {
      issue(`Question « ${question.id} » : critère « ${question.criterion} » inconnu`, ["questions", index, "criterion"]);
      return;
    }
    questionCount.set(question.criterion, (questionCount.get(question.criterion) ?? 0) + 1);

    const match = QUESTION_ID_PATTERN.exec(question.id);
    if (!match) return; // already reported by the field schema
    if (match[1] !== criterion.prefix) {
      issue(
        `Question « ${question.id} » : le préfixe doit être « ${criterion.prefix} » (critère « ${question.criterion} »)`,
        ["questions", index, "id"],
      );
    }
    const number = Number(match[2]);
    if (number < 1) issue(`Question « ${question.id} » : numérotation à partir de 01`, ["questions", index, "id"]);
    if (previous) {
      if (criterion.index < previous.criterionIndex) {
        issue(
          `Question « ${question.id} » : les questions doivent être regroupées par critère, dans l'ordre des critères`,
          ["questions", index, "criterion"],
        );
      } else if (criterion.index === previous.criterionIndex && number <= previous.number) {
        issue(
          `Question « ${question.id} » : numéros croissants attendus au sein d'un critère`,
          ["questions", index, "id"],
        );
      }
    }
    previous = { criterionIndex: criterion.index, number };
  });

  guide.criteria.forEach((criterion, index) => {
    if (!questionCount.get(criterion.id)) {
      issue(`Critère « ${criterion.id} » : aucune question`, ["criteria", index]);
    }
  });

  if (guide.format >= 2) checkFormat2(guide, issue);

  // Edition rule: the shape of the published guide this edition is based on.
  const expected = SOURCE_EDITIONS[guide.basedOn];
  if (expected) {
    if (guide.criteria.length !== expected.criteria) {
      issue(
        `Le guide source compte ${expected.criteria} critères ; cette édition en a ${guide.criteria.length}`,
        ["criteria"],
      );
    }
    if (guide.questions.length !== expected.questions) {
      issue(
        `Le guide source compte ${expected.questions} questions ; cette édition en a ${guide.questions.length}`,
        ["questions"],
      );
    }
  }
}

/** Format 2 rules: scope, contract wording, unique topic tags, five distinct descriptors per question. */
function checkFormat2(guide: GuideShape, issue: (message: string, path: (string | number)[]) => void): void {
  const tags = new Map<string, string>();
  guide.questions.forEach((q, index) => {
    const at = (field: string) => ["questions", index, field];
    if (!q.topicTag) issue(`Question « ${q.id} » : étiquette de sujet (topicTag) obligatoire`, at("topicTag"));
    else if (tags.has(q.topicTag)) {
      issue(`Question « ${q.id} » : l'étiquette « ${q.topicTag} » est déjà celle de ${tags.get(q.topicTag)} (double comptage)`, at("topicTag"));
    } else tags.set(q.topicTag, q.id);

    if (!q.scope) issue(`Question « ${q.id} » : portée (scope) obligatoire`, at("scope"));
    if (!q.scopeNote) issue(`Question « ${q.id} » : justification de la portée (scopeNote) obligatoire`, at("scopeNote"));
    if (q.scope === "contract") {
      if (!q.contractText) issue(`Question « ${q.id} » : formulation pour le présent marché (contractText) obligatoire`, at("contractText"));
      else if (!CONTRACT_WORDING_PATTERN.test(q.contractText)) {
        issue(`Question « ${q.id} » : la formulation contractuelle doit viser « le présent marché »`, at("contractText"));
      }
    } else if (q.contractText) {
      issue(`Question « ${q.id} » : formulation contractuelle réservée aux questions de portée « contract »`, at("contractText"));
    }

    if (!q.levels) issue(`Question « ${q.id} » : cinq descripteurs de niveaux obligatoires`, at("levels"));
    else {
      const descriptors = Object.values(q.levels).map((d) => d.trim().toLowerCase());
      if (new Set(descriptors).size !== descriptors.length) {
        issue(`Question « ${q.id} » : deux niveaux ont le même descripteur`, at("levels"));
      }
    }
  });
}

export const guideSchema = guideObjectSchema.superRefine(checkGuideConsistency);

export type GuideInput = z.input<typeof guideSchema>;
export type Guide = z.output<typeof guideSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Question = z.output<typeof questionSchema>;
export type QuestionLevels = z.output<typeof questionLevelsSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Provenance, field by field: what comes from the INR/ISIT guide and what is our edition

/**
 * Where a field's content comes from:
 * - `inr-isit-2024`: the INR/ISIT 2024 guide (via the project's source documents and INR's BP-AIR digest,
 *   shared/reference/inr-maturity-guide.md §1–3): criterion titles and order, the 10-criteria / 47-questions shape,
 *   the usage rules (reworded by us);
 * - `ademe-anct`: the ADEME/ANCT 1–5 scale labels (shared/reference/maturity-scales.md §1);
 * - `nrprocure`: our edition (question wording, guidance, evidence, descriptors, scope, topic tags, …).
 */
export const provenanceIds = ["inr-isit-2024", "ademe-anct", "nrprocure"] as const;
export type ProvenanceId = (typeof provenanceIds)[number];

export const PROVENANCES: Readonly<Record<ProvenanceId, { label: string; description: string }>> = {
  "inr-isit-2024": {
    label: "Guide INR/ISIT 2024",
    description:
      "Repris du « Guide pour l'évaluation et l'influence de la Maturité en NR des Parties Prenantes » (INR/ISIT, 2024) : intitulés et ordre des dix critères, nombre de 47 questions ouvertes, règles d'usage (reformulées).",
  },
  "ademe-anct": {
    label: "Échelle ADEME/ANCT",
    description: "Intitulés des cinq niveaux de la grille d'autodiagnostic ADEME/ANCT (1 Inexistant à 5 Maximum).",
  },
  nrprocure: {
    label: "Édition NR Procure",
    description:
      "Rédaction propre à NR Procure, appuyée sur des référentiels publics (Label NR, MiNumEco, RGESN, guide des achats numériques responsables) ; ne reprend pas le texte du guide INR/ISIT.",
  },
};

type GuideFieldName = Exclude<keyof GuideShape, "criteria" | "questions"> | "criteriaCount" | "questionCount";

/** Provenance of every field of an edition, of a criterion, of a question and of the maturity scale. */
export const GUIDE_FIELD_PROVENANCE = {
  guide: {
    format: "nrprocure",
    version: "nrprocure",
    basedOn: "nrprocure",
    title: "nrprocure",
    source: "nrprocure",
    sourceUrl: "inr-isit-2024",
    licence: "nrprocure",
    editionNote: "nrprocure",
    publishedAt: "nrprocure",
    respondentInstructions: "inr-isit-2024",
    editionInstructions: "nrprocure",
    changesFromPrevious: "nrprocure",
    criteriaCount: "inr-isit-2024",
    questionCount: "inr-isit-2024",
  } satisfies Record<GuideFieldName, ProvenanceId>,
  criterion: {
    id: "nrprocure",
    number: "inr-isit-2024",
    questionPrefix: "nrprocure",
    title: "inr-isit-2024",
    shortTitle: "nrprocure",
    description: "nrprocure",
    sources: "nrprocure",
  } satisfies Record<keyof Criterion, ProvenanceId>,
  question: {
    id: "nrprocure",
    criterion: "nrprocure",
    topic: "nrprocure",
    topicTag: "nrprocure",
    text: "nrprocure",
    scope: "nrprocure",
    scopeNote: "nrprocure",
    contractText: "nrprocure",
    guidance: "nrprocure",
    evidenceExamples: "nrprocure",
    levels: "nrprocure",
    topicSources: "nrprocure",
    allowNotApplicableByDefault: "nrprocure",
  } satisfies Record<keyof Question, ProvenanceId>,
  scale: {
    level: "ademe-anct",
    label: "ademe-anct",
    descriptor: "nrprocure",
  },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Parsing with a readable error

export class GuideValidationError extends Error {
  override readonly name = "GuideValidationError";
  constructor(
    readonly version: string,
    readonly issues: readonly z.core.$ZodIssue[],
    message: string,
  ) {
    super(message);
  }
}

function versionOf(data: unknown): string {
  if (typeof data === "object" && data !== null && "version" in data && typeof data.version === "string") {
    return data.version;
  }
  return "(version inconnue)";
}

/** Validates one guide edition; throws a `GuideValidationError` listing every problem, with its path. */
export function parseGuide(data: unknown): Guide {
  const result = guideSchema.safeParse(data);
  if (result.success) return result.data;
  const version = versionOf(data);
  throw new GuideValidationError(
    version,
    result.error.issues,
    `Guide de maturité « ${version} » invalide :\n${z.prettifyError(result.error)}`,
  );
}
