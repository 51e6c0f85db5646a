import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster for tests (issue 19 §4): `initdb` into a temporary folder, `pg_ctl
 * start` on a free port of 127.0.0.1 (and a Unix socket in the same folder), trust authentication,
 * durability off (fsync, synchronous_commit, full_page_writes: a test cluster is thrown away). Nothing
 * has to be running beforehand: `npm test` needs only PostgreSQL's server binaries on the machine
 * (Debian: package `postgresql-15`, `/usr/lib/postgresql/15/bin`; `PG_BIN` overrides).
 *
 * PostgreSQL refuses to run as root: when the tests run as root (CI here), the folder is given to the
 * `postgres` system user and `initdb` / `pg_ctl` run through `runuser -u postgres --`.
 *
 * Usage: one cluster per vitest project (test/support/postgres-global-setup.ts starts it and
 * `provide`s its admin URL), one fresh database per test file (`createDatabase(adminUrl)`).
 */

export interface PostgresCluster {
  /** Superuser URL on the `postgres` database, e.g. postgresql://postgres@127.0.0.1:54123/postgres. */
  adminUrl: string;
  port: number;
  /** The temporary folder (data directory in `data/`, server log in `postgres.log`, socket). */
  dir: string;
  /** Stops the server and removes the folder; safe to call twice. */
  stop(): Promise<void>;
}

/** Folder of initdb / pg_ctl: `PG_BIN`, else PostgreSQL 15's Debian folder, else the newest installed. */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): string {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  candidates.push("/usr/lib/postgresql/15/bin");
  const root = "/usr/lib/postgresql";
  if (fs.existsSync(root)) {
    const versions = fs
      .readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(root, v, "bin")));
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(
      `Binaires PostgreSQL introuvables (cherché : ${candidates.join(", ")}). Installer le paquet Debian postgresql-15 (apt-get install -y postgresql-15) ou définir PG_BIN.`,
    );
  }
  return found;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** [command, args] running `bin/tool args` as the postgres user when we are root. */
function asPostgres(bin: string, tool: string, args: string[]): [string, string[]] {
  const exe = path.join(bin, tool);
  return isRoot() ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
}

function run(bin: string, tool: string, args: string[], timeoutMs = 120_000): void {
  const [cmd, argv] = asPostgres(bin, tool, args);
  const result = spawnSync(cmd, argv, { encoding: "utf8", timeout: timeoutMs });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${tool} a échoué (code ${result.status}) : ${(result.stderr || result.stdout || "").trim()}`);
  }
}

/** A TCP port free on 127.0.0.1 at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a new cluster; throws (and leaves nothing behind) if it cannot. */
export async function startPostgresCluster(options: { maxConnections?: number } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "postgres.log");
  let started = false;
  let stopped = false;

  const stopSync = (mode: "fast" | "immediate") => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", onExit);
    if (started) {
      const [cmd, argv] = asPostgres(bin, "pg_ctl", ["-D", data, "-m", mode, "-w", "-t", "60", "stop"]);
      const result = spawnSync(cmd, argv, { encoding: "utf8", timeout: 90_000 });
      if (result.status !== 0 && mode === "fast") {
        const [c2, a2] = asPostgres(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
        spawnSync(c2, a2, { encoding: "utf8", timeout: 60_000 });
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // Last resort if the test process ends without calling stop() (a crash of the runner).
  const onExit = () => stopSync("immediate");
  process.on("exit", onExit);

  try {
    if (isRoot()) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      fs.chownSync(dir, uid, gid);
    }
    run(bin, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      `-c max_connections=${options.maxConnections ?? 200}`,
    ].join(" ");
    run(bin, "pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", "-o", settings, "start"]);
    started = true;
    const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    return {
      adminUrl,
      port,
      dir,
      stop: async () => stopSync("fast"),
    };
  } catch (error) {
    const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-2000) : "";
    stopSync("immediate");
    throw new Error(`Démarrage du cluster PostgreSQL de test impossible : ${(error as Error).message}${tail ? `\n${tail}` : ""}`, { cause: error });
  }
}

/** The same URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/**
 * Creates an empty database with a unique name (`<prefix>_<time>_<random>`, at most 63 characters)
 * on the cluster of `adminUrl` and returns its URL. Options: `timezone` sets the database's default
 * session time zone (to prove that nothing depends on it).
 */
export async function createDatabase(adminUrl: string, prefix = "nr", options: { timezone?: string } = {}): Promise<string> {
  const safePrefix = prefix.toLowerCase().replace(/[^a-z0-9_]/g, "_").slice(0, 30) || "nr";
  const name = `${safePrefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
    if (options.timezone) await client.query(`alter database "${name}" set timezone to ${pg.escapeLiteral(options.timezone)}`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

/** Drops a database made by `createDatabase`, closing whatever connections are still open on it. */
export async function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  } finally {
    await client.end();
  }
}

/** What test/support/postgres-global-setup.ts provides to the tests of its project. */
declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}
