/**
 * Demo tenders (development and e2e): a published tender "Renouvellement du parc de postes de
 * travail" with both demo suppliers invited and their SUBMITTED answers (in the
 * `submissions.content` format of app/responses/submission-content.ts), prices and technical
 * scores entered, plus one draft tender.
 *
 * Imports pure, browser-safe modules of app/ (method defaults, canonical JSON): the demo data must
 * be written exactly as the portal writes it.
 */
import crypto from "node:crypto";
import type { Db } from "#db/connection";
import { invitations, offerScores, responseAnswers, responseOfferValues, responses, submissions, tenderEvaluators, tenders } from "#db/schema";
import { currentGuide } from "#questionnaires/guide";
import { getOfferCriterion } from "#questionnaires/offer-criteria";
import { catalogueOfferCriterion, defaultMethod } from "~/tenders/builder";
import { includedQuestions, procurementFor, type QuestionsMethod, type TenderMethod } from "~/tenders/method";
import { canonicalJson, type SubmissionContent } from "~/lib/submission-content";
import { fillLibraryFromSubmission } from "~/responses/library.server";

type Tx = Pick<Db, "insert" | "select" | "update">;

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

export type SeedAnswer = { level: 1 | 2 | 3 | 4 | 5 | null; notApplicable?: boolean; text?: string };

const levelText: Record<number, string> = {
  1: "Pas de démarche formalisée à ce jour sur ce point.",
  2: "Quelques actions ponctuelles ont été menées, sans pilotage d'ensemble.",
  3: "Une politique écrite existe, portée par un responsable désigné, sur une partie de notre périmètre.",
  4: "Démarche pilotée avec des indicateurs suivis chaque trimestre sur l'ensemble du périmètre ; preuves jointes.",
  5: "Démarche certifiée par un tiers, objectifs chiffrés atteints et publiés, amélioration continue documentée.",
};

/**
 * Writes a submitted questionnaire for one supplier: response (status submitted), its answers,
 * and the immutable submission with its canonical-JSON SHA-256. Returns the submission id.
 */
export async function seedSubmission(
  tx: Tx,
  args: {
    tenderId: number;
    methodSha256: string;
    method: QuestionsMethod;
    supplierOrganisationId: number;
    submittedBy: number;
    answers: (questionId: string, index: number) => SeedAnswer;
    submittedAt?: string;
    /** Offer criterion id → value given by the supplier (issue 11 §2). */
    offerValues?: Record<string, number | null>;
  },
): Promise<number> {
  const questions = includedQuestions(args.method);
  const content: SubmissionContent = {
    tenderId: args.tenderId,
    guideVersion: args.method.guideVersion,
    methodSha256: args.methodSha256,
    answers: questions.map((q, i) => {
      const a = args.answers(q.id, i);
      const na = Boolean(a.notApplicable) && q.allowNotApplicable;
      return {
        questionId: q.id,
        level: na ? null : a.level,
        text: a.text ?? (na ? "" : a.level ? levelText[a.level]! : ""),
        notApplicable: na,
        notApplicableReason: na ? "Nous n'exploitons aucun centre de données en propre." : "",
        files: [],
      };
    }),
    ...(args.method.offerCriteria.length > 0
      ? { offerValues: args.method.offerCriteria.map((c) => ({ criterionId: c.id, value: args.offerValues?.[c.id] ?? null, files: [] })) }
      : {}),
  };
  const response = (await tx
      .insert(responses)
      .values({
        tenderId: args.tenderId,
        supplierOrganisationId: args.supplierOrganisationId,
        guideVersion: args.method.guideVersion,
        status: "submitted",
        version: 1,
      })
      .returning({ id: responses.id }))[0]!;
  for (const v of content.offerValues ?? []) {
    await tx.insert(responseOfferValues).values({ responseId: response.id, criterionId: v.criterionId, value: v.value, updatedBy: args.submittedBy });
  }
  for (const a of content.answers) {
    await tx.insert(responseAnswers)
            .values({
              responseId: response.id,
              questionId: a.questionId,
              level: a.level,
              text: a.text,
              notApplicable: a.notApplicable,
              notApplicableReason: a.notApplicableReason,
              revision: 1,
              updatedBy: args.submittedBy,
            });
  }
  const submittedAt = args.submittedAt ?? new Date().toISOString();
  const submissionId = (await tx
      .insert(submissions)
      .values({
        responseId: response.id,
        tenderId: args.tenderId,
        supplierOrganisationId: args.supplierOrganisationId,
        submittedBy: args.submittedBy,
        submittedAt,
        contentSha256: sha256(canonicalJson(content)),
        content,
      })
      .returning({ id: submissions.id }))[0]!.id;
  // As the portal does at submission: the answers land in the supplier's library.
  await fillLibraryFromSubmission(tx, {
        user: { id: args.submittedBy, organisationId: args.supplierOrganisationId },
        tenderId: args.tenderId,
        submissionId,
        guideVersion: content.guideVersion,
        answers: content.answers,
        at: submittedAt,
      });
  return submissionId;
}

/** Deterministic demo maturity levels: supplier 1 is more mature than supplier 2. */
export function demoLevel(supplier: 1 | 2, index: number): SeedAnswer {
  if (supplier === 1) return { level: ([4, 3, 4, 5, 3, 4, 2] as const)[index % 7]! };
  if (index % 11 === 5) return { level: null };
  return { level: ([2, 3, 2, 1, 3, 2] as const)[index % 6]! };
}

/** Demo offer criterion of the public tender: carbon footprint per supplied laptop (catalogue, environmental). */
export const DEMO_OFFER_CRITERION = "empreinte-equipement";

/**
 * The public demo tender's method, lawful (issue 11): public regime launched on the publication day, the
 * lawful default (organisation questions for information, contract questions weighted) and 12 % of the mark
 * on the carbon footprint per supplied laptop, taken from the 25 % RSE share (questionnaire: 13 %).
 */
export function demoPublicMethod(launchDate: string): TenderMethod {
  const footprint = getOfferCriterion(DEMO_OFFER_CRITERION)!;
  return {
    ...defaultMethod(currentGuide, "public"),
    shares: { price: 45, technical: 30, rse: 25 },
    priceMethod: "lowest-ratio",
    offerCriteria: [catalogueOfferCriterion(footprint, 12)],
    procurement: procurementFor("public", launchDate),
  };
}

export async function seedDemoTenders(
  tx: Tx,
  ids: {
    buyerOrg: number;
    buyerUser: number;
    evaluatorUser: number;
    supplier1Org: number;
    supplier1User: number;
    supplier2Org: number;
    supplier2User: number;
    privateBuyerOrg?: number;
    privateBuyerUser?: number;
  },
  now = Date.now(),
): Promise<{ publishedTenderId: number; draftTenderId: number; privateTenderId?: number }> {
  const deadline = new Date(now + 21 * 24 * 3600 * 1000);
  deadline.setUTCHours(15, 0, 0, 0);
  const publishedAt = new Date(now - 10 * 24 * 3600 * 1000).toISOString();
  const launchDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(publishedAt));
  const method = demoPublicMethod(launchDate);
  const methodSha256 = sha256(canonicalJson(method));
  const tender = (await tx
      .insert(tenders)
      .values({
        organisationId: ids.buyerOrg,
        createdBy: ids.buyerUser,
        title: "Renouvellement du parc de postes de travail",
        reference: "AO-2026-014",
        segment: "postes-de-travail",
        description:
          "Fourniture de 1 200 ordinateurs portables et 400 écrans, avec reprise et reconditionnement des équipements remplacés. Critères RSE : empreinte carbone par ordinateur fourni (12 %) et questions du guide INR/ISIT posées sur l'exécution du présent marché ; les questions sur la politique générale de l'entreprise sont posées pour information.",
        deadline: deadline.toISOString(),
        contactName: "Claire Martin",
        contactEmail: "acheteur@metropole.example",
        status: "published",
        allowEarlyEvaluation: true,
        draftMethod: method,
        publishedMethod: method,
        publishedMethodSha256: methodSha256,
        publishedAt,
        publishedBy: ids.buyerUser,
      })
      .returning({ id: tenders.id }))[0]!;
  await tx.insert(tenderEvaluators).values({ tenderId: tender.id, userId: ids.evaluatorUser, assignedBy: ids.buyerUser });
  const suppliers = [
    { org: ids.supplier1Org, user: ids.supplier1User, email: "fournisseur@numerique-durable.example", name: "Numérique Durable SAS", n: 1 as const, price: 118_000, technical: 78, footprint: 212 },
    { org: ids.supplier2Org, user: ids.supplier2User, email: "fournisseur@infoservices.example", name: "InfoServices Conseil", n: 2 as const, price: 104_500, technical: 74, footprint: 268 },
  ];
  for (const s of suppliers) {
    await tx.insert(invitations)
            .values({
              tenderId: tender.id,
              organisationId: ids.buyerOrg,
              email: s.email,
              supplierName: s.name,
              tokenSha256: sha256(crypto.randomBytes(32).toString("base64url")),
              supplierOrganisationId: s.org,
              createdBy: ids.buyerUser,
              createdAt: publishedAt,
              expiresAt: deadline.toISOString(),
              openedAt: publishedAt,
              acceptedAt: publishedAt,
              acceptedBy: s.user,
            });
    await seedSubmission(tx, {
            tenderId: tender.id,
            methodSha256,
            method,
            supplierOrganisationId: s.org,
            submittedBy: s.user,
            answers: (_id, i) => demoLevel(s.n, i),
            offerValues: { [DEMO_OFFER_CRITERION]: s.footprint },
            submittedAt: new Date(now - (3 - s.n) * 24 * 3600 * 1000).toISOString(),
          });
    await tx.insert(offerScores).values({ tenderId: tender.id, supplierOrganisationId: s.org, priceEurHt: s.price, technicalScore: s.technical, updatedBy: ids.buyerUser });
  }
  const draft = (await tx
      .insert(tenders)
      .values({
        organisationId: ids.buyerOrg,
        createdBy: ids.buyerUser,
        title: "Location de multifonctions d'impression",
        reference: "AO-2026-021",
        segment: "impression",
        description: "Location avec maintenance de 85 multifonctions pour les sites de la métropole, consommables remanufacturés.",
        deadline: new Date(now + 60 * 24 * 3600 * 1000).toISOString(),
        contactName: "Claire Martin",
        contactEmail: "acheteur@metropole.example",
        draftMethod: { ...defaultMethod(currentGuide, "public"), shares: { price: 50, technical: 25, rse: 25 } },
      })
      .returning({ id: tenders.id }))[0]!;
  // The private buyer's own tender (issue 11 §2): a company is free to score organisation-level maturity.
  let privateTenderId: number | undefined;
  if (ids.privateBuyerOrg !== undefined && ids.privateBuyerUser !== undefined) {
    privateTenderId = (await tx
          .insert(tenders)
          .values({
            organisationId: ids.privateBuyerOrg,
            createdBy: ids.privateBuyerUser,
            title: "Hébergement des applications industrielles",
            reference: "GIE-2026-007",
            segment: "hebergement-cloud",
            description: "Hébergement infogéré de 40 applications métier, avec mesure de l'empreinte du service. Acheteur privé : la maturité de l'organisation du prestataire est notée.",
            deadline: new Date(now + 45 * 24 * 3600 * 1000).toISOString(),
            contactName: "Marc Lefèvre",
            contactEmail: "acheteur@industriel.example",
            draftMethod: { ...defaultMethod(currentGuide, "private"), shares: { price: 50, technical: 25, rse: 25 } },
          })
          .returning({ id: tenders.id }))[0]!.id;
  }
  return { publishedTenderId: tender.id, draftTenderId: draft.id, privateTenderId };
}
