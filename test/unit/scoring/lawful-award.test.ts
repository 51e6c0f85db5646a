import { describe, expect, it } from "vitest";
import {
  explain,
  markShares,
  offerRange,
  offerScore,
  parseScoringInput,
  parseScoringMethod,
  score,
  scoreParsed,
  type FormattedIssue,
  type LawfulScoringResult,
  type ScoringInputRaw,
} from "#scoring";
import { readFixture, valid } from "./helpers";

/** A valid public tender launched after 21 August 2026, to be overridden field by field. */
function publicInput(overrides: Partial<ScoringInputRaw> = {}): ScoringInputRaw {
  return {
    procurement: { regime: "public", launchDate: "2026-10-01" },
    shares: { price: 45, technical: 25, rse: 30 },
    priceMethod: "lowest-ratio",
    offerCriteria: [{ id: "empreinte", share: 12, direction: "lower-is-better", method: "linear", environmental: true }],
    criteria: [{ id: "fin-de-vie", weight: 1 }],
    questions: [{ id: "F1", criterion: "fin-de-vie", scope: "contract" }],
    suppliers: [
      { id: "a", price: 100, technical: 50, offerValues: { empreinte: 1000 }, answers: { F1: 3 } },
      { id: "b", price: 120, technical: 70, offerValues: { empreinte: 800 }, answers: { F1: 5 } },
    ],
    ...overrides,
  };
}

/** The tender without offer criteria (and so without offer values). */
function noOffers(raw: ScoringInputRaw): ScoringInputRaw {
  return { ...raw, offerCriteria: [], suppliers: raw.suppliers!.map(({ offerValues: _v, ...s }) => s) };
}

/** The same tender under the private regime. */
function privateInput(overrides: Partial<ScoringInputRaw> = {}): ScoringInputRaw {
  return publicInput({ procurement: { regime: "private" }, ...overrides });
}

function issuesOf(raw: unknown): FormattedIssue[] {
  const r = parseScoringInput(raw);
  if (r.success) throw new Error("expected invalid input");
  return r.issues;
}

function expectIssue(raw: unknown, path: string, message: RegExp): void {
  const issues = issuesOf(raw);
  expect(issues, JSON.stringify(issues)).toContainEqual({ path, message: expect.stringMatching(message) });
}

const full = (raw: ScoringInputRaw) => scoreParsed(valid(raw), { round: false }) as LawfulScoringResult;
const byId = (r: LawfulScoringResult) => Object.fromEntries(r.suppliers.map((s) => [s.id, s]));

describe("issue 11 §1.3 — offer score formulas", () => {
  const range = { lowest: 40, highest: 80 };

  it("lower-is-better, ratio: 100 × min / v", () => {
    expect(offerScore(40, range, "lower-is-better", "ratio")).toBe(100);
    expect(offerScore(50, range, "lower-is-better", "ratio")).toBe(80); // 100 × 40 / 50
    expect(offerScore(80, range, "lower-is-better", "ratio")).toBe(50);
  });

  it("lower-is-better, linear: 100 × (max − v) / (max − min)", () => {
    expect(offerScore(40, range, "lower-is-better", "linear")).toBe(100);
    expect(offerScore(50, range, "lower-is-better", "linear")).toBe(75); // 100 × 30 / 40
    expect(offerScore(80, range, "lower-is-better", "linear")).toBe(0);
  });

  it("higher-is-better, ratio: 100 × v / max", () => {
    expect(offerScore(80, range, "higher-is-better", "ratio")).toBe(100);
    expect(offerScore(60, range, "higher-is-better", "ratio")).toBe(75);
    expect(offerScore(0, { lowest: 0, highest: 80 }, "higher-is-better", "ratio")).toBe(0);
  });

  it("higher-is-better, linear: 100 × (v − min) / (max − min)", () => {
    expect(offerScore(80, range, "higher-is-better", "linear")).toBe(100);
    expect(offerScore(50, range, "higher-is-better", "linear")).toBe(25);
    expect(offerScore(40, range, "higher-is-better", "linear")).toBe(0);
  });

  it("the range is taken over the values given (missing and null left out)", () => {
    expect(offerRange([48_200, null, 39_800, undefined, 61_500])).toEqual({ lowest: 39_800, highest: 61_500 });
    expect(offerRange([null])).toEqual({ lowest: Infinity, highest: -Infinity });
  });

  it("edge: 100 for everyone when max = min (linear), or max = 0 (higher ratio)", () => {
    const same = { lowest: 7, highest: 7 };
    expect(offerScore(7, same, "lower-is-better", "linear")).toBe(100);
    expect(offerScore(7, same, "higher-is-better", "linear")).toBe(100);
    expect(offerScore(0, { lowest: 0, highest: 0 }, "higher-is-better", "ratio")).toBe(100);
  });

  it("scores each supplier against the values of the others; a missing or null value scores 0 and is listed", () => {
    const r = full(
      privateInput({
        offerCriteria: [
          { id: "lin", share: 5, direction: "lower-is-better", method: "linear", environmental: true },
          { id: "rat", share: 5, direction: "higher-is-better", method: "ratio", environmental: false },
        ],
        suppliers: [
          { id: "a", price: 100, technical: 50, offerValues: { lin: 10, rat: 4 } },
          { id: "b", price: 100, technical: 50, offerValues: { lin: 30, rat: null } },
          { id: "c", price: 100, technical: 50, offerValues: { lin: 20 } },
        ],
      }),
    );
    const s = byId(r);
    expect(s.a!.offerScores).toEqual({ lin: 100, rat: 100 });
    expect(s.b!.offerScores).toEqual({ lin: 0, rat: 0 });
    expect(s.c!.offerScores).toEqual({ lin: 50, rat: 0 }); // (30 − 20) / (30 − 10)
    expect([s.a!.missingOfferValues, s.b!.missingOfferValues, s.c!.missingOfferValues]).toEqual([[], ["rat"], ["rat"]]);
  });

  it("edge: all values missing → every supplier scores 0 on that criterion", () => {
    const r = full(
      privateInput({
        suppliers: [
          { id: "a", price: 100, technical: 50, offerValues: { empreinte: null } },
          { id: "b", price: 100, technical: 50 },
        ],
      }),
    );
    for (const s of r.suppliers) {
      expect(s.offerScores).toEqual({ empreinte: 0 });
      expect(s.missingOfferValues).toEqual(["empreinte"]);
    }
  });
});

describe("issue 11 §1.2, §1.4 — questionnaire share Q and RSE score", () => {
  it("Q = rse − Σ offer shares; rseScore = (Σ share × offer score + Q × questionnaire) / rse", () => {
    const r = full(publicInput());
    const { a, b } = byId(r);
    // empreinte linear lower: a 1000 (max) → 0, b 800 (min) → 100. F1: a level 3 → 50, b level 5 → 100.
    // Q = 30 − 12 = 18. a: (12 × 0 + 18 × 50) / 30 = 30; b: (12 × 100 + 18 × 100) / 30 = 100.
    expect(a).toMatchObject({ questionnaireScore: 50, offerScores: { empreinte: 0 }, rseScore: 30 });
    expect(b).toMatchObject({ questionnaireScore: 100, offerScores: { empreinte: 100 }, rseScore: 100 });
    // Totals keep their definition: a = (45 × 100 + 25 × 50 + 30 × 30) / 100 = 66.5.
    expect(a!.total).toBeCloseTo(66.5, 12);
    // b: price 100 × 100 / 120 = 83.33…; (45 × 83.333 + 25 × 70 + 30 × 100) / 100 = (3750 + 1750 + 3000) / 100 = 85.
    expect(b!.total).toBeCloseTo(85, 12);
  });

  it("offer shares may take the whole RSE share (Q = 0): the questionnaire does not count", () => {
    const r = full(
      privateInput({ offerCriteria: [{ id: "empreinte", share: 30, direction: "lower-is-better", method: "ratio", environmental: true }] }),
    );
    const { a, b } = byId(r);
    expect(a!.rseScore).toBeCloseTo(80, 12); // 100 × 800 / 1000
    expect(b!.rseScore).toBe(100);
  });

  it("edge: rse = 0 → offer criteria can only have share 0, and rseScore = questionnaireScore", () => {
    const raw = privateInput({
      shares: { price: 70, technical: 30, rse: 0 },
      offerCriteria: [{ id: "empreinte", share: 0, direction: "lower-is-better", method: "linear", environmental: true }],
    });
    for (const s of full(raw).suppliers) expect(s.rseScore).toBe(s.questionnaireScore);
    expectIssue(
      privateInput({ shares: { price: 70, technical: 30, rse: 0 }, offerCriteria: [{ id: "e", share: 1, direction: "lower-is-better", method: "linear" }] }),
      "offerCriteria",
      /somme des parts des critères d'offre \(1\) dépasse la part RSE \(0\)/,
    );
  });

  it("refuses offer shares above the RSE share, and negative shares", () => {
    expectIssue(
      privateInput({
        offerCriteria: [
          { id: "e", share: 20, direction: "lower-is-better", method: "linear" },
          { id: "g", share: 12, direction: "higher-is-better", method: "ratio" },
        ],
      }),
      "offerCriteria",
      /dépasse la part RSE \(30\)/,
    );
    expectIssue(
      privateInput({ offerCriteria: [{ id: "e", share: -1, direction: "lower-is-better", method: "linear" }] }),
      "offerCriteria[0].share",
      /part du critère d'offre doit être ≥ 0/,
    );
  });

  it("refuses unknown directions and methods, duplicate ids, with French messages", () => {
    expectIssue(
      privateInput({ offerCriteria: [{ id: "e", share: 1, direction: "smaller" as never, method: "linear" }] }),
      "offerCriteria[0].direction",
      /Sens du critère d'offre inconnu.*lower-is-better.*higher-is-better/,
    );
    expectIssue(
      privateInput({ offerCriteria: [{ id: "e", share: 1, direction: "lower-is-better", method: "moyenne" as never }] }),
      "offerCriteria[0].method",
      /Méthode de notation du critère d'offre inconnue.*ratio.*linear/,
    );
    expectIssue(
      privateInput({
        offerCriteria: [
          { id: "e", share: 1, direction: "lower-is-better", method: "linear" },
          { id: "e", share: 1, direction: "lower-is-better", method: "linear" },
        ],
      }),
      "offerCriteria[1].id",
      /critère d'offre en double : « e »/,
    );
  });
});

describe("issue 11 §1.3 — offer values", () => {
  const withValues = (offerValues: Record<string, unknown>, method: "ratio" | "linear" = "linear") =>
    privateInput({
      offerCriteria: [{ id: "empreinte", share: 12, direction: "lower-is-better", method, environmental: true }],
      suppliers: [{ id: "a", price: 100, technical: 50, offerValues: offerValues as never }],
    });

  it("accepts numbers ≥ 0 and null", () => {
    for (const v of [0, 1, 48_200.5, null]) expect(parseScoringInput(withValues({ empreinte: v })).success).toBe(true);
  });

  it("refuses negative values, non-numbers and unknown criteria", () => {
    expectIssue(withValues({ empreinte: -3 }), "suppliers[0].offerValues.empreinte", /ne peut pas être négative ; reçu -3/);
    expectIssue(withValues({ empreinte: "48200" }), "suppliers[0].offerValues.empreinte", /doit être un nombre ≥ 0, ou null/);
    expectIssue(withValues({ empreinte: Infinity }), "suppliers[0].offerValues.empreinte", /doit être un nombre ≥ 0/);
    expectIssue(withValues({ empreinte: 1, energie: 2 }), "suppliers[0].offerValues.energie", /« energie » n'existe pas/);
  });

  it("refuses 0 where the ratio of the lowest value is used (lower-is-better, ratio)", () => {
    expectIssue(withValues({ empreinte: 0 }, "ratio"), "suppliers[0].offerValues.empreinte", /strictement positive.*méthode proportionnelle/);
  });
});

describe("issue 11 §1.6 — public regime rules", () => {
  it("accepts the lawful public fixture and scores it", () => {
    const r = score(readFixture("public-lawful-input.json")) as LawfulScoringResult;
    expect(r.suppliers.map((s) => [s.id, s.rank, s.total])).toEqual([
      ["acme", 1, 82.79],
      ["cyclade", 2, 79.83],
      ["borealis", 3, 74.3],
    ]);
    expect(r.warnings).toEqual([]);
    expect(r.provisional).toBe(false);
  });

  it("L2152-7: from 21 August 2026, an environmental offer criterion with a share > 0 is required", () => {
    const none = noOffers(publicInput());
    expectIssue(none, "offerCriteria", /lancée le 01\/10\/2026.*caractéristiques environnementales de l'offre.*L2152-7.*Climat et Résilience.*2022-767/);
    const absent = publicInput();
    delete absent.offerCriteria;
    expectIssue({ ...absent, shares: { price: 45, technical: 25, rse: 30 } }, "offerCriteria", /L2152-7/);
    // Not environmental, or environmental with share 0: still missing.
    expectIssue(
      publicInput({ offerCriteria: [{ id: "garantie", share: 12, direction: "higher-is-better", method: "ratio", environmental: false }] }),
      "offerCriteria",
      /L2152-7/,
    );
    expectIssue(
      publicInput({ offerCriteria: [{ id: "empreinte", share: 0, direction: "lower-is-better", method: "linear", environmental: true }] }),
      "offerCriteria",
      /L2152-7/,
    );
  });

  it("L2152-7 applies from the launch date 2026-08-21 itself, not before", () => {
    const at = (launchDate: string) => noOffers(publicInput({ procurement: { regime: "public", launchDate } }));
    expectIssue(at("2026-08-21"), "offerCriteria", /L2152-7/);
    const before = parseScoringInput(at("2026-08-20"));
    expect(before.success).toBe(true);
  });

  it("a weighted organisation question is refused (scope absent = organisation), citing Nantes Métropole", () => {
    expectIssue(
      publicInput({ questions: [{ id: "F1", criterion: "fin-de-vie", scope: "organisation", weight: 2 }] }),
      "questions[0]",
      /« F1 ».*politique générale.*marché public.*poids 2.*CE, 25 mai 2018, Nantes Métropole, n° 417580.*poids 0.*"contract"/,
    );
    expectIssue(publicInput({ questions: [{ id: "F1", criterion: "fin-de-vie" }] }), "questions[0]", /portée « organisation », par défaut/);
  });

  it("an organisation question with weight 0 stays, for information", () => {
    const raw = publicInput({
      questions: [
        { id: "F1", criterion: "fin-de-vie", scope: "contract" },
        { id: "G1", criterion: "fin-de-vie", weight: 0 },
      ],
    });
    expect(parseScoringInput(raw).success).toBe(true);
  });

  it("Q > 0 with no weighted contract question is refused; Q = 0 needs none", () => {
    expectIssue(
      publicInput({ questions: [{ id: "G1", criterion: "fin-de-vie", weight: 0 }] }),
      "questions",
      /part du questionnaire \(18 points.*part RSE 30 moins 12.*au moins une question liée à l'exécution du marché/,
    );
    // A contract question in a weight-0 criterion carries nothing either.
    expectIssue(
      publicInput({
        criteria: [
          { id: "fin-de-vie", weight: 1 },
          { id: "mesure", weight: 0 },
        ],
        questions: [{ id: "M1", criterion: "mesure", scope: "contract" }],
      }),
      "questions",
      /au moins une question liée à l'exécution/,
    );
    const allOffers = publicInput({
      offerCriteria: [{ id: "empreinte", share: 30, direction: "lower-is-better", method: "linear", environmental: true }],
      questions: [{ id: "F1", criterion: "fin-de-vie", weight: 0 }],
    });
    expect(parseScoringInput(allOffers).success).toBe(true);
  });

  it("requires the launch date in the public regime, as a real ISO date", () => {
    expectIssue(publicInput({ procurement: { regime: "public" } }), "procurement.launchDate", /date de lancement.*obligatoire pour un marché public/);
    expectIssue(publicInput({ procurement: { regime: "public", launchDate: "2026-02-30" } }), "procurement.launchDate", /date réelle au format AAAA-MM-JJ/);
    expectIssue(publicInput({ procurement: { regime: "publique" as never, launchDate: "2026-10-01" } }), "procurement.regime", /Régime d'achat inconnu/);
  });

  it("reports every rule at once, and applies them to the method alone (publication)", () => {
    const { suppliers: _s, ...method } = noOffers(publicInput({ questions: [{ id: "G1", criterion: "fin-de-vie" }] }));
    const r = parseScoringMethod(method);
    expect(r.success).toBe(false);
    expect(!r.success && r.issues.map((i) => i.path)).toEqual(["offerCriteria", "questions[0]", "questions"]);
  });

  it("private regime: none of these rules apply", () => {
    const raw = noOffers(privateInput({ questions: [{ id: "F1", criterion: "fin-de-vie", weight: 3 }] }));
    expect(parseScoringInput(raw).success).toBe(true);
    expect(parseScoringInput({ ...raw, procurement: undefined }).success).toBe(true);
  });
});

describe("issue 11 §1.6 — warning below 10 % (DAE/INR/DINUM guide)", () => {
  const withShare = (share: number, launchDate = "2026-10-01") =>
    publicInput({
      procurement: { regime: "public", launchDate },
      offerCriteria: [{ id: "empreinte", share, direction: "lower-is-better", method: "linear", environmental: true }],
    });

  it("warns when environmental offer shares are below 10 % of the mark, without blocking", () => {
    const r = parseScoringInput(withShare(6));
    expect(r.success).toBe(true);
    expect(r.warnings).toEqual([
      { path: "offerCriteria", message: expect.stringMatching(/pèsent 6 % de la note.*DAE \/ INR \/ DINUM.*au moins 10 %/) },
    ]);
    expect((score(withShare(6)) as LawfulScoringResult).warnings).toEqual(r.warnings);
    const { suppliers: _s, ...method } = withShare(6);
    expect(parseScoringMethod(method).warnings).toEqual(r.warnings);
  });

  it("does not warn at 10 % or more, in the private regime, or twice when L2152-7 already fails", () => {
    expect(parseScoringInput(withShare(10)).warnings).toEqual([]);
    expect(parseScoringInput(noOffers(privateInput())).warnings).toEqual([]);
    const failing = parseScoringInput(noOffers(publicInput()));
    expect(failing.success).toBe(false);
    expect(failing.warnings).toEqual([]);
  });

  it("warns before 21 August 2026 when there is no environmental criterion at all", () => {
    const r = parseScoringInput(noOffers(publicInput({ procurement: { regime: "public", launchDate: "2026-03-01" } })));
    expect(r.success && r.warnings[0]?.message).toMatch(/Aucun critère d'offre environnemental/);
  });
});

describe("issue 11 §1.5 — output and explanation", () => {
  it("old-style inputs keep the old output shape; the contract adds its fields", () => {
    const old = score(readFixture("example-input.json"));
    expect(Object.keys(old)).toEqual(["suppliers", "winnerChangesAtRseShare"]);
    expect(Object.keys(old.suppliers[0]!)).toEqual(["id", "rank", "total", "priceScore", "technicalScore", "rseScore", "criteria", "unanswered"]);
    const lawful = score(publicInput());
    expect(Object.keys(lawful)).toEqual(["suppliers", "winnerChangesAtRseShare", "provisional", "warnings"]);
    expect(Object.keys(lawful.suppliers[0]!)).toEqual([
      "id",
      "rank",
      "total",
      "priceScore",
      "technicalScore",
      "rseScore",
      "questionnaireScore",
      "offerScores",
      "criteria",
      "unanswered",
      "missingOfferValues",
      "unreviewed",
    ]);
  });

  it("the explanation tree has the offer criteria and the questionnaire; parts add up to the total", () => {
    const e = explain(readFixture("public-lawful-input.json"), "acme", { round: false });
    expect(e.rse.questionnaire).toMatchObject({ share: 12 }); // 30 − 12 − 6
    expect(e.rse.offerCriteria!.map((c) => [c.id, c.share, c.value, c.lowestValue, c.highestValue])).toEqual([
      ["empreinte-offre", 12, 48_200, 39_800, 61_500],
      ["garantie-annees", 6, 5, 4, 5],
    ]);
    // empreinte: 100 × (61 500 − 48 200) / (61 500 − 39 800) = 61.29… → 12 × 61.29 / 100 points
    expect(e.rse.offerCriteria![0]!.points).toBeCloseTo((12 * (100 * 13_300)) / 21_700 / 100, 12);
    const offerPoints = e.rse.offerCriteria!.reduce((a, c) => a + c.points, 0);
    const criteriaPoints = e.rse.criteria.reduce((a, c) => a + c.points, 0);
    expect(criteriaPoints).toBeCloseTo(e.rse.questionnaire!.points, 12);
    expect(offerPoints + criteriaPoints).toBeCloseTo(e.rse.points, 12);
    expect(e.price.points + e.technical.points + offerPoints + criteriaPoints).toBeCloseTo(e.total, 12);
    // The questionnaire's criteria share Q = 12 points, not the RSE share.
    expect(e.rse.criteria.reduce((a, c) => a + c.markShare, 0)).toBeCloseTo(12, 12);
  });

  it("explains a missing offer value (0 points, all lost)", () => {
    const e = explain(readFixture("public-lawful-input.json"), "cyclade");
    expect(e.rse.offerCriteria![1]).toMatchObject({ id: "garantie-annees", value: null, missing: true, score: 0, points: 0, pointsLost: 6 });
  });

  it("markShares gives the offer criteria their shares and the questionnaire the rest", () => {
    const { suppliers: _s, ...method } = valid(readFixture("public-lawful-input.json"));
    const m = markShares(method);
    expect(m.questionnaire).toBe(12);
    expect(m.offerCriteria).toEqual([
      { id: "empreinte-offre", markShare: 12, environmental: true },
      { id: "garantie-annees", markShare: 6, environmental: false },
    ]);
    expect(m.criteria.reduce((a, c) => a + c.markShare, 0)).toBeCloseTo(12, 9);
    expect(markShares(valid(readFixture("example-input.json"))).offerCriteria).toBeUndefined();
  });

  it("winner stability keeps its definition with the new RSE score", () => {
    const input = valid(readFixture("public-lawful-input.json"));
    const r = scoreParsed(input, { round: false });
    const c = r.winnerChangesAtRseShare!;
    // Just below the crossing (price and technical rescaled, offer criteria and Q scaled with the RSE share)
    // acme still leads; just above 0 … c, borealis overtakes.
    const at = (rse: number) => {
      const k = rse / input.shares.rse;
      const factor = (100 - rse) / (input.shares.price + input.shares.technical);
      return scoreParsed(
        {
          ...input,
          shares: { price: input.shares.price * factor, technical: input.shares.technical * factor, rse },
          offerCriteria: input.offerCriteria!.map((o) => ({ ...o, share: o.share * k })),
        },
        { round: false },
      ).suppliers[0]!.id;
    };
    expect(c).toBeCloseTo(10.92, 2);
    expect(at(c + 0.01)).toBe("acme");
    expect(at(c - 0.01)).toBe("borealis");
  });
});

describe("evaluated levels only (issue 11 §2): review", () => {
  const reviewed = (countOnlyReviewed: boolean | undefined, review: { answers?: string[]; offerValues?: string[] } | undefined) =>
    publicInput({
      procurement: { regime: "public", launchDate: "2026-10-01", ...(countOnlyReviewed === undefined ? {} : { countOnlyReviewed }) },
      questions: [
        { id: "F1", criterion: "fin-de-vie", scope: "contract" },
        { id: "F2", criterion: "fin-de-vie", scope: "contract" },
        { id: "G0", criterion: "fin-de-vie", weight: 0 },
      ],
      suppliers: [
        { id: "a", price: 100, technical: 50, offerValues: { empreinte: 1000 }, answers: { F1: 3, F2: 5, G0: 4 }, ...(review ? { review } : {}) },
        { id: "b", price: 120, technical: 70, offerValues: { empreinte: 800 }, answers: { F1: 5, F2: 5 }, review: { answers: ["F1", "F2"], offerValues: ["empreinte"] } },
      ],
    });

  it("countOnlyReviewed: an unreviewed answer counts as unanswered, an unreviewed value as missing (and out of the range)", () => {
    const r = full(reviewed(true, { answers: ["F1"] }));
    const { a, b } = byId(r);
    // a: F1 reviewed (50), F2 unreviewed → unanswered (0): fin-de-vie = 25. Its value is out: b alone → 100, a → 0.
    expect(a).toMatchObject({ questionnaireScore: 25, unanswered: ["F2", "G0"], missingOfferValues: ["empreinte"], offerScores: { empreinte: 0 } });
    expect(b!.offerScores).toEqual({ empreinte: 100 });
    // The counted items still waiting for review (G0 has weight 0: it does not count).
    expect(a!.unreviewed).toEqual({ answers: ["F2"], offerValues: ["empreinte"] });
    expect(b!.unreviewed).toEqual({ answers: [], offerValues: [] });
    expect(r.provisional).toBe(true);
  });

  it("countOnlyReviewed: a supplier without review has nothing counted yet", () => {
    const { a } = byId(full(reviewed(true, undefined)));
    expect(a).toMatchObject({ questionnaireScore: 0, unanswered: ["F1", "F2", "G0"], missingOfferValues: ["empreinte"] });
    expect(a!.unreviewed).toEqual({ answers: ["F1", "F2"], offerValues: ["empreinte"] });
  });

  it("without countOnlyReviewed, self-assessed values count, and the unreviewed ones are listed (ranking provisional)", () => {
    const r = full(reviewed(false, { answers: ["F1"] }));
    const { a } = byId(r);
    expect(a).toMatchObject({ questionnaireScore: 75, unanswered: [], missingOfferValues: [] });
    expect(a!.unreviewed).toEqual({ answers: ["F2"], offerValues: ["empreinte"] });
    expect(r.provisional).toBe(true);
  });

  it("an unreviewed answer never changes the ranking while only reviewed answers count", () => {
    const base = reviewed(true, { answers: ["F1"] });
    const changed = { ...base, suppliers: base.suppliers!.map((s) => (s.id === "a" ? { ...s, answers: { ...s.answers, F2: 1 as const } } : s)) };
    expect(score(changed)).toEqual(score(base));
  });

  it("fully reviewed: not provisional, same scores as without review tracking", () => {
    const all = reviewed(true, { answers: ["F1", "F2", "G0"], offerValues: ["empreinte"] });
    const r = score(all) as LawfulScoringResult;
    expect(r.provisional).toBe(false);
    const untracked = reviewed(undefined, undefined);
    const u = score(untracked) as LawfulScoringResult;
    expect(r.suppliers.map((s) => [s.id, s.total])).toEqual(u.suppliers.map((s) => [s.id, s.total]));
    expect(u.provisional).toBe(false);
  });

  it("the explanation marks pending items", () => {
    const e = explain(reviewed(false, { answers: ["F1"] }), "a");
    expect(e.rse.criteria[0]!.questions.map((q) => [q.id, q.pendingReview])).toEqual([
      ["F1", false],
      ["F2", true],
      ["G0", false],
    ]);
    expect(e.rse.offerCriteria![0]!.pendingReview).toBe(true);
  });

  it("refuses reviewed ids that are not in the tender", () => {
    expectIssue(reviewed(true, { answers: ["F9"] }), "suppliers[0].review.answers[0]", /La question relue « F9 » n'existe pas/);
    expectIssue(reviewed(true, { offerValues: ["energie"] }), "suppliers[0].review.offerValues[0]", /Le critère d'offre relu « energie » n'existe pas/);
    expectIssue(reviewed(true, { foo: [] } as never), "suppliers[0].review", /Champ inconnu : « foo »/);
  });
});
