/**
 * What the Express server (server/app.ts) gives every loader and action as `context`, besides the
 * request. Declared here, in app/, because app/ is what reads it; the server imports the type.
 * Optional because loaders called directly (integration tests) or under a bare `remix vite:dev`
 * get no context: code reading these must cope with their absence.
 */
export interface PortalLoadContext {
  /** Per-request CSP nonce: every inline script the page renders must carry it (entry.server.tsx). */
  cspNonce?: string;
  /** Also sent as the `X-Request-Id` response header and written in the request log. */
  requestId?: string;
  /**
   * The client's address as Express sees it under TRUST_PROXY (app/config.server.ts): the socket
   * address, or the one a trusted reverse proxy forwarded. For per-client rate limiting.
   */
  clientAddress?: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
