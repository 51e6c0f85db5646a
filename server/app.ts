import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { ViteDevServer } from "vite";
import { requestContext } from "#db/transaction";
import type { Config } from "../app/config.server";
import type {} from "../app/load-context"; // the AppLoadContext fields
import { errorPageHtml } from "./error-page";
import { collectWhenIdle } from "./idle-gc";
import { pageCache, type PageCacheOptions } from "./page-cache";
import { limitPageConcurrency } from "./page-concurrency";
import { refuseForeignOrigin } from "./origin-check";
import { requestId, requestLog } from "./request-log";
import { cspNonce, nonceOf, securityHeaders } from "./security-headers";

/**
 * The portal's Express application: the usual production set-up for Remix 2 (Remix's Express
 * template and the Epic Stack's server/index.ts), see docs/decisions/011-express-server.md.
 * Order matters: request id and log first (every response is logged), then the security headers
 * (every response carries them, static files included), compression, static files, the
 * foreign-Origin refusal, and Remix.
 */
export interface PortalAppOptions {
  config: Pick<Config, "trustProxy" | "cookieSecure">;
  mode: "production" | "development";
  /** Production: the built client (build/client) and the server build (build/server/index.js). */
  clientDir?: string;
  build?: ServerBuild | (() => Promise<ServerBuild>);
  /** Development: Vite in middleware mode serves the client and compiles the server build. */
  vite?: ViteDevServer;
  logStream?: { write(line: string): void };
  /** Page reads rendered at once (server/page-concurrency.ts); the others wait in arrival order. */
  maxConcurrentPages?: number;
  /**
   * Production: identical GETs of the same visitor served again while the database has not
   * changed (server/page-cache.ts). Unset: every page is rendered.
   */
  pageCache?: Omit<PageCacheOptions, "nonceOf">;
}

export function createPortalApp(options: PortalAppOptions): express.Express {
  const { config, mode, vite } = options;
  const app = express();
  app.disable("x-powered-by");
  // Which proxies may set X-Forwarded-*: req.ip, req.protocol and req.hostname follow it.
  app.set("trust proxy", config.trustProxy);

  app.use(requestId({ trustIncoming: config.trustProxy !== false }));
  app.use(requestLog(options.logStream));
  app.use(cspNonce);
  app.use(securityHeaders({ hsts: config.cookieSecure, development: mode === "development" }));
  app.use(compression());

  if (vite) {
    app.use(vite.middlewares);
  } else {
    const clientDir = options.clientDir ?? path.resolve("build/client");
    // Vite puts a content hash in every file name under /assets: cache them for a year.
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false, redirect: false }));
    // Anything else in build/client (favicon.ico, from public/) may change between releases. Only
    // file-like paths (a dot in the last segment) are looked for there: a page request costs no stat().
    const publicFiles = express.static(clientDir, { maxAge: "1h", index: false, redirect: false });
    app.use(((req, res, next) => (/\.[^/]*$/.test(req.path) ? publicFiles(req, res, next) : next())) satisfies RequestHandler);
    // A missing hashed asset is an old page asking for a file of a previous build: a short 404, not a portal page.
    app.use("/assets", ((_req, res) => {
      res.status(404).type("text/plain").send("Fichier introuvable.");
    }) satisfies RequestHandler);
  }

  app.use(refuseForeignOrigin);
  if (mode === "production") {
    // Memory under load stays bounded and returns when idle (issue 16, docs/decisions/016-fast-under-load.md).
    app.use(collectWhenIdle());
    // Before the concurrency limit: a copy costs no render, it never waits for a place.
    if (options.pageCache) app.use(pageCache({ ...options.pageCache, nonceOf }));
    app.use(limitPageConcurrency(options.maxConcurrentPages ?? 4));
  }

  const build = vite
    ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
    : options.build;
  if (!build) throw new Error("createPortalApp: build manquant");
  const remix = createRequestHandler({
    build,
    mode,
    getLoadContext: (req, res): AppLoadContext => ({
      cspNonce: nonceOf(res),
      requestId: String(res.locals.requestId),
      clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
    }),
  });
  // Each request runs in its own async context: the SQLite transaction guard (db/transaction.ts)
  // tells a query of the request that opened a transaction from another request's.
  app.all("*", (req, res, next) => {
    requestContext.run({ id: res.locals.requestId }, () => {
      remix(req, res, next).catch(next);
    });
  });

  // Errors that escape Remix (it handles its own): logged with the request id, a French page, no stack trace.
  app.use(((error, req, res, next) => {
    console.error(`[${String(res.locals.requestId)}] ${req.method} ${req.path}:`, error);
    if (res.headersSent) return next(error);
    res
      .status(500)
      .type("html")
      .send(
        errorPageHtml({
          title: "Une erreur inattendue est survenue",
          paragraphs: ["Rien de ce que vous avez enregistré n'est perdu. Réessayez dans un instant ; si le problème persiste, contactez l'administrateur en donnant la référence ci-dessous."],
          requestId: String(res.locals.requestId),
        }),
      );
  }) satisfies ErrorRequestHandler);

  return app;
}
