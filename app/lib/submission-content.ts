import { z } from "zod";

/**
 * The immutable content of a submitted questionnaire (`submissions.content`), hashed with SHA-256
 * over its canonical JSON. Written by the supplier journey, read by evaluation and debrief.
 */
export const submittedAnswerSchema = z.object({
  questionId: z.string(),
  level: z.number().int().min(1).max(5).nullable(),
  text: z.string(),
  notApplicable: z.boolean(),
  notApplicableReason: z.string(),
  files: z.array(z.object({ fileId: z.number().int(), sha256: z.string(), originalName: z.string(), size: z.number().int() })),
});

const submittedFileSchema = z.object({ fileId: z.number().int(), sha256: z.string(), originalName: z.string(), size: z.number().int() });

/** The value given for one offer criterion (issue 11 §2), in the criterion's unit; null = not given. */
export const submittedOfferValueSchema = z.object({
  criterionId: z.string(),
  value: z.number().nullable(),
  files: z.array(submittedFileSchema),
});

export const submissionContentSchema = z.object({
  tenderId: z.number().int(),
  guideVersion: z.string(),
  /** The tender's published method hash the supplier answered against. */
  methodSha256: z.string(),
  answers: z.array(submittedAnswerSchema),
  /** Present only when the tender has offer criteria: older contents (and their hashes) are unchanged. */
  offerValues: z.array(submittedOfferValueSchema).optional(),
});
export type SubmittedOfferValue = z.infer<typeof submittedOfferValueSchema>;
export type SubmissionContent = z.infer<typeof submissionContentSchema>;
export type SubmittedAnswer = z.infer<typeof submittedAnswerSchema>;

/** Canonical JSON (sorted keys) so that the same content always gives the same hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
