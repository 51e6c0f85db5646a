import { z } from "zod";
import { ResponseError } from "./access.server";

/** Route helpers: ids from the URL and domain errors turned into French HTTP responses. */
export function idParam(value: string | undefined): number {
  const parsed = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).safeParse(value);
  if (!parsed.success || !/^\d+$/.test(value ?? "")) throw new Response("Cette page n'existe pas ou vous n'y avez pas accès.", { status: 404 });
  return parsed.data;
}

/** Runs a domain call; a ResponseError becomes a thrown Response with its status and message. */
export function orThrow<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ResponseError) throw new Response(e.message, { status: e.status });
    throw e;
  }
}
