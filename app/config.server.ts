import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";
import { isPostgresUrl } from "#db/dialect";

/**
 * The one place where environment variables are read (design.md, "Boundaries").
 * Every value has a default that lets `npm start` run on a fresh clone with nothing set. The
 * session secret is the one value that cannot have a fixed default: when SESSION_SECRET is not
 * set, a random one is generated on first start and kept in the data folder (mode 0600), so
 * sessions survive restarts and no two installations share a secret.
 */
export const SESSION_SECRET_FILE = "session-secret";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

/**
 * TRUST_PROXY, handed to Express's `trust proxy` setting (server/app.ts): which hops in front of
 * the portal may set X-Forwarded-For / -Proto / -Host, so that the client address given to
 * loaders and actions is the real one. `false` (default): nobody, the socket address is used.
 * `true`: every hop (only when the proxy is the sole way in). A number: that many hops. Otherwise
 * a comma-separated list of addresses, subnets (CIDR) or Express's names `loopback`,
 * `linklocal`, `uniquelocal`.
 */
const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = net.isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}
export type TrustProxy = boolean | number | string[];
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): TrustProxy => {
    if (v === "" || v === "false" || v === "0") return false;
    if (v === "true") return true;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(",").map((e) => e.trim()).filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `valeur non reconnue (${bad.join(", ")}) : attendu false, true, un nombre de relais, ou une liste d'adresses, de sous-réseaux CIDR ou de loopback / linklocal / uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * SMTP_URL, handed to nodemailer: `smtp://user:password@host:587` (STARTTLS when the server offers
 * it) or `smtps://user:password@host:465` (TLS from the start). Unset: no e-mail leaves the portal,
 * messages stay in the outbox page to copy by hand (docs/decisions/015-email-delivery-and-answer-library.md).
 */
const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), "attendu smtp://utilisateur:motdepasse@hôte:port ou smtps://…")
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_PATH: z.string().min(1).optional(),
    /** postgres://… or postgresql://… selects PostgreSQL (db/dialect.ts); anything else keeps SQLite. */
    DATABASE_URL: z.string().optional(),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET doit contenir au moins 32 caractères").optional(),
    COOKIE_SECURE: bool.optional(),
    UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    UPLOAD_MAX_TENDER_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
    FACTORS_MAX_FILE_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    /** Failed sign-ins from one client address, any account, before back-off (password spraying). */
    LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(10),
    /**
     * The portal's public address (https://achats.example.org), used in the links of account e-mails
     * (activation, password reset) and of e-mails sent by the mail job (reminders). Unset: account
     * e-mails use the address the request came to, which a forged Host header could change, and
     * job e-mails carry no link — set it in production (README, "Deploying to production").
     */
    PUBLIC_URL: z
      .string()
      .trim()
      .url("PUBLIC_URL doit être une adresse complète, par exemple https://achats.example.org")
      .refine((v) => /^https?:\/\//.test(v), "PUBLIC_URL doit commencer par http:// ou https://")
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
    SEED_DEMO: bool.default(true),
    /** Listen address; all interfaces when unset (as remix-serve did). */
    HOST: z.string().trim().min(1).optional(),
    TRUST_PROXY: trustProxy.default(false),
    /** How long a SIGTERM/SIGINT waits for in-flight requests before closing them. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Outgoing e-mail (off when unset) and its sender. */
    SMTP_URL: smtpUrl,
    MAIL_FROM: z.string().trim().min(3).default("NR Procure <ne-pas-repondre@nr-procure.invalid>"),
    /** How often the mail job runs (deadline reminders, sending, retries). */
    MAIL_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
    /**
     * How long a page may be served again to the same visitor while the database has not changed
     * (server/page-cache.ts, issue 16); 0 turns the page cache off.
     */
    PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(3_000),
  });

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const databaseUrl = isPostgresUrl(e.DATABASE_URL) ? e.DATABASE_URL : undefined;
  // Several app servers share one PostgreSQL database: each must sign and check the same session
  // cookies, so the secret cannot be generated into one server's data folder (issue 19).
  if (databaseUrl && !e.SESSION_SECRET) {
    throw new Error(
      "Configuration invalide :\n  - SESSION_SECRET: obligatoire avec PostgreSQL (DATABASE_URL) : donnez la même valeur (au moins 32 caractères) à tous les serveurs d'application.",
    );
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, "nr-procure.sqlite")),
    /** Set: the portal runs on PostgreSQL (docs/decisions/022-postgresql.md). */
    databaseUrl,
    filesDir: path.join(dataDir, "files"),
    sessionSecret: e.SESSION_SECRET ?? dataDirSecret(dataDir),
    // Secure cookies by default; browsers accept them on http://localhost too.
    cookieSecure: e.COOKIE_SECURE ?? true,
    uploadMaxFileBytes: e.UPLOAD_MAX_FILE_BYTES,
    uploadMaxTenderBytes: e.UPLOAD_MAX_TENDER_BYTES,
    factorsMaxFileBytes: e.FACTORS_MAX_FILE_BYTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    loginMaxFailuresPerClient: e.LOGIN_MAX_FAILURES_PER_CLIENT,
    publicUrl: e.PUBLIC_URL,
    seedDemo: e.SEED_DEMO,
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailIntervalMs: e.MAIL_INTERVAL_MS,
    pageCacheTtlMs: e.PAGE_CACHE_TTL_MS,
  };
}

/**
 * Reads the generated secret from the data folder, creating it on first use. `wx` makes creation
 * atomic: when two processes start together, one writes and the other reads what it wrote.
 */
export function dataDirSecret(dataDir: string, log: (message: string) => void = console.log): string {
  const file = path.join(dataDir, SESSION_SECRET_FILE);
  const read = () => fs.readFileSync(file, "utf8").trim();
  if (fs.existsSync(file)) return checkedSecret(read(), file);
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  try {
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return checkedSecret(read(), file);
    throw e;
  }
  log(`SESSION_SECRET non défini : secret de session généré et conservé dans ${file} (droits 0600).`);
  return secret;
}

function checkedSecret(secret: string, file: string): string {
  if (secret.length < 32) {
    throw new Error(`Configuration invalide :\n  - SESSION_SECRET: le fichier ${file} contient un secret trop court (32 caractères minimum) ; supprimez-le pour en générer un nouveau`);
  }
  return secret;
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
