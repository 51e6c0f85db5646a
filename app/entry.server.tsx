/**
 * Remix's default Node entry (@remix-run/dev defaults/entry.server.node.tsx), plus the CSP nonce:
 * the Express server (server/security-headers.ts) puts a fresh nonce in the load context and in
 * the Content-Security-Policy header; every inline script React and Remix write into the stream
 * (hydration data, single-fetch chunks, Suspense boundaries) must carry it, hence `nonce` on
 * `<RemixServer>` and `renderToPipeableStream`, and the context read by `<Scripts>` in root.tsx.
 *
 * One difference from the default (issue 16, per-request floor): the document is rendered whole
 * (`onAllReady`) into memory and sent as ONE buffer with its Content-Length, instead of being piped
 * chunk by chunk (React writes 2 KB chunks: ~55 for the comparison page, each through a
 * PassThrough, a web ReadableStream, the Express response and a socket write). No route defers data
 * (no `defer`/`<Await>`): the only Suspense boundary is Remix's single-fetch data script, resolved
 * in the same turn as the page, so streaming gained no time to first byte, only CPU per chunk.
 */
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { FragmentRendererContext } from "~/components/cached-content";
import { NonceProvider } from "~/components/nonce";
import { renderCachedFragment } from "~/lib/html-fragments.server";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Under `vite dev` without the Express server there is no context: no nonce, and no CSP header either.
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : undefined;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // The abort timer holds the whole render (loader data included) in its closure: it must be
    // cleared as soon as rendering is over, or every request keeps its page in memory for
    // ABORT_DELAY ms (issue 16: 740 MB peak under load). Errors clear it as well.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const done = () => {
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const chunks: Buffer[] = [];
    let length = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        length += chunk.length;
        callback();
      },
      final(callback) {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
        responseHeaders.set("Content-Type", "text/html");
        responseHeaders.set("Content-Length", String(body.length));
        resolve(new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <FragmentRendererContext.Provider value={renderCachedFragment}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </FragmentRendererContext.Provider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          done();
          // Everything is rendered: React writes it all into `sink` now and ends it.
          pipe(sink);
        },
        onShellError(error: unknown) {
          done();
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors of the initial shell reject and are logged by Remix; log only later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!finished) {
      timer = setTimeout(() => {
        timer = undefined;
        abort();
      }, ABORT_DELAY);
    }
  });
}
