/**
 * Quality indicator of a supplier emission factor: a score out of 100 and a grade A–E, with the
 * reasons in French. The rule is data (`questionnaires/emission-factors/quality-rule.ts`, explained
 * in `questionnaires/emission-factors/README.md`):
 *
 * - method, up to 40 points: ACV ISO 14040/44, ISO 14067 or GHG Protocol produit 40 ·
 *   PCR / référentiel ADEME 30 · autre 15 · ratio monétaire 5;
 * - third-party verification (`verified_by` filled), 20 points;
 * - age = current year − reference year: ≤ 2 years 25 · ≤ 5 years 15 · ≤ 10 years 5 · older 0;
 * - uncertainty: ≤ 10 % 15 · ≤ 30 % 10 · ≤ 50 % 5 · above 50 % or not given 0;
 * - grade: A ≥ 80 · B ≥ 65 · C ≥ 50 · D ≥ 35 · E below.
 */
import { getMethod } from "#questionnaires/emission-factors/methods";
import { qualityRule, type QualityRule } from "#questionnaires/emission-factors/quality-rule";
import type { NormalisedFactor } from "./schema";

export type QualityGrade = "A" | "B" | "C" | "D" | "E";

export interface FactorQuality {
  /** 0–100. */
  score: number;
  grade: QualityGrade;
  /** One French sentence per criterion, with the points earned. */
  reasons: string[];
}

export type QualityInput = Pick<NormalisedFactor, "method" | "verifiedBy" | "referenceYear" | "uncertaintyPct">;

const pts = (earned: number, max: number) => `${earned}/${max} point${max > 1 ? "s" : ""}`;
const pct = (n: number) => `${String(n).replace(".", ",")} %`;

/** The quality indicator of `factor` in `currentYear` (default: this year). */
export function qualityOf(factor: QualityInput, currentYear: number = new Date().getFullYear(), rule: QualityRule = qualityRule): FactorQuality {
  const reasons: string[] = [];
  const max = rule.maxPoints;

  const method = getMethod(factor.method);
  const methodPoints = Math.min(method?.qualityPoints ?? 0, max.method);
  reasons.push(`méthode « ${method?.label ?? factor.method} » : ${pts(methodPoints, max.method)}`);

  const verified = factor.verifiedBy !== null && factor.verifiedBy.trim() !== "";
  const verificationPoints = verified ? max.verification : 0;
  reasons.push(
    verified
      ? `vérifié par un tiers (${factor.verifiedBy}) : ${pts(verificationPoints, max.verification)}`
      : `pas de vérification par un tiers : ${pts(0, max.verification)}`,
  );

  const age = Math.max(0, currentYear - factor.referenceYear);
  const agePoints = rule.ageTiers.find((t) => age <= t.maxYears)?.points ?? 0;
  const ageText = age === 0 ? "de l'année" : `de ${age} an${age > 1 ? "s" : ""}`;
  reasons.push(`données ${factor.referenceYear} (${ageText}) : ${pts(agePoints, max.age)}`);

  let uncertaintyPoints = 0;
  if (factor.uncertaintyPct === null) reasons.push(`incertitude non renseignée : ${pts(0, max.uncertainty)}`);
  else {
    const u = factor.uncertaintyPct;
    uncertaintyPoints = rule.uncertaintyTiers.find((t) => u <= t.maxPct)?.points ?? 0;
    reasons.push(`incertitude de ${pct(u)} : ${pts(uncertaintyPoints, max.uncertainty)}`);
  }

  const score = methodPoints + verificationPoints + agePoints + uncertaintyPoints;
  const grade = (rule.grades.find((g) => score >= g.minScore)?.grade ?? "E") as QualityGrade;
  return { score, grade, reasons };
}
