/**
 * `npm run setup`: creates the data folder and the SQLite database, applies migrations and loads
 * the demo data set (unless SEED_DEMO=false). Safe to run on every start.
 */
import fs from "node:fs";
import { openDatabase } from "#db/connection";
import { loadConfig } from "~/config.server";
import { seedDemoData } from "~/demo/seed.server";

const config = loadConfig();
fs.mkdirSync(config.filesDir, { recursive: true });
const db = openDatabase(config.databasePath);
console.log(`Base de données prête : ${config.databasePath}`);
if (config.seedDemo) {
  const result = await seedDemoData(db);
  console.log(result.seeded ? "Données de démonstration chargées." : "Données de démonstration déjà présentes.");
}
db.$client.close();
