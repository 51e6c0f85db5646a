/**
 * `npm run setup`: creates the data folder and the SQLite database, applies migrations and loads
 * the demo data set (unless SEED_DEMO=false). Safe to run on every start.
 */
import fs from "node:fs";
import { closeDatabase, openDatabase, openPostgres } from "#db/connection";
import { loadConfig } from "~/config.server";
import { seedDemoEmissions } from "~/demo/seed-emissions.server";
import { seedDemoData } from "~/demo/seed.server";

const config = loadConfig();
fs.mkdirSync(config.filesDir, { recursive: true });
const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : openDatabase(config.databasePath);
console.log(`Base de données prête : ${config.databaseUrl ? "PostgreSQL" : config.databasePath}`);
if (config.seedDemo) {
  const result = await seedDemoData(db);
  if (result.seeded) {
    // Issue 18 demo: a supplier with the three figures of the scope 3 view (not in the test seed).
    await seedDemoEmissions(db, {
      filesDir: config.filesDir,
      buyerOrg: result.organisations.buyer!,
      csrUser: result.users["rse@metropole.example"]!,
      supplierOrg: result.organisations.supplier2!,
      supplierUser: result.users["fournisseur@infoservices.example"]!,
    });
  }
  console.log(result.seeded ? "Données de démonstration chargées." : "Données de démonstration déjà présentes.");
}
await closeDatabase(db);
