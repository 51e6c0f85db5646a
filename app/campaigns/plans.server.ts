/**
 * Improvement plans (issue 14 §3): actions agreed by the buying organisation and the supplier after
 * a campaign's debrief; the supplier reports progress with evidence; every change is an event and
 * an audit-log line. Status rules: ./plan.ts. Access: an action is reached only through a campaign
 * the acting user may see (buying side) or through its own organisation's shared debrief (supplier).
 */
import { and, asc, eq, inArray, lt, ne } from "drizzle-orm";
import { z } from "zod";
import { improvementActionEvents, improvementActions, tenders, users, type ActionStatus } from "#db/schema";
import { currentGuide, getGuide } from "#questionnaires/guide";
import { isCampaignManager, isSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { DATE_PATTERN } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import type { TenderRow } from "~/tenders/access.server";
import { affectedRows } from "#db/transaction";
import { afterAgreement, criterionMove, transitionRefusal, type Side } from "./plan";

export const ACTION_NOT_FOUND = "Cette action n'existe pas ou vous n'y avez pas accès.";

export const actionFormSchema = z.object({
  criterion: z.string().min(1, "Choisissez un critère"),
  action: z.string().trim().min(5, "Décrivez l'action (5 caractères au moins)").max(2000, "2000 caractères au plus"),
  owner: z.string().trim().min(2, "Indiquez le responsable").max(200, "200 caractères au plus"),
  dueDate: z.string().regex(DATE_PATTERN, "Échéance attendue au format aaaa-mm-jj"),
});
export type ActionFormValues = z.infer<typeof actionFormSchema>;

export const statusFormSchema = z.object({
  actionId: z.coerce.number().int().positive(),
  to: z.enum(["in-progress", "done", "abandoned"], { error: "Statut inconnu" }),
  note: z.string().trim().max(2000, "2000 caractères au plus").default(""),
});

function sideOf(user: CurrentUser): Side {
  if (isSupplier(user)) return "supplier";
  if (isCampaignManager(user)) return "buyer";
  throw new AppError("forbidden", "Seuls l'acheteur, l'équipe RSE et le fournisseur conviennent d'un plan de progrès.");
}

/** Actions of one supplier in one campaign, with their history (caller checked access). */
export async function listActions(campaignId: number, supplierOrganisationId: number) {
  const rows = await db()
      .select()
      .from(improvementActions)
      .where(and(eq(improvementActions.campaignId, campaignId), eq(improvementActions.supplierOrganisationId, supplierOrganisationId)))
      .orderBy(asc(improvementActions.id));
  const events = rows.length
    ? await db()
              .select({ e: improvementActionEvents, userName: users.name })
              .from(improvementActionEvents)
              .innerJoin(users, eq(users.id, improvementActionEvents.userId))
              .where(inArray(improvementActionEvents.actionId, rows.map((r) => r.id)))
              .orderBy(asc(improvementActionEvents.id))
    : [];
  return rows.map((r) => ({
    id: r.id,
    criterion: r.criterion,
    action: r.action,
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status,
    baselineScore: r.baselineScore,
    agreedByBuyerAt: r.agreedByBuyerAt,
    agreedBySupplierAt: r.agreedBySupplierAt,
    history: events.filter((e) => e.e.actionId === r.id).map((e) => ({ at: e.e.createdAt, by: e.userName, event: e.e.event, from: e.e.fromStatus, to: e.e.toStatus, note: e.e.note })),
  }));
}

/**
 * Actions agreed in the supplier's EARLIER campaigns of the same buying organisation, each with
 * whether its criterion moved between that campaign and this one.
 */
export async function actionsWithMoves(campaign: TenderRow, supplierOrganisationId: number, axes: { id: string; score: number | null }[]) {
  const rows = await db()
      .select({ a: improvementActions, campaignTitle: tenders.title })
      .from(improvementActions)
      .innerJoin(tenders, eq(tenders.id, improvementActions.campaignId))
      .where(
        and(
          eq(improvementActions.organisationId, campaign.organisationId),
          eq(improvementActions.supplierOrganisationId, supplierOrganisationId),
          ne(improvementActions.campaignId, campaign.id),
          lt(tenders.publishedAt, campaign.publishedAt ?? campaign.createdAt),
        ),
      )
      .orderBy(asc(improvementActions.id));
  return rows
    .filter((r) => r.a.status !== "proposed")
    .map((r) => {
      const now = axes.find((x) => x.id === r.a.criterion)?.score ?? null;
      return { id: r.a.id, campaignTitle: r.campaignTitle, criterion: r.a.criterion, action: r.a.action, status: r.a.status, baselineScore: r.a.baselineScore, currentScore: now, move: criterionMove(r.a.baselineScore, now) };
    });
}

/**
 * Proposes an action. Buying side: `campaign` loaded for the user and `supplierOrganisationId` with
 * scores in it; supplier: its own organisation through its shared debrief. The proposer's side agrees
 * at once; the other side's agreement makes it `agreed`.
 */
export async function proposeAction({
  campaign,
  supplierOrganisationId,
  baselineScore,
  user,
  input,
}: {
  campaign: TenderRow;
  supplierOrganisationId: number;
  baselineScore: number | null;
  user: CurrentUser;
  input: ActionFormValues;
}): Promise<number> {
  const side = sideOf(user);
  if (side === "supplier" && supplierOrganisationId !== user.organisationId) throw notFound(ACTION_NOT_FOUND);
  const guide = getGuide((campaign.publishedMethod as { guideVersion?: string } | null)?.guideVersion ?? "") ?? currentGuide;
  if (!guide.criteria.some((c) => c.id === input.criterion)) throw new AppError("invalid", "Critère inconnu.");
  const at = new Date().toISOString();
  return await transaction(async (tx) => {
      const row = (await tx
            .insert(improvementActions)
            .values({
              campaignId: campaign.id,
              organisationId: campaign.organisationId,
              supplierOrganisationId,
              criterion: input.criterion,
              action: input.action,
              owner: input.owner,
              dueDate: input.dueDate,
              baselineScore,
              proposedBy: user.id,
              agreedByBuyerAt: side === "buyer" ? at : null,
              agreedBySupplierAt: side === "supplier" ? at : null,
            })
            .returning({ id: improvementActions.id }))[0]!;
      await tx.insert(improvementActionEvents).values({ actionId: row.id, userId: user.id, organisationId: user.organisationId, event: "propose", toStatus: "proposed", note: input.action });
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "plan.propose", targetType: "improvement-action", targetId: row.id, details: { campaignId: campaign.id, supplierOrganisationId, ...input } });
      return row.id;
    });
}

/**
 * The action if the user may act on it: buying side — its campaign belongs to the user's
 * organisation and is visible to the user; supplier — it is its organisation's and the debrief was
 * shared. `visibleCampaign` re-checks the campaign with the caller's own rule.
 */
export async function loadActionFor(user: CurrentUser, actionId: number, visibleCampaign: (campaignId: number) => Promise<TenderRow>) {
  if (!Number.isSafeInteger(actionId)) throw notFound(ACTION_NOT_FOUND);
  const side = sideOf(user);
  const row = (await db()
      .select()
      .from(improvementActions)
      .where(
        and(
          eq(improvementActions.id, actionId),
          side === "supplier" ? eq(improvementActions.supplierOrganisationId, user.organisationId) : eq(improvementActions.organisationId, user.organisationId),
        ),
      ).limit(1))[0];
  if (!row) throw notFound(ACTION_NOT_FOUND);
  await visibleCampaign(row.campaignId);
  return { row, side };
}

export async function agreeAction({ user, actionId, visibleCampaign }: { user: CurrentUser; actionId: number; visibleCampaign: (id: number) => Promise<TenderRow> }) {
  const { row, side } = await loadActionFor(user, actionId, visibleCampaign);
  const at = new Date().toISOString();
  const next = afterAgreement(row, side, at);
  if (!next) throw new AppError("conflict", "Cette action est déjà convenue.");
  await transaction(async (tx) => {
        await tx.update(improvementActions).set({ ...next, updatedAt: at }).where(and(eq(improvementActions.id, row.id), eq(improvementActions.status, "proposed")));
        await tx.insert(improvementActionEvents).values({ actionId: row.id, userId: user.id, organisationId: user.organisationId, event: "agree", fromStatus: row.status, toStatus: next.status });
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "plan.agree", targetType: "improvement-action", targetId: row.id, details: { side, status: next.status } });
      });
  return next.status;
}

export async function changeActionStatus({
  user,
  actionId,
  to,
  note,
  visibleCampaign,
}: {
  user: CurrentUser;
  actionId: number;
  to: ActionStatus;
  note: string;
  visibleCampaign: (id: number) => Promise<TenderRow>;
}) {
  const { row, side } = await loadActionFor(user, actionId, visibleCampaign);
  const refusal = transitionRefusal(row.status, to, side, note.trim().length > 0);
  if (refusal) throw new AppError("conflict", refusal);
  const at = new Date().toISOString();
  await transaction(async (tx) => {
        const res = await tx
              .update(improvementActions)
              .set({ status: to, updatedAt: at })
              .where(and(eq(improvementActions.id, row.id), eq(improvementActions.status, row.status)));
        if (affectedRows(res) !== 1) throw new AppError("conflict", "L'action a changé entre-temps : rechargez la page.");
        await tx.insert(improvementActionEvents).values({ actionId: row.id, userId: user.id, organisationId: user.organisationId, event: "status", fromStatus: row.status, toStatus: to, note });
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "plan.status", targetType: "improvement-action", targetId: row.id, details: { side, from: row.status, to, note } });
      });
}

export type PlanActionResult = { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string[]> };

/**
 * The plan forms of a debrief page (both sides): `propose`, `agree`, `status`. `campaign` is the
 * campaign the page showed, loaded with the page's own access rule; `visibleCampaign` re-applies
 * that rule to an action's campaign (an action id from another campaign or supplier is a 404).
 */
export async function planAction({
  formData,
  user,
  campaign,
  supplierOrganisationId,
  axes,
  visibleCampaign,
}: {
  formData: FormData;
  user: CurrentUser;
  campaign: TenderRow;
  supplierOrganisationId: number;
  axes: { id: string; score: number | null }[];
  visibleCampaign: (id: number) => Promise<TenderRow>;
}): Promise<PlanActionResult> {
  const intent = String(formData.get("intent") ?? "");
  const scoped = async (id: number) => {
    const c = await visibleCampaign(id);
    if (c.id !== campaign.id) throw notFound(ACTION_NOT_FOUND);
    return c;
  };
  switch (intent) {
    case "propose": {
      const parsed = actionFormSchema.safeParse(Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string")));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const i of parsed.error.issues) (fieldErrors[String(i.path[0] ?? "form")] ??= []).push(i.message);
        return { ok: false, fieldErrors };
      }
      const baseline = axes.find((a) => a.id === parsed.data.criterion)?.score ?? null;
      await proposeAction({ campaign, supplierOrganisationId, baselineScore: baseline, user, input: parsed.data });
      return { ok: true, message: "Action proposée : elle sera convenue quand l'autre partie l'aura acceptée." };
    }
    case "agree": {
      const actionId = z.coerce.number().int().positive().safeParse(formData.get("actionId"));
      if (!actionId.success) throw notFound(ACTION_NOT_FOUND);
      const { row } = await loadActionFor(user, actionId.data, scoped);
      if (row.supplierOrganisationId !== supplierOrganisationId) throw notFound(ACTION_NOT_FOUND);
      const status = await agreeAction({ user, actionId: row.id, visibleCampaign: scoped });
      return { ok: true, message: status === "agreed" ? "Action convenue par les deux parties." : "Accord enregistré ; en attente de l'autre partie." };
    }
    case "status": {
      const parsed = statusFormSchema.safeParse({ actionId: formData.get("actionId"), to: formData.get("to"), note: formData.get("note") ?? "" });
      if (!parsed.success) return { ok: false, fieldErrors: { status: parsed.error.issues.map((i) => i.message) } };
      const { row } = await loadActionFor(user, parsed.data.actionId, scoped);
      if (row.supplierOrganisationId !== supplierOrganisationId) throw notFound(ACTION_NOT_FOUND);
      await changeActionStatus({ user, actionId: row.id, to: parsed.data.to, note: parsed.data.note, visibleCampaign: scoped });
      return { ok: true, message: "Statut de l'action mis à jour." };
    }
    default:
      throw new AppError("invalid", "Action inconnue.");
  }
}
