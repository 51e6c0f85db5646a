/**
 * What a maturity campaign yields: per-supplier criterion scores (0–100, evaluated answers only),
 * the debrief radar of one supplier (buying side and supplier side), and the panel view. No
 * ranking anywhere; weights only on buying-side pages (the overall index); the panel median only
 * from MIN_PANEL_FOR_MEDIAN scored suppliers; a supplier's page never names another supplier.
 */
import { and, desc, eq, inArray, isNull, lt, ne } from "drizzle-orm";
import { debriefShares, tenders } from "#db/schema";
import { currentGuide, getGuide, type Guide } from "#questionnaires/guide";
import { criterionScores, distribution, panelMedian, STRENGTH_PRIORITY_RULE, strengthAndPriority, weightedMaturity, type EvaluatedQuestion } from "#scoring";
import { isSupplier, tendersVisibleToSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { csvNumber } from "~/lib/csv";
import { db, transaction } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import type { TenderRow } from "~/tenders/access.server";
import { publishedQuestionsOf } from "~/tenders/builder";
import { evaluableSubmissions, unsafeEvaluationRows } from "~/tenders/evaluation.server";
import { includedQuestions, type QuestionsMethod } from "~/tenders/method";
import { listInvitations } from "~/tenders/invitations.server";
import { loadCampaign, loadCampaignAsManager, reminderCounts } from "./campaigns.server";
import { actionsWithMoves, listActions } from "./plans.server";

export type CriterionInfo = { id: string; number: number; title: string; shortTitle: string };

export type SupplierScores = {
  supplierOrganisationId: number;
  supplierName: string;
  submissionId: number;
  submittedAt: string;
  evaluated: number;
  questionCount: number;
  scores: Record<string, number | null>;
};

function guideOf(method: QuestionsMethod): Guide {
  return getGuide(method.guideVersion) ?? currentGuide;
}

export function criteriaOf(method: QuestionsMethod): CriterionInfo[] {
  return guideOf(method).criteria.map((c) => ({ id: c.id, number: c.number, title: c.title, shortTitle: c.shortTitle }));
}

/** The campaign page's respondents with their evaluation progress (buying side, scoped by `loadCampaign`). */
export async function campaignRespondents({ campaignId, user }: { campaignId: number; user: CurrentUser }) {
  const all = await unsafeCampaignScores(await loadCampaign({ id: campaignId, user }));
  return {
    guideVersion: all.method.guideVersion,
    respondents: all.suppliers.map((s) => ({ id: s.supplierOrganisationId, name: s.supplierName, submittedAt: s.submittedAt, evaluated: s.evaluated, questionCount: s.questionCount })),
  };
}

/** Scores of every supplier with an evaluable submission (caller checked access to the campaign). */
export async function unsafeCampaignScores(campaign: TenderRow): Promise<{ method: QuestionsMethod; criteria: CriterionInfo[]; suppliers: SupplierScores[] }> {
  const method = publishedQuestionsOf(campaign);
  if (!method) return { method: { guideVersion: currentGuide.version, criteria: [], questions: [], offerCriteria: [] }, criteria: [], suppliers: [] };
  const questions = includedQuestions(method);
  const criteria = criteriaOf(method);
  const subs = await evaluableSubmissions(campaign);
  const rows = await unsafeEvaluationRows(subs.map((s) => s.id));
  const suppliers = subs.map((s) => {
    const mine = new Map(rows.filter((r) => r.submissionId === s.id).map((r) => [r.questionId, r]));
    const evaluatedQuestions: EvaluatedQuestion[] = questions.map((q) => {
      const r = mine.get(q.id);
      const evaluated: EvaluatedQuestion["evaluated"] = !r ? null : r.notApplicableAccepted ? "na" : r.evaluatedLevel === null ? 0 : (r.evaluatedLevel as 1 | 2 | 3 | 4 | 5);
      return { criterion: q.criterion, weight: q.weight, evaluated };
    });
    const scores = criterionScores(
      criteria.map((c) => c.id),
      evaluatedQuestions,
    );
    return {
      supplierOrganisationId: s.supplierOrganisationId,
      supplierName: s.supplierName,
      submissionId: s.id,
      submittedAt: s.submittedAt,
      evaluated: mine.size,
      questionCount: questions.length,
      scores: Object.fromEntries(scores),
    };
  });
  return { method, criteria, suppliers };
}

/**
 * The campaign of the same buying organisation just before this one (launched earlier) in which
 * the supplier has scores: its polygon is overlaid on the radar.
 */
async function unsafePreviousScores(campaign: TenderRow, supplierOrganisationId: number): Promise<{ campaign: { id: number; title: string; publishedAt: string | null }; scores: Record<string, number | null> } | null> {
  const earlier = await db()
      .select()
      .from(tenders)
      .where(
        and(
          eq(tenders.organisationId, campaign.organisationId),
          eq(tenders.kind, "campaign"),
          ne(tenders.id, campaign.id),
          isNull(tenders.deletedAt),
          inArray(tenders.status, ["published", "closed"]),
          lt(tenders.publishedAt, campaign.publishedAt ?? campaign.createdAt),
        ),
      )
      .orderBy(desc(tenders.publishedAt));
  for (const c of earlier) {
    const s = (await unsafeCampaignScores(c)).suppliers.find((x) => x.supplierOrganisationId === supplierOrganisationId);
    if (s && Object.values(s.scores).some((v) => v !== null)) return { campaign: { id: c.id, title: c.title, publishedAt: c.publishedAt }, scores: s.scores };
  }
  return null;
}

/** The debrief content for one supplier: what both sides see (no weights, no other supplier). */
async function debriefFor(campaign: TenderRow, supplierOrganisationId: number) {
  const all = await unsafeCampaignScores(campaign);
  const own = all.suppliers.find((s) => s.supplierOrganisationId === supplierOrganisationId);
  if (!own) return null;
  const axes = all.criteria.map((c) => ({ ...c, score: own.scores[c.id] ?? null }));
  const { strength, priority } = strengthAndPriority(axes.map((a) => ({ id: a.id, score: a.score })));
  const previous = await unsafePreviousScores(campaign, supplierOrganisationId);
  const respondents = all.suppliers.length;
  const medians = Object.fromEntries(all.criteria.map((c) => [c.id, panelMedian(all.suppliers.map((s) => s.scores[c.id] ?? null))]));
  const showMedian = Object.values(medians).some((m) => m !== null);
  return {
    campaign: { id: campaign.id, title: campaign.title, publishedAt: campaign.publishedAt, deadline: campaign.deadline, status: campaign.status },
    supplier: { id: own.supplierOrganisationId, name: own.supplierName, submittedAt: own.submittedAt },
    evaluated: own.evaluated,
    questionCount: own.questionCount,
    axes: axes.map((a) => ({ ...a, previous: previous ? (previous.scores[a.id] ?? null) : null, median: showMedian ? (medians[a.id] ?? null) : null })),
    strength,
    priority,
    rule: STRENGTH_PRIORITY_RULE,
    previous: previous ? previous.campaign : null,
    medianShown: showMedian,
    /** Whether the panel is big enough; the count itself is not an identity. */
    panelTooSmall: respondents < 5,
  };
}

async function shareOf(campaignId: number, supplierOrganisationId: number) {
  return (await db()
      .select()
      .from(debriefShares)
      .where(and(eq(debriefShares.tenderId, campaignId), eq(debriefShares.supplierOrganisationId, supplierOrganisationId))).limit(1))[0];
}

/** Buying side: one supplier's debrief, the share state and the plan (ids come from the URL). */
export async function buyerSupplierDebrief({ campaignId, supplierOrganisationId, user }: { campaignId: number; supplierOrganisationId: number; user: CurrentUser }) {
  const campaign = await loadCampaign({ id: campaignId, user });
  const d = await debriefFor(campaign, supplierOrganisationId);
  if (!d) throw notFound("Ce fournisseur n'a pas de réponse à cette campagne.");
  return {
    ...d,
    sharedAt: (await shareOf(campaign.id, supplierOrganisationId))?.sharedAt ?? null,
    actions: await listActions(campaign.id, supplierOrganisationId),
    earlierActions: await actionsWithMoves(campaign, supplierOrganisationId, d.axes),
  };
}

/** Buying side: share the debrief with the supplier (audited; idempotent). */
export async function shareCampaignDebrief({ campaignId, supplierOrganisationId, user }: { campaignId: number; supplierOrganisationId: number; user: CurrentUser }) {
  const campaign = await loadCampaignAsManager({ id: campaignId, user });
  const d = await debriefFor(campaign, supplierOrganisationId);
  if (!d) throw notFound("Ce fournisseur n'a pas de réponse à cette campagne.");
  if (await shareOf(campaign.id, supplierOrganisationId)) return d.supplier.name;
  await transaction(async (tx) => {
        await tx.insert(debriefShares).values({ tenderId: campaign.id, supplierOrganisationId, sharedBy: user.id }).onConflictDoNothing();
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "campaign.debrief-share", targetType: "campaign", targetId: campaign.id, details: { supplierOrganisationId } });
      });
  return d.supplier.name;
}

export const SUPPLIER_DEBRIEF_NOT_FOUND = "Ce bilan n'existe pas ou n'a pas été partagé avec votre organisation.";

/** The campaign as a supplier may see it for its debrief: invited (accepted), and the debrief shared. */
export async function supplierCampaign({ campaignId, user }: { campaignId: number; user: CurrentUser }): Promise<TenderRow> {
  if (!isSupplier(user) || !Number.isSafeInteger(campaignId)) throw notFound(SUPPLIER_DEBRIEF_NOT_FOUND);
  const row = (await db()
      .select()
      .from(tenders)
      .where(and(eq(tenders.id, campaignId), eq(tenders.kind, "campaign"), tendersVisibleToSupplier(user))).limit(1))[0];
  if (!row || !await shareOf(row.id, user.organisationId)) throw notFound(SUPPLIER_DEBRIEF_NOT_FOUND);
  return row;
}

/** Supplier side: its own debrief only, once shared; the same radar and table, the plan. */
export async function supplierDebrief({ campaignId, user }: { campaignId: number; user: CurrentUser }) {
  const campaign = await supplierCampaign({ campaignId, user });
  const d = await debriefFor(campaign, user.organisationId);
  if (!d) throw notFound(SUPPLIER_DEBRIEF_NOT_FOUND);
  return {
    ...d,
    actions: await listActions(campaign.id, user.organisationId),
    earlierActions: await actionsWithMoves(campaign, user.organisationId, d.axes),
  };
}

/** Campaigns whose debrief was shared with the supplier's organisation (supplier home). */
export async function sharedCampaignDebriefs({ user }: { user: CurrentUser }) {
  if (!isSupplier(user)) return [];
  return await db()
      .select({ id: tenders.id, title: tenders.title, sharedAt: debriefShares.sharedAt })
      .from(debriefShares)
      .innerJoin(tenders, eq(tenders.id, debriefShares.tenderId))
      .where(and(eq(debriefShares.supplierOrganisationId, user.organisationId), eq(tenders.kind, "campaign"), tendersVisibleToSupplier(user)))
      .orderBy(desc(debriefShares.sharedAt));
}

/**
 * The panel view (buying side only): response rate and reminders, heatmap suppliers × criteria,
 * distribution and median per criterion, buyer-weighted index, progress against an earlier campaign.
 */
export async function panelView({ campaignId, user, compareWith }: { campaignId: number; user: CurrentUser; compareWith?: number | null }) {
  const campaign = await loadCampaign({ id: campaignId, user });
  const invs = await listInvitations({ tenderId: campaign.id, user });
  const active = invs.filter((i) => !i.revoked);
  const reminders = await reminderCounts(campaign.id, active.map((i) => i.id));
  const all = await unsafeCampaignScores(campaign);
  const weights = new Map(all.method.criteria.map((c) => [c.id, c.included ? c.weight : 0]));
  const earlierCampaigns = await db()
      .select({ id: tenders.id, title: tenders.title, publishedAt: tenders.publishedAt })
      .from(tenders)
      .where(and(eq(tenders.organisationId, campaign.organisationId), eq(tenders.kind, "campaign"), ne(tenders.id, campaign.id), isNull(tenders.deletedAt), inArray(tenders.status, ["published", "closed"])))
      .orderBy(desc(tenders.publishedAt));
  const compareId = compareWith === undefined ? (earlierCampaigns.find((c) => (c.publishedAt ?? "") < (campaign.publishedAt ?? ""))?.id ?? null) : compareWith;
  let before: Awaited<ReturnType<typeof unsafeCampaignScores>> | null = null;
  if (compareId !== null) {
    // The compared campaign must be one of the organisation's campaigns the user may see.
    const other = await loadCampaign({ id: compareId, user });
    before = await unsafeCampaignScores(other);
  }
  const submitted = active.filter((i) => i.status.kind === "submitted").length;
  const rows = all.suppliers.map((s) => {
    const prev = before?.suppliers.find((p) => p.supplierOrganisationId === s.supplierOrganisationId) ?? null;
    return {
      ...s,
      index: weightedMaturity(all.criteria.map((c) => ({ score: s.scores[c.id] ?? null, weight: weights.get(c.id) ?? 0 }))),
      previousIndex: prev ? weightedMaturity(all.criteria.map((c) => ({ score: prev.scores[c.id] ?? null, weight: weights.get(c.id) ?? 0 }))) : null,
      deltas: Object.fromEntries(all.criteria.map((c) => [c.id, prev && s.scores[c.id] != null && prev.scores[c.id] != null ? Math.round((s.scores[c.id]! - prev.scores[c.id]!) * 10) / 10 : null])),
    };
  });
  const perCriterion = all.criteria.map((c) => {
    const scores = all.suppliers.map((s) => s.scores[c.id] ?? null);
    const deltas = rows.map((r) => r.deltas[c.id]).filter((d): d is number => d !== null && d !== undefined);
    return {
      ...c,
      weight: weights.get(c.id) ?? 0,
      distribution: distribution(scores),
      median: panelMedian(scores),
      meanDelta: deltas.length ? Math.round((deltas.reduce((a, b) => a + b, 0) / deltas.length) * 10) / 10 : null,
    };
  });
  return {
    campaign: { id: campaign.id, title: campaign.title, status: campaign.status, deadline: campaign.deadline, publishedAt: campaign.publishedAt, guideVersion: all.method.guideVersion },
    invited: active.length,
    submitted,
    responseRate: active.length ? Math.round((submitted / active.length) * 1000) / 10 : null,
    invitations: active.map((i) => ({ id: i.id, supplierName: i.supplierName, email: i.email, statusLabel: i.statusLabel, submitted: i.status.kind === "submitted", reminders: reminders.get(i.id) ?? 0 })),
    criteria: perCriterion,
    rows,
    compare: compareId === null ? null : (earlierCampaigns.find((c) => c.id === compareId) ?? null),
    earlierCampaigns,
  };
}

/** CSV of the panel (buying side; formula-safe through app/lib/csv.ts), audited. */
export async function panelCsvRows({ campaignId, user }: { campaignId: number; user: CurrentUser }) {
  const p = await panelView({ campaignId, user });
  const header = ["Fournisseur", "Déposée le", "Questions évaluées", "Indice pondéré", ...p.criteria.map((c) => c.title), ...p.criteria.map((c) => `Évolution — ${c.shortTitle}`)];
  const n = (x: number | null | undefined) => csvNumber(x ?? null, 1);
  const lines = p.rows.map((r) => [r.supplierName, r.submittedAt, `${r.evaluated}/${r.questionCount}`, n(r.index), ...p.criteria.map((c) => n(r.scores[c.id])), ...p.criteria.map((c) => n(r.deltas[c.id]))]);
  await transaction(async (tx) =>
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "export.campaign-csv", targetType: "campaign", targetId: p.campaign.id }));
  return { header, lines, filename: `campagne-${p.campaign.id}-panel.csv` };
}

