/**
 * Child process of scale-out.bench.ts: seeds the 50-supplier evaluated tender (seed-evaluated-tender.ts)
 * and one user per supplier into the database this process is configured for — PostgreSQL when
 * DATABASE_URL is set (it must be set before db/schema loads, hence a process of its own), else the
 * SQLite file DATABASE_PATH. Prints one JSON line: { tenderId, suppliers }.
 */
import { closeDatabase, openDatabase, openPostgres } from "#db/connection";
import { addSupplierUsers, seedFiftySuppliers } from "./seed-evaluated-tender";

const url = process.env.DATABASE_URL;
const file = process.env.DATABASE_PATH;
if (!url && !file) throw new Error("seed-scale-out: DATABASE_URL ou DATABASE_PATH requis");
const db = url ? await openPostgres(url) : openDatabase(file!);
try {
  const tenderId = await seedFiftySuppliers(db);
  const suppliers = await addSupplierUsers(db, tenderId);
  console.log(JSON.stringify({ tenderId, suppliers }));
} finally {
  await closeDatabase(db);
}
