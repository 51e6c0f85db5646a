/**
 * Pieces shared by the per-segment clause files: source citations and the builder of the
 * « facteurs d'émission spécifiques » data requirement, which every segment carries in the
 * same form (only the covered items and units change).
 *
 * The CSV columns are those of the portal's emission-factor template
 * (../../../../shared/fixtures/emission-factors-example.csv and reference/emission-factors.md §4).
 */
import type { SegmentId } from "../../segments";
import type { ClauseInput, GuideCriterionId, PlaceholderDeclarationInput } from "../schema";

const DAE = "Guide pratique pour des achats numériques responsables (DAE/INR/MTE/DINUM, 2021)";

/** `source` strings, one wording per public text. */
export const SRC = {
  daeBureautique: `${DAE}, fiche « Matériels bureautiques »`,
  daeImpression: `${DAE}, fiche « Solutions d'impression »`,
  daeReseaux: `${DAE}, fiche « Réseaux et télécoms »`,
  daeInfra: `${DAE}, fiche « Infrastructures et cloud »`,
  daeP2I: `${DAE}, fiche « Prestations intellectuelles informatiques »`,
  daeFinDeVie: `${DAE}, chapitres « Fin de vie » et « Alternatives à l'achat du neuf »`,
  daeLabels: `${DAE}, chapitre « Les labels »`,
  daePonderation: `${DAE}, conseils de pondération du critère environnemental`,
  rgesn: "Référentiel général d'écoconception de services numériques (RGESN, Arcep/Arcom avec l'ADEME, 2024)",
  rgaa: "Référentiel général d'amélioration de l'accessibilité (RGAA)",
  bpAirReversibilite: "INR, Bonnes pratiques AIR, fiche V2 « Souveraineté et réversibilité »",
  bpAirAchats: "INR, Bonnes pratiques AIR, fiche I2 « Politique d'achats numériques responsables »",
  ghg: "GHG Protocol (Corporate Value Chain (Scope 3) Standard, Product Standard, Scope 2 Guidance)",
  ademe: "ADEME, Base Empreinte et documentation « Ratios monétaires » et « Achat de services »",
} as const;

/** Legal references used by several clauses. */
export const LAW = {
  labels: "Code de la commande publique, art. R2111-12 à R2111-17 (labels et preuves équivalentes)",
  climat: "Loi n° 2021-1104 du 22 août 2021 « Climat et Résilience », art. 35",
  agec58: "Loi AGEC n° 2020-105, art. 58 ; décret n° 2024-134 du 21 février 2024 (obligation de l'État, des collectivités territoriales et de leurs groupements)",
  reen15: "Loi n° 2021-1485 du 15 novembre 2021 (REEN), art. 15 (indice de réparabilité ou de durabilité dans les achats publics)",
  reen16: "Loi n° 2021-1485 du 15 novembre 2021 (REEN), art. 16 ; décret n° 2023-266 du 12 avril 2023 (réemploi des matériels informatiques réformés)",
  deee: "Code de l'environnement, art. R543-172 et suivants (DEEE)",
  vigilance: "Loi n° 2017-399 du 27 mars 2017 relative au devoir de vigilance",
  selection: "Code de la commande publique, art. R2142-1 et suivants ; arrêté du 22 mars 2019 fixant la liste des renseignements et documents pouvant être demandés aux candidats",
} as const;

const CSV_TEMPLATE =
  "au format du modèle CSV du portail (séparateur point-virgule, virgule décimale, une ligne par facteur, colonnes : libelle, segment, categorie_ghg, valeur, unite, incertitude_pct, methode, comptabilisation, annee_reference, verifie_par, source)";

const FRESHNESS_PLACEHOLDERS: PlaceholderDeclarationInput[] = [
  {
    name: "anciennete_max_donnees",
    type: "années",
    label: "Ancienneté maximale de l'année de référence des données (années)",
    default: "3",
    max: 10,
  },
  {
    name: "periodicite_mise_a_jour",
    type: "mois",
    label: "Périodicité minimale de mise à jour des facteurs (mois)",
    default: "12",
    max: 36,
  },
];

export interface EmissionFactorClauseOptions {
  readonly id: string;
  readonly segment: SegmentId;
  readonly title: string;
  /** Opening sentence(s): what the factors must cover. */
  readonly scope: string;
  /**
   * Units expected in the `unite` column, spelt as in the portal's template (`kgCO2e/unité`,
   * `kgCO2e/Go.mois`…); they must be units the portal's importer knows (checked by the tests
   * against questionnaires/emission-factors/units.ts).
   */
  readonly units: readonly string[];
  /** Segment-specific advice appended to the common guidance. */
  readonly guidance: string;
  readonly extraEvidence?: readonly string[];
  readonly guideCriteria: readonly GuideCriterionId[];
  readonly source: string;
  readonly legalBasis?: string;
}

/**
 * The data requirement « facteurs d'émission spécifiques au fournisseur » of a segment, asked with
 * the offer (annex to the response) and kept up to date during the contract.
 */
export function emissionFactorClause(o: EmissionFactorClauseOptions): ClauseInput {
  return {
    id: o.id,
    segment: o.segment,
    kind: "data-requirement",
    targetDocument: "annexe",
    title: o.title,
    text:
      `${o.scope} ` +
      `Chaque facteur est transmis ${CSV_TEMPLATE} ; la colonne segment porte la valeur « ${o.segment} » et la colonne unite l'une des unités suivantes : ${o.units.join(", ")}. ` +
      "Pour chaque facteur sont précisés : la catégorie du scope 3 du GHG Protocol concernée (par exemple 1 pour les biens et services achetés, 2 pour les biens immobilisés, 5 pour les déchets), la valeur et son unité, l'incertitude estimée en pourcentage, " +
      "la méthode de calcul (analyse du cycle de vie selon ISO 14040/14044, empreinte carbone de produit selon ISO 14067, GHG Protocol Product Standard, règles par catégorie de produits ou référentiel méthodologique de l'ADEME, ratio monétaire sectoriel ou propre au fournisseur, ou autre méthode équivalente décrite), " +
      "la base de comptabilisation de l'électricité (location-based ou market-based ; les deux valeurs sont données lorsqu'elles diffèrent), l'année de référence, le vérificateur tiers éventuel et la source. " +
      "L'année de référence ne peut être antérieure de plus de {{anciennete_max_donnees:années}} à l'année de remise de l'offre. " +
      "Le périmètre, les frontières du système, la durée de vie et les règles d'allocation retenues sont décrits dans une note jointe. " +
      "Lorsqu'aucun facteur spécifique n'existe, le candidat l'indique et nomme la donnée générique utilisée ; un ratio monétaire n'est admis qu'à défaut de donnée physique. " +
      "Pendant l'exécution, le titulaire met ces facteurs à jour au moins tous les {{periodicite_mise_a_jour:mois}} et à chaque changement significatif du produit ou du service.",
    placeholders: FRESHNESS_PLACEHOLDERS,
    guidance:
      "Ces facteurs alimentent le calcul du scope 3 de l'acheteur dans le portail : sans eux, les achats sont estimés avec des ratios monétaires génériques de l'ADEME, beaucoup plus incertains. " +
      "Exiger la donnée n'oblige pas à la noter ; si elle est notée, c'est au titre d'un critère d'attribution annoncé dans le RC. " +
      "Ne comparer entre eux que des facteurs de même méthode, de même périmètre et de même base (location-based ou market-based). " +
      o.guidance,
    evidence: [
      "Fichier CSV conforme au modèle du portail",
      "Note méthodologique (périmètre, frontières, durée de vie, allocation, données secondaires utilisées)",
      "Rapport d'ACV, déclaration environnementale ou bilan d'émissions d'où proviennent les valeurs",
      ...(o.extraEvidence ?? []),
    ],
    guideCriteria: [...o.guideCriteria],
    source: `${o.source} ; ${SRC.ghg} ; ${SRC.ademe}`,
    ...(o.legalBasis ? { legalBasis: o.legalBasis } : {}),
  };
}

/** The usual award-weight placeholder (percentage of the overall mark). */
export function weightPlaceholder(defaultPct: string): PlaceholderDeclarationInput {
  return {
    name: "ponderation",
    type: "pourcentage",
    label: "Pondération du critère dans la note globale (%)",
    default: defaultPct,
    min: 1,
    max: 60,
  };
}

/**
 * Guidance on the reuse-quota obligation (shared/reference/lawful-award-criteria.md §5): who it binds and why the
 * rate is left to the buyer (the rates of décret 2024-134 are not reproduced here; the buyer reads them in the
 * decree's annex for the category concerned).
 */
export const REUSE_QUOTA_GUIDANCE =
  "L'obligation d'acquérir une part de biens issus du réemploi ou de la réutilisation, ou intégrant des matières recyclées (loi AGEC, art. 58 ; décret n° 2024-134 du 21 février 2024, en vigueur depuis le 1er juillet 2024), vise l'État, les collectivités territoriales et leurs groupements, et non tous les acheteurs publics. " +
  "Le décret distingue la part issue du réemploi ou de la réutilisation et la part intégrant des matières recyclées, par catégorie de produits et avec des taux croissants jusqu'en 2030 ; la liste des produits de chaque catégorie est précisée par arrêté (arrêtés du 29 février 2024, à vérifier). " +
  "Le portail ne reproduit pas ces taux : l'acheteur saisit celui qui s'applique à la catégorie et à l'année concernées, après l'avoir lu dans l'annexe du décret.";

/** Guidance sentence common to environmental award criteria. */
export const WEIGHT_GUIDANCE =
  "Garder ce critère distinct de la valeur technique et lui donner au moins 10 % de la note : en deçà, il ne départage pas les offres (guide DAE). " +
  "La loi Climat et Résilience impose au moins un critère d'attribution prenant en compte les caractéristiques environnementales de l'offre. " +
  "La pondération et celle des sous-critères sont publiées dans le RC. ";
