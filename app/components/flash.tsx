import { useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Flash } from "~/lib/flash";

type RootData = { flash: Flash | null };

// Browser only: the history entry each flash was first shown on, so that coming back to the page
// through client-side navigation (the root loader does not run again) does not show it twice.
const shownOn = new Map<string, string>();

/** This page's one-time message for `place` (undefined: the top of the page), or null. */
export function useFlash(place?: string): string | null {
  const flash = useRouteLoaderData<RootData>("root")?.flash;
  const location = useLocation();
  if (!flash || flash.for !== place || (flash.path !== undefined && flash.path !== location.pathname)) return null;
  if (typeof document !== "undefined" && flash.id) {
    if (!shownOn.has(flash.id)) shownOn.set(flash.id, location.key);
    if (shownOn.get(flash.id) !== location.key) return null;
  }
  return flash.message;
}

/** The flash message as an information banner, announced to screen readers. */
export function FlashMessage({ for: place, children }: { for?: string; children?: ReactNode }) {
  const message = useFlash(place);
  if (!message) return null;
  return (
    <p className="alert alert--info" role="status">
      {message}
      {children ? <> {children}</> : null}
    </p>
  );
}
