import { and, desc, eq } from "drizzle-orm";
import { outbox } from "#db/schema";
import { db } from "~/lib/db.server";
import { action as confirmAction } from "~/routes/inscription_.confirmer.$token";
import { action as signUpAction } from "~/routes/inscription";
import type { TestClient } from "./client";

/** The last account e-mail of a kind sent to an address (the outbox holds what the portal sends). */
export async function lastMail(email: string, kind: string) {
  return (await db().select().from(outbox).where(and(eq(outbox.toEmail, email), eq(outbox.kind, kind))).orderBy(desc(outbox.id)).limit(1))[0];
}

/** The token at the end of the first link to `path` in a message body. */
export function tokenIn(body: string, path: string): string {
  const match = new RegExp(`${path.replace(/\//g, "\\/")}/([A-Za-z0-9_-]+)`).exec(body);
  if (!match) throw new Error(`pas de lien ${path} dans : ${body}`);
  return match[1]!;
}

export type SignUpFields = { name: string; email: string; password: string; organisationName: string; organisationKind: "buyer" | "supplier" };

/** Signs up through the form, then follows the activation link of the e-mail: the client ends signed in. */
export async function signUpAndActivate(client: TestClient, fields: SignUpFields) {
  const out = await client.post(signUpAction, "/inscription", fields);
  if (out.status !== 200 || (out.body as { sentTo?: string }).sentTo !== fields.email) throw new Error(`sign-up failed: ${out.status} ${JSON.stringify(out.body)}`);
  const mail = await lastMail(fields.email, "account.activation");
  if (!mail) throw new Error(`no activation e-mail for ${fields.email}`);
  const token = tokenIn(mail.body, "/inscription/confirmer");
  const confirmed = await client.post(confirmAction, `/inscription/confirmer/${token}`, {}, { token });
  if (confirmed.status !== 302) throw new Error(`activation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed;
}
