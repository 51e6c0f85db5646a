/**
 * The three figures of a supplier's emissions for one buying organisation and year, side by side,
 * and which one the scope 3 inventory uses (issue 18 §3). Pure.
 *
 * 1. **spend × monetary ratio** (`spend-ratio`): Σ of the monetary estimates of the supplier's
 *    activity lines (spend-based method, the least specific);
 * 2. **Σ activity × supplier factors** (`activity-factors`): Σ of the lines estimated with the
 *    supplier's own factors — complete only when EVERY line of the supplier and year was (else it
 *    covers part of the purchases and cannot stand for the whole); verified when every factor used
 *    names a verifier (GHG Protocol "supplier-specific" method, the most specific);
 * 3. **allocated emissions** (`allocated`): what the supplier allocates to this customer (scopes 1+2
 *    and scope 3 upstream, hybrid method) — complete only with the upstream part (scopes 1+2 alone
 *    leave out the supplier's purchases); verified when a limited or reasonable verification is declared.
 *
 * Rule (`inventoryFigure`), from the GHG Protocol hierarchy for categories 1 and 2
 * (shared/reference/emission-factors.md §2.2: supplier-specific > hybrid > average > spend-based):
 * **the most specific verified figure first** — activity × supplier factors, then allocated
 * emissions, each only when complete and verified; failing that, the most specific complete figure
 * even unverified (said so); failing that, spend × monetary ratio; else nothing.
 */
export type FigureKind = "activity-factors" | "allocated" | "spend-ratio";

export interface SupplierFigures {
  supplierOrganisationId: number;
  supplierName: string;
  year: number;
  spendRatioKg: number | null;
  activityFactorsKg: number | null;
  /** Every activity line of the supplier and year was estimated with its own factors. */
  activityComplete: boolean;
  /** Every supplier factor used names a verifier. */
  activityVerified: boolean;
  allocatedKg: number | null;
  /** The declaration includes scope 3 upstream. */
  allocatedComplete: boolean;
  allocatedVerified: boolean;
}

export interface InventoryChoice {
  kind: FigureKind | null;
  kg: number | null;
  /** French explanation of the choice. */
  reason: string;
}

export const figureLabels: Record<FigureKind, string> = {
  "activity-factors": "activité × facteurs du fournisseur",
  allocated: "émissions allouées par le fournisseur",
  "spend-ratio": "dépense × ratio monétaire",
};

export function inventoryFigure(f: SupplierFigures): InventoryChoice {
  const specific: { kind: FigureKind; kg: number | null; complete: boolean; verified: boolean }[] = [
    { kind: "activity-factors", kg: f.activityFactorsKg, complete: f.activityComplete, verified: f.activityVerified },
    { kind: "allocated", kg: f.allocatedKg, complete: f.allocatedComplete, verified: f.allocatedVerified },
  ];
  const usable = specific.filter((c) => c.kg !== null && c.complete);
  const verified = usable.find((c) => c.verified);
  if (verified) return { kind: verified.kind, kg: verified.kg, reason: `${figureLabels[verified.kind]} : le chiffre vérifié le plus spécifique` };
  const first = usable[0];
  if (first) return { kind: first.kind, kg: first.kg, reason: `${figureLabels[first.kind]} : le chiffre le plus spécifique, non vérifié` };
  if (f.spendRatioKg !== null) {
    const why: string[] = [];
    if (f.activityFactorsKg !== null && !f.activityComplete) why.push("facteurs du fournisseur pour une partie des achats seulement");
    if (f.allocatedKg !== null && !f.allocatedComplete) why.push("émissions allouées sans le scope 3 amont");
    return { kind: "spend-ratio", kg: f.spendRatioKg, reason: `${figureLabels["spend-ratio"]} : aucun chiffre spécifique complet${why.length ? ` (${why.join(" ; ")})` : ""}` };
  }
  return { kind: null, kg: null, reason: "aucun chiffre disponible" };
}
