import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tenders } from "#db/schema";
import { clausesOf, defaultValues, fillClause, getClause, searchClauses } from "#questionnaires/clauses";
import { isBuyer } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { presentClause } from "~/lib/clauses.server";
import { transaction } from "~/lib/db.server";
import { loadTender, loadTenderAsBuyer } from "~/tenders/access.server";
import { methodOf, readDraftMethod } from "~/tenders/builder";
import type { TenderMethod } from "~/tenders/method";
import { AppError } from "~/lib/errors";
import { affectedRows } from "#db/transaction";

/**
 * The clauses chosen for a tender's NR annex: suggested from its segment, picked from any
 * segment, placeholders filled, reordered. Part of the method: frozen at publication.
 */
export async function tenderClausesView({ tenderId, user, query }: { tenderId: number; user: CurrentUser; query: string }) {
  const tender = await loadTender({ id: tenderId, user });
  const method = methodOf(tender);
  const chosenIds = new Set(method.clauses.map((c) => c.clauseId));
  const chosen = method.clauses.map((c, index) => {
    const clause = getClause(c.clauseId);
    if (!clause) return { index, clauseId: c.clauseId, clause: null, values: c.values, errors: {} as Record<string, string> };
    const filled = fillClause(clause, c.values);
    const errors: Record<string, string> = {};
    if (!filled.ok) for (const e of filled.errors) errors[e.placeholder] = e.message;
    return { index, clauseId: c.clauseId, clause: presentClause(clause, c.values), values: c.values, errors };
  });
  const summary = (id: string) => {
    const c = getClause(id)!;
    const p = presentClause(c);
    return { id: c.id, title: c.title, kindLabel: p.kindLabel, segmentLabel: p.segmentLabel, plainText: p.plainText };
  };
  return {
    tender: { id: tender.id, title: tender.title, reference: tender.reference, segment: tender.segment, status: tender.status },
    editable: tender.status === "draft" && isBuyer(user),
    chosen,
    suggestions: clausesOf(tender.segment).filter((c) => !chosenIds.has(c.id)).map((c) => summary(c.id)),
    results: query ? searchClauses(query).filter((c) => !chosenIds.has(c.id)).slice(0, 30).map((c) => summary(c.id)) : null,
  };
}

export const clauseIntentSchema = z.union([
  z.object({ op: z.literal("save") }),
  z.object({ op: z.literal("add"), clauseId: z.string().min(1).max(120) }),
  z.object({ op: z.literal("remove"), index: z.coerce.number().int().min(0) }),
  z.object({ op: z.literal("up"), index: z.coerce.number().int().min(0) }),
  z.object({ op: z.literal("down"), index: z.coerce.number().int().min(0) }),
]);
export type ClauseIntent = z.infer<typeof clauseIntentSchema>;

/**
 * The clauses form: the `intent` button ("add:pdt-spec-ecolabel", "up:2", "save"…) and the
 * placeholder values posted as `values.<index>.<placeholder>` (read with `formDataToNested(…,
 * { arrays: false })`, so that indices stay keys).
 */
export const clausesFormSchema = z.object({
  intent: z
    .string({ error: "Action inconnue." })
    .transform((raw): Record<string, unknown> => {
      const [op, arg] = raw.split(":", 2);
      return op === "add" ? { op, clauseId: arg } : op === "save" ? { op } : { op, index: arg };
    })
    .pipe(clauseIntentSchema),
  values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  q: z.string().max(200).default(""),
});
export type ClauseValues = z.output<typeof clausesFormSchema>["values"];

/** Posted values merged into the chosen clauses; only declared placeholders are kept. */
function withPostedValues(clauses: TenderMethod["clauses"], posted: ClauseValues): TenderMethod["clauses"] {
  return clauses.map((c, index) => {
    const clause = getClause(c.clauseId);
    if (!clause) return c;
    const values: Record<string, string> = { ...c.values };
    for (const p of clause.placeholders) {
      const value = posted[String(index)]?.[p.name];
      if (value !== undefined) values[p.name] = value.slice(0, 2000);
    }
    return { clauseId: c.clauseId, values };
  });
}

/**
 * Applies the posted values, then the intent, and saves the draft. Values are saved even when a
 * placeholder is invalid (a draft may be incomplete); the page and the annex list what remains.
 */
export async function updateTenderClauses({ tenderId, user, intent, values }: { tenderId: number; user: CurrentUser; intent: ClauseIntent; values: ClauseValues }) {
  const tender = await loadTenderAsBuyer({ id: tenderId, user });
  if (tender.status !== "draft") throw new AppError("conflict", "Cet appel d'offres est publié : ses clauses sont figées avec la méthode.");
  const method = readDraftMethod(tender.draftMethod);
  let clauses = withPostedValues(method.clauses, values);
  let message = "Clauses enregistrées.";
  switch (intent.op) {
    case "add": {
      const clause = getClause(intent.clauseId);
      if (!clause) throw new AppError("invalid", "Clause inconnue.");
      if (clauses.some((c) => c.clauseId === clause.id)) {
        message = "Cette clause est déjà retenue.";
        break;
      }
      clauses = [...clauses, { clauseId: clause.id, values: defaultValues(clause) }];
      message = `Clause « ${clause.title} » ajoutée.`;
      break;
    }
    case "remove":
      if (intent.index < clauses.length) {
        message = `Clause « ${getClause(clauses[intent.index]!.clauseId)?.title ?? clauses[intent.index]!.clauseId} » retirée.`;
        clauses = clauses.filter((_, i) => i !== intent.index);
      }
      break;
    case "up":
    case "down": {
      const from = intent.index;
      const to = intent.op === "up" ? from - 1 : from + 1;
      if (from < clauses.length && to >= 0 && to < clauses.length) {
        const next = [...clauses];
        [next[from], next[to]] = [next[to]!, next[from]!];
        clauses = next;
        message = "Ordre des clauses modifié.";
      }
      break;
    }
    case "save":
      break;
  }
  await transaction(async (tx) => {
        const updated = await tx
              .update(tenders)
              .set({ draftMethod: { ...method, clauses }, updatedAt: new Date().toISOString() })
              .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")));
        if (affectedRows(updated) !== 1) throw new AppError("conflict", "Cet appel d'offres n'est plus un brouillon.");
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.clauses.update", targetType: "tender", targetId: tender.id, details: { op: intent.op, count: clauses.length } });
      });
  return { message };
}
