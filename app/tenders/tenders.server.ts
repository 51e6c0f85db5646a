import crypto from "node:crypto";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { invitations, memberships, submissions, tenderEvaluators, tenders, users } from "#db/schema";
import { currentGuide, getGuide } from "#questionnaires/guide";
import { getSegment, segments } from "#questionnaires/segments";
import { requireBuyer, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db } from "~/lib/db.server";
import { canonicalJson } from "~/lib/submission-content";
import { parisToUtcIso, utcIsoToParis } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { loadTenderAsBuyer, type KindFilter, type TenderRow } from "./access.server";
import { builderValuesOf, defaultMethod, methodFromBuilder, methodPublishIssues, readDraftMethod, type BuilderValues } from "./builder";
import { tenderMethodSchema, type TenderMethod } from "./method";

/** Tenders the user may see: the organisation's (buyer) or the assigned ones (evaluator), newest first. */
export function listTenders({ user }: { user: CurrentUser }) {
  const rows = db()
    .select({
      id: tenders.id,
      title: tenders.title,
      reference: tenders.reference,
      segment: tenders.segment,
      status: tenders.status,
      deadline: tenders.deadline,
      publishedAt: tenders.publishedAt,
      updatedAt: tenders.updatedAt,
      invitationCount: sql<number>`(select count(*) from ${invitations} where ${invitations.tenderId} = ${tenders.id} and ${invitations.revokedAt} is null)`,
      submissionCount: sql<number>`(select count(distinct ${submissions.supplierOrganisationId}) from ${submissions} where ${submissions.tenderId} = ${tenders.id} and ${submissions.withdrawnAt} is null)`,
    })
    .from(tenders)
    // Maturity campaigns have their own list (app/campaigns/campaigns.server.ts).
    .where(and(tendersVisibleToBuyingSide(user), eq(tenders.kind, "tender")))
    .orderBy(desc(tenders.id))
    .all();
  return rows.map((r) => ({ ...r, segmentLabel: getSegment(r.segment)?.label ?? r.segment }));
}

/** Detail view of a tender for the buyer pages. */
export function tenderView(tender: TenderRow) {
  return {
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

export function createTender({ user, values }: { user: CurrentUser; values: BuilderValues }): number {
  requireBuyer(user, "Seul un acheteur peut créer un appel d'offres.");
  const method = methodFromBuilder(values, defaultMethod());
  return db().transaction((tx) => {
    const row = tx
      .insert(tenders)
      .values({ ...detailsOf(values), organisationId: user.organisationId, createdBy: user.id, draftMethod: method })
      .returning({ id: tenders.id })
      .get();
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.create", targetType: "tender", targetId: row.id, details: { title: values.title } });
    return row.id;
  });
}

/** Saves the draft. After publication the method is frozen: 409, whatever the form says. */
export function updateTenderDraft({ id, user, values }: { id: number; user: CurrentUser; values: BuilderValues }): void {
  const tender = loadTenderAsBuyer({ id, user });
  if (tender.status !== "draft") throw new AppError("conflict", "Cet appel d'offres est publié : sa méthode de notation et ses questions ne peuvent plus être modifiées.");
  const method = methodFromBuilder(values, readDraftMethod(tender.draftMethod));
  db().transaction((tx) => {
    const updated = tx
      .update(tenders)
      .set({ ...detailsOf(values), draftMethod: method, updatedAt: new Date().toISOString() })
      .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")))
      .run();
    if (updated.changes !== 1) throw new AppError("conflict", "Cet appel d'offres n'est plus un brouillon.");
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.update-draft", targetType: "tender", targetId: tender.id });
  });
}

/** Why the tender cannot be published now (empty = publishable). */
export function publishIssues(tender: TenderRow, now = Date.now()): string[] {
  const issues: string[] = [];
  if (tender.status !== "draft") issues.push("Seul un brouillon peut être publié.");
  if (!(Date.parse(tender.deadline) > now)) issues.push("La date limite de réponse doit être dans le futur.");
  issues.push(...methodPublishIssues(readDraftMethod(tender.draftMethod)));
  return issues;
}

export function methodSha256(method: TenderMethod): string {
  return crypto.createHash("sha256").update(canonicalJson(method)).digest("hex");
}

/**
 * Copies the draft method into the immutable published snapshot with its SHA-256. When the publish
 * page posts the buyer's explicit choice of when evaluation opens, it is saved in the same update.
 */
export function publishTender({
  id,
  user,
  allowEarlyEvaluation,
}: {
  id: number;
  user: CurrentUser;
  allowEarlyEvaluation?: boolean;
}): { ok: true; sha256: string } | { ok: false; issues: string[] } {
  const tender = loadTenderAsBuyer({ id, user });
  const issues = publishIssues(tender);
  if (issues.length > 0) return { ok: false, issues };
  const method = tenderMethodSchema.parse(readDraftMethod(tender.draftMethod));
  const sha256 = methodSha256(method);
  const at = new Date().toISOString();
  const early = allowEarlyEvaluation ?? tender.allowEarlyEvaluation;
  db().transaction((tx) => {
    const res = tx
      .update(tenders)
      .set({ status: "published", publishedMethod: method, publishedMethodSha256: sha256, publishedAt: at, publishedBy: user.id, updatedAt: at, allowEarlyEvaluation: early })
      .where(and(eq(tenders.id, tender.id), eq(tenders.status, "draft")))
      .run();
    if (res.changes !== 1) throw new AppError("conflict", "Cet appel d'offres a déjà été publié.");
    audit(tx, {
      userId: user.id,
      organisationId: user.organisationId,
      action: "tender.publish",
      targetType: "tender",
      targetId: tender.id,
      details: { methodSha256: sha256, shares: method.shares, priceMethod: method.priceMethod, deadline: tender.deadline, allowEarlyEvaluation: early },
    });
  });
  return { ok: true, sha256 };
}

export function cancelTender({ id, user, reason }: { id: number; user: CurrentUser; reason: string }): void {
  const tender = loadTenderAsBuyer({ id, user });
  if (tender.status !== "draft" && tender.status !== "published") throw new AppError("conflict", "Cet appel d'offres est déjà annulé ou clôturé.");
  const at = new Date().toISOString();
  db().transaction((tx) => {
    tx.update(tenders).set({ status: "cancelled", cancelledAt: at, cancelReason: reason, updatedAt: at }).where(eq(tenders.id, tender.id)).run();
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.cancel", targetType: "tender", targetId: tender.id, details: { reason, previousStatus: tender.status } });
  });
}

export function closeTender({ id, user }: { id: number; user: CurrentUser }): void {
  const tender = loadTenderAsBuyer({ id, user });
  if (tender.status !== "published") throw new AppError("conflict", "Seul un appel d'offres publié peut être clôturé.");
  const at = new Date().toISOString();
  db().transaction((tx) => {
    tx.update(tenders).set({ status: "closed", closedAt: at, updatedAt: at }).where(eq(tenders.id, tender.id)).run();
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.close", targetType: "tender", targetId: tender.id });
  });
}

/** Evaluators of the user's organisation, with whether each is assigned to the tender. */
export function listEvaluators({ tender, user }: { tender: TenderRow; user: CurrentUser }) {
  const assigned = new Set(
    db().select({ userId: tenderEvaluators.userId }).from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id)).all().map((r) => r.userId),
  );
  return db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, user.organisationId), eq(memberships.role, "evaluator"), isNull(memberships.deletedAt), isNull(users.deletedAt)))
    .orderBy(asc(users.name))
    .all()
    .map((u) => ({ ...u, assigned: assigned.has(u.id) }));
}

/**
 * Replaces the tender's evaluators; every id must be an evaluator of the buyer's organisation (else
 * 404). Returns the names now assigned, for the confirmation.
 */
export function setEvaluators({ id, user, userIds, kind = "tender" }: { id: number; user: CurrentUser; userIds: number[]; kind?: KindFilter }): string[] {
  const tender = loadTenderAsBuyer({ id, user, kind });
  const evaluators = listEvaluators({ tender, user });
  const allowed = new Set(evaluators.map((e) => e.id));
  const wanted = [...new Set(userIds)];
  if (wanted.some((u) => !allowed.has(u))) throw notFound("Cet évaluateur n'existe pas dans votre organisation.");
  db().transaction((tx) => {
    const before = tx.select({ userId: tenderEvaluators.userId }).from(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id)).all().map((r) => r.userId);
    tx.delete(tenderEvaluators).where(eq(tenderEvaluators.tenderId, tender.id)).run();
    for (const userId of wanted) tx.insert(tenderEvaluators).values({ tenderId: tender.id, userId, assignedBy: user.id }).run();
    audit(tx, { userId: user.id, organisationId: user.organisationId, action: "tender.evaluators", targetType: tender.kind === "campaign" ? "campaign" : "tender", targetId: tender.id, details: { before, after: wanted } });
  });
  return evaluators.filter((e) => wanted.includes(e.id)).map((e) => e.name);
}

/** Builder values for the edit form. */
export function tenderForEdit({ id, user }: { id: number; user: CurrentUser }) {
  const tender = loadTenderAsBuyer({ id, user });
  return { tender, method: readDraftMethod(tender.draftMethod) };
}

/** What the builder form needs besides the values: the guide's criteria and questions, the segments. */
export function builderContext(guideVersion?: string) {
  const guide = (guideVersion ? getGuide(guideVersion) : undefined) ?? currentGuide;
  return {
    guide: {
      criteria: guide.criteria.map((c) => ({
        id: c.id,
        title: c.title,
        questions: guide.questions.filter((q) => q.criterion === c.id).map((q) => ({ id: q.id, topic: q.topic })),
      })),
    },
    segments: segments.map((s) => ({ id: s.id, label: s.label })),
  };
}

/** Default values of a new tender: deadline in 30 days at 12:00 Paris. */
export function newTenderValues({ user }: { user: CurrentUser }) {
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
    defaultMethod(),
  );
}

export function editTenderValues(tender: TenderRow) {
  return builderValuesOf({ ...tender, deadline: utcIsoToParis(tender.deadline) }, readDraftMethod(tender.draftMethod));
}
