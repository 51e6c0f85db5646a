/**
 * The supplier's values for the tender's offer criteria (issue 11 §2: « suppliers enter each offer criterion's value
 * in their response (unit shown, evidence attachable like answers) »). Drafts live in `response_offer_values`; the
 * submission copies them with their evidence files (`submissions.content.offerValues`).
 */
import { eq } from "drizzle-orm";
import { responseOfferValues } from "#db/schema";
import type { CurrentUser } from "~/auth/session.server";
import { type Tx, transaction } from "~/lib/db.server";
import { parseOfferValue } from "~/lib/offer-value";
import type { SupplierTender } from "./access.server";
import { requireEditable } from "./questionnaire.server";

export type OfferValueView = {
  id: string;
  label: string;
  unit: string;
  direction: "lower-is-better" | "higher-is-better";
  environmental: boolean;
  share: number;
  value: number | null;
};

/** Draft offer values of a response (criterion id → value), for the tender's criteria only. */
export async function draftOfferValues(tx: Tx, t: SupplierTender, responseId: number): Promise<Map<string, number | null>> {
  const rows = await tx.select().from(responseOfferValues).where(eq(responseOfferValues.responseId, responseId));
  const known = new Set(t.method.offerCriteria.map((c) => c.id));
  return new Map(rows.filter((r) => known.has(r.criterionId)).map((r) => [r.criterionId, r.value]));
}

export function offerValueViews(t: SupplierTender, values: Map<string, number | null>): OfferValueView[] {
  return t.method.offerCriteria.map((c) => ({
    id: c.id,
    label: c.label,
    unit: c.unit,
    direction: c.direction,
    environmental: c.environmental,
    share: c.share,
    value: values.get(c.id) ?? null,
  }));
}

export type SaveOfferValuesResult = { ok: true; saved: number } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Saves the offer values posted for the acting supplier's draft (before the deadline, not submitted). Every value is
 * checked first; nothing is written when one is invalid (French message per criterion). Unknown ids are ignored.
 */
export async function saveOfferValues({ user, tenderId, values }: { user: CurrentUser; tenderId: number; values: Record<string, string> }): Promise<SaveOfferValuesResult> {
  return await transaction(async (tx) => {
      const { t, response } = await requireEditable(tx, user, tenderId);
      const fieldErrors: Record<string, string> = {};
      const planned: { criterionId: string; value: number | null }[] = [];
      for (const c of t.method.offerCriteria) {
        if (!Object.hasOwn(values, c.id)) continue;
        const parsed = parseOfferValue(values[c.id]);
        if (!parsed.ok) fieldErrors[c.id] = `${c.label} : ${parsed.message}`;
        else if (parsed.value === 0 && c.direction === "lower-is-better" && c.method === "ratio")
          fieldErrors[c.id] = `${c.label} : la valeur doit être strictement positive (notation proportionnelle, plus bas est meilleur).`;
        else planned.push({ criterionId: c.id, value: parsed.value });
      }
      if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };
      const at = new Date().toISOString();
      for (const p of planned) {
        await tx.insert(responseOfferValues)
                  .values({ responseId: response.id, criterionId: p.criterionId, value: p.value, updatedBy: user.id, updatedAt: at })
                  .onConflictDoUpdate({ target: [responseOfferValues.responseId, responseOfferValues.criterionId], set: { value: p.value, updatedBy: user.id, updatedAt: at } });
      }
      return { ok: true as const, saved: planned.length };
    });
}
