import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { tenders } from "../../db/schema";
import { clausesOf, defaultValues, fillClause, getClause, searchClauses } from "../../questionnaires/clauses";
import { isBuyer } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { presentClause } from "~/lib/clauses.server";
import { db } from "~/lib/db.server";
import { loadTender, loadTenderAsBuyer } from "~/tenders/access.server";
import { methodOf, readDraftMethod } from "~/tenders/builder";
import type { TenderMethod } from "~/tenders/method";
import { AppError } from "~/lib/errors";

/**
 * The clauses chosen for a tender's NR annex: suggested from its segment, picked from any
 * segment, placeholders filled, reordered. Part of the method: frozen at publication.
 */
export function tenderClausesView({ tenderId, user, query }: { tenderId: number; user: CurrentUser; query: string }) {
  const tender = loadTender({ id: tenderId, user });
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

/** `intent` button value "add:pdt-spec-ecolabel", "up:2", "save"… → a typed intent. */
export function parseClauseIntent(raw: unknown): ClauseIntent | null {
  if (typeof raw !== "string") return null;
  const [op, arg] = raw.split(":", 2);
  const parsed = clauseIntentSchema.safeParse(op === "add" ? { op, clauseId: arg } : op === "save" ? { op } : { op, index: arg });
  return parsed.success ? parsed.data : null;
}

/** Field values posted as `values.<index>.<placeholder>`; only declared placeholders are kept. */
export function postedClauseValues(formData: FormData, clauses: TenderMethod["clauses"]): TenderMethod["clauses"] {
  return clauses.map((c, index) => {
    const clause = getClause(c.clauseId);
    if (!clause) return c;
    const values: Record<string, string> = { ...c.values };
    for (const p of clause.placeholders) {
      const posted = formData.get(`values.${index}.${p.name}`);
      if (typeof posted === "string") values[p.name] = posted.slice(0, 2000);
    }
    return { clauseId: c.clauseId, values };
  });
}

/**
 * Applies the posted values, then the intent, and saves the draft. Values are saved even when a
 * placeholder is invalid (a draft may be incomplete); the page and the annex list what remains.
 */
export function updateTenderClauses({ tenderId, user, formData, intent }: { tenderId: number; user: CurrentUser; formData: FormData; intent: ClauseIntent }) {
  const tender = loadTenderAsBuyer({ id: tenderId, user });
  if (tender.status !== "draft") throw new AppError("conflict", "Cet appel d'offres est publié : ses clauses sont figées avec la méthode.");
  const method = readDraftMethod(tender.draftMethod);
  let clauses = postedClauseValues(formData, method.clauses);
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
  db().transaction((tx) => {
    const updated = tx
      .update(tenders)
      .set({ draftMethod: { ...method, clauses }, updatedAt: new Date().toISOString() })
      .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")))
      .run();
    if (updated.changes !== 1) throw new AppError("conflict", "Cet appel d'offres n'est plus un brouillon.");
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.clauses.update", targetType: "tender", targetId: tender.id, details: { op: intent.op, count: clauses.length } });
  });
  return { message };
}
