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

/**
 * The top of a form page: the flash message while the page shows no outcome of its own action
 * (`actionResult` empty), then the action's form-level error, if any.
 */
export function PageMessages({ actionResult, formError }: { actionResult: unknown; formError?: string | null }) {
  const notice = useFlash();
  return (
    <>
      {notice && !actionResult ? (
        <p className="alert alert--info" role="status">
          {notice}
        </p>
      ) : null}
      {formError ? (
        <p className="alert alert--error" role="alert">
          {formError}
        </p>
      ) : null}
    </>
  );
}
