/** Seeding shared by the HTTP bench (http.bench.ts) and profiling scripts. */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "#db/connection";
import { runTransaction, mapInOrder } from "#db/transaction";

export const SUPPLIERS = 50;

/**
 * 48 more suppliers on the demo's published tender (which has 2): organisations, submitted
 * questionnaires (written as the portal writes them, app/demo/seed-tenders.ts), an evaluation of
 * every answer, a price and a technical score each. Returns the tender id.
 *
 * `target`: a SQLite file (opened and closed here), or an open database of either engine (left open;
 * on PostgreSQL the process must have DATABASE_URL set before loading db/schema).
 */
export async function seedFiftySuppliers(target: string | Db): Promise<number> {
  const { openDatabase } = await import("#db/connection");
  const schema = await import("#db/schema");
  const { seedSubmission } = await import("~/demo/seed-tenders");
  const { includedQuestions } = await import("~/tenders/method");
  const { publishedMethodOf } = await import("~/tenders/builder");
  const db = typeof target === "string" ? openDatabase(target) : target;
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
    if (typeof target === "string") db.$client.close();
  }
}

/**
 * One supplier user per supplier organisation of the tender that has none (the 48 seeded above), so
 * that a load test can autosave as 50 different suppliers: `fournisseur-NN@charge.example`, with the
 * demo supplier's password hash (same password, `demo-nr-procure`, without 48 argon2 hashings).
 * Returns the e-mails of every supplier user of the tender's organisations, in organisation order.
 */
export async function addSupplierUsers(db: Db, tenderId: number): Promise<string[]> {
  const schema = await import("#db/schema");
  const demo = (await db.select().from(schema.users).where(eq(schema.users.email, "fournisseur@numerique-durable.example")).limit(1))[0]!;
  const tender = (await db.select().from(schema.tenders).where(eq(schema.tenders.id, tenderId)).limit(1))[0]!;
  return await runTransaction(db, async (tx) => {
    const orgs = await tx
      .select({ id: schema.responses.supplierOrganisationId })
      .from(schema.responses)
      .where(eq(schema.responses.tenderId, tenderId))
      .orderBy(schema.responses.supplierOrganisationId);
    const emails: string[] = [];
    await mapInOrder(orgs, async ({ id }) => {
      const member = (await tx
        .select({ email: schema.users.email })
        .from(schema.memberships)
        .innerJoin(schema.users, eq(schema.users.id, schema.memberships.userId))
        .where(and(eq(schema.memberships.organisationId, id), eq(schema.memberships.role, "supplier"), isNull(schema.memberships.deletedAt)))
        .orderBy(schema.users.id)
        .limit(1))[0];
      if (member) {
        emails.push(member.email);
        return;
      }
      const email = `fournisseur-${String(id).padStart(3, "0")}@charge.example`;
      const user = (await tx.insert(schema.users).values({ email, name: `Fournisseur de charge ${id}`, passwordHash: demo.passwordHash }).returning())[0]!;
      await tx.insert(schema.memberships).values({ userId: user.id, organisationId: id, role: "supplier" });
      // A supplier sees a tender through an accepted invitation (app/auth/permissions.server.ts).
      const now = new Date().toISOString();
      await tx.insert(schema.invitations).values({
        tenderId,
        organisationId: tender.organisationId,
        email,
        supplierName: `Fournisseur de charge ${id}`,
        tokenSha256: `charge-${tenderId}-${id}`,
        supplierOrganisationId: id,
        createdBy: tender.createdBy,
        expiresAt: now,
        acceptedAt: now,
        acceptedBy: user.id,
      });
      emails.push(email);
    });
    return emails;
  });
}
