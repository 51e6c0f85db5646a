import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { AppError } from "~/lib/errors";

/**
 * CSRF protection by signed double-submit cookie: the root loader gives every visitor a random
 * token in a signed, httpOnly cookie and in the page; every form posts it back in the hidden
 * `csrf` field and every action checks both match. SameSite=Lax on the cookies adds a second wall.
 */
function csrfCookie() {
  const c = config();
  return createCookie("__csrf", {
    httpOnly: true,
    sameSite: "lax",
    secure: c.cookieSecure,
    path: "/",
    secrets: [c.sessionSecret],
  });
}

function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Returns the visitor's token, and a Set-Cookie header when a new one had to be issued. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie?: string }> {
  const existing = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing };
  const token = newToken();
  return { token, setCookie: await csrfCookie().serialize(token) };
}

/**
 * A Set-Cookie header replacing the visitor's token, sent at sign-in and sign-out (issue 15): a
 * token planted or read before the session changed is worth nothing after it. The page the
 * redirect leads to renders the new token (root loader).
 */
export async function newCsrfTokenCookie(): Promise<string> {
  return csrfCookie().serialize(newToken());
}

/** Refused (403) when the form's token does not match the cookie's. */
export async function requireCsrf(request: Request, formData: FormData): Promise<void> {
  const cookieToken = await csrfCookie().parse(request.headers.get("Cookie"));
  const formToken = formData.get("csrf");
  const ok =
    typeof cookieToken === "string" &&
    typeof formToken === "string" &&
    cookieToken.length === formToken.length &&
    crypto.timingSafeEqual(Buffer.from(cookieToken), Buffer.from(formToken));
  if (!ok) {
    throw new AppError("forbidden", "Le formulaire a expiré ou ne vient pas de ce site (protection CSRF). Rechargez la page et recommencez.");
  }
}
