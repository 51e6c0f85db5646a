/** Clauses — segment « Réseaux et télécoms » (équipements de réseau, services d'opérateurs). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

export const reseauxTelecomsClauses: ClauseInput[] = [
  {
    id: "res-sel-mesure-environnementale",
    segment: "reseaux-telecoms",
    kind: "selection",
    targetDocument: "RC",
    title: "Capacité à mesurer et réduire l'empreinte des services réseau",
    text:
      "Le candidat présente les moyens dont il dispose pour mesurer la consommation d'énergie et les émissions de gaz à effet de serre des équipements et services qu'il exploitera pour le marché : " +
      "outils de mesure, périmètre couvert, dernier bilan d'émissions (scopes 1, 2 et 3) et méthode utilisée, et indicateurs environnementaux publiés au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures.",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "Utile pour les marchés d'opérateurs et d'infogérance réseau. Un bilan d'émissions réglementaire (BEGES) ou établi selon ISO 14064-1 ou le GHG Protocol est un bon indice de capacité ; ne pas exiger une méthode unique.",
    evidence: [
      "Dernier bilan d'émissions de gaz à effet de serre et sa méthode",
      "Description des outils de mesure de l'énergie",
      "Indicateurs environnementaux publiés",
    ],
    guideCriteria: ["mesure", "infra-externes"],
    source: SRC.daeReseaux,
    legalBasis: LAW.selection,
  },
  {
    id: "res-spec-equipements-reseau",
    segment: "reseaux-telecoms",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Efficacité énergétique et durée de support des équipements de réseau",
    text:
      "Pour chaque équipement de réseau proposé, le candidat indique la puissance consommée à vide, à charge typique et à pleine charge, en watts. " +
      "Les ports cuivre prennent en charge l'Ethernet économe en énergie (IEEE 802.3az) ou une fonction équivalente ; les ports et bornes non utilisés peuvent être mis en veille selon un calendrier ; l'alimentation électrique atteint au moins le niveau 80 PLUS {{niveau_80plus_min:liste}} ou un rendement équivalent. " +
      "Les ventilateurs et alimentations sont remplaçables sur site. Les mises à jour logicielles et correctifs de sécurité sont fournis pendant au moins {{duree_support_logiciel:années}} après la livraison, sans changement de matériel.",
    placeholders: [
      {
        name: "niveau_80plus_min",
        type: "liste",
        label: "Niveau minimal de rendement des alimentations (80 PLUS)",
        default: "Gold",
        values: ["Bronze", "Silver", "Gold", "Platinum", "Titanium"],
      },
      {
        name: "duree_support_logiciel",
        type: "années",
        label: "Durée minimale de fourniture des mises à jour logicielles (années)",
        default: "7",
        min: 2,
      },
    ],
    guidance:
      "Au moment du guide DAE, aucun label produit ne couvrait les équipements de réseau ; TCO Certified propose depuis une catégorie dédiée, à vérifier au sourcing avant de l'exiger (avec « ou équivalent »). " +
      "Les règles de la loi AGEC sur la durée des mises à jour visent la vente aux consommateurs et ne s'imposent pas à un achat professionnel d'équipements de réseau : seule la clause crée l'engagement. Le guide DAE recommande de demander une durée longue. " +
      "Le règlement (UE) 2019/424 ne couvre pas les équipements de réseau : aucun plancher réglementaire de rendement ne s'applique à leurs alimentations internes, d'où le niveau 80 PLUS à fixer après sourcing.",
    evidence: [
      "Fiches techniques indiquant la puissance consommée aux différents niveaux de charge",
      "Certificat 80 PLUS ou rapport d'essai de rendement équivalent",
      "Politique de support logiciel publiée par le constructeur (dates de fin de vente et de fin de support)",
    ],
    guideCriteria: ["infra-internes", "utilisation-achats"],
    source: SRC.daeReseaux,
  },
  {
    id: "res-spec-emballages",
    segment: "reseaux-telecoms",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Emballages des équipements livrés",
    text:
      "Les emballages sont réduits en volume et en masse au strict nécessaire à la protection des produits, recyclables ou réutilisables, et privilégient la livraison groupée. " +
      "Ils ne contiennent ni plomb, ni cadmium, ni mercure, ni chrome hexavalent ajoutés, ni polymère halogéné ; le PVC est exclu des emballages à usage unique. " +
      "Les emballages en carton contiennent au moins {{part_fibres_recyclees:pourcentage}} de fibres recyclées et les pièces en plastique portent le marquage de leur polymère selon la norme ISO 11469 ou équivalente. " +
      "À la demande de l'acheteur, le titulaire reprend les emballages sans frais.",
    placeholders: [
      {
        name: "part_fibres_recyclees",
        type: "pourcentage",
        label: "Part minimale de fibres recyclées dans les emballages en carton (%)",
        default: "70",
      },
    ],
    guidance:
      "Le guide DAE propose les emballages comme premier levier de spécification pour ce segment, faute de label produit. Le candidat justifie dans un délai fixé au CCTP.",
    evidence: ["Fiche descriptive des emballages (matériaux, masse, volume)", "Attestation du fournisseur d'emballages sur les fibres recyclées"],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeReseaux,
  },
  {
    id: "res-crit-performance-environnementale",
    segment: "reseaux-telecoms",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale de la solution réseau",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, apprécie : " +
      "la consommation électrique de la solution rapportée à sa capacité (watts par port ou par Gbit/s à charge typique) ; la durée de support logiciel au-delà du minimum ; la possibilité de fournir des équipements reconditionnés ; " +
      "pour les services d'opérateur, la part d'électricité d'origine renouvelable couverte par des garanties d'origine ou des contrats d'achat direct, et les mesures de réduction des consommations du réseau. Chaque élément est justifié.",
    placeholders: [weightPlaceholder("10")],
    guidance:
      WEIGHT_GUIDANCE +
      "Le guide DAE recommande pour ce segment au moins 10 % pour la performance environnementale et autant pour la performance sociale.",
    evidence: [
      "Cadre de réponse environnemental",
      "Fiches techniques des équipements et calcul de consommation",
      "Garanties d'origine ou contrats d'achat d'électricité",
    ],
    guideCriteria: ["infra-externes", "utilisation-achats"],
    source: `${SRC.daeReseaux} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "res-exec-fin-de-support",
    segment: "reseaux-telecoms",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Maintien du support et préavis de fin de vie des équipements",
    text:
      "Le titulaire informe l'acheteur par écrit au moins {{preavis_fin_support:mois}} avant la fin de commercialisation ou de support d'un équipement livré et propose une solution qui prolonge son usage (extension de support, pièces reconditionnées) avant tout remplacement. " +
      "Aucune mise à jour fournie ne doit rendre un équipement inutilisable ou en dégrader sensiblement les performances. " +
      "À défaut d'information dans le délai, le titulaire assure à ses frais le support de l'équipement pendant une durée égale au retard.",
    placeholders: [
      { name: "preavis_fin_support", type: "mois", label: "Préavis minimal avant fin de support (mois)", default: "24", min: 6, max: 60 },
    ],
    guidance:
      "L'obsolescence logicielle est, selon le guide DAE, une cause majeure de remplacement des équipements de réseau. Aucune règle légale n'impose de durée de support dans un achat professionnel : la clause crée l'engagement.",
    evidence: ["Notifications de fin de vie", "Propositions de prolongation d'usage"],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeReseaux,
  },
  {
    id: "res-exec-reporting-progres",
    segment: "reseaux-telecoms",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Rapport énergétique annuel et clause de progrès",
    text:
      "Le titulaire remet chaque année un rapport sur la consommation d'énergie des équipements et services fournis au titre du marché, en kWh, et sur les émissions associées, en distinguant les bases location-based et market-based. " +
      "Il y propose des mesures de réduction (mise en veille, consolidation, reconditionnement, renouvellement différé) visant une baisse d'au moins {{objectif_reduction_energie:pourcentage}} de la consommation sur la durée du marché, à périmètre constant. " +
      "Le retard de remise du rapport entraîne une pénalité de {{penalite_par_jour:nombre}} euros HT par jour calendaire, après mise en demeure.",
    placeholders: [
      {
        name: "objectif_reduction_energie",
        type: "pourcentage",
        label: "Objectif de réduction de la consommation d'énergie (%)",
        default: "10",
      },
      { name: "penalite_par_jour", type: "nombre", label: "Pénalité par jour de retard (euros HT)", default: "50", max: 10000 },
    ],
    guidance: "Préciser au CCAP le périmètre constant de référence (nombre de sites, de ports, de débit) pour que l'objectif reste mesurable.",
    evidence: ["Rapport énergétique annuel", "Plan de réduction et son suivi"],
    guideCriteria: ["mesure", "infra-externes"],
    source: SRC.daeReseaux,
  },
  emissionFactorClause({
    id: "res-data-facteurs-emission",
    segment: "reseaux-telecoms",
    title: "Facteurs d'émission spécifiques des équipements et services réseau",
    scope:
      "Le candidat fournit l'empreinte carbone de chaque équipement de réseau proposé en kgCO2e par unité (fabrication, transport, fin de vie) et, pour les services d'opérateur, " +
      "un facteur en kgCO2e par Go transféré, un facteur en kgCO2e par k€ HT facturé pour les services qui ne se mesurent pas en volume (liens, téléphonie fixe), " +
      "et le facteur d'émission de l'électricité consommée par son réseau en kgCO2e par kWh.",
    units: ["kgCO2e/unité", "kgCO2e/Go", "kgCO2e/k€", "kgCO2e/kWh"],
    guidance:
      "Les opérateurs informent déjà leurs abonnés de l'équivalent en gaz à effet de serre de leur consommation de données (loi AGEC art. 13) : demander la méthode et le périmètre de ce calcul.",
    guideCriteria: ["mesure", "infra-externes"],
    source: SRC.daeReseaux,
    legalBasis: "Loi AGEC n° 2020-105, art. 13 (information sur l'équivalent en gaz à effet de serre de la consommation de données)",
  }),
];
