import type { RequestHandler } from "express";

/**
 * At most `max` page reads (GET/HEAD) rendered at once; the others wait their turn, in arrival
 * order, holding nothing but their request (issue 16, memory under load).
 *
 * Rendering is CPU work on one thread: past a few requests at once, more concurrency adds no
 * throughput, only memory — with 50 connections on the comparison page, 50 renders were in flight
 * together, each with its loader data, React tree and HTML chunks, and the heap peaked over 240 MB.
 * A queued request costs a few KB. Writes (form posts, uploads) are never queued: an upload that
 * takes minutes must not hold a place, and a slow upload must not keep pages waiting.
 * A place is given back when the response's headers are written (the loader and the render are
 * done; a large download to a slow client then holds no place), or the client went away (`close`);
 * a request whose client left while queued is dropped from the queue.
 */
export function limitPageConcurrency(max: number): RequestHandler & { stats(): { active: number; queued: number } } {
  let active = 0;
  const queue: Array<(reserved?: boolean) => void> = [];
  // A waiting request starts on its own turn of the event loop, not inside the call (writeHead,
  // close) that gave the place back.
  const next = () => {
    while (active < max && queue.length > 0) {
      const start = queue.shift()!;
      active++; // reserved now, so that no newcomer takes the place meanwhile
      setImmediate(start, true);
    }
  };
  const handler: RequestHandler = (req, res, proceed) => {
    if (req.method !== "GET" && req.method !== "HEAD") return proceed();
    let started = false;
    let done = false;
    const start = (reserved = false) => {
      if (!reserved) active++;
      if (done) {
        // The client left between being dequeued and starting: give the place back.
        active--;
        next();
        return;
      }
      started = true;
      proceed();
    };
    const finished = () => {
      if (done) return;
      done = true;
      if (started) {
        active--;
        next();
      } else {
        const at = queue.indexOf(start);
        if (at >= 0) queue.splice(at, 1);
      }
    };
    res.once("finish", finished);
    res.once("close", finished);
    // The loader and the render are done when the headers go out; what follows is sending, which
    // a slow client (a large download) may stretch as long as it likes without holding a place.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      finished();
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    if (active < max) start();
    else queue.push(start);
  };
  return Object.assign(handler, { stats: () => ({ active, queued: queue.length }) });
}
