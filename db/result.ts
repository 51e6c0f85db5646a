/**
 * How many rows an `await db.update(…)` / `db.delete(…)` without `returning()` touched, on either
 * engine (issue 19): better-sqlite3 answers `{ changes }`, node-postgres `{ rowCount }`. The type of
 * the result is SQLite's (docs/decisions/0xx-postgresql.md), so `.changes` alone type-checks but is
 * undefined on PostgreSQL: compare-and-set writes (`where status = 'draft'`) count with this.
 */
export function affectedRows(result: unknown): number {
  const r = result as { changes?: number | bigint; rowCount?: number | null } | undefined;
  if (r && r.changes !== undefined) return Number(r.changes);
  if (r && typeof r.rowCount === "number") return r.rowCount;
  throw new Error("affectedRows : résultat d'écriture inconnu (ni changes ni rowCount)");
}
