import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import morgan from "morgan";

/**
 * Every request gets an id, sent back as `X-Request-Id` and written in its log line (and in the
 * French error pages), so that a user's report can be matched with the log. Behind a trusted
 * proxy an incoming `X-Request-Id` of sane shape is kept, so both logs share it.
 */
export const REQUEST_ID_HEADER = "X-Request-Id";
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestId(options: { trustIncoming: boolean }): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const id = options.trustIncoming && incoming && INCOMING_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

/**
 * Paths that carry a secret (invitation tokens) are logged without it: logs are read by more
 * people than the tokens were meant for.
 */
const SECRET_PATHS = [/^(\/invitation\/)[^/?#]+/];
export function redactUrl(url: string): string {
  const [pathPart = "", query] = url.split(/\?(.*)/s, 2);
  let path = pathPart;
  for (const re of SECRET_PATHS) path = path.replace(re, "$1…");
  return query === undefined ? path : `${path}?${query}`;
}

type Res = ServerResponse & { locals: Record<string, unknown> };

morgan.token("request-id", (_req: IncomingMessage, res: ServerResponse) => String((res as Res).locals.requestId ?? "-"));
morgan.token("safe-url", (req: IncomingMessage & { originalUrl?: string }) => redactUrl(req.originalUrl ?? req.url ?? ""));

/** One line per response: time, id, client address (TRUST_PROXY-aware), method, path, status, size, duration. */
export const LOG_FORMAT = ":date[iso] :request-id :remote-addr :method :safe-url :status :res[content-length] :response-time ms";

export function requestLog(stream: { write(line: string): void } = process.stdout): RequestHandler {
  return morgan(LOG_FORMAT, { stream });
}
