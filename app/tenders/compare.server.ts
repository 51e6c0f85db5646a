import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { debriefShares, invitations, submissions, users } from "#db/schema";
import { currentGuide, getCriterion, getGuide, getQuestion } from "#questionnaires/guide";
import { explainParsed, parseScoringInput, scoreParsed, type ScoringInput, type ScoringResult, type SupplierExplanation } from "#scoring";
import type { CurrentUser } from "~/auth/session.server";
import { config } from "~/config.server";
import { audit } from "~/lib/audit.server";
import { csvNumber, toCsv } from "~/lib/csv";
import { db, type Tx, transaction } from "~/lib/db.server";
import { notFound } from "~/lib/errors";
import { debriefAvailable } from "~/mail/messages";
import { queueEmail } from "~/mail/outbox.server";
import { affectedRows } from "#db/transaction";
import { loadTender, loadTenderAsBuyer, type TenderRow } from "./access.server";
import { tenderCache, tenderDataKey } from "./data-version.server";
import { evaluationOpen, unsafeEvaluationRows } from "./evaluation.server";
import { stabilitySentence } from "./labels";
import { scoringInputForTender, type TenderScoringInput } from "./scoring-input.server";

export type Comparison = Awaited<ReturnType<typeof comparisonForTender>>;

/**
 * Scores a tender with the scoring library from the database (see scoring-input.server.ts).
 * The computation is kept per tender for its data version (`tenderDataKey`: bumped by every
 * submission, withdrawal, evaluation and offer score, in their transactions), so a page view of
 * an unchanged tender costs one tender read; the value is shared: read-only for callers.
 */
export async function comparisonForTender(tender: TenderRow) {
  const open = evaluationOpen(tender);
  const computed = await tenderCache<Promise<ComputedComparison>>("comparison").get(tender.id, await tenderDataKey(tender, open), () => computeComparison(tender));
  return { tender, ...computed };
}

type ComputedComparison = Omit<Awaited<ReturnType<typeof computeComparison>>, "tender">;

async function computeComparison(tender: TenderRow) {
  const built: TenderScoringInput = await scoringInputForTender(tender);
  const guide = getGuide(built.method.guideVersion) ?? currentGuide;
  let parsed: ScoringInput | null = null;
  let result: ScoringResult | null = null;
  let issues: string[] = [];
  if (built.input) {
    const p = parseScoringInput(built.input);
    if (p.success) {
      parsed = p.data;
      result = scoreParsed(p.data);
    } else issues = p.issues.map((i) => `${i.path} : ${i.message}`);
  }
  const names = Object.fromEntries(built.suppliers.map((s) => [s.key, s.name]));
  const criteria = (parsed?.criteria ?? []).map((c) => ({
    id: c.id,
    title: getCriterion(guide, c.id)?.title ?? c.id,
    shortTitle: getCriterion(guide, c.id)?.shortTitle ?? c.id,
  }));
  return {
    built,
    input: parsed,
    result,
    issues,
    names,
    criteria,
    questionTopics: Object.fromEntries((parsed?.questions ?? []).map((q) => [q.id, getQuestion(guide, q.id)?.topic ?? q.id])),
    stability: result ? stabilitySentence(result.winnerChangesAtRseShare, built.method.shares.rse, result.suppliers.length) : null,
  };
}

export async function getComparison({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const tender = await loadTender({ id: tenderId, user });
  if (!tender.publishedMethod) throw notFound("Cet appel d'offres n'est pas publié.");
  return { ...(await comparisonForTender(tender)), open: evaluationOpen(tender) };
}

/** The explanation tree of one supplier (buyer side: everything). */
export async function getSupplierExplanation({ tenderId, supplierOrganisationId, user }: { tenderId: number; supplierOrganisationId: number; user: CurrentUser }) {
  const comparison = await getComparison({ tenderId, user });
  const info = comparison.built.suppliers.find((s) => s.organisationId === supplierOrganisationId);
  if (!info || !comparison.input) throw notFound("Ce fournisseur n'est pas classé pour cet appel d'offres.");
  const explanation = explainParsed(comparison.input, info.key);
  const shared = Boolean(
    (await db()
            .select({ id: debriefShares.id })
            .from(debriefShares)
            .where(and(eq(debriefShares.tenderId, tenderId), eq(debriefShares.supplierOrganisationId, supplierOrganisationId))).limit(1))[0],
  );
  const justifications = (await unsafeEvaluationRows([info.submissionId]))
    .filter((e) => e.justification.trim() !== "")
    .map((e) => ({
      questionId: e.questionId,
      topic: comparison.questionTopics[e.questionId] ?? e.questionId,
      level: e.notApplicableAccepted ? "sans objet" : e.evaluatedLevel === null ? "sans réponse" : String(e.evaluatedLevel),
      justification: e.justification,
      at: e.updatedAt,
    }));
  return { comparison, info, explanation, shared, justifications, rankedCount: comparison.built.suppliers.length };
}

/** Sorts ranking rows; works from a query param so that it needs no JavaScript. */
export function sortRows<T extends { rank: number; total: number; priceScore: number; technicalScore: number; rseScore: number; unanswered: string[]; criteria: Record<string, number | null> }>(
  rows: T[],
  key: string,
  dir: "asc" | "desc",
): T[] {
  const value = (r: T): number => {
    switch (key) {
      case "rank":
        return -r.rank;
      case "total":
        return r.total;
      case "price":
        return r.priceScore;
      case "technical":
        return r.technicalScore;
      case "rse":
        return r.rseScore;
      case "unanswered":
        return r.unanswered.length;
      default:
        return key.startsWith("c:") ? (r.criteria[key.slice(2)] ?? -1) : -r.rank;
    }
  };
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => sign * (value(a) - value(b)) || a.rank - b.rank);
}

/**
 * The ranking as CSV (BOM, `;`, formula-safe). Scores and prices are plain numbers with a decimal
 * comma (`csvNumber`), so that a spreadsheet can sort and sum them; a criterion the method leaves
 * out says « sans objet » rather than an empty cell. Recorded in the audit log.
 */
export async function exportRankingCsv({ tenderId, user }: { tenderId: number; user: CurrentUser }): Promise<{ csv: string; filename: string }> {
  const c = await getComparison({ tenderId, user });
  const header = [
    "Rang",
    "Fournisseur",
    "Note totale /100",
    "Prix (€ HT)",
    "Note prix /100",
    "Note technique /100",
    "Note RSE /100",
    ...c.criteria.map((k) => `${k.shortTitle} /100`),
    "Nombre de questions sans réponse",
    "Questions sans réponse",
  ];
  const rows = (c.result?.suppliers ?? []).map((s) => {
    const info = c.built.suppliers.find((x) => x.key === s.id);
    return [
      s.rank,
      c.names[s.id] ?? s.id,
      csvNumber(s.total),
      csvNumber(info?.price),
      csvNumber(s.priceScore),
      csvNumber(s.technicalScore),
      csvNumber(s.rseScore),
      ...c.criteria.map((k) => (s.criteria[k.id] === null || s.criteria[k.id] === undefined ? "sans objet" : csvNumber(s.criteria[k.id]))),
      s.unanswered.length,
      s.unanswered.join(", "),
    ];
  });
  const csv = toCsv([header, ...rows]);
  await transaction(async (tx) =>
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "export.ranking-csv", targetType: "tender", targetId: c.tender.id, details: { rows: rows.length } }));
  return { csv, filename: `classement-${c.tender.reference || c.tender.id}.csv` };
}

/** Printable report; opening it is an export, so it is recorded in the audit log. */
export async function getReport({ tenderId, user }: { tenderId: number; user: CurrentUser }) {
  const c = await getComparison({ tenderId, user });
  const explanations: SupplierExplanation[] = c.input ? c.built.suppliers.map((s) => explainParsed(c.input!, s.key)) : [];
  await transaction(async (tx) =>
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "export.report", targetType: "tender", targetId: c.tender.id }));
  return { ...c, explanations };
}

/** Shares the debrief with one ranked supplier (their own scores only). */
export async function shareDebrief({ tenderId, supplierOrganisationId, user }: { tenderId: number; supplierOrganisationId: number; user: CurrentUser }): Promise<void> {
  const tender = await loadTenderAsBuyer({ id: tenderId, user });
  const c = await comparisonForTender(tender);
  const supplier = c.built.suppliers.find((s) => s.organisationId === supplierOrganisationId);
  if (!supplier) throw notFound("Ce fournisseur n'est pas classé pour cet appel d'offres.");
  await transaction(async (tx) => {
        const res = await tx
              .insert(debriefShares)
              .values({ tenderId: tender.id, supplierOrganisationId, sharedBy: user.id })
              .onConflictDoNothing();
        if (affectedRows(res) > 0) {
          await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "debrief.share", targetType: "tender", targetId: tender.id, details: { supplierOrganisationId } });
          // « Restitution disponible »: to whoever submitted and to the invited contacts of that supplier.
          const message = debriefAvailable({ tender, buyerName: user.organisationName, supplierName: supplier.name, publicUrl: config().publicUrl });
          for (const toEmail of await debriefRecipients(tx, { tenderId: tender.id, supplierOrganisationId, submissionId: supplier.submissionId })) {
            await queueEmail(tx, { organisationId: user.organisationId, toEmail, ...message });
          }
        }
      });
}


/** The supplier's people for a debrief notice: the submitter of the counted response and its accepted invitations' contacts. */
async function debriefRecipients(tx: Tx, { tenderId, supplierOrganisationId, submissionId }: { tenderId: number; supplierOrganisationId: number; submissionId: number }): Promise<string[]> {
  const submitter = (await tx
      .select({ email: users.email })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.submittedBy))
      .where(and(eq(submissions.id, submissionId), eq(submissions.supplierOrganisationId, supplierOrganisationId))).limit(1))[0];
  const invited = await tx
      .select({ email: invitations.email })
      .from(invitations)
      .where(and(eq(invitations.tenderId, tenderId), eq(invitations.supplierOrganisationId, supplierOrganisationId), isNotNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
  return [...new Set([submitter?.email, ...invited.map((i) => i.email)].filter((e): e is string => Boolean(e)).map((e) => e.toLowerCase()))];
}

/**
 * The exact scoring input of a published tender (issue 11 §2), buyer only: `npm run score -- file.json` on it gives
 * the ranking the comparison page shows. Recorded in the audit log (an export).
 */
export async function exportScoringInput({ tenderId, user }: { tenderId: number; user: CurrentUser }): Promise<{ json: string; filename: string }> {
  const tender = await loadTenderAsBuyer({ id: tenderId, user });
  if (!tender.publishedMethod) throw notFound("Cet appel d'offres n'est pas publié.");
  const built = await scoringInputForTender(tender);
  if (!built.input) throw notFound("Aucune offre n'est encore notée : saisissez le prix et la note technique d'au moins un fournisseur.");
  await transaction(async (tx) =>
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "export.scoring-input", targetType: "tender", targetId: tender.id, details: { suppliers: built.suppliers.length } }));
  return { json: `${JSON.stringify(built.input, null, 2)}\n`, filename: `donnees-notation-${tender.reference || tender.id}.json` };
}
