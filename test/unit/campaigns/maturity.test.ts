import { describe, expect, it } from "vitest";
import { criterionScores, distribution, panelMedian, strengthAndPriority, weightedMaturity } from "#scoring";
import { axisAngle, pointOnAxis, polygonPoints, radarGeometry } from "~/campaigns/radar";
import { afterAgreement, criterionMove, nextStatuses, transitionRefusal } from "~/campaigns/plan";
import { answerPitfalls } from "~/campaigns/pitfalls";

describe("radar geometry", () => {
  const g = radarGeometry(10, { size: 400, margin: 100 });
  it("puts the first axis up and the others clockwise, 0 at the centre, 100 on the rim", () => {
    expect(g.center).toEqual({ x: 200, y: 200 });
    expect(g.radius).toBe(150);
    expect(g.axes[0]).toEqual({ x: 200, y: 50 });
    // Axis 3 of 12 is at 0° (pointing right); axis 6 of 12 points down.
    expect(pointOnAxis(3, 12, 100, g.center, 100)).toEqual({ x: 300, y: 200 });
    expect(pointOnAxis(6, 12, 50, g.center, 100)).toEqual({ x: 200, y: 250 });
    expect(pointOnAxis(0, 10, 0, g.center, 150)).toEqual(g.center);
    expect(axisAngle(5, 10)).toBeCloseTo(Math.PI / 2);
  });
  it("places known scores on their axes (100 on the rim, 50 halfway, null and out-of-range clamped)", () => {
    const scores = [100, 50, 0, null, 150, -10, 25, 75, 100, 0];
    const pts = polygonPoints(scores, g).split(" ").map((p) => p.split(",").map(Number));
    expect(pts).toHaveLength(10);
    expect(pts[0]).toEqual([200, 50]);
    // Axis 1 at 36° clockwise from up, at half the radius.
    expect(pts[1]![0]).toBeCloseTo(200 + 75 * Math.sin(Math.PI / 5), 1);
    expect(pts[1]![1]).toBeCloseTo(200 - 75 * Math.cos(Math.PI / 5), 1);
    expect(pts[2]).toEqual([200, 200]);
    expect(pts[3]).toEqual([200, 200]);
    expect(Math.hypot(pts[4]![0]! - 200, pts[4]![1]! - 200)).toBeCloseTo(150, 1);
    expect(pts[5]).toEqual([200, 200]);
  });
  it("has five rings and one label per axis, anchored away from the centre", () => {
    expect(g.rings.map((r) => r.value)).toEqual([20, 40, 60, 80, 100]);
    expect(g.labels).toHaveLength(10);
    expect(g.labels[0]!.anchor).toBe("middle");
    expect(g.labels[2]!.anchor).toBe("start");
    expect(g.labels[8]!.anchor).toBe("end");
    expect(() => radarGeometry(2)).toThrow();
  });
});

describe("criterion scores", () => {
  it("averages evaluated levels (level 1 → 0, 5 → 100), leaves out « sans objet » and unevaluated answers, counts « sans réponse » as 0", () => {
    const s = criterionScores(
      ["a", "b", "c"],
      [
        { criterion: "a", weight: 1, evaluated: 5 },
        { criterion: "a", weight: 1, evaluated: 3 },
        { criterion: "a", weight: 1, evaluated: "na" },
        { criterion: "b", weight: 1, evaluated: 0 },
        { criterion: "b", weight: 1, evaluated: 2 },
        { criterion: "c", weight: 1, evaluated: null },
      ],
    );
    expect(s.get("a")).toBe(75);
    expect(s.get("b")).toBe(12.5);
    expect(s.get("c")).toBeNull();
  });
});

describe("strength and priority axes", () => {
  it("takes the highest and the lowest score", () => {
    expect(strengthAndPriority([{ id: "a", score: 40 }, { id: "b", score: 90 }, { id: "c", score: 10 }])).toEqual({ strength: "b", priority: "c" });
  });
  it("breaks ties by guide order (the first criterion wins) and ignores unscored criteria", () => {
    expect(strengthAndPriority([{ id: "a", score: 20 }, { id: "b", score: 80 }, { id: "c", score: 80 }, { id: "d", score: 20 }, { id: "e", score: null }])).toEqual({ strength: "b", priority: "a" });
    expect(strengthAndPriority([{ id: "x", score: null }, { id: "y", score: 0 }, { id: "z", score: 0 }, { id: "w", score: 100 }])).toEqual({ strength: "w", priority: "y" });
  });
  it("has no priority when every score is equal or only one criterion is scored", () => {
    expect(strengthAndPriority([{ id: "a", score: 50 }, { id: "b", score: 50 }])).toEqual({ strength: "a", priority: null });
    expect(strengthAndPriority([{ id: "a", score: null }, { id: "b", score: 50 }])).toEqual({ strength: "b", priority: null });
    expect(strengthAndPriority([{ id: "a", score: null }])).toEqual({ strength: null, priority: null });
  });
});

describe("panel median", () => {
  it("is suppressed under 5 scored suppliers", () => {
    expect(panelMedian([10, 20, 30, 40])).toBeNull();
    expect(panelMedian([10, 20, 30, 40, null, null])).toBeNull();
    expect(panelMedian([])).toBeNull();
  });
  it("is the median from 5 scored suppliers on", () => {
    expect(panelMedian([50, 10, 40, 20, 30])).toBe(30);
    expect(panelMedian([10, 20, 30, 40, 50, 60])).toBe(35);
    expect(panelMedian([10, 20, 30, 40, 50, null])).toBe(30);
  });
  it("weighted index and distribution", () => {
    expect(weightedMaturity([{ score: 100, weight: 3 }, { score: 0, weight: 1 }, { score: null, weight: 5 }])).toBe(75);
    expect(weightedMaturity([{ score: null, weight: 1 }])).toBeNull();
    expect(distribution([0, 19.9, 20, 59, 60, 100, null])).toEqual([2, 1, 1, 1, 1]);
  });
});

describe("improvement plan transitions", () => {
  it("needs both sides' agreement before anything else", () => {
    const p = { status: "proposed" as const, agreedByBuyerAt: "t0", agreedBySupplierAt: null };
    expect(transitionRefusal("proposed", "in-progress", "supplier", true)).toMatch(/convenue par les deux parties/);
    expect(afterAgreement(p, "buyer", "t1")).toEqual({ agreedByBuyerAt: "t0", agreedBySupplierAt: null, status: "proposed" });
    expect(afterAgreement(p, "supplier", "t1")).toEqual({ agreedByBuyerAt: "t0", agreedBySupplierAt: "t1", status: "agreed" });
    expect(afterAgreement({ ...p, status: "agreed" }, "supplier", "t1")).toBeNull();
  });
  it("lets the supplier report progress, with evidence to declare it done; the buyer may reopen", () => {
    expect(transitionRefusal("agreed", "in-progress", "supplier", false)).toBeNull();
    expect(transitionRefusal("in-progress", "done", "supplier", false)).toMatch(/preuve/);
    expect(transitionRefusal("in-progress", "done", "supplier", true)).toBeNull();
    expect(transitionRefusal("in-progress", "done", "buyer", true)).toMatch(/non autorisé à l'acheteur/);
    expect(transitionRefusal("done", "in-progress", "buyer", true)).toBeNull();
    expect(transitionRefusal("done", "in-progress", "supplier", true)).not.toBeNull();
    expect(transitionRefusal("abandoned", "agreed", "buyer", true)).not.toBeNull();
    expect(nextStatuses("agreed", "supplier")).toEqual(["in-progress", "done", "abandoned"]);
    expect(nextStatuses("done", "supplier")).toEqual([]);
  });
  it("tells whether the criterion moved", () => {
    expect(criterionMove(40, 55)).toBe("up");
    expect(criterionMove(40, 30)).toBe("down");
    expect(criterionMove(40, 40)).toBe("same");
    expect(criterionMove(null, 40)).toBe("unknown");
  });
});

describe("evaluation aids", () => {
  it("spots an intention, a bare link and « sans objet »", () => {
    expect(answerPitfalls({ text: "Nous allons former nos équipes en 2027.", notApplicable: false, notApplicableReason: "" }).map((p) => p.id)).toEqual(["intention"]);
    expect(answerPitfalls({ text: "Voir https://example.org/rapport-rse.pdf", notApplicable: false, notApplicableReason: "" }).map((p) => p.id)).toEqual(["bare-link"]);
    expect(answerPitfalls({ text: "", notApplicable: true, notApplicableReason: "Pas de datacentre" }).map((p) => p.id)).toEqual(["not-applicable"]);
    expect(answerPitfalls({ text: "Politique signée en 2023, revue chaque année par le comité de direction.", notApplicable: false, notApplicableReason: "" })).toEqual([]);
  });
});
