/**
 * The debrief a buyer shares with ONE supplier: that supplier's scores, rank, the number of ranked
 * suppliers, their explanation tree and the evaluators' justifications — never another supplier's
 * name, answers, price or offer values (the explanation's lowest/highest prices and offer values are removed).
 * Used by the supplier journey's debrief page.
 */
import { and, eq } from "drizzle-orm";
import { debriefShares, tenders } from "#db/schema";
import { currentGuide, getCriterion, getGuide, getQuestion } from "#questionnaires/guide";
import { explainParsed } from "#scoring";
import { isSupplier } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import { ownBillOffer } from "./bill.server";
import { comparisonForTender } from "./compare.server";
import { unsafeEvaluationRows } from "./evaluation.server";

/** The supplier's own bill totals and the evaluator's replacements on its lines (issue 12 §4). */
async function billDebrief(tender: Parameters<typeof ownBillOffer>[0], supplierOrganisationId: number) {
  const own = await ownBillOffer(tender, supplierOrganisationId);
  if (!own) return null;
  return { price: own.price, footprint: own.footprint, replacements: own.replacements.map((r) => ({ ...r, label: own.labels.get(r.lineId) ?? r.lineId })) };
}

function missing(): never {
  throw notFound("Ce bilan n'existe pas ou n'a pas été partagé avec votre organisation.");
}

export async function getDebriefForSupplier({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  if (!isSupplier(user) || !Number.isSafeInteger(tenderId)) missing();
  const share = (await db()
      .select()
      .from(debriefShares)
      .where(and(eq(debriefShares.tenderId, tenderId), eq(debriefShares.supplierOrganisationId, user.organisationId))).limit(1))[0];
  if (!share) missing();
  const tender = (await db().select().from(tenders).where(eq(tenders.id, tenderId)).limit(1))[0];
  // A campaign has no ranking and no mark: its debrief is the radar (app/campaigns/debrief.server.ts).
  if (!tender || tender.kind !== "tender" || tender.deletedAt || !tender.publishedMethod || tender.status === "cancelled") missing();
  const c = await comparisonForTender(tender);
  const info = c.built.suppliers.find((s) => s.organisationId === user.organisationId);
  if (!info || !c.input || !c.result) missing();
  const score = c.result.suppliers.find((s) => s.id === info.key);
  if (!score) missing();
  const full = explainParsed(c.input, info.key);
  const { lowestPrice: _low, highestPrice: _high, ...ownPrice } = full.price;
  const guide = getGuide(c.built.method.guideVersion) ?? currentGuide;
  const sub = c.built.suppliers.find((s) => s.key === info.key)!;
  const justifications = (await unsafeEvaluationRows([sub.submissionId]))
    .filter((r) => r.justification.trim() !== "")
    .map((r) => ({
      questionId: r.questionId,
      topic: getQuestion(guide, r.questionId)?.topic ?? r.questionId,
      evaluatedLevel: r.notApplicableAccepted ? ("na" as const) : r.evaluatedLevel,
      justification: r.justification,
      updatedAt: r.updatedAt,
    }))
    .sort((a, b) => a.questionId.localeCompare(b.questionId));
  return {
    tender: { id: tender.id, title: tender.title, reference: tender.reference, publishedMethodSha256: tender.publishedMethodSha256 },
    sharedAt: share.sharedAt,
    rank: score.rank,
    rankedCount: c.result.suppliers.length,
    score: {
      total: score.total,
      priceScore: score.priceScore,
      technicalScore: score.technicalScore,
      rseScore: score.rseScore,
      criteria: score.criteria,
      unanswered: score.unanswered,
    },
    // Offer criteria (issue 11): the lowest and highest values reveal other suppliers' offers (decision 013).
    explanation: {
      ...full,
      supplierId: "vous",
      price: ownPrice,
      rse: {
        ...full.rse,
        ...(full.rse.offerCriteria ? { offerCriteria: full.rse.offerCriteria.map((o) => ({ ...o, lowestValue: null, highestValue: null })) } : {}),
      },
    },
    criteria: c.criteria.map((k) => ({ id: k.id, title: getCriterion(guide, k.id)?.title ?? k.title })),
    questionTopics: c.questionTopics,
    justifications,
    bill: await billDebrief(tender, user.organisationId),
  };
}
