import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityData, auditLog, organisations } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as uploadAction } from "~/routes/fournisseur.facteurs._index";
import { action as scopeAction, loader as scopeLoader } from "~/routes/rse.scope3._index";
import { loader as scopeCsvLoader } from "~/routes/rse.scope3[.]csv";
import { loader as templateLoader } from "~/routes/rse.scope3.modele[.]csv";
import { seed, signedInClient, type TestClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";

const S1 = "fournisseur@numerique-durable.example";
const RSE = "rse@metropole.example";
const HEADER = "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source";

let s1Org: number;

async function uploadFactors(client: TestClient, lines: string[]) {
  const fd = new FormData();
  fd.set("intent", "csv");
  fd.set("file", new Blob([`${HEADER}\n${lines.join("\n")}\n`], { type: "text/csv" }), "facteurs.csv");
  expect((await client.post(uploadAction, "/fournisseur/facteurs", fd)).status).toBe(302);
}

function importCsv(client: TestClient, text: string) {
  const fd = new FormData();
  fd.set("intent", "import");
  fd.set("file", new Blob([text], { type: "text/csv" }), "activite.csv");
  return client.post(scopeAction, "/rse/scope3", fd);
}

type ScopeBody = {
  byCategory: { ghgCategory: number; specificKg: number; monetaryKg: number; differenceKg: number; supplierFactorKg: number; lines: number }[];
  total: { specificKg: number; monetaryKg: number; differenceKg: number };
  lines: { id: number; basis: string; specificKg: number | null; monetaryKg: number | null; note: string; conversions: string[] }[];
};

const activeLines = async () => (await db().select({ n: count() }).from(activityData).where(eq(activityData.organisationId, await buyerOrg())).limit(1))[0]?.n ?? 0;
const buyerOrg = async () => (await db().select().from(organisations).where(eq(organisations.name, "Métropole Exemple — Direction des achats")).limit(1))[0]!.id;

beforeAll(async () => {
  await seed();
  const org = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
  s1Org = await org(DEMO_SUPPLIER1_ORG);
  const s1 = await signedInClient(S1);
  // Version 1 (superseded): must not be used.
  await uploadFactors(s1, ["Ordinateur portable 14 pouces (neuf);postes-de-travail;2;999;kgCO2e/unité;;lca-iso14040;;2024;;"]);
  // Version 2 (latest).
  await uploadFactors(s1, [
    "Ordinateur portable 14 pouces (neuf);postes-de-travail;2;156,3;kgCO2e/unité;15;lca-iso14040;;2024;;",
    "Écran 24 pouces;postes-de-travail;2;350;kgCO2e/unité;;lca-iso14040;;2024;;",
    "Prestation de développement;prestations-intellectuelles;1;95;kgCO2e/k€;50;monetary-ratio;;2023;;",
  ]);
});

describe("scope 3 estimate", () => {
  it("computes a small hand-checked case with the supplier's latest factors, falling back to monetary ratios", async () => {
    const rse = await signedInClient(RSE);
    // Entered in the form (French decimals), one line…
    const added = await rse.post(scopeAction, "/rse/scope3", {
      intent: "add",
      supplierOrganisationId: String(s1Org),
      year: "2024",
      segment: "postes-de-travail",
      ghgCategory: "2",
      item: "ordinateur portable 14 pouces (NEUF)",
      spendKEur: "80",
      quantity: "100",
      activityUnit: "unit",
    });
    expect(added.status).toBe(302);
    // …and the others imported as CSV (comma-separated variant with French names).
    const imported = await importCsv(
      rse,
      [
        "fournisseur;annee;segment;categorie_ghg;libelle;depense_keur_ht;quantite;unite",
        `${DEMO_SUPPLIER1_ORG};2024;prestations-intellectuelles;1;;200;;`,
        `${DEMO_SUPPLIER2_ORG};2024;Hébergement et cloud;1;;"1 000,5";;`,
        `${DEMO_SUPPLIER1_ORG};2024;logiciels-saas;1;Licence;;10;utilisateur.an`,
      ].join("\r\n"),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ ok: true, imported: 3 });

    const out = await rse.get(scopeLoader, "/rse/scope3?annee=2024");
    expect(out.status).toBe(200);
    const body = out.body as ScopeBody;
    expect(body.lines.map((l) => l.basis).sort()).toEqual(["monetary-fallback", "none", "supplier-quantity", "supplier-spend"]);

    // Spend of 2024, demo ratios in euros 2023: converted with the default price indices (« à vérifier »),
    // d = 117,35 / 119,76; the supplier's k€ factor (reference year 2023) is converted the same way.
    const d = 117.35 / 119.76;
    // Category 1: 200 × d × 95 + 1 000,5 × d × 150 (NAF 63.11 demo, fallback); monetary 200 × d × 75 + the same fallback.
    // Category 2: 100 × 156,3 = 15 630 ; monetary 80 × d × 500 (NAF 26 demo).
    const fallback = 1000.5 * d * 150;
    const [c1, c2] = body.byCategory;
    expect(c1!.ghgCategory).toBe(1);
    expect(c1!.specificKg).toBeCloseTo(200 * d * 95 + fallback, 6);
    expect(c1!.monetaryKg).toBeCloseTo(200 * d * 75 + fallback, 6);
    expect(c1!.supplierFactorKg).toBeCloseTo(200 * d * 95, 6);
    expect(c2!.specificKg).toBeCloseTo(15630, 6);
    expect(c2!.monetaryKg).toBeCloseTo(80 * d * 500, 6);
    expect(body.total.specificKg).toBeCloseTo(200 * d * 95 + fallback + 15630, 6);
    expect(body.total.monetaryKg).toBeCloseTo(200 * d * 75 + fallback + 80 * d * 500, 6);
    // Every line shows the year conversion it used.
    const cloud = body.lines.find((l) => l.basis === "monetary-fallback")!;
    expect(cloud.conversions).toEqual(["dépense 2024 en euros 2023 : × 0,980 (indice 117,35 / 119,76)"]);
    const spend = body.lines.find((l) => l.basis === "supplier-spend")!;
    expect(spend.conversions).toEqual(["dépense 2024 en euros 2023 : × 0,980 (indice 117,35 / 119,76)", "dépense 2024 en euros 2023 : × 0,980 (indice 117,35 / 119,76)"]);

    // The CSV export has both columns, the totals, and is formula-safe.
    const csv = await rse.get(scopeCsvLoader, "/rse/scope3.csv?annee=2024");
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain("kgco2e_facteurs_fournisseurs");
    expect(text).toContain("15630");
    expect(text).toContain("dépense 2024 en euros 2023 : × 0,980 (indice 117,35 / 119,76)");
    // Numbers stay numbers for the spreadsheet: no apostrophe before a negative difference, no
    // thousands separator; units in French; « ligne » agreed with its count.
    expect(text).toMatch(/total;{8}[\d,]+;;[\d,]+;-?[\d,]+;\d+ lignes?\r\n$/);
    expect(text).not.toMatch(/'-\d/);
    expect(text).toContain(";100;unité;");
    expect(text).not.toMatch(/;unit;/);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "scope3.export"))).length).toBeGreaterThan(0);
  });

  it("imports all or nothing, with per-line French errors", async () => {
    const rse = await signedInClient(RSE);
    const before = await activeLines();
    const out = await importCsv(
      rse,
      [
        "fournisseur;annee;segment;categorie_ghg;libelle;depense_keur_ht;quantite;unite",
        `${DEMO_SUPPLIER1_ORG};2024;prestations-intellectuelles;1;;12;;`,
        "Fournisseur Inconnu;2024;prestations-intellectuelles;1;;12;;",
        `${DEMO_SUPPLIER1_ORG};24;postes-de-travail;16;;-5;;`,
        `${DEMO_SUPPLIER1_ORG};2024;postes-de-travail;2;;;3;`,
        `=HYPERLINK("x");2024;postes-de-travail;2;;1;;`,
      ].join("\n"),
    );
    expect(out.status).toBe(400);
    const errors = (out.body as { errors: { line: number; column: string; message: string }[] }).errors;
    expect(await activeLines()).toBe(before);
    expect(errors.some((e) => e.line === 3 && e.column === "fournisseur" && e.message.includes("n'est pas un fournisseur lié"))).toBe(true);
    expect(errors.some((e) => e.line === 4 && e.column === "annee")).toBe(true);
    expect(errors.some((e) => e.line === 4 && e.column === "categorie_ghg")).toBe(true);
    expect(errors.some((e) => e.line === 4 && e.column === "depense_keur_ht" && e.message.includes("positif"))).toBe(true);
    expect(errors.some((e) => e.line === 5 && e.column === "unite")).toBe(true);
    expect(errors.some((e) => e.line === 6)).toBe(true);

    const missing = await importCsv(rse, "fournisseur;annee;segment\nx;2024;y\n");
    expect(missing.status).toBe(400);
    expect((missing.body as { errors: { message: string }[] }).errors.some((e) => e.message.includes("categorie_ghg"))).toBe(true);
  });

  it("validates the form with French messages and keeps the values", async () => {
    const rse = await signedInClient(RSE);
    const out = await rse.post(scopeAction, "/rse/scope3", { intent: "add", supplierOrganisationId: String(s1Org), year: "2024", segment: "impression", ghgCategory: "1", quantity: "abc" });
    expect(out.status).toBe(400);
    const body = out.body as { fieldErrors: Record<string, string[]>; values: Record<string, string> };
    expect(body.fieldErrors.quantity?.[0]).toContain("n'est pas un nombre");
    expect(body.values.segment).toBe("impression");
  });

  it("refuses suppliers that are not linked, other organisations' lines, and suppliers", async () => {
    const rse = await signedInClient(RSE);
    const stranger = (await db().insert(organisations).values({ name: "Étranger SAS", kind: "supplier" }).returning())[0]!.id;
    const out = await rse.post(scopeAction, "/rse/scope3", { intent: "add", supplierOrganisationId: String(stranger), year: "2024", segment: "impression", ghgCategory: "1", spendKEur: "1" });
    expect(out.status).toBe(400);

    const otherBuyer = (await db().insert(organisations).values({ name: "Autre acheteur SA", kind: "buyer" }).returning())[0]!.id;
    const foreign = (await db().insert(activityData).values({ organisationId: otherBuyer, supplierOrganisationId: s1Org, year: 2024, segment: "impression", ghgCategory: 1, spendKEur: 1 }).returning())[0]!;
    const del = await rse.post(scopeAction, "/rse/scope3", { intent: "delete", id: String(foreign.id) });
    expect(del.status).toBe(404);
    expect((await db().select().from(activityData).where(eq(activityData.id, foreign.id)).limit(1))[0]!.deletedAt).toBeNull();
    const lines = (await rse.get(scopeLoader, "/rse/scope3")).body as ScopeBody;
    expect(lines.lines.some((l) => l.id === foreign.id)).toBe(false);

    const s1 = await signedInClient(S1);
    expect((await s1.get(scopeLoader, "/rse/scope3")).status).toBe(403);
    expect((await s1.get(scopeCsvLoader, "/rse/scope3.csv")).status).toBe(403);
    expect((await s1.post(scopeAction, "/rse/scope3", { intent: "delete", id: "1" })).status).toBe(403);
  });

  it("deletes softly", async () => {
    const rse = await signedInClient(RSE);
    const body = (await rse.get(scopeLoader, "/rse/scope3")).body as ScopeBody;
    const id = body.lines[0]!.id;
    expect((await rse.post(scopeAction, "/rse/scope3", { intent: "delete", id: String(id) })).status).toBe(302);
    expect((await db().select().from(activityData).where(eq(activityData.id, id)).limit(1))[0]!.deletedAt).not.toBeNull();
    const after = (await rse.get(scopeLoader, "/rse/scope3")).body as ScopeBody;
    expect(after.lines.some((l) => l.id === id)).toBe(false);
  });

  it("checks CSRF on every form", async () => {
    const rse = await signedInClient(RSE);
    const before = await activeLines();
    const out = await rse.post(
      scopeAction,
      "/rse/scope3",
      { intent: "add", supplierOrganisationId: String(s1Org), year: "2024", segment: "impression", ghgCategory: "1", spendKEur: "1" },
      {},
      { csrf: false },
    );
    expect(out.status).toBe(403);
    const fd = new FormData();
    fd.set("intent", "import");
    fd.set("csrf", "forged-forged-forged-forged-forged-forged");
    fd.set("file", new Blob([`fournisseur;annee;segment;categorie_ghg;depense_keur_ht\n${DEMO_SUPPLIER1_ORG};2024;impression;1;5\n`]), "a.csv");
    expect((await rse.post(scopeAction, "/rse/scope3", fd)).status).toBe(403);
    expect(await activeLines()).toBe(before);
  });

  it("publishes an activity template for the CSR team", async () => {
    const rse = await signedInClient(RSE);
    const out = await rse.get(templateLoader, "/rse/scope3/modele.csv");
    expect(out.status).toBe(200);
    expect(String(out.body)).toContain("fournisseur;annee;segment;categorie_ghg;libelle;depense_keur_ht;quantite;unite");
  });
});
