import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CURRENT_GUIDE_VERSION,
  GUIDE_FIELD_PROVENANCE,
  PROVENANCES,
  criterionSchema,
  previousGuideVersion,
  questionSchema,
  questionScope,
  questionTextFor,
  guideVersionList,
  GuideValidationError,
  QUESTION_ID_PATTERN,
  CRITERION_ID_PATTERN,
  currentGuide,
  getCriterion,
  getGuide,
  getQuestion,
  guideSchema,
  guideSources,
  guideVersions,
  isKnownTopicSource,
  normalizeForSearch,
  parseGuide,
  questionsOf,
  searchQuestions,
  type GuideInput,
} from "#questionnaires/guide";
import { guideV2024_1 } from "#questionnaires/guide/v2024-1";
import { guideV2026_1 } from "#questionnaires/guide/v2026-1/index";
import { MATURITY_LEVELS, getMaturityLevel, maturityScale, maturityScaleSchema } from "#questionnaires/maturity-scale";

const EXPECTED_CRITERIA = [
  ["gouvernance", "GOUV", 6],
  ["formation", "FORM", 4],
  ["mesure", "MESU", 5],
  ["fin-de-vie", "FDV", 6],
  ["infra-internes", "INFI", 5],
  ["infra-externes", "INFE", 4],
  ["utilisation-achats", "ACHA", 6],
  ["ecosysteme", "ECOS", 3],
  ["services-numeriques", "SERV", 5],
  ["impacts-societaux", "SOCI", 3],
] as const;

function brokenCopy(mutate: (guide: GuideInput) => void): GuideInput {
  const copy = structuredClone(guideV2024_1) as GuideInput;
  mutate(copy);
  return copy;
}

function validationMessage(data: unknown): string {
  try {
    parseGuide(data);
  } catch (error) {
    expect(error).toBeInstanceOf(GuideValidationError);
    return (error as Error).message;
  }
  throw new Error("la validation aurait dû échouer");
}

describe("guide versions", () => {
  it("loads every version through the schema", () => {
    expect(guideSources.length).toBeGreaterThan(0);
    for (const source of guideSources) {
      const result = guideSchema.safeParse(source);
      expect(result.success, result.success ? "" : result.error.message).toBe(true);
      expect(guideVersions[source.version]).toBeDefined();
    }
    expect(Object.keys(guideVersions)).toHaveLength(guideSources.length);
  });

  it("exposes the current edition (2026.1) and keeps the older one", () => {
    expect(CURRENT_GUIDE_VERSION).toBe("2026.1-nrprocure");
    expect(currentGuide.version).toBe(CURRENT_GUIDE_VERSION);
    expect(getGuide("2026.1-nrprocure")).toBe(currentGuide);
    expect(getGuide("2024.1-nrprocure")?.version).toBe("2024.1-nrprocure");
    expect(guideVersionList).toEqual(["2024.1-nrprocure", "2026.1-nrprocure"]);
    expect(previousGuideVersion("2026.1-nrprocure")).toBe("2024.1-nrprocure");
    expect(previousGuideVersion("2024.1-nrprocure")).toBeUndefined();
    expect(getGuide("1999.1-inconnue")).toBeUndefined();
    expect(getGuide("toString")).toBeUndefined();
  });

  it("keeps the published 2024.1 edition byte for byte", () => {
    // Published editions are immutable (docs/decisions/002): any edit to this file fails here.
    const file = readFileSync(new URL("../../../questionnaires/guide/v2024-1.ts", import.meta.url));
    expect(createHash("sha256").update(file).digest("hex")).toBe("6590e629839c20ccebc4fb9d3e872a1ab1b80b9d948f386818e067d9194bd465");
    expect(getGuide("2024.1-nrprocure")?.questions.map((q) => q.id)).toEqual(guideV2024_1.questions.map((q) => q.id));
  });

  it("freezes published content", () => {
    expect(Object.isFrozen(currentGuide)).toBe(true);
    expect(Object.isFrozen(currentGuide.questions[0])).toBe(true);
    expect(() => {
      (currentGuide.questions as unknown as unknown[]).push({});
    }).toThrow();
  });

  it("attributes INR/ISIT and states the licence and edition", () => {
    expect(currentGuide.basedOn).toBe("inr-isit-2024");
    expect(currentGuide.sourceUrl).toBe("https://institutnr.org/guide-maturite-parties-prenantes");
    expect(currentGuide.source).toContain("Guide pour l'évaluation et l'influence de la Maturité en NR des Parties Prenantes");
    expect(currentGuide.source).toContain("https://institutnr.org/guide-maturite-parties-prenantes");
    expect(currentGuide.source).toMatch(/INR/);
    expect(currentGuide.source).toMatch(/ISIT/);
    expect(currentGuide.licence).toMatch(/Creative Commons/);
    expect(currentGuide.licence).toMatch(/non vérifiée/);
    expect(currentGuide.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe.each(guideSources.map((source) => [source.version, source] as const))("édition %s", (version) => {
  const guide = getGuide(version)!;

  it("has exactly 10 criteria and 47 questions", () => {
    expect(guide.criteria).toHaveLength(10);
    expect(guide.questions).toHaveLength(47);
  });

  it("puts every question in exactly one existing criterion, and every criterion has questions", () => {
    const criterionIds = new Set(guide.criteria.map((criterion) => criterion.id));
    for (const question of guide.questions) {
      expect(criterionIds.has(question.criterion), question.id).toBe(true);
      const owners = guide.criteria.filter((criterion) => questionsOf(guide, criterion.id).includes(question));
      expect(owners, question.id).toHaveLength(1);
    }
    for (const criterion of guide.criteria) {
      expect(questionsOf(guide, criterion.id).length, criterion.id).toBeGreaterThanOrEqual(1);
    }
    const total = guide.criteria.reduce((sum, criterion) => sum + questionsOf(guide, criterion.id).length, 0);
    expect(total).toBe(guide.questions.length);
  });

  it("has unique, well-formed ids, increasing within each criterion", () => {
    const criterionIds = guide.criteria.map((criterion) => criterion.id);
    expect(new Set(criterionIds).size).toBe(criterionIds.length);
    for (const id of criterionIds) expect(id).toMatch(CRITERION_ID_PATTERN);

    const questionIds = guide.questions.map((question) => question.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const id of questionIds) expect(id).toMatch(QUESTION_ID_PATTERN);

    for (const criterion of guide.criteria) {
      const numbers = questionsOf(guide, criterion.id).map((q) => {
        expect(q.id.startsWith(`${criterion.questionPrefix}-`), q.id).toBe(true);
        return Number(q.id.slice(-2));
      });
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(numbers[0]).toBe(1);
    }
  });

  it("keeps the criteria of the INR/ISIT guide, in order", () => {
    expect(guide.criteria.map((c) => [c.id, c.questionPrefix])).toEqual(EXPECTED_CRITERIA.map(([id, prefix]) => [id, prefix]));
    expect(guide.criteria.map((c) => c.title)).toEqual(getGuide("2024.1-nrprocure")?.criteria.map((c) => c.title));
  });

  it("asks open questions, with evidence examples", () => {
    for (const question of guide.questions) {
      expect(question.text, question.id).toMatch(/^(Décrivez|Comment|Quel|Quelle|Quels|Quelles|Présentez|Qui|Avant|Pour|Que|Selon|À quels)\b/);
      expect(question.text, question.id).toMatch(/[?.]$/);
      expect(question.evidenceExamples.length, question.id).toBeGreaterThan(0);
    }
  });

  it("reserves « non applicable » by default to internal infrastructures", () => {
    const allowed = guide.questions.filter((question) => question.allowNotApplicableByDefault).map((q) => q.id);
    expect(allowed).toEqual(questionsOf(guide, "infra-internes").map((q) => q.id));
  });

  it("cites known reference letters", () => {
    for (const question of guide.questions) {
      for (const source of question.topicSources) expect(isKnownTopicSource(source), `${question.id}: ${source}`).toBe(true);
    }
  });

  it("has no empty French text", () => {
    const texts: string[] = [guide.title, guide.source, guide.licence, guide.editionNote, ...guide.respondentInstructions, ...(guide.editionInstructions ?? [])];
    for (const criterion of guide.criteria) {
      texts.push(criterion.title, criterion.shortTitle, criterion.description, ...criterion.sources);
    }
    for (const question of guide.questions) {
      texts.push(question.topic, question.text, question.guidance, ...question.evidenceExamples);
      if (question.levels) texts.push(...Object.values(question.levels));
      if (question.contractText) texts.push(question.contractText);
      if (question.scopeNote) texts.push(question.scopeNote);
    }
    for (const text of texts) {
      expect(text.trim().length).toBeGreaterThan(0);
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}/);
    }
  });
});

describe("édition 2024.1-nrprocure", () => {
  const guide = getGuide("2024.1-nrprocure")!;

  it("uses the agreed criteria, prefixes and question counts", () => {
    expect(guide.criteria.map((criterion) => [criterion.id, criterion.questionPrefix, questionsOf(guide, criterion.id).length])).toEqual(
      EXPECTED_CRITERIA.map((row) => [...row]),
    );
    expect(guide.criteria.map((criterion) => criterion.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("keeps the criterion labels of the source documents", () => {
    expect(getCriterion(guide, "fin-de-vie")?.title).toBe(
      "Équipements informatiques : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale)",
    );
    expect(getCriterion(guide, "ecosysteme")?.title).toBe("Contribution à l'écosystème NR");
    expect(getCriterion(guide, "gouvernance")?.title).toBe("Gouvernance et stratégie");
    expect(getCriterion(guide, "inconnu")).toBeUndefined();
  });

  it("rejects unknown reference letters", () => {
    expect(isKnownTopicSource("MiNumEco a.9")).toBe(false);
    expect(isKnownTopicSource("Label NR PA15")).toBe(false);
    expect(isKnownTopicSource("RGESN 7.5")).toBe(false);
  });

  it("looks questions up by id", () => {
    expect(getQuestion(guide, "FDV-04")?.criterion).toBe("fin-de-vie");
    expect(getQuestion(guide, "FDV-99")).toBeUndefined();
  });
});

describe("searchQuestions", () => {
  const guide = currentGuide;

  it("normalises accents, case and ligatures", () => {
    expect(normalizeForSearch("Réemploi ÉCONOMIE Œuvre d’art")).toBe("reemploi economie oeuvre d'art");
  });

  it("is accent- and case-insensitive", () => {
    const ids = searchQuestions(guide, "equipements reemploi").map((question) => question.id);
    // Every FDV question whose accented text or guidance mentions « réemploi » is found (criterion title has « Équipements »).
    const fdvWithReemploi = questionsOf(guide, "fin-de-vie")
      .filter((question) => `${question.text} ${question.guidance}`.includes("réemploi"))
      .map((question) => question.id);
    expect(fdvWithReemploi.length).toBeGreaterThan(1);
    expect(ids).toEqual(expect.arrayContaining(fdvWithReemploi));
    expect(ids).toContain("FDV-03");
    expect(searchQuestions(guide, "ÉQUIPEMENTS Réemploi").map((q) => q.id)).toEqual(ids);
  });

  it("requires every word (AND)", () => {
    const dee = searchQuestions(guide, "DEEE").map((q) => q.id);
    const deeeTraceabilite = searchQuestions(guide, "deee tracabilite").map((q) => q.id);
    expect(deeeTraceabilite).toContain("FDV-04");
    expect(deeeTraceabilite.length).toBeLessThanOrEqual(dee.length);
    for (const id of deeeTraceabilite) expect(dee).toContain(id);
    expect(searchQuestions(guide, "deee xylophone")).toEqual([]);
  });

  it("matches question ids and criterion titles, in guide order", () => {
    expect(searchQuestions(guide, "gouv-03").map((q) => q.id)).toEqual(["GOUV-03"]);
    const infra = searchQuestions(guide, "infrastructures internes").map((q) => q.id);
    expect(infra).toEqual(expect.arrayContaining(["INFI-01", "INFI-02", "INFI-03", "INFI-04", "INFI-05"]));
    const order = guide.questions.map((q) => q.id);
    const result = searchQuestions(guide, "donnees").map((q) => q.id);
    expect(result).toEqual(order.filter((id) => result.includes(id)));
  });

  it("returns every question for a blank query", () => {
    expect(searchQuestions(guide, "   ")).toHaveLength(guide.questions.length);
  });
});

describe("validation of a broken copy", () => {
  it("names an unknown criterion", () => {
    const message = validationMessage(
      brokenCopy((guide) => {
        guide.questions[0]!.criterion = "gouvernanc";
      }),
    );
    expect(message).toContain("Guide de maturité « 2024.1-nrprocure » invalide");
    expect(message).toContain("Question « GOUV-01 » : critère « gouvernanc » inconnu");
    expect(message).toContain("questions[0].criterion");
  });

  it("rejects duplicate and malformed ids, wrong prefixes and empty texts", () => {
    const message = validationMessage(
      brokenCopy((guide) => {
        guide.questions[1]!.id = "GOUV-01";
        guide.questions[2]!.id = "gouv-3";
        guide.questions[6]!.id = "GOUV-07";
        guide.questions[3]!.text = "   ";
      }),
    );
    expect(message).toContain("Question « GOUV-01 » en double");
    expect(message).toContain("Identifiant de question invalide");
    expect(message).toContain("le préfixe doit être « FORM »");
    expect(message).toContain("Texte vide");
  });

  it("enforces 10 criteria and 47 questions for the INR/ISIT 2024 edition", () => {
    const message = validationMessage(
      brokenCopy((guide) => {
        guide.questions.pop();
      }),
    );
    expect(message).toContain("Le guide source compte 47 questions ; cette édition en a 46");
  });

  it("rejects a criterion without questions", () => {
    const message = validationMessage(
      brokenCopy((guide) => {
        guide.questions = guide.questions.map((question) =>
          question.criterion === "ecosysteme" ? { ...question, criterion: "formation" } : question,
        );
      }),
    );
    expect(message).toContain("Critère « ecosysteme » : aucune question");
  });

  it("rejects unknown fields and reference letters", () => {
    const message = validationMessage(
      brokenCopy((guide) => {
        (guide.questions[0] as Record<string, unknown>).texte = "faute de frappe";
        guide.questions[0]!.topicSources = ["MiNumEco z.1"];
      }),
    );
    expect(message).toMatch(/texte/);
    expect(message).toContain("Référence inconnue : « MiNumEco z.1 »");
  });
});

describe("maturity scale", () => {
  it("has the five ADEME/ANCT levels in order", () => {
    expect(maturityScaleSchema.safeParse(maturityScale).success).toBe(true);
    expect(maturityScale.map((entry) => entry.level)).toEqual([...MATURITY_LEVELS]);
    expect(maturityScale.map((entry) => entry.label)).toEqual(["Inexistant", "Émergent", "Intermédiaire", "Avancé", "Maximum"]);
    for (const entry of maturityScale) expect(entry.descriptor.trim().length).toBeGreaterThan(0);
    expect(getMaturityLevel(1).descriptor).toContain("nous allons");
  });
});

describe("édition 2026.1-nrprocure : portée, formulation pour le marché, sujets, descripteurs", () => {
  const guide = getGuide("2026.1-nrprocure")!;
  const q = (id: string) => getQuestion(guide, id)!;

  it("declares format 2 and the previous edition", () => {
    expect(guide.format).toBe(2);
    expect(guide.changesFromPrevious?.previousVersion).toBe("2024.1-nrprocure");
  });

  it("keeps the INR/ISIT usage rules apart from the instructions that are ours", () => {
    expect(guide.respondentInstructions).toEqual(getGuide("2024.1-nrprocure")?.respondentInstructions);
    expect(guide.editionInstructions?.join(" ")).toMatch(/présent marché/);
    expect(GUIDE_FIELD_PROVENANCE.guide.editionInstructions).toBe("nrprocure");
  });

  it("gives every question a scope with its reason; contract questions and only they have contract wording", () => {
    for (const question of guide.questions) {
      expect(["contract", "organisation"], question.id).toContain(question.scope);
      expect(question.scopeNote?.length, question.id).toBeGreaterThan(20);
      if (question.scope === "contract") expect(question.contractText, question.id).toMatch(/^Pour l'exécution du présent marché, .+[?.]$/);
      else expect(question.contractText, question.id).toBeUndefined();
    }
  });

  it("scopes governance, strategy, ecosystem and general training as organisation (lawful-award-criteria.md §2)", () => {
    for (const id of ["gouvernance", "ecosysteme"]) {
      for (const question of questionsOf(guide, id)) expect(question.scope, question.id).toBe("organisation");
    }
    for (const id of ["FORM-01", "FORM-02", "FORM-04"]) expect(q(id).scope, id).toBe("organisation");
    // The means applied to the contract: team, delivered footprint data, end of life of supplied equipment, hosting, subcontractors.
    for (const id of ["FORM-03", "MESU-04", "FDV-04", "FDV-07", "INFE-01", "INFE-02", "ACHA-06", "SERV-01"]) expect(q(id).scope, id).toBe("contract");
    const contract = guide.questions.filter((question) => question.scope === "contract").length;
    expect(contract).toBe(22);
  });

  it("has five question-specific descriptors for every question, none copied from the generic scale", () => {
    const generic = new Set(maturityScale.map((s) => s.descriptor));
    for (const question of guide.questions) {
      expect(Object.keys(question.levels ?? {}), question.id).toEqual(["1", "2", "3", "4", "5"]);
      const descriptors = Object.values(question.levels ?? {});
      expect(new Set(descriptors).size, question.id).toBe(5);
      for (const d of descriptors) expect(generic.has(d), `${question.id}: ${d}`).toBe(false);
    }
  });

  it("separates the six double-counting pairs of 2024.1 (distinct topic tags, cross-references in guidance)", () => {
    const tags = new Map(guide.questions.map((question) => [question.id, question.topicTag]));
    expect(new Set(tags.values()).size).toBe(47);
    expect(getQuestion(guide, "FDV-06")).toBeUndefined();
    expect(q("FDV-07").topic).toMatch(/locale/);
    const pairs: [string, string][] = [
      ["FDV-03", "SOCI-02"],
      ["FDV-03", "FDV-07"],
      ["ACHA-03", "INFI-04"],
      ["INFI-05", "SERV-05"],
      ["GOUV-04", "MESU-05"],
      ["MESU-04", "SERV-02"],
      ["GOUV-05", "ECOS-03"],
    ];
    for (const [a, b] of pairs) {
      expect(tags.get(a), `${a}/${b}`).not.toBe(tags.get(b));
      // Each side says where the other topic is assessed, so an evaluator does not mark it twice.
      expect(`${q(a).guidance} ${q(b).guidance}`, `${a}/${b}`).toMatch(new RegExp(`${a}|${b}`));
    }
    // SERV-05 no longer asks about the end of life of services; SOCI-02 no longer counts reuse partners.
    expect(q("SERV-05").text).not.toMatch(/fin de vie/);
    expect(q("SOCI-02").text).not.toMatch(/économie sociale et solidaire/);
    expect(q("GOUV-05").text).not.toMatch(/clients/);
  });

  it("fixes GOUV-06: no Label NR as expected evidence, no NR-specific certification required, equivalence and SMEs", () => {
    const gouv06 = q("GOUV-06");
    for (const text of [gouv06.text, ...gouv06.evidenceExamples, ...Object.values(gouv06.levels ?? {})]) {
      expect(text).not.toMatch(/label (NR|Numérique Responsable)/i);
      expect(text).not.toMatch(/toute l'organisation/);
    }
    expect(gouv06.guidance).toMatch(/ne peut servir ni à sélectionner les candidats ni à noter les offres/);
    expect(gouv06.guidance).toMatch(/R2111-12 à R2111-17/);
    expect(gouv06.guidance).toMatch(/petite structure/);
    expect(gouv06.levels?.[5]).toMatch(/quelle que soit la taille/);
  });

  it("cites the RGESN hosting theme as a whole (8.1 to 8.10), not an unverified subset", () => {
    expect(getCriterion(guide, "infra-externes")?.sources.join(" ")).toMatch(/8\.1 à 8\.10/);
    for (const question of guide.questions) {
      for (const source of question.topicSources) expect(source, question.id).not.toMatch(/^RGESN 8\.\d+$/);
    }
  });

  it("words avoided emissions and minerals as the sources do", () => {
    expect(q("MESU-05").guidance).toMatch(/exclut les émissions évitées de l'inventaire/);
    expect(q("SOCI-01").guidance).toMatch(/importateurs de l'Union/);
    expect(q("SOCI-01").guidance).toMatch(/ni le cobalt/);
  });

  it("chooses the wording by context and defaults old questions to organisation", () => {
    expect(questionTextFor(q("SERV-01"), "contract")).toBe(q("SERV-01").contractText);
    expect(questionTextFor(q("SERV-01"), "general")).toBe(q("SERV-01").text);
    expect(questionTextFor(q("GOUV-01"), "contract")).toBe(q("GOUV-01").text);
    const old = getQuestion(getGuide("2024.1-nrprocure")!, "SERV-01")!;
    expect(old.scope).toBeUndefined();
    expect(questionScope(old)).toBe("organisation");
    expect(questionScope(q("SERV-01"))).toBe("contract");
  });

  it("names only questions of either edition in its change notes, and covers every question in the scope note", () => {
    const ids = new Set([...guide.questions, ...getGuide("2024.1-nrprocure")!.questions].map((question) => question.id));
    const notes = guide.changesFromPrevious?.notes ?? [];
    for (const note of notes) for (const id of note.questions) expect(ids.has(id), id).toBe(true);
    expect(notes[0]?.questions).toHaveLength(47);
  });
});

describe("provenance field by field", () => {
  it("marks every field of criteria and questions", () => {
    expect(Object.keys(GUIDE_FIELD_PROVENANCE.criterion).sort()).toEqual(Object.keys(criterionSchema.shape).sort());
    expect(Object.keys(GUIDE_FIELD_PROVENANCE.question).sort()).toEqual(Object.keys(questionSchema.shape).sort());
  });

  it("attributes titles, the 47-question count and usage rules to INR/ISIT, the wording to our edition", () => {
    expect(GUIDE_FIELD_PROVENANCE.criterion.title).toBe("inr-isit-2024");
    expect(GUIDE_FIELD_PROVENANCE.guide.questionCount).toBe("inr-isit-2024");
    expect(GUIDE_FIELD_PROVENANCE.guide.respondentInstructions).toBe("inr-isit-2024");
    for (const field of ["text", "contractText", "guidance", "levels", "scope", "evidenceExamples"] as const) {
      expect(GUIDE_FIELD_PROVENANCE.question[field]).toBe("nrprocure");
    }
    expect(GUIDE_FIELD_PROVENANCE.scale.label).toBe("ademe-anct");
    expect(GUIDE_FIELD_PROVENANCE.scale.descriptor).toBe("nrprocure");
    expect(PROVENANCES.nrprocure.label).toBe("Édition NR Procure");
  });
});

describe("validation of a broken format-2 copy", () => {
  function broken2026(mutate: (guide: GuideInput) => void): GuideInput {
    const copy = structuredClone(guideV2026_1) as GuideInput;
    mutate(copy);
    return copy;
  }

  it("requires scope, contract wording for contract questions, unique topic tags and five distinct descriptors", () => {
    const message = validationMessage(
      broken2026((guide) => {
        delete guide.questions[0]!.scope;
        guide.questions[1]!.topicTag = guide.questions[2]!.topicTag;
        const contractQuestion = guide.questions.find((question) => question.scope === "contract")!;
        delete contractQuestion.contractText;
        const organisationQuestion = guide.questions.find((question) => question.scope === "organisation" && question !== guide.questions[0])!;
        organisationQuestion.contractText = "Pour l'exécution du présent marché, une formulation de trop ?";
        guide.questions[3]!.levels = { 1: "Même texte.", 2: "Même texte.", 3: "b", 4: "c", 5: "d" };
        delete guide.questions[4]!.levels;
      }),
    );
    expect(message).toContain("Question « GOUV-01 » : portée (scope) obligatoire");
    expect(message).toContain("(double comptage)");
    expect(message).toContain("formulation pour le présent marché (contractText) obligatoire");
    expect(message).toContain("formulation contractuelle réservée aux questions de portée « contract »");
    expect(message).toContain("Question « GOUV-04 » : deux niveaux ont le même descripteur");
    expect(message).toContain("Question « GOUV-05 » : cinq descripteurs de niveaux obligatoires");
  });

  it("requires contract wording to name this contract", () => {
    const message = validationMessage(
      broken2026((guide) => {
        const contractQuestion = guide.questions.find((question) => question.scope === "contract")!;
        contractQuestion.contractText = "Pour vos marchés en général, que faites-vous ?";
      }),
    );
    expect(message).toContain("doit viser « le présent marché »");
  });
});
