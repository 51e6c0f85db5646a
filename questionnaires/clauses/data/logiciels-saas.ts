/**
 * Clauses — segment « Logiciels et SaaS ». The DAE 2021 guide left its « Logiciels » fiche empty;
 * these clauses rest on the RGESN 2024, the RGAA and INR material. Our own wording.
 */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

const ACCESSIBILITY_LAW = "Loi n° 2005-102 du 11 février 2005, art. 47 ; décret n° 2019-768 du 24 juillet 2019";
const DATA_ACT = "Règlement (UE) 2023/2854 (règlement sur les données), chapitre VI (changement de service de traitement de données)";

export const logicielsSaasClauses: ClauseInput[] = [
  {
    id: "log-sel-competences-ecoconception",
    segment: "logiciels-saas",
    kind: "selection",
    targetDocument: "RC",
    title: "Compétences en écoconception et en accessibilité de l'éditeur",
    text:
      "Le candidat décrit les compétences et méthodes dont il dispose en écoconception de services numériques et en accessibilité numérique : formations suivies par les équipes produit et développement au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures, " +
      "référentiels appliqués (RGESN, RGAA ou équivalents), outils de mesure utilisés, et déclarations d'écoconception ou d'accessibilité publiées pour ses produits.",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "Permet d'apprécier la capacité de l'éditeur à faire évoluer le produit de façon sobre et accessible pendant le marché. Ne pas exiger une certification unique de formation.",
    evidence: [
      "Liste des formations suivies (thème, durée, effectifs)",
      "Déclarations d'écoconception et d'accessibilité publiées",
    ],
    guideCriteria: ["formation", "services-numeriques"],
    source: `${SRC.rgesn} ; ${SRC.daeP2I}`,
    legalBasis: LAW.selection,
  },
  {
    id: "log-spec-rgesn",
    segment: "logiciels-saas",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Écoconception du service selon le RGESN",
    text:
      "Le service ou logiciel fourni fait l'objet d'une déclaration d'écoconception établie selon le référentiel général d'écoconception de services numériques (RGESN) ou un référentiel équivalent, indiquant pour chaque critère applicable s'il est satisfait, et d'un plan d'amélioration daté pour les critères non satisfaits. " +
      "Il reste utilisable sur des terminaux âgés d'au moins {{anciennete_terminaux:années}} et avec une connexion de {{debit_minimal_kbps:nombre}} kbit/s, sans dégradation des fonctions essentielles. " +
      "Les mises à jour correctives sont dissociables des mises à jour évolutives, et aucune fonction ni ressource n'est chargée sans besoin de l'utilisateur.",
    placeholders: [
      {
        name: "anciennete_terminaux",
        type: "années",
        label: "Ancienneté des terminaux à prendre en charge (années)",
        default: "7",
        min: 3,
        max: 15,
      },
      {
        name: "debit_minimal_kbps",
        type: "nombre",
        label: "Débit de connexion minimal à prendre en charge (kbit/s)",
        default: "512",
        min: 64,
        max: 100000,
      },
    ],
    guidance:
      "Le RGESN (2024) compte 78 critères en 9 thématiques ; il n'est pas d'application obligatoire mais fournit un cadre de preuve commun. La compatibilité avec des terminaux anciens est le levier le plus direct contre le renouvellement prématuré des équipements.",
    evidence: [
      "Déclaration d'écoconception selon le RGESN ou équivalent",
      "Plan d'amélioration daté",
      "Liste des navigateurs, systèmes et terminaux pris en charge",
      "Résultats de tests sur terminal ancien et à bas débit",
    ],
    guideCriteria: ["services-numeriques"],
    source: SRC.rgesn,
    legalBasis: "Loi AGEC n° 2020-105, art. 55 (logiciels conçus pour limiter la consommation d'énergie)",
  },
  {
    id: "log-spec-rgaa",
    segment: "logiciels-saas",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Accessibilité numérique selon le RGAA",
    text:
      "Les interfaces du service destinées aux agents ou au public respectent le référentiel général d'amélioration de l'accessibilité (RGAA) dans sa version en vigueur, avec un taux de conformité minimal de {{taux_conformite_rgaa:pourcentage}}, mesuré par un audit réalisé par un tiers indépendant. " +
      "Le titulaire fournit la déclaration d'accessibilité et, si des critères restent non conformes, un plan de mise en conformité dont les échéances n'excèdent pas {{delai_mise_en_conformite:mois}}. " +
      "Les nouvelles versions ne doivent pas diminuer le taux de conformité.",
    placeholders: [
      {
        name: "taux_conformite_rgaa",
        type: "pourcentage",
        label: "Taux minimal de conformité au RGAA (%)",
        default: "100",
        min: 50,
      },
      {
        name: "delai_mise_en_conformite",
        type: "mois",
        label: "Délai maximal de mise en conformité (mois)",
        default: "12",
        max: 36,
      },
    ],
    guidance:
      "L'obligation d'accessibilité pèse sur l'organisme public qui met le service en ligne : l'exiger du fournisseur est la seule façon de la respecter. Un taux inférieur à 100 % n'est acceptable qu'avec un plan de mise en conformité daté.",
    evidence: ["Rapport d'audit RGAA réalisé par un tiers indépendant", "Déclaration d'accessibilité", "Plan de mise en conformité"],
    guideCriteria: ["services-numeriques", "impacts-societaux"],
    source: `${SRC.rgaa} ; ${SRC.daeP2I}`,
    legalBasis: ACCESSIBILITY_LAW,
  },
  {
    id: "log-spec-reversibilite",
    segment: "logiciels-saas",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Réversibilité et portabilité des données du service",
    text:
      "L'acheteur peut exporter à tout moment, sans intervention du titulaire, la totalité de ses données et métadonnées (documents, paramètres, droits, historiques) dans des formats ouverts et documentés, au moyen d'une interface de programmation ou d'un export complet. " +
      "En fin de marché, le titulaire restitue les données dans un délai de {{delai_restitution_jours:nombre}} jours, assiste la migration pendant {{duree_assistance:mois}}, puis efface les données de tous ses supports, sauvegardes comprises, et remet un certificat d'effacement. " +
      "Aucuns frais de sortie autres que ceux annoncés dans l'offre ne sont facturés.",
    placeholders: [
      {
        name: "delai_restitution_jours",
        type: "nombre",
        label: "Délai de restitution des données en fin de marché (jours)",
        default: "30",
        min: 1,
        max: 180,
      },
      { name: "duree_assistance", type: "mois", label: "Durée de l'assistance à la migration (mois)", default: "3", max: 24 },
    ],
    guidance:
      "Condition de la liberté de changer pour un service plus sobre ou plus souverain. Prévoir un exercice d'export au moins annuel ; le règlement européen sur les données encadre le changement de fournisseur.",
    evidence: ["Documentation des formats et de l'interface d'export", "Plan de réversibilité", "Certificat d'effacement"],
    guideCriteria: ["infra-externes", "services-numeriques", "gouvernance"],
    source: SRC.bpAirReversibilite,
    legalBasis: DATA_ACT,
  },
  {
    id: "log-crit-sobriete-accessibilite",
    segment: "logiciels-saas",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Sobriété et accessibilité du service",
    text:
      "Le critère « sobriété et accessibilité du service », pondéré à {{ponderation:pourcentage}} de la note globale, apprécie : la part des critères applicables du RGESN satisfaits, justifiée par la déclaration d'écoconception ; " +
      "les ressources consommées sur des parcours utilisateurs de référence définis dans le RC (données transférées, requêtes, temps de calcul), mesurées selon une méthode documentée et reproductible ; " +
      "le taux de conformité au RGAA établi par audit indépendant ; l'ancienneté des terminaux et la faiblesse du débit pris en charge au-delà du minimum.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Définir les parcours de référence dans le RC et, si possible, mesurer soi-même pendant une phase de test pour éviter les valeurs déclaratives invérifiables.",
    evidence: [
      "Déclaration d'écoconception",
      "Rapport de mesure des parcours de référence et sa méthode",
      "Rapport d'audit RGAA",
    ],
    guideCriteria: ["services-numeriques", "mesure"],
    source: `${SRC.rgesn} ; ${SRC.rgaa} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "log-exec-mises-a-jour",
    segment: "logiciels-saas",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Maintien des versions et des terminaux pris en charge",
    text:
      "Pendant toute la durée du marché, le titulaire fournit les correctifs de sécurité de la version utilisée pendant au moins {{duree_maintenance_version:années}} après sa sortie. " +
      "Une mise à jour ne peut pas retirer la prise en charge d'un terminal, d'un système ou d'un navigateur figurant dans la liste contractuelle sans l'accord écrit de l'acheteur, ni augmenter de plus de {{hausse_ressources_max:pourcentage}} les ressources consommées sur les parcours de référence. " +
      "Le non-respect de cette obligation, constaté par l'acheteur, entraîne le maintien à la charge du titulaire de la version précédente jusqu'à correction.",
    placeholders: [
      {
        name: "duree_maintenance_version",
        type: "années",
        label: "Durée de fourniture des correctifs de sécurité d'une version (années)",
        default: "3",
        max: 10,
      },
      {
        name: "hausse_ressources_max",
        type: "pourcentage",
        label: "Hausse maximale admise des ressources consommées par mise à jour (%)",
        default: "10",
      },
    ],
    guidance:
      "Vise l'obsolescence logicielle qui impose un renouvellement de matériel. La liste contractuelle des terminaux et navigateurs pris en charge figure au CCTP. Les règles de la loi AGEC sur les mises à jour visent la vente aux consommateurs : dans un marché, la clause crée l'engagement.",
    evidence: ["Notes de version", "Liste des terminaux pris en charge", "Mesures des parcours de référence à chaque version majeure"],
    guideCriteria: ["services-numeriques", "utilisation-achats"],
    source: SRC.rgesn,
  },
  {
    id: "log-exec-reporting-progres",
    segment: "logiciels-saas",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Rapport annuel d'écoconception et clause de progrès",
    text:
      "Chaque année, le titulaire met à jour la déclaration d'écoconception et la déclaration d'accessibilité du service, présente l'avancement de son plan d'amélioration et communique l'empreinte du service pour l'acheteur (kgCO2e par utilisateur et par mois, avec sa méthode). " +
      "Il propose au moins {{nombre_mesures_progres:nombre}} mesures de sobriété par an (suppression de fonctions peu utilisées, réduction des données conservées, optimisation de l'hébergement) et en rend compte.",
    placeholders: [
      {
        name: "nombre_mesures_progres",
        type: "nombre",
        label: "Nombre minimal de mesures de sobriété proposées par an",
        default: "3",
        min: 1,
        max: 20,
      },
    ],
    guidance:
      "Le RGESN invite aussi le service à demander à ses propres fournisseurs (hébergeur notamment) des engagements de réduction : la clause peut le rappeler.",
    evidence: ["Déclarations mises à jour", "Rapport annuel de progrès"],
    guideCriteria: ["services-numeriques", "mesure"],
    source: SRC.rgesn,
  },
  emissionFactorClause({
    id: "log-data-facteurs-emission",
    segment: "logiciels-saas",
    title: "Facteurs d'émission spécifiques du service ou du logiciel",
    scope:
      "Le candidat fournit, pour chaque offre du bordereau, un facteur en kgCO2e par utilisateur et par mois (ou par utilisateur et par an pour une licence annuelle), hébergement, réseau et fabrication des équipements du centre de données compris, " +
      "et, à défaut de donnée physique, l'intensité carbone de l'éditeur en kgCO2e par k€ HT facturé (scopes 1 et 2 et émissions amont du scope 3, divisés par le chiffre d'affaires), déclarée comme ratio monétaire propre au fournisseur.",
    units: ["kgCO2e/utilisateur.mois", "kgCO2e/utilisateur.an", "kgCO2e/k€"],
    guidance:
      "Les estimations pour un même service en ligne varient de plus d'un facteur 40 selon la méthode : exiger la méthode et le périmètre (terminal de l'utilisateur inclus ou non). L'intensité par k€ ne doit pas inclure les émissions aval, pour éviter les doubles comptes.",
    guideCriteria: ["mesure", "services-numeriques"],
    source: `${SRC.rgesn} ; ${SRC.bpAirAchats}`,
  }),
];
