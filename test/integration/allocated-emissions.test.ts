/**
 * Issue 18 §3: a supplier declares emissions allocated to the customers that invited it, and only
 * to them; it sees only its own declarations; the customer's CSR team sees the three figures.
 */
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { allocatedEmissions, organisations } from "#db/schema";
import { db } from "~/lib/db.server";
import { loader as fileLoader } from "~/routes/fichiers.$fileId";
import { action as declareAction, loader as declareLoader } from "~/routes/fournisseur.emissions-allouees";
import { action as uploadAction } from "~/routes/fournisseur.facteurs._index";
import { action as scopeAction, loader as scopeLoader } from "~/routes/rse.scope3._index";
import { seed, signedInClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const RSE = "rse@metropole.example";
const BUYER_ORG = "Métropole Exemple — Direction des achats";
const org = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;

let buyer: number;
let stranger: number;
beforeAll(async () => {
  await seed();
  buyer = await org(BUYER_ORG);
  // A buying organisation that never invited anyone.
  stranger = (await db().insert(organisations).values({ name: "Acheteur sans invitation", kind: "buyer" }).returning())[0]!.id;
});

const declaration = (customer: number, extra: Record<string, string> = {}) => ({
  customerOrganisationId: String(customer),
  year: "2025",
  scope12T: "6,5",
  scope3UpstreamT: "4,1",
  method: "revenue-share",
  verification: "limited",
  verifiedBy: "Organisme vérificateur (exemple)",
  uncertaintyPct: "15",
  ...extra,
});

describe("allocated emissions", () => {
  it("a supplier declares only to a customer that invited it; the form says what is wrong, in French", async () => {
    const s2 = await signedInClient(S2);
    const page = (await s2.get(declareLoader, "/fournisseur/emissions-allouees")).body as { customers: { id: number }[] };
    expect(page.customers.map((c) => c.id)).toEqual([buyer]);

    const refused = await s2.post(declareAction, "/fournisseur/emissions-allouees", declaration(stranger));
    expect(refused.status).toBe(400);
    expect((refused.body as { formError: string }).formError).toMatch(/qui vous a invité/);
    expect(await db().select().from(allocatedEmissions).where(eq(allocatedEmissions.customerOrganisationId, stranger))).toEqual([]);

    const negative = await s2.post(declareAction, "/fournisseur/emissions-allouees", declaration(buyer, { scope12T: "-2" }));
    expect(negative.status).toBe(400);
    expect((negative.body as { fieldErrors: Record<string, string[]> }).fieldErrors.scope12T).toEqual(["« -2 » : Scopes 1 et 2 doit être un nombre positif ou nul de tCO2e (ex. 12,5)"]);
    const invalid = await s2.post(declareAction, "/fournisseur/emissions-allouees", declaration(buyer, { method: "other", verifiedBy: "" }));
    expect(invalid.status).toBe(400);
    expect(Object.keys((invalid.body as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(["methodDescription", "verifiedBy"]);

    const fd = new FormData();
    for (const [k, v] of Object.entries(declaration(buyer))) fd.set(k, v);
    fd.set("evidence", new Blob(["%PDF-1.4 attestation"], { type: "application/pdf" }), "attestation.pdf");
    expect((await s2.post(declareAction, "/fournisseur/emissions-allouees", fd)).status).toBe(302);
    // Replacing the same customer and year keeps one live row (the earlier one is kept, withdrawn).
    expect((await s2.post(declareAction, "/fournisseur/emissions-allouees", declaration(buyer, { scope12T: "6,6" }))).status).toBe(302);
    const live = await db().select().from(allocatedEmissions).where(and(eq(allocatedEmissions.supplierOrganisationId, await org(DEMO_SUPPLIER2_ORG)), isNull(allocatedEmissions.deletedAt)));
    expect(live).toHaveLength(1);
    expect(live[0]).toMatchObject({ scope12T: 6.6, scope3UpstreamT: 4.1, method: "revenue-share", verification: "limited", uncertaintyPct: 15 });
    expect(live[0]!.evidenceFileId).not.toBeNull();
  });

  it("another supplier neither sees nor withdraws it (404); the customer's CSR team can read its evidence", async () => {
    const s1 = await signedInClient(S1);
    const row = (await db().select().from(allocatedEmissions).where(and(eq(allocatedEmissions.supplierOrganisationId, await org(DEMO_SUPPLIER2_ORG)), isNull(allocatedEmissions.deletedAt))).limit(1))[0]!;
    const list = (await s1.get(declareLoader, "/fournisseur/emissions-allouees")).body as { declarations: { id: number }[] };
    expect(list.declarations.some((d) => d.id === row.id)).toBe(false);
    expect((await s1.post(declareAction, "/fournisseur/emissions-allouees", { intent: "withdraw", id: String(row.id) })).status).toBe(404);
    expect((await db().select().from(allocatedEmissions).where(eq(allocatedEmissions.id, row.id)).limit(1))[0]!.deletedAt).toBeNull();
    const fileId = String(row.evidenceFileId);
    expect((await s1.get(fileLoader, `/fichiers/${fileId}`, { fileId })).status).toBe(404);
    const rse = await signedInClient(RSE);
    expect((await rse.get(fileLoader, `/fichiers/${fileId}`, { fileId })).status).toBe(200);
    // The CSR team cannot use the supplier page.
    expect((await rse.get(declareLoader, "/fournisseur/emissions-allouees")).status).toBe(403);
  });

  it("the CSR scope 3 page shows, per supplier, the three figures and the one the inventory uses", async () => {
    const s2 = await signedInClient(S2);
    const fd = new FormData();
    fd.set("intent", "csv");
    fd.set(
      "file",
      new Blob([
        "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source\n" +
          "Heure de serveur virtuel;hebergement-cloud;1;0,05;kgCO2e/heure;20;ghg-product;market-based;2025;Organisme vérificateur (exemple);rapport\n",
      ]),
      "f.csv",
    );
    expect((await s2.post(uploadAction, "/fournisseur/facteurs", fd)).status).toBe(302);
    const rse = await signedInClient(RSE);
    const added = await rse.post(scopeAction, "/rse/scope3", {
      intent: "add",
      supplierOrganisationId: String(await org(DEMO_SUPPLIER2_ORG)),
      year: "2025",
      segment: "hebergement-cloud",
      ghgCategory: "1",
      item: "Heure de serveur virtuel",
      spendKEur: "120",
      quantity: "200000",
      activityUnit: "heure",
    });
    expect(added.status).toBe(302);
    const body = (await rse.get(scopeLoader, "/rse/scope3?annee=2025")).body as {
      supplierFigures: { supplierName: string; year: number; spendRatioKg: number; activityFactorsKg: number; allocatedKg: number; choice: { kind: string } }[];
    };
    const row = body.supplierFigures.find((r) => r.supplierName === DEMO_SUPPLIER2_ORG && r.year === 2025)!;
    expect(row.activityFactorsKg).toBeCloseTo(10000, 6);
    expect(row.allocatedKg).toBeCloseTo(10700, 6);
    expect(row.spendRatioKg).toBeCloseTo((120 * 117.35) / 121 * 150, 6); // euros 2025 → 2023, NAF 63.11 demo ratio
    expect(row.choice.kind).toBe("activity-factors");
    expect(body.supplierFigures.some((r) => r.supplierName === DEMO_SUPPLIER1_ORG && r.year === 2025)).toBe(false);
  });
});
