import { eq } from "drizzle-orm";
import { db } from "~/lib/db.server";
import { tenders } from "#db/schema";
import { signUpAndActivate } from "./accounts";
import { TestClient, signedInClient } from "./client";

/** A second buying organisation with its own buyer, for tenancy tests. */
export async function otherBuyer(email = "acheteur@autre-collectivite.example"): Promise<TestClient> {
  const client = await new TestClient().init();
  await signUpAndActivate(client, {
    name: "Autre Acheteur",
    email,
    password: "un-mot-de-passe-long",
    organisationName: "Autre Collectivité",
    organisationKind: "buyer",
  });
  return signedInClient(email, "un-mot-de-passe-long");
}

export async function seededTenderIds() {
  const all = await db().select({ id: tenders.id, title: tenders.title, status: tenders.status }).from(tenders);
  const published = all.find((t) => t.title === "Renouvellement du parc de postes de travail");
  const draft = all.find((t) => t.status === "draft");
  if (!published || !draft) throw new Error("seed tenders missing");
  return { published: published.id, draft: draft.id };
}

export async function tenderRow(id: number) {
  return (await db().select().from(tenders).where(eq(tenders.id, id)).limit(1))[0];
}

/**
 * Form fields of the builder for a fresh tender (all 47 questions), overridable.
 * Lawful for a public buyer by default (issue 11): organisation questions for information (weight 0), contract
 * questions weight 1, and the carbon footprint of the offer (catalogue row 0, `empreinte-offre`) at 10 %.
 * `{ lawful: false }` gives the old form (every question weight 1, no offer criterion), which a public buyer
 * can save but not publish.
 */
export function builderFields(
  guide: { criteria: { id: string }[]; questions: { id: string; criterion: string; allowNotApplicableByDefault: boolean; scope?: string }[] },
  over: Record<string, string> = {},
  { lawful = true }: { lawful?: boolean } = {},
) {
  const f: Record<string, string> = {
    title: "Achat de serveurs",
    reference: "AO-TEST-1",
    segment: "infrastructures-datacenter",
    description: "Test",
    deadlineDate: "2099-06-30",
    deadlineTime: "12:00",
    contactName: "Test",
    contactEmail: "test@example.org",
    "shares.price": "40",
    "shares.technical": "30",
    "shares.rse": "30",
    priceMethod: "linear",
  };
  guide.criteria.forEach((c, i) => {
    f[`criteria.${i}.id`] = c.id;
    f[`criteria.${i}.included`] = "on";
    f[`criteria.${i}.weight`] = "1";
  });
  guide.questions.forEach((q, i) => {
    f[`questions.${i}.id`] = q.id;
    f[`questions.${i}.criterion`] = q.criterion;
    f[`questions.${i}.included`] = "on";
    f[`questions.${i}.weight`] = lawful && q.scope !== "contract" ? "0" : "1";
    if (q.allowNotApplicableByDefault) f[`questions.${i}.allowNotApplicable`] = "on";
  });
  if (lawful) {
    f["offerCriteria.0.id"] = "empreinte-offre";
    f["offerCriteria.0.included"] = "on";
    f["offerCriteria.0.share"] = "10";
    f["offerCriteria.0.method"] = "linear";
  }
  for (const [k, v] of Object.entries(over)) {
    if (v === "") delete f[k];
    else f[k] = v;
  }
  return f;
}
