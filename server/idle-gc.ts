import v8 from "node:v8";
import vm from "node:vm";
import type { RequestHandler } from "express";

/**
 * Gives memory back once the portal goes quiet (issue 16: "back to baseline when idle").
 *
 * Under load V8 grows its heap (young generation up to twice `--max-semi-space-size`, old
 * generation with whatever was in flight) and keeps it: without allocation there is no garbage
 * collection, so an idle server sat on ~150 MB of freed heap for as long as it stayed idle. When
 * requests stop for `quietMs` after some activity, one full collection runs (a few tens of ms, with
 * nothing else to do) and V8 returns the freed pages to the system. Never during traffic; at most
 * once per quiet period.
 */
export function collectWhenIdle({ quietMs = 3_000 }: { quietMs?: number } = {}): RequestHandler {
  const gc = fullGc();
  let lastRequest = 0;
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    timer = undefined;
    const quietFor = Date.now() - lastRequest;
    if (quietFor < quietMs) {
      timer = setTimeout(check, quietMs - quietFor).unref();
      return;
    }
    if (dirty) {
      dirty = false;
      gc?.();
    }
  };
  return (_req, _res, next) => {
    lastRequest = Date.now();
    dirty = true;
    timer ??= setTimeout(check, quietMs).unref();
    next();
  };
}

/** `global.gc` when node runs with --expose-gc, else the same function obtained at run time. */
function fullGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === "function") return existing;
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
