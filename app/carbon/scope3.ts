/**
 * Scope 3 estimate from activity data (pure: no database, no I/O; unit-tested).
 *
 * For each activity line (a supplier, a year, a purchasing segment, a GHG Protocol scope 3
 * category, an optional item, a spend in k€ HT and/or a quantity in an activity unit), two
 * estimates are computed side by side:
 *
 * 1. **with supplier-specific factors** — the supplier's own factor where one matches, else the
 *    monetary ratio (the fallback is shown as such);
 * 2. **monetary ratios only** — spend × the reference monetary ratio (what most CSR teams do today).
 *
 * Matching rule (a factor of the supplier's LATEST factor-set version):
 * - same supplier;
 * - compatible activity unit: the quantity's unit for a quantity; `k€` for a spend;
 * - same segment (segment id, or the same free text);
 * - same GHG category, or a factor without category;
 * - then, among those candidates: the factor whose item equals the line's item (case, accents and
 *   spaces ignored); if no item matches (or the line has none), the candidate when there is
 *   exactly ONE; several candidates and no item match → no match (ambiguous, the line says so).
 *   Ties on the same item: the most recent reference year, then the first line of the file.
 * - A quantity is tried first (physical factor), then the spend (supplier's k€ ratio), then the
 *   fallback: spend × reference monetary ratio of the segment, else of the category.
 *
 * Reference monetary ratio of a line: the ratio keyed by its segment id, else the one of its GHG
 * category (same rule as the plausibility check).
 *
 * Euros of the right year (issue 18): a monetary ratio (and a supplier's k€ factor) is in kgCO2e
 * per k€ of ITS year; the spend of year Y is converted to euros of year R with the organisation's
 * price index, spend × index(R) / index(Y), before being multiplied. Every line says which
 * conversion it used (`conversions`), or that none was possible (no index for a year: the spend is
 * used as is, and the line says so).
 *
 * All values are kgCO2e.
 */
import { findReferenceRatio, type ReferenceRatioLike } from "#emission-factors";

export interface ActivityLine {
  id: number;
  supplierOrganisationId: number;
  supplierName: string;
  year: number;
  segment: string;
  ghgCategory: number;
  item: string;
  spendKEur: number | null;
  quantity: number | null;
  /** Activity unit id of the quantity (`unit`, `kWh`, `GB.month`…). */
  activityUnit: string | null;
}

export interface SupplierFactor {
  id: number;
  setId: number;
  version: number;
  line: number;
  item: string;
  segment: string;
  ghgCategory: number | null;
  activityUnit: string;
  valueKgPerUnit: number;
  referenceYear: number;
  /** Third-party verifier named by the supplier, if any. */
  verifiedBy?: string | null;
}

/** A spend converted from the euros of one year to those of another (`factor` null: no index, not converted). */
export interface YearConversion {
  /** What the conversion was for: the reference ratio or the supplier's k€ factor. */
  for: "ratio" | "supplier-factor";
  fromYear: number;
  toYear: number;
  factor: number | null;
  /** French, e.g. « dépense 2024 en euros 2023 : × 0,98 (indice 117,35 / 119,76) ». */
  label: string;
}

/** Price index per year (any base). */
export type PriceIndex = ReadonlyMap<number, number>;

const fmtFactor = (n: number) => n.toLocaleString("fr-FR", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

/** How a spend of `fromYear` is expressed in euros of `toYear` with `index` (see the module comment). */
export function convertYear(fromYear: number, toYear: number, index: PriceIndex, what: YearConversion["for"]): YearConversion {
  if (fromYear === toYear) return { for: what, fromYear, toYear, factor: 1, label: `dépense ${fromYear} en euros ${toYear} : même année, pas de conversion` };
  const from = index.get(fromYear);
  const to = index.get(toYear);
  if (from === undefined || to === undefined) {
    const missing = [from === undefined ? fromYear : null, to === undefined ? toYear : null].filter((y) => y !== null).join(" et ");
    return { for: what, fromYear, toYear, factor: null, label: `dépense ${fromYear} non convertie en euros ${toYear} : aucun indice de prix pour ${missing}` };
  }
  const factor = to / from;
  return {
    for: what,
    fromYear,
    toYear,
    factor,
    label: `dépense ${fromYear} en euros ${toYear} : × ${fmtFactor(factor)} (indice ${to.toLocaleString("fr-FR")} / ${from.toLocaleString("fr-FR")})`,
  };
}

export type EstimateBasis = "supplier-quantity" | "supplier-spend" | "monetary-fallback" | "none";

export interface LineEstimate {
  line: ActivityLine;
  /** Estimate with supplier-specific factors (fallback to the monetary ratio); `null` when impossible. */
  specificKg: number | null;
  basis: EstimateBasis;
  /** The supplier factor used, if any. */
  factor: SupplierFactor | null;
  /** Estimate with the monetary ratio only; `null` without spend or ratio. */
  monetaryKg: number | null;
  ratio: ReferenceRatioLike | null;
  /** specific − monetary, when both exist. */
  differenceKg: number | null;
  /** French explanation of what was used. */
  note: string;
  /** Year conversions of the spend used by this line (ratio and/or supplier k€ factor). */
  conversions: YearConversion[];
}

export interface CategoryTotal {
  ghgCategory: number;
  lines: number;
  specificKg: number;
  monetaryKg: number;
  differenceKg: number;
  /** Part of `specificKg` computed with supplier factors (not the fallback). */
  supplierFactorKg: number;
  /** Lines that could not be estimated with supplier factors nor with a ratio. */
  notEstimated: number;
  /** Lines without a monetary-only estimate (quantity without spend, or no ratio). */
  noMonetary: number;
}

export interface Scope3Result {
  lines: LineEstimate[];
  byCategory: CategoryTotal[];
  total: Omit<CategoryTotal, "ghgCategory">;
}

/** Comparison key of an item: case, accents and repeated spaces ignored. */
export function itemKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

export type FactorMatch = { factor: SupplierFactor; how: "item" | "only" } | { factor: null; candidates: number };

/** The supplier factor matching a line for one activity unit (see the module comment). */
export function matchFactor(line: Pick<ActivityLine, "segment" | "ghgCategory" | "item">, unit: string, factors: readonly SupplierFactor[]): FactorMatch {
  const candidates = factors.filter(
    (f) => f.activityUnit === unit && f.segment === line.segment && (f.ghgCategory === null || f.ghgCategory === line.ghgCategory),
  );
  if (candidates.length === 0) return { factor: null, candidates: 0 };
  const key = itemKey(line.item);
  if (key !== "") {
    const same = candidates
      .filter((f) => itemKey(f.item) === key)
      .sort((a, b) => b.referenceYear - a.referenceYear || b.version - a.version || a.line - b.line);
    if (same[0]) return { factor: same[0], how: "item" };
  }
  if (candidates.length === 1) return { factor: candidates[0]!, how: "only" };
  return { factor: null, candidates: candidates.length };
}

const significant4 = new Intl.NumberFormat("fr-FR", { maximumSignificantDigits: 4 });
const fmt = (n: number) => significant4.format(n);

export function estimateLine(
  line: ActivityLine,
  supplierFactors: readonly SupplierFactor[],
  ratios: readonly ReferenceRatioLike[],
  index: PriceIndex = new Map(),
): LineEstimate {
  const ratio = findReferenceRatio({ segment: line.segment, ghgCategory: line.ghgCategory }, ratios);
  const conversions: YearConversion[] = [];
  const ratioConversion = line.spendKEur !== null && ratio ? convertYear(line.year, ratio.year, index, "ratio") : null;
  if (ratioConversion) conversions.push(ratioConversion);
  const monetaryKg = line.spendKEur !== null && ratio ? line.spendKEur * (ratioConversion?.factor ?? 1) * ratio.kgPerKEur : null;
  const notes: string[] = [];

  let specificKg: number | null = null;
  let basis: EstimateBasis = "none";
  let factor: SupplierFactor | null = null;

  const describe = (m: FactorMatch & { factor: SupplierFactor }) =>
    `facteur fournisseur « ${m.factor.item} » (v${m.factor.version}, ligne ${m.factor.line}${m.how === "only" ? ", seul facteur du segment dans cette unité" : ""})`;

  if (line.quantity !== null && line.activityUnit !== null) {
    const m = matchFactor(line, line.activityUnit, supplierFactors);
    if (m.factor) {
      specificKg = line.quantity * m.factor.valueKgPerUnit;
      basis = "supplier-quantity";
      factor = m.factor;
      notes.push(`${fmt(line.quantity)} × ${fmt(m.factor.valueKgPerUnit)} kgCO2e : ${describe(m)}`);
    } else if (m.candidates > 1) notes.push(`quantité : ${m.candidates} facteurs possibles dans cette unité, précisez le libellé`);
    else notes.push("quantité : aucun facteur du fournisseur dans cette unité pour ce segment");
  }
  if (specificKg === null && line.spendKEur !== null) {
    const m = matchFactor(line, "k€", supplierFactors);
    if (m.factor) {
      const c = convertYear(line.year, m.factor.referenceYear, index, "supplier-factor");
      conversions.push(c);
      const spend = line.spendKEur * (c.factor ?? 1);
      specificKg = spend * m.factor.valueKgPerUnit;
      basis = "supplier-spend";
      factor = m.factor;
      notes.push(`${fmt(spend)} k€ ${m.factor.referenceYear} × ${fmt(m.factor.valueKgPerUnit)} kgCO2e/k€ : ${describe(m)}`);
    } else {
      if (m.candidates > 1) notes.push(`dépense : ${m.candidates} ratios du fournisseur possibles, précisez le libellé`);
      if (monetaryKg !== null && ratio) {
        specificKg = monetaryKg;
        basis = "monetary-fallback";
        notes.push(`repli sur le ratio monétaire « ${ratio.label} » (${fmt(ratio.kgPerKEur)} kgCO2e/k€ ${ratio.year})`);
      }
    }
  }
  if (specificKg === null) notes.push(line.spendKEur === null ? "non estimé : ni facteur fournisseur correspondant ni dépense" : "non estimé : aucun ratio monétaire pour ce segment ni cette catégorie");
  if (monetaryKg === null && line.spendKEur !== null && !ratio) notes.push("pas de ratio monétaire de référence");

  return {
    line,
    specificKg,
    basis,
    factor,
    monetaryKg,
    ratio,
    differenceKg: specificKg !== null && monetaryKg !== null ? specificKg - monetaryKg : null,
    note: notes.join(" ; "),
    conversions,
  };
}

function emptyTotal(): Omit<CategoryTotal, "ghgCategory"> {
  return { lines: 0, specificKg: 0, monetaryKg: 0, differenceKg: 0, supplierFactorKg: 0, notEstimated: 0, noMonetary: 0 };
}

function add(total: Omit<CategoryTotal, "ghgCategory">, e: LineEstimate): void {
  total.lines++;
  total.specificKg += e.specificKg ?? 0;
  total.monetaryKg += e.monetaryKg ?? 0;
  if (e.basis === "supplier-quantity" || e.basis === "supplier-spend") total.supplierFactorKg += e.specificKg ?? 0;
  if (e.specificKg === null) total.notEstimated++;
  if (e.monetaryKg === null) total.noMonetary++;
  total.differenceKg = total.specificKg - total.monetaryKg;
}

/**
 * Estimate every line. `factorsBySupplier` holds the factors of each supplier's latest version.
 * Totals per category sum what could be estimated in each column; lines missing from a column
 * are counted (`notEstimated`, `noMonetary`) so that the difference is read with care.
 */
export function computeScope3(
  lines: readonly ActivityLine[],
  factorsBySupplier: ReadonlyMap<number, readonly SupplierFactor[]>,
  ratios: readonly ReferenceRatioLike[],
  index: PriceIndex = new Map(),
): Scope3Result {
  const estimates = lines.map((l) => estimateLine(l, factorsBySupplier.get(l.supplierOrganisationId) ?? [], ratios, index));
  const byCategory = new Map<number, CategoryTotal>();
  const total = emptyTotal();
  for (const e of estimates) {
    const c = byCategory.get(e.line.ghgCategory) ?? { ghgCategory: e.line.ghgCategory, ...emptyTotal() };
    add(c, e);
    byCategory.set(e.line.ghgCategory, c);
    add(total, e);
  }
  return { lines: estimates, byCategory: [...byCategory.values()].sort((a, b) => a.ghgCategory - b.ghgCategory), total };
}
