/**
 * Columns of the emission-factor file (the contract with suppliers): canonical English names, the
 * French alias accepted for each, and how a header cell is recognised (case, accents, surrounding
 * spaces ignored; inner spaces and dashes read as `_`).
 */

export const factorColumns = [
  "item",
  "segment",
  "ghg_category",
  "value",
  "unit",
  "uncertainty_pct",
  "method",
  "accounting",
  "reference_year",
  "verified_by",
  "source",
] as const;
export type FactorColumn = (typeof factorColumns)[number];

export interface FactorColumnSpec {
  readonly name: FactorColumn;
  readonly french: string;
  readonly required: boolean;
  /** French description, for the template page and error messages. */
  readonly description: string;
}

export const factorColumnSpecs: readonly FactorColumnSpec[] = Object.freeze([
  { name: "item", french: "libelle", required: true, description: "produit ou service auquel le facteur s'applique" },
  { name: "segment", french: "segment", required: true, description: "segment d'achat (identifiant) ou texte libre" },
  { name: "ghg_category", french: "categorie_ghg", required: false, description: "catégorie du scope 3 du GHG Protocol, de 1 à 15" },
  { name: "value", french: "valeur", required: true, description: "valeur du facteur, nombre positif ou nul" },
  { name: "unit", french: "unite", required: true, description: "unité, de la forme <masse>CO2e/<unité d'activité>, ex. kgCO2e/kWh" },
  { name: "uncertainty_pct", french: "incertitude_pct", required: false, description: "incertitude en %, de 0 à 100" },
  { name: "method", french: "methode", required: true, description: "méthode de calcul" },
  { name: "accounting", french: "comptabilisation", required: false, description: "location-based ou market-based" },
  { name: "reference_year", french: "annee_reference", required: true, description: "année de référence des données" },
  { name: "verified_by", french: "verifie_par", required: false, description: "tiers vérificateur" },
  { name: "source", french: "source", required: false, description: "adresse web ou référence du document source" },
]);

/** Header comparison key: accents and case removed, trimmed, inner spaces and dashes as `_`. */
export function normaliseHeaderName(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0\u202f-]+/g, "_");
}

const columnByKey = new Map<string, FactorColumn>(
  factorColumnSpecs.flatMap((c) => [
    [c.name, c.name],
    [c.french, c.name],
  ]),
);

/** The canonical column a header cell names, or `null` for an unknown column. */
export function matchHeader(header: string): FactorColumn | null {
  return columnByKey.get(normaliseHeaderName(header)) ?? null;
}
