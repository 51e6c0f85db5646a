import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  invitationsLinkingSuppliersTo,
  isAdmin,
  isBuyer,
  isBuyingSide,
  isCsrTeam,
  isSupplier,
  requireSupplier,
  tendersVisibleToBuyingSide,
  tendersVisibleToSupplier,
} from "~/auth/permissions.server";
import { getCurrentUser, type CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { invitations, organisations, tenderEvaluators, tenders, users } from "#db/schema";
import { seed, signedInClient } from "../support/client";
import { createInvitation, createPublishedTender, DEMO_SUPPLIER1_ORG, DEMO_SUPPLIER2_ORG, tenderForSupplier } from "../support/fixtures-tenders";
import { otherBuyer } from "../support/tenders";

// The access policy (app/auth/permissions.server.ts) tried directly: each rule lets its own users
// in and keeps everyone else out, whatever the ids they know.

async function userFor(email: string, password?: string): Promise<CurrentUser> {
  const client = await signedInClient(email, password);
  const user = await getCurrentUser(client.request("/"));
  if (!user) throw new Error(`not signed in: ${email}`);
  return user;
}

const visibleToBuyingSide = async (user: CurrentUser, id: number) =>
  Boolean((await db().select({ id: tenders.id }).from(tenders).where(and(eq(tenders.id, id), tendersVisibleToBuyingSide(user))).limit(1))[0]);
const visibleToSupplier = async (user: CurrentUser, id: number) =>
  Boolean((await db().select({ id: tenders.id }).from(tenders).where(and(eq(tenders.id, id), tendersVisibleToSupplier(user))).limit(1))[0]);

let buyer: CurrentUser, evaluator: CurrentUser, csr: CurrentUser, supplier1: CurrentUser, supplier2: CurrentUser, admin: CurrentUser, stranger: CurrentUser;

beforeAll(async () => {
  await seed();
  buyer = await userFor("acheteur@metropole.example");
  evaluator = await userFor("evaluateur@metropole.example");
  csr = await userFor("rse@metropole.example");
  supplier1 = await userFor("fournisseur@numerique-durable.example");
  supplier2 = await userFor("fournisseur@infoservices.example");
  admin = await userFor("admin@nr-procure.example");
  const client = await otherBuyer("acheteur@permissions.example");
  stranger = (await getCurrentUser(client.request("/")))!;
});

describe("who the user is", () => {
  it("names each demo role once", () => {
    expect([buyer, evaluator, csr, supplier1, admin].map((u) => [isBuyer(u), isBuyingSide(u), isCsrTeam(u), isSupplier(u), isAdmin(u)])).toEqual([
      [true, true, false, false, false],
      [false, true, false, false, false],
      [false, false, true, false, false],
      [false, false, false, true, false],
      [false, false, false, false, true],
    ]);
    expect(() => requireSupplier(buyer)).toThrow(/Réservé aux fournisseurs/);
    expect(() => requireSupplier(supplier1)).not.toThrow();
  });
});

describe("a buyer's organisation owns its tenders", () => {
  it("shows a tender to its buyers, to assigned evaluators only, and to no one else", async () => {
    const { tenderId } = await createPublishedTender(db());
    expect(await visibleToBuyingSide(buyer, tenderId)).toBe(true);
    expect(await visibleToBuyingSide(evaluator, tenderId)).toBe(false);
    const evaluatorId = (await db().select().from(users).where(eq(users.email, "evaluateur@metropole.example")).limit(1))[0]!.id;
    await db().insert(tenderEvaluators).values({ tenderId, userId: evaluatorId, assignedBy: buyer.id });
    expect(await visibleToBuyingSide(evaluator, tenderId)).toBe(true);
    for (const other of [stranger, csr, supplier1, admin]) expect(await visibleToBuyingSide(other, tenderId)).toBe(false);
    await db().update(tenders).set({ deletedAt: new Date().toISOString() }).where(eq(tenders.id, tenderId));
    expect(await visibleToBuyingSide(buyer, tenderId)).toBe(false);
  });
});

describe("a supplier can see a tender", () => {
  it("only through an accepted, non-revoked invitation of its own organisation", async () => {
    const { tenderId, invitationId } = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: "fournisseur@numerique-durable.example" });
    expect(await visibleToSupplier(supplier1, tenderId)).toBe(true);
    expect(await visibleToSupplier(supplier2, tenderId)).toBe(false);
    for (const other of [buyer, evaluator, csr, admin]) expect(await visibleToSupplier(other, tenderId)).toBe(false);
    await db().update(invitations).set({ revokedAt: new Date().toISOString() }).where(eq(invitations.id, invitationId));
    expect(await visibleToSupplier(supplier1, tenderId)).toBe(false);
  });

  it("never before the supplier accepted, and never a draft", async () => {
    const { tenderId } = await createPublishedTender(db());
    await createInvitation(db(), { tenderId, supplierName: DEMO_SUPPLIER2_ORG, email: "fournisseur@infoservices.example" });
    expect(await visibleToSupplier(supplier2, tenderId)).toBe(false);
    const accepted = await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER2_ORG, email: "fournisseur@infoservices.example" });
    await db().update(tenders).set({ status: "draft", publishedMethod: null }).where(eq(tenders.id, accepted.tenderId));
    expect(await visibleToSupplier(supplier2, accepted.tenderId)).toBe(false);
  });
});

describe("CSR scoping: suppliers linked to a buying organisation", () => {
  it("links a supplier through an accepted, non-revoked invitation to one of the organisation's tenders only", async () => {
    const linked = async (buyerOrganisationId: number) =>
      new Set(
        (await db()
                    .selectDistinct({ id: invitations.supplierOrganisationId })
                    .from(invitations)
                    .where(invitationsLinkingSuppliersTo(buyerOrganisationId)))
          .map((r) => r.id),
      );
    const supplier1Org = (await db().select().from(organisations).where(eq(organisations.name, DEMO_SUPPLIER1_ORG)).limit(1))[0]!.id;
    await tenderForSupplier(db(), { supplierOrganisation: DEMO_SUPPLIER1_ORG, email: "fournisseur@numerique-durable.example" });
    expect((await linked(csr.organisationId)).has(supplier1Org)).toBe(true);
    expect((await linked(stranger.organisationId)).has(supplier1Org)).toBe(false);
  });
});
