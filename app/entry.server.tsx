/**
 * Remix's default Node entry (@remix-run/dev defaults/entry.server.node.tsx), plus the CSP nonce:
 * the Express server (server/security-headers.ts) puts a fresh nonce in the load context and in
 * the Content-Security-Policy header; every inline script React and Remix write into the stream
 * (hydration data, single-fetch chunks, Suspense boundaries) must carry it, hence `nonce` on
 * `<RemixServer>` and `renderToPipeableStream`, and the context read by `<Scripts>` in root.tsx.
 */
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and SPA mode get the whole document at once; browsers get the shell as soon as it is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;
  // Under `vite dev` without the Express server there is no context: no nonce, and no CSP header either.
  const nonce = typeof loadContext?.cspNonce === "string" ? loadContext.cspNonce : undefined;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // The abort timer holds the whole render (loader data included) in its closure: it must be
    // cleared as soon as rendering is over, or every request keeps its page in memory for
    // ABORT_DELAY ms (issue 16: 740 MB peak under load). `onAllReady` fires after the last
    // Suspense boundary, in streaming mode too; errors clear it as well.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const done = () => {
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce ?? ""}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        ...(waitForAll
          ? {
              onAllReady() {
                done();
                ready();
              },
            }
          : { onShellReady: ready, onAllReady: done }),
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
