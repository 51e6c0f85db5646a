import type { Db } from "#db/connection";
import { demoOrganisations, demoUsers, seedDemo } from "#db/seed";
import { hashPassword } from "~/auth/password.server";
import { seedDemoCampaigns } from "./seed-campaigns";
import { seedDemoTenders } from "./seed-tenders";

/** The whole demo data set: organisations and users (db/seed.ts), then tenders and answers. */
export function seedDemoData(db: Db) {
  return seedDemo(db, hashPassword, [
    async (tx, { organisations, users }) =>
      await seedDemoTenders(tx, {
                  buyerOrg: organisations.buyer!,
                  buyerUser: users["acheteur@metropole.example"]!,
                  evaluatorUser: users["evaluateur@metropole.example"]!,
                  supplier1Org: organisations.supplier1!,
                  supplier1User: users["fournisseur@numerique-durable.example"]!,
                  supplier2Org: organisations.supplier2!,
                  supplier2User: users["fournisseur@infoservices.example"]!,
                  privateBuyerOrg: organisations.privateBuyer!,
                  privateBuyerUser: users["acheteur@industriel.example"]!,
                }),
    async (tx, { organisations, users }) =>
      await seedDemoCampaigns(tx, {
                buyerOrg: organisations.buyer!,
                csrUser: users["rse@metropole.example"]!,
                evaluatorUser: users["evaluateur@metropole.example"]!,
                panel: demoUsers
                  .filter((u) => u.role === "supplier")
                  .map((u) => ({ org: organisations[u.org]!, user: users[u.email]!, email: u.email, name: demoOrganisations.find((o) => o.key === u.org)!.name })),
              }),
  ]);
}
