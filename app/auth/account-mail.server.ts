/**
 * E-mails about an account (activation link, "this address already has an account", password-reset
 * link), queued in the outbox like every message of the portal (`outbox`, db/schema/tenders.ts),
 * which the mail transport delivers. They belong to no customer organisation: they are filed under
 * the platform's own organisation (kind `platform`, created if the database has none), so they never
 * appear in a buyer's outbox page, where colleagues could read a reset link.
 * Kinds: `account.activation`, `account.sign-up-existing`, `account.password-reset`.
 */
import { asc, eq } from "drizzle-orm";
import { organisations, outbox } from "#db/schema";
import { config } from "~/config.server";
import type { Tx } from "~/lib/db.server";

export const accountMailKinds = ["account.activation", "account.sign-up-existing", "account.password-reset"] as const;
export type AccountMailKind = (typeof accountMailKinds)[number];

const PLATFORM_NAME = "NR Procure";

async function platformOrganisationId(tx: Tx): Promise<number> {
  const found = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, "platform")).orderBy(asc(organisations.id)).limit(1))[0];
  if (found) return found.id;
  return (await tx.insert(organisations).values({ name: PLATFORM_NAME, kind: "platform" }).returning({ id: organisations.id }))[0]!.id;
}

export async function queueAccountMail(tx: Tx, mail: { toEmail: string; kind: AccountMailKind; subject: string; body: string }): Promise<void> {
  await tx.insert(outbox).values({ organisationId: await platformOrganisationId(tx), ...mail });
}

/**
 * Where the links of account e-mails point: PUBLIC_URL when set, else the address the request came
 * to (behind a proxy, as TRUST_PROXY lets Express read it).
 */
export function linkBase(request: Request): string {
  return config().publicUrl ?? new URL(request.url).origin;
}

export const MAIL_SIGNATURE = "— NR Procure, le numérique responsable dans les achats informatiques";
