import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";

/** Reads the running portal's database (read-only), to check what a request wrote. */
export function readDb<T>(query: (db: Database.Database) => T): T {
  const db = new Database(path.join(inject("dataDir"), "nr-procure.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

/** The link to `linkPath` in the last e-mail of `kind` queued for `email` (the outbox holds what the portal sends). */
export function linkInLastMail(email: string, kind: string, linkPath: string): string {
  const body = readDb((db) => (db.prepare("select body from outbox where to_email = ? and kind = ? order by id desc limit 1").get(email, kind) as { body: string } | undefined)?.body);
  const link = body ? new RegExp(`https?://\\S+${linkPath}/[\\w-]+`).exec(body)?.[0] : undefined;
  if (!link) throw new Error(`pas de lien ${linkPath} dans le dernier e-mail ${kind} pour ${email}`);
  return link;
}
