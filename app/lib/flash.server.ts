import crypto from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { config } from "~/config.server";
import { flashSchema, type Flash } from "./flash";

/**
 * Success messages after a redirect ("Brouillon enregistré.", "Invitation révoquée…") travel in a
 * signed, short-lived cookie read once by the root loader, never in the URL: a link someone sends
 * cannot make the portal display a message, and reloading the page does not show it again.
 * Pattern: Epic Stack's `toast.server.ts` (redirectWithToast / getToast).
 */
function flashCookie() {
  const c = config();
  return createCookie("__flash", {
    httpOnly: true,
    sameSite: "lax",
    secure: c.cookieSecure,
    path: "/",
    // Read on the very next page; a flash nobody read expires quickly.
    maxAge: 60,
    secrets: [c.sessionSecret],
  });
}

/** A redirect that shows `flash` on the page it leads to. */
export async function redirectWithFlash(url: string, flash: Pick<Flash, "message" | "for">, init: ResponseInit = {}): Promise<ReturnType<typeof redirect>> {
  const headers = new Headers(init.headers);
  const path = new URL(url, "http://portal").pathname;
  const value = flashSchema.parse({ ...flash, path, id: crypto.randomUUID() });
  headers.append("Set-Cookie", await flashCookie().serialize(value));
  return redirect(url, { ...init, headers });
}

/** The pending flash, if any, and the Set-Cookie header that consumes it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const raw: unknown = await flashCookie().parse(request.headers.get("Cookie"));
  if (raw === null || raw === undefined || raw === "") return { flash: null, setCookie: null };
  const parsed = flashSchema.safeParse(raw);
  return { flash: parsed.success ? parsed.data : null, setCookie: await flashCookie().serialize("", { maxAge: 0 }) };
}

export type { Flash };
