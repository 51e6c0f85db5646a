import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { action, loader } from "~/routes/acheteur_.appels-d-offres_.$id_.clauses";
import type { TenderMethod } from "~/tenders/method";
import { defaultMethod } from "~/tenders/builder";
import { auditLog, organisations, tenders, users } from "#db/schema";
import { seed, signedInClient, type TestClient } from "../support/client";

let tenderId: number;
let otherOrgTenderId: number;

async function insertTender(orgId: number, userId: number, title: string) {
  return (await db()
      .insert(tenders)
      .values({ organisationId: orgId, createdBy: userId, title, reference: "AO-CL", segment: "impression", deadline: "2030-01-01T10:00:00.000Z", draftMethod: defaultMethod() })
      .returning())[0]!.id;
}

beforeAll(async () => {
  await seed();
  const buyer = (await db().select().from(users).where(eq(users.email, "acheteur@metropole.example")).limit(1))[0]!;
  const org = (await db().select().from(organisations).where(eq(organisations.name, "Métropole Exemple — Direction des achats")).limit(1))[0]!;
  tenderId = await insertTender(org.id, buyer.id, "Impression — clauses");
  const other = (await db().insert(organisations).values({ name: "Autre acheteur", kind: "buyer" }).returning())[0]!;
  otherOrgTenderId = await insertTender(other.id, buyer.id, "Appel d'offres d'une autre organisation");
});

const clausesOf = async (id: number) => ((await db().select().from(tenders).where(eq(tenders.id, id)).limit(1))[0]!.draftMethod as TenderMethod).clauses;
const post = (client: TenderClient, id: number, fields: Record<string, string>) => client.post(action, `/acheteur/appels-d-offres/${id}/clauses`, fields, { id: String(id) });
type TenderClient = TestClient;

describe("clauses of a tender", () => {
  it("suggests the clauses of the tender's segment", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const out = await buyer.get(loader, `/acheteur/appels-d-offres/${tenderId}/clauses`, { id: String(tenderId) });
    const body = out.body as { suggestions: { id: string }[]; editable: boolean };
    expect(body.editable).toBe(true);
    expect(body.suggestions.length).toBeGreaterThan(5);
    expect(body.suggestions.every((s) => s.id.startsWith("imp-"))).toBe(true);
  });

  it("adds clauses from any segment with their defaults, saves typed values, reports invalid ones by name, and reorders", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await post(buyer, tenderId, { intent: "add:imp-spec-ecoconception" })).status).toBe(302);
    expect((await post(buyer, tenderId, { intent: "add:pdt-spec-ecolabel" })).status).toBe(302);
    expect((await clausesOf(tenderId)).map((c) => c.clauseId)).toEqual(["imp-spec-ecoconception", "pdt-spec-ecolabel"]);

    await post(buyer, tenderId, { intent: "save", "values.0.duree_pieces_detachees": "8", "values.0.part_plastique_recycle": "cent-dix" });
    expect((await clausesOf(tenderId))[0]?.values.duree_pieces_detachees).toBe("8");
    const view = (await buyer.get(loader, `/acheteur/appels-d-offres/${tenderId}/clauses`, { id: String(tenderId) })).body as {
      chosen: { errors: Record<string, string>; clause: { plainText: string } }[];
    };
    expect(view.chosen[0]?.errors.part_plastique_recycle).toMatch(/^Part minimale de plastique recyclé.*: /);

    await post(buyer, tenderId, { intent: "save", "values.0.part_plastique_recycle": "30" });
    const fixed = (await buyer.get(loader, `/acheteur/appels-d-offres/${tenderId}/clauses`, { id: String(tenderId) })).body as typeof view;
    expect(fixed.chosen[0]?.errors).toEqual({});
    expect(fixed.chosen[0]?.clause.plainText).toContain("8\u00a0ans");

    await post(buyer, tenderId, { intent: "down:0" });
    expect((await clausesOf(tenderId)).map((c) => c.clauseId)).toEqual(["pdt-spec-ecolabel", "imp-spec-ecoconception"]);
    // Values travel with their clause.
    expect((await clausesOf(tenderId))[1]?.values.part_plastique_recycle).toBe("30");
    await post(buyer, tenderId, { intent: "remove:0" });
    expect((await clausesOf(tenderId)).map((c) => c.clauseId)).toEqual(["imp-spec-ecoconception"]);
    expect((await db().select().from(auditLog).where(eq(auditLog.action, "tender.clauses.update"))).length).toBeGreaterThanOrEqual(5);
  });

  it("refuses an unknown clause and an unknown intent", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await post(buyer, tenderId, { intent: "add:n-existe-pas" })).status).toBe(400);
    expect((await post(buyer, tenderId, { intent: "drop-table" })).status).toBe(400);
  });

  it("freezes the clauses once the tender is published", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    const row = (await db().select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0]!;
    await db().update(tenders).set({ status: "published", publishedMethod: row.draftMethod, publishedAt: new Date().toISOString() }).where(eq(tenders.id, tenderId));
    const out = await post(buyer, tenderId, { intent: "add:imp-data-releves" });
    expect(out.status).toBe(409);
    expect((await clausesOf(tenderId)).map((c) => c.clauseId)).toEqual(["imp-spec-ecoconception"]);
    const view = (await buyer.get(loader, `/acheteur/appels-d-offres/${tenderId}/clauses`, { id: String(tenderId) })).body as { editable: boolean };
    expect(view.editable).toBe(false);
  });

  it("hides another organisation's tender (404) and refuses suppliers and evaluators' edits", async () => {
    const buyer = await signedInClient("acheteur@metropole.example");
    expect((await buyer.get(loader, `/acheteur/appels-d-offres/${otherOrgTenderId}/clauses`, { id: String(otherOrgTenderId) })).status).toBe(404);
    expect((await post(buyer, otherOrgTenderId, { intent: "add:imp-data-releves" })).status).toBe(404);
    expect(await clausesOf(otherOrgTenderId)).toEqual([]);
    const supplier = await signedInClient("fournisseur@numerique-durable.example");
    expect((await supplier.get(loader, `/acheteur/appels-d-offres/${tenderId}/clauses`, { id: String(tenderId) })).status).toBe(403);
    const evaluator = await signedInClient("evaluateur@metropole.example");
    expect((await post(evaluator, tenderId, { intent: "save" })).status).toBe(403);
  });
});

describe("publication", () => {
  it("lists incomplete clause values among the reasons a tender cannot be published", async () => {
    const { methodPublishIssues } = await import("~/tenders/builder");
    const method: TenderMethod = { ...defaultMethod(), shares: { price: 60, technical: 20, rse: 20 }, clauses: [{ clauseId: "imp-spec-ecoconception", values: { duree_pieces_detachees: "2" } }] };
    const issues = methodPublishIssues(method);
    expect(issues.some((i) => i.startsWith("Clause « ") && i.includes("Durée"))).toBe(true);
    expect(methodPublishIssues({ ...method, clauses: [{ clauseId: "imp-spec-ecoconception", values: {} }] }).filter((i) => i.startsWith("Clause"))).toEqual([]);
  });
});
