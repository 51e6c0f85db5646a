import { count } from "drizzle-orm";
import { runTransaction } from "#db/transaction";
import type { Db } from "./connection";
import { memberships, organisations, users, type OrganisationKind, type ProcurementRegime, type Role } from "./schema";

/**
 * Demo data set: one buying organisation, two supplier organisations, one user per role.
 * Development only — the passwords are printed in the README.
 */
export const DEMO_PASSWORD = "demo-nr-procure";

export const demoOrganisations: { key: string; name: string; kind: OrganisationKind; regime?: ProcurementRegime }[] = [
  { key: "buyer", name: "Métropole Exemple — Direction des achats", kind: "buyer", regime: "public" },
  // A company not subject to the Code de la commande publique (issue 11 §2): free to score organisation maturity.
  { key: "privateBuyer", name: "Groupe Industriel Exemple", kind: "buyer", regime: "private" },
  { key: "supplier1", name: "Numérique Durable SAS", kind: "supplier" },
  { key: "supplier2", name: "InfoServices Conseil", kind: "supplier" },
  // The rest of the demo maturity-campaign panel (issue 14: six suppliers).
  { key: "supplier3", name: "Éco-Infogérance SARL", kind: "supplier" },
  { key: "supplier4", name: "Datacentre Sobre SA", kind: "supplier" },
  { key: "supplier5", name: "Reconditionné Pro", kind: "supplier" },
  { key: "supplier6", name: "Logiciels Légers SAS", kind: "supplier" },
  { key: "platform", name: "NR Procure — administration", kind: "platform" },
];

export const demoUsers: { email: string; name: string; org: string; role: Role }[] = [
  { email: "acheteur@metropole.example", name: "Claire Martin", org: "buyer", role: "buyer" },
  { email: "evaluateur@metropole.example", name: "Karim Benali", org: "buyer", role: "evaluator" },
  { email: "rse@metropole.example", name: "Sophie Durand", org: "buyer", role: "rse" },
  { email: "acheteur@industriel.example", name: "Marc Lefèvre", org: "privateBuyer", role: "buyer" },
  { email: "evaluateur@industriel.example", name: "Nadia Ouali", org: "privateBuyer", role: "evaluator" },
  { email: "fournisseur@numerique-durable.example", name: "Julien Petit", org: "supplier1", role: "supplier" },
  { email: "fournisseur@infoservices.example", name: "Amélie Roux", org: "supplier2", role: "supplier" },
  { email: "fournisseur@eco-infogerance.example", name: "Paul Garnier", org: "supplier3", role: "supplier" },
  { email: "fournisseur@datacentre-sobre.example", name: "Nadia Haddad", org: "supplier4", role: "supplier" },
  { email: "fournisseur@reconditionne-pro.example", name: "Louis Moreau", org: "supplier5", role: "supplier" },
  { email: "fournisseur@logiciels-legers.example", name: "Emma Lefèvre", org: "supplier6", role: "supplier" },
  { email: "admin@nr-procure.example", name: "Admin Plateforme", org: "platform", role: "admin" },
];

export type SeedResult = { seeded: boolean; organisations: Record<string, number>; users: Record<string, number> };

/** Demo organisations and users by key, for the steps that seed business data on top. */
export type DemoIds = { organisations: Record<string, number>; users: Record<string, number> };
type SeedTx = Db;

/**
 * Idempotent: seeds only an empty database, so a restart never duplicates demo data.
 * `hashPassword` and `extraSteps` (demo tenders, answers…) come from the app: db/ knows tables,
 * not business rules (design.md, dependency direction). Everything runs in one transaction.
 */
export async function seedDemo(
  db: Db,
  hashPassword: (p: string) => Promise<string>,
  extraSteps: ((tx: SeedTx, ids: DemoIds) => Promise<unknown>)[] = [],
): Promise<SeedResult> {
  const existing = (await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0;
  if (existing > 0) return { seeded: false, organisations: {}, users: {} };
  const hash = await hashPassword(DEMO_PASSWORD);
  return await runTransaction(db, async (tx) => {
      const orgIds: Record<string, number> = {};
      for (const o of demoOrganisations) {
        orgIds[o.key] = (await tx.insert(organisations).values({ name: o.name, kind: o.kind, procurementRegime: o.regime ?? "public" }).returning())[0]!.id;
      }
      const userIds: Record<string, number> = {};
      for (const u of demoUsers) {
        const user = (await tx.insert(users).values({ email: u.email, name: u.name, passwordHash: hash }).returning())[0]!;
        userIds[u.email] = user.id;
        await tx.insert(memberships).values({ userId: user.id, organisationId: orgIds[u.org]!, role: u.role });
      }
      for (const step of extraSteps) await step(tx, { organisations: orgIds, users: userIds });
      return { seeded: true, organisations: orgIds, users: userIds };
    });
}
