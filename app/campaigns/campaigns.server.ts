/**
 * Maturity campaigns (issue 14): a consultation of kind `campaign` in the `tenders` table, so that
 * invitations, questionnaire, autosave, evidence, receipts, evaluation and the answer library work
 * unchanged (docs/decisions/021-maturity-campaigns.md). This module holds what is campaign-only:
 * creation (launched at once: the method snapshot is frozen, the panel invited), the list, the
 * detail page and reminders.
 */
import crypto from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { campaignReminders, invitations, outbox, submissions, tenders } from "#db/schema";
import { currentGuide, getGuide, guideVersionList, type Guide } from "#questionnaires/guide";
import { requireCampaignManager, tendersVisibleToBuyingSide } from "~/auth/permissions.server";
import type { CurrentUser } from "~/auth/session.server";
import { audit } from "~/lib/audit.server";
import { db, transaction } from "~/lib/db.server";
import { canonicalJson } from "~/lib/submission-content";
import { DATE_PATTERN, TIME_PATTERN, formatParis, parisToUtcIso, utcIsoToParis } from "~/lib/dates";
import { AppError, notFound } from "~/lib/errors";
import { loadTender, loadTenderAsBuyer, type TenderRow } from "~/tenders/access.server";
import { createInvitation } from "~/tenders/invitations.server";
import type { CampaignMethod } from "~/tenders/method";
import { consultationCounts } from "~/tenders/consultation-counts.server";

export const CAMPAIGN_NOT_FOUND = "Cette campagne n'existe pas ou vous n'y avez pas accès.";

/** A campaign the acting user may see on the buying side (buyer, CSR team, assigned evaluator). */
export async function loadCampaign({ id, user }: { id: number; user: CurrentUser }): Promise<TenderRow> {
  try {
    return await loadTender({ id, user, kind: "campaign" });
  } catch (e) {
    if (e instanceof AppError && e.code === "not-found") throw notFound(CAMPAIGN_NOT_FOUND);
    throw e;
  }
}

/** Same, for those who run it (buyer or CSR team). */
export async function loadCampaignAsManager({ id, user }: { id: number; user: CurrentUser }): Promise<TenderRow> {
  const row = await loadCampaign({ id, user });
  requireCampaignManager(user);
  return await loadTenderAsBuyer({ id: row.id, user, kind: "campaign" });
}

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export type PanelLine = { supplierName: string; email: string };

/** Panel lines « Nom du fournisseur ; adresse e-mail », one per line; French errors per line. */
export function parsePanel(text: string): { lines: PanelLine[]; errors: string[] } {
  const lines: PanelLine[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .forEach((raw, i) => {
      if (raw === "") return;
      const parts = raw.split(/[;\t]/).map((p) => p.trim());
      const n = i + 1;
      if (parts.length !== 2) return void errors.push(`Ligne ${n} : attendu « Nom du fournisseur ; adresse e-mail ».`);
      const [supplierName, emailRaw] = parts as [string, string];
      const email = emailRaw.toLowerCase();
      if (supplierName.length === 0 || supplierName.length > 200) return void errors.push(`Ligne ${n} : nom du fournisseur manquant ou trop long.`);
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 200) return void errors.push(`Ligne ${n} : adresse e-mail invalide (« ${emailRaw} »).`);
      if (seen.has(email)) return void errors.push(`Ligne ${n} : l'adresse ${email} figure déjà plus haut.`);
      seen.add(email);
      lines.push({ supplierName, email });
    });
  if (lines.length === 0 && errors.length === 0) errors.push("Indiquez au moins un fournisseur du panel.");
  if (lines.length > 500) errors.push("500 fournisseurs au plus par campagne.");
  return { lines, errors };
}

export const campaignFormSchema = z
  .object({
    title: z.string().trim().min(1, "Le titre est obligatoire").max(200, "200 caractères au plus"),
    description: z.string().trim().max(5000, "5000 caractères au plus").default(""),
    guideVersion: z.string().refine((v) => guideVersionList.includes(v), "Version du guide inconnue"),
    deadlineDate: z.string().regex(DATE_PATTERN, "Date limite obligatoire (aaaa-mm-jj)"),
    deadlineTime: z.string().regex(TIME_PATTERN, "Heure limite obligatoire (hh:mm)"),
    criteria: z
      .array(
        z.object({
          id: z.string().min(1),
          weight: z.coerce
            .number({ error: "Poids : nombre attendu" })
            .refine((n) => Number.isFinite(n) && n >= 0, "Un poids ne peut pas être négatif")
            .refine((n) => n <= 1000, "Un poids ne peut pas dépasser 1000"),
        }),
      )
      .default([]),
    questions: z.array(z.object({ id: z.string().min(1), included: checkbox })).default([]),
    panel: z.string().max(100_000, "Panel trop long"),
  })
  .superRefine((v, ctx) => {
    const deadline = parisToUtcIso(v.deadlineDate, v.deadlineTime);
    if (deadline === null) ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "Cette date n'existe pas" });
    else if (Date.parse(deadline) <= Date.now()) ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "La date limite doit être dans le futur" });
    for (const e of parsePanel(v.panel).errors) ctx.addIssue({ code: "custom", path: ["panel"], message: e });
  });
export type CampaignFormValues = z.output<typeof campaignFormSchema>;

/** The campaign method from the form: all questions of the guide by default, criteria weights (never shown to suppliers). */
export function campaignMethodFrom(values: Pick<CampaignFormValues, "guideVersion" | "criteria" | "questions">, guide: Guide): { method: CampaignMethod; issues: string[] } {
  const weights = new Map(values.criteria.map((c) => [c.id, c.weight]));
  const posted = values.questions.length > 0 ? new Map(values.questions.map((q) => [q.id, q.included])) : null;
  const method: CampaignMethod = {
    guideVersion: guide.version,
    criteria: guide.criteria.map((c) => ({ id: c.id, included: (weights.get(c.id) ?? 1) > 0, weight: weights.get(c.id) ?? 1 })),
    questions: guide.questions.map((q) => ({ id: q.id, criterion: q.criterion, included: posted ? (posted.get(q.id) ?? false) : true, weight: 1, allowNotApplicable: q.allowNotApplicableByDefault })),
  };
  const issues: string[] = [];
  const included = new Set(method.criteria.filter((c) => c.included).map((c) => c.id));
  if (!method.questions.some((q) => q.included && included.has(q.criterion))) issues.push("Retenez au moins une question d'un critère de poids positif.");
  return { method, issues };
}

/** Default form values: the current guide, all 47 questions, equal weights, 30 days, last campaign's panel. */
export async function newCampaignValues({ user }: { user: CurrentUser }) {
  const in30 = utcIsoToParis(new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString());
  const last = (await db()
      .select({ id: tenders.id })
      .from(tenders)
      .where(and(tendersVisibleToBuyingSide(user), eq(tenders.kind, "campaign")))
      .orderBy(desc(tenders.id)).limit(1))[0];
  const panel = last
    ? (await db()
              .select({ name: invitations.supplierName, email: invitations.email })
              .from(invitations)
              .where(and(eq(invitations.tenderId, last.id), isNull(invitations.revokedAt)))
              .orderBy(invitations.id))
        .map((i) => `${i.name} ; ${i.email}`)
        .join("\n")
    : "";
  return {
    title: "",
    description: "",
    guideVersion: currentGuide.version,
    deadlineDate: in30.date,
    deadlineTime: "12:00",
    panel,
    criteria: currentGuide.criteria.map((c) => ({ id: c.id, weight: "1" })),
    questions: currentGuide.questions.map((q) => ({ id: q.id, included: true })),
  };
}

/** Guide criteria and questions for the form. */
export function campaignFormContext() {
  return {
    guideVersions: [...guideVersionList],
    guide: {
      version: currentGuide.version,
      criteria: currentGuide.criteria.map((c) => ({
        id: c.id,
        number: c.number,
        title: c.title,
        questions: currentGuide.questions.filter((q) => q.criterion === c.id).map((q) => ({ id: q.id, topic: q.topic })),
      })),
    },
  };
}

/**
 * Creates and launches a campaign: the method snapshot is frozen with its SHA-256 (as a tender's at
 * publication), evaluation may start as answers arrive, and every panel line gets an invitation
 * (the same single-use links and outbox messages as a tender's). Returns the id and the links.
 */
export async function createCampaign({ user, values, origin }: { user: CurrentUser; values: CampaignFormValues; origin: string }) {
  requireCampaignManager(user);
  const guide = getGuide(values.guideVersion) ?? currentGuide;
  const { method, issues } = campaignMethodFrom(values, guide);
  if (issues.length) throw new AppError("invalid", issues.join(" "));
  const { lines } = parsePanel(values.panel);
  const deadline = parisToUtcIso(values.deadlineDate, values.deadlineTime);
  if (!deadline) throw new AppError("invalid", "Date limite invalide");
  const sha256 = crypto.createHash("sha256").update(canonicalJson(method)).digest("hex");
  const at = new Date().toISOString();
  const id = await transaction(async (tx) => {
      const row = (await tx
            .insert(tenders)
            .values({
              kind: "campaign",
              organisationId: user.organisationId,
              createdBy: user.id,
              title: values.title,
              reference: "",
              segment: "campagne-maturite",
              description: values.description,
              deadline,
              contactName: user.name,
              contactEmail: user.email,
              status: "published",
              allowEarlyEvaluation: true,
              draftMethod: method,
              publishedMethod: method,
              publishedMethodSha256: sha256,
              publishedAt: at,
              publishedBy: user.id,
            })
            .returning({ id: tenders.id }))[0]!;
      await audit(tx, {
              userId: user.id,
              organisationId: user.organisationId,
              action: "campaign.launch",
              targetType: "campaign",
              targetId: row.id,
              details: { title: values.title, guideVersion: method.guideVersion, methodSha256: sha256, deadline, panel: lines.length },
            });
      return row.id;
    });
  const links: { supplierName: string; email: string; link: string }[] = [];
  for (const line of lines) {
    const r = await createInvitation({ tenderId: id, user, email: line.email, supplierName: line.supplierName, origin });
    if (r.ok) links.push({ ...line, link: r.link });
  }
  return { id, links };
}

/** Campaigns the user may see (buyer, CSR team: the organisation's; evaluator: assigned), newest first. */
export async function listCampaigns({ user }: { user: CurrentUser }) {
  return await db()
      .select({
        id: tenders.id,
        title: tenders.title,
        status: tenders.status,
        deadline: tenders.deadline,
        publishedAt: tenders.publishedAt,
        ...consultationCounts,
      })
      .from(tenders)
      .where(and(tendersVisibleToBuyingSide(user), eq(tenders.kind, "campaign")))
      .orderBy(desc(tenders.id));
}

/** Closes a campaign: no more answers; evaluation, debriefs and plans go on. */
export async function closeCampaign({ id, user }: { id: number; user: CurrentUser }): Promise<void> {
  const c = await loadCampaignAsManager({ id, user });
  if (c.status !== "published") throw new AppError("conflict", "Seule une campagne en cours peut être clôturée.");
  const at = new Date().toISOString();
  await transaction(async (tx) => {
        await tx.update(tenders).set({ status: "closed", closedAt: at, updatedAt: at }).where(eq(tenders.id, c.id));
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "campaign.close", targetType: "campaign", targetId: c.id });
      });
}

/**
 * A reminder to a panel member who has not submitted: an outbox message and a row counted on the
 * panel view. The invitation must belong to this campaign (else 404).
 */
export async function sendReminder({ campaignId, invitationId, user, origin }: { campaignId: number; invitationId: number; user: CurrentUser; origin: string }): Promise<string> {
  const c = await loadCampaignAsManager({ id: campaignId, user });
  if (c.status !== "published") throw new AppError("conflict", "La campagne n'accepte plus de réponses : inutile de relancer.");
  const inv = (await db()
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.tenderId, c.id), eq(invitations.organisationId, user.organisationId), isNull(invitations.revokedAt))).limit(1))[0];
  if (!inv) throw notFound("Cette invitation n'existe pas ou vous n'y avez pas accès.");
  const submitted =
    inv.supplierOrganisationId !== null &&
    (await db()
            .select({ id: submissions.id })
            .from(submissions)
            .where(and(eq(submissions.tenderId, c.id), eq(submissions.supplierOrganisationId, inv.supplierOrganisationId), isNull(submissions.withdrawnAt))).limit(1))[0];
  if (submitted) throw new AppError("conflict", `${inv.supplierName} a déjà déposé sa réponse.`);
  await transaction(async (tx) => {
        await tx.insert(outbox)
                .values({
                  organisationId: user.organisationId,
                  toEmail: inv.email,
                  kind: "campaign-reminder",
                  subject: `Rappel : campagne « ${c.title} »`,
                  body: [
                    "Bonjour,",
                    "",
                    `${user.organisationName} vous rappelle sa campagne d'évaluation de la maturité numérique responsable « ${c.title} », ouverte jusqu'au ${formatParis(c.deadline, "numeric", { withZone: true })}.`,
                    inv.acceptedAt ? `Votre questionnaire : ${origin}/fournisseur/consultations/${c.id}` : "Utilisez le lien personnel reçu avec l'invitation.",
                    "",
                    `${user.name} — ${user.organisationName}`,
                  ].join("\n"),
                });
        await tx.insert(campaignReminders).values({ campaignId: c.id, invitationId: inv.id, sentBy: user.id });
        await audit(tx, { userId: user.id, organisationId: user.organisationId, action: "campaign.reminder", targetType: "campaign", targetId: c.id, details: { invitationId: inv.id } });
      });
  return inv.supplierName;
}

/** Reminders sent per invitation of a campaign (caller checked access). */
export async function reminderCounts(campaignId: number, invitationIds: number[]): Promise<Map<number, number>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await db()
      .select({ invitationId: campaignReminders.invitationId, n: sql<number>`count(*)` })
      .from(campaignReminders)
      .where(and(eq(campaignReminders.campaignId, campaignId), inArray(campaignReminders.invitationId, invitationIds)))
      .groupBy(campaignReminders.invitationId);
  return new Map(rows.map((r) => [r.invitationId, Number(r.n)]));
}
