/**
 * Supplier questionnaire pages (issue 16, questionnaire row: ≤ 5 ms server CPU and ≤ 100 KB of HTML
 * per section page; the single page it replaced took 27–30 ms and weighed 286 KB).
 *
 * Seeds the demo data in a temporary data folder, starts the built portal (`npm run build` first),
 * signs in as the demo supplier and requests each questionnaire page of the demo tender (AO-2026-014)
 * many times in a row. CPU is the server process's own user + system time (/proc/<pid>/stat) over
 * those requests, divided by their number: it includes Express, the loader and the React render,
 * and counts no other process's work (wall time would); contention on shared cores still raises it
 * (caches, SMT), hence the light page printed first as the portal's floor at the same moment.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureBuilt, freePort, runSetup, startPortal, waitForPortal } from "../support/portal-process";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";

const WARMUP = 20;
const RUNS = 100;
const CPU_TARGET_MS = 5;
const HTML_TARGET_BYTES = 100 * 1024;

function cpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of stat)
  const hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return (ticks * 1000) / hz;
}

async function main() {
  ensureBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-q-bench-"));
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), SESSION_SECRET: "x".repeat(48), COOKIE_SECURE: "false", NODE_ENV: "production" };
  runSetup(env);
  // QUESTIONNAIRE_BENCH_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
  const profileDir = process.env.QUESTIONNAIRE_BENCH_PROFILE;
  const portal = startPortal(env, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []);
  try {
    await waitForPortal(portal);
    const jar = new Jar(portal.baseUrl);
    const signedIn = await jar.signIn("fournisseur@numerique-durable.example", DEMO_PASSWORD);
    if (signedIn.status !== 302) throw new Error(`connexion refusée (${signedIn.status})`);
    const home = await (await jar.fetch("/fournisseur")).text();
    const tenderId = /\/fournisseur\/consultations\/(\d+)"[^>]*>[^<]*/.exec(home)?.[1];
    if (!tenderId) throw new Error("consultation de démonstration introuvable");
    const base = `/fournisseur/consultations/${tenderId}`;
    const overview = await (await jar.fetch(base)).text();
    // Section pages, when the portal has them (links from the overview), else the single page.
    const sections = [...new Set([...overview.matchAll(new RegExp(`${base}/sections/([a-z0-9-]+)`, "g"))].map((m) => m[0]))];
    // A light page of the same portal, for scale: what every page costs before its own loader and render.
    // `/compte/sessions` is the portal's floor (session, CSRF, root loader, route manifest, gzip), printed for scale.
    const pages = [...(process.env.QUESTIONNAIRE_BENCH_EXTRA?.split(",") ?? ["/compte/sessions"]), base, ...sections.slice(0, 3), ...(overview.includes(`${base}/verification`) ? [`${base}/verification`] : [])];
    const pid = portal.child.pid!;
    let failed = false;
    console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
    // Each page twice: asked again and again as it is (after the first render, the page cache of
    // server/page-cache.ts serves copies: nothing is written meanwhile), and with a query string
    // that differs on every request (a new cache key each time: every request rendered, as after
    // any write in the portal). The target is checked on the rendered figure.
    const measure = async (url: (i: number) => string) => {
      let bytes = 0;
      for (let i = 0; i < WARMUP; i++) await (await jar.fetch(url(-1 - i))).arrayBuffer();
      const before = cpuMs(pid);
      for (let i = 0; i < RUNS; i++) {
        const res = await jar.fetch(url(i));
        if (res.status !== 200) throw new Error(`${url(i)} : HTTP ${res.status}`);
        bytes = (await res.arrayBuffer()).byteLength;
      }
      return { perRequest: (cpuMs(pid) - before) / RUNS, bytes };
    };
    for (const url of pages) {
      const copy = await measure(() => url);
      const { perRequest, bytes } = await measure((i) => `${url}?rendu=${i}`);
      const isSection = url.includes("/sections/") || (sections.length === 0 && url === base);
      const ok = !isSection || (perRequest <= CPU_TARGET_MS && bytes <= HTML_TARGET_BYTES);
      if (!ok) failed = true;
      console.log(
        `${ok ? "✓" : "✗"} ${url.replace(base, "…") || "…"}  CPU ${perRequest.toFixed(2)} ms/requête rendue, ${copy.perRequest.toFixed(2)} ms/copie  HTML ${(bytes / 1024).toFixed(1)} Ko${isSection ? `  (cible ≤ ${CPU_TARGET_MS} ms, ≤ 100 Ko)` : ""}`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    await portal.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
