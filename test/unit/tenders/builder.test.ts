import { describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { markShares } from "#scoring";
import { formDataToNested } from "~/lib/forms";
import { builderSchema, defaultMethod, methodPublishIssues, sharesIssues, sharesWarnings } from "~/tenders/builder";
import { toScoringMethod } from "~/tenders/method";
import { stabilitySentence } from "~/tenders/labels";

describe("tender builder", () => {
  it("defaults to the 47 questions, equal weights and the guide's N/A permissions", () => {
    const m = defaultMethod();
    expect(m.questions).toHaveLength(47);
    expect(new Set(m.criteria.map((c) => c.weight))).toEqual(new Set([1]));
    expect(m.questions.filter((q) => q.allowNotApplicable).length).toBe(currentGuide.questions.filter((q) => q.allowNotApplicableByDefault).length);
    expect(methodPublishIssues(m)).toEqual([]);
  });

  it("explains the share rules in French and warns under 10 % RSE", () => {
    expect(sharesIssues({ price: 50, technical: 15, rse: 35 }).map((i) => i.path.join("."))).toEqual(["shares.rse"]);
    expect(sharesIssues({ price: 50, technical: 30, rse: 30 })[0]?.message).toContain("totalisent 110 %");
    expect(sharesWarnings({ price: 60, technical: 35, rse: 5 })[0]).toContain("pas d'effet");
    expect(sharesWarnings({ price: 50, technical: 30, rse: 20 })).toEqual([]);
  });

  it("parses a plain form post (checkbox absent = unticked) into the same values as react-hook-form", () => {
    const fd = new FormData();
    const fields: Record<string, string> = {
      title: "T",
      segment: "impression",
      deadlineDate: "2099-01-01",
      deadlineTime: "10:00",
      "shares.price": "50",
      "shares.technical": "30",
      "shares.rse": "20",
      priceMethod: "linear",
      "criteria.0.id": "gouvernance",
      "criteria.0.weight": "2",
      "questions.0.id": "GOUV-01",
      "questions.0.criterion": "gouvernance",
      "questions.0.included": "on",
      "questions.0.weight": "1",
      "__proto__.polluted": "x",
    };
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    const raw = formDataToNested(fd);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const parsed = builderSchema.parse(raw);
    expect(parsed.criteria[0]).toEqual({ id: "gouvernance", included: false, weight: 2 });
    expect(parsed.questions[0]).toEqual({ id: "GOUV-01", criterion: "gouvernance", included: true, weight: 1, allowNotApplicable: false });
    const rhf = builderSchema.parse({ ...raw, criteria: [{ id: "gouvernance", included: true, weight: "2" }] });
    expect(rhf.criteria[0]!.included).toBe(true);
  });

  it("leaves excluded criteria and questions out of the scoring method; mark shares sum to the RSE share", () => {
    const m = defaultMethod();
    m.shares = { price: 40, technical: 30, rse: 30 };
    m.criteria[0]!.included = false;
    m.questions.find((q) => q.criterion === "formation")!.included = false;
    const s = toScoringMethod(m);
    expect(s.criteria.map((c) => c.id)).not.toContain("gouvernance");
    expect(s.questions).toHaveLength(47 - currentGuide.questions.filter((q) => q.criterion === "gouvernance").length - 1);
    const shares = markShares({ shares: s.shares, criteria: s.criteria, questions: s.questions });
    expect(shares.criteria.reduce((a, c) => a + c.markShare, 0)).toBeCloseTo(30, 1);
  });

  it("says the winner stability in one French sentence", () => {
    expect(stabilitySentence(19.43, 20, 3)).toBe("Le classement changerait de vainqueur si la part RSE était de 19,43 % au lieu de 20 %.");
    expect(stabilitySentence(null, 20, 3)).toBe("Aucune part RSE entre 0 et 30 % ne changerait le vainqueur.");
  });
});
