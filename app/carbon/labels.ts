/**
 * French labels and number formats of the carbon pages, and the plain "view" shape of a factor
 * that loaders send to components. Pure module (no server import): usable in components.
 */
import { getActivityUnit, getGhgCategory, getMethod, accountingBases } from "#questionnaires/emission-factors";
import { getSegment } from "#questionnaires/segments";
import type { FactorQuality, NormalisedFactor, Plausibility } from "#emission-factors";
import { frFormat } from "~/lib/format";

const SIGNIFICANT_4 = new Intl.NumberFormat("fr-FR", { maximumSignificantDigits: 4 });
const TONNES = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function segmentLabel(segment: string): string {
  return getSegment(segment)?.label ?? segment;
}

export function ghgCategoryLabel(n: number | null): string {
  if (n === null) return "non renseignée";
  const c = getGhgCategory(n);
  return c ? `${n} — ${c.labelFr}` : String(n);
}

export function methodLabel(id: string): string {
  return getMethod(id)?.label ?? id;
}

export function accountingLabel(id: string | null): string {
  if (id === null) return "";
  return accountingBases.find((a) => a.id === id)?.label ?? id;
}

/**
 * The French spelling of an activity unit id (`GB.month` → `Go.mois`, `unit` → `unité`), as the
 * template and the pages write it; "" when there is none. Exports and pages never show the codes.
 */
export function unitLabel(activityUnit: string | null): string {
  if (activityUnit === null) return "";
  return getActivityUnit(activityUnit)?.canonical ?? activityUnit;
}

/** `kgCO2e/Go.mois` for an activity unit id. */
export function kgUnit(activityUnit: string): string {
  return `kgCO2e/${unitLabel(activityUnit)}`;
}

/** A number the French way, up to 4 significant digits for small values. */
export function formatNumber(n: number | null | undefined, maximumFractionDigits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n !== 0 && Math.abs(n) < 1) return SIGNIFICANT_4.format(n);
  return frFormat({ maximumFractionDigits }).format(n);
}

/** kgCO2e shown in tCO2e with 2 decimals (totals). */
export function formatTonnes(kg: number | null | undefined): string {
  if (kg === null || kg === undefined || !Number.isFinite(kg)) return "—";
  return `${TONNES.format(kg / 1000)} tCO2e`;
}

export interface FactorView {
  id: number;
  setId: number;
  line: number;
  item: string;
  segment: string;
  segmentLabel: string;
  ghgCategory: number | null;
  ghgCategoryLabel: string;
  value: number;
  unit: string;
  valueKgPerUnit: number;
  kgUnit: string;
  uncertaintyPct: number | null;
  method: string;
  methodLabel: string;
  accounting: string | null;
  accountingLabel: string;
  referenceYear: number;
  verifiedBy: string | null;
  source: string | null;
  extra: Record<string, string>;
  quality: FactorQuality;
  /** `comparable`: a factor per k€ (the only kind compared with a monetary ratio); `ratio`: factor ÷ reference, when one was found. */
  plausibility: { flagged: boolean; comparable: boolean; ratio: number | null; message: string };
}

export function factorView(id: number, setId: number, f: NormalisedFactor, quality: FactorQuality, plausibility: Plausibility): FactorView {
  return {
    id,
    setId,
    line: f.line,
    item: f.item,
    segment: f.segment,
    segmentLabel: segmentLabel(f.segment),
    ghgCategory: f.ghgCategory,
    ghgCategoryLabel: ghgCategoryLabel(f.ghgCategory),
    value: f.value,
    unit: f.unit,
    valueKgPerUnit: f.valueKgPerUnit,
    kgUnit: kgUnit(f.activityUnit),
    uncertaintyPct: f.uncertaintyPct,
    method: f.method,
    methodLabel: methodLabel(f.method),
    accounting: f.accounting,
    accountingLabel: accountingLabel(f.accounting),
    referenceYear: f.referenceYear,
    verifiedBy: f.verifiedBy,
    source: f.source,
    extra: f.extra,
    quality,
    plausibility: {
      flagged: plausibility.flagged,
      comparable: getActivityUnit(f.activityUnit)?.monetary === true,
      ratio: plausibility.ratio,
      message: plausibility.message,
    },
  };
}
