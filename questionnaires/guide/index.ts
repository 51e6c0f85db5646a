/**
 * Supplier NR-maturity guide: every published edition, validated at load time.
 *
 * Stored answers reference (guideVersion, questionId); look the question up with
 * `getQuestion(getGuide(guideVersion), questionId)`, never through `currentGuide`.
 */
import { parseGuide, type Criterion, type Guide, type GuideInput, type Question, type QuestionScope } from "./schema";
import { guideV2024_1 } from "./v2024-1";
import { guideV2026_1 } from "./v2026-1";

export * from "./schema";
export * from "./compare";

/** Raw data of every published edition, oldest first. Add new editions here; never remove one. */
export const guideSources: readonly GuideInput[] = [guideV2024_1, guideV2026_1];

/** Version of the edition offered for new questionnaires (docs/decisions/012-guide-2026-edition.md). */
export const CURRENT_GUIDE_VERSION = "2026.1-nrprocure";

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Cross-version rule: `changesFromPrevious` names the previous loaded edition and only ids of either version. */
function checkChangeNotes(guide: Guide, previous: Guide | undefined): void {
  const notes = guide.changesFromPrevious;
  if (!notes) return;
  if (!previous || notes.previousVersion !== previous.version) {
    throw new Error(
      `Guide de maturité « ${guide.version} » : « changesFromPrevious » doit viser l'édition précédente (${previous?.version ?? "aucune"}), non « ${notes.previousVersion} »`,
    );
  }
  const known = new Set([...guide.questions, ...previous.questions].map((q) => q.id));
  for (const note of notes.notes) {
    for (const id of note.questions) {
      if (!known.has(id)) throw new Error(`Guide de maturité « ${guide.version} » : note de changement sur une question inconnue « ${id} »`);
    }
  }
}

function loadGuides(sources: readonly GuideInput[]): Readonly<Record<string, Guide>> {
  const guides: Record<string, Guide> = {};
  let previous: Guide | undefined;
  for (const source of sources) {
    const guide = parseGuide(source); // throws a GuideValidationError with every problem listed
    if (Object.hasOwn(guides, guide.version)) {
      throw new Error(`Guide de maturité : la version « ${guide.version} » est déclarée deux fois`);
    }
    checkChangeNotes(guide, previous);
    guides[guide.version] = deepFreeze(guide);
    previous = guide;
  }
  return Object.freeze(guides);
}

/** Every published edition, by version. Frozen: content is read-only at run time. */
export const guideVersions: Readonly<Record<string, Guide>> = loadGuides(guideSources);

/** Versions, oldest first (the order of `guideSources`). */
export const guideVersionList: readonly string[] = Object.freeze(guideSources.map((g) => g.version));

/** The version published just before `version`, if any. */
export function previousGuideVersion(version: string): string | undefined {
  const index = guideVersionList.indexOf(version);
  return index > 0 ? guideVersionList[index - 1] : undefined;
}

export function getGuide(version: string): Guide | undefined {
  return Object.hasOwn(guideVersions, version) ? guideVersions[version] : undefined;
}

function requireCurrentGuide(): Guide {
  const guide = getGuide(CURRENT_GUIDE_VERSION);
  if (!guide) throw new Error(`Guide de maturité : version courante « ${CURRENT_GUIDE_VERSION} » introuvable`);
  return guide;
}

/** The edition offered for new questionnaires. */
export const currentGuide: Guide = requireCurrentGuide();

export function getCriterion(guide: Guide, criterionId: string): Criterion | undefined {
  return guide.criteria.find((criterion) => criterion.id === criterionId);
}

export function getQuestion(guide: Guide, questionId: string): Question | undefined {
  return guide.questions.find((question) => question.id === questionId);
}

/**
 * What a question assesses. Format 1 editions (2024.1) carry no scope: their questions read as `organisation`, the
 * safe default for a public buyer (issue 11 §1.6: a question without scope cannot carry weight in a public tender).
 */
export function questionScope(question: Question): QuestionScope {
  return question.scope ?? "organisation";
}

/**
 * The wording to show: for a `contract` question asked in a tender (`context: "contract"`), the contract wording
 * (« Pour l'exécution du présent marché, … »); otherwise the general wording.
 */
export function questionTextFor(question: Question, context: "contract" | "general"): string {
  return context === "contract" && question.contractText ? question.contractText : question.text;
}

/** Questions of one criterion, in guide order (empty for an unknown criterion). */
export function questionsOf(guide: Guide, criterionId: string): Question[] {
  return guide.questions.filter((question) => question.criterion === criterionId);
}

// ---------------------------------------------------------------------------------------------------------------
// Search

/** Lower case, without accents or ligatures, typographic apostrophes made straight. */
export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’‘ʼ]/g, "'")
    .normalize("NFD")
    .replace(/\p{M}/gu, "");
}

const searchIndexes = new WeakMap<Guide, Map<Question, string>>();

function searchIndexOf(guide: Guide): Map<Question, string> {
  let index = searchIndexes.get(guide);
  if (!index) {
    const titles = new Map(guide.criteria.map((criterion) => [criterion.id, criterion.title]));
    index = new Map(
      guide.questions.map((question) => [
        question,
        normalizeForSearch(
          [question.id, question.text, question.guidance, titles.get(question.criterion) ?? ""].join("\n"),
        ),
      ]),
    );
    searchIndexes.set(guide, index);
  }
  return index;
}

/**
 * Questions matching every word of `query` (accent- and case-insensitive substring match against the question
 * id, text, guidance and criterion title), in guide order. A blank query matches every question.
 */
export function searchQuestions(guide: Guide, query: string): Question[] {
  const words = normalizeForSearch(query)
    .split(/[\s,;]+/)
    .filter((word) => word.length > 0);
  const index = searchIndexOf(guide);
  return guide.questions.filter((question) => {
    const haystack = index.get(question) ?? "";
    return words.every((word) => haystack.includes(word));
  });
}
