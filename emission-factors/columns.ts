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
  // Optional product-footprint data, mandatory only for a WBCSD PACT export (issue 18; see pact-spec.ts).
  "product_mass_kg",
  "cpc_code",
  "fossil_value",
  "value_incl_biogenic",
  "fossil_carbon_kgc",
  "biogenic_carbon_kgc",
  "boundary",
  "boundary_description",
  "exempted_pct",
  "packaging_included",
  "ipcc_ar",
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
  // Product-footprint data: optional here, mandatory for a PACT export (the export lists what is missing).
  { name: "product_mass_kg", french: "masse_produit_kg", required: false, description: "PACT : masse du produit (kg, hors emballage) par unité d'activité ; 0 pour l'énergie et les services" },
  { name: "cpc_code", french: "code_cpc", required: false, description: "PACT : code de la classification centrale des produits des Nations unies (CPC), ex. 4527" },
  { name: "fossil_value", french: "valeur_fossile", required: false, description: "PACT : part des émissions d'origine fossile, dans l'unité de la colonne valeur" },
  { name: "value_incl_biogenic", french: "valeur_avec_biogenique", required: false, description: "PACT : empreinte y compris l'absorption de CO2 biogénique, dans l'unité de la colonne valeur (égale à la valeur s'il n'y a aucune matière biosourcée)" },
  { name: "fossil_carbon_kgc", french: "carbone_fossile_kgc", required: false, description: "PACT : carbone fossile contenu dans le produit (kg de carbone par unité d'activité)" },
  { name: "biogenic_carbon_kgc", french: "carbone_biogenique_kgc", required: false, description: "PACT : carbone biogénique contenu dans le produit (kg de carbone par unité d'activité)" },
  { name: "boundary", french: "perimetre", required: false, description: "PACT : périmètre du cycle de vie, berceau-porte (cradle-to-gate), berceau-tombe (cradle-to-grave) ou porte-porte (gate-to-gate)" },
  { name: "boundary_description", french: "description_perimetre", required: false, description: "PACT : processus inclus dans le périmètre (fabrication, transport amont…)" },
  { name: "exempted_pct", french: "exclusions_pct", required: false, description: "PACT : part des émissions exclues du calcul, en % (0 si aucune)" },
  { name: "packaging_included", french: "emballage_inclus", required: false, description: "PACT : émissions de l'emballage incluses, oui ou non" },
  { name: "ipcc_ar", french: "rapport_giec", required: false, description: "PACT : rapport du GIEC des pouvoirs de réchauffement utilisés, AR5 ou AR6" },
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
