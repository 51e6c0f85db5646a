import path from "node:path";
import { z } from "zod";

/**
 * The one place where environment variables are read (design.md, "Boundaries").
 * Development defaults let `npm start` work on a fresh clone; production refuses to start
 * without a real session secret.
 */
const DEV_SECRET = "dev-only-secret-change-me-in-production";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_PATH: z.string().min(1).optional(),
    SESSION_SECRET: z.string().min(16, "SESSION_SECRET doit contenir au moins 16 caractères").default(DEV_SECRET),
    COOKIE_SECURE: bool.optional(),
    UPLOAD_MAX_FILE_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
    UPLOAD_MAX_TENDER_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
    FACTORS_MAX_FILE_BYTES: z.coerce.number().int().positive().default(100 * 1024 * 1024),
    LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
    SEED_DEMO: bool.default(true),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SESSION_SECRET === DEV_SECRET && !process.env.ALLOW_DEV_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET est obligatoire en production (ALLOW_DEV_SECRET=1 pour une démonstration locale)",
      });
    }
  });

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, "nr-procure.sqlite")),
    filesDir: path.join(dataDir, "files"),
    sessionSecret: e.SESSION_SECRET,
    // Secure cookies by default; browsers accept them on http://localhost too.
    cookieSecure: e.COOKIE_SECURE ?? true,
    uploadMaxFileBytes: e.UPLOAD_MAX_FILE_BYTES,
    uploadMaxTenderBytes: e.UPLOAD_MAX_TENDER_BYTES,
    factorsMaxFileBytes: e.FACTORS_MAX_FILE_BYTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    seedDemo: e.SEED_DEMO,
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= loadConfig();
  return cached;
}
