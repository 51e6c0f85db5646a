/**
 * Schema of the offer-criteria catalogue: measurable characteristics of an offer a buyer can score as award
 * criteria (issue 11 §1.2–1.3), per purchasing segment. Unlike maturity questions, these describe the offer itself,
 * so they satisfy the rule that a public tender scores at least one environmental characteristic of the offer
 * (Code de la commande publique, art. L2152-7; shared/reference/lawful-award-criteria.md §1).
 */
import { z } from "zod";
import { activityUnitIdSchema, getActivityUnit, massUnitIdSchema } from "../emission-factors/units";
import { segmentIdSchema } from "../segments";

const frenchText = z.string().regex(/\S/, "Texte vide");
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Identifiant : minuscules ASCII, chiffres et tirets");

export const offerDirections = ["lower-is-better", "higher-is-better"] as const;
export type OfferDirection = (typeof offerDirections)[number];

/** Suggested notation (issue 11 §1.3): `ratio` (proportional, DAJ « classique ») or `linear` (between best and worst). */
export const offerMethods = ["ratio", "linear"] as const;
export type OfferMethod = (typeof offerMethods)[number];

/**
 * Unit of an offer value. CO2e units reuse the mass and activity units the emission-factor importer understands
 * (questionnaires/emission-factors/units.ts), so a criterion value and a supplier's emission factors speak the
 * same units.
 */
export const offerUnitSchema = z.discriminatedUnion("kind", [
  /** Mass of CO2e, total (`per: null`, e.g. kgCO2e for the whole offer) or per activity unit (kgCO2e/utilisateur.mois). */
  z.strictObject({ kind: z.literal("co2e"), mass: massUnitIdSchema, per: activityUnitIdSchema.nullable() }),
  /** Energy in kWh, per year of use or in total. */
  z.strictObject({ kind: z.literal("energy"), per: z.enum(["year"]).nullable() }),
  /** Electric power in watts, optionally per item (« par port »). */
  z.strictObject({ kind: z.literal("power"), per: frenchText.nullable() }),
  z.strictObject({ kind: z.literal("duration"), unit: z.enum(["years", "months"]) }),
  z.strictObject({ kind: z.literal("percent") }),
  /** A published index on a scale of `max` (e.g. repairability index /10). */
  z.strictObject({ kind: z.literal("index"), max: z.number().positive() }),
  /** A count of things (« modèles »). */
  z.strictObject({ kind: z.literal("count"), of: frenchText }),
  /** A dimensionless ratio (PUE). */
  z.strictObject({ kind: z.literal("ratio") }),
  /** Water per energy (WUE, litres per kWh). */
  z.strictObject({ kind: z.literal("water-per-energy") }),
  z.strictObject({ kind: z.literal("distance") }),
]);
export type OfferUnit = z.output<typeof offerUnitSchema>;

/** French spelling of a unit, as shown next to a value (« kgCO2e/utilisateur.mois », « kWh/an », « années »). */
export function formatOfferUnit(unit: OfferUnit): string {
  switch (unit.kind) {
    case "co2e": {
      const mass = `${unit.mass}CO2e`;
      return unit.per === null ? mass : `${mass}/${getActivityUnit(unit.per)?.canonical ?? unit.per}`;
    }
    case "energy":
      return unit.per === "year" ? "kWh/an" : "kWh";
    case "power":
      return unit.per === null ? "W" : `W ${unit.per}`;
    case "duration":
      return unit.unit === "years" ? "années" : "mois";
    case "percent":
      return "%";
    case "index":
      return `/${String(unit.max).replace(".", ",")}`;
    case "count":
      return unit.of;
    case "ratio":
      return "sans unité";
    case "water-per-energy":
      return "L/kWh";
    case "distance":
      return "km";
  }
}

/** Units whose values can legitimately be 0: a `lower-is-better` ratio (min / v) would divide by zero. */
const UNITS_ALLOWING_ZERO = new Set<OfferUnit["kind"]>(["percent", "count", "duration", "index", "distance"]);

export const offerCriterionSchema = z
  .strictObject({
    /** Stable slug, stored in tender methods and supplier offer values. */
    id: slug,
    /** French label, as shown in the builder and the annex. */
    label: frenchText,
    /** What is measured and on which perimeter (French). */
    description: frenchText,
    unit: offerUnitSchema,
    direction: z.enum(offerDirections),
    /** An environmental characteristic of the offer (L2152-7); false for social or quality characteristics. */
    environmental: z.boolean(),
    suggestedMethod: z.enum(offerMethods),
    /** Segments where the criterion applies, or every segment. */
    segments: z.union([z.literal("all"), z.array(segmentIdSchema).min(1)]),
    /** What to ask the supplier as evidence (French). */
    evidence: z.array(frenchText).min(1),
    /** Advice to the buyer: comparability, perimeter, pitfalls (French). */
    guidance: frenchText,
    /** Where the idea comes from: the reference note and the public guide or text behind it. */
    source: z.strictObject({
      reference: z.string().regex(/^shared\/reference\/[a-z0-9-]+\.md §\S+/, "Référence attendue : « shared/reference/<fichier>.md §… »"),
      publicGuide: frenchText,
    }),
  })
  .superRefine((c, ctx) => {
    if (c.direction === "lower-is-better" && c.suggestedMethod === "ratio" && UNITS_ALLOWING_ZERO.has(c.unit.kind)) {
      ctx.addIssue({
        code: "custom",
        path: ["suggestedMethod"],
        message: `${c.id} : la méthode proportionnelle « plus bas = meilleur » exige des valeurs strictement positives ; une valeur de cette unité peut valoir 0 (proposer « linear »)`,
      });
    }
  });
export type OfferCriterion = z.output<typeof offerCriterionSchema>;
export type OfferCriterionInput = z.input<typeof offerCriterionSchema>;

export const offerCatalogueSchema = z.array(offerCriterionSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: [i, "id"], message: `Critère d'offre « ${c.id} » en double` });
    seen.add(c.id);
  });
});
