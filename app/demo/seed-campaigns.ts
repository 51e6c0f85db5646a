/**
 * Demo maturity campaigns (issue 14): the demo buyer's panel of six suppliers, last year's campaign
 * and this year's (both finished, evaluated, debriefs shared), with improvement plans — so that a
 * newcomer sees the whole cycle: radar with last year's polygon, panel median (≥ 5 respondents),
 * actions agreed last year and whether their criterion moved.
 */
import crypto from "node:crypto";
import type { Db } from "#db/connection";
import { debriefShares, evaluations, improvementActionEvents, improvementActions, invitations, tenderEvaluators, tenders } from "#db/schema";
import { currentGuide } from "#questionnaires/guide";
import { criterionScores, strengthAndPriority } from "#scoring";
import { canonicalJson } from "~/lib/submission-content";
import { includedQuestions, type CampaignMethod } from "~/tenders/method";
import { mapInOrder } from "#db/transaction";
import { seedSubmission, type SeedAnswer } from "./seed-tenders";

type Tx = Pick<Db, "insert" | "select" | "update">;
const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");
const DAY = 24 * 3600 * 1000;

export type PanelMember = { org: number; user: number; email: string; name: string };

/** Deterministic level of supplier `s` (0–5) for question `i`, in year 0 (last year) or 1 (this year). */
function level(s: number, i: number, year: 0 | 1): 1 | 2 | 3 | 4 | 5 {
  const base = [3.4, 2.2, 2.8, 3.0, 2.5, 2.0][s]!;
  const wave = [0, 1, -1, 0, 1, -1, 0][(i + s) % 7]!;
  const progress = year === 1 && (i + s) % 3 !== 0 ? 1 : 0;
  return Math.max(1, Math.min(5, Math.round(base + wave + progress))) as 1 | 2 | 3 | 4 | 5;
}

export async function seedDemoCampaigns(tx: Tx, ids: { buyerOrg: number; csrUser: number; evaluatorUser: number; panel: PanelMember[] }, now = Date.now()) {
  const method: CampaignMethod = {
    guideVersion: currentGuide.version,
    // The CSR team weighs governance and end of life more: never shown to suppliers.
    criteria: currentGuide.criteria.map((c) => ({ id: c.id, included: true, weight: c.id === "gouvernance" || c.id === "fin-de-vie" ? 2 : 1 })),
    questions: currentGuide.questions.map((q) => ({ id: q.id, criterion: q.criterion, included: true, weight: 1, allowNotApplicable: q.allowNotApplicableByDefault })),
  };
  const methodSha256 = sha256(canonicalJson(method));
  const questions = includedQuestions(method);
  const criteria = currentGuide.criteria.map((c) => c.id);
  const years = [
    { year: 0 as const, title: "Campagne de maturité NR 2025", publishedAt: now - 400 * DAY, deadline: now - 360 * DAY, respondents: 6 },
    { year: 1 as const, title: "Campagne de maturité NR 2026", publishedAt: now - 60 * DAY, deadline: now - 20 * DAY, respondents: 5 },
  ];
  const out: number[] = [];
  for (const y of years) {
    const at = new Date(y.publishedAt).toISOString();
    const campaign = (await tx
          .insert(tenders)
          .values({
            kind: "campaign",
            organisationId: ids.buyerOrg,
            createdBy: ids.csrUser,
            title: y.title,
            reference: "",
            segment: "campagne-maturite",
            description: "Campagne annuelle du guide INR/ISIT auprès de nos fournisseurs numériques : bilan radar pour chacun et plan de progrès convenu ensemble.",
            deadline: new Date(y.deadline).toISOString(),
            contactName: "Sophie Durand",
            contactEmail: "rse@metropole.example",
            status: "closed",
            closedAt: new Date(y.deadline + DAY).toISOString(),
            allowEarlyEvaluation: true,
            draftMethod: method,
            publishedMethod: method,
            publishedMethodSha256: methodSha256,
            publishedAt: at,
            publishedBy: ids.csrUser,
            createdAt: at,
          })
          .returning({ id: tenders.id }))[0]!;
    out.push(campaign.id);
    await tx.insert(tenderEvaluators).values({ tenderId: campaign.id, userId: ids.evaluatorUser, assignedBy: ids.csrUser });
    await mapInOrder(ids.panel, async (m, s) => {
      await tx.insert(invitations)
                .values({
                  tenderId: campaign.id,
                  organisationId: ids.buyerOrg,
                  email: m.email,
                  supplierName: m.name,
                  tokenSha256: sha256(crypto.randomBytes(32).toString("base64url")),
                  supplierOrganisationId: m.org,
                  createdBy: ids.csrUser,
                  createdAt: at,
                  expiresAt: new Date(y.deadline).toISOString(),
                  openedAt: at,
                  acceptedAt: at,
                  acceptedBy: m.user,
                });
      if (s >= y.respondents) return;
      const submittedAt = new Date(y.deadline - (s + 2) * DAY).toISOString();
      const answers = (_id: string, i: number): SeedAnswer => ({ level: level(s, i, y.year) });
      const submissionId = await seedSubmission(tx, { tenderId: campaign.id, methodSha256, method: { ...method, offerCriteria: [] }, supplierOrganisationId: m.org, submittedBy: m.user, answers, submittedAt });
      // Evaluated: the evaluator agreed with the self-assessment, except where it was optimistic.
      const evaluatedAt = new Date(y.deadline + 3 * DAY).toISOString();
      const evaluated = await mapInOrder(questions, async (q, i) => {
        const self = level(s, i, y.year);
        const lower = (i + s) % 9 === 4 && self > 1;
        const lvl = (lower ? self - 1 : self) as 1 | 2 | 3 | 4 | 5;
        await tx.insert(evaluations)
                    .values({
                      tenderId: campaign.id,
                      submissionId,
                      questionId: q.id,
                      evaluatedLevel: lvl,
                      justification: lower ? "Démarche annoncée mais pas encore en place : niveau ramené d'un cran." : "",
                      plannedNotInPlace: lower,
                      evaluatorId: ids.evaluatorUser,
                      updatedAt: evaluatedAt,
                    });
        return { criterion: q.criterion, weight: 1, evaluated: lvl };
      });
      const scores = criterionScores(criteria, evaluated);
      await tx.insert(debriefShares).values({ tenderId: campaign.id, supplierOrganisationId: m.org, sharedBy: ids.csrUser, sharedAt: new Date(y.deadline + 10 * DAY).toISOString() });
      // Plan: one action on the priority axis, agreed by both sides.
      const { priority } = strengthAndPriority(criteria.map((id) => ({ id, score: scores.get(id) ?? null })));
      if (!priority) return;
      const agreedAt = new Date(y.deadline + 15 * DAY).toISOString();
      const status = y.year === 0 ? (s % 2 === 0 ? "done" : "in-progress") : "agreed";
      const title = currentGuide.criteria.find((c) => c.id === priority)?.shortTitle ?? priority;
      const action = (await tx
              .insert(improvementActions)
              .values({
                campaignId: campaign.id,
                organisationId: ids.buyerOrg,
                supplierOrganisationId: m.org,
                criterion: priority,
                action: `Formaliser une démarche écrite pour « ${title} », avec un responsable et des indicateurs suivis.`,
                owner: m.name,
                dueDate: new Date(y.deadline + 200 * DAY).toISOString().slice(0, 10),
                status,
                baselineScore: scores.get(priority) ?? null,
                proposedBy: ids.csrUser,
                agreedByBuyerAt: agreedAt,
                agreedBySupplierAt: agreedAt,
                createdAt: agreedAt,
                updatedAt: agreedAt,
              })
              .returning({ id: improvementActions.id }))[0]!;
      await tx.insert(improvementActionEvents).values({ actionId: action.id, userId: ids.csrUser, organisationId: ids.buyerOrg, event: "propose", toStatus: "proposed", createdAt: agreedAt });
      await tx.insert(improvementActionEvents).values({ actionId: action.id, userId: m.user, organisationId: m.org, event: "agree", fromStatus: "proposed", toStatus: "agreed", createdAt: agreedAt });
      if (status !== "agreed")
        await tx.insert(improvementActionEvents)
                    .values({
                      actionId: action.id,
                      userId: m.user,
                      organisationId: m.org,
                      event: "status",
                      fromStatus: "agreed",
                      toStatus: status,
                      note: status === "done" ? "Politique signée par la direction, jointe à la réponse 2026 (p. 3)." : "",
                      createdAt: new Date(y.deadline + 120 * DAY).toISOString(),
                    });
    });
  }
  return { previousCampaignId: out[0]!, campaignId: out[1]! };
}
