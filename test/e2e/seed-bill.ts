/**
 * Test-only seeding for the bill-of-quantities e2e test (what is not under test there). Run with
 * `npx tsx` and DATA_DIR set to the e2e data folder.
 * - `draft`: a draft tender of the demo (public) buyer, lawful: the demo method with the bill's
 *   footprint criterion `empreinte-offre`; prints `{ tenderId }`.
 * - `answers <tenderId>`: after publication, both demo suppliers invited (accepted), their
 *   questionnaires submitted, every counted answer reviewed and technical scores entered — the
 *   bill is what the test fills in the browser.
 */
import path from "node:path";
import { eq } from "drizzle-orm";
import { openDatabase } from "#db/connection";
import { evaluations, offerScores, organisations, tenders, users } from "#db/schema";
import { getOfferCriterion } from "#questionnaires/offer-criteria";
import { demoLevel, demoPublicMethod, seedSubmission } from "~/demo/seed-tenders";
import { catalogueOfferCriterion } from "~/tenders/builder";
import { includedQuestions, tenderMethodSchema } from "~/tenders/method";
import { runTransaction } from "#db/transaction";
import { acceptInvitationDirectly, createInvitation } from "../support/fixtures-tenders";

const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("DATA_DIR manquant");
const db = openDatabase(process.env.DATABASE_PATH ?? path.join(dataDir, "nr-procure.sqlite"));
const userId = async (email: string) => (await db.select().from(users).where(eq(users.email, email)).limit(1))[0]!.id;
const orgId = async (name: string) => (await db.select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;

if (process.argv[2] === "draft") {
  const method = { ...demoPublicMethod(new Date().toISOString().slice(0, 10)), offerCriteria: [catalogueOfferCriterion(getOfferCriterion("empreinte-offre")!, 12)] };
  delete (method as { procurement?: unknown }).procurement;
  const row = (await db
      .insert(tenders)
      .values({
        organisationId: await orgId("Métropole Exemple — Direction des achats"),
        createdBy: await userId("acheteur@metropole.example"),
        title: "Postes de travail au bordereau",
        reference: "AO-DQE-E2E",
        segment: "postes-de-travail",
        deadline: new Date(Date.now() + 20 * 24 * 3600 * 1000).toISOString(),
        draftMethod: method,
      })
      .returning({ id: tenders.id }))[0]!;
  console.log(JSON.stringify({ tenderId: row.id }));
} else if (process.argv[2] === "answers") {
  const tenderId = Number(process.argv[3]);
  const tender = (await db.select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0]!;
  const method = tenderMethodSchema.parse(tender.publishedMethod);
  const evaluator = await userId("evaluateur@metropole.example");
  await runTransaction(db, async (tx) => {
        for (const [n, name, email] of [
          [1, "Numérique Durable SAS", "fournisseur@numerique-durable.example"],
          [2, "InfoServices Conseil", "fournisseur@infoservices.example"],
        ] as const) {
          const { invitationId } = await createInvitation(tx as never, { tenderId, supplierName: name, email });
          await acceptInvitationDirectly(tx as never, { invitationId, supplierOrganisation: name, acceptedByEmail: email });
          const submissionId = await seedSubmission(tx, { tenderId, methodSha256: tender.publishedMethodSha256!, method, supplierOrganisationId: await orgId(name), submittedBy: await userId(email), answers: (_q, i) => demoLevel(n, i) });
          for (const q of includedQuestions(method)) await tx.insert(evaluations).values({ tenderId, submissionId, questionId: q.id, evaluatedLevel: 3, evaluatorId: evaluator, justification: "Relu (données d'essai)." });
          await tx.insert(offerScores).values({ tenderId, supplierOrganisationId: await orgId(name), technicalScore: n === 1 ? 72 : 80 });
        }
      });
  console.log(JSON.stringify({ ok: true }));
}
db.$client.close();
