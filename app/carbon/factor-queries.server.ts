/**
 * Reading factors back for the pages (supplier versions, CSR review): one page at a time, with
 * the quality indicator and the plausibility flag computed for the rows shown only.
 */
import { and, asc, count, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "#db/connection";
import { factors } from "#db/schema";
import { plausibilityOf, qualityOf, type NormalisedFactor, type ReferenceRatioLike } from "#emission-factors";
import { factorView, type FactorView } from "./labels";

export const PAGE_SIZE = 100;

export type FactorRow = typeof factors.$inferSelect;

export function rowToFactor(row: FactorRow): NormalisedFactor {
  return {
    line: row.line,
    item: row.item,
    segment: row.segment,
    ghgCategory: row.ghgCategory,
    value: row.value,
    unit: row.unit,
    massUnit: row.massUnit as NormalisedFactor["massUnit"],
    activityUnit: row.activityUnit as NormalisedFactor["activityUnit"],
    valueKgPerUnit: row.valueKgPerUnit,
    uncertaintyPct: row.uncertaintyPct,
    method: row.method as NormalisedFactor["method"],
    accounting: row.accounting as NormalisedFactor["accounting"],
    referenceYear: row.referenceYear,
    verifiedBy: row.verifiedBy,
    source: row.source,
    extra: row.extra ?? {},
    pcf: (row.pcfData as NormalisedFactor["pcf"]) ?? null,
  };
}

export interface FactorPage {
  rows: FactorView[];
  total: number;
  page: number;
  pages: number;
}

/** One page of factors matching `where` (already scoped by the caller), with quality and plausibility. */
export async function pageOfFactors(
  db: Db,
  where: SQL | undefined,
  options: { page: number; ratios: readonly ReferenceRatioLike[]; currentYear?: number; orderBy?: SQL[] },
): Promise<FactorPage> {
  const total = (await db.select({ n: count() }).from(factors).where(where).limit(1))[0]?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = await db
      .select()
      .from(factors)
      .where(where)
      .orderBy(...(options.orderBy ?? [asc(factors.setId), asc(factors.line)]))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE);
  const year = options.currentYear ?? new Date().getFullYear();
  return {
    total,
    page,
    pages,
    rows: rows.map((row) => {
      const f = rowToFactor(row);
      return factorView(row.id, row.setId, f, qualityOf(f, year), plausibilityOf(f, options.ratios));
    }),
  };
}

/** Factors of the given sets: the caller has checked that the user may see every one of them. */
export function unsafeFactorsOfSets(setIds: readonly number[], filters: { segment?: string | null; ghgCategory?: number | null } = {}): SQL | undefined {
  const conditions: SQL[] = [inArray(factors.setId, setIds.length ? [...setIds] : [-1])];
  if (filters.segment) conditions.push(eq(factors.segment, filters.segment));
  if (filters.ghgCategory) conditions.push(eq(factors.ghgCategory, filters.ghgCategory));
  return and(...conditions);
}
