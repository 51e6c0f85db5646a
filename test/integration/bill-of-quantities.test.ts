import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activityData, auditLog, billReplacements, billResponses, factors, organisations, tenders } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as billAction, loader as billLoader } from "~/routes/acheteur.appels-d-offres.$id.bordereau";
import { action as footprintAction, loader as footprintLoader } from "~/routes/acheteur.appels-d-offres.$id.empreinte";
import { action as closeAction } from "~/routes/acheteur.appels-d-offres.$id.cloturer";
import { action as evalOverviewAction } from "~/routes/acheteur.appels-d-offres.$id.evaluation._index";
import { action as shareAction } from "~/routes/acheteur.appels-d-offres.$id.fournisseurs.$supplierId";
import { action as publishAction } from "~/routes/acheteur.appels-d-offres.$id.publier";
import { action as supplierBillAction, loader as supplierBillLoader } from "~/routes/fournisseur.consultations.$tenderId.bordereau";
import { loader as supplierBillCsvLoader } from "~/routes/fournisseur.consultations.$tenderId.bordereau[.]csv";
import { loader as debriefLoader } from "~/routes/fournisseur.consultations.$tenderId.restitution";
import { action as uploadAction } from "~/routes/fournisseur.facteurs._index";
import { loader as scopeLoader } from "~/routes/rse.scope3._index";
import { getOfferCriterion } from "#questionnaires/offer-criteria";
import { getCurrentUser } from "~/auth/session.server";
import { catalogueOfferCriterion } from "~/tenders/builder";
import { buildScoringInput } from "~/tenders/scoring-input.server";
import { seed, signedInClient, type TestClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";
import { otherBuyer, seededTenderIds, tenderRow } from "../support/tenders";

const BUYER = "acheteur@metropole.example";
const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const RSE = "rse@metropole.example";
const FACTOR_HEADER = "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source";

const BILL_CSV = "\uFEFFid_ligne;libelle;unite;quantite;segment;categorie_ghg\r\nL01;Ordinateur portable 14 pouces;pièce;150;postes-de-travail;2\r\nL02;Écran 24 pouces;unité;\"1 000\";postes-de-travail;2\r\nL03;Support et maintenance;k€;12,5;;1\r\n";

let draftId: number;
let publishedId: number;
let s1Org: number;
let s2Org: number;

const orgId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
const file = (text: string) => new Blob([text], { type: "text/csv" });

function importForm(text: string) {
  const fd = new FormData();
  fd.set("intent", "import");
  fd.set("file", file(text), "bordereau.csv");
  return fd;
}

async function userOf(client: TestClient) {
  const user = await getCurrentUser(client.request("/"));
  if (!user) throw new Error("not signed in");
  return user;
}

beforeAll(async () => {
  await seed();
  const ids = await seededTenderIds();
  draftId = ids.draft;
  publishedId = ids.published;
  s1Org = await orgId(DEMO_SUPPLIER1_ORG);
  s2Org = await orgId(DEMO_SUPPLIER2_ORG);
});

describe("the buyer's bill", () => {
  it("is imported from a French CSV (all or nothing), completed in the form, and frozen at publication", async () => {
    const buyer = await signedInClient(BUYER);
    const params = { id: String(draftId) };
    const path = `/acheteur/appels-d-offres/${draftId}/bordereau`;
    // A file with one bad line imports nothing.
    const bad = await buyer.post(billAction, path, importForm(BILL_CSV.replace("12,5", "douze")), params);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("« douze » n'est pas un nombre");
    expect((await buyer.get(billLoader, path, params)).body).toMatchObject({ lines: [] });
    expect((await buyer.post(billAction, path, importForm(BILL_CSV), params)).status).toBe(302);
    const added = await buyer.post(billAction, path, { intent: "add", id: "L04", label: "Hébergement de machines virtuelles", unit: "hour", quantity: "8 760", segment: "", ghgCategory: "1" }, params);
    expect(added.status).toBe(302);
    const refused = await buyer.post(billAction, path, { intent: "add", id: "L04", label: "x", unit: "m²", quantity: "0" }, params);
    expect(refused.status).toBe(400);
    expect((refused.body as { fieldErrors: Record<string, string> }).fieldErrors).toMatchObject({ unit: expect.stringContaining("Unité « m² » inconnue"), quantity: "Quantité : la valeur doit être strictement positive" });
    const page = (await buyer.get(billLoader, path, params)).body as { lines: { id: string; quantity: string; unit: string }[]; editable: boolean };
    expect(page.editable).toBe(true);
    expect(page.lines.map((l) => [l.id, l.unit, l.quantity])).toEqual([
      ["L01", "unit", "150"],
      ["L02", "unit", "1000"],
      ["L03", "k€", "12.5"],
      ["L04", "hour", "8760"],
    ]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.action, "tender.bill-import"), eq(auditLog.targetId, String(draftId))))).toHaveLength(1);

    // Publication freezes the bill with the method (and its SHA-256 covers it).
    const pub = await buyer.post(publishAction, `/acheteur/appels-d-offres/${draftId}/publier`, { confirm: "yes", allowEarlyEvaluation: "false" }, params);
    expect([302, 200]).toContain(pub.status);
    const row = (await tenderRow(draftId))!;
    expect(row.status).toBe("published");
    expect((row.publishedMethod as { bill: { id: string }[] }).bill.map((l) => l.id)).toEqual(["L01", "L02", "L03", "L04"]);
    const after = await buyer.post(billAction, path, { intent: "add", id: "L05", label: "Tard", unit: "unit", quantity: "1" }, params);
    expect(after.status).toBe(409);
    expect(JSON.stringify(after.body)).toContain("bordereau est figé");
    expect((await buyer.post(billAction, path, importForm(BILL_CSV), params)).status).toBe(409);
    expect((await buyer.post(billAction, path, { intent: "delete", lineId: "L01" }, params)).status).toBe(409);
    expect(((await buyer.get(billLoader, path, params)).body as { editable: boolean }).editable).toBe(false);
  });

  it("is not visible to another buying organisation (404)", async () => {
    const other = await otherBuyer();
    expect((await other.get(billLoader, `/acheteur/appels-d-offres/${draftId}/bordereau`, { id: String(draftId) })).status).toBe(404);
    expect((await other.post(billAction, `/acheteur/appels-d-offres/${draftId}/bordereau`, { intent: "add", id: "X", label: "x", unit: "unit", quantity: "1" }, { id: String(draftId) })).status).toBe(404);
  });
});

describe("suppliers answer the bill of a published tender", () => {
  const params = () => ({ tenderId: String(publishedId) });
  const path = () => `/fournisseur/consultations/${publishedId}/bordereau`;

  beforeAll(async () => {
    // The seeded published tender (both demo suppliers submitted, early evaluation allowed) gets a bill,
    // as if it had been published with one — by a private buyer, so that closing does not wait for the
    // review of every answer (issue 11's rule for public buyers, tested on its own).
    const t = (await tenderRow(publishedId))!;
    // Its offer criterion becomes the bill's footprint, `empreinte-offre` (what a buyer with a bill picks).
    const published = t.publishedMethod as { procurement?: object; offerCriteria: { share: number }[] };
    const method = {
      ...published,
      procurement: { ...published.procurement, regime: "private", countOnlyReviewed: false },
      offerCriteria: [catalogueOfferCriterion(getOfferCriterion("empreinte-offre")!, published.offerCriteria[0]?.share ?? 12)],
      bill: [
      { id: "L01", label: "Ordinateur portable 14 pouces", unit: "unit", quantity: "150", segment: "postes-de-travail", ghgCategory: 2 },
      { id: "L02", label: "Écran 24 pouces", unit: "unit", quantity: "1000", segment: "postes-de-travail", ghgCategory: 2 },
      ],
    };
    await db().update(tenders).set({ publishedMethod: method }).where(eq(tenders.id, publishedId));
  });

  it("S1 fills the form with one line taken from its uploaded factor file (link kept), S2 uploads a CSV", async () => {
    const s1 = await signedInClient(S1);
    const fd = new FormData();
    fd.set("intent", "csv");
    fd.set("file", file(`${FACTOR_HEADER}\nOrdinateur portable 14 pouces;postes-de-travail;2;156,3;kgCO2e/unité;15;lca-iso14040;;2024;Bureau Veritas;ACV\n`), "facteurs.csv");
    expect((await s1.post(uploadAction, "/fournisseur/facteurs", fd)).status).toBe(302);
    const page = (await s1.get(supplierBillLoader, path(), params())).body as { lines: { id: string; options: { id: number }[]; exactFactorId: number | null }[] };
    const factorId = page.lines[0]!.exactFactorId!;
    expect(factorId).toBeGreaterThan(0);
    expect(page.lines[1]!.exactFactorId).toBeNull();
    const saved = await s1.post(
      supplierBillAction,
      path(),
      {
        intent: "save",
        "l0.id": "L01",
        "l0.unitPrice": "899,99",
        "l0.factorChoice": String(factorId),
        "l1.id": "L02",
        "l1.unitPrice": "180",
        "l1.factor": "350,5",
        "l1.method": "pcr-ademe",
        "l1.referenceYear": "2023",
      },
      params(),
    );
    expect(saved.status).toBe(302);
    const rows = await db().select().from(billResponses).where(and(eq(billResponses.tenderId, publishedId), eq(billResponses.supplierOrganisationId, s1Org)));
    expect(rows.find((r) => r.lineId === "L01")).toMatchObject({ unitPrice: "899.99", factor: "156.3", factorId, method: "lca-iso14040", verifiedBy: "Bureau Veritas" });
    expect(rows.find((r) => r.lineId === "L02")).toMatchObject({ factor: "350.5", factorId: null });
    const totals = ((await s1.get(supplierBillLoader, path(), params())).body as { totals: { price: string; footprint: string } }).totals;
    // 150 × 899.99 + 1000 × 180 = 314998.50 € ; 150 × 156.3 + 1000 × 350.5 = 373945 kg
    expect(totals).toEqual({ price: "314998.50", footprint: "373945.000" });

    const s2 = await signedInClient(S2);
    const csv = String((await s2.get(supplierBillCsvLoader, `${path()}.csv`, params())).body);
    expect(csv).toContain("prix_unitaire_eur_ht");
    expect(csv).not.toContain("899,99");
    const filled = "id_ligne;prix_unitaire_eur_ht;facteur_kgco2e_par_unite;methode;annee_reference;verifie_par\nL01;950;120;iso14067;2025;\nL02;170;2;other;2024;\n";
    const up = new FormData();
    up.set("intent", "import");
    up.set("file", file(filled), "rempli.csv");
    expect((await s2.post(supplierBillAction, path(), up, params())).status).toBe(302);
    expect(await db().select().from(billResponses).where(and(eq(billResponses.tenderId, publishedId), eq(billResponses.supplierOrganisationId, s2Org)))).toHaveLength(2);
  });

  it("a supplier never reads nor uses another supplier's lines or factors", async () => {
    const s2 = await signedInClient(S2);
    const body = JSON.stringify((await s2.get(supplierBillLoader, path(), params())).body);
    expect(body).not.toContain("899.99");
    expect(body).not.toContain("Bureau Veritas");
    // Picking S1's factor by id is refused as unknown.
    const s1Factor = (await db().select().from(factors).where(eq(factors.item, "Ordinateur portable 14 pouces")).limit(1))[0]!;
    const stolen = await s2.post(supplierBillAction, path(), { intent: "save", "l0.id": "L01", "l0.unitPrice": "1", "l0.factorChoice": String(s1Factor.id) }, params());
    expect(stolen.status).toBe(400);
    expect(JSON.stringify(stolen.body)).toContain("facteur inconnu");
    // A supplier cannot open the buyer's footprint view.
    expect([403, 404]).toContain((await s2.get(footprintLoader, `/acheteur/appels-d-offres/${publishedId}/empreinte`, { id: String(publishedId) })).status);
    // A supplier not invited to a tender: 404 on its bill.
    expect((await s2.get(supplierBillLoader, `/fournisseur/consultations/${draftId}/bordereau`, { tenderId: String(draftId) })).status).toBe(404);
  });

  it("the price and the footprint are computed and enter the scoring input; manual price entry is ignored", async () => {
    const buyer = await signedInClient(BUYER);
    for (const org of [s1Org, s2Org]) {
      expect((await buyer.post(evalOverviewAction, `/acheteur/appels-d-offres/${publishedId}/evaluation`, { supplierOrganisationId: String(org), price: "1", technical: "70" }, { id: String(publishedId) })).status).toBe(302);
    }
    const input = await buildScoringInput({ tenderId: publishedId, user: await userOf(buyer) });
    const s1 = input.suppliers.find((s) => s.organisationId === s1Org)!;
    const s2 = input.suppliers.find((s) => s.organisationId === s2Org)!;
    expect([s1.price, s1.footprintKg]).toEqual([314998.5, 373945]);
    // 150 × 950 + 1000 × 170 = 312500 ; 150 × 120 + 1000 × 2 = 20000
    expect([s2.price, s2.footprintKg]).toEqual([312500, 20000]);
    expect(input.input?.suppliers?.find((s) => s.id === s1.key)?.price).toBe(314998.5);
    // Issue 11's offer criterion `empreinte-offre` (lower is better) takes the computed footprint, whatever was typed.
    expect(input.method.offerCriteria.map((c) => c.id)).toContain("empreinte-offre");
    expect(input.input?.suppliers?.map((s) => [s.id, s.offerValues?.["empreinte-offre"]])).toEqual(
      expect.arrayContaining([
        [s1.key, 373945],
        [s2.key, 20000],
      ]),
    );
  });

  it("the evaluator's replacement by the conservative reference is audited and shown in the supplier's debrief", async () => {
    const buyer = await signedInClient(BUYER);
    const fp = `/acheteur/appels-d-offres/${publishedId}/empreinte`;
    const view = (await buyer.get(footprintLoader, `${fp}?fournisseur=${s2Org}`, { id: String(publishedId) })).body as {
      lines: { id: string; plausibility: { flagged: boolean } | null; share: number }[];
      summary: { organisationId: number; flagged: number; unverified: number }[];
    };
    // Sorted by weight: L01 (18000 kg) before L02 (2000 kg); L02's 2 kg for 170 € (11.8 kg/k€ vs the demo NAF 26 ratio, 500) is implausible.
    expect(view.lines.map((l) => l.id)).toEqual(["L01", "L02"]);
    expect(view.lines.find((l) => l.id === "L02")!.plausibility!.flagged).toBe(true);
    expect(view.summary.find((s) => s.organisationId === s2Org)).toMatchObject({ flagged: 1, unverified: 2 });
    const short = await buyer.post(footprintAction, fp, { intent: "replace", supplierId: String(s2Org), lineId: "L02", justification: "trop" }, { id: String(publishedId) });
    expect(short.status).toBe(400);
    const ok = await buyer.post(footprintAction, fp, { intent: "replace", supplierId: String(s2Org), lineId: "L02", justification: "Facteur de 2 kg par écran sans étude à l'appui." }, { id: String(publishedId) });
    expect(ok.status).toBe(302);
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, "tender.bill-factor-replace"));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ lineId: "L02", supplierFactor: "2", justification: "Facteur de 2 kg par écran sans étude à l'appui." });
    expect(await db().select().from(billReplacements)).toHaveLength(1);
    const input = await buildScoringInput({ tenderId: publishedId, user: await userOf(buyer) });
    // L02: 170000 € = 170 k€ × 500 (demo NAF 26 ratio) = 85000 kg ; + 18000 = 103000 kg
    expect(input.suppliers.find((s) => s.organisationId === s2Org)!.footprintKg).toBe(103000);
    // Another buying organisation cannot replace (404).
    const other = await otherBuyer("acheteur2@autre-collectivite.example");
    expect((await other.post(footprintAction, fp, { intent: "replace", supplierId: String(s1Org), lineId: "L01", justification: "Tentative extérieure." }, { id: String(publishedId) })).status).toBe(404);
    // Debrief shared with S2 shows the replacement and its justification.
    expect((await buyer.post(shareAction, `/acheteur/appels-d-offres/${publishedId}/fournisseurs/${s2Org}`, { confirm: "yes" }, { id: String(publishedId), supplierId: String(s2Org) })).status).toBe(302);
    const s2 = await signedInClient(S2);
    const debrief = (await s2.get(debriefLoader, `/fournisseur/consultations/${publishedId}/restitution`, { tenderId: String(publishedId) })).body as { bill: { footprint: string; replacements: { lineId: string; justification: string }[] } };
    expect(debrief.bill.footprint).toBe("103000.000");
    expect(debrief.bill.replacements).toEqual([expect.objectContaining({ lineId: "L02", justification: "Facteur de 2 kg par écran sans étude à l'appui." })]);
  });

  it("closing with a winner carries its lines into scope 3 once, with the factor version referenced", async () => {
    const buyer = await signedInClient(BUYER);
    const closed = await buyer.post(closeAction, `/acheteur/appels-d-offres/${publishedId}/cloturer`, { confirm: "yes", winner: String(s1Org) }, { id: String(publishedId) });
    expect(closed.status).toBe(302);
    expect((await tenderRow(publishedId))!.awardedSupplierOrganisationId).toBe(s1Org);
    const rows = await db().select().from(activityData).where(eq(activityData.sourceTenderId, publishedId));
    expect(rows.map((r) => [r.sourceLineId, r.quantity, r.tenderFactorKgPerUnit, r.supplierOrganisationId])).toEqual([
      ["L01", 150, "156.3", s1Org],
      ["L02", 1000, "350.5", s1Org],
    ]);
    const linked = rows.find((r) => r.sourceLineId === "L01")!;
    expect(linked.sourceFactorId).toBe((await db().select().from(factors).where(eq(factors.item, "Ordinateur portable 14 pouces")).limit(1))[0]!.id);
    expect(linked.provenance).toContain("fichier de facteurs v1, ligne 2");
    // Closing again is refused; the lines are there once.
    expect((await buyer.post(closeAction, `/acheteur/appels-d-offres/${publishedId}/cloturer`, { confirm: "yes", winner: String(s1Org) }, { id: String(publishedId) })).status).toBe(409);
    expect(await db().select().from(activityData).where(isNotNull(activityData.sourceTenderId))).toHaveLength(2);
    // The CSR team sees them in scope 3, estimated with the tender's factors beside the monetary ratio.
    const rse = await signedInClient(RSE);
    const scope = (await rse.get(scopeLoader, "/rse/scope3")).body as { lines: { item: string; basis: string; specificKg: number; monetaryKg: number | null; fromTender: boolean }[] };
    const fromTender = scope.lines.filter((l) => l.fromTender);
    expect(fromTender.map((l) => [l.item, l.basis, l.specificKg])).toEqual([
      ["Ordinateur portable 14 pouces", "tender-factor", 23445],
      ["Écran 24 pouces", "tender-factor", 350500],
    ]);
    expect(fromTender.every((l) => l.monetaryKg !== null && l.monetaryKg > 0)).toBe(true);
    // Suppliers cannot answer a closed tender's bill any more.
    const s1 = await signedInClient(S1);
    expect((await s1.post(supplierBillAction, `/fournisseur/consultations/${publishedId}/bordereau`, { intent: "save", "l0.id": "L01", "l0.unitPrice": "1" }, { tenderId: String(publishedId) })).status).toBe(409);
  });
});
