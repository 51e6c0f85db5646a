/**
 * The one error type of the portal (design.md, "Boundaries"): a code saying what kind of refusal it
 * is and the French message the user reads. Domain code throws it and knows nothing of HTTP;
 * `route.server.ts` is the one place that turns a code into a status and a page (or, for forms that
 * show refusals next to the field, into data). Browser-safe. Pattern: Documenso's `AppError`
 * (packages/lib/errors/app-error.ts). Decision record: docs/decisions/006-one-error-type.md.
 */
export const appErrorCodes = ["invalid", "forbidden", "not-found", "conflict", "gone", "too-large", "unsupported-type", "rate-limited"] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

/** What the user reads when something does not exist or is not theirs: both look the same (design.md). */
export const NOT_FOUND_MESSAGE = "Cette page n'existe pas ou vous n'y avez pas accès.";

/** What some refusals tell beyond their message: how long to wait before trying again (429). */
export type AppErrorDetails = { retryAfterSeconds?: number };

export class AppError extends Error {
  override readonly name = "AppError";

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: AppErrorDetails = {},
  ) {
    super(message);
  }
}

/** Not found and not yours look the same from outside. */
export function notFound(message: string = NOT_FOUND_MESSAGE): AppError {
  return new AppError("not-found", message);
}
