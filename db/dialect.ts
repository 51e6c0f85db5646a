/**
 * Which database engine this process runs on (issue 19, docs/decisions/022-postgresql.md): a
 * `DATABASE_URL` starting with `postgres://` or `postgresql://` selects PostgreSQL; anything else, or
 * nothing, keeps the embedded SQLite file (DATA_DIR / DATABASE_PATH). Dependency-free on purpose: the
 * schema modules read it at load time, and so do drizzle-kit's two configurations.
 */
export type DatabaseDialect = "sqlite" | "postgresql";

export function isPostgresUrl(url: string | undefined): url is string {
  return typeof url === "string" && /^postgres(ql)?:\/\//i.test(url.trim());
}

export function databaseDialect(env: Record<string, string | undefined> = process.env): DatabaseDialect {
  return isPostgresUrl(env.DATABASE_URL) ? "postgresql" : "sqlite";
}
