/** Clauses — segment « Infrastructures et datacenter » (serveurs, stockage, matériels de salle). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

const SERVER_REGULATION = "Règlement (UE) 2019/424 (écoconception des serveurs et des produits de stockage de données)";

export const infrastructuresDatacenterClauses: ClauseInput[] = [
  {
    id: "dc-sel-capacite-technique",
    segment: "infrastructures-datacenter",
    kind: "selection",
    targetDocument: "RC",
    title: "Capacité à fournir des informations environnementales sur les matériels",
    text:
      "Le candidat présente sa capacité à documenter la performance environnementale des matériels qu'il fournit : fiches d'efficacité énergétique par configuration, déclarations de composition et de matières recyclées, empreintes carbone de produit, " +
      "politique de maintenance et de pièces détachées, et références d'au moins {{nombre_references:nombre}} marchés comparables exécutés au cours des trois dernières années dans lesquels ces informations ont été fournies.",
    placeholders: [
      {
        name: "nombre_references",
        type: "nombre",
        label: "Nombre de références de marchés comparables demandées",
        default: "2",
        min: 1,
        max: 10,
      },
    ],
    guidance:
      "Le nombre de références doit rester proportionné pour ne pas exclure les nouveaux entrants ; toute preuve équivalente de capacité doit être acceptée.",
    evidence: ["Exemples de fiches environnementales produit", "Attestations de marchés comparables"],
    guideCriteria: ["mesure", "infra-internes"],
    source: SRC.daeInfra,
    legalBasis: LAW.selection,
  },
  {
    id: "dc-spec-serveurs-energie",
    segment: "infrastructures-datacenter",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Efficacité énergétique et thermique des serveurs",
    text:
      "Chaque configuration de serveur est équipée d'alimentations redondantes remplaçables à chaud, dont le rendement atteint au moins le niveau 80 PLUS {{niveau_80plus_min:liste}} ou un rendement équivalent démontré aux charges de 10, 20, 50 et 100 %. " +
      "Le candidat indique pour chaque configuration la puissance appelée en watts au repos, à charge typique et à pleine charge, l'efficacité en état actif mesurée selon la méthode du règlement (UE) 2019/424, et la dissipation thermique en BTU/h. " +
      "Les serveurs fonctionnent sans perte de garantie avec un air entrant jusqu'à {{temperature_entree_max:nombre}} °C et une circulation d'air de l'avant vers l'arrière compatible avec le confinement des allées chaudes et froides.",
    placeholders: [
      {
        name: "niveau_80plus_min",
        type: "liste",
        label: "Niveau minimal de rendement des alimentations (80 PLUS)",
        default: "Platinum",
        values: ["Gold", "Platinum", "Titanium"],
      },
      {
        name: "temperature_entree_max",
        type: "nombre",
        label: "Température maximale d'air entrant admise (°C)",
        default: "35",
        min: 18,
        max: 45,
      },
    ],
    guidance:
      "Admettre une température d'entrée élevée (classe A2 de l'ASHRAE ou mieux) permet de refroidir par air extérieur une grande partie de l'année. " +
      "Clause remplacée par « dc-spec-serveurs-energie-v2 » : son niveau par défaut (80 PLUS Platinum) est inférieur, à 20 % de charge, au rendement minimal que le règlement (UE) 2019/424 impose depuis le 1er janvier 2023 aux alimentations à sortie unique des serveurs (94 %). " +
      "Le niveau 80 PLUS doit être accompagné de « ou équivalent » : un rapport d'essai de rendement d'un laboratoire indépendant doit être accepté.",
    evidence: [
      "Certificat 80 PLUS ou rapport d'essai de rendement équivalent",
      "Fiche d'information produit prévue par le règlement (UE) 2019/424",
      "Fiche technique indiquant puissances et dissipation thermique par configuration",
    ],
    guideCriteria: ["infra-internes"],
    source: SRC.daeInfra,
    legalBasis: SERVER_REGULATION,
    supersededBy: "dc-spec-serveurs-energie-v2",
  },
  {
    id: "dc-spec-serveurs-energie-v2",
    segment: "infrastructures-datacenter",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Efficacité énergétique et thermique des serveurs",
    text:
      "Chaque configuration de serveur est équipée d'alimentations redondantes remplaçables à chaud, dont le rendement respecte au moins les exigences de l'annexe II du règlement (UE) 2019/424 applicables à la date de livraison. " +
      "Le candidat indique pour chaque configuration le rendement mesuré des alimentations à 10, 20, 50 et 100 % de charge et leur certification 80 PLUS ou équivalente, la puissance appelée en watts au repos, à charge typique et à pleine charge, l'efficacité en état actif mesurée selon la méthode du même règlement, et la dissipation thermique en BTU/h. " +
      "Les serveurs fonctionnent sans perte de garantie avec un air entrant jusqu'à {{temperature_entree_max:nombre}} °C et une circulation d'air de l'avant vers l'arrière compatible avec le confinement des allées chaudes et froides.",
    placeholders: [
      {
        name: "temperature_entree_max",
        type: "nombre",
        label: "Température maximale d'air entrant admise (°C)",
        default: "35",
        min: 18,
        max: 45,
      },
    ],
    guidance:
      "Vérification faite, un niveau 80 PLUS Platinum n'ajoute rien au règlement (UE) 2019/424 : depuis le 1er janvier 2023, celui-ci impose à 20 % de charge un rendement d'au moins 94 % aux alimentations à sortie unique et 90 % aux alimentations à sorties multiples, alors que Platinum n'en demande que 92 % (table 80 PLUS 115 V du guide DAE ; valeurs de l'annexe II du règlement relevées dans une source secondaire, à vérifier sur EUR-Lex avant publication). " +
      "La spécification exige donc le minimum réglementaire et fait déclarer les rendements mesurés ; un rendement supérieur (niveau Titanium ou équivalent) se valorise dans le critère d'attribution. " +
      "Admettre une température d'entrée élevée (classe A2 de l'ASHRAE ou mieux) permet de refroidir par air extérieur une grande partie de l'année.",
    evidence: [
      "Rapports d'essai de rendement des alimentations (10, 20, 50 et 100 % de charge), certificat 80 PLUS ou équivalent",
      "Fiche d'information produit prévue par le règlement (UE) 2019/424",
      "Fiche technique indiquant puissances et dissipation thermique par configuration",
    ],
    guideCriteria: ["infra-internes"],
    source: `${SRC.daeInfra} ; ${SRC.daeLabels} (table 80 PLUS)`,
    legalBasis: SERVER_REGULATION,
  },
  {
    id: "dc-spec-ecoconception-durabilite",
    segment: "infrastructures-datacenter",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Écoconception, matières recyclées et durabilité des matériels",
    text:
      "Les pièces en plastique de plus de 25 g portent le marquage de leur polymère selon la norme ISO 11469 ou équivalente et les matériaux sont séparables. " +
      "Le candidat déclare, par configuration, le taux de plastique recyclé (masse de plastique recyclé post-consommation divisée par la masse totale de plastique, hors circuits imprimés) et le taux de métal recyclé. " +
      "Le micrologiciel et ses correctifs de sécurité restent disponibles pendant au moins {{duree_micrologiciel:années}}, les pièces de rechange pendant au moins {{duree_pieces_detachees:années}} après la dernière livraison, et une fonction d'effacement sécurisé des données est intégrée. " +
      "La documentation attestant la conformité aux règlements RoHS et REACH est remise dans un délai de {{delai_documentation_jours:nombre}} jours ouvrés sur demande.",
    placeholders: [
      {
        name: "duree_micrologiciel",
        type: "années",
        label: "Durée de disponibilité du micrologiciel et des correctifs (années)",
        default: "8",
        min: 5,
      },
      {
        name: "duree_pieces_detachees",
        type: "années",
        label: "Durée de disponibilité des pièces de rechange (années)",
        default: "7",
        min: 5,
      },
      {
        name: "delai_documentation_jours",
        type: "nombre",
        label: "Délai de remise de la documentation RoHS et REACH (jours ouvrés)",
        default: "5",
        min: 1,
        max: 30,
      },
    ],
    guidance:
      "Le règlement européen sur les serveurs impose déjà des informations sur les matériaux critiques, la disponibilité du micrologiciel et l'effacement sécurisé ; la clause les rend contractuelles et fixe des durées adaptées à un usage prolongé.",
    evidence: [
      "Déclaration de composition et de taux de matières recyclées par configuration",
      "Engagements de disponibilité du micrologiciel et des pièces",
      "Déclarations de conformité RoHS et REACH",
    ],
    guideCriteria: ["infra-internes", "fin-de-vie"],
    source: SRC.daeInfra,
    legalBasis: `${SERVER_REGULATION} ; directive 2011/65/UE (RoHS) ; règlement (CE) n° 1907/2006 (REACH)`,
  },
  {
    id: "dc-crit-performance-environnementale",
    segment: "infrastructures-datacenter",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale des matériels d'infrastructure",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, est noté à partir de l'annexe de performance environnementale des serveurs : " +
      "efficacité en état actif et puissance au repos de chaque configuration ; niveau de rendement des alimentations au-delà du minimum ; température d'entrée admise ; dissipation thermique ; taux de matières recyclées ; " +
      "durée de maintenance et de disponibilité des pièces au-delà du minimum ; possibilité de fournir des composants ou des serveurs reconditionnés. Chaque valeur est justifiée.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Rapporter les valeurs énergétiques à la capacité de calcul demandée, sinon une configuration sous-dimensionnée serait avantagée.",
    evidence: [
      "Annexe de performance environnementale complétée par configuration",
      "Fiches d'information produit et rapports d'essai",
    ],
    guideCriteria: ["infra-internes", "utilisation-achats"],
    source: `${SRC.daeInfra} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "dc-exec-maintenance-prolongation",
    segment: "infrastructures-datacenter",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Maintenance de longue durée et prolongation d'usage",
    text:
      "Le titulaire assure la maintenance des matériels livrés pendant au moins {{duree_maintenance:années}} à compter de leur mise en service, sur simple demande de l'acheteur et à des conditions tarifaires fixées au bordereau. " +
      "Il peut utiliser des pièces de rechange reconditionnées, de performance équivalente et garanties. " +
      "Il informe l'acheteur au moins {{preavis_fin_support:mois}} avant toute fin de support et propose une solution de prolongation avant tout remplacement. " +
      "Le non-respect du préavis entraîne une pénalité de {{penalite_par_jour:nombre}} euros HT par jour de retard.",
    placeholders: [
      { name: "duree_maintenance", type: "années", label: "Durée minimale de maintenance proposée (années)", default: "7", min: 3 },
      { name: "preavis_fin_support", type: "mois", label: "Préavis minimal avant fin de support (mois)", default: "12", min: 3, max: 60 },
      { name: "penalite_par_jour", type: "nombre", label: "Pénalité par jour de retard (euros HT)", default: "100", max: 10000 },
    ],
    guidance:
      "Allonger la durée d'usage des serveurs réduit fortement l'empreinte de fabrication ; la maintenance longue évite un renouvellement imposé par la fin de support.",
    evidence: ["Conditions de maintenance et bordereau de prix", "Engagement sur les pièces reconditionnées"],
    guideCriteria: ["infra-internes", "fin-de-vie"],
    source: SRC.daeInfra,
  },
  {
    id: "dc-exec-reprise-tracabilite",
    segment: "infrastructures-datacenter",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Reprise des matériels en fin de vie et sécurité des supports de données",
    text:
      "Le titulaire reprend gratuitement les matériels d'infrastructure en fin de vie relevant de sa responsabilité de producteur ainsi que les déchets produits lors de l'exécution, et les oriente en priorité vers le réemploi. " +
      "Les supports de stockage sont effacés avec un outil certifié ou une méthode équivalente, ou détruits physiquement lorsqu'ils sont défaillants, sous le contrôle de l'acheteur s'il le souhaite ; un certificat par numéro de série est remis sous {{delai_certificat_jours:nombre}} jours. " +
      "Le titulaire remet un rapport de traçabilité indiquant, pour chaque lot, la destination et les sites de traitement final.",
    placeholders: [
      {
        name: "delai_certificat_jours",
        type: "nombre",
        label: "Délai de remise des certificats d'effacement ou de destruction (jours)",
        default: "30",
        min: 1,
        max: 90,
      },
    ],
    guidance:
      "La reprise gratuite porte sur les équipements professionnels vendus après le 13 août 2005 (ou plus anciens s'ils sont remplacés par un équipement équivalent). Adapter les exigences d'effacement à la sensibilité des données.",
    evidence: ["Certificats d'effacement ou de destruction par numéro de série", "Rapport de traçabilité", "Bordereaux de suivi des déchets"],
    guideCriteria: ["fin-de-vie", "infra-internes"],
    source: SRC.daeInfra,
    legalBasis: LAW.deee,
  },
  emissionFactorClause({
    id: "dc-data-facteurs-emission",
    segment: "infrastructures-datacenter",
    title: "Facteurs d'émission spécifiques des serveurs et du stockage",
    scope:
      "Le candidat fournit, pour chaque configuration de serveur et de baie de stockage proposée, l'empreinte carbone de fabrication, transport et fin de vie en kgCO2e par unité. " +
      "La note jointe indique la configuration exacte (processeurs, mémoire, disques, capacité utile de stockage) et la consommation électrique annuelle à charge typique en kWh, afin que l'acheteur calcule la phase d'usage avec le facteur d'électricité de sa propre salle.",
    units: ["kgCO2e/unité"],
    guidance:
      "Dans le scope 3 de l'acheteur, les serveurs relèvent de la catégorie 2 (biens immobilisés) lorsqu'ils sont immobilisés, sinon de la catégorie 1 ; leur fin de vie relève de la catégorie 5 (déchets générés). L'empreinte dépend fortement de la configuration (mémoire, disques) : exiger une valeur par configuration réellement proposée.",
    guideCriteria: ["mesure", "infra-internes"],
    source: SRC.daeInfra,
  }),
];
