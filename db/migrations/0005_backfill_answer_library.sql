-- Back-fill of the answer library from the submissions already made (issue 20; decision 015).
-- From now on the library is filled at submission, in the transaction that writes the immutable
-- copy (app/responses/library.server.ts, fillLibraryFromSubmission); this fills it for the past.
-- For each supplier organisation, guide version and question: the answer of its latest submission
-- (withdrawn ones included: they were submitted), with the tender and submission it came from,
-- unless the library already holds a later version (a draft saved after that submission).
-- Runs once, on open, like every migration (db/connection.ts). Content format:
-- app/lib/submission-content.ts ({ guideVersion, answers: [{ questionId, level, text,
-- notApplicable, notApplicableReason, files }] }); an unreadable content is skipped.
WITH readable AS (
  SELECT id, tender_id, supplier_organisation_id, submitted_by, submitted_at,
    CASE WHEN json_valid(content) THEN content ELSE '{}' END AS content
  FROM `submissions`
),
answered AS (
  SELECT
    s.id AS submission_id,
    s.tender_id AS tender_id,
    s.supplier_organisation_id AS org,
    s.submitted_by AS submitted_by,
    s.submitted_at AS submitted_at,
    json_extract(s.content, '$.guideVersion') AS guide_version,
    json_extract(a.value, '$.questionId') AS question_id,
    json_extract(a.value, '$.level') AS level,
    coalesce(json_extract(a.value, '$.text'), '') AS text,
    coalesce(json_extract(a.value, '$.notApplicable'), 0) AS not_applicable,
    coalesce(json_extract(a.value, '$.notApplicableReason'), '') AS not_applicable_reason,
    row_number() OVER (
      PARTITION BY s.supplier_organisation_id, json_extract(s.content, '$.guideVersion'), json_extract(a.value, '$.questionId')
      ORDER BY s.submitted_at DESC, s.id DESC
    ) AS rn
  FROM readable s, json_each(s.content, '$.answers') a
)
INSERT INTO `answer_library` (
  `supplier_organisation_id`, `guide_version`, `question_id`, `level`, `text`, `not_applicable`, `not_applicable_reason`,
  `updated_by`, `updated_at`, `source`, `source_tender_id`, `source_submission_id`
)
SELECT org, guide_version, question_id, level, text, not_applicable, not_applicable_reason,
  submitted_by, submitted_at, 'submission', tender_id, submission_id
FROM answered
WHERE rn = 1
  AND guide_version IS NOT NULL
  AND question_id IS NOT NULL
  AND (level IS NOT NULL OR not_applicable = 1 OR text <> '')
ON CONFLICT (`supplier_organisation_id`, `guide_version`, `question_id`) DO UPDATE SET
  `level` = excluded.`level`,
  `text` = excluded.`text`,
  `not_applicable` = excluded.`not_applicable`,
  `not_applicable_reason` = excluded.`not_applicable_reason`,
  `updated_by` = excluded.`updated_by`,
  `updated_at` = excluded.`updated_at`,
  `source` = 'submission',
  `source_tender_id` = excluded.`source_tender_id`,
  `source_submission_id` = excluded.`source_submission_id`
WHERE excluded.`updated_at` >= `answer_library`.`updated_at`;
