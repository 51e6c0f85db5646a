/**
 * A tender's data version (`tenders.data_version`): the key of every in-process cache of what is
 * computed from the tender's submissions, evaluations and offer scores (the comparison, the parsed
 * submissions). Each write that changes those inputs calls `bumpTenderData` in ITS transaction, so
 * the new version and the new rows commit together (docs/decisions/016-fast-under-load.md).
 * A new write path on those tables (offer values, reviews, bills of quantities…) must bump too.
 *
 * Belt and braces: the key also carries the database's write stamp (`writeStamp`), so ANY committed
 * write — from this process or another — invalidates every cached comparison. A write path that forgets
 * to bump can therefore never show a stale ranking; read-only traffic (the case that needs the cache)
 * still hits. Session "last seen" and limiter purges write at most once a minute.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { organisations, submissions, tenders } from "#db/schema";
import type { Db } from "#db/connection";
import { db, type Tx } from "~/lib/db.server";
import { VersionedCache } from "~/lib/versioned-cache";
import { writeStamp } from "~/lib/write-stamp.server";
import type { TenderRow } from "./access.server";

export async function bumpTenderData(tx: Tx, tenderId: number): Promise<void> {
  await tx.update(tenders)
        .set({ dataVersion: sql`${tenders.dataVersion} + 1` })
        .where(eq(tenders.id, tenderId));
}

/**
 * The version a cached value of this tender row is valid for: the data counter, plus what of the
 * tender row itself the computations read (the published method through its hash and
 * `updatedAt`, the status) and `open`: whether evaluation is open (`evaluationOpen`, which also
 * depends on the clock, so the caller passes what it computed for this request).
 * The supplier organisations' names are read too (one indexed query, ~0.1 ms for 50 suppliers):
 * pages show and sort by them, and an organisation's name is not a write of the tender's data.
 */
export async function tenderDataKey(tender: TenderRow, open: boolean): Promise<string> {
  const names = await db()
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, db().select({ id: submissions.supplierOrganisationId }).from(submissions).where(eq(submissions.tenderId, tender.id))))
    .orderBy(organisations.id);
  const namesKey = names.map((n) => `${n.id}:${n.name}`).join("\u001f");
  return `${await writeStamp()}|${tender.dataVersion}|${tender.updatedAt}|${tender.publishedMethodSha256 ?? ""}|${tender.status}|${open ? 1 : 0}|${namesKey}`;
}

// One set of caches per database connection (tests open several databases in one process, and the
// same tender id in two databases must not share an entry).
const cachesByDb = new WeakMap<Db, Map<string, VersionedCache<number, unknown>>>();

/** The process's cache named `name` for the current database (at most `maxEntries` tenders). */
export function tenderCache<V>(name: string, maxEntries = 32): VersionedCache<number, V> {
  const connection = db();
  let caches = cachesByDb.get(connection);
  if (!caches) cachesByDb.set(connection, (caches = new Map()));
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new VersionedCache<number, unknown>(maxEntries)));
  return cache as VersionedCache<number, V>;
}
