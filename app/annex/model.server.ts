import { billUnitLabel, frDecimal } from "~/tenders/bill";
import { markShares } from "#scoring";
import { clauseKinds, fillClause, getClause, type FillError } from "#questionnaires/clauses";
import { getCriterion, getGuide, getQuestion, questionTextFor } from "#questionnaires/guide";
import { getSegment } from "#questionnaires/segments";
import { factorColumnSpecs } from "#emission-factors/columns";
import { regimeLabels } from "~/lib/regime";
import { toScoringMethod, type TenderMethod } from "~/tenders/method";
import { frenchMethodText, markdownBlocks, type MethodBlock } from "./method-text.server";

/**
 * The tender's NR annex as plain data: chosen clauses with placeholders filled, the questionnaire
 * with weights and share of the mark, the scoring method text and the emission-factor template.
 * Rendered as printable HTML (route) and DOCX (docx.server.ts) from the same model.
 */
export type AnnexTender = {
  id: number;
  title: string;
  reference: string;
  segment: string;
  organisationName: string;
  deadline: string;
  status: string;
  publishedAt: string | null;
  methodSha256: string | null;
  contactName: string;
  contactEmail: string;
};

export type AnnexClause = {
  id: string;
  title: string;
  kindLabel: string;
  segmentLabel: string;
  targetDocument: string;
  text: string | null;
  errors: readonly FillError[];
};

export type AnnexModel = ReturnType<typeof buildAnnexModel>;

const priceMethodLabels: Record<TenderMethod["priceMethod"], string> = {
  "lowest-ratio": "méthode proportionnelle : note prix = 100 × prix le plus bas / prix de l'offre",
  linear: "méthode linéaire : note prix = 100 × (prix le plus haut − prix de l'offre) / (prix le plus haut − prix le plus bas)",
};

/** The formulas of scoring/README.md §5, as bidders read them. */
const offerFormulas = {
  "lower-is-better": {
    ratio: "note = 100 × plus petite valeur / valeur de l'offre",
    linear: "note = 100 × (plus grande valeur − valeur de l'offre) / (plus grande valeur − plus petite valeur)",
  },
  "higher-is-better": {
    ratio: "note = 100 × valeur de l'offre / plus grande valeur",
    linear: "note = 100 × (valeur de l'offre − plus petite valeur) / (plus grande valeur − plus petite valeur)",
  },
} as const;

export function buildAnnexModel(tender: AnnexTender, method: TenderMethod, { methodText = frenchMethodText() } = {}) {
  const guide = getGuide(method.guideVersion);
  if (!guide) throw new Error(`Version du guide inconnue : ${method.guideVersion}`);

  const clauses: AnnexClause[] = method.clauses.map(({ clauseId, values }) => {
    const clause = getClause(clauseId);
    if (!clause) {
      return { id: clauseId, title: clauseId, kindLabel: "", segmentLabel: "", targetDocument: "", text: null, errors: [{ placeholder: "", label: clauseId, message: `Clause inconnue : ${clauseId}` }] };
    }
    const filled = fillClause(clause, values);
    return {
      id: clause.id,
      title: clause.title,
      kindLabel: clauseKinds.find((k) => k.id === clause.kind)?.label ?? clause.kind,
      segmentLabel: getSegment(clause.segment)?.label ?? clause.segment,
      targetDocument: clause.targetDocument,
      text: filled.ok ? filled.text : null,
      errors: filled.ok ? [] : filled.errors,
    };
  });

  const scoringMethod = toScoringMethod(method);
  const shares = markShares(scoringMethod);
  // Issue 11 §2: contract questions in their contract wording; information-only questions (weight 0) listed apart.
  const textOf = (id: string) => {
    const q = getQuestion(guide, id);
    return q ? questionTextFor(q, "contract") : id;
  };
  const counted = new Set(scoringMethod.questions.filter((q) => q.weight > 0).map((q) => q.id));
  const informationQuestions = scoringMethod.questions
    .filter((q) => !counted.has(q.id))
    .map((q) => ({ id: q.id, criterionTitle: getCriterion(guide, q.criterion)?.title ?? q.criterion, text: textOf(q.id) }));
  const offerCriteria = method.offerCriteria.map((c) => ({
    id: c.id,
    label: c.label,
    unit: c.unit,
    share: c.share,
    environmental: c.environmental,
    directionLabel: c.direction === "lower-is-better" ? "plus bas est meilleur" : "plus haut est meilleur",
    methodLabel: c.method === "ratio" ? "proportionnelle" : "linéaire",
    formula: offerFormulas[c.direction][c.method],
  }));
  const criteria = scoringMethod.criteria.filter((c) => scoringMethod.questions.some((q) => q.criterion === c.id && counted.has(q.id))).map((c) => {
    const info = getCriterion(guide, c.id);
    const criterionShare = shares.criteria.find((s) => s.id === c.id);
    return {
      id: c.id,
      number: info?.number ?? 0,
      title: info?.title ?? c.id,
      weight: c.weight,
      weightShare: criterionShare?.weightShare ?? 0,
      markShare: criterionShare?.markShare ?? 0,
      questions: scoringMethod.questions
        .filter((q) => q.criterion === c.id && counted.has(q.id))
        .map((q) => ({
          id: q.id,
          text: textOf(q.id),
          weight: q.weight,
          markShare: shares.questions.find((s) => s.id === q.id)?.markShare ?? 0,
          allowNotApplicable: q.allowNotApplicable,
        })),
    };
  });

  return {
    tender: { ...tender, segmentLabel: getSegment(tender.segment)?.label ?? tender.segment },
    frozen: tender.publishedAt !== null,
    guideVersion: guide.version,
    guideSource: guide.source,
    clauses,
    clauseErrors: clauses.reduce((n, c) => n + c.errors.length, 0),
    shares: method.shares,
    priceMethodLabel: priceMethodLabels[method.priceMethod],
    criteria,
    questionCount: scoringMethod.questions.length,
    offerCriteria,
    /** Q = RSE share − Σ offer shares: what the questionnaire carries (scoring/README.md §1). */
    questionnaireShare: shares.questionnaire ?? method.shares.rse,
    informationQuestions,
    regimeLabel: method.procurement ? regimeLabels[method.procurement.regime] : null,
    methodBlocks: markdownBlocks(methodText) as MethodBlock[],
    factorColumns: factorColumnSpecs.map((c) => ({ name: c.name, french: c.french, required: c.required, description: c.description })),
    // Issue 12: the bill of quantities, frozen with the method.
    bill: (method.bill ?? []).map((l) => ({ ...l, unitLabel: billUnitLabel(l.unit), quantityLabel: frDecimal(l.quantity) })),
  };
}
