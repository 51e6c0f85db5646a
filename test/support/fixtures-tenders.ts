import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { currentGuide } from "#questionnaires/guide";
import type { Db } from "#db/connection";
import { invitations, memberships, organisations, tenders, users } from "#db/schema";
import { canonicalJson } from "~/lib/submission-content";
import type { TenderMethod } from "~/tenders/method";

/**
 * Test-only helpers: a published tender (method built from the current guide, all 47 questions,
 * N/A allowed where the guide allows it) and invitations whose token the test knows. Used by the
 * integration tests and by the e2e seeding script; takes the database explicitly.
 */
export function guideMethod(options: { onlyQuestions?: string[] } = {}): TenderMethod {
  const only = options.onlyQuestions ? new Set(options.onlyQuestions) : null;
  return {
    guideVersion: currentGuide.version,
    shares: { price: 40, technical: 40, rse: 20 },
    priceMethod: "lowest-ratio",
    criteria: currentGuide.criteria.map((c) => ({ id: c.id, included: true, weight: 1 })),
    questions: currentGuide.questions.map((q) => ({
      id: q.id,
      criterion: q.criterion,
      included: only ? only.has(q.id) : true,
      weight: 1,
      allowNotApplicable: q.allowNotApplicableByDefault,
    })),
    clauses: [],
    offerCriteria: [],
  };
}

async function orgIdByName(db: Db, name: string): Promise<number> {
  const row = (await db.select().from(organisations).where(eq(organisations.name, name)).limit(1))[0];
  if (!row) throw new Error(`organisation inconnue : ${name}`);
  return row.id;
}

async function userIdByEmail(db: Db, email: string): Promise<number> {
  const row = (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];
  if (!row) throw new Error(`utilisateur inconnu : ${email}`);
  return row.id;
}

export const DEMO_BUYER_ORG = "Métropole Exemple — Direction des achats";
export const DEMO_SUPPLIER1_ORG = "Numérique Durable SAS";
export const DEMO_SUPPLIER2_ORG = "InfoServices Conseil";

export async function createPublishedTender(
  db: Db,
  input: {
    title?: string;
    reference?: string;
    /** ISO instant; default: in 10 days. */
    deadline?: string;
    buyerOrganisation?: string;
    createdByEmail?: string;
    contactEmail?: string;
    onlyQuestions?: string[];
    status?: "published" | "cancelled" | "closed";
  } = {},
): Promise<{ tenderId: number; method: TenderMethod }> {
  const method = guideMethod({ onlyQuestions: input.onlyQuestions });
  const organisationId = await orgIdByName(db, input.buyerOrganisation ?? DEMO_BUYER_ORG);
  const createdBy = await userIdByEmail(db, input.createdByEmail ?? "acheteur@metropole.example");
  const now = new Date().toISOString();
  const row = (await db
      .insert(tenders)
      .values({
        organisationId,
        createdBy,
        title: input.title ?? "Postes de travail reconditionnés",
        reference: input.reference ?? `AO-${crypto.randomBytes(3).toString("hex").toUpperCase()}`,
        segment: "postes-de-travail",
        deadline: input.deadline ?? new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString(),
        contactName: "Claire Martin",
        contactEmail: input.contactEmail ?? "acheteur@metropole.example",
        status: input.status ?? "published",
        draftMethod: method,
        publishedMethod: method,
        publishedMethodSha256: crypto.createHash("sha256").update(canonicalJson(method)).digest("hex"),
        publishedAt: now,
        publishedBy: createdBy,
      })
      .returning({ id: tenders.id }))[0]!;
  return { tenderId: row.id, method };
}

export async function createInvitation(
  db: Db,
  input: { tenderId: number; supplierName: string; email: string; token?: string; expiresAt?: string },
): Promise<{ invitationId: number; token: string }> {
  const tender = (await db.select().from(tenders).where(eq(tenders.id, input.tenderId)).limit(1))[0];
  if (!tender) throw new Error("consultation inconnue");
  const token = input.token ?? crypto.randomBytes(24).toString("base64url");
  const row = (await db
      .insert(invitations)
      .values({
        tenderId: tender.id,
        organisationId: tender.organisationId,
        email: input.email,
        supplierName: input.supplierName,
        tokenSha256: crypto.createHash("sha256").update(token).digest("hex"),
        createdBy: tender.createdBy,
        expiresAt: input.expiresAt ?? tender.deadline,
      })
      .returning({ id: invitations.id }))[0]!;
  return { invitationId: row.id, token };
}

/** Marks an invitation accepted for a supplier organisation (as if a member had followed the link). */
export async function acceptInvitationDirectly(db: Db, input: { invitationId: number; supplierOrganisation: string; acceptedByEmail: string }): Promise<void> {
  await db.update(invitations)
        .set({
          acceptedAt: new Date().toISOString(),
          acceptedBy: await userIdByEmail(db, input.acceptedByEmail),
          supplierOrganisationId: await orgIdByName(db, input.supplierOrganisation),
        })
        .where(eq(invitations.id, input.invitationId));
}

/** A published tender the given demo supplier organisation has already accepted. */
export async function tenderForSupplier(
  db: Db,
  input: { supplierOrganisation: string; email: string; title?: string; deadline?: string; onlyQuestions?: string[] },
): Promise<{ tenderId: number; invitationId: number; token: string }> {
  const { tenderId } = await createPublishedTender(db, { title: input.title, deadline: input.deadline, onlyQuestions: input.onlyQuestions });
  const { invitationId, token } = await createInvitation(db, { tenderId, supplierName: input.supplierOrganisation, email: input.email });
  await acceptInvitationDirectly(db, { invitationId, supplierOrganisation: input.supplierOrganisation, acceptedByEmail: input.email });
  return { tenderId, invitationId, token };
}

export async function membershipCount(db: Db, organisation: string): Promise<number> {
  return (await db.select().from(memberships).where(eq(memberships.organisationId, await orgIdByName(db, organisation)))).length;
}
