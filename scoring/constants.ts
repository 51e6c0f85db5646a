/** Totals closer than this are equal for ranking and for winner stability (scores live on 0–100). */
export const TIE_TOLERANCE = 1e-9;

/** Shares may come from float arithmetic in a form; their sum must be 100 within this. */
export const SHARE_SUM_TOLERANCE = 1e-9;

/** Project decision (SNCF practice, see public-procurement-weighting.md §4): the RSE share is capped. */
export const MAX_RSE_SHARE = 30;

/** ADEME/ANCT maturity scale: 1 Inexistant · 2 Émergent · 3 Intermédiaire · 4 Avancé · 5 Maximum. */
export const MIN_LEVEL = 1;
export const MAX_LEVEL = 5;

export const PRICE_METHODS = ["lowest-ratio", "linear"] as const;
export type PriceMethod = (typeof PRICE_METHODS)[number];

export const NOT_APPLICABLE = "na";

// ---------------------------------------------------------------------------------------------
// Lawful award (issue 11; shared/reference/lawful-award-criteria.md)

/** `public`: a buyer subject to the Code de la commande publique; `private`: free of its award rules. */
export const REGIMES = ["public", "private"] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * Code de la commande publique L2152-7 (loi Climat et Résilience art. 35), in force for consultations
 * launched on or after this date (décret n° 2022-767): at least one award criterion on the
 * environmental characteristics of the offer. lawful-award-criteria.md §1.
 */
export const ENVIRONMENTAL_CRITERION_REQUIRED_FROM = "2026-08-21";

/**
 * DAE/INR/DINUM digital purchasing guide (2021): the environmental criterion weighs at least 10 % of
 * the mark, separate from technical value; below that it does not discriminate between offers.
 * lawful-award-criteria.md §4. A warning, not a rule of law.
 */
export const MIN_ENVIRONMENTAL_SHARE = 10;

/**
 * `contract`: the question asks about the means applied to this contract; `organisation`: about the
 * company's general policy, which a public buyer may not score (CE 25 May 2018, Nantes Métropole,
 * n° 417580; lawful-award-criteria.md §2). A question without scope is an organisation question.
 */
export const QUESTION_SCOPES = ["contract", "organisation"] as const;
export type QuestionScope = (typeof QUESTION_SCOPES)[number];

export const OFFER_DIRECTIONS = ["lower-is-better", "higher-is-better"] as const;
export type OfferDirection = (typeof OFFER_DIRECTIONS)[number];

/** `ratio` (proportional, like the DAJ price method) or `linear` (best = 100, worst = 0). */
export const OFFER_METHODS = ["ratio", "linear"] as const;
export type OfferMethod = (typeof OFFER_METHODS)[number];
