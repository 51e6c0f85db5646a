/**
 * Test-only seeding for the supplier e2e test: two published tenders of the demo buyer, each with
 * an invitation to the same new supplier organisation. Run with `npx tsx` and DATA_DIR set to the
 * e2e data folder; prints the tender ids and tokens as JSON.
 */
import path from "node:path";
import { openDatabase } from "#db/connection";
import { createInvitation, createPublishedTender } from "../support/fixtures-tenders";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR manquant");
const db = openDatabase(process.env.DATABASE_PATH ?? path.join(dataDir, "nr-procure.sqlite"));
const supplierName = process.argv[2] ?? "Green IT Conseil";
const questions = (process.argv[3] ?? "").split(",").filter(Boolean);
const first = await createPublishedTender(db, { title: "Ordinateurs portables reconditionnés", onlyQuestions: questions });
const second = await createPublishedTender(db, { title: "Maintenance du parc d'impression", onlyQuestions: questions });
const inv1 = await createInvitation(db, { tenderId: first.tenderId, supplierName, email: "contact@green-it.example" });
const inv2 = await createInvitation(db, { tenderId: second.tenderId, supplierName, email: "contact@green-it.example" });
db.$client.close();
console.log(JSON.stringify({ first: { tenderId: first.tenderId, token: inv1.token }, second: { tenderId: second.tenderId, token: inv2.token } }));
