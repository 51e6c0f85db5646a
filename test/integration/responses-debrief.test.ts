import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { currentGuide } from "#questionnaires/guide";
import { debriefShares, offerScores, organisations, tenders, users } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as qAction } from "~/routes/fournisseur.consultations.$tenderId._index";
import { loader as debriefLoader } from "~/routes/fournisseur.consultations.$tenderId.restitution";
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
    const { tenderId } = createPublishedTender(db(), { onlyQuestions: questions, deadline: new Date(Date.now() + 3_600_000).toISOString() });
    for (const [org, email] of [
      [DEMO_SUPPLIER1_ORG, S1],
      [DEMO_SUPPLIER2_ORG, S2],
    ] as const) {
      const { invitationId } = createInvitation(db(), { tenderId, supplierName: org, email });
      acceptInvitationDirectly(db(), { invitationId, supplierOrganisation: org, acceptedByEmail: email });
    }
    const s1 = await signedInClient(S1);
    const s2 = await signedInClient(S2);
    await answerAndSubmit(s1, tenderId, 4);
    await answerAndSubmit(s2, tenderId, 2);
    // The deadline passes: evaluation opens.
    db().update(tenders).set({ deadline: new Date(Date.now() - 1000).toISOString() }).where(eq(tenders.id, tenderId)).run();
    const orgId = (name: string) => db().select().from(organisations).where(eq(organisations.name, name)).get()!.id;
    const buyerId = db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).get()!.id;
    db().insert(offerScores).values({ tenderId, supplierOrganisationId: orgId(DEMO_SUPPLIER1_ORG), priceEurHt: 100_000, technicalScore: 80 }).run();
    db().insert(offerScores).values({ tenderId, supplierOrganisationId: orgId(DEMO_SUPPLIER2_ORG), priceEurHt: 87_654, technicalScore: 70 }).run();

    expect((await s1.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) })).status).toBe(404);
    db().insert(debriefShares).values({ tenderId, supplierOrganisationId: orgId(DEMO_SUPPLIER1_ORG), sharedBy: buyerId }).run();

    const mine = await s1.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) });
    expect(mine.status).toBe(200);
    const body = mine.body as { rank: number; rankedCount: number };
    expect(body.rankedCount).toBe(2);
    expect(body.rank).toBeGreaterThanOrEqual(1);
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain(DEMO_SUPPLIER2_ORG);
    expect(text).not.toContain("87654");

    const theirs = await s2.get(debriefLoader, `${path(tenderId)}/restitution`, { tenderId: String(tenderId) });
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain(DEMO_SUPPLIER1_ORG);
  });
});
