/**
 * HTTP benchmark of the built portal (issue 16): `npx tsx test/bench/http.bench.ts` (also run by
 * `npm run bench`; needs `npm run build`).
 *
 * 1. A temporary data folder: migrations and demo data (`npm run setup`), then 48 more supplier
 *    organisations on the demo's published tender, so that 50 suppliers have submitted 47 answers,
 *    every answer is evaluated and every offer has a price and a technical score.
 * 2. Starts the built portal as `npm run serve` does (build/server/portal.js, same V8 flag) and
 *    signs in a buyer and a supplier over HTTP.
 * 3. For the comparison page (buyer) and the questionnaire page (supplier), with autocannon:
 *    a warm-up, then SATURATION (BENCH_CONNECTIONS connections, default 10, as fast as the server
 *    answers) and a FIXED RATE of 50 requests per second over 50 connections. Prints req/s,
 *    latency p50/p95/p99 (exact, from every response), errors (non-2xx, timeouts), the server's
 *    CPU time per request (/proc/<pid>/stat) and its RSS before, at peak and 5 s after.
 *
 * BENCH_PAGES=comparaison (or questionnaire) runs one page only.
 * BENCH_PROFILE=<folder> writes the server's V8 CPU profile there (open it in Chrome DevTools).
 * Durations: BENCH_SECONDS (default 10) per run; BENCH_PASSES (default 1) repeats each run and
 * prints min/median. Figures depend on the machine's load: the load average is printed with them.
 * Exits 1 on any error response or when a page does not render (the figures are reported against
 * the targets, not enforced: the machine is shared).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Jar, DEMO_PASSWORD } from "../support/http-jar";
import { seedFiftySuppliers, SUPPLIERS } from "./seed-evaluated-tender";
import { freePort, runSetup, startPortal, waitForPortal, ROOT, type Portal } from "../support/portal-process";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSES = Number(process.env.BENCH_PASSES ?? 1);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
  console.error("http bench: no build (run npm run build first)");
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-http-bench-"));
const port = await freePort();
const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), SESSION_SECRET: "bench-secret-0123456789abcdefghijklmnopqrs", LOGIN_MAX_FAILURES: "50" };
delete env.DATABASE_PATH;
runSetup(env);
const tenderId = await seedFiftySuppliers(path.join(dataDir, "nr-procure.sqlite"));

// BENCH_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops (--cpu-prof).
const profileDir = process.env.BENCH_PROFILE;
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
let failed = false;

// Each page is measured twice: as served (the page cache of server/page-cache.ts answers repeated
// identical GETs while the database is unchanged), and with the cache off (PAGE_CACHE_TTL_MS=0),
// which is what every request costs once anything is written. BENCH_PAGE_CACHE=on|off: one only.
const setups = [
  { label: "cache de pages actif (défaut)", on: true, env: {} },
  { label: "cache de pages coupé (PAGE_CACHE_TTL_MS=0 : chaque requête rendue)", on: false, env: { PAGE_CACHE_TTL_MS: "0" } },
].filter((s) => !process.env.BENCH_PAGE_CACHE || (process.env.BENCH_PAGE_CACHE === "on") === s.on);
console.log(`http bench: ${SUPPLIERS} suppliers × 47 questions, tender ${tenderId}; ${SECONDS} s per run, ${PASSES} pass(es); ${os.availableParallelism()} CPUs; node ${process.version}`);
for (const setup of setups) {
  console.log(`\n■ ${setup.label}`);
  const portal = startPortal({ ...env, ...setup.env, PORT: String(port) }, profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : []);
  try {
    await benchPages(portal);
  } finally {
    await portal.stop();
  }
}
fs.rmSync(dataDir, { recursive: true, force: true });

async function benchPages(portal: Portal): Promise<void> {
  await waitForPortal(portal);
  const pid = portal.child.pid!;
  const buyer = new Jar(portal.baseUrl);
  const supplier = new Jar(portal.baseUrl);
  for (const [jar, email] of [
    [buyer, "acheteur@metropole.example"],
    [supplier, "fournisseur@numerique-durable.example"],
  ] as const) {
    const res = await jar.signIn(email, DEMO_PASSWORD);
    if (res.status !== 302) throw new Error(`connexion de ${email} refusée (${res.status})`);
  }
  const pages = [
    { label: "comparaison (acheteur, 50 fournisseurs)", path: `/acheteur/appels-d-offres/${tenderId}/comparaison`, jar: buyer, mustContain: ["<svg", 'data-testid="ranking"'] },
    // The questionnaire is one page per criterion (issue 10 §5): its largest section (Gouvernance, 6 of the 47 questions).
    {
      label: "questionnaire, section (fournisseur, 6 questions sur 47)",
      path: `/fournisseur/consultations/${tenderId}/sections/gouvernance`,
      jar: supplier,
      mustContain: ['id="questionnaire"', "GOUV-06"],
    },
  ];
  console.log(`  server RSS at start: ${mb(rss(pid))} MB; load average ${load()}`);
  for (const page of pages.filter((p) => !process.env.BENCH_PAGES || process.env.BENCH_PAGES.split(",").some((w) => p.label.includes(w)))) {
    const first = await page.jar.fetch(page.path);
    const html = await first.text();
    if (first.status !== 200 || page.mustContain.some((s) => !html.includes(s))) {
      console.error(`  ${page.label}: la page ne s'affiche pas (${first.status})`);
      failed = true;
      continue;
    }
    console.log(`\n▶ ${page.label}: ${page.path} — HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB`);
    await run({ pid, url: `${portal.baseUrl}${page.path}`, cookie: page.jar.header(), connections: CONNECTIONS, seconds: 2 }); // warm-up (JIT, caches)
    const served = await page.jar.fetch(page.path);
    await served.arrayBuffer();
    console.log(`  après l'échauffement : ${served.headers.get("x-page-cache") === "hit" ? "copie servie (X-Page-Cache: hit)" : "page rendue"}`);
    for (const mode of ["saturation", "fixed"] as const) {
      const results: RunResult[] = [];
      const rssBefore = rss(pid);
      for (let i = 0; i < PASSES; i++) {
        results.push(await run({ pid, url: `${portal.baseUrl}${page.path}`, cookie: page.jar.header(), connections: mode === "saturation" ? CONNECTIONS : 50, rate: mode === "fixed" ? 50 : undefined, seconds: SECONDS }));
      }
      await new Promise((r) => setTimeout(r, 5_000));
      const rssIdle = rss(pid);
      const errors = results.reduce((n, r) => n + r.errors, 0);
      if (errors > 0) failed = true;
      const label = mode === "saturation" ? `saturation, ${CONNECTIONS} connexions` : "50 req/s offertes, 50 connexions";
      console.log(
        `  ${label}: ${stat(results, (r) => r.rps, 0)} req/s; p50 ${stat(results, (r) => r.p50)} ms, p95 ${stat(results, (r) => r.p95)} ms, p99 ${stat(results, (r) => r.p99)} ms; ` +
          `CPU ${stat(results, (r) => r.cpuMsPerRequest, 2)} ms/req; ${results.reduce((n, r) => n + r.requests, 0)} requests, ${errors} errors`,
      );
      console.log(`    server RSS ${mb(rssBefore)} MB before → peak ${Math.max(...results.map((r) => mb(r.peakRss)))} MB → ${mb(rssIdle)} MB 5 s after; load average ${load()}`);
    }
  }
}

process.exit(failed ? 1 : 0);

type RunResult = { requests: number; errors: number; rps: number; p50: number; p95: number; p99: number; cpuMsPerRequest: number; peakRss: number };

/** min/median of a figure over the passes ("x" with one pass). */
function stat(results: RunResult[], pick: (r: RunResult) => number, digits = 1): string {
  const values = results.map(pick).sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)]!;
  return values.length === 1 ? median.toFixed(digits) : `${values[0]!.toFixed(digits)}/${median.toFixed(digits)}`;
}

function rss(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** utime + stime of a process, in ms (clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function run({ pid, url, cookie, connections, rate, seconds }: { pid: number; url: string; cookie: string; connections: number; rate?: number; seconds: number }): Promise<RunResult> {
  const latencies: number[] = [];
  let peakRss = rss(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rss(pid))), 100);
  const cpuBefore = cpuMs(pid);
  const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers: { cookie }, ...(rate ? { overallRate: rate } : {}) });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  clearInterval(sampler);
  const cpu = cpuMs(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    requests: result.requests.total,
    errors,
    rps: result.requests.total / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    cpuMsPerRequest: cpu / Math.max(1, result.requests.total),
    peakRss,
  };
}

