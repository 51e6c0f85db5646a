/**
 * The clausier: NR clause templates by purchasing segment and kind, validated at load.
 * See ./README.md (sources, our-words policy, how to add a clause).
 */
import { getSegment } from "../segments";
import { finDeVieReemploiClauses } from "./data/fin-de-vie-reemploi";
import { hebergementCloudClauses } from "./data/hebergement-cloud";
import { impressionClauses } from "./data/impression";
import { infrastructuresDatacenterClauses } from "./data/infrastructures-datacenter";
import { logicielsSaasClauses } from "./data/logiciels-saas";
import { postesDeTravailClauses } from "./data/postes-de-travail";
import { prestationsIntellectuellesClauses } from "./data/prestations-intellectuelles";
import { reseauxTelecomsClauses } from "./data/reseaux-telecoms";
import { telephonieMobileClauses } from "./data/telephonie-mobile";
import { legalSourcesOf, type LegalSource } from "../legal-references";
import { foldForComparison } from "./placeholders";
import { clauseKinds, parseClausier, type Clause, type ClauseKindId, type ClauseInput } from "./schema";

export {
  clauseKindIds,
  clauseKinds,
  clauseSchema,
  clausierSchema,
  guideCriterionIds,
  parseClausier,
  placeholderDeclarationSchema,
  targetDocuments,
  type Clause,
  type ClauseInput,
  type ClauseKind,
  type ClauseKindId,
  type GuideCriterionId,
  type TargetDocument,
} from "./schema";
export {
  NBSP,
  defaultValues,
  fillClause,
  parsePlaceholders,
  placeholderTypeLabels,
  placeholderTypes,
  renderSegments,
  sanitizeValue,
  type FillError,
  type FillResult,
  type PlaceholderDeclaration,
  type PlaceholderToken,
  type PlaceholderType,
  type RenderedPart,
} from "./placeholders";

/** Library order: segments in display order, then the order of each data file. */
const clauseData: readonly ClauseInput[] = [
  ...postesDeTravailClauses,
  ...impressionClauses,
  ...reseauxTelecomsClauses,
  ...telephonieMobileClauses,
  ...infrastructuresDatacenterClauses,
  ...hebergementCloudClauses,
  ...logicielsSaasClauses,
  ...prestationsIntellectuellesClauses,
  ...finDeVieReemploiClauses,
];

/**
 * Every clause ever published, superseded ones included, validated when this module loads (throws a French error
 * listing all problems). Published tenders resolve their clauses here, by id.
 */
export const allClauses: readonly Clause[] = parseClausier(clauseData);

/** The clauses offered today: `allClauses` without the superseded ones. */
export const clauses: readonly Clause[] = Object.freeze(allClauses.filter((c) => c.supersededBy === undefined));

const byId = new Map<string, Clause>(allClauses.map((c) => [c.id, c]));

/** The clause with this id, superseded or not (a published tender keeps the clause it chose), or `undefined`. */
export function getClause(id: string): Clause | undefined {
  return byId.get(id);
}

/** The clause offered today in place of `id` (itself when current), or `undefined` for an unknown id. */
export function currentClauseFor(id: string): Clause | undefined {
  const clause = byId.get(id);
  return clause?.supersededBy === undefined ? clause : byId.get(clause.supersededBy);
}

/** Current clauses of a segment (optionally of one kind), in library order. Unknown segment → []. */
export function clausesOf(segmentId: string, kind?: ClauseKindId): Clause[] {
  return clauses.filter((c) => c.segment === segmentId && (kind === undefined || c.kind === kind));
}

/**
 * The legal texts a clause cites (text, guidance, legal basis, source, evidence), each with its official source
 * link, or flagged « à vérifier » (see ../legal-references).
 */
export function clauseLegalSources(clause: Clause): LegalSource[] {
  return legalSourcesOf(clause.title, clause.text, clause.guidance, clause.legalBasis, clause.source, ...clause.evidence);
}

// ---------------------------------------------------------------------------------------------
// Search

function searchable(text: string): string {
  return ` ${foldForComparison(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

interface IndexedClause {
  readonly clause: Clause;
  readonly title: string;
  readonly all: string;
}

const searchIndex: readonly IndexedClause[] = clauses.map((c) => {
  const labels = new Map(c.placeholders.map((p) => [p.name, p.label]));
  const readableText = c.text.replace(/\{\{\s*([a-z][a-z0-9_]*)\s*:[^}]*\}\}/gu, (_m, name: string) => labels.get(name) ?? "");
  const fields = [
    c.id,
    c.title,
    readableText,
    c.guidance,
    ...c.evidence,
    c.source,
    c.legalBasis ?? "",
    getSegment(c.segment)?.label ?? "",
    clauseKinds.find((k) => k.id === c.kind)?.label ?? "",
    c.targetDocument,
  ];
  return { clause: c, title: searchable(`${c.id} ${c.title}`), all: searchable(fields.join(" ")) };
});

/**
 * Current clauses containing every word of `query`, ignoring case and accents (« ecolabel » finds
 * « Écolabel »); a word may match the start or middle of a word (« reconditionn »). Searches id,
 * title, text (placeholders read as their labels), guidance, evidence, source, legal basis,
 * segment and kind labels. Clauses whose title matches more words come first; otherwise library
 * order. An empty query returns every clause.
 */
export function searchClauses(query: string): Clause[] {
  const words = searchable(query).trim().split(" ").filter((w) => w !== "");
  if (words.length === 0) return [...clauses];
  return searchIndex
    .filter((e) => words.every((w) => e.all.includes(w)))
    .map((e, order) => ({ e, order, score: words.filter((w) => e.title.includes(w)).length }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ e }) => e.clause);
}
