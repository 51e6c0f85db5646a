import { defineConfig } from "drizzle-kit";

// Used only by `npm run db:generate` to write SQLite migrations into db/migrations (committed).
// The schema modules pick their dialect from DATABASE_URL when loaded (db/schema/columns.ts): this
// configuration always describes the SQLite tables, whatever the shell has set.
delete process.env.DATABASE_URL;

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
