import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  answerSchema,
  answersSchema,
  formatIssues,
  formatPath,
  parseScoringInput,
  parseScoringMethod,
  score,
  ScoringInputError,
  supplierSchema,
  type FormattedIssue,
  type ScoringInputRaw,
} from "#scoring";
import { baseInput, readFixture } from "./helpers";

function issuesOf(raw: unknown): FormattedIssue[] {
  const r = parseScoringInput(raw);
  if (r.success) throw new Error("expected invalid input");
  return r.issues;
}

function expectIssue(raw: unknown, path: string, message: RegExp): void {
  const issues = issuesOf(raw);
  expect(issues, JSON.stringify(issues)).toContainEqual({ path, message: expect.stringMatching(message) });
}

const ENGLISH = /expected|received|invalid input|required|unrecognized/i;

describe("rule 1 — shares", () => {
  it("accepts shares summing to 100 with RSE ≤ 30", () => {
    expect(parseScoringInput(baseInput()).success).toBe(true);
    expect(parseScoringInput(baseInput({ shares: { price: 70, technical: 0, rse: 30 } })).success).toBe(true);
    expect(parseScoringInput(baseInput({ shares: { price: 100, technical: 0, rse: 0 } })).success).toBe(true);
  });

  it("tolerates float noise up to 1e-9 in the sum", () => {
    // 70.1 + 9.9 + 20 = 100.00000000000001 in binary floating point
    expect(parseScoringInput(baseInput({ shares: { price: 70.1, technical: 9.9, rse: 20 } })).success).toBe(true);
    expect(parseScoringInput(baseInput({ shares: { price: 80 / 3, technical: 160 / 3, rse: 20 } })).success).toBe(true);
  });

  it("rejects a sum off by more than 1e-9", () => {
    expectIssue(baseInput({ shares: { price: 55, technical: 25, rse: 19.9 } }), "shares", /somme des parts.*égale à 100.*99,9/);
    expectIssue(baseInput({ shares: { price: 55.000000002, technical: 25, rse: 20 } }), "shares", /somme des parts/);
  });

  it("rejects an RSE share above 30 (30 itself is allowed)", () => {
    expectIssue(baseInput({ shares: { price: 45, technical: 20, rse: 35 } }), "shares.rse", /RSE ne peut pas dépasser 30 %.*35/);
    expectIssue(baseInput({ shares: { price: 49.5, technical: 20, rse: 30.5 } }), "shares.rse", /dépasser 30/);
  });

  it("rejects negative or non-numeric shares", () => {
    expectIssue(baseInput({ shares: { price: 110, technical: -30, rse: 20 } }), "shares.technical", /valeur technique doit être ≥ 0/);
    expectIssue(baseInput({ shares: { price: "55", technical: 25, rse: 20 } as never }), "shares.price", /part du prix doit être un nombre/);
    expectIssue(baseInput({ shares: { price: 55, rse: 45 } as never }), "shares.technical", /est obligatoire/);
  });
});

describe("rule 2 — answers", () => {
  const withAnswers = (answers: Record<string, unknown>, allowNotApplicable = false): ScoringInputRaw =>
    baseInput({
      questions: [{ id: "G1", criterion: "gouvernance", allowNotApplicable }],
      suppliers: [{ id: "acme", price: 100, technical: 50, answers: answers as never }],
    });

  it("accepts levels 1–5, null, and na where allowed", () => {
    for (const a of [1, 2, 3, 4, 5, null]) expect(parseScoringInput(withAnswers({ G1: a })).success).toBe(true);
    expect(parseScoringInput(withAnswers({ G1: "na" }, true)).success).toBe(true);
    expect(parseScoringInput(withAnswers({})).success).toBe(true); // missing = unanswered
  });

  it("rejects levels outside 1–5, non-integers and strings", () => {
    for (const a of [0, 6, 2.5, "3", "NA", true, -1]) {
      expectIssue(withAnswers({ G1: a }), "suppliers[0].answers.G1", /niveau de maturité entier de 1 à 5/);
    }
  });

  it("rejects na where the question does not allow it", () => {
    expectIssue(withAnswers({ G1: "na" }), "suppliers[0].answers.G1", /Sans objet.*n'est pas autorisé pour la question « G1 »/);
  });

  it("rejects an answer to a question that is not in the tender", () => {
    expectIssue(withAnswers({ G1: 3, II1: "na" }), "suppliers[0].answers.II1", /« II1 » n'existe pas/);
    // An own "__proto__" key (JSON.parse creates one) is reported, not silently dropped.
    expectIssue(withAnswers(JSON.parse('{"G1": 3, "__proto__": 2}') as Record<string, unknown>), "suppliers[0].answers.__proto__", /n'existe pas/);
  });

  it("rejects an own key holding undefined, and answers that are not an object", () => {
    expectIssue(withAnswers({ G1: undefined }), "suppliers[0].answers.G1", /Réponse invalide.*reçu rien/);
    expectIssue(baseInput({ suppliers: [{ id: "a", price: 1, technical: 1, answers: [3] as never }] }), "suppliers[0].answers", /Les réponses doivent être un objet/);
  });

  it("still checks answer values when the question list itself is invalid", () => {
    const raw = baseInput({
      questions: [{ criterion: "gouvernance" } as never],
      suppliers: [{ id: "a", price: 1, technical: 1, answers: { G1: 9 } as never }],
    });
    expectIssue(raw, "questions[0].id", /L'identifiant de la question est obligatoire/);
    expectIssue(raw, "suppliers[0].answers.G1", /Réponse invalide.*reçu 9/);
  });

  it("exposes standalone answer and supplier schemas that check values", () => {
    expect(answerSchema.safeParse(4).success).toBe(true);
    expect(answerSchema.safeParse(0).error?.issues[0]?.message).toMatch(/niveau de maturité entier de 1 à 5/);
    const r = supplierSchema.safeParse({ id: "a", price: 1, technical: 1, answers: { X: 6 } });
    expect(r.success).toBe(false);
    expect(formatIssues(r.error!)).toEqual([{ path: "answers.X", message: expect.stringMatching(/reçu 6/) }]);
    expect(answersSchema.safeParse({ X: "na", Y: null }).success).toBe(true);
  });
});

describe("rule 2 — tender structure", () => {
  it("defaults question weight to 1 and allowNotApplicable to false", () => {
    const r = parseScoringInput(baseInput());
    expect(r.success && r.data.questions[0]).toEqual({ id: "G1", criterion: "gouvernance", weight: 1, allowNotApplicable: false });
  });

  it("rejects negative weights", () => {
    expectIssue(baseInput({ criteria: [{ id: "gouvernance", weight: -1 }] }), "criteria[0].weight", /poids du critère doit être ≥ 0/);
    expectIssue(baseInput({ questions: [{ id: "G1", criterion: "gouvernance", weight: -2 }] }), "questions[0].weight", /poids de la question doit être ≥ 0/);
  });

  it("rejects criteria weights that are all zero, and an empty criteria list", () => {
    expectIssue(
      baseInput({ criteria: [{ id: "gouvernance", weight: 0 }, { id: "mesure", weight: 0 }] }),
      "criteria",
      /au moins un critère doit avoir un poids strictement positif/i,
    );
    expectIssue(baseInput({ criteria: [], questions: [] }), "criteria", /Au moins un critère/);
  });

  it("rejects duplicate ids", () => {
    expectIssue(baseInput({ criteria: [{ id: "g", weight: 1 }, { id: "g", weight: 2 }], questions: [] }), "criteria[1].id", /critère en double : « g »/);
    expectIssue(
      baseInput({ questions: [{ id: "G1", criterion: "gouvernance" }, { id: "G1", criterion: "gouvernance" }] }),
      "questions[1].id",
      /question en double/,
    );
    expectIssue(
      baseInput({ suppliers: [{ id: "a", price: 1, technical: 1 }, { id: "a", price: 2, technical: 2 }] }),
      "suppliers[1].id",
      /fournisseur en double/,
    );
  });

  it("rejects a question whose criterion does not exist", () => {
    expectIssue(baseInput({ questions: [{ id: "G1", criterion: "gouv" }] }), "questions[0].criterion", /renvoie au critère « gouv »/);
  });

  it("requires at least one supplier, positive prices, technical scores in 0–100", () => {
    expectIssue(baseInput({ suppliers: [] }), "suppliers", /Au moins un fournisseur/);
    expectIssue(baseInput({ suppliers: [{ id: "a", price: 0, technical: 50 }] }), "suppliers[0].price", /strictement positif/);
    expectIssue(baseInput({ suppliers: [{ id: "a", price: -5, technical: 50 }] }), "suppliers[0].price", /strictement positif/);
    expectIssue(baseInput({ suppliers: [{ id: "a", price: 5, technical: 101 }] }), "suppliers[0].technical", /entre 0 et 100/);
  });

  it("rejects unknown fields (a typo must not silently become a default)", () => {
    expectIssue(baseInput({ questions: [{ id: "G1", criterion: "gouvernance", weigth: 2 } as never] }), "questions[0]", /Champ inconnu : « weigth »/);
  });

  it("rejects an unknown price method and a non-object input", () => {
    expectIssue(baseInput({ priceMethod: "moyenne" as never }), "priceMethod", /Méthode de notation du prix inconnue.*lowest-ratio.*linear/);
    expectIssue(null, "", /doit être un objet/);
    expectIssue([], "", /doit être un objet/);
  });
});

describe("French issues", () => {
  it("reports every problem of the invalid fixture at once, in French, with JSON paths", () => {
    const issues = issuesOf(readFixture("invalid-input.json"));
    expect(issues.map((i) => i.path).sort()).toEqual(
      ["shares.rse", "suppliers[0].answers.G1", "suppliers[0].answers.II1", "suppliers[1].answers.G1", "suppliers[1].price"].sort(),
    );
    for (const i of issues) expect(i.message).not.toMatch(ENGLISH);
  });

  it("uses French even for shapes the schema messages do not cover (zod fr locale per parse)", () => {
    const issues = issuesOf({ shares: 3, priceMethod: 1, criteria: {}, questions: "x", suppliers: [{ answers: [] }] });
    expect(issues.length).toBeGreaterThan(4);
    for (const i of issues) expect(i.message).not.toMatch(ENGLISH);
  });

  it("does not change zod's global configuration", () => {
    issuesOf({});
    const r = z.number().safeParse("x");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/expected number/i);
  });

  it("formats paths with indices and quotes odd keys", () => {
    expect(formatPath(["suppliers", 0, "answers", "G1"])).toBe("suppliers[0].answers.G1");
    expect(formatPath(["suppliers", 2, "answers", "gouv-1"])).toBe('suppliers[2].answers["gouv-1"]');
    expect(formatPath([])).toBe("");
    const r = z.object({ a: z.array(z.number()) }).safeParse({ a: [1, "x"] });
    expect(formatIssues(r.error!)[0]?.path).toBe("a[1]");
  });

  it("score() throws ScoringInputError carrying the issues", () => {
    let caught: unknown;
    try {
      score(readFixture("invalid-input.json"));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScoringInputError);
    expect((caught as ScoringInputError).issues).toHaveLength(5);
    expect((caught as ScoringInputError).message).toMatch(/Données de notation invalides \(5 problèmes\)/);
  });

  it("parseScoringMethod validates a method without suppliers", () => {
    const { suppliers: _unused, ...method } = baseInput();
    expect(parseScoringMethod(method).success).toBe(true);
    const r = parseScoringMethod({ ...method, shares: { price: 60, technical: 5, rse: 35 } });
    expect(r.success).toBe(false);
    expect(!r.success && r.issues[0]?.path).toBe("shares.rse");
  });
});
