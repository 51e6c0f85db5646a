/**
 * Demo data for issue 18 (loaded by `npm run setup` with the demo set, not by the test seed):
 * InfoServices Conseil has the three figures of the CSR team's scope 3 view for 2025 —
 * a verified factor file (one row with the optional PACT columns), activity data entered by the
 * CSR team (a spend and a quantity), and emissions allocated to Métropole Exemple. Fictitious values.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "#db/connection";
import { activityData, allocatedEmissions } from "#db/schema";
import { storeFromPath } from "~/carbon/blob-store.server";
import { validateAndRecordCsv } from "~/carbon/factor-store.server";
import { runTransaction } from "#db/transaction";

const DEMO_FACTORS = [
  "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source;masse_produit_kg;code_cpc;valeur_fossile;valeur_avec_biogenique;carbone_fossile_kgc;carbone_biogenique_kgc;perimetre;description_perimetre;exclusions_pct;emballage_inclus;rapport_giec",
  "Heure de serveur virtuel;hebergement-cloud;1;0,05;kgCO2e/heure;20;ghg-product;market-based;2025;Organisme vérificateur (exemple);Bilan GES 2025 (démonstration);0;;0,048;0,05;0;0;berceau-porte;Électricité et fabrication des serveurs amortie, refroidissement, réseau interne;0;non;AR6",
  "Stockage sauvegarde, par Go et par mois;hebergement-cloud;1;0,02;kgCO2e/Go.mois;30;ghg-product;market-based;2025;;Bilan GES 2025 (démonstration);;;;;;;;;;;",
].join("\r\n");

export async function seedDemoEmissions(
  db: Db,
  ids: { filesDir: string; buyerOrg: number; csrUser: number; supplierOrg: number; supplierUser: number },
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nr-demo-"));
  try {
    const file = path.join(dir, "facteurs-infoservices-2025.csv");
    fs.writeFileSync(file, `\uFEFF${DEMO_FACTORS}\r\n`, "utf8");
    const blob = await storeFromPath(ids.filesDir, file, "facteurs-infoservices-2025.csv");
    await validateAndRecordCsv(db, { supplierOrganisationId: ids.supplierOrg, uploadedBy: ids.supplierUser, tenderId: null, blob });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await runTransaction(db, async (tx) => {
        await tx.insert(activityData)
                .values({
                  organisationId: ids.buyerOrg,
                  supplierOrganisationId: ids.supplierOrg,
                  year: 2025,
                  segment: "hebergement-cloud",
                  ghgCategory: 1,
                  item: "Heure de serveur virtuel",
                  spendKEur: 120,
                  quantity: 200000,
                  activityUnit: "hour",
                  createdBy: ids.csrUser,
                });
        await tx.insert(allocatedEmissions)
                .values({
                  supplierOrganisationId: ids.supplierOrg,
                  customerOrganisationId: ids.buyerOrg,
                  year: 2025,
                  scope12T: 6.5,
                  scope3UpstreamT: 4.1,
                  method: "revenue-share",
                  verification: "limited",
                  verifiedBy: "Organisme vérificateur (exemple)",
                  uncertaintyPct: 15,
                  createdBy: ids.supplierUser,
                });
      });
}
