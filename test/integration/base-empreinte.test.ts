/**
 * Issue 18 §2: the CSR team imports an ADEME Base Empreinte export (fictitious fixture in the
 * official layout), picks ratios per purchasing segment, and edits the price indices.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { baseEmpreinteElements, deflators, files, organisations, referenceRatios } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as beAction, loader as beLoader } from "~/routes/rse.base-empreinte";
import { action as deflatorAction, loader as deflatorLoader } from "~/routes/rse.deflateurs";
import { loader as ratiosLoader } from "~/routes/rse.ratios";
import { seed, signedInClient, type TestClient } from "../support/client";

const RSE = "rse@metropole.example";
const S1 = "fournisseur@numerique-durable.example";
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures/base-empreinte", name));

function importFile(client: TestClient, name: string) {
  const fd = new FormData();
  fd.set("intent", "import");
  fd.set("file", new Blob([fixture(name)], { type: "text/csv" }), name);
  return client.post(beAction, "/rse/base-empreinte", fd);
}

let buyerOrg: number;
beforeAll(async () => {
  await seed();
  buyerOrg = (await db().select().from(organisations).where(eq(organisations.name, "Métropole Exemple — Direction des achats")).limit(1))[0]!.id;
});

describe("Base Empreinte import", () => {
  it("refuses a file with bad lines, listing line-numbered French errors, and stores nothing", async () => {
    const rse = await signedInClient(RSE);
    const out = await importFile(rse, "export-erreurs.csv");
    expect(out.status).toBe(400);
    const body = out.body as { ok: boolean; errors: { line: number; message: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7]);
    expect(body.errors[0]!.message).toBe("« Total poste non décomposé » : « beaucoup » n'est pas un nombre (virgule décimale attendue, ex. 75,2)");
    expect(await db().select().from(baseEmpreinteElements).where(eq(baseEmpreinteElements.organisationId, buyerOrg))).toEqual([]);
  });

  it("imports the valid monetary ratios, lists the archived / invalid ones with the reason, and lets the CSR team pick one per segment", async () => {
    const rse = await signedInClient(RSE);
    const out = await importFile(rse, "export-exemple.csv");
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ ok: true, imported: 4, nonMonetary: 1, encoding: "windows-1252" });
    const refused = (out.body as { refused: { id: string; reason: string }[] }).refused;
    expect(refused.map((r) => r.id)).toEqual(["990004", "990005", "990007"]);
    expect(refused[0]!.reason).toMatch(/^élément archivé/);
    // The original file is kept.
    expect((await db().select().from(files).where(eq(files.originalName, "export-exemple.csv"))).length).toBe(1);

    const page = (await rse.get(beLoader, "/rse/base-empreinte")).body as { elements: { id: number; elementId: string; name: string; kgPerKEur: number; year: number; status: string; unit: string }[] };
    const naf26 = page.elements.find((e) => e.elementId === "990002")!;
    expect(naf26).toMatchObject({ kgPerKEur: 480, year: 2022, status: "Valide générique", unit: "kgCO2e/k€HT 2022" });

    const picked = await rse.post(beAction, "/rse/base-empreinte", { intent: "use", elementRowId: String(naf26.id), key: "postes-de-travail" });
    expect(picked.status).toBe(302);
    const ratio = (await db().select().from(referenceRatios).where(and(eq(referenceRatios.organisationId, buyerOrg), eq(referenceRatios.key, "postes-de-travail"))).limit(1))[0]!;
    expect(ratio).toMatchObject({ externalId: "990002", kgPerKEur: 480, year: 2022, status: "Valide générique", unit: "kgCO2e/k€HT 2022", label: naf26.name });
    expect(ratio.source).toMatch(/^ADEME Base Empreinte, élément n° 990002/);
    const ratios = (await rse.get(ratiosLoader, "/rse/ratios")).body as { ratios: { key: string; origin: string }[] };
    expect(ratios.ratios.find((r) => r.key === "postes-de-travail")!.origin).toBe("base-empreinte");
    expect(ratios.ratios.find((r) => r.key === "impression")!.origin).toBe("demo");

    // A unit per € is converted to per k€ (0,08 kgCO2e/€ = 80 kgCO2e/k€).
    expect(page.elements.find((e) => e.elementId === "990008")!.kgPerKEur).toBe(80);
  });

  it("cannot pick another organisation's element (404), and suppliers are refused (403)", async () => {
    const rse = await signedInClient(RSE);
    const other = (await db().insert(organisations).values({ name: "Autre acheteur BE", kind: "buyer" }).returning())[0]!.id;
    const fileId = (await db().select().from(files).limit(1))[0]!.id;
    const foreign = (await db()
          .insert(baseEmpreinteElements)
          .values({ organisationId: other, elementId: "X1", name: "étranger", unit: "kgCO2e/k€", value: 1, kgPerKEur: 1, status: "Valide générique", year: 2022, posts: [], fileId, importedBy: 1 })
          .returning())[0]!;
    const out = await rse.post(beAction, "/rse/base-empreinte", { intent: "use", elementRowId: String(foreign.id), key: "impression" });
    expect(out.status).toBe(404);
    const supplier = await signedInClient(S1);
    expect((await supplier.get(beLoader, "/rse/base-empreinte")).status).toBe(403);
    expect((await supplier.get(deflatorLoader, "/rse/deflateurs")).status).toBe(403);
  });
});

describe("price indices", () => {
  it("start from the defaults marked « à vérifier » with their source; a value saved by the CSR team is verified and audited", async () => {
    const rse = await signedInClient(RSE);
    const list = (await rse.get(deflatorLoader, "/rse/deflateurs")).body as { deflators: { year: number; index: number; verified: boolean; source: string }[] };
    const y2023 = list.deflators.find((d) => d.year === 2023)!;
    expect(y2023).toMatchObject({ index: 117.35, verified: false });
    expect(y2023.source).toMatch(/INSEE.*à vérifier/);

    const bad = await rse.post(deflatorAction, "/rse/deflateurs", { year: "20x4", index: "-1", source: "" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(["index", "source", "year"]);

    const ok = await rse.post(deflatorAction, "/rse/deflateurs", { year: "2024", index: "120,1", source: "INSEE, série 001759970, consultée le 1er décembre 2026" });
    expect(ok.status).toBe(302);
    const saved = (await db().select().from(deflators).where(and(eq(deflators.organisationId, buyerOrg), eq(deflators.year, 2024))).limit(1))[0]!;
    expect(saved).toMatchObject({ index: 120.1, verified: true });
  });
});
