/**
 * The streaming factor import (issue 16): valid rows are staged in a temporary table while the file
 * is read, and reach `factors` only in the upload's transaction. Same rows, same line numbers as
 * the reader's in-memory report; a file with one bad row late leaves no factor and no staging table.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgres } from "#db/connection";
import { factorSets, factorStaging, factors, organisations, users } from "#db/schema";
import { readFactorsCsv } from "#emission-factors";
import { storeFromPath } from "~/carbon/blob-store.server";
import { validateAndRecordCsv } from "~/carbon/factor-store.server";
import { db } from "~/lib/db.server";
import { writeFactorsCsv } from "../bench/factors-csv-generator";

const ROWS = 3_000; // several staging flushes (1,024 rows each) and a partial last one
let dir: string;
let org: number;
let user: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-factors-stream-"));
  org = (await db().insert(organisations).values({ name: "Fournisseur flux", kind: "supplier" }).returning())[0]!.id;
  user = (await db().insert(users).values({ email: "flux@example.org", name: "Flux", passwordHash: "x" }).returning())[0]!.id;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * What staging leaves behind: SQLite's TEMP tables of the connection; on PostgreSQL (issue 19) the
 * rows of `factor_staging`, the table every import stages into.
 */
const tempTables = async () =>
  isPostgres(db())
    ? await db().select({ stagingId: factorStaging.stagingId }).from(factorStaging).limit(5)
    : db().$client.prepare("select name from temp.sqlite_master where type = 'table'").all();

async function upload(file: string) {
  const blob = await storeFromPath(path.join(dir, "files"), file, path.basename(file), "text/csv");
  return validateAndRecordCsv(db(), { supplierOrganisationId: org, uploadedBy: user, tenderId: null, blob, currentYear: 2025 });
}

describe("streaming factor import", () => {
  it("imports exactly the rows the in-memory reader keeps, with their line numbers, in file order", async () => {
    const file = path.join(dir, "valid.csv");
    await writeFactorsCsv(file, ROWS, { currentYear: 2025, seed: 7 });
    const expected = await readFactorsCsv(fs.createReadStream(file), { currentYear: 2025 });
    expect(expected.factors).toHaveLength(ROWS);
    const result = await upload(file);
    expect(result.status).toBe("imported");
    expect(result.validRows).toBe(ROWS);
    const rows = await db().select().from(factors).where(eq(factors.setId, result.setId!)).orderBy(asc(factors.id));
    expect(rows).toHaveLength(ROWS);
    for (const i of [0, 1, 1023, 1024, 2047, 2048, ROWS - 1]) {
      const f = expected.factors[i]!;
      const r = rows[i]!;
      expect({ line: r.line, item: r.item, value: r.value, unit: r.unit, valueKgPerUnit: r.valueKgPerUnit, referenceYear: r.referenceYear, source: r.source }).toEqual({
        line: f.line,
        item: f.item,
        value: f.value,
        unit: f.unit,
        valueKgPerUnit: f.valueKgPerUnit,
        referenceYear: f.referenceYear,
        source: f.source,
      });
    }
    expect(rows.map((r) => r.line)).toEqual(expected.factors.map((f) => f.line));
    expect(await tempTables()).toEqual([]);
  });

  it("a file whose last row is wrong imports nothing (no set, no factor, no staging table left)", async () => {
    const file = path.join(dir, "late-error.csv");
    await writeFactorsCsv(file, ROWS, { currentYear: 2025, invalidEvery: ROWS });
    const before = (await db().select({ n: count() }).from(factors).limit(1))[0]!.n;
    const sets = (await db().select({ n: count() }).from(factorSets).limit(1))[0]!.n;
    const result = await upload(file);
    expect(result.status).toBe("rejected");
    expect(result.errorCount).toBe(1);
    expect(result.setId).toBeNull();
    expect((await db().select({ n: count() }).from(factors).limit(1))[0]!.n).toBe(before);
    expect((await db().select({ n: count() }).from(factorSets).limit(1))[0]!.n).toBe(sets);
    expect(await tempTables()).toEqual([]);
  });
  it("stores every value exactly as read, text with backslashes, tabs and line breaks, extra columns and product data included", async () => {
    const file = path.join(dir, "special.csv");
    const lines = [
      "libelle;segment;categorie_ghg;valeur;unite;methode;annee_reference;source;masse_produit_kg;note libre",
      'Câble \\ réseau\tcat. 6 « A »;postes-de-travail;2;0,000123;gCO2e/unité;iso14067;2024;"ligne 1\nligne 2 \\N";2,5;"dit ""ok"" \\ fin"',
      "Licence;logiciels-saas;;1 234,5;tCO2e/utilisateur.an;other;2023;;;",
    ];
    fs.writeFileSync(file, `${lines.join("\r\n")}\r\n`);
    const expected = await readFactorsCsv(fs.createReadStream(file), { currentYear: 2025 });
    expect(expected.errors).toEqual([]);
    const result = await upload(file);
    expect(result.status).toBe("imported");
    const rows = await db().select().from(factors).where(eq(factors.setId, result.setId!)).orderBy(asc(factors.id));
    expect(
      rows.map((r) => ({
        line: r.line, item: r.item, segment: r.segment, ghgCategory: r.ghgCategory, value: r.value, unit: r.unit, massUnit: r.massUnit,
        activityUnit: r.activityUnit, valueKgPerUnit: r.valueKgPerUnit, uncertaintyPct: r.uncertaintyPct, method: r.method, accounting: r.accounting,
        referenceYear: r.referenceYear, verifiedBy: r.verifiedBy, source: r.source, extra: r.extra ?? {}, pcf: r.pcfData ?? null,
      })),
    ).toEqual(expected.factors.map((f) => ({ ...f, pcf: f.pcf ?? null })));
    expect(rows[0]!.item).toContain("\\");
    expect(rows[0]!.item).toContain("\t");
    expect(rows[0]!.source).toBe("ligne 1\nligne 2 \\N");
    expect(await tempTables()).toEqual([]);
  });
});
