import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { currentGuide } from "#questionnaires/guide";
import { debriefShares, offerScores, organisations, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as debriefLoader } from "~/routes/fournisseur.consultations.$tenderId.restitution";
import { loader as buyerDetailLoader } from "~/routes/acheteur.appels-d-offres.$id.fournisseurs.$supplierId";
import { seed, signedInClient, type TestClient } from "../support/client";
import { acceptInvitationDirectly, createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG } from "../support/fixtures-tenders";

beforeAll(async () => {
  await seed();
});

const S1 = "fournisseur@numerique-durable.example";
const S2 = "fournisseur@infoservices.example";
const questions = currentGuide.questions.slice(0, 3).map((q) => q.id);
const path = (id: number) => `/fournisseur/consultations/${id}`;

async function answerAndSubmit(client: TestClient, tenderId: number, level: number) {
  const fields: Record<string, string> = { intent: "save", version: "0" };
  for (const id of questions) {
    fields[`answers.${id}.level`] = String(level);
    fields[`answers.${id}.text`] = `Réponse de niveau ${level}`;
  }
  expect((await client.post(qAction, path(tenderId), fields, { tenderId: String(tenderId) })).status).toBe(200);
  expect((await client.post(qAction, path(tenderId), { intent: "submit", version: "1" }, { tenderId: String(tenderId) })).status).toBe(302);
}

describe("supplier debrief", () => {
  it("shows a supplier only its own shared debrief; 404 before sharing and for anyone else", async () => {
    const { tenderId } = await createPublishedTender(db(), { onlyQuestions: questions, deadline: new Date(Date.now() + 3_600_000).toISOString() });
    for (const [org, email] of [
      [DEMO_SUPPLIER1_ORG, S1],
      [DEMO_SUPPLIER2_ORG, S2],
    ] as const) {
      const { invitationId } = await createInvitation(db(), { tenderId, supplierName: org, email });
      await acceptInvitationDirectly(db(), { invitationId, supplierOrganisation: org, acceptedByEmail: email });
    }
    const s1 = await signedInClient(S1);
    const s2 = await signedInClient(S2);
    await answerAndSubmit(s1, tenderId, 4);
    await answerAndSubmit(s2, tenderId, 2);
    // The deadline passes: evaluation opens.
    await db().update(tenders).set({ deadline: new Date(Date.now() - 1000).toISOString() }).where(eq(tenders.id, tenderId));
    const orgId = async (name: string) => (await db().select().from(organisations).where(eq(organisations.name, name)).limit(1))[0]!.id;
    const buyerId = (await db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0]!.id;
    await db().insert(offerScores).values({ tenderId, supplierOrganisationId: await orgId(DEMO_SUPPLIER1_ORG), priceEurHt: 100_000, technicalScore: 80 });
    await db().insert(offerScores).values({ tenderId, supplierOrganisationId: await orgId(DEMO_SUPPLIER2_ORG), priceEurHt: 87_654, technicalScore: 70 });

    expect((await s1.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) })).status).toBe(404);
    await db().insert(debriefShares).values({ tenderId, supplierOrganisationId: await orgId(DEMO_SUPPLIER1_ORG), sharedBy: buyerId });

    const mine = await s1.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) });
    expect(mine.status).toBe(200);
    const body = mine.body as { rank: number; rankedCount: number };
    expect(body.rankedCount).toBe(2);
    expect(body.rank).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain(DEMO_SUPPLIER2_ORG);
    expect(text).not.toContain("87654");
    expect(text).not.toContain("Réponse de niveau 2"); // the rival's answers

    // Its own per-answer detail, as the buyer sees it: points, out of, lost, for every question.
    type Detail = { explanation: { supplierId: string; price: Record<string, unknown>; rse: { criteria: { questions: { id: string; level: number | null; points: number; markShare: number; pointsLost: number }[] }[] } }; contents: string[] };
    const detail = mine.body as Detail;
    const perAnswer = detail.explanation.rse.criteria.flatMap((c) => c.questions);
    expect(perAnswer.map((q) => q.id).sort()).toEqual([...questions].sort());
    for (const q of perAnswer) {
      expect(q.level).toBe(4);
      expect(q.points + q.pointsLost).toBeCloseTo(q.markShare, 2);
      expect(q.markShare).toBeGreaterThan(0);
    }
    expect(detail.explanation.supplierId).toBe("vous");
    expect(detail.explanation.price).not.toHaveProperty("lowestPrice");
    expect(detail.explanation.price).not.toHaveProperty("highestPrice");

    // The buyer's confirmation promises exactly what the supplier's page shows, and the buyer's
    // full detail agrees with the supplier's points.
    const buyer = await signedInClient("acheteur@metropole.example");
    const buyerPage = await buyer.get(buyerDetailLoader, `/acheteur/appels-d-offres/${tenderId}/fournisseurs/${await orgId(DEMO_SUPPLIER1_ORG)}`, { id: String(tenderId), supplierId: String(await orgId(DEMO_SUPPLIER1_ORG)) });
    const buyerBody = buyerPage.body as Detail & { debriefContents: string[] };
    expect(buyerBody.debriefContents).toEqual(detail.contents);
    expect(detail.contents.join(" ")).toContain("par réponse (points obtenus, sur combien, points perdus)");
    expect(buyerBody.explanation.rse.criteria.flatMap((c) => c.questions).map((q) => [q.id, q.points, q.markShare, q.pointsLost])).toEqual(perAnswer.map((q) => [q.id, q.points, q.markShare, q.pointsLost]));

    const theirs = await s2.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) });
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain(DEMO_SUPPLIER1_ORG);
  });
});
