import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Migrations folder, found relative to this file in source and next to the server build. */
export function migrationsFolder(): string {
  const candidates = [
    process.env.MIGRATIONS_DIR,
    path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations"),
    path.resolve("db/migrations"),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => fs.existsSync(path.join(p, "meta", "_journal.json")));
  if (!found) throw new Error(`Dossier des migrations introuvable (cherché : ${candidates.join(", ")})`);
  return found;
}

/**
 * Opens (and creates) the SQLite file and applies pending migrations: a fresh clone needs no
 * manual step. WAL lets readers go on while one writer commits.
 *
 * `synchronous = FULL`: with WAL, better-sqlite3's build defaults to NORMAL, which syncs the WAL
 * only at checkpoints, so the last commits can vanish on a power or OS failure (issue 15). FULL
 * fsyncs the WAL at every commit: a save acknowledged to the user is on disk. Cost measured on the
 * factor-import bench in docs/decisions/011-express-server.md.
 */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}
