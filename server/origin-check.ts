import type { Request, RequestHandler } from "express";
import { errorPageHtml } from "./error-page";

/**
 * A form posted from another site is refused with a French 403 page, before Remix sees it.
 *
 * Why here: Remix's server runtime (@remix-run/server-runtime, `throwIfPotentialCSRFAttack` in
 * dist/actions.js) compares the `Origin` of every action request with `X-Forwarded-Host`, else
 * `Host`, and *throws a plain Error* on a mismatch — which Remix turns into a 500 with "Une erreur
 * inattendue est survenue" (issue 15: "foreign Origin → 500"). Nothing is written either way, but
 * the visitor deserves to know why. This check applies the same rule first, so that any request
 * reaching Remix passes Remix's own check, and answers 403. The signed double-submit token
 * (`requireCsrf`, app/auth/csrf.server.ts) stays the main CSRF defence; this is the second wall.
 *
 * `Origin: null` (sandboxed frames, some privacy settings) and unreadable values are refused too:
 * Remix would refuse them the same way. Requests without an Origin (old browsers, curl) go on to
 * Remix and the CSRF token check.
 */
const SAFE_METHODS = new Set(["GET", "HEAD"]);

/** The host Remix compares the Origin with: first X-Forwarded-Host value, else Host. */
function requestHost(req: Request): string | undefined {
  const forwarded = req.get("X-Forwarded-Host")?.split(",")[0]?.trim();
  return forwarded || req.get("Host") || undefined;
}

export function isForeignOrigin(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.get("Origin");
  if (origin === undefined || origin === "") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" and anything unparsable
  }
  const host = requestHost(req);
  return !host || originHost !== host;
}

export const FOREIGN_ORIGIN_MESSAGE =
  "Ce formulaire a été envoyé depuis un autre site que NR Procure. Pour votre sécurité, il a été refusé et rien n'a été enregistré.";

export const refuseForeignOrigin: RequestHandler = (req, res, next) => {
  if (!isForeignOrigin(req)) return next();
  res
    .status(403)
    .type("html")
    .set("Cache-Control", "no-store")
    .send(
      errorPageHtml({
        title: "Accès refusé",
        paragraphs: [FOREIGN_ORIGIN_MESSAGE, "Si vous utilisiez bien le portail, rechargez sa page et recommencez."],
        requestId: res.locals.requestId as string | undefined,
      }),
    );
};
