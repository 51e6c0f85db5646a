/**
 * Lawful award for public buyers (issue 11 §1.6): the rules of law a public tender's method must
 * follow, and the purchasing guide's advice, in one place. Sources:
 * - Code de la commande publique L2152-7 as rewritten by loi n° 2021-1104 « Climat et Résilience »
 *   art. 35, in force for consultations launched from 21 August 2026 (décret n° 2022-767):
 *   shared/reference/lawful-award-criteria.md §1;
 * - CE, 25 May 2018, Nantes Métropole, n° 417580: criteria linked to the contract, never the
 *   company's general policy: lawful-award-criteria.md §2;
 * - a notation method must not neutralise the announced weighting (CAA Lyon, via alyoda):
 *   public-procurement-weighting.md §2;
 * - DAE/INR/DINUM digital purchasing guide (2021): environmental criterion ≥ 10 % of the mark:
 *   lawful-award-criteria.md §4 (a warning, not law).
 * Private buyers are free of all of this.
 *
 * The functions read the method defensively (they run inside zod's superRefine even when other
 * fields failed, so that the buyer sees every problem at once) and skip what is unreadable.
 */
import { ENVIRONMENTAL_CRITERION_REQUIRED_FROM, MIN_ENVIRONMENTAL_SHARE, SHARE_SUM_TOLERANCE } from "./constants";
import { frDate, frNumber } from "./messages";

export interface RuleIssue {
  path: (string | number)[];
  message: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const L2152_7 =
  "Code de la commande publique, art. L2152-7, rédaction issue de la loi n° 2021-1104 « Climat et Résilience », art. 35 ; décret n° 2022-767";
export const NANTES_METROPOLE = "CE, 25 mai 2018, Nantes Métropole, n° 417580";
export const DAE_GUIDE = "guide pratique d'achat numérique responsable DAE / INR / DINUM";

/** True when the method declares the public regime (a readable `procurement.regime === "public"`). */
export function isPublic(method: Record<string, unknown>): boolean {
  return isRecord(method.procurement) && method.procurement.regime === "public";
}

/**
 * Σ shares of the readable offer criteria, and of the environmental ones; `readable` is false when
 * the list or a share is not what the schema wants (already reported elsewhere).
 */
function offerShares(offerCriteria: unknown): { readable: boolean; total: number; environmental: number } {
  if (offerCriteria === undefined) return { readable: true, total: 0, environmental: 0 };
  if (!Array.isArray(offerCriteria)) return { readable: false, total: 0, environmental: 0 };
  let total = 0;
  let environmental = 0;
  let readable = true;
  for (const c of offerCriteria) {
    if (!isRecord(c) || typeof c.share !== "number" || !Number.isFinite(c.share) || c.share < 0) {
      readable = false;
      continue;
    }
    total += c.share;
    if (c.environmental === true) environmental += c.share;
  }
  return { readable, total, environmental };
}

/**
 * Q, the questionnaire's share of the mark (issue 11 §1.2): rse − Σ offer shares, never negative
 * (validation allows Σ to exceed rse by the share-sum tolerance, for float noise). Without offer
 * shares it is the RSE share itself: old-style inputs score exactly as before.
 */
export function questionnaireShare(rse: number, offerShareSum: number): number {
  if (offerShareSum === 0) return rse;
  return Math.max(0, rse - offerShareSum);
}

/** Errors of the public regime; none for a private (or unreadable) regime. */
export function publicRegimeIssues(method: Record<string, unknown>): RuleIssue[] {
  if (!isPublic(method)) return [];
  const issues: RuleIssue[] = [];
  const procurement = method.procurement as Record<string, unknown>;
  const shares = offerShares(method.offerCriteria);

  // 1. L2152-7: an environmental criterion on the offer, from 21 August 2026.
  const launch = procurement.launchDate;
  if (
    typeof launch === "string" &&
    ISO_DATE.test(launch) &&
    launch >= ENVIRONMENTAL_CRITERION_REQUIRED_FROM &&
    shares.readable &&
    shares.environmental === 0
  ) {
    issues.push({
      path: ["offerCriteria"],
      message:
        `Consultation publique lancée le ${frDate(launch)}, à partir du ${frDate(ENVIRONMENTAL_CRITERION_REQUIRED_FROM)} : ` +
        `au moins un critère d'attribution doit porter sur les caractéristiques environnementales de l'offre (${L2152_7}). ` +
        `Ajoutez un critère d'offre environnemental (« environmental »: true) avec une part strictement positive, ` +
        `par exemple l'empreinte carbone des équipements fournis.`,
    });
  }

  // 2. Link to the contract: an organisation question (the default scope) may not carry weight.
  const questions = method.questions;
  if (Array.isArray(questions)) {
    questions.forEach((q, i) => {
      if (!isRecord(q)) return;
      const weight = q.weight === undefined ? 1 : q.weight;
      const scope = q.scope;
      if (typeof weight !== "number" || !(weight > 0)) return;
      if (scope !== undefined && scope !== "organisation") return; // contract, or invalid (reported)
      const id = typeof q.id === "string" && q.id !== "" ? `« ${q.id} »` : `n° ${i + 1}`;
      issues.push({
        path: ["questions", i],
        message:
          `La question ${id} évalue la politique générale de l'entreprise (portée « organisation »` +
          `${scope === undefined ? ", par défaut" : ""}) : dans un marché public, elle ne peut pas compter dans la note ` +
          `(poids ${frNumber(weight)}). Les critères d'attribution doivent être liés à l'objet du marché ou à ses ` +
          `conditions d'exécution (${NANTES_METROPOLE}). Donnez-lui le poids 0 (question posée pour information) ` +
          `ou posez-la sur l'exécution du présent marché (« scope »: "contract").`,
      });
    });
  }

  // 3. Q > 0 needs a weighted contract question, or the questionnaire's points would go to no one.
  const rse = isRecord(method.shares) ? method.shares.rse : undefined;
  if (typeof rse === "number" && shares.readable && Array.isArray(questions) && Array.isArray(method.criteria)) {
    const q = questionnaireShare(rse, shares.total);
    const criterionWeight = new Map<unknown, unknown>();
    for (const c of method.criteria) if (isRecord(c) && !criterionWeight.has(c.id)) criterionWeight.set(c.id, c.weight);
    const weighted = questions.some((question) => {
      if (!isRecord(question) || question.scope !== "contract") return false;
      const weight = question.weight === undefined ? 1 : question.weight;
      const cw = criterionWeight.get(question.criterion);
      return typeof weight === "number" && weight > 0 && typeof cw === "number" && cw > 0;
    });
    // A remainder within the share-sum tolerance is float noise (e.g. 0.1 + 0.2 against 0.3), not a share.
    if (q > SHARE_SUM_TOLERANCE && !weighted) {
      issues.push({
        path: ["questions"],
        message:
          `Dans un marché public, la part du questionnaire (${frNumber(q)} points de la note : part RSE ${frNumber(rse)} ` +
          `moins ${frNumber(shares.total)} pour les critères d'offre) doit reposer sur au moins une question liée à ` +
          `l'exécution du marché (« scope »: "contract", poids > 0, dans un critère de poids > 0) (${NANTES_METROPOLE}) ; ` +
          `sinon ces points ne départagent aucune offre et la pondération annoncée serait neutralisée. ` +
          `Ajoutez une telle question ou attribuez ces points aux critères d'offre.`,
      });
    }
  }
  return issues;
}

/** Advice that does not block (issue 11 §1.6): public regime only, the guide addresses public buyers. */
export function lawfulAwardWarnings(method: unknown): RuleIssue[] {
  if (!isRecord(method) || !isPublic(method)) return [];
  const shares = offerShares(method.offerCriteria);
  if (!shares.readable || shares.environmental >= MIN_ENVIRONMENTAL_SHARE) return [];
  // Already an error (L2152-7): no need to say it twice.
  if (publicRegimeIssues(method).some((i) => i.path.length === 1 && i.path[0] === "offerCriteria")) return [];
  const what =
    shares.environmental === 0
      ? "Aucun critère d'offre environnemental n'a de part dans la note"
      : `Les critères d'offre environnementaux pèsent ${frNumber(shares.environmental)} % de la note`;
  return [
    {
      path: ["offerCriteria"],
      message:
        `${what} : le ${DAE_GUIDE} recommande au moins ${MIN_ENVIRONMENTAL_SHARE} % pour le critère environnemental, ` +
        `distinct de la valeur technique ; en dessous, il ne départage guère les offres.`,
    },
  ];
}
