import type { ProcurementRegime } from "#db/schema";

/** French labels of the procurement regimes (issue 11 §2), shown on the admin page and on every tender. Browser-safe. */
export const regimeLabels: Record<ProcurementRegime, string> = {
  public: "acheteur public (code de la commande publique)",
  private: "acheteur privé",
};

/** The public page explaining the award rules (app/routes/regles.criteres-attribution.tsx). */
export const RULES_PAGE = "/regles/criteres-attribution";
