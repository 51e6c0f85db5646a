/** Seeding shared by the HTTP bench (http.bench.ts) and profiling scripts. */
import { eq } from "drizzle-orm";
import { runTransaction, mapInOrder } from "#db/transaction";

export const SUPPLIERS = 50;

/**
 * 48 more suppliers on the demo's published tender (which has 2): organisations, submitted
 * questionnaires (written as the portal writes them, app/demo/seed-tenders.ts), an evaluation of
 * every answer, a price and a technical score each. Returns the tender id.
 */
export async function seedFiftySuppliers(file: string): Promise<number> {
  const { openDatabase } = await import("#db/connection");
  const schema = await import("#db/schema");
  const { seedSubmission } = await import("~/demo/seed-tenders");
  const { includedQuestions } = await import("~/tenders/method");
  const { publishedMethodOf } = await import("~/tenders/builder");
  const db = openDatabase(file);
  try {
    const tender = (await db.select().from(schema.tenders).where(eq(schema.tenders.title, "Renouvellement du parc de postes de travail")).limit(1))[0]!;
    const method = publishedMethodOf(tender)!;
    const questions = includedQuestions(method);
    const submitter = (await db.select().from(schema.users).where(eq(schema.users.email, "fournisseur@numerique-durable.example")).limit(1))[0]!;
    const evaluator = (await db.select().from(schema.users).where(eq(schema.users.email, "evaluateur@metropole.example")).limit(1))[0]!;
    await runTransaction(db, async (tx) => {
            const existing = await tx.select().from(schema.submissions).where(eq(schema.submissions.tenderId, tender.id));
            for (let n = existing.length + 1; n <= SUPPLIERS; n++) {
              const org = (await tx.insert(schema.organisations).values({ name: `Fournisseur de test ${String(n).padStart(2, "0")}`, kind: "supplier" }).returning())[0]!;
              await seedSubmission(tx, {
                tenderId: tender.id,
                methodSha256: tender.publishedMethodSha256!,
                method,
                supplierOrganisationId: org.id,
                submittedBy: submitter.id,
                answers: (_id, i) => ({ level: (((n * 7 + i * 3) % 5) + 1) as 1 | 2 | 3 | 4 | 5 }),
              });
              await tx.insert(schema.offerScores).values({ tenderId: tender.id, supplierOrganisationId: org.id, priceEurHt: 90_000 + n * 1_250, technicalScore: 50 + ((n * 13) % 50), updatedBy: evaluator.id });
            }
            for (const sub of await tx.select().from(schema.submissions).where(eq(schema.submissions.tenderId, tender.id))) {
              await mapInOrder(questions, async (q, i) => {
                const level = ((sub.id + i) % 5) + 1;
                await tx.insert(schema.evaluations)
                              .values({ tenderId: tender.id, submissionId: sub.id, questionId: q.id, evaluatedLevel: level, justification: level % 2 ? "Preuve examinée : niveau retenu." : "", evaluatorId: evaluator.id })
                              .onConflictDoNothing();
              });
            }
          });
    return tender.id;
  } finally {
    db.$client.close();
  }
}
