import { describe, expect, it } from "vitest";
import {
  CURRENT_GUIDE_VERSION,
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
} from "../../../questionnaires/guide";
import { guideV2024_1 } from "../../../questionnaires/guide/v2024-1";
import { MATURITY_LEVELS, getMaturityLevel, maturityScale, maturityScaleSchema } from "../../../questionnaires/maturity-scale";

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

  it("exposes the current edition and looks versions up", () => {
    expect(currentGuide.version).toBe(CURRENT_GUIDE_VERSION);
    expect(getGuide("2024.1-nrprocure")).toBe(currentGuide);
    expect(getGuide("1999.1-inconnue")).toBeUndefined();
    expect(getGuide("toString")).toBeUndefined();
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

  it("has unique, well-formed ids numbered 01..n within each criterion", () => {
    const criterionIds = guide.criteria.map((criterion) => criterion.id);
    expect(new Set(criterionIds).size).toBe(criterionIds.length);
    for (const id of criterionIds) expect(id).toMatch(CRITERION_ID_PATTERN);

    const questionIds = guide.questions.map((question) => question.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const id of questionIds) expect(id).toMatch(QUESTION_ID_PATTERN);

    for (const criterion of guide.criteria) {
      const expected = questionsOf(guide, criterion.id).map(
        (_, i) => `${criterion.questionPrefix}-${String(i + 1).padStart(2, "0")}`,
      );
      expect(questionsOf(guide, criterion.id).map((question) => question.id)).toEqual(expected);
    }
  });

  it("has no empty French text", () => {
    const texts: string[] = [guide.title, guide.source, guide.licence, guide.editionNote, ...guide.respondentInstructions];
    for (const criterion of guide.criteria) {
      texts.push(criterion.title, criterion.shortTitle, criterion.description, ...criterion.sources);
    }
    for (const question of guide.questions) {
      texts.push(question.topic, question.text, question.guidance, ...question.evidenceExamples);
      if (question.levels) texts.push(...Object.values(question.levels));
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

  it("asks open questions", () => {
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
