import { describe, expect, it } from "vitest";
import { getSegment, isSegmentId, segmentIds, segmentSchema, segments } from "#questionnaires/segments";

describe("segments d'achat", () => {
  it("contient au moins les neuf segments attendus, dans l'ordre de segmentIds", () => {
    expect(segments.map((s) => s.id)).toEqual([...segmentIds]);
    for (const id of [
      "postes-de-travail",
      "impression",
      "reseaux-telecoms",
      "telephonie-mobile",
      "infrastructures-datacenter",
      "hebergement-cloud",
      "logiciels-saas",
      "prestations-intellectuelles",
      "fin-de-vie-reemploi",
    ]) {
      expect(getSegment(id)?.id).toBe(id);
    }
  });

  it("chaque segment est valide au regard du schéma et a des identifiants ASCII stables", () => {
    for (const s of segments) {
      expect(segmentSchema.safeParse(s).success).toBe(true);
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.label.length).toBeGreaterThan(3);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.examples.length).toBeGreaterThan(0);
      expect(s.sourceFiche.length).toBeGreaterThan(0);
    }
  });

  it("a des préfixes de clauses uniques", () => {
    const prefixes = segments.map((s) => s.clausePrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });

  it("porte des codes CPV indicatifs sur les segments de fournitures", () => {
    const codes = (id: string) => getSegment(id)?.cpvCodes.map((c) => c.code) ?? [];
    expect(codes("postes-de-travail")).toEqual(
      expect.arrayContaining(["30000000-9", "30213100-6", "30213300-8", "30231100-8", "30237200-1"]),
    );
    expect(codes("impression")).toEqual(expect.arrayContaining(["30120000-6", "30125000-1", "30125100-2", "30192113-6"]));
    expect(codes("telephonie-mobile")).toEqual(["32250000-0"]);
    for (const s of segments) for (const c of s.cpvCodes) expect(c.code).toMatch(/^\d{8}-\d$/);
  });

  it("cite sa source : fiche du guide DAE, RGESN 2024 ou « inferred »", () => {
    for (const s of segments) expect(s.sourceFiche).toMatch(/Guide DAE 2021|RGESN 2024|inferred/);
    expect(getSegment("logiciels-saas")?.sourceFiche).toContain("RGESN 2024");
    expect(getSegment("fin-de-vie-reemploi")?.sourceFiche).toContain("inferred");
  });

  it("getSegment et isSegmentId rejettent un identifiant inconnu", () => {
    expect(getSegment("inconnu")).toBeUndefined();
    expect(getSegment("services-it")).toBeUndefined();
    expect(isSegmentId("impression")).toBe(true);
    expect(isSegmentId("Impression")).toBe(false);
  });

  it("la liste exportée est figée", () => {
    expect(Object.isFrozen(segments)).toBe(true);
  });
});
