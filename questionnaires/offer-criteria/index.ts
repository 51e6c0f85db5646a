/**
 * Offer-criteria catalogue: measurable characteristics of an offer (footprint, energy, durability, reuse…) that a
 * buyer can score with a share of the mark, per purchasing segment. Validated and frozen when this module loads.
 *
 * Used by the tender builder (issue 11 §2: « Offer criteria come from a catalogue per purchasing segment, … plus
 * custom ones ») and, through `scoringDefaults`, by the scoring input (`offerCriteria[]`, issue 11 §1).
 */
import { z } from "zod";
import { type SegmentId } from "../segments";
import { offerCriteriaData } from "./data";
import { formatOfferUnit, offerCatalogueSchema, type OfferCriterion, type OfferDirection, type OfferMethod } from "./schema";

export * from "./schema";

function loadCatalogue(): readonly OfferCriterion[] {
  const result = offerCatalogueSchema.safeParse(offerCriteriaData);
  if (!result.success) throw new Error(`Catalogue des critères d'offre invalide :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data.map((c) => Object.freeze(c)));
}

/** Every offer criterion, in catalogue order (universal ones first). */
export const offerCriteria: readonly OfferCriterion[] = loadCatalogue();

const byId = new Map(offerCriteria.map((c) => [c.id, c]));

/** The criterion with this id, or `undefined`. */
export function getOfferCriterion(id: string): OfferCriterion | undefined {
  return byId.get(id);
}

/** Criteria offered for a segment: those of the segment and the universal ones (`segments: "all"`), in catalogue order. */
export function offerCriteriaFor(segmentId: SegmentId | string): OfferCriterion[] {
  return offerCriteria.filter((c) => c.segments === "all" || (c.segments as readonly string[]).includes(segmentId));
}

/** The catalogue's universal carbon-footprint criterion, usable in every segment. */
export const OFFER_FOOTPRINT_CRITERION_ID = "empreinte-offre";

/** Label with its unit, as shown in forms and the annex: « Empreinte carbone de l'offre (kgCO2e) ». */
export function offerCriterionLabel(criterion: OfferCriterion): string {
  return `${criterion.label} (${formatOfferUnit(criterion.unit)})`;
}

/** The fields the scoring input needs for one offer criterion (issue 11 §1: id, direction, method, environmental). */
export function scoringDefaults(criterion: OfferCriterion): {
  id: string;
  direction: OfferDirection;
  method: OfferMethod;
  environmental: boolean;
} {
  return { id: criterion.id, direction: criterion.direction, method: criterion.suggestedMethod, environmental: criterion.environmental };
}
