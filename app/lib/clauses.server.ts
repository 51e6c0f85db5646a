import { clauseKinds, clauses, clausesOf, defaultValues, fillClause, getClause, renderSegments, searchClauses, type Clause } from "#questionnaires/clauses";
import { getSegment, segments } from "#questionnaires/segments";
import { notFound } from "./errors";

/** A clause prepared for display: template parts with default values, and a plain-text copy. */
export function presentClause(clause: Clause, values: Record<string, string> = defaultValues(clause)) {
  const labels = new Map(clause.placeholders.map((p) => [p.name, p.label]));
  // Formatted the French way (« 3 ans », « 20 % ») when every value is valid; raw otherwise.
  const filled = fillClause(clause, values);
  const parts = (filled.ok ? filled.parts : renderSegments(clause.text, values)).map((part) =>
    part.kind === "value" ? { ...part, label: labels.get(part.name) ?? part.name } : part,
  );
  const plainText = parts.map((p) => (p.kind === "text" ? p.text : p.missing ? `[${p.label}]` : p.text)).join("");
  return {
    id: clause.id,
    segment: clause.segment,
    segmentLabel: getSegment(clause.segment)?.label ?? clause.segment,
    kind: clause.kind,
    kindLabel: clauseKinds.find((k) => k.id === clause.kind)?.label ?? clause.kind,
    targetDocument: clause.targetDocument,
    title: clause.title,
    parts,
    plainText,
    placeholders: clause.placeholders,
    guidance: clause.guidance,
    evidence: clause.evidence,
    guideCriteria: clause.guideCriteria,
    source: clause.source,
    legalBasis: clause.legalBasis ?? null,
  };
}
export type PresentedClause = ReturnType<typeof presentClause>;

export function clausierOverview(query: string) {
  return {
    total: clauses.length,
    kinds: clauseKinds.map((k) => ({ id: k.id, label: k.label })),
    segments: segments.map((s) => ({
      id: s.id,
      label: s.label,
      description: s.description,
      count: clausesOf(s.id).length,
    })),
    results: query ? searchClauses(query).map((c) => presentClause(c)) : null,
  };
}

export function clausierSegment(segmentId: string) {
  const segment = getSegment(segmentId);
  if (!segment) throw notFound("Ce segment d'achat n'existe pas dans le clausier.");
  return {
    segment: { id: segment.id, label: segment.label, description: segment.description, examples: segment.examples, sourceFiche: segment.sourceFiche },
    groups: clauseKinds
      .map((k) => ({ id: k.id, label: k.label, clauses: clausesOf(segment.id, k.id).map((c) => presentClause(c)) }))
      .filter((g) => g.clauses.length > 0),
  };
}

export { getClause };
