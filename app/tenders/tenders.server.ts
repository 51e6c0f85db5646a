import crypto from "node:crypto";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { memberships, tenderEvaluators, tenders, users } from "#db/schema";
import { currentGuide, getGuide } from "#questionnaires/guide";
import { formatOfferUnit, offerCriteria } from "#questionnaires/offer-criteria";
import { getSegment, segments } from "#questionnaires/segments";
import { requireBuyer, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { canonicalJson } from "~/lib/submission-content";
import { parisToUtcIso, utcIsoToParis } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { regimeOfOrganisation } from "~/lib/organisations.server";
import { regimeLabels } from "~/lib/regime";
import { parseScoringInput, scoreParsed } from "#scoring";
import { affectedRows } from "#db/transaction";
import { loadTenderAsBuyer, type KindFilter, type TenderRow } from "./access.server";
import { carryAwardToScope3, supplierBillOffer, type SupplierBillOffer } from "./bill.server";
import { evaluableSubmissions } from "./evaluation.server";
import { scoringInputForTender } from "./scoring-input.server";
import { builderValuesOf, defaultMethod, methodFromBuilder, methodPublishIssues, methodPublishWarnings, readDraftMethod, type BuilderValues } from "./builder";
import { procurementFor, scopeOf, tenderMethodSchema, type MethodProcurement, type TenderMethod } from "./method";
import { consultationCounts } from "./consultation-counts.server";

/** Tenders the user may see: the organisation's (buyer) or the assigned ones (evaluator), newest first. */
export async function listTenders({ user }: { user: CurrentUser }) {
  const rows = await db()
      .select({
        id: tenders.id,
        title: tenders.title,
        reference: tenders.reference,
        segment: tenders.segment,
        status: tenders.status,
        deadline: tenders.deadline,
        publishedAt: tenders.publishedAt,
        updatedAt: tenders.updatedAt,
        ...consultationCounts,
      })
      .from(tenders)
      // Maturity campaigns have their own list (app/campaigns/campaigns.server.ts).
      .where(and(tendersVisibleToBuyingSide(user), eq(tenders.kind, "tender")))
      .orderBy(desc(tenders.id));
  return rows.map((r) => ({ ...r, segmentLabel: getSegment(r.segment)?.label ?? r.segment }));
}

/** Today in Paris (AAAA-MM-JJ): the launch date of a consultation published now (décret 2022-767 counts launch dates). */
export function parisToday(now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now));
}

/**
 * Who buys, for a tender (issue 11 §2): the published snapshot's procurement, else the organisation's regime
 * today with today's date as the launch date (what publication would freeze). Null for a snapshot published
 * before issue 11 (it keeps scoring as it was published).
 */
export async function procurementOfTender(tender: TenderRow): Promise<MethodProcurement | null> {
  if (tender.publishedMethod) {
    const published = tenderMethodSchema.safeParse(tender.publishedMethod);
    return published.success ? (published.data.procurement ?? null) : null;
  }
  return procurementFor(await regimeOfOrganisation(tender.organisationId), parisToday());
}

/** The regime shown on a tender (issue 11 §2: « shown on every tender »): the frozen one, else the organisation's. */
export async function regimeOfTender(tender: TenderRow): Promise<{ regime: "public" | "private"; label: string; frozen: boolean }> {
  const p = await procurementOfTender(tender);
  const regime = p?.regime ?? await regimeOfOrganisation(tender.organisationId);
  return { regime, label: regimeLabels[regime], frozen: Boolean(tender.publishedMethod && p) };
}

/** Detail view of a tender for the buyer pages. */
export async function tenderView(tender: TenderRow) {
  return {
    regime: await regimeOfTender(tender),
    id: tender.id,
    title: tender.title,
    reference: tender.reference,
    segment: tender.segment,
    segmentLabel: getSegment(tender.segment)?.label ?? tender.segment,
    description: tender.description,
    deadline: tender.deadline,
    deadlineParis: utcIsoToParis(tender.deadline),
    deadlinePassed: Date.parse(tender.deadline) <= Date.now(),
    contactName: tender.contactName,
    contactEmail: tender.contactEmail,
    status: tender.status,
    allowEarlyEvaluation: tender.allowEarlyEvaluation,
    publishedAt: tender.publishedAt,
    publishedMethodSha256: tender.publishedMethodSha256,
    cancelledAt: tender.cancelledAt,
    cancelReason: tender.cancelReason,
    closedAt: tender.closedAt,
    createdAt: tender.createdAt,
    updatedAt: tender.updatedAt,
  };
}

function detailsOf(values: BuilderValues) {
  const deadline = parisToUtcIso(values.deadlineDate, values.deadlineTime);
  if (!deadline) throw new AppError("invalid", "Date limite invalide");
  return {
    title: values.title,
    reference: values.reference,
    segment: values.segment,
    description: values.description,
    deadline,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    allowEarlyEvaluation: values.allowEarlyEvaluation,
  };
}

export async function createTender({ user, values }: { user: CurrentUser; values: BuilderValues }): Promise<number> {
  requireBuyer(user, "Seul un acheteur peut créer un appel d'offres.");
  const method = methodFromBuilder(values, defaultMethod(currentGuide, await regimeOfOrganisation(user.organisationId)));
  return await transaction(async (tx) => {
      const row = (await tx
            .insert(tenders)
            .values({ ...detailsOf(values), organisationId: user.organisationId, createdBy: user.id, draftMethod: method })
            .returning({ id: tenders.id }))[0]!;
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.create", targetType: "tender", targetId: row.id, details: { title: values.title } });
      return row.id;
    });
}

/** Saves the draft. After publication the method is frozen: 409, whatever the form says. */
export async function updateTenderDraft({ id, user, values }: { id: number; user: CurrentUser; values: BuilderValues }): Promise<void> {
  const tender = await loadTenderAsBuyer({ id, user });
  if (tender.status !== "draft") throw new AppError("conflict", "Cet appel d'offres est publié : sa méthode de notation et ses questions ne peuvent plus être modifiées.");
  const method = methodFromBuilder(values, readDraftMethod(tender.draftMethod));
  await transaction(async (tx) => {
        const updated = await tx
              .update(tenders)
              .set({ ...detailsOf(values), draftMethod: method, updatedAt: new Date().toISOString() })
              .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")));
        if (affectedRows(updated) !== 1) throw new AppError("conflict", "Cet appel d'offres n'est plus un brouillon.");
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.update-draft", targetType: "tender", targetId: tender.id });
      });
}

/** Why the tender cannot be published now (empty = publishable). */
export async function publishIssues(tender: TenderRow, now = Date.now()): Promise<string[]> {
  const issues: string[] = [];
  if (tender.status !== "draft") issues.push("Seul un brouillon peut être publié.");
  if (!(Date.parse(tender.deadline) > now)) issues.push("La date limite de réponse doit être dans le futur.");
  issues.push(...methodPublishIssues(readDraftMethod(tender.draftMethod), (await procurementOfTender(tender)) ?? undefined));
  return issues;
}

/** Advice shown before publication (scoring's warnings for a public buyer). */
export async function publishWarnings(tender: TenderRow): Promise<string[]> {
  const p = await procurementOfTender(tender);
  return p && tender.status === "draft" ? methodPublishWarnings(readDraftMethod(tender.draftMethod), p) : [];
}

export function methodSha256(method: TenderMethod): string {
  return crypto.createHash("sha256").update(canonicalJson(method)).digest("hex");
}

/**
 * Copies the draft method into the immutable published snapshot with its SHA-256. When the publish
 * page posts the buyer's explicit choice of when evaluation opens, it is saved in the same update.
 */
export async function publishTender({
  id,
  user,
  allowEarlyEvaluation,
}: {
  id: number;
  user: CurrentUser;
  allowEarlyEvaluation?: boolean;
}): Promise<{ ok: true; sha256: string } | { ok: false; issues: string[] }> {
  const tender = await loadTenderAsBuyer({ id, user });
  const issues = await publishIssues(tender);
  if (issues.length > 0) return { ok: false, issues };
  // The regime and launch date are frozen with the method (issue 11 §2): the mark is always computed from the snapshot.
  const method: TenderMethod = { ...tenderMethodSchema.parse(readDraftMethod(tender.draftMethod)), procurement: (await procurementOfTender(tender)) ?? undefined };
  const sha256 = methodSha256(method);
  const at = new Date().toISOString();
  const early = allowEarlyEvaluation ?? tender.allowEarlyEvaluation;
  await transaction(async (tx) => {
        const res = await tx
              .update(tenders)
              .set({ status: "published", publishedMethod: method, publishedMethodSha256: sha256, publishedAt: at, publishedBy: user.id, updatedAt: at, allowEarlyEvaluation: early })
              .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")));
        if (affectedRows(res) !== 1) throw new AppError("conflict", "Cet appel d'offres a déjà été publié.");
        await audit(tx, {
                userId: user.id,
                organisationId: user.organisationId,
                action: "tender.publish",
                targetType: "tender",
                targetId: tender.id,
                details: { methodSha256: sha256, shares: method.shares, priceMethod: method.priceMethod, deadline: tender.deadline, allowEarlyEvaluation: early, procurement: method.procurement, offerCriteria: method.offerCriteria.map((c) => ({ id: c.id, share: c.share })) },
              });
      });
  return { ok: true, sha256 };
}

export async function cancelTender({ id, user, reason }: { id: number; user: CurrentUser; reason: string }): Promise<void> {
  const tender = await loadTenderAsBuyer({ id, user });
  if (tender.status !== "draft" && tender.status !== "published") throw new AppError("conflict", "Cet appel d'offres est déjà annulé ou clôturé.");
  const at = new Date().toISOString();
  await transaction(async (tx) => {
        await tx.update(tenders).set({ status: "cancelled", cancelledAt: at, cancelReason: reason, updatedAt: at }).where(eq(tenders.id, tender.id));
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.cancel", targetType: "tender", targetId: tender.id, details: { reason, previousStatus: tender.status } });
      });
}

/**
 * Evaluated levels only (issue 11 §2): for a tender published with `countOnlyReviewed` (public buyers), the suppliers
 * whose counted answers or offer values are not all reviewed yet, with how many items remain. Empty otherwise.
 */
export async function reviewsMissing(tender: TenderRow): Promise<{ name: string; answers: number; offerValues: number }[]> {
  const method = tenderMethodSchema.safeParse(tender.publishedMethod);
  if (!method.success || !method.data.procurement?.countOnlyReviewed) return [];
  const built = await scoringInputForTender(tender);
  if (!built.input) return [];
  const parsed = parseScoringInput(built.input);
  if (!parsed.success) return [];
  const result = scoreParsed(parsed.data);
  const names = new Map(built.suppliers.map((s) => [s.key, s.name]));
  return result.suppliers
    .filter((s) => s.unreviewed && s.unreviewed.answers.length + s.unreviewed.offerValues.length > 0)
    .map((s) => ({ name: names.get(s.id) ?? s.id, answers: s.unreviewed!.answers.length, offerValues: s.unreviewed!.offerValues.length }));
}

/**
 * Closes a published tender, optionally naming the winner (a supplier whose submission counts).
 * When the tender has a bill of quantities and the winner's bill is complete, its lines become
 * scope 3 activity data of the buying organisation in the same transaction (`carryAwardToScope3`).
 */
export async function closeTender({ id, user, winnerOrganisationId = null }: { id: number; user: CurrentUser; winnerOrganisationId?: number | null }): Promise<{ carried: number }> {
  const tender = await loadTenderAsBuyer({ id, user });
  if (tender.status !== "published") throw new AppError("conflict", "Seul un appel d'offres publié peut être clôturé.");
  const missing = await reviewsMissing(tender);
  if (missing.length > 0) {
    throw new AppError(
      "conflict",
      `Clôture impossible : seuls les niveaux et valeurs relus par un évaluateur comptent, et il en reste à relire — ${missing
        .map((m) => `${m.name} : ${m.answers} réponse${m.answers > 1 ? "s" : ""}, ${m.offerValues} valeur${m.offerValues > 1 ? "s" : ""} d'offre`)
        .join(" ; ")}.`,
    );
  }
  let winner: SupplierBillOffer | null = null;
  if (winnerOrganisationId !== null) {
    const subs = await evaluableSubmissions(tender);
    if (!subs.some((s) => s.supplierOrganisationId === winnerOrganisationId)) throw new AppError("invalid", "Le titulaire choisi n'a pas d'offre évaluable pour cet appel d'offres.");
    winner = await supplierBillOffer(tender, winnerOrganisationId);
    if (winner) {
      if (!winner.offer) throw new AppError("invalid", "Le bordereau de prix du titulaire choisi est incomplet : son offre ne peut pas être retenue.");
    }
  }
  const at = new Date().toISOString();
  return await transaction(async (tx) => {
      const res = await tx
            .update(tenders)
            .set({ status: "closed", closedAt: at, updatedAt: at, awardedSupplierOrganisationId: winnerOrganisationId })
            .where(and(eq(tenders.id, tender.id), eq(tenders.status, "published")));
      if (affectedRows(res) !== 1) throw new AppError("conflict", "Cet appel d'offres a déjà été clôturé.");
      await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.close", targetType: "tender", targetId: tender.id, details: { winnerOrganisationId } });
      const carried = winner ? await carryAwardToScope3(tx, { tender, user, winner }) : 0;
      return { carried };
    });
}

/** Evaluators of the user's organisation, with whether each is assigned to the tender. */
export async function listEvaluators({ tender, user }: { tender: TenderRow; user: CurrentUser }) {
  const assigned = new Set(
    (await db().select({ userId: tenderEvaluators.userId }).from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id))).map((r) => r.userId),
  );
  return (await db()
      .select({ id: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, user.organisationId), eq(memberships.role, "evaluator"), isNull(memberships.deletedAt), isNull(users.deletedAt)))
      .orderBy(asc(users.name)))
    .map((u) => ({ ...u, assigned: assigned.has(u.id) }));
}

/**
 * Replaces the tender's evaluators; every id must be an evaluator of the buyer's organisation (else
 * 404). Returns the names now assigned, for the confirmation.
 */
export async function setEvaluators({ id, user, userIds, kind = "tender" }: { id: number; user: CurrentUser; userIds: number[]; kind?: KindFilter }): Promise<string[]> {
  const tender = await loadTenderAsBuyer({ id, user, kind });
  const evaluators = await listEvaluators({ tender, user });
  const allowed = new Set(evaluators.map((e) => e.id));
  const wanted = [...new Set(userIds)];
  if (wanted.some((u) => !allowed.has(u))) throw notFound("Cet évaluateur n'existe pas dans votre organisation.");
  await transaction(async (tx) => {
        const before = (await tx.select({ userId: tenderEvaluators.userId }).from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id))).map((r) => r.userId);
        await tx.delete(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id));
        for (const userId of wanted) await tx.insert(tenderEvaluators).values({ tenderId: tender.id, userId, assignedBy: user.id });
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.evaluators", targetType: tender.kind === "campaign" ? "campaign" : "tender", targetId: tender.id, details: { before, after: wanted } });
      });
  return evaluators.filter((e) => wanted.includes(e.id)).map((e) => e.name);
}

/** Builder values for the edit form. */
export async function tenderForEdit({ id, user }: { id: number; user: CurrentUser }) {
  const tender = await loadTenderAsBuyer({ id, user });
  return { tender, method: readDraftMethod(tender.draftMethod) };
}

/**
 * What the builder form needs besides the values: the guide's criteria and questions (with their scope), the
 * segments, the offer-criteria catalogue rows to describe, and the organisation's regime (issue 11 §2).
 */
export async function builderContext(guideVersion: string | undefined, { organisationId }: { organisationId: number }) {
  const guide = (guideVersion ? getGuide(guideVersion) : undefined) ?? currentGuide;
  const regime = await regimeOfOrganisation(organisationId);
  return {
    guide: {
      criteria: guide.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        questions: guide.questions
          .filter((q) => q.criterion === c.id)
          .map((q) => ({ id: q.id, topic: q.topic, scope: q.scope ?? ("organisation" as const), scopeNote: q.scopeNote ?? "" })),
      })),
    },
    segments: segments.map((s) => ({ id: s.id, label: s.label })),
    regime: { regime, label: regimeLabels[regime] },
    offerCatalogue: offerCriteria.map((c) => ({
      id: c.id,
      label: c.label,
      unit: formatOfferUnit(c.unit),
      direction: c.direction,
      environmental: c.environmental,
      description: c.description,
      source: c.source.publicGuide,
      segments: c.segments === "all" ? ("all" as const) : [...c.segments],
    })),
  };
}

/** Default values of a new tender: deadline in 30 days at 12:00 Paris. */
export async function newTenderValues({ user }: { user: CurrentUser }) {
  const regime = await regimeOfOrganisation(user.organisationId);
  const in30 = utcIsoToParis(new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString());
  return builderValuesOf(
    {
      title: "",
      reference: "",
      segment: "",
      description: "",
      deadline: { date: in30.date, time: "12:00" },
      contactName: user.name,
      contactEmail: user.email,
      allowEarlyEvaluation: false,
    },
    defaultMethod(currentGuide, regime),
  );
}

export async function editTenderValues(tender: TenderRow) {
  const method = readDraftMethod(tender.draftMethod);
  return builderValuesOf({ ...tender, deadline: utcIsoToParis(tender.deadline) }, informationOnlyForPublic(method, await regimeOfOrganisation(tender.organisationId)));
}

/**
 * What the public buyer's builder shows (issue 11 §2): organisation questions « pour information », weight 0 —
 * the form posts 0 for them. A weight stored while the organisation was private is not kept once it is public.
 */
function informationOnlyForPublic(method: TenderMethod, regime: "public" | "private"): TenderMethod {
  if (regime !== "public") return method;
  return { ...method, questions: method.questions.map((q) => (scopeOf(method.guideVersion, q.id) === "contract" ? q : { ...q, weight: 0 })) };
}
