import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, factorSets, organisations, referenceRatios, users } from "#db/schema";
import { demoOrganisations } from "#db/seed";
import { storeFromPath } from "~/carbon/blob-store.server";
import { validateAndRecordCsv } from "~/carbon/factor-store.server";
import { config } from "~/config.server";
import { db } from "~/lib/db.server";
import { action as uploadAction } from "~/routes/fournisseur.facteurs._index";
import { loader as csrHomeLoader } from "~/routes/rse._index";
import { loader as csrLoader } from "~/routes/rse.facteurs._index";
import { loader as qualityLoader } from "~/routes/rse.facteurs.qualite";
import { action as ratiosAction, loader as ratiosLoader } from "~/routes/rse.ratios";
import { mapInOrder } from "#db/transaction";
import { seed, signedInClient, type TestClient } from "../support/client";
import { DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";

const S1 = "fournisseur@numerique-durable.example";
const RSE = "rse@metropole.example";
const HEADER = "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source";

let s1Org: number;
let s2Org: number;
let strangerOrg: number;
let strangerSetId: number;

function csv(lines: string[]): string {
  return `\uFEFF${HEADER}\n${lines.join("\n")}\n`;
}

async function upload(client: TestClient, text: string) {
  const fd = new FormData();
  fd.set("intent", "csv");
  fd.set("file", new Blob([text], { type: "text/csv" }), "facteurs.csv");
  const out = await client.post(uploadAction, "/fournisseur/facteurs", fd);
  expect(out.status).toBe(302);
  return out;
}

type CsrBody = {
  suppliers: { id: number; name: string; versions: { id: number; version: number }[] }[];
  factors: { total: number; rows: { item: string; setId: number; valueKgPerUnit: number; quality: { grade: string; reasons: string[] }; plausibility: { flagged: boolean; message: string } }[] };
  segmentOptions: string[];
  flagged: number;
  selectedVersion: { version: number } | null;
};

beforeAll(async () => {
  await seed();
  const org = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
  s1Org = await org(DEMO_SUPPLIER1_ORG);
  s2Org = await org(DEMO_SUPPLIER2_ORG);

  // A supplier organisation never invited by the buyer, with factors of its own.
  strangerOrg = (await db().insert(organisations).values({ name: "Fournisseur Inconnu SARL", kind: "supplier" }).returning())[0]!.id;
  const anyUser = (await db().select().from(users).limit(1))[0]!.id;
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nr-csr-")), "stranger.csv");
  fs.writeFileSync(tmp, csv(["Secret;postes-de-travail;2;999;kgCO2e/unité;;lca-iso14040;;2024;;"]));
  const blob = await storeFromPath(config().filesDir, tmp);
  const recorded = await validateAndRecordCsv(db(), { supplierOrganisationId: strangerOrg, uploadedBy: anyUser, tenderId: null, blob });
  expect(recorded.status).toBe("imported");
  strangerSetId = recorded.setId!;

  const s1 = await signedInClient(S1);
  const year = new Date().getFullYear();
  await upload(s1, csv([`Portable A;postes-de-travail;2;200;kgCO2e/unité;10;iso14067;;${year};Bureau Veritas;`]));
  await upload(
    s1,
    csv([
      `Portable A;postes-de-travail;2;156,3;kgCO2e/unité;10;iso14067;;${year};Bureau Veritas;`,
      "Prestation de développement;prestations-intellectuelles;1;95;kgCO2e/k€;50;monetary-ratio;;2021;;",
      "Infogérance (erreur d'unité);prestations-intellectuelles;1;950000;gCO2e/k€;;other;;2024;;",
      "Stockage objet;hebergement-cloud;1;350;gCO2e/Go.mois;;ghg-product;market-based;2024;;",
      "Support (tCO2e);prestations-intellectuelles;1;2;tCO2e/k€;;other;;2024;;",
    ]),
  );
});

describe("CSR factor review", () => {
  it("shows the latest version of each linked supplier, normalised, with quality and plausibility", async () => {
    const rse = await signedInClient(RSE);
    const out = await rse.get(csrLoader, "/rse/facteurs");
    expect(out.status).toBe(200);
    const body = out.body as CsrBody;
    // The demo data links the six suppliers of the maturity-campaign panel (accepted invitations).
    const panel = await mapInOrder(demoOrganisations.filter((o) => o.kind === "supplier"), async (o) => (await db().select().from(organisations).where(eq(organisations.name, o.name)).limit(1))[0]!.id);
    expect(panel).toEqual(expect.arrayContaining([s1Org, s2Org]));
    expect(body.suppliers.map((s) => s.id).sort()).toEqual(panel.sort());
    const s1 = body.suppliers.find((s) => s.id === s1Org)!;
    expect(s1.versions.map((v) => v.version)).toEqual([2, 1]);

    const rows = body.factors.rows;
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.setId === s1.versions[0]!.id)).toBe(true);
    const laptop = rows.find((r) => r.item === "Portable A")!;
    expect(laptop.valueKgPerUnit).toBe(156.3);
    expect(laptop.quality.grade).toBe("A");
    expect(laptop.plausibility.flagged).toBe(false);
    const storage = rows.find((r) => r.item === "Stockage objet")!;
    expect(storage.valueKgPerUnit).toBeCloseTo(0.35, 10);

    // 950 000 g/k€ = 950 kg/k€ vs 75: ×12.7 → flagged; 2 t/k€ = 2000 kg/k€ → flagged; 95 → fine.
    const wrongUnit = rows.find((r) => r.item.startsWith("Infogérance"))!;
    expect(wrongUnit.valueKgPerUnit).toBe(950);
    expect(wrongUnit.plausibility.flagged).toBe(true);
    expect(wrongUnit.plausibility.message).toContain("facteur 10");
    expect(rows.find((r) => r.item === "Prestation de développement")!.plausibility.flagged).toBe(false);
    expect(body.flagged).toBe(2);
    const monetary = rows.find((r) => r.item === "Prestation de développement")!;
    expect(monetary.quality.grade).toBe("E");
    expect(monetary.quality.reasons.join(" ")).toContain("Ratio monétaire");
  });

  it("filters by supplier, segment and GHG category (GET parameters)", async () => {
    const rse = await signedInClient(RSE);
    const bySegment = (await rse.get(csrLoader, `/rse/facteurs?fournisseur=${s1Org}&segment=prestations-intellectuelles`)).body as CsrBody;
    expect(bySegment.factors.rows.map((r) => r.item).sort()).toEqual(["Infogérance (erreur d'unité)", "Prestation de développement", "Support (tCO2e)"]);
    const byCategory = (await rse.get(csrLoader, "/rse/facteurs?categorie=2")).body as CsrBody;
    expect(byCategory.factors.rows.map((r) => r.item)).toEqual(["Portable A"]);
    const none = (await rse.get(csrLoader, `/rse/facteurs?fournisseur=${s2Org}`)).body as CsrBody;
    expect(none.factors.total).toBe(0);
  });

  it("keeps earlier versions reachable", async () => {
    const rse = await signedInClient(RSE);
    const v1 = (await db().select().from(factorSets).where(and(eq(factorSets.supplierOrganisationId, s1Org), eq(factorSets.version, 1))).limit(1))[0]!;
    const out = (await rse.get(csrLoader, `/rse/facteurs?version=${v1.id}`)).body as CsrBody;
    expect(out.selectedVersion?.version).toBe(1);
    expect(out.factors.rows.map((r) => r.valueKgPerUnit)).toEqual([200]);
  });

  it("never shows suppliers that are not linked to the organisation", async () => {
    const rse = await signedInClient(RSE);
    const all = (await rse.get(csrLoader, "/rse/facteurs")).body as CsrBody;
    expect(all.suppliers.some((s) => s.id === strangerOrg)).toBe(false);
    expect(all.factors.rows.some((r) => r.item === "Secret")).toBe(false);
    expect((await rse.get(csrLoader, `/rse/facteurs?fournisseur=${strangerOrg}`)).status).toBe(404);
    expect((await rse.get(csrLoader, `/rse/facteurs?version=${strangerSetId}`)).status).toBe(404);
    const home = (await rse.get(csrHomeLoader, "/rse")).body as { suppliers: { id: number }[] };
    expect(home.suppliers.some((s) => s.id === strangerOrg)).toBe(false);
  });

  it("suppliers get 403 on CSR pages", async () => {
    const s1 = await signedInClient(S1);
    expect((await s1.get(csrLoader, "/rse/facteurs")).status).toBe(403);
    expect((await s1.get(csrHomeLoader, "/rse")).status).toBe(403);
    expect((await s1.get(ratiosLoader, "/rse/ratios")).status).toBe(403);
    expect((await s1.get(qualityLoader, "/rse/facteurs/qualite")).status).toBe(403);
    expect((await s1.post(ratiosAction, "/rse/ratios", { intent: "update", id: "1", label: "x", kgPerKEur: "1", source: "x", year: "2024" })).status).toBe(403);
  });
});

describe("reference ratios", () => {
  it("are initialised from the defaults with their sources, and editable with an audit entry", async () => {
    const rse = await signedInClient(RSE);
    const list = (await rse.get(ratiosLoader, "/rse/ratios")).body as { ratios: { id: number; key: string; kgPerKEur: number; source: string }[] };
    const it = list.ratios.find((r) => r.key === "prestations-intellectuelles")!;
    expect(it.kgPerKEur).toBe(75);
    expect(it.source).toContain("ADEME");

    const bad = await rse.post(ratiosAction, "/rse/ratios", { intent: "update", id: String(it.id), label: "Services IT", kgPerKEur: "-3", source: "x", year: "2024" });
    expect(bad.status).toBe(400);
    expect((bad.body as { fieldErrors: Record<string, string[]> }).fieldErrors.kgPerKEur?.[0]).toMatch(/positive/);

    const ok = await rse.post(ratiosAction, "/rse/ratios", {
      intent: "update",
      id: String(it.id),
      label: "Services IT (Base Empreinte)",
      kgPerKEur: "80,5",
      source: "Base Empreinte v24",
      year: "2024",
    });
    expect(ok.status).toBe(302);
    const row = (await db().select().from(referenceRatios).where(eq(referenceRatios.id, it.id)).limit(1))[0]!;
    expect(row).toMatchObject({ kgPerKEur: 80.5, source: "Base Empreinte v24", year: 2024 });
    expect(await db().select().from(auditLog).where(eq(auditLog.action, "reference-ratio.update"))).toHaveLength(1);

    // Plausibility now uses the edited ratio: 950 / 80.5 ≈ 11.8 → still flagged; message names it.
    const csr = (await rse.get(csrLoader, "/rse/facteurs?segment=prestations-intellectuelles")).body as CsrBody;
    expect(csr.factors.rows.find((r) => r.item.startsWith("Infogérance"))!.plausibility.message).toContain("Base Empreinte");

    // Adding a ratio for a category; a second one for the same key is refused.
    const created = await rse.post(ratiosAction, "/rse/ratios", { intent: "create", key: "categorie-1", label: "Achats de services", kgPerKEur: "110", source: "test", year: "2023" });
    expect(created.status).toBe(302);
    const again = await rse.post(ratiosAction, "/rse/ratios", { intent: "create", key: "categorie-1", label: "Achats de services", kgPerKEur: "110", source: "test", year: "2023" });
    expect(again.status).toBe(409);
  });

  it("cannot edit another organisation's ratio (404)", async () => {
    const rse = await signedInClient(RSE);
    const otherBuyer = (await db().insert(organisations).values({ name: "Autre acheteur", kind: "buyer" }).returning())[0]!.id;
    const foreign = (await db()
          .insert(referenceRatios)
          .values({ organisationId: otherBuyer, key: "impression", label: "x", kgPerKEur: 1, source: "x", year: 2023 })
          .returning())[0]!;
    const out = await rse.post(ratiosAction, "/rse/ratios", { intent: "update", id: String(foreign.id), label: "piraté", kgPerKEur: "2", source: "source", year: "2024" });
    expect(out.status).toBe(404);
    expect((await db().select().from(referenceRatios).where(eq(referenceRatios.id, foreign.id)).limit(1))[0]!.label).toBe("x");
  });

  it("checks CSRF", async () => {
    const rse = await signedInClient(RSE);
    const out = await rse.post(ratiosAction, "/rse/ratios", { intent: "update", id: "1", label: "x", kgPerKEur: "1", source: "xx", year: "2024" }, {}, { csrf: false });
    expect(out.status).toBe(403);
  });
});
