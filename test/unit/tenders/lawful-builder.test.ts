import { describe, expect, it } from "vitest";
import { currentGuide } from "#questionnaires/guide";
import { markShares, parseScoringMethod } from "#scoring";
import { builderSchema, defaultMethod, methodPublishIssues, methodPublishWarnings, offerCriteriaFromBuilder, offerShareSum } from "~/tenders/builder";
import { procurementFor, toScoringMethod } from "~/tenders/method";
import { parseOfferValue } from "~/lib/offer-value";

const publicNow = procurementFor("public", "2026-12-01");

describe("lawful builder (issue 11 §2)", () => {
  it("gives a public buyer a lawful default: contract questions weighted, organisation ones for information, footprint at 10 %", () => {
    const m = defaultMethod(currentGuide, "public");
    for (const q of m.questions) expect(q.weight).toBe(currentGuide.questions.find((g) => g.id === q.id)!.scope === "contract" ? 1 : 0);
    expect(m.offerCriteria).toEqual([expect.objectContaining({ id: "empreinte-offre", environmental: true, share: 10, unit: "kgCO2e" })]);
    expect(methodPublishIssues(m, publicNow)).toEqual([]);
    expect(methodPublishWarnings(m, publicNow)).toEqual([]);
    const shares = markShares(toScoringMethod(m, publicNow));
    expect(shares.questionnaire).toBe(10);
  });

  it("the private default (every question weighted, no offer criterion) is refused for a public buyer, accepted for a private one", () => {
    const m = defaultMethod();
    const issues = methodPublishIssues(m, publicNow).join(" ");
    expect(issues).toContain("L2152-7");
    expect(issues).toContain("Nantes Métropole");
    expect(methodPublishIssues(m, procurementFor("private", "2026-12-01"))).toEqual([]);
    // Before 21/08/2026 the environmental criterion is not yet required (décret 2022-767).
    expect(methodPublishIssues({ ...defaultMethod(currentGuide, "public"), offerCriteria: [] }, procurementFor("public", "2026-08-20"))).toEqual([]);
  });

  it("warns (without blocking) when the environmental offer share is below 10 % for a public buyer", () => {
    const m = defaultMethod(currentGuide, "public");
    const low = { ...m, offerCriteria: m.offerCriteria.map((c) => ({ ...c, share: 5 })) };
    expect(methodPublishIssues(low, publicNow)).toEqual([]);
    expect(methodPublishWarnings(low, publicNow)[0]).toContain("10 %");
  });

  it("the scoring method carries regime, scope and offer criteria; a snapshot without procurement stays old-style", () => {
    const lawful = toScoringMethod({ ...defaultMethod(currentGuide, "public"), procurement: publicNow });
    expect(lawful.procurement).toEqual(publicNow);
    expect(lawful.questions.find((q) => q.id === "FORM-03")?.scope).toBe("contract");
    expect(parseScoringMethod(lawful).success).toBe(true);
    const old = toScoringMethod(defaultMethod());
    expect(old).not.toHaveProperty("procurement");
    expect(old).not.toHaveProperty("offerCriteria");
    expect(old.questions[0]).not.toHaveProperty("scope");
  });

  it("reads catalogue and custom offer criteria from the form; Σ offer shares above the RSE share is refused in French", () => {
    const base = {
      title: "T",
      segment: "postes-de-travail",
      deadlineDate: "2099-01-01",
      deadlineTime: "12:00",
      shares: { price: 50, technical: 30, rse: 20 },
      priceMethod: "linear",
    };
    const values = builderSchema.parse({
      ...base,
      offerCriteria: [
        { id: "empreinte-equipement", included: "on", share: "8", method: "ratio" },
        { id: "duree-garantie", share: "4", method: "ratio" },
        { id: "inconnu", included: "on", share: "3", method: "linear" },
      ],
      customCriteria: [
        { label: "Délai de reprise des équipements", unit: "jours", direction: "lower-is-better", method: "linear", environmental: "on", share: "2" },
        { label: "", unit: "", direction: "lower-is-better", method: "linear", share: "0" },
      ],
    });
    const criteria = offerCriteriaFromBuilder(values);
    expect(criteria.map((c) => [c.id, c.share, c.method, c.source])).toEqual([
      ["empreinte-equipement", 8, "ratio", "catalogue"],
      ["perso-delai-de-reprise-des-equipements", 2, "linear", "custom"],
    ]);
    expect(offerShareSum(values)).toBe(13); // the unknown id counts in the form total, never in the method
    const over = builderSchema.safeParse({ ...base, offerCriteria: [{ id: "empreinte-equipement", included: "on", share: "25", method: "linear" }] });
    expect(over.success).toBe(false);
    expect(over.error!.issues.find((i) => i.path[0] === "offerShares")?.message).toContain("dépassent la part RSE");
    const noUnit = builderSchema.safeParse({ ...base, customCriteria: [{ label: "X", unit: "", direction: "lower-is-better", method: "linear", share: "1" }] });
    expect(noUnit.error!.issues[0]!.message).toContain("unité");
  });

  it("parses offer values as typed in French forms", () => {
    expect(parseOfferValue("48 200")).toEqual({ ok: true, value: 48200 });
    expect(parseOfferValue("3,5")).toEqual({ ok: true, value: 3.5 });
    expect(parseOfferValue("")).toEqual({ ok: true, value: null });
    expect(parseOfferValue("-1").ok).toBe(false);
    expect(parseOfferValue("1e3").ok).toBe(false);
  });
});
