import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { organisations, users } from "./accounts";
import { files } from "./responses";
import { tenders } from "./tenders";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * Every emission-factor upload, accepted or rejected: the original file is always kept, with the
 * validation report, so that nothing the supplier sent is lost.
 */
export const factorUploads = sqliteTable(
  "factor_uploads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    tenderId: integer("tender_id").references(() => tenders.id),
    fileId: integer("file_id").notNull().references(() => files.id),
    status: text("status", { enum: ["imported", "rejected", "unreadable"] }).notNull(),
    rows: integer("rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    report: text("report", { mode: "json" }).$type<unknown>().notNull(),
    uploadedBy: integer("uploaded_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("factor_uploads_org").on(t.supplierOrganisationId)],
);

/** A version of a supplier's factor set: one per valid upload, never overwritten. */
export const factorSets = sqliteTable(
  "factor_sets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    version: integer("version").notNull(),
    uploadId: integer("upload_id").notNull().references(() => factorUploads.id),
    tenderId: integer("tender_id").references(() => tenders.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("factor_sets_version").on(t.supplierOrganisationId, t.version)],
);

export const factors = sqliteTable(
  "factors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id").notNull().references(() => factorSets.id),
    line: integer("line").notNull(),
    item: text("item").notNull(),
    segment: text("segment").notNull(),
    ghgCategory: integer("ghg_category"),
    value: real("value").notNull(),
    unit: text("unit").notNull(),
    massUnit: text("mass_unit").notNull(),
    activityUnit: text("activity_unit").notNull(),
    valueKgPerUnit: real("value_kg_per_unit").notNull(),
    uncertaintyPct: real("uncertainty_pct"),
    method: text("method").notNull(),
    accounting: text("accounting"),
    referenceYear: integer("reference_year").notNull(),
    verifiedBy: text("verified_by"),
    source: text("source"),
    extra: text("extra", { mode: "json" }).$type<Record<string, string>>(),
  },
  (t) => [index("factors_set").on(t.setId)],
);

/** Reference monetary ratios (kgCO2e per k€ HT), editable by a buying organisation's CSR team. */
export const referenceRatios = sqliteTable(
  "reference_ratios",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    kgPerKEur: real("kg_per_k_eur").notNull(),
    ghgCategory: integer("ghg_category"),
    source: text("source").notNull(),
    year: integer("year").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("reference_ratios_key").on(t.organisationId, t.key)],
);

/** Activity data entered or imported by the CSR team: spend (k€ HT) or quantities per supplier. */
export const activityData = sqliteTable(
  "activity_data",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    year: integer("year").notNull(),
    segment: text("segment").notNull(),
    ghgCategory: integer("ghg_category").notNull(),
    item: text("item").notNull().default(""),
    spendKEur: real("spend_k_eur"),
    quantity: real("quantity"),
    activityUnit: text("activity_unit"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    deletedAt: text("deleted_at"),
    /**
     * Provenance of a line carried from an awarded tender's bill of quantities (issue 12 §5): the
     * tender, the bill line, the factor used (kgCO2e per unit, exact text as answered or replaced),
     * the supplier factor it was picked from (if any) and a French note. Null for lines the CSR
     * team entered or imported. One row per tender line and year (unique index): carried once.
     */
    sourceTenderId: integer("source_tender_id").references(() => tenders.id),
    sourceLineId: text("source_line_id"),
    sourceFactorId: integer("source_factor_id").references(() => factors.id),
    tenderFactorKgPerUnit: text("tender_factor_kg_per_unit"),
    provenance: text("provenance"),
  },
  (t) => [index("activity_data_org").on(t.organisationId), uniqueIndex("activity_data_tender_line").on(t.sourceTenderId, t.sourceLineId, t.year)],
);
