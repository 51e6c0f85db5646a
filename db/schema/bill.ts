import { boolean, id, index, integer, integer64, now, table, text, uniqueIndex } from "./columns";
import { organisations, users } from "./accounts";
import { factors } from "./factors";
import { tenders } from "./tenders";


/**
 * Bill of quantities (issue 12, docs/decisions/020-bill-of-quantities.md). The bill's LINES live in
 * the tender's method JSON (`bill`), so they are frozen with the method at publication. These
 * tables hold what is answered and decided per line.
 *
 * One supplier organisation's answer to one bill line: unit price (€ HT) and emission factor
 * (kgCO2e per unit of the line), both exact decimal texts ("12.5"), with the factor's provenance as
 * in the factor CSV contract. `factorId` keeps the link when the factor was picked from one of the
 * supplier's uploaded factor versions (values copied at that moment; the version is immutable).
 */
export const billResponses = table(
  "bill_responses",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    lineId: text("line_id").notNull(),
    unitPrice: text("unit_price"),
    factor: text("factor"),
    factorId: integer("factor_id").references(() => factors.id),
    method: text("method"),
    source: text("source"),
    referenceYear: integer("reference_year"),
    verifiedBy: text("verified_by"),
    uncertaintyPct: text("uncertainty_pct"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("bill_responses_unique").on(t.tenderId, t.supplierOrganisationId, t.lineId), index("bill_responses_tender").on(t.tenderId)],
);

/**
 * An evaluator's replacement of a supplier's factor on one line by the conservative reference
 * (line amount in k€ × the buyer's reference monetary ratio), with a written justification.
 * The ratio is copied (key, label, value, source, year) so the decision stays readable if the CSR
 * team later edits its ratios. Withdrawn replacements keep their row (`withdrawnAt`).
 */
export const billReplacements = table(
  "bill_replacements",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    lineId: text("line_id").notNull(),
    ratioKey: text("ratio_key").notNull(),
    ratioLabel: text("ratio_label").notNull(),
    ratioKgPerKEur: text("ratio_kg_per_k_eur").notNull(),
    ratioSource: text("ratio_source").notNull(),
    ratioYear: integer("ratio_year").notNull(),
    justification: text("justification").notNull(),
    createdBy: integer("created_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    withdrawnAt: text("withdrawn_at"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
  },
  (t) => [index("bill_replacements_tender").on(t.tenderId, t.supplierOrganisationId)],
);

/**
 * Each supplier's computed offer for a tender with a bill (a cache of what scoring/bill-of-quantities.ts
 * computes from `bill_responses` and the active `bill_replacements`), rewritten in the transaction of
 * every change to them: the comparison, the scoring input and the evaluation read 50 rows instead of
 * 100,000 lines. `complete` false: some line lacks a price or a complete factor (totals null).
 * `flagged` / `unverified`: lines whose factor is implausible against the buyer's reference ratios
 * at computation time / not verified by a third party (display only).
 */
export const billOffers = table(
  "bill_offers",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    complete: boolean("complete").notNull(),
    incompleteLines: integer("incomplete_lines").notNull(),
    priceCents: integer64("price_cents"),
    footprintGrams: integer64("footprint_grams"),
    flagged: integer("flagged").notNull().default(0),
    unverified: integer("unverified").notNull().default(0),
    computedAt: text("computed_at").notNull().default(now),
  },
  (t) => [uniqueIndex("bill_offers_unique").on(t.tenderId, t.supplierOrganisationId)],
);
