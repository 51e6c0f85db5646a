/** Clauses — segment « Hébergement et cloud » (colocation, hébergement géré, IaaS, PaaS). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

const EU_DC_REPORTING =
  "Directive (UE) 2023/1791 relative à l'efficacité énergétique, art. 12 ; règlement délégué (UE) 2024/1364 (système d'évaluation des centres de données)";
const DATA_ACT = "Règlement (UE) 2023/2854 (règlement sur les données), chapitre VI (changement de service de traitement de données)";

export const hebergementCloudClauses: ClauseInput[] = [
  {
    id: "heb-sel-centres-donnees",
    segment: "hebergement-cloud",
    kind: "selection",
    targetDocument: "RC",
    title: "Centres de données utilisés et démarche énergétique du candidat",
    text:
      "Le candidat présente les centres de données qu'il prévoit d'utiliser pour le marché, y compris ceux de ses sous-traitants : localisation, exploitant, année de mise en service, niveau de redondance, mode de refroidissement. " +
      "Il décrit sa démarche de management de l'énergie et de l'environnement : certification de type ISO 50001 ou ISO 14001 ou équivalente, adhésion au code de conduite européen sur l'efficacité énergétique des centres de données ou démarche équivalente, évaluation par un tiers.",
    placeholders: [],
    guidance:
      "Aucune certification ne peut être exigée seule : toute preuve de mesures équivalentes doit être acceptée. La connaissance des centres réellement utilisés conditionne tous les autres indicateurs (PUE, WUE, électricité).",
    evidence: [
      "Liste des centres de données avec leurs caractéristiques",
      "Certificats ISO 50001 ou ISO 14001 ou équivalents, avec leur périmètre",
      "Attestation d'adhésion au code de conduite européen ou preuve équivalente",
    ],
    guideCriteria: ["infra-externes", "gouvernance"],
    source: `${SRC.daeInfra} ; ${SRC.rgesn}, critères de la thématique « Hébergement »`,
    legalBasis: LAW.selection,
  },
  {
    id: "heb-spec-indicateurs-centres",
    segment: "hebergement-cloud",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Indicateurs énergétiques et hydriques de chaque centre de données",
    text:
      "Chaque centre de données hébergeant le service présente une efficacité énergétique (PUE) annuelle mesurée inférieure ou égale à {{pue_max:nombre}}, calculée selon la norme ISO/IEC 30134-2 ou une méthode équivalente, sur douze mois glissants. " +
      "Le titulaire publie ou communique pour chaque centre le PUE, l'efficacité d'usage de l'eau (WUE, en litres par kWh), la part d'électricité d'origine renouvelable et la part de chaleur réutilisée, avec leur méthode et leur fréquence de mesure. " +
      "Au moins {{part_electricite_renouvelable:pourcentage}} de l'électricité consommée pour le service est couverte par des garanties d'origine ou des contrats d'achat directs d'électricité renouvelable.",
    placeholders: [
      {
        name: "pue_max",
        type: "nombre",
        label: "PUE annuel maximal admis",
        default: "1,5",
        min: 1,
        max: 3,
      },
      {
        name: "part_electricite_renouvelable",
        type: "pourcentage",
        label: "Part minimale d'électricité renouvelable (%)",
        default: "50",
      },
    ],
    guidance:
      "Fixer le seuil de PUE après sourcing : il dépend de l'âge et du type de centre ; un seuil trop bas restreint fortement la concurrence. " +
      "Les centres de données d'au moins 500 kW déclarent déjà leurs indicateurs dans la base européenne : demander les mêmes valeurs. Une part d'électricité renouvelable couverte par garanties d'origine relève de la comptabilité market-based.",
    evidence: [
      "Relevés de PUE et de WUE sur douze mois et méthode de mesure",
      "Garanties d'origine ou contrats d'achat d'électricité",
      "Déclaration à la base européenne des centres de données, le cas échéant",
    ],
    guideCriteria: ["infra-externes", "mesure"],
    source: `${SRC.daeInfra} ; ${SRC.rgesn}, critères de la thématique « Hébergement »`,
    legalBasis: EU_DC_REPORTING,
  },
  {
    id: "heb-spec-reversibilite",
    segment: "hebergement-cloud",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Réversibilité et portabilité des données et des environnements",
    text:
      "Le titulaire remet, au plus tard {{delai_plan_reversibilite:mois}} après la notification du marché, un plan de réversibilité décrivant les données, configurations et images exportables, leurs formats ouverts et documentés, les interfaces d'export et le calendrier de transfert. " +
      "Un exercice d'export complet est réalisé au moins une fois par an avec l'acheteur. " +
      "En fin de marché, toutes les données sont restituées dans un délai de {{delai_restitution_jours:nombre}} jours, sans frais autres que les coûts directs annoncés dans l'offre, avec une assistance au nouveau prestataire pendant {{duree_assistance:mois}} ; " +
      "elles sont ensuite effacées de tous les supports, sauvegardes comprises, et un certificat d'effacement est remis.",
    placeholders: [
      { name: "delai_plan_reversibilite", type: "mois", label: "Délai de remise du plan de réversibilité (mois)", default: "3", max: 12 },
      {
        name: "delai_restitution_jours",
        type: "nombre",
        label: "Délai de restitution des données en fin de marché (jours)",
        default: "30",
        min: 1,
        max: 180,
      },
      { name: "duree_assistance", type: "mois", label: "Durée de l'assistance à la réversibilité (mois)", default: "3", max: 24 },
    ],
    guidance:
      "La réversibilité conditionne la liberté de choisir à l'avenir un hébergeur plus sobre. Le règlement européen sur les données encadre le changement de fournisseur de cloud et supprime progressivement les frais de sortie.",
    evidence: ["Plan de réversibilité", "Compte rendu de l'exercice annuel d'export", "Certificat d'effacement"],
    guideCriteria: ["infra-externes", "gouvernance"],
    source: `${SRC.bpAirReversibilite} ; ${SRC.daeInfra}`,
    legalBasis: DATA_ACT,
  },
  {
    id: "heb-crit-performance-environnementale",
    segment: "hebergement-cloud",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale de l'hébergement",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, apprécie : le PUE et le WUE des centres utilisés ; l'intensité carbone de l'électricité consommée, en location-based et en market-based ; " +
      "la réutilisation de la chaleur fatale ; les moyens offerts pour dimensionner au plus juste (arrêt automatique des environnements inutilisés, classes de stockage froid, tableaux de bord de consommation) ; " +
      "la transparence et la méthode du calculateur d'empreinte mis à disposition. Chaque élément est justifié par des mesures ou des documents.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Ne pas noter un PUE déclaré sans sa méthode ni sa période de mesure ; comparer les intensités carbone sur la même base (location-based avec location-based).",
    evidence: [
      "Cadre de réponse environnemental",
      "Relevés d'indicateurs par centre de données",
      "Documentation méthodologique du calculateur d'empreinte",
    ],
    guideCriteria: ["infra-externes", "mesure"],
    source: `${SRC.daeInfra} ; ${SRC.rgesn}, critères de la thématique « Hébergement » ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "heb-exec-reporting",
    segment: "hebergement-cloud",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Rapport périodique de consommation et d'émissions, recommandations d'optimisation",
    text:
      "Le titulaire transmet tous les {{periodicite_rapport:mois}} un rapport indiquant, pour les services de l'acheteur : l'énergie consommée en kWh, les volumes de données stockés et transférés, les ressources allouées et leur taux d'utilisation, " +
      "les émissions associées en kgCO2e en location-based et en market-based, fabrication des équipements comprise, et les indicateurs PUE et WUE des centres utilisés sur la période. " +
      "Il y joint des recommandations d'optimisation (ressources inutilisées, surdimensionnement, données froides). " +
      "Le retard de remise entraîne une pénalité de {{penalite_par_jour:nombre}} euros HT par jour calendaire, après mise en demeure.",
    placeholders: [
      { name: "periodicite_rapport", type: "mois", label: "Périodicité du rapport (mois)", default: "3", max: 12 },
      { name: "penalite_par_jour", type: "nombre", label: "Pénalité par jour de retard (euros HT)", default: "50", max: 10000 },
    ],
    guidance:
      "Le guide DAE demande que l'hébergeur rende compte des quantités de données consommées ; le rapport doit permettre de suivre l'effet des optimisations et d'alimenter le bilan d'émissions de l'acheteur.",
    evidence: ["Rapports périodiques", "Export des données de consommation"],
    guideCriteria: ["mesure", "infra-externes"],
    source: SRC.daeInfra,
  },
  {
    id: "heb-exec-reversibilite",
    segment: "hebergement-cloud",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Exécution de la réversibilité et pénalités",
    text:
      "Le titulaire exécute le plan de réversibilité à la demande de l'acheteur, à tout moment du marché et à son terme, et coopère de bonne foi avec le prestataire désigné par l'acheteur. " +
      "Aucune donnée ne peut être retenue ni rendue inexploitable. Tout retard dans la restitution des données entraîne une pénalité de {{penalite_restitution_par_jour:nombre}} euros HT par jour de retard, sans mise en demeure préalable.",
    placeholders: [
      {
        name: "penalite_restitution_par_jour",
        type: "nombre",
        label: "Pénalité par jour de retard de restitution (euros HT)",
        default: "200",
        max: 10000,
      },
    ],
    guidance: "À combiner avec la clause de réversibilité du CCTP. Vérifier la cohérence avec les pénalités plafonnées du CCAG retenu.",
    evidence: ["Procès-verbal de restitution", "Certificat d'effacement"],
    guideCriteria: ["infra-externes", "gouvernance"],
    source: SRC.bpAirReversibilite,
    legalBasis: DATA_ACT,
  },
  emissionFactorClause({
    id: "heb-data-facteurs-emission",
    segment: "hebergement-cloud",
    title: "Facteurs d'émission spécifiques des services d'hébergement",
    scope:
      "Le candidat fournit des facteurs d'émission pour les unités d'œuvre du bordereau, fabrication et fin de vie des équipements et part du bâtiment comprises : kgCO2e par Go stocké et par mois pour le stockage, " +
      "kgCO2e par heure d'utilisation de chaque gabarit d'instance proposé (décrit dans la note jointe), kgCO2e par équipement et par an pour les serveurs dédiés, " +
      "et kgCO2e par kWh consommé pour la colocation, ce dernier facteur étant aussi celui de l'électricité de chaque centre.",
    units: ["kgCO2e/Go.mois", "kgCO2e/heure", "kgCO2e/équipement.an", "kgCO2e/kWh"],
    guidance:
      "Un facteur limité à l'électricité sous-estime l'empreinte : exiger la part de fabrication des serveurs et du bâtiment, et la règle d'allocation entre clients. Les valeurs market-based fondées sur des garanties d'origine doivent être accompagnées de la valeur location-based.",
    guideCriteria: ["mesure", "infra-externes"],
    source: SRC.daeInfra,
  }),
];
