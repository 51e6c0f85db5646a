import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/**
 * Online backup of the portal's SQLite file with SQLite's backup API (better-sqlite3
 * `db.backup()`), safe while the portal runs: the copy is a consistent snapshot of committed
 * transactions, WAL content included, and the portal keeps reading and writing meanwhile.
 *
 * - The first step copies 100 pages; the rest is copied in one step (progress callback), under a
 *   single read transaction, which in WAL mode blocks no writer. A commit by the portal between
 *   the two steps makes SQLite restart the copy once; it cannot starve.
 * - The copy is written to `<target>.partial` and renamed when complete and checked: an
 *   interrupted backup never leaves a file that looks like a backup.
 * - The copy is switched to `journal_mode = DELETE`, so that the one file is the whole backup.
 * - The copy is then opened and checked: `PRAGMA integrity_check` must be "ok".
 */
export class BackupError extends Error {}

export interface BackupResult {
  target: string;
  bytes: number;
  pages: number;
  /** Row count of every table of the copy. */
  tables: Record<string, number>;
}

export async function backupDatabase(sourceFile: string, targetFile: string): Promise<BackupResult> {
  const source = path.resolve(sourceFile);
  const target = path.resolve(targetFile);
  if (!fs.existsSync(source)) throw new BackupError(`Base de données introuvable : ${source}`);
  if (target === source) throw new BackupError("La sauvegarde ne peut pas remplacer la base elle-même.");
  if (fs.existsSync(target)) throw new BackupError(`Le fichier ${target} existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });

  const db = new Database(source, { fileMustExist: true });
  let pages: number;
  try {
    db.pragma("busy_timeout = 5000");
    pages = (await db.backup(partial, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) })).totalPages;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  let tables: Record<string, number>;
  try {
    copy.pragma("journal_mode = DELETE");
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupError(`La copie est corrompue (integrity_check : ${String(integrity)}) : elle a été supprimée.`);
    tables = tableCounts(copy);
  } catch (e) {
    copy.close();
    fs.rmSync(partial, { force: true });
    throw e;
  }
  copy.close();
  fs.renameSync(partial, target);
  return { target, bytes: fs.statSync(target).size, pages, tables };
}

/** Row count of every table (SQLite's internal tables excluded). */
export function tableCounts(db: Database.Database): Record<string, number> {
  const names = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`select count(*) as n from "${n.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}
