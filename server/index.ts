/**
 * The portal's server: `npm run serve` (production, what `npm start` runs after building) and
 * `npm run dev` (NODE_ENV=development: Vite in middleware mode, hot reload). Development runs
 * `node --import tsx server/index.ts` (tsx compiles this folder on the fly); production runs the
 * same code compiled by the build, `node build/server/portal.js` (vite.config.ts, issue 16: no
 * TypeScript loader thread in production). The Remix app itself is the Vite build in build/server
 * (production) or compiled by Vite (development).
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";

// Like remix-serve: production unless told otherwise. Set before any module reads it.
process.env.NODE_ENV ??= "production";

// Memory under load (issue 16, docs/decisions/016-fast-under-load.md): V8 lets the old generation
// grow to up to ~2× what survived the last full collection before collecting again; at 1.5× the
// comparison page under 50 connections peaks at ~220 MB RSS instead of ~285 MB, for no CPU cost
// measurable on this machine (1.2× cost ~10 % CPU). Set here: NODE_OPTIONS refuses this flag.
if (process.env.NODE_ENV === "production") v8.setFlagsFromString("--heap-growing-percent=50");

// Route matching is remembered (issue 16): before the Remix build loads @remix-run/router's users.
const { installRouteMatchCache } = await import("./route-match-cache");
installRouteMatchCache();

const { loadConfig } = await import("../app/config.server");
const { closeDb, initDatabase } = await import("../app/lib/db.server");
const { createPortalApp } = await import("./app");
const { writeStamp } = await import("../app/lib/write-stamp.server");
const { installGracefulShutdown } = await import("./shutdown");
const { startMailWorker } = await import("../app/mail/worker.server");

// This file runs as server/index.ts (tsx, development) or compiled as build/server/portal.js
// (`npm run serve`, see vite.config.ts): the project folder is the first one up with a package.json.
let root = path.resolve(import.meta.dirname, "..");
while (!fs.existsSync(path.join(root, "package.json")) && path.dirname(root) !== root) root = path.dirname(root);
const config = loadConfig();
// PostgreSQL: open the pool and apply migrations before serving (SQLite opens on first use).
await initDatabase();
const development = process.env.NODE_ENV === "development";

const vite = development
  ? await import("vite").then((v) => v.createServer({ root, server: { middlewareMode: true } }))
  : undefined;

// Production: load the build once, now, so that a missing or broken build stops the start.
const build = development ? undefined : ((await import(pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild);
const app = createPortalApp({
  config,
  mode: development ? "development" : "production",
  vite,
  clientDir: path.join(root, "build/client"),
  build,
  pageCache: config.pageCacheTtlMs > 0 ? { stamp: writeStamp, ttlMs: config.pageCacheTtlMs } : undefined,
});

const server = config.host ? app.listen(config.port, config.host, onListening) : app.listen(config.port, onListening);
function onListening() {
  const shown = config.host && config.host !== "0.0.0.0" && config.host !== "::" ? config.host : "localhost";
  console.log(`NR Procure à l'écoute sur http://${shown}:${config.port} (${development ? "développement" : "production"})`);
}
// Deadline reminders and e-mail delivery (docs/decisions/015-email-delivery-and-answer-library.md): in this process,
// on an interval; safe with several processes on the same database.
const mailWorker = startMailWorker({ config });

server.on("error", (error) => {
  console.error(`Impossible d'écouter sur le port ${config.port} :`, error.message);
  process.exit(1);
});

installGracefulShutdown(server, {
  graceMs: config.shutdownGraceMs,
  onClosed: async () => {
    await mailWorker.stop();
    await vite?.close();
    await closeDb();
  },
});
