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
