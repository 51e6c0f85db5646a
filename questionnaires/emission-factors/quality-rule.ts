/**
 * The quality indicator of a supplier emission factor: a score out of 100 and a grade A–E.
 * Computed by `qualityOf` (emission-factors/quality.ts); the rule itself is data, here.
 *
 * score = method points (0–40, from methods.ts: ACV/ISO 14067/GHG Protocol produit 40,
 *           PCR/référentiel ADEME 30, autre 15, ratio monétaire 5)
 *       + third-party verification (20 if `verified_by` is filled, else 0)
 *       + age = current year − reference year (≤ 2 years 25, ≤ 5 years 15, ≤ 10 years 5, older 0)
 *       + uncertainty (≤ 10 % 15, ≤ 30 % 10, ≤ 50 % 5, above 50 % or not given 0)
 * grade: A ≥ 80, B ≥ 65, C ≥ 50, D ≥ 35, E below.
 *
 * Why: the GHG Protocol ranks supplier-specific product footprints above average data and
 * spend-based ratios; verification by a third party and recent data are the PACT / GHG Protocol
 * data-quality criteria that a buyer can check from the file alone; an unknown uncertainty earns
 * nothing, as a high one (monetary ratios are commonly taken at ± 50 %).
 * A verified, recent ISO 14067 footprint at ± 10 % scores 100 (A); a 4-year-old monetary ratio at
 * ± 50 % scores 25 (E).
 */
import { z } from "zod";

const ageTierSchema = z.strictObject({ maxYears: z.number().int().min(0), points: z.number().int().min(0) });
const uncertaintyTierSchema = z.strictObject({ maxPct: z.number().min(0).max(100), points: z.number().int().min(0) });

export const qualityRuleSchema = z
  .strictObject({
    /** Maximum points of each criterion; method points come from `methods.ts`. */
    maxPoints: z.strictObject({
      method: z.number().int().positive(),
      verification: z.number().int().min(0),
      age: z.number().int().min(0),
      uncertainty: z.number().int().min(0),
    }),
    /** Ordered by `maxYears` ascending; older than the last tier → 0 point. */
    ageTiers: z.array(ageTierSchema).min(1),
    /** Ordered by `maxPct` ascending; above the last tier, or unknown → 0 point. */
    uncertaintyTiers: z.array(uncertaintyTierSchema).min(1),
    /** Ordered by `minScore` descending; the last one must be 0. */
    grades: z.array(z.strictObject({ grade: z.enum(["A", "B", "C", "D", "E"]), minScore: z.number().min(0).max(100) })).length(5),
  })
  .superRefine((rule, ctx) => {
    const total = rule.maxPoints.method + rule.maxPoints.verification + rule.maxPoints.age + rule.maxPoints.uncertainty;
    if (total !== 100) ctx.addIssue({ code: "custom", message: `le total des points doit faire 100 (actuellement ${total})` });
    const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));
    if (!ascending(rule.ageTiers.map((t) => t.maxYears))) ctx.addIssue({ code: "custom", message: "paliers d'âge non croissants" });
    if (!ascending(rule.uncertaintyTiers.map((t) => t.maxPct))) {
      ctx.addIssue({ code: "custom", message: "paliers d'incertitude non croissants" });
    }
    if (rule.ageTiers.some((t) => t.points > rule.maxPoints.age) || rule.uncertaintyTiers.some((t) => t.points > rule.maxPoints.uncertainty)) {
      ctx.addIssue({ code: "custom", message: "un palier dépasse le maximum de son critère" });
    }
    const mins = rule.grades.map((g) => g.minScore);
    if (!ascending([...mins].reverse()) || mins[mins.length - 1] !== 0) {
      ctx.addIssue({ code: "custom", message: "les seuils des notes doivent décroître jusqu'à 0" });
    }
  });
export type QualityRule = z.infer<typeof qualityRuleSchema>;

const data: z.input<typeof qualityRuleSchema> = {
  maxPoints: { method: 40, verification: 20, age: 25, uncertainty: 15 },
  ageTiers: [
    { maxYears: 2, points: 25 },
    { maxYears: 5, points: 15 },
    { maxYears: 10, points: 5 },
  ],
  uncertaintyTiers: [
    { maxPct: 10, points: 15 },
    { maxPct: 30, points: 10 },
    { maxPct: 50, points: 5 },
  ],
  grades: [
    { grade: "A", minScore: 80 },
    { grade: "B", minScore: 65 },
    { grade: "C", minScore: 50 },
    { grade: "D", minScore: 35 },
    { grade: "E", minScore: 0 },
  ],
};

function loadRule(): QualityRule {
  const result = qualityRuleSchema.safeParse(data);
  if (!result.success) throw new Error(`Règle de qualité des facteurs invalide :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data);
}

export const qualityRule: QualityRule = loadRule();
