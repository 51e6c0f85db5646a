/**
 * Plausibility of a supplier factor against the reference monetary ratios (kgCO2e per k€ HT).
 *
 * Only factors expressed per k€ can be compared with a monetary ratio (a factor per kWh or per
 * unit would need the price). The reference is the ratio keyed by the factor's segment id, else
 * the ratio of its GHG scope 3 category. A factor is flagged when it is more than `threshold`
 * times (default 10) above or below the reference — an order-of-magnitude check, not a judgement:
 * a supplier-specific ratio is expected to differ from the sector average, and the years of the
 * euros are not adjusted for inflation.
 */
import { defaultReferenceRatios } from "#questionnaires/emission-factors/reference-ratios";
import { getActivityUnit } from "#questionnaires/emission-factors/units";
import type { NormalisedFactor } from "./schema";
import { resolveSegmentId } from "./schema";

/** The fields of a reference ratio used here: the default data and the `reference_ratios` table both fit. */
export interface ReferenceRatioLike {
  key: string;
  label: string;
  kgPerKEur: number;
  ghgCategory: number | null;
  source: string;
  year: number;
}

export interface Plausibility {
  /** True when the factor is more than `threshold` times above or below the reference. */
  flagged: boolean;
  /** Factor ÷ reference (kgCO2e/k€ ÷ kgCO2e/k€), or `null` when not comparable. */
  ratio: number | null;
  /** The reference ratio found for the factor's segment or category, or `null`. */
  reference: ReferenceRatioLike | null;
  /** French explanation, for display. */
  message: string;
}

export type PlausibilityInput = Pick<NormalisedFactor, "segment" | "ghgCategory" | "activityUnit" | "valueKgPerUnit">;

/** The reference ratio that applies to a factor: by segment id, else by GHG category; `null` if none. */
export function findReferenceRatio<R extends ReferenceRatioLike>(
  factor: Pick<NormalisedFactor, "segment" | "ghgCategory">,
  referenceRatios: readonly R[],
): R | null {
  const segmentId = resolveSegmentId(factor.segment) ?? factor.segment;
  const bySegment = referenceRatios.find((r) => r.key === segmentId);
  if (bySegment) return bySegment;
  if (factor.ghgCategory === null) return null;
  return referenceRatios.find((r) => r.ghgCategory === factor.ghgCategory) ?? null;
}

const fmt = (n: number) => n.toLocaleString("fr-FR", { maximumSignificantDigits: 3 });

export function plausibilityOf(
  factor: PlausibilityInput,
  referenceRatios: readonly ReferenceRatioLike[] = defaultReferenceRatios,
  options: { threshold?: number } = {},
): Plausibility {
  const threshold = options.threshold ?? 10;
  const reference = findReferenceRatio(factor, referenceRatios);
  if (!getActivityUnit(factor.activityUnit)?.monetary) {
    return {
      flagged: false,
      ratio: null,
      reference,
      message: "non comparable : seul un facteur exprimé par k€ se compare à un ratio monétaire",
    };
  }
  if (!reference) {
    return { flagged: false, ratio: null, reference: null, message: "aucun ratio monétaire de référence pour ce segment ni cette catégorie" };
  }
  const ratio = factor.valueKgPerUnit / reference.kgPerKEur;
  const flagged = ratio > threshold || ratio < 1 / threshold;
  const refText = `ratio de référence « ${reference.label} » (${fmt(reference.kgPerKEur)} kgCO2e/k€, ${reference.year})`;
  let message: string;
  if (ratio === 0) message = `facteur nul, à comparer au ${refText} : à vérifier`;
  else if (ratio >= 1) message = `${fmt(ratio)} fois le ${refText}${flagged ? " : écart de plus d'un facteur " + threshold + ", à vérifier" : ""}`;
  else message = `${fmt(1 / ratio)} fois moins que le ${refText}${flagged ? " : écart de plus d'un facteur " + threshold + ", à vérifier" : ""}`;
  return { flagged, ratio, reference, message };
}
