import { z } from "zod";

/**
 * In the browser, zod 4 probes `new Function("")` to decide whether it may compile fast parsers.
 * The probe's error is caught, but under the portal's CSP (no 'unsafe-eval', server/security-headers.ts)
 * the browser still reports a violation on every page with a form. `jitless` skips the probe; the
 * schemas parse the same, only without compiled fast paths. The server keeps them (CSV imports).
 * Imported first by root.tsx so that it runs before any schema is built.
 */
if (typeof document !== "undefined") z.config({ jitless: true });
