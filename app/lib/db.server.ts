import { openDatabase, type Db } from "#db/connection";
import { config } from "~/config.server";

// One connection per process; kept on globalThis so that dev-server reloads don't reopen it.
const globalForDb = globalThis as unknown as { __nrDb?: Db };

/** What a server function needs to run its queries inside the caller's transaction. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete" | "all" | "get" | "run">;

export function db(): Db {
  globalForDb.__nrDb ??= openDatabase(config().databasePath);
  return globalForDb.__nrDb;
}

/** Closes the process's connection (graceful shutdown, server/shutdown.ts); the next db() reopens. */
export function closeDb(): void {
  const open = globalForDb.__nrDb;
  globalForDb.__nrDb = undefined;
  open?.$client.close();
}
