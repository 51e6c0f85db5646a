/**
 * Offer values as typed in a form (issue 11 §2): « 48 200 », « 3,5 », or empty (not given). Browser-safe, shared by
 * the supplier's response and the evaluator's review. Values are in the criterion's unit and never negative
 * (scoring/README.md §5).
 */
export const OFFER_FILE_PREFIX = "offre:";

/** The `answer_files.questionId` under which the evidence of an offer value is stored. */
export function offerFileKey(criterionId: string): string {
  return `${OFFER_FILE_PREFIX}${criterionId}`;
}

export type ParsedOfferValue = { ok: true; value: number | null } | { ok: false; message: string };

export function parseOfferValue(raw: string | undefined | null): ParsedOfferValue {
  const text = (raw ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (text === "") return { ok: true, value: null };
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, message: "Nombre positif attendu (par exemple 48 200 ou 3,5), dans l'unité indiquée." };
  const value = Number(text);
  if (!Number.isFinite(value) || value > 1e15) return { ok: false, message: "Nombre trop grand." };
  return { ok: true, value };
}

/** A value as shown in a form field: « 48200 » → « 48200 », 3.5 → « 3,5 », null → "". */
export function offerValueText(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value).replace(".", ",");
}
