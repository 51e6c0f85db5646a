import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

/**
 * Browser security headers on every response — pages, CSV and DOCX exports, uploaded files,
 * static assets — set before anything else answers (issue 15, item 1).
 *
 * - Content-Security-Policy with a fresh nonce per request: scripts only from the portal's own
 *   origin or inline with the nonce, which entry.server.tsx hands to React and Remix (hydration
 *   data, single-fetch chunks) and root.tsx to <Scripts>/<ScrollRestoration>. No inline event
 *   handlers (`script-src-attr 'none'`), no plugins, forms only to the portal itself.
 * - `frame-ancestors 'none'` and `X-Frame-Options: DENY` (older browsers): no page can be framed.
 * - nosniff, `Referrer-Policy: same-origin` (tender and invitation URLs never leak to other sites).
 * - HSTS only when cookies are Secure (COOKIE_SECURE): then the portal is meant to be reached over
 *   HTTPS, and browsers ignore the header on plain http anyway. No includeSubDomains: the portal
 *   cannot speak for sibling hosts of whoever deploys it.
 *
 * Styles keep 'unsafe-inline': React renders `style` attributes (charts, small layouts) and style
 * injection is not script execution. Routes may add their own stricter policy (uploaded files get
 * `default-src 'none'; sandbox`): browsers enforce both.
 */
export const NONCE_LOCAL = "cspNonce";

export function nonceOf(res: ServerResponse): string {
  return (res as ServerResponse & { locals: Record<string, unknown> }).locals[NONCE_LOCAL] as string;
}

/** 128 random bits per response, base64 as CSP expects. */
export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals[NONCE_LOCAL] = crypto.randomBytes(16).toString("base64");
  next();
};

export function securityHeaders(options: { hsts: boolean; development: boolean }): RequestHandler {
  const nonce = (_req: IncomingMessage, res: ServerResponse) => `'nonce-${nonceOf(res)}'`;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "connect-src": ["'self'", ...(options.development ? ["ws:"] : [])],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "script-src": ["'self'", nonce],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
      },
    },
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    strictTransportSecurity: options.hsts ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
    xPoweredBy: false,
  });
}
