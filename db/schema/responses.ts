import { boolean, id, index, integer, json, now, real, table, text, uniqueIndex } from "./columns";
import { organisations, users } from "./accounts";
import { tenders } from "./tenders";


/**
 * Uploaded files (evidence, emission-factor CSVs), stored untouched under DATA_DIR/files,
 * addressed by SHA-256; the row keeps the original name and the uploader.
 */
export const files = table(
  "files",
  {
    id: id(),
    organisationId: integer("organisation_id").notNull().references(() => organisations.id),
    sha256: text("sha256").notNull(),
    originalName: text("original_name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    uploadedBy: integer("uploaded_by").notNull().references(() => users.id),
    createdAt: text("created_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [index("files_org").on(t.organisationId), index("files_sha").on(t.sha256)],
);

export const responseStatuses = ["in-progress", "submitted", "withdrawn"] as const;

/**
 * A supplier organisation's questionnaire for one tender (the draft). `version` is the optimistic
 * concurrency counter: every save sends the version it started from.
 */
export const responses = table(
  "responses",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    guideVersion: text("guide_version").notNull(),
    status: text("status", { enum: responseStatuses }).notNull().default("in-progress"),
    version: integer("version").notNull().default(0),
    createdAt: text("created_at").notNull().default(now),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("responses_tender_supplier").on(t.tenderId, t.supplierOrganisationId)],
);

/** One answer of a draft. `revision` = the response version at which it last changed. */
export const responseAnswers = table(
  "response_answers",
  {
    id: id(),
    responseId: integer("response_id").notNull().references(() => responses.id),
    questionId: text("question_id").notNull(),
    level: integer("level"),
    text: text("text").notNull().default(""),
    notApplicable: boolean("not_applicable").notNull().default(false),
    notApplicableReason: text("not_applicable_reason").notNull().default(""),
    /** Pre-filled from the answer library and not yet confirmed by the supplier. */
    reusedUnconfirmed: boolean("reused_unconfirmed").notNull().default(false),
    /** Where a pre-filled answer came from when not the library (issue 14 §6: « campagne … du … »). */
    sourceNote: text("source_note").notNull().default(""),
    revision: integer("revision").notNull().default(0),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("response_answers_unique").on(t.responseId, t.questionId)],
);

export const answerFiles = table(
  "answer_files",
  {
    id: id(),
    responseId: integer("response_id").notNull().references(() => responses.id),
    questionId: text("question_id").notNull(),
    fileId: integer("file_id").notNull().references(() => files.id),
    createdAt: text("created_at").notNull().default(now),
    deletedAt: text("deleted_at"),
  },
  (t) => [index("answer_files_response").on(t.responseId)],
);

/** Immutable copy of a submitted questionnaire, with its timestamp and content hash. */
export const submissions = table(
  "submissions",
  {
    id: id(),
    responseId: integer("response_id").notNull().references(() => responses.id),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    submittedBy: integer("submitted_by").notNull().references(() => users.id),
    submittedAt: text("submitted_at").notNull(),
    contentSha256: text("content_sha256").notNull(),
    content: json("content").$type<unknown>().notNull(),
    withdrawnAt: text("withdrawn_at"),
  },
  (t) => [index("submissions_tender").on(t.tenderId)],
);

export const librarySources = ["submission", "import", "draft"] as const;
export type LibrarySource = (typeof librarySources)[number];

/**
 * The supplier organisation's reusable answers, keyed by guide version and question id: the latest
 * submitted (or imported) version of each answer, with where it came from — `submission` (the tender
 * and submission; `updatedAt` is the submission time), `import` (a library file), or `draft` (rows
 * written by draft saves before decision 015; no tender recorded).
 */
export const answerLibrary = table(
  "answer_library",
  {
    id: id(),
    supplierOrganisationId: integer("supplier_organisation_id").notNull().references(() => organisations.id),
    guideVersion: text("guide_version").notNull(),
    questionId: text("question_id").notNull(),
    level: integer("level"),
    text: text("text").notNull().default(""),
    notApplicable: boolean("not_applicable").notNull().default(false),
    notApplicableReason: text("not_applicable_reason").notNull().default(""),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
    source: text("source", { enum: librarySources }).notNull().default("draft"),
    sourceTenderId: integer("source_tender_id").references(() => tenders.id),
    sourceSubmissionId: integer("source_submission_id").references(() => submissions.id),
  },
  (t) => [uniqueIndex("answer_library_unique").on(t.supplierOrganisationId, t.guideVersion, t.questionId)],
);

/** Evaluated level of one answer of one submission; changing the self-assessment needs a justification. */
export const evaluations = table(
  "evaluations",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    submissionId: integer("submission_id").notNull().references(() => submissions.id),
    questionId: text("question_id").notNull(),
    evaluatedLevel: integer("evaluated_level"),
    notApplicableAccepted: boolean("not_applicable_accepted"),
    justification: text("justification").notNull().default(""),
    /** Evaluation aid (issue 14): the answer describes an intention (« nous allons… »), not a practice in place. */
    plannedNotInPlace: boolean("planned_not_in_place").notNull().default(false),
    evaluatorId: integer("evaluator_id").notNull().references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("evaluations_unique").on(t.submissionId, t.questionId)],
);

/**
 * The value a supplier gives for one offer criterion of the tender (issue 11 §2: « Offer values »), in the
 * criterion's unit; `null` = not given yet. Draft rows of the response; the submission copies them
 * (`submissions.content.offerValues`). Evidence files are `answer_files` rows whose `questionId` is
 * `offre:<criterion id>` (see app/responses/offer-values.ts).
 */
export const responseOfferValues = table(
  "response_offer_values",
  {
    id: id(),
    responseId: integer("response_id").notNull().references(() => responses.id),
    criterionId: text("criterion_id").notNull(),
    value: real("value"),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("response_offer_values_unique").on(t.responseId, t.criterionId)],
);

/**
 * An evaluator's review of one offer value of one submission: the confirmed or corrected value (null =
 * the value is refused as not given) and the justification of a correction (audited, like `evaluations`).
 */
export const offerValueReviews = table(
  "offer_value_reviews",
  {
    id: id(),
    tenderId: integer("tender_id").notNull().references(() => tenders.id),
    submissionId: integer("submission_id").notNull().references(() => submissions.id),
    criterionId: text("criterion_id").notNull(),
    value: real("value"),
    justification: text("justification").notNull().default(""),
    evaluatorId: integer("evaluator_id").notNull().references(() => users.id),
    updatedAt: text("updated_at").notNull().default(now),
  },
  (t) => [uniqueIndex("offer_value_reviews_unique").on(t.submissionId, t.criterionId)],
);
