/**
 * Scale-out load figures (issue 19 §5): `npm run bench -- scale-out` (needs `npm run build`).
 *
 * The same 50-supplier evaluated tender (seed-evaluated-tender.ts, plus one user per supplier) on
 *   1. SQLite, one app server (the default set-up);
 *   2. PostgreSQL (a throwaway cluster, test/support/postgres-cluster.ts), one app server;
 *   3. the same PostgreSQL database, two app servers, connections spread round-robin over both
 *      (one autocannon instance, its connections alternating between the two ports — what a reverse
 *      proxy with keep-alive connections does; no proxy process in the measurement).
 * Against each, with autocannon, 50 connections as fast as the servers answer (BENCH_SECONDS, default 10,
 * after a 2 s warm-up):
 *   - the buyer's comparison page of the tender (GET, the heaviest page);
 *   - autosave: each connection is a different supplier (50 suppliers, submissions withdrawn first)
 *     posting the questionnaire's autosave request with its own current version, one save at a time.
 * Prints req/s, latency p50/p95/p99 (every response), errors (non-2xx, timeouts, connection errors) and
 * the load average. Figures depend on the machine: app servers, PostgreSQL and autocannon share its
 * cores. Skips itself (exit 0, message) only when PostgreSQL's server binaries are missing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { DEMO_PASSWORD, Jar } from "../support/http-jar";
import { createDatabase, findPostgresBin, startPostgresCluster, type PostgresCluster } from "../support/postgres-cluster";
import { runSetupOnPostgres } from "../support/postgres-portal";
import { freePort, ROOT, runSetup, startPortal, waitForPortal, type Env, type Portal } from "../support/portal-process";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const SECRET = "bench-secret-0123456789abcdefghijklmnopqrs";

try {
  findPostgresBin();
} catch (error) {
  console.log(`scale-out bench: ignoré — ${(error as Error).message}`);
  process.exit(0);
}
if (!fs.existsSync(path.join(ROOT, "build/server/index.js"))) {
  console.error("scale-out bench: no build (run npm run build first)");
  process.exit(1);
}

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
const dirs: string[] = [];
const tempDir = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nr-scale-bench-${name}-`));
  dirs.push(dir);
  return dir;
};
const portals: Portal[] = [];
let cluster: PostgresCluster | undefined;
let failed = false;

function baseEnv(extra: Env): Env {
  const env: Env = { ...process.env, NODE_ENV: "production", SESSION_SECRET: SECRET, LOGIN_MAX_FAILURES: "50", LOGIN_MAX_FAILURES_PER_CLIENT: "200", ...extra };
  if (!extra.DATABASE_PATH) delete env.DATABASE_PATH;
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** seed-scale-out.ts in its own process (the engine is chosen when db/schema loads). */
function seed(env: Env): { tenderId: number; suppliers: string[] } {
  const run = spawnSync(process.execPath, ["--import", "tsx", "test/bench/seed-scale-out.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`échec du peuplement : ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").pop()!) as { tenderId: number; suppliers: string[] };
}

async function start(env: Env): Promise<Portal> {
  const portal = startPortal({ ...env, PORT: String(await freePort()) });
  portals.push(portal);
  await waitForPortal(portal, undefined, 60_000);
  return portal;
}

/**
 * Signs in over HTTP. A 429 is retried after a second: parallel sign-ins from one client address can be
 * refused on PostgreSQL (throttle.server.ts compares the row's next_at with a `now` taken before a
 * serialization retry; reported at merge), and that is not what this bench measures.
 */
async function signIn(baseUrl: string, email: string): Promise<Jar> {
  for (let attempt = 1; ; attempt++) {
    const jar = new Jar(baseUrl);
    const res = await jar.signIn(email, DEMO_PASSWORD);
    if (res.status === 302) return jar;
    if (res.status !== 429 || attempt === 5) throw new Error(`connexion de ${email} refusée (${res.status})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** In groups of `width` (sign-ins hash with argon2: not 50 at once on a small machine). */
async function inGroups<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  return out;
}

type Writer = { jar: Jar; tenderId: number; cookie: string; csrf: string; version: number; n: number; questions: string[] };

/** Signs the 50 suppliers in, withdraws their submissions (to edit drafts), reads version and question ids. */
async function prepareWriters(baseUrl: string, tenderId: number, suppliers: string[]): Promise<Writer[]> {
  return inGroups(suppliers, 4, async (email) => {
    const jar = await signIn(baseUrl, email);
    const csrf = await jar.csrf(`/fournisseur/consultations/${tenderId}`);
    const withdrawn = await jar.post(`/fournisseur/consultations/${tenderId}?index`, { intent: "withdraw" }, csrf);
    if (withdrawn.status !== 302) throw new Error(`retrait du dépôt de ${email} : HTTP ${withdrawn.status}`);
    const html = await (await jar.fetch(`/fournisseur/consultations/${tenderId}/sections/gouvernance`)).text();
    const version = Number(/name="version" value="(\d+)"/.exec(html)?.[1] ?? Number.NaN);
    const questions = [...new Set([...html.matchAll(/name="answers\.(GOUV-\d+)\.text"/g)].map((m) => m[1]!))];
    if (!Number.isInteger(version) || questions.length === 0) throw new Error(`questionnaire de ${email} illisible`);
    return { jar, tenderId, cookie: jar.header(), csrf, version, n: 0, questions };
  });
}

type Figures = { label: string; requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; statuses: string; load: string };
const table: Figures[] = [];

type Options = Parameters<typeof autocannon>[0] & { connections: number };

/**
 * Runs autocannon instances side by side for `seconds` (one per server for a page, one per supplier
 * for autosave: each instance has its own request objects, which autocannon shares between the
 * connections of one instance) and merges their figures: every response's latency, totals, statuses.
 */
async function measure(label: string, instances: Options[], seconds = SECONDS): Promise<Figures> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const results = await Promise.all(
    instances.map((options) => {
      const instance = autocannon({ ...options, duration: seconds, timeout: 20 });
      instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
      return instance;
    }),
  );
  latencies.sort((x, y) => x - y);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN);
  const requests = results.reduce((n, r) => n + r.requests.total, 0);
  const errors = results.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
  return {
    label,
    requests,
    rps: requests / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors,
    statuses: [...statuses].sort(([x], [y]) => x - y).map(([st, n]) => `${st}×${n}`).join(" "),
    load: load(),
  };
}

function report(f: Figures) {
  table.push(f);
  if (f.errors > 0) failed = true;
  console.log(`  ${f.label}: ${f.rps.toFixed(1)} req/s; p50 ${f.p50} ms, p95 ${f.p95} ms, p99 ${f.p99} ms; ${f.requests} requests (HTTP ${f.statuses || "—"}), ${f.errors} errors; load average ${f.load}`);
  if (/\b5\d\d×/.test(f.statuses)) {
    // What the servers logged for their 5xx answers, counted by first line (the cause, not the figures).
    const causes = new Map<string, number>();
    for (const portal of portals) {
      for (const line of portal.log().slice(logOffsets.get(portal) ?? 0).split("\n")) {
        if (/error|erreur|serializ|deadlock|timeout/i.test(line) && !/^\S+ \S+ (GET|POST) /.test(line)) causes.set(line.slice(0, 200), (causes.get(line.slice(0, 200)) ?? 0) + 1);
      }
    }
    for (const [line, n] of [...causes].sort((x, y) => y[1] - x[1]).slice(0, 5)) console.log(`    server log ×${n}: ${line}`);
  }
  for (const portal of portals) logOffsets.set(portal, portal.log().length);
}
const logOffsets = new Map<Portal, number>();

/** GET the comparison page: one autocannon instance per server, the 50 connections split between them. */
async function comparison(label: string, servers: Portal[], tenderId: number, buyerCookie: string) {
  const instances = servers.map(
    (server, i): Options => ({
      url: `${server.baseUrl}/acheteur/appels-d-offres/${tenderId}/comparaison`,
      connections: Math.floor(CONNECTIONS / servers.length) + (i < CONNECTIONS % servers.length ? 1 : 0),
      headers: { cookie: buyerCookie },
    }),
  );
  await measure("warm-up", instances, 2);
  report(await measure(label, instances));
}

/**
 * Autosave: one autocannon instance (one connection) per supplier, on server i mod n; each request
 * carries that supplier's current version and a new text for the next question of the Gouvernance
 * section, one save at a time as the page does; a 200 moves the version on.
 */
async function autosave(label: string, servers: Portal[], tenderId: number, writers: Writer[]) {
  const instances = writers.map((w, i): Options => {
    const server = servers[i % servers.length]!;
    return {
      url: `${server.baseUrl}/fournisseur/consultations/${tenderId}.data?index`,
      connections: 1,
      requests: [
        {
          method: "POST",
          setupRequest: (req: Record<string, unknown> & { headers: Record<string, string> }) => {
            const q = w.questions[w.n % w.questions.length]!;
            w.n++;
            const body = new URLSearchParams({ csrf: w.csrf, version: String(w.version), [`answers.${q}.level`]: "3", [`answers.${q}.text`]: `Sauvegarde de charge n°${w.n}` }).toString();
            return { ...req, headers: { ...req.headers, cookie: w.cookie, origin: server.baseUrl, "content-type": "application/x-www-form-urlencoded" }, body };
          },
          onResponse: (status: number) => {
            if (status === 200) w.version++;
          },
        },
      ],
    } as unknown as Options;
  });
  await resync(writers);
  await measure("warm-up", instances, 2);
  // A save in flight when autocannon stops is still committed: read the versions again.
  await resync(writers);
  report(await measure(label, instances));
  await resync(writers);
}

/** Each supplier's current version, as its page shows it (after a run, saves cut off at the end may have committed). */
async function resync(writers: Writer[]) {
  await new Promise((r) => setTimeout(r, 1000));
  await inGroups(writers, 10, async (w) => {
    const html = await (await w.jar.fetch(`/fournisseur/consultations/${w.tenderId}/sections/gouvernance`)).text();
    const version = Number(/name="version" value="(\d+)"/.exec(html)?.[1] ?? Number.NaN);
    if (!Number.isInteger(version)) throw new Error("version illisible");
    w.version = version;
  });
}

try {
  console.log(`scale-out bench: ${CONNECTIONS} connections, ${SECONDS} s per run; ${os.availableParallelism()} CPUs; node ${process.version}; load average ${load()}`);

  // 1. SQLite, one server.
  {
    const dataDir = tempDir("sqlite");
    const env = baseEnv({ DATA_DIR: dataDir });
    runSetup(env);
    const { tenderId, suppliers } = seed({ ...env, DATABASE_PATH: path.join(dataDir, "nr-procure.sqlite") });
    const server = await start(env);
    const buyer = await signIn(server.baseUrl, "acheteur@metropole.example");
    console.log(`\n▶ SQLite, 1 serveur (appel d'offres ${tenderId}, ${suppliers.length} fournisseurs)`);
    await comparison("comparaison, SQLite, 1 serveur", [server], tenderId, buyer.header());
    const writers = await prepareWriters(server.baseUrl, tenderId, suppliers);
    await autosave("sauvegarde automatique, SQLite, 1 serveur", [server], tenderId, writers);
    await server.stop();
  }

  // 2–3. PostgreSQL, one then two servers on the same database.
  {
    cluster = await startPostgresCluster();
    const databaseUrl = await createDatabase(cluster.adminUrl, "scale_bench");
    const env = (dir: string) => baseEnv({ DATA_DIR: dir, DATABASE_URL: databaseUrl });
    runSetupOnPostgres(env(tempDir("pg-setup")));
    const { tenderId, suppliers } = seed(env(tempDir("pg-seed")));
    const [a, b] = await Promise.all([start(env(tempDir("pg-a"))), start(env(tempDir("pg-b")))]);
    const buyer = await signIn(a!.baseUrl, "acheteur@metropole.example");
    console.log(`\n▶ PostgreSQL (appel d'offres ${tenderId}, ${suppliers.length} fournisseurs; DATABASE_POOL_SIZE ${process.env.DATABASE_POOL_SIZE ?? 10} par serveur)`);
    await comparison("comparaison, PostgreSQL, 1 serveur", [a!], tenderId, buyer.header());
    await comparison("comparaison, PostgreSQL, 2 serveurs", [a!, b!], tenderId, buyer.header());
    const writers = await prepareWriters(a!.baseUrl, tenderId, suppliers);
    await autosave("sauvegarde automatique, PostgreSQL, 1 serveur", [a!], tenderId, writers);
    await autosave("sauvegarde automatique, PostgreSQL, 2 serveurs", [a!, b!], tenderId, writers);
  }

  console.log("\n| configuration | req/s | p50 ms | p95 ms | p99 ms | requests | errors | load average |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const f of table) console.log(`| ${f.label} | ${f.rps.toFixed(1)} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.requests} | ${f.errors} | ${f.load} |`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await Promise.all(portals.map((p) => p.stop()));
  await cluster?.stop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
