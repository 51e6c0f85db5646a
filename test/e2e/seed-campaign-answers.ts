/**
 * Test-only: for the campaign e2e test, five of the six panel members accept their invitation and
 * submit answers (written exactly as the portal writes them, with app/demo's `seedSubmission`).
 * Run with `npx tsx` and DATA_DIR set to the e2e data folder; prints the submitting organisations.
 */
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { openDatabase } from "#db/connection";
import { invitations, organisations, tenders, users } from "#db/schema";
import { seedSubmission } from "~/demo/seed-tenders";
import { campaignMethodSchema } from "~/tenders/method";
import { mapInOrder, runTransaction } from "#db/transaction";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR manquant");
const db = openDatabase(process.env.DATABASE_PATH ?? path.join(dataDir, "nr-procure.sqlite"));
const campaignId = Number(process.argv[2]);
const campaign = (await db.select().from(tenders).where(eq(tenders.id, campaignId)).limit(1))[0];
if (!campaign || campaign.kind !== "campaign") throw new Error("campagne inconnue");
const method = campaignMethodSchema.parse(campaign.publishedMethod);
const invs = (await db.select().from(invitations).where(eq(invitations.tenderId, campaignId)).orderBy(asc(invitations.id))).slice(0, 5);
const done: string[] = [];
await runTransaction(db, async (tx) => {
  await mapInOrder(invs, async (inv, s) => {
    const org = (await tx.select().from(organisations).where(eq(organisations.name, inv.supplierName)).limit(1))[0];
    const user = (await tx.select().from(users).where(eq(users.email, inv.email)).limit(1))[0];
    if (!org || !user) throw new Error(`fournisseur de démonstration inconnu : ${inv.supplierName}`);
    const at = new Date().toISOString();
    await tx.update(invitations).set({ supplierOrganisationId: org.id, acceptedAt: at, acceptedBy: user.id, openedAt: at }).where(eq(invitations.id, inv.id));
    await seedSubmission(tx, {
            tenderId: campaignId,
            methodSha256: campaign.publishedMethodSha256 ?? "",
            method: { ...method, offerCriteria: [] },
            supplierOrganisationId: org.id,
            submittedBy: user.id,
            answers: (_id, i) => ({ level: (((i + s) % 5) + 1) as 1 | 2 | 3 | 4 | 5 }),
          });
    done.push(org.name);
  });
});
db.$client.close();
console.log(JSON.stringify({ submitted: done }));
