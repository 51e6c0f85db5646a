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

export const submissionContentSchema = z.object({
  tenderId: z.number().int(),
  guideVersion: z.string(),
  /** The tender's published method hash the supplier answered against. */
  methodSha256: z.string(),
  answers: z.array(submittedAnswerSchema),
});
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
