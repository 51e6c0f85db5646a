import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, factorSets, factorUploads, factors, files } from "#db/schema";
import { pactV3ListResponseSchema } from "#emission-factors";
import { db } from "~/lib/db.server";
import { storagePath } from "~/lib/files.server";
import { loader as templateLoader } from "~/routes/facteurs.modele[.]csv";
import { action as uploadAction, loader as indexLoader } from "~/routes/fournisseur.facteurs._index";
import { loader as uploadLoader } from "~/routes/fournisseur.facteurs.depots.$uploadId._index";
import { loader as errorsLoader } from "~/routes/fournisseur.facteurs.depots.$uploadId.erreurs[.]csv";
import { loader as originalLoader } from "~/routes/fournisseur.facteurs.depots.$uploadId.fichier";
import { loader as versionLoader } from "~/routes/fournisseur.facteurs.versions.$setId._index";
import { loader as pactLoader } from "~/routes/fournisseur.facteurs.versions.$setId.pact[.]json";
import { seed, signedInClient, TestClient } from "../support/client";

// Small limit for this file (read lazily by config()).
process.env.FACTORS_MAX_FILE_BYTES = "20000";

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const RSE = "rse@metropole.example";
const FIXTURES = path.resolve("test/fixtures/emission-factors");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

beforeAll(async () => {
  await seed();
});

function upload(client: TestClient, bytes: Buffer | string, name: string, fields: Record<string, string> = {}) {
  const fd = new FormData();
  fd.set("intent", "csv");
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  fd.set("file", new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type: "text/csv" }), name);
  return client.post(uploadAction, "/fournisseur/facteurs", fd);
}

function uploadIdOf(location: string | null): number {
  const m = /\/fournisseur\/facteurs\/depots\/(\d+)$/.exec(location ?? "");
  if (!m) throw new Error(`unexpected redirect: ${location}`);
  return Number(m[1]);
}

const factorCount = async () => (await db().select({ n: count() }).from(factors).limit(1))[0]?.n ?? 0;
const sha = (b: Uint8Array) => crypto.createHash("sha256").update(b).digest("hex");

describe("template", () => {
  it("is published without sign-in, as a CSV for French Excel", async () => {
    const anonymous = await new TestClient().init();
    const out = await anonymous.get(templateLoader, "/facteurs/modele.csv");
    expect(out.status).toBe(200);
    expect(out.headers.get("Content-Type")).toContain("text/csv");
    expect(out.headers.get("Content-Disposition")).toContain("modele-facteurs-emission.csv");
    expect(String(out.body)).toContain("libelle;segment;categorie_ghg;valeur;unite");
  });
});

describe("supplier upload", () => {
  it("a failing upload imports nothing, keeps the original file and its full report", async () => {
    const s1 = await signedInClient(S1);
    const before = await factorCount();
    const bytes = fixture("all-errors.csv");
    const out = await upload(s1, bytes, "facteurs 2024.csv");
    expect(out.status).toBe(302);
    const uploadId = uploadIdOf(out.location);

    expect(await factorCount()).toBe(before);
    const row = (await db().select().from(factorUploads).where(eq(factorUploads.id, uploadId)).limit(1))[0]!;
    expect(row.status).toBe("rejected");
    expect((await db().select().from(factorSets).where(eq(factorSets.uploadId, uploadId)).limit(1))[0]).toBeUndefined();

    // Original file on disk, untouched, addressed by its SHA-256.
    const file = (await db().select().from(files).where(eq(files.id, row.fileId)).limit(1))[0]!;
    expect(file.originalName).toBe("facteurs 2024.csv");
    expect(file.sha256).toBe(sha(bytes));
    const onDisk = fs.readFileSync(storagePath(file.sha256));
    expect(sha(onDisk)).toBe(file.sha256);
    expect(Buffer.compare(onDisk, bytes)).toBe(0);

    // The report lists every problem, with line and column, in French.
    const page = await s1.get(uploadLoader, `/fournisseur/facteurs/depots/${uploadId}`, { uploadId: String(uploadId) });
    expect(page.status).toBe(200);
    const body = page.body as { status: string; report: { errors: { line: number; column: string; message: string }[]; errorCount: number } };
    expect(body.status).toBe("rejected");
    expect(body.report.errorCount).toBeGreaterThan(3);
    expect(body.report.errors.length).toBe(body.report.errorCount);
    const lines = new Set(body.report.errors.map((e) => e.line));
    expect(lines.has(3)).toBe(true);
    expect(lines.has(4)).toBe(true);
    expect(body.report.errors.some((e) => e.line === 3 && e.column === "valeur" && e.message.includes("n'est pas un nombre positif"))).toBe(true);

    // Downloadable as CSV, formula-safe.
    const csv = await s1.get(errorsLoader, `/fournisseur/facteurs/depots/${uploadId}/erreurs.csv`, { uploadId: String(uploadId) });
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain("ligne;colonne;valeur;message");
    // A negative number is a number in the spreadsheet (issue 20): no apostrophe in front.
    expect(String(csv.body)).toMatch(/\n3;valeur;-1,5;/);

    // The original file can be downloaded back by its organisation.
    const original = await s1.run(() =>
      originalLoader({ request: s1.request(`/fournisseur/facteurs/depots/${uploadId}/fichier`), params: { uploadId: String(uploadId) }, context: {} }),
    );
    expect(original.status).toBe(200);
  });

  it("a valid upload creates version 1, a second creates version 2 and leaves version 1 intact", async () => {
    const s2 = await signedInClient(S2);
    const first = await upload(s2, fixture("shared-example.csv"), "v1.csv");
    const firstId = uploadIdOf(first.location);
    const up1 = (await db().select().from(factorUploads).where(eq(factorUploads.id, firstId)).limit(1))[0]!;
    expect(up1.status).toBe("imported");
    const set1 = (await db().select().from(factorSets).where(eq(factorSets.uploadId, firstId)).limit(1))[0]!;
    expect(set1.version).toBe(1);
    const v1Rows = await db().select().from(factors).where(eq(factors.setId, set1.id));
    expect(v1Rows).toHaveLength(4);
    const laptop = v1Rows.find((f) => f.line === 2)!;
    expect(laptop).toMatchObject({ item: "PC portable 14 pouces (neuf)", value: 156.3, unit: "kgCO2e/unité", activityUnit: "unit", valueKgPerUnit: 156.3, referenceYear: 2024 });

    const second = await upload(s2, fixture("utf8-bom.csv"), "v2.csv");
    const secondId = uploadIdOf(second.location);
    const set2 = (await db().select().from(factorSets).where(eq(factorSets.uploadId, secondId)).limit(1))[0]!;
    expect(set2.version).toBe(2);
    expect(set2.supplierOrganisationId).toBe(set1.supplierOrganisationId);

    // Version 1 unchanged, still readable.
    const v1After = await db().select().from(factors).where(eq(factors.setId, set1.id));
    expect(v1After).toEqual(v1Rows);
    const v1Page = await s2.get(versionLoader, `/fournisseur/facteurs/versions/${set1.id}`, { setId: String(set1.id) });
    expect(v1Page.status).toBe(200);
    expect((v1Page.body as { version: number; isLatest: boolean; factors: { total: number } }).isLatest).toBe(false);
    expect((v1Page.body as { factors: { total: number } }).factors.total).toBe(4);

    // Warnings of the report are kept (free-text segment).
    const report = (await s2.get(uploadLoader, `/fournisseur/facteurs/depots/${firstId}`, { uploadId: String(firstId) })).body as {
      report: { warnings: { message: string }[] };
    };
    expect(report.report.warnings.some((w) => w.message.includes("services-it"))).toBe(true);

    // The list page shows both versions and uploads.
    const index = (await s2.get(indexLoader, "/fournisseur/facteurs")).body as { sets: { version: number }[]; uploads: { id: number }[] };
    expect(index.sets.map((s) => s.version)).toEqual([2, 1]);
    expect(index.uploads.map((u) => u.id)).toEqual([secondId, firstId]);

    // Audit entries.
    const entries = await db().select().from(auditLog).where(eq(auditLog.action, "factors.upload"));
    expect(entries.some((e) => e.targetId === String(secondId))).toBe(true);
  });

  it("an unreadable file is recorded as unreadable, with the French reason", async () => {
    const s1 = await signedInClient(S1);
    const before = await factorCount();
    const out = await upload(s1, fixture("fake.xlsx"), "facteurs.xlsx");
    const id = uploadIdOf(out.location);
    const row = (await db().select().from(factorUploads).where(eq(factorUploads.id, id)).limit(1))[0]!;
    expect(row.status).toBe("unreadable");
    expect((row.report as { unreadable: { message: string } }).unreadable.message).toMatch(/Excel|CSV/);
    expect(await factorCount()).toBe(before);
    const file = (await db().select().from(files).where(eq(files.id, row.fileId)).limit(1))[0]!;
    expect(fs.existsSync(storagePath(file.sha256))).toBe(true);
  });

  it("refuses a file over the size limit with 413 and stores nothing", async () => {
    const s1 = await signedInClient(S1);
    const uploadsBefore = (await db().select({ n: count() }).from(factorUploads).limit(1))[0]?.n;
    const filesBefore = (await db().select({ n: count() }).from(files).limit(1))[0]?.n;
    const big = "libelle;segment;valeur\n" + "x;y;1\n".repeat(5000);
    const out = await upload(s1, big, "gros.csv");
    expect(out.status).toBe(413);
    expect((out.body as { error: string }).error).toMatch(/taille maximale/);
    expect((await db().select({ n: count() }).from(factorUploads).limit(1))[0]?.n).toBe(uploadsBefore);
    expect((await db().select({ n: count() }).from(files).limit(1))[0]?.n).toBe(filesBefore);
    const tmp = path.join(process.env.DATA_DIR!, "files", "tmp");
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([]);
  });

  it("checks CSRF on the multipart form and leaves nothing behind", async () => {
    const s1 = await signedInClient(S1);
    const uploadsBefore = (await db().select({ n: count() }).from(factorUploads).limit(1))[0]?.n;
    const fd = new FormData();
    fd.set("intent", "csv");
    fd.set("csrf", "forged-token-forged-token-forged-token");
    fd.set("file", new Blob([fixture("shared-example.csv")]), "x.csv");
    const out = await s1.post(uploadAction, "/fournisseur/facteurs", fd);
    expect(out.status).toBe(403);
    expect((await db().select({ n: count() }).from(factorUploads).limit(1))[0]?.n).toBe(uploadsBefore);
  });

  it("refuses a tender the supplier was not invited to", async () => {
    const s1 = await signedInClient(S1);
    const out = await upload(s1, fixture("shared-example.csv"), "x.csv", { tenderId: "999999" });
    expect(out.status).toBe(400);
  });
});

describe("PACT", () => {
  it("imports ProductFootprints as a new version, and exports a version back", async () => {
    const s1 = await signedInClient(S1);
    const footprint = {
      id: "3e2b7c1a-0000-4000-8000-000000000001",
      specVersion: "3.0.0",
      created: "2025-01-10T00:00:00Z",
      status: "Active",
      companyName: "Numérique Durable SAS",
      companyIds: ["urn:pact:company:siren:123456789"],
      productDescription: "Serveur rack 2U",
      productIds: ["urn:pact:product:serveur-2u"],
      productNameCompany: "Serveur rack 2U",
      pcf: {
        declaredUnitOfMeasurement: "piece",
        declaredUnitAmount: "1",
        productMassPerDeclaredUnit: "25",
        referencePeriodStart: "2024-01-01T00:00:00Z",
        referencePeriodEnd: "2025-01-01T00:00:00Z",
        pcfExcludingBiogenicUptake: "1250.5",
        pcfIncludingBiogenicUptake: "1250.5",
        fossilGhgEmissions: "1200",
        fossilCarbonContent: "0",
        ipccCharacterizationFactors: ["AR6"],
        crossSectoralStandards: ["ISO14067"],
        exemptedEmissionsPercent: "0",
      },
    };
    const fd = new FormData();
    fd.set("intent", "pact");
    fd.set("segment", "infrastructures-datacenter");
    fd.set("ghgCategory", "2");
    fd.set("file", new Blob([JSON.stringify({ data: [footprint] })], { type: "application/json" }), "pact.json");
    const out = await s1.post(uploadAction, "/fournisseur/facteurs", fd);
    expect(out.status).toBe(302);
    const id = uploadIdOf(out.location);
    const row = (await db().select().from(factorUploads).where(eq(factorUploads.id, id)).limit(1))[0]!;
    expect(row.status).toBe("imported");
    const set = (await db().select().from(factorSets).where(eq(factorSets.uploadId, id)).limit(1))[0]!;
    const rows = await db().select().from(factors).where(eq(factors.setId, set.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ item: "Serveur rack 2U", valueKgPerUnit: 1250.5, activityUnit: "unit", method: "iso14067", segment: "infrastructures-datacenter", ghgCategory: 2 });

    // Exported again in 3.0: the footprint's own product data came with it, nothing is added.
    const exported = await s1.get(pactLoader, `/fournisseur/facteurs/versions/${set.id}/pact.json?version=3.0`, { setId: String(set.id) });
    expect(exported.status).toBe(200);
    expect(pactV3ListResponseSchema.safeParse(exported.body).success).toBe(true);
    const data = (exported.body as { data: { specVersion: string; pcf: { pcfExcludingBiogenicUptake: string; productMassPerDeclaredUnit: string } }[] }).data;
    expect(data).toHaveLength(1);
    expect(data[0]!.specVersion).toBe("3.0.0");
    expect(data[0]!.pcf).toMatchObject({ pcfExcludingBiogenicUptake: "1250.5", productMassPerDeclaredUnit: "25" });
    // In 2.3, a piece cannot be expressed: nothing exported, the reason is on the version page.
    const v2 = await s1.get(pactLoader, `/fournisseur/facteurs/versions/${set.id}/pact.json?version=2.3`, { setId: String(set.id) });
    expect((v2.body as { data: unknown[] }).data).toEqual([]);
    expect(v2.headers.get("X-NR-Procure-Skipped")).toBe("1");
    const page = (await s1.get(versionLoader, `/fournisseur/facteurs/versions/${set.id}?pact=2.3`, { setId: String(set.id) })).body as {
      pact: { skipped: { line: number; reasons: string[] }[] };
    };
    expect(page.pact.skipped[0]!.reasons[0]).toMatch(/^unité « pièce » : la v2\.3 ne connaît que des unités physiques/);
    // No version chosen: refused (one spec version per export).
    expect((await s1.get(pactLoader, `/fournisseur/facteurs/versions/${set.id}/pact.json`, { setId: String(set.id) })).status).toBe(400);
  });

  it("rejects a file that is not JSON, importing nothing", async () => {
    const s1 = await signedInClient(S1);
    const fd = new FormData();
    fd.set("intent", "pact");
    fd.set("segment", "postes-de-travail");
    fd.set("file", new Blob(["pas du json"]), "pact.json");
    const out = await s1.post(uploadAction, "/fournisseur/facteurs", fd);
    const id = uploadIdOf(out.location);
    expect((await db().select().from(factorUploads).where(eq(factorUploads.id, id)).limit(1))[0]!.status).toBe("unreadable");
  });
});

describe("supplier isolation (IDOR)", () => {
  it("another supplier gets 404 on uploads, reports, files and versions that are not theirs", async () => {
    const s1 = await signedInClient(S1);
    const s2 = await signedInClient(S2);
    const out = await upload(s1, fixture("shared-example.csv"), "s1.csv");
    const uploadId = uploadIdOf(out.location);
    const setId = (await db().select().from(factorSets).where(eq(factorSets.uploadId, uploadId)).limit(1))[0]!.id;
    const p = { uploadId: String(uploadId) };

    expect((await s2.get(uploadLoader, `/fournisseur/facteurs/depots/${uploadId}`, p)).status).toBe(404);
    expect((await s2.get(errorsLoader, `/fournisseur/facteurs/depots/${uploadId}/erreurs.csv`, p)).status).toBe(404);
    expect((await s2.get(originalLoader, `/fournisseur/facteurs/depots/${uploadId}/fichier`, p)).status).toBe(404);
    expect((await s2.get(versionLoader, `/fournisseur/facteurs/versions/${setId}`, { setId: String(setId) })).status).toBe(404);
    expect((await s2.get(pactLoader, `/fournisseur/facteurs/versions/${setId}/pact.json?version=3.0`, { setId: String(setId) })).status).toBe(404);
    const list = (await s2.get(indexLoader, "/fournisseur/facteurs")).body as { uploads: { id: number }[]; sets: { id: number }[] };
    expect(list.uploads.some((u) => u.id === uploadId)).toBe(false);
    expect(list.sets.some((s) => s.id === setId)).toBe(false);

    // The owner does see them.
    expect((await s1.get(uploadLoader, `/fournisseur/facteurs/depots/${uploadId}`, p)).status).toBe(200);
    expect((await s1.get(versionLoader, `/fournisseur/facteurs/versions/${setId}`, { setId: String(setId) })).status).toBe(200);
  });

  it("the CSR team gets 403 on supplier pages", async () => {
    const rse = await signedInClient(RSE);
    expect((await rse.get(indexLoader, "/fournisseur/facteurs")).status).toBe(403);
  });
});
