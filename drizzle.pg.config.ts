import { defineConfig } from "drizzle-kit";

// Used only by `npm run db:generate:pg` to write PostgreSQL migrations into db/migrations-pg (committed),
// from the same schema modules as SQLite (db/schema/columns.ts builds pg-core tables when DATABASE_URL
// is a PostgreSQL URL). Generating connects to nothing: the URL only selects the dialect.
if (!/^postgres(ql)?:\/\//i.test(process.env.DATABASE_URL ?? "")) process.env.DATABASE_URL = "postgresql://generate-only/";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations-pg",
});
