import type { Db } from "#db/connection";
import { seedDemo } from "#db/seed";
import { hashPassword } from "~/auth/password.server";
import { seedDemoTenders } from "./seed-tenders";

/** The whole demo data set: organisations and users (db/seed.ts), then tenders and answers. */
export function seedDemoData(db: Db) {
  return seedDemo(db, hashPassword, [
    (tx, { organisations, users }) =>
      seedDemoTenders(tx, {
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
  ]);
}
