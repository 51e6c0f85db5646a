/**
 * The tender builder form: one zod schema shared by react-hook-form in the browser and by the
 * action on the server (fields named like `criteria.3.weight`, unflattened by `formDataToNested` in app/lib/forms.ts).
 * Also the default method and its conversion to the scoring library's method — all browser-safe.
 */
import { z } from "zod";
import { fillClause, getClause } from "#questionnaires/clauses";
import { currentGuide, getGuide, type Guide } from "#questionnaires/guide";
import { formatOfferUnit, getOfferCriterion, OFFER_FOOTPRINT_CRITERION_ID, offerCriteria, type OfferCriterion } from "#questionnaires/offer-criteria";
import { segmentIds } from "#questionnaires/segments";
import { parseScoringMethod } from "#scoring";
import { DATE_PATTERN, TIME_PATTERN, parisToUtcIso } from "~/lib/dates";
import {
  campaignMethodSchema,
  offerDirections,
  offerMethods,
  RSE_MAX_SHARE,
  tenderMethodSchema,
  toScoringMethod,
  type MethodOfferCriterion,
  type MethodProcurement,
  type QuestionsMethod,
  type TenderMethod,
} from "./method";

export { toScoringMethod } from "./method";

/** DAE/INR/DINUM guide: under 10 % an environmental criterion has no effect on bidders. */
export const RSE_WARNING_SHARE = 10;

/** A checkbox: `true`/`false` from react-hook-form, "on" or absent from a plain form post. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const number0to100 = (label: string) =>
  z.coerce
    .number({ error: `${label} : nombre attendu` })
    .refine((n) => Number.isFinite(n), `${label} : nombre attendu`)
    .refine((n) => n >= 0, `${label} ne peut pas être négative`)
    .refine((n) => n <= 100, `${label} ne peut pas dépasser 100 %`);

const weight = z.coerce
  .number({ error: "Poids : nombre attendu" })
  .refine((n) => Number.isFinite(n), "Poids : nombre attendu")
  .refine((n) => n >= 0, "Un poids ne peut pas être négatif")
  .refine((n) => n <= 1000, "Un poids ne peut pas dépasser 1000");

/**
 * Shares at draft time: each a number in 0–100; the sum and the RSE cap are checked too, so that the
 * buyer sees the French rule next to the fields (a draft with wrong shares is still saved, see
 * `saveDraft` — the problems are listed as "à corriger avant publication").
 */
export const builderSharesSchema = z.object({
  price: number0to100("La part du prix"),
  technical: number0to100("La part technique"),
  rse: number0to100("La part RSE"),
});

const offerShare = z.coerce
  .number({ error: "Part : nombre attendu" })
  .refine((n) => Number.isFinite(n), "Part : nombre attendu")
  .refine((n) => n >= 0, "Une part ne peut pas être négative")
  .refine((n) => n <= RSE_MAX_SHARE, `Une part ne peut pas dépasser ${RSE_MAX_SHARE} %`);

/** A catalogue offer criterion row of the builder (issue 11 §2): retained or not, its share and its method. */
const catalogueOfferRow = z.object({
  id: z.string().min(1),
  included: checkbox,
  share: offerShare,
  method: z.enum(offerMethods, { error: "Choisissez la méthode de notation" }),
});

/** A custom offer criterion row; a row without label is an empty slot and is ignored. */
const customOfferRow = z
  .object({
    label: z.string().trim().max(120, "120 caractères au plus").default(""),
    unit: z.string().trim().max(40, "40 caractères au plus").default(""),
    direction: z.enum(offerDirections, { error: "Choisissez le sens : plus bas ou plus haut est meilleur" }),
    method: z.enum(offerMethods, { error: "Choisissez la méthode de notation" }),
    environmental: checkbox,
    share: offerShare,
  })
  .superRefine((r, ctx) => {
    if (r.label !== "" && r.unit === "") ctx.addIssue({ code: "custom", path: ["unit"], message: "Indiquez l'unité dans laquelle les fournisseurs donnent la valeur" });
  });

export const builderSchema = z
  .object({
    title: z.string().trim().min(1, "Le titre est obligatoire").max(200, "200 caractères au plus"),
    reference: z.string().trim().max(60, "60 caractères au plus").default(""),
    segment: z.enum(segmentIds, { error: "Choisissez un segment d'achat" }),
    description: z.string().trim().max(5000, "5000 caractères au plus").default(""),
    deadlineDate: z.string().regex(DATE_PATTERN, "Date limite obligatoire (jj/mm/aaaa)"),
    deadlineTime: z.string().regex(TIME_PATTERN, "Heure limite obligatoire (hh:mm)"),
    contactName: z.string().trim().max(120, "120 caractères au plus").default(""),
    contactEmail: z
      .string()
      .trim()
      .max(200)
      .refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), "Adresse e-mail invalide")
      .default(""),
    allowEarlyEvaluation: checkbox,
    shares: builderSharesSchema,
    priceMethod: z.enum(["lowest-ratio", "linear"], { error: "Choisissez une méthode de notation du prix" }),
    criteria: z
      .array(z.object({ id: z.string().min(1), included: checkbox, weight }))
      .default([]),
    questions: z
      .array(
        z.object({
          id: z.string().min(1),
          criterion: z.string().min(1),
          included: checkbox,
          weight,
          allowNotApplicable: checkbox,
        }),
      )
      .default([]),
    offerCriteria: z.array(catalogueOfferRow).default([]),
    customCriteria: z.array(customOfferRow).default([]),
  })
  .superRefine((v, ctx) => {
    if (parisToUtcIso(v.deadlineDate, v.deadlineTime) === null) {
      ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "Cette date n'existe pas" });
    }
    for (const issue of sharesIssues(v.shares)) ctx.addIssue({ code: "custom", ...issue });
    const offerSum = offerShareSum(v);
    if (Number.isFinite(v.shares.rse) && offerSum - v.shares.rse > 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: ["offerShares"],
        message: `Les critères d'offre (${String(Math.round(offerSum * 100) / 100).replace(".", ",")} %) dépassent la part RSE (${String(v.shares.rse).replace(".", ",")} %) : ils sont pris sur la part RSE, le questionnaire reçoit le reste.`,
      });
    }
  });

/** Σ shares of the retained offer criteria of the form (catalogue rows retained, custom rows with a label). */
export function offerShareSum(v: {
  offerCriteria?: { included?: unknown; share?: unknown }[];
  customCriteria?: { label?: unknown; share?: unknown }[];
}): number {
  const n = (x: unknown) => {
    const k = typeof x === "number" ? x : Number(String(x ?? "").replace(",", "."));
    return Number.isFinite(k) && k > 0 ? k : 0;
  };
  let sum = 0;
  for (const r of v.offerCriteria ?? []) if (r && (r.included === true || r.included === "on" || r.included === "true")) sum += n(r.share);
  for (const r of v.customCriteria ?? []) if (r && typeof r.label === "string" && r.label.trim() !== "") sum += n(r.share);
  return sum;
}
export type BuilderInput = z.input<typeof builderSchema>;
export type BuilderValues = z.output<typeof builderSchema>;

/** French problems of a share split, with the field they belong to. */
export function sharesIssues(s: { price: number; technical: number; rse: number }): { path: string[]; message: string }[] {
  const out: { path: string[]; message: string }[] = [];
  if ([s.price, s.technical, s.rse].some((n) => !Number.isFinite(n))) return out;
  if (s.rse > RSE_MAX_SHARE) {
    out.push({
      path: ["shares", "rse"],
      message: `La part RSE ne peut pas dépasser ${RSE_MAX_SHARE} % de la note (règle du portail, pratique SNCF).`,
    });
  }
  const sum = s.price + s.technical + s.rse;
  if (Math.abs(sum - 100) > 1e-9) {
    out.push({
      path: ["shares", "total"],
      message: `Les parts prix, technique et RSE doivent totaliser 100 % ; elles totalisent ${String(Math.round(sum * 100) / 100).replace(".", ",")} %.`,
    });
  }
  return out;
}

/** Non-blocking advice on the split (DAE guide). */
export function sharesWarnings(s: { price: number; technical: number; rse: number }): string[] {
  if (Number.isFinite(s.rse) && s.rse < RSE_WARNING_SHARE) {
    return [
      `Une part RSE inférieure à ${RSE_WARNING_SHARE} % n'a, selon le guide des achats numériques responsables (DAE, INR, DINUM), pas d'effet sur les offres des candidats.`,
    ];
  }
  return [];
}

export const priceMethodLabels: Record<TenderMethod["priceMethod"], { label: string; help: string }> = {
  "lowest-ratio": {
    label: "Méthode proportionnelle (prix le plus bas / prix de l'offre)",
    help: "Note = 100 × prix le plus bas ÷ prix de l'offre : adaptée à peu d'offres aux prix proches ; la note 0 n'est jamais atteinte.",
  },
  linear: {
    label: "Méthode linéaire (entre l'offre la moins chère et la plus chère)",
    help: "Note = 100 × (prix le plus haut − prix de l'offre) ÷ (prix le plus haut − prix le plus bas) : la moins chère a 100, la plus chère 0 ; à éviter avec peu d'offres.",
  },
};

/** An offer criterion of the catalogue as the method stores it (label and unit copied: the snapshot stands alone). */
export function catalogueOfferCriterion(c: OfferCriterion, share: number, method = c.suggestedMethod): MethodOfferCriterion {
  return { id: c.id, source: "catalogue", label: c.label, unit: formatOfferUnit(c.unit), direction: c.direction, method, environmental: c.environmental, share };
}

/** Share of the mark given to the carbon footprint of the offer in the public default (DAE guide: ≥ 10 %). */
export const DEFAULT_FOOTPRINT_SHARE = 10;

/**
 * The default method: every question of the guide, equal criterion weights, N/A as the guide says.
 *
 * For a public buyer (issue 11: "make the lawful method the natural one"), the default is lawful: the questions
 * that assess the company's general policy (`scope: "organisation"`) are asked for information (weight 0), the
 * contract questions carry the questionnaire's share, and the carbon footprint of the offer (catalogue
 * `empreinte-offre`, environmental) takes 10 % of the mark from the RSE share (L2152-7 from 21 August 2026;
 * CE 2018 Nantes Métropole; DAE guide ≥ 10 %: shared/reference/lawful-award-criteria.md §1, §2, §4).
 */
export function defaultMethod(guide: Guide = currentGuide, regime: "public" | "private" = "private"): TenderMethod {
  const isPublic = regime === "public";
  const footprint = getOfferCriterion(OFFER_FOOTPRINT_CRITERION_ID);
  return {
    guideVersion: guide.version,
    shares: { price: 50, technical: 30, rse: 20 },
    priceMethod: "lowest-ratio",
    criteria: guide.criteria.map((c) => ({ id: c.id, included: true, weight: 1 })),
    questions: guide.questions.map((q) => ({
      id: q.id,
      criterion: q.criterion,
      included: true,
      weight: isPublic && q.scope !== "contract" ? 0 : 1,
      allowNotApplicable: q.allowNotApplicableByDefault,
    })),
    clauses: [],
    offerCriteria: isPublic && footprint ? [catalogueOfferCriterion(footprint, DEFAULT_FOOTPRINT_SHARE)] : [],
  };
}

// The one way to read a tender's method from its row. The published snapshot was validated when it
// was frozen: it is read with the strict schema. A draft may be incomplete (shares not summing to
// 100 yet): it is read leniently, and an unreadable draft falls back to the default method.

/** Lenient read of a stored draft method (shares may not yet sum to 100). */
export const draftMethodSchema = tenderMethodSchema.extend({ shares: builderSharesSchema });

export function readDraftMethod(json: unknown): TenderMethod {
  const parsed = draftMethodSchema.safeParse(json);
  return parsed.success ? parsed.data : defaultMethod();
}

/** The frozen method of a published (closed, cancelled) tender; null for a draft. */
export function publishedMethodOf(tender: { publishedMethod: unknown }): TenderMethod | null {
  return tender.publishedMethod ? tenderMethodSchema.parse(tender.publishedMethod) : null;
}

/**
 * The questions part of a published consultation of either kind (tender or maturity campaign): what
 * the questionnaire, the invitations and the evaluation read. Null for a draft.
 */
export function publishedQuestionsOf(tender: { kind?: string; publishedMethod: unknown }): QuestionsMethod | null {
  if (!tender.publishedMethod) return null;
  // A campaign has no offer criteria and no bill of quantities (issue 14: no price, no offer).
  return tender.kind === "campaign" ? { ...campaignMethodSchema.parse(tender.publishedMethod), offerCriteria: [] } : tenderMethodSchema.parse(tender.publishedMethod);
}

/** The method the tender is shown and marked with: the published snapshot, else the draft. */
export function methodOf(tender: { publishedMethod: unknown; draftMethod: unknown }): TenderMethod {
  return publishedMethodOf(tender) ?? readDraftMethod(tender.draftMethod);
}

/** Merges the builder's method fields into a method, keeping what the form does not edit (clauses). */
export function methodFromBuilder(values: BuilderValues, previous: TenderMethod): TenderMethod {
  const guide = getGuide(previous.guideVersion) ?? currentGuide;
  const criteria = new Map(values.criteria.map((c) => [c.id, c]));
  const questions = new Map(values.questions.map((q) => [q.id, q]));
  return {
    guideVersion: guide.version,
    shares: values.shares,
    priceMethod: values.priceMethod,
    // Guide order, guide ids only: a posted unknown id is ignored, a missing one keeps its previous value.
    criteria: guide.criteria.map((c) => {
      const posted = criteria.get(c.id);
      const prev = previous.criteria.find((p) => p.id === c.id);
      return { id: c.id, included: posted?.included ?? prev?.included ?? true, weight: posted?.weight ?? prev?.weight ?? 1 };
    }),
    questions: guide.questions.map((q) => {
      const posted = questions.get(q.id);
      const prev = previous.questions.find((p) => p.id === q.id);
      return {
        id: q.id,
        criterion: q.criterion,
        included: posted?.included ?? prev?.included ?? true,
        weight: posted?.weight ?? prev?.weight ?? 1,
        allowNotApplicable: posted?.allowNotApplicable ?? prev?.allowNotApplicable ?? q.allowNotApplicableByDefault,
      };
    }),
    clauses: previous.clauses,
    ...(previous.bill ? { bill: previous.bill } : {}),
    offerCriteria: offerCriteriaFromBuilder(values),
  };
}

/** ASCII slug of a custom criterion's label, prefixed so that it never collides with the catalogue. */
function customId(label: string, taken: Set<string>): string {
  const base =
    "perso-" +
    (label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40)
      .replace(/-+$/g, "") || "critere");
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** The offer criteria of a posted builder form: retained catalogue rows (known ids only), then custom rows with a label. */
export function offerCriteriaFromBuilder(values: Pick<BuilderValues, "offerCriteria" | "customCriteria">): MethodOfferCriterion[] {
  const out: MethodOfferCriterion[] = [];
  const taken = new Set<string>();
  for (const row of values.offerCriteria) {
    const c = getOfferCriterion(row.id);
    if (!c || !row.included || taken.has(c.id)) continue;
    taken.add(c.id);
    out.push(catalogueOfferCriterion(c, row.share, row.method));
  }
  for (const row of values.customCriteria) {
    if (row.label === "") continue;
    out.push({ id: customId(row.label, taken), source: "custom", label: row.label, unit: row.unit, direction: row.direction, method: row.method, environmental: row.environmental, share: row.share });
  }
  return out;
}

/** A number field as the form holds it: the stored number, or the text typed when a refused form is shown again. */
type NumberField = number | string;

/** What the builder form holds (react-hook-form default values and the no-JS render). */
export type BuilderFormValues = {
  title: string;
  reference: string;
  segment: string;
  description: string;
  deadlineDate: string;
  deadlineTime: string;
  contactName: string;
  contactEmail: string;
  allowEarlyEvaluation: boolean;
  shares: { price: NumberField; technical: NumberField; rse: NumberField };
  priceMethod: TenderMethod["priceMethod"];
  criteria: { id: string; included: boolean; weight: NumberField }[];
  questions: { id: string; criterion: string; included: boolean; weight: NumberField; allowNotApplicable: boolean }[];
  /** One row per catalogue criterion of the segment (and any catalogue criterion already in the method). */
  offerCriteria: { id: string; included: boolean; share: NumberField; method: "ratio" | "linear" }[];
  /** The method's custom criteria, then one empty slot to add another (without JavaScript too). */
  customCriteria: { label: string; unit: string; direction: "lower-is-better" | "higher-is-better"; method: "ratio" | "linear"; environmental: boolean; share: NumberField }[];
};

export const EMPTY_CUSTOM_CRITERION: BuilderFormValues["customCriteria"][number] = {
  label: "",
  unit: "",
  direction: "lower-is-better",
  method: "linear",
  environmental: true,
  share: 0,
};

/**
 * Catalogue rows of the builder: every catalogue criterion (the form shows those of the chosen segment and the
 * retained ones; keeping them all lets the list follow a change of segment without a reload).
 */
export function offerCatalogueRows(method: TenderMethod): BuilderFormValues["offerCriteria"] {
  const chosen = new Map(method.offerCriteria.filter((c) => c.source === "catalogue").map((c) => [c.id, c]));
  return offerCriteria.map((cat) => {
    const c = chosen.get(cat.id);
    return { id: cat.id, included: c !== undefined, share: c?.share ?? 0, method: c?.method ?? cat.suggestedMethod };
  });
}

/** Builder form values for a tender (for defaultValues and the no-JS render). */
export function builderValuesOf(
  tender: {
    title: string;
    reference: string;
    segment: string;
    description: string;
    deadline: { date: string; time: string };
    contactName: string;
    contactEmail: string;
    allowEarlyEvaluation: boolean;
  },
  method: TenderMethod,
): BuilderFormValues {
  return {
    title: tender.title,
    reference: tender.reference,
    segment: tender.segment,
    description: tender.description,
    deadlineDate: tender.deadline.date,
    deadlineTime: tender.deadline.time,
    contactName: tender.contactName,
    contactEmail: tender.contactEmail,
    allowEarlyEvaluation: tender.allowEarlyEvaluation,
    shares: { price: method.shares.price, technical: method.shares.technical, rse: method.shares.rse },
    priceMethod: method.priceMethod,
    criteria: method.criteria.map((c) => ({ id: c.id, included: c.included, weight: c.weight })),
    questions: method.questions.map((q) => ({
      id: q.id,
      criterion: q.criterion,
      included: q.included,
      weight: q.weight,
      allowNotApplicable: q.allowNotApplicable,
    })),
    offerCriteria: offerCatalogueRows(method),
    customCriteria: [
      ...method.offerCriteria
        .filter((c) => c.source === "custom")
        .map((c) => ({ label: c.label, unit: c.unit, direction: c.direction, method: c.method, environmental: c.environmental, share: c.share })),
      EMPTY_CUSTOM_CRITERION,
    ],
  };
}

/** Builder values from a posted (invalid) form, to show it again as typed. */
export function builderValuesFromRaw(raw: Record<string, unknown>, fallback: BuilderFormValues): BuilderFormValues {
  const str = (v: unknown, d: string) => (typeof v === "string" ? v : d);
  const box = (v: unknown) => v === "on" || v === "true" || v === true;
  const rawShares = (raw.shares ?? {}) as Record<string, unknown>;
  const rawCriteria = Array.isArray(raw.criteria) ? (raw.criteria as Record<string, unknown>[]) : [];
  const rawQuestions = Array.isArray(raw.questions) ? (raw.questions as Record<string, unknown>[]) : [];
  const rawOffers = Array.isArray(raw.offerCriteria) ? (raw.offerCriteria as Record<string, unknown>[]) : [];
  const rawCustom = Array.isArray(raw.customCriteria) ? (raw.customCriteria as Record<string, unknown>[]) : [];
  return {
    ...fallback,
    title: str(raw.title, fallback.title),
    reference: str(raw.reference, fallback.reference),
    segment: str(raw.segment, fallback.segment),
    description: str(raw.description, fallback.description),
    deadlineDate: str(raw.deadlineDate, fallback.deadlineDate),
    deadlineTime: str(raw.deadlineTime, fallback.deadlineTime),
    contactName: str(raw.contactName, fallback.contactName),
    contactEmail: str(raw.contactEmail, fallback.contactEmail),
    allowEarlyEvaluation: box(raw.allowEarlyEvaluation),
    shares: {
      price: str(rawShares.price, String(fallback.shares.price)),
      technical: str(rawShares.technical, String(fallback.shares.technical)),
      rse: str(rawShares.rse, String(fallback.shares.rse)),
    },
    priceMethod: raw.priceMethod === "linear" ? "linear" : "lowest-ratio",
    criteria: fallback.criteria.map((c) => {
      const r = rawCriteria.find((x) => x?.id === c.id);
      return r ? { id: c.id, included: box(r.included), weight: str(r.weight, String(c.weight)) } : c;
    }),
    questions: fallback.questions.map((q) => {
      const r = rawQuestions.find((x) => x?.id === q.id);
      return r
        ? { ...q, included: box(r.included), weight: str(r.weight, String(q.weight)), allowNotApplicable: box(r.allowNotApplicable) }
        : q;
    }),
    offerCriteria: fallback.offerCriteria.map((c) => {
      const r = rawOffers.find((x) => x?.id === c.id);
      return r ? { id: c.id, included: box(r.included), share: str(r.share, String(c.share)), method: r.method === "ratio" ? "ratio" : "linear" } : c;
    }),
    customCriteria: rawCustom.length
      ? rawCustom.map((r) => ({
          label: str(r?.label, ""),
          unit: str(r?.unit, ""),
          direction: r?.direction === "higher-is-better" ? "higher-is-better" : "lower-is-better",
          method: r?.method === "ratio" ? "ratio" : "linear",
          environmental: box(r?.environmental),
          share: str(r?.share, "0"),
        }))
      : fallback.customCriteria,
  };
}

/**
 * Every reason the method cannot be published yet (French). Deadline is checked by the server.
 * With `procurement` (the organisation's regime and the launch date), the scoring library's validation runs
 * too: its French errors — the public-regime rules of issue 11 §1.6 among them — refuse publication (the rules
 * live in one place, scoring/lawful-award.ts).
 */
export function methodPublishIssues(method: TenderMethod, procurement?: MethodProcurement): string[] {
  const issues: string[] = [];
  const strict = tenderMethodSchema.safeParse(method);
  if (!strict.success) for (const i of strict.error.issues) issues.push(i.message);
  issues.push(...sharesIssues(method.shares).map((i) => i.message).filter((m) => !issues.includes(m)));
  const scoring = toScoringMethod(method, procurement);
  if (procurement) {
    const parsed = parseScoringMethod(scoring);
    if (!parsed.success) for (const i of parsed.issues) if (!issues.includes(i.message)) issues.push(i.message);
  }
  if (scoring.questions.length === 0) issues.push("Retenez au moins une question du guide.");
  else if (!scoring.questions.some((q) => q.weight > 0)) issues.push("Au moins une question retenue doit avoir un poids strictement positif.");
  // The NR annex is frozen with the method: every chosen clause must be complete.
  for (const chosen of method.clauses) {
    const clause = getClause(chosen.clauseId);
    if (!clause) issues.push(`Clause inconnue dans l'annexe : ${chosen.clauseId}.`);
    else {
      const filled = fillClause(clause, chosen.values);
      if (!filled.ok) for (const e of filled.errors) issues.push(`Clause « ${clause.title} » — ${e.message}.`);
    }
  }
  return [...new Set(issues)];
}

/** Advice that does not block publication (scoring's warnings: environmental share below 10 % for a public buyer). */
export function methodPublishWarnings(method: TenderMethod, procurement: MethodProcurement): string[] {
  const parsed = parseScoringMethod(toScoringMethod(method, procurement));
  return parsed.warnings.map((w) => w.message);
}
