/**
 * Content tests (issue 17 « Done when »): all content loads; no repealed text is cited; every legal reference has
 * its source link or the « à vérifier » mark in the text itself; every question of the current edition has five
 * descriptors, a topic tag no other question of its version shares, and contract wording when it is a contract
 * question. « Legal reference » is defined in questionnaires/legal-references/detect.ts.
 */
import { describe, expect, it } from "vitest";
import { allClauses, clauses } from "#questionnaires/clauses";
import { activityUnits } from "#questionnaires/emission-factors";
import { currentGuide, guideVersions, type Guide } from "#questionnaires/guide";
import {
  findLegalReferences,
  getLegalText,
  legalReferenceProblems,
  legalTexts,
  repealedLegalTextKeys,
} from "#questionnaires/legal-references";
import { maturityScale } from "#questionnaires/maturity-scale";
import { offerCriteria } from "#questionnaires/offer-criteria";
import { segments } from "#questionnaires/segments";

/** Every French text of the content offered today, with a label saying where it is. */
function contentTexts(): [string, string][] {
  const out: [string, string][] = [];
  const add = (where: string, ...texts: (string | undefined)[]) => {
    for (const t of texts) if (t) out.push([where, t]);
  };
  const guideTexts = (guide: Guide) => {
    add(`${guide.version} édition`, guide.title, guide.source, guide.licence, guide.editionNote, ...guide.respondentInstructions, ...(guide.editionInstructions ?? []));
    for (const c of guide.criteria) add(`${guide.version} ${c.id}`, c.title, c.description, ...c.sources);
    for (const q of guide.questions) {
      add(`${guide.version} ${q.id}`, q.topic, q.text, q.contractText, q.scopeNote, q.guidance, ...q.evidenceExamples, ...Object.values(q.levels ?? {}));
    }
    for (const n of guide.changesFromPrevious?.notes ?? []) add(`${guide.version} note`, n.summary, n.source);
  };
  guideTexts(currentGuide);
  // Superseded clauses included: their buyer-facing metadata stays editable and must stay correct.
  for (const c of allClauses) {
    add(`clause ${c.id}`, c.title, c.text, c.guidance, c.legalBasis, c.source, ...c.evidence, ...c.placeholders.map((p) => p.label));
  }
  for (const s of segments) add(`segment ${s.id}`, s.label, s.description, s.sourceFiche, ...s.examples);
  for (const o of offerCriteria) add(`critère d'offre ${o.id}`, o.label, o.description, o.guidance, o.source.publicGuide, ...o.evidence);
  for (const m of maturityScale) add(`échelle ${m.level}`, m.label, m.descriptor);
  return out;
}

describe("all content loads", () => {
  it("loads every guide edition, the clausier, segments, offer criteria, scale, units and legal registry", () => {
    expect(Object.keys(guideVersions)).toEqual(["2024.1-nrprocure", "2026.1-nrprocure"]);
    expect(allClauses.length).toBeGreaterThan(clauses.length);
    expect(segments.length).toBe(9);
    expect(offerCriteria.length).toBeGreaterThanOrEqual(15);
    expect(maturityScale).toHaveLength(5);
    expect(activityUnits.length).toBeGreaterThan(0);
    expect(legalTexts.size).toBeGreaterThan(20);
    expect(contentTexts().length).toBeGreaterThan(1000);
  });
});

describe("legal references of the content", () => {
  it("knows the repealed texts, décret 2021-254 among them", () => {
    expect(repealedLegalTextKeys).toEqual(expect.arrayContaining(["decret:2021-254", "ordonnance:2015-899", "decret:2016-360"]));
    expect(getLegalText("decret:2021-254")?.repealedBy).toBe("decret:2024-134");
    for (const written of ["décret n° 2021-254 du 9 mars 2021", "décret 2021-254", "Décret n°2021-254"]) {
      expect(findLegalReferences(written).map((r) => r.key), written).toEqual(["decret:2021-254"]);
      expect(legalReferenceProblems(written)[0]?.message, written).toMatch(/texte abrogé/);
    }
  });

  it("cites no repealed text", () => {
    const offenders = contentTexts().flatMap(([where, text]) =>
      findLegalReferences(text)
        .filter((r) => r.key !== null && repealedLegalTextKeys.includes(r.key))
        .map((r) => `${where} : ${r.raw}`),
    );
    expect(offenders).toEqual([]);
  });

  it("gives every legal reference its source link or the « à vérifier » mark", () => {
    const problems = contentTexts().flatMap(([where, text]) => legalReferenceProblems(text).map((p) => `${where} : ${p.message}`));
    expect(problems).toEqual([]);
  });

  it("finds references throughout the content (the check above is not vacuous)", () => {
    const keys = new Set(contentTexts().flatMap(([, text]) => findLegalReferences(text).map((r) => r.key)));
    for (const key of ["decret:2024-134", "decret:2023-266", "loi:2021-1485", "code:ccp", "code:env", "eu:reg:2019/424", "eu:reg:2017/821", "ce:417580"]) {
      expect(keys.has(key), key).toBe(true);
    }
  });

  it("links only to official sources (Légifrance, EUR-Lex)", () => {
    for (const text of legalTexts.values()) {
      if (text.url) expect(text.url, text.key).toMatch(/^https:\/\/(www\.legifrance\.gouv\.fr|eur-lex\.europa\.eu)\//);
    }
  });

  it("says who the reuse-quota obligation binds, with no hard-coded rate", () => {
    for (const c of clauses) {
      const all = `${c.text} ${c.guidance} ${c.legalBasis ?? ""}`;
      expect(all, c.id).not.toMatch(/acheteurs publics doivent/i);
      if (/2024-134/.test(all)) expect(all, c.id).toMatch(/l'État, (les )?collectivités territoriales et leurs groupements/i);
      for (const p of c.placeholders) {
        if (/part_reconditionne|objectif_reemploi/.test(p.name)) expect(p.default, `${c.id} ${p.name}`).toBeUndefined();
      }
    }
  });
});

describe("questions of the current edition", () => {
  it("have five descriptors each", () => {
    for (const q of currentGuide.questions) expect(Object.keys(q.levels ?? {}), q.id).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("never share a topic tag within a version", () => {
    for (const guide of Object.values(guideVersions)) {
      const tags = guide.questions.map((q) => q.topicTag).filter((t) => t !== undefined);
      expect(new Set(tags).size, guide.version).toBe(tags.length);
    }
    expect(currentGuide.questions.every((q) => q.topicTag)).toBe(true);
  });

  it("have contract wording whenever their scope is contract", () => {
    for (const q of currentGuide.questions) {
      if (q.scope === "contract") expect(q.contractText, q.id).toMatch(/^Pour l'exécution du présent marché/);
    }
  });
});
