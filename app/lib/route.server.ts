import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { AppError, notFound, type AppErrorCode } from "./errors";

/**
 * What every loader and action goes through: the one place where an `AppError` becomes an HTTP
 * status. Thrown from a loader or an action, it becomes a thrown `Response` (status, French message
 * as the body) that the route's error boundary shows; redirects and other responses pass through,
 * anything else is a bug and stays a 500.
 */
const statusOf: Record<AppErrorCode, { status: number; statusText: string }> = {
  invalid: { status: 400, statusText: "Bad Request" },
  forbidden: { status: 403, statusText: "Forbidden" },
  "not-found": { status: 404, statusText: "Not Found" },
  conflict: { status: 409, statusText: "Conflict" },
  gone: { status: 410, statusText: "Gone" },
  "too-large": { status: 413, statusText: "Payload Too Large" },
  "unsupported-type": { status: 415, statusText: "Unsupported Media Type" },
  "rate-limited": { status: 429, statusText: "Too Many Requests" },
};

export function httpStatus(code: AppErrorCode): number {
  return statusOf[code].status;
}

/** Headers a refusal carries: `Retry-After` (seconds) when it says how long to wait. */
export function refusalHeaders(error: AppError): HeadersInit {
  const wait = error.details.retryAfterSeconds;
  return wait === undefined ? {} : { "Retry-After": String(Math.max(1, Math.ceil(wait))) };
}

function toResponse(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new Response(error.message, { ...statusOf[error.code], headers: refusalHeaders(error) });
}

/** `export const loader = defineLoader(async ({ request, params }) => { … })` */
export function defineLoader<F extends (args: LoaderFunctionArgs) => unknown>(loader: F) {
  const wrapped = async (args: LoaderFunctionArgs) => {
    try {
      return await loader(args);
    } catch (error) {
      throw toResponse(error);
    }
  };
  // Same parameters and (awaited) result as the route's own function, for Remix's type inference.
  return wrapped as (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
}

/** `export const action = defineAction(async ({ request, params }) => { … })` */
export function defineAction<F extends (args: ActionFunctionArgs) => unknown>(action: F) {
  const wrapped = async (args: ActionFunctionArgs) => {
    try {
      return await action(args);
    } catch (error) {
      throw toResponse(error);
    }
  };
  // Same parameters and (awaited) result as the route's own function, for Remix's type inference.
  return wrapped as (...args: Parameters<F>) => Promise<Awaited<ReturnType<F>>>;
}

/**
 * For forms whose page shows a refusal next to the field instead of the error page (autosave, file
 * uploads, imports): a refusal of what was submitted, thrown by `run`, becomes
 * `data(body(message, code), { status })` with the same status the error page would have. Access
 * refusals (not found, forbidden — CSRF included) still show the error page, and so does anything
 * that is not an `AppError`.
 */
export async function refusalsAsData<T, D>(run: () => T | Promise<T>, body: (message: string, code: AppErrorCode) => D) {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "not-found" || error.code === "forbidden") throw error;
    return data(body(error.message, error.code), { status: httpStatus(error.code), headers: refusalHeaders(error) });
  }
}

/** A numeric id from the URL (`/…/:id`); anything else is "not found" (404), never a 500. */
export function idParam(value: string | undefined): number {
  if (!value || !/^\d{1,16}$/.test(value)) throw notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}
