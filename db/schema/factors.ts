import { sql } from "drizzle-orm";
import { boolean, id, index, integer, json, now, primaryKey, real, table, text, uniqueIndex } from "./columns";
import { organisations, users } from "./accounts";
import { files } from "./responses";
import { tenders } from "./tenders";


/**
 * Every emission-factor upload, accepted or rejected: the original file is always kept, with the
 * validation report, so that nothing the supplier sent is lost.
 */
export const factorUploads = table(
  "factor_uploads",
  {
    id: id(),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    tenderId: integer("tender_id").references(() => tenders.id),
    fileId: integer("file_id").notNull().references(() => files.id),
    status: text("status", { enum: ["imported", "rejected", "unreadable"] }).notNull(),
    rows: integer("rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    report: json("report").$type<unknown>().notNull(),
    uploadedBy: integer("uploaded_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [index("factor_uploads_org").on(t.supplierOrganisationId)],
);

/** A version of a supplier's factor set: one per valid upload, never overwritten. */
export const factorSets = table(
  "factor_sets",
  {
    id: id(),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    version: integer("version").notNull(),
    uploadId: integer("upload_id").notNull().references(() => factorUploads.id),
    tenderId: integer("tender_id").references(() => tenders.id),
    createdAt: text("created_at").notNull().default(now),
  },
  (t) => [uniqueIndex("factor_sets_version").on(t.supplierOrganisationId, t.version)],
);

export const factors = table(
  "factors",
  {
    id: id(),
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
    extra: json("extra").$type<Record<string, string>>(),
    /** Optional product-footprint data for a PACT export (ProductFootprintData of emission-factors/), JSON. */
    pcfData: json("pcf_data").$type<Record<string, unknown>>(),
  },
  (t) => [index("factors_set").on(t.setId)],
);

/**
 * Valid rows of a factor CSV being read, in PostgreSQL mode (issue 16's "never all rows in memory"
 * on an engine without per-connection temporary tables shared by the pool): each import stages its
 * rows under a random `staging_id`, in file order (`seq`), then copies them into `factors` with one
 * INSERT … SELECT in the upload's transaction and deletes them (app/carbon/factor-store.server.ts).
 * Rows left by a crashed import are purged after a day. SQLite mode stages in a TEMP table of its
 * connection instead and never writes here (its migration creates the table, unused).
 */
export const factorStaging = table(
  "factor_staging",
  {
    stagingId: text("staging_id").notNull(),
    seq: integer("seq").notNull(),
    createdAt: text("created_at").notNull().default(now),
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
    extra: json("extra").$type<Record<string, string>>(),
    pcfData: json("pcf_data").$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.stagingId, t.seq] }), index("factor_staging_created").on(t.createdAt)],
);

/** Reference monetary ratios (kgCO2e per k€ HT), editable by a buying organisation's CSR team. */
export const referenceRatios = table(
  "reference_ratios",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    kgPerKEur: real("kg_per_k_eur").notNull(),
    ghgCategory: integer("ghg_category"),
    source: text("source").notNull(),
    year: integer("year").notNull(),
    /** Base Empreinte identifier of the element the ratio was picked from (issue 18), else null. */
    externalId: text("external_id"),
    /** Unit of the source element as written (`kgCO2e/k€HT`…); the value is always per k€. */
    unit: text("unit"),
    /** Status of the source element at import (`Valide générique`…). */
    status: text("status"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("reference_ratios_key").on(t.organisationId, t.key)],
);

/**
 * Monetary elements of an ADEME Base Empreinte export imported by a CSR team (issue 18): the
 * library it picks reference ratios from. One row per element identifier and organisation; a new
 * export updates it. The original file is kept in `files`.
 */
export const baseEmpreinteElements = table(
  "base_empreinte_elements",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    elementId: text("element_id").notNull(),
    name: text("name").notNull(),
    category: text("category").notNull().default(""),
    unit: text("unit").notNull(),
    value: real("value").notNull(),
    kgPerKEur: real("kg_per_k_eur").notNull(),
    status: text("status").notNull(),
    year: integer("year"),
    yearFrom: text("year_from"),
    validity: text("validity").notNull().default(""),
    location: text("location").notNull().default(""),
    source: text("source").notNull().default(""),
    uncertaintyPct: real("uncertainty_pct"),
    posts: json("posts").$type<{ type: string; name: string; value: number }[]>().notNull(),
    fileId: integer("file_id").notNull().references(() => files.id),
    importedBy: integer("imported_by").notNull().references(() => users.id),
    importedAt: text("imported_at").notNull().default(now),
  },
  (t) => [uniqueIndex("base_empreinte_elements_id").on(t.organisationId, t.elementId)],
);

/**
 * Price index per year of a buying organisation (issue 18): converts a spend in euros of one year
 * into euros of a monetary ratio's year. `verified` false = default value « à vérifier ».
 */
export const deflators = table(
  "deflators",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    year: integer("year").notNull(),
    index: real("index").notNull(),
    source: text("source").notNull(),
    verified: boolean("verified").notNull().default(false),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("deflators_year").on(t.organisationId, t.year)],
);

/**
 * Emissions a supplier allocates to one customer organisation for a reporting year (issue 18 §3,
 * as CDP supply chain asks): tCO2e of scopes 1+2, optionally scope 3 upstream, with the allocation
 * method, verification, uncertainty and evidence. One live row per supplier × customer × year
 * (changes are audited); a withdrawn declaration is soft-deleted.
 */
export const allocatedEmissions = table(
  "allocated_emissions",
  {
    id: id(),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    customerOrganisationId: integer("customer_organisation_id").notNull().references(() => organisations.id),
    year: integer("year").notNull(),
    scope12T: real("scope12_t").notNull(),
    scope3UpstreamT: real("scope3_upstream_t"),
    method: text("method", { enum: ["revenue-share", "physical-units", "other"] }).notNull(),
    methodDescription: text("method_description"),
    verification: text("verification", { enum: ["none", "limited", "reasonable"] }).notNull(),
    verifiedBy: text("verified_by"),
    uncertaintyPct: real("uncertainty_pct"),
    evidenceFileId: integer("evidence_file_id").references(() => files.id),
    createdBy: integer("created_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [
    index("allocated_emissions_customer").on(t.customerOrganisationId, t.year),
    uniqueIndex("allocated_emissions_live").on(t.supplierOrganisationId, t.customerOrganisationId, t.year).where(sql`deleted_at IS NULL`),
  ],
);

/** Activity data entered or imported by the CSR team: spend (k€ HT) or quantities per supplier. */
export const activityData = table(
  "activity_data",
  {
    id: id(),
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
