/** Clauses — segment « Impression » (multifonctions, imprimantes, consommables, papier). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

export const impressionClauses: ClauseInput[] = [
  {
    id: "imp-sel-filiere-reprise",
    segment: "impression",
    kind: "selection",
    targetDocument: "RC",
    title: "Capacité de collecte et de remanufacturage des consommables et équipements",
    text:
      "Le candidat décrit les moyens dont il dispose pour collecter les consommables usagés et les équipements en fin de vie sur les sites de l'acheteur : " +
      "organisation de la collecte, prestataires de traitement et leur localisation, part des cartouches collectées effectivement remanufacturées ou réemployées au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures, " +
      "et modalités de respect de ses obligations de producteur d'équipements électriques et électroniques (éco-organisme agréé ou système individuel approuvé).",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "L'adhésion à une filière DEEE est une obligation légale : elle se vérifie mais ne se note pas. Ce qui distingue les candidats, c'est la capacité réelle de remanufacturage et la traçabilité.",
    evidence: [
      "Attestation d'adhésion à un éco-organisme agréé ou d'approbation du système individuel",
      "Description de la filière de collecte et des prestataires de traitement",
      "Bilan des tonnages collectés et de leur destination",
    ],
    guideCriteria: ["fin-de-vie", "utilisation-achats"],
    source: SRC.daeImpression,
    legalBasis: `${LAW.selection} ; ${LAW.deee}`,
  },
  {
    id: "imp-spec-labels-energie",
    segment: "impression",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Labels, efficacité énergétique et fonctions d'économie",
    text:
      "Chaque modèle proposé satisfait aux critères de l'Ange bleu (Blauer Engel), du Cygne nordique (Nordic Swan), de TCO Certified ou d'un label équivalent, pour le modèle exact. " +
      "À défaut, il satisfait au moins aux exigences d'efficacité énergétique d'Energy Star ou équivalentes, démontrées par sa consommation électrique typique (TEC, en kWh par semaine). " +
      "L'impression recto verso est activée par défaut, le passage en veille profonde intervient après au plus {{delai_veille_minutes:nombre}} minutes d'inactivité, un mode d'économie d'encre ou de toner est disponible, " +
      "et les équipements fonctionnent avec du papier recyclé répondant à la norme EN 12281 ou équivalente sans perte de garantie.",
    placeholders: [
      {
        name: "delai_veille_minutes",
        type: "nombre",
        label: "Délai maximal avant la veille profonde (minutes)",
        default: "15",
        min: 1,
        max: 120,
      },
    ],
    guidance:
      "Energy Star ne couvre que la consommation d'usage ; l'Ange bleu et le Cygne nordique couvrent aussi les émissions et la recyclabilité. Les preuves équivalentes doivent être acceptées. " +
      "Les réglages par défaut (recto verso, veille, impression sécurisée par badge) réduisent fortement les consommations.",
    evidence: [
      "Certificat de label nommant le modèle exact et en cours de validité, ou preuve équivalente",
      "Valeur TEC mesurée selon la méthode Energy Star ou équivalente",
      "Fiche technique montrant les réglages par défaut",
      "Attestation de compatibilité avec le papier recyclé",
    ],
    guideCriteria: ["utilisation-achats"],
    source: `${SRC.daeImpression} ; ${SRC.daeLabels}`,
    legalBasis: LAW.labels,
  },
  {
    id: "imp-spec-ecoconception",
    segment: "impression",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Écoconception, plastiques recyclés et réparabilité des équipements",
    text:
      "Les pièces en plastique de plus de 25 g et de plus de 200 mm² sont marquées selon la norme ISO 11469 ou équivalente ; les pièces de même usage sont faites d'un seul polymère, sans vernis galvanique, et les matériaux se séparent sans outil spécial. " +
      "Le plastique recyclé post-consommation représente au moins {{part_plastique_recycle:pourcentage}} de la masse totale de plastique de l'équipement, hors circuits imprimés. " +
      "Les pièces d'usure (rouleaux, unité de fusion, tambour) se remplacent avec des outils courants et restent disponibles pendant au moins {{duree_pieces_detachees:années}} après la dernière livraison.",
    placeholders: [
      {
        name: "part_plastique_recycle",
        type: "pourcentage",
        label: "Part minimale de plastique recyclé post-consommation (%)",
        default: "10",
      },
      {
        name: "duree_pieces_detachees",
        type: "années",
        label: "Durée de disponibilité des pièces détachées (années)",
        default: "7",
        min: 5,
      },
    ],
    guidance:
      "Fixer la part de plastique recyclé après sourcing : elle varie fortement selon les constructeurs. Un taux plus élevé peut être valorisé en critère d'attribution.",
    evidence: [
      "Déclaration du fabricant sur la composition des plastiques et la méthode de calcul du taux recyclé",
      "Photographies ou plans des marquages ISO 11469",
      "Liste des pièces d'usure et engagement de disponibilité",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeImpression,
    legalBasis: "Loi AGEC n° 2020-105, art. 19 (pièces détachées)",
  },
  {
    id: "imp-spec-consommables-papier",
    segment: "impression",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Consommables remanufacturés et papier recyclé",
    text:
      "Le catalogue du titulaire comporte, pour chaque modèle d'équipement, des cartouches remanufacturées ou rechargeables fonctionnant sans perte de garantie ; elles représentent au moins {{part_consommables_remanufactures:pourcentage}} des consommables livrés. " +
      "Ces consommables satisfont aux critères de la marque NF Environnement cartouches, de l'Ange bleu, du Cygne nordique ou d'un label équivalent. " +
      "Le papier fourni est recyclé et satisfait aux critères de l'Écolabel européen, de l'Ange bleu, du label FSC Recycled ou d'un label équivalent.",
    placeholders: [
      {
        name: "part_consommables_remanufactures",
        type: "pourcentage",
        label: "Part minimale de consommables remanufacturés (%)",
        default: "50",
      },
    ],
    guidance:
      "Les consommables d'impression entrent dans les catégories de produits soumises aux parts de réemploi ou de matières recyclées du décret n° 2024-134 pour l'État, les collectivités territoriales et leurs groupements (catégorie exacte à lire dans l'annexe du décret, à vérifier) ; la part de consommables remanufacturés est fixée par l'acheteur. " +
      "Vérifier au sourcing que les constructeurs ne conditionnent pas leur garantie à l'usage de consommables d'origine.",
    evidence: [
      "Liste des consommables remanufacturés par modèle d'équipement",
      "Certificats de labels ou preuves équivalentes",
      "Attestation de maintien de la garantie avec des consommables remanufacturés",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: `${SRC.daeImpression} ; ${SRC.daeLabels}`,
    legalBasis: `${LAW.labels} ; ${LAW.agec58}`,
  },
  {
    id: "imp-crit-performance-environnementale",
    segment: "impression",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale des solutions d'impression",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, est noté à partir du cadre de réponse sur : " +
      "la consommation électrique typique (TEC, kWh par semaine) ; le niveau sonore en fonctionnement et en veille (dB) ; les émissions d'ozone, de poussières et de composés organiques volatils (mg/h) ; " +
      "la part de plastique recyclé ; le nombre et la part des consommables remanufacturés proposés ; l'engagement de réemploi des équipements en fin de location. Chaque valeur est justifiée par une mesure ou une attestation.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Pour les valeurs mesurées (TEC, bruit, émissions), préciser dans le RC la méthode de notation (par exemple proportionnelle à la meilleure valeur).",
    evidence: [
      "Cadre de réponse environnemental complété par modèle",
      "Rapports d'essai ou certificats indiquant TEC, bruit et émissions",
      "Catalogue des consommables remanufacturés",
    ],
    guideCriteria: ["utilisation-achats", "mesure"],
    source: `${SRC.daeImpression} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "imp-exec-reprise-deee",
    segment: "impression",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Reprise gratuite des équipements et consommables usagés, traçabilité",
    text:
      "Le titulaire reprend gratuitement, sur les sites de l'acheteur, les équipements fournis arrivés en fin de vie et les consommables usagés, au moins tous les {{frequence_enlevement:mois}} ou sur demande dans un délai de {{delai_enlevement_jours:nombre}} jours ouvrés. " +
      "Il les oriente selon la hiérarchie des modes de traitement : réemploi, préparation en vue de la réutilisation, recyclage, autre valorisation, puis élimination. " +
      "Il remet chaque année un rapport indiquant les tonnages repris, leur destination, le taux de réemploi et de recyclage et l'adresse des sites de traitement final, accompagné des bordereaux de suivi lorsqu'ils sont requis.",
    placeholders: [
      { name: "frequence_enlevement", type: "mois", label: "Fréquence minimale des enlèvements (mois)", default: "3", max: 12 },
      {
        name: "delai_enlevement_jours",
        type: "nombre",
        label: "Délai d'enlèvement sur demande (jours ouvrés)",
        default: "10",
        min: 1,
        max: 60,
      },
    ],
    guidance:
      "Le guide DAE recommande d'exiger la traçabilité jusqu'au site de traitement final, au-delà du seul bordereau : une part importante des DEEE européens échappe aux filières agréées. " +
      "L'acheteur peut aussi passer par un éco-organisme ou donner les équipements encore fonctionnels (voir le segment « Fin de vie et réemploi »).",
    evidence: ["Rapport annuel de reprise", "Bordereaux de suivi des déchets", "Attestations des sites de traitement"],
    guideCriteria: ["fin-de-vie", "mesure"],
    source: SRC.daeImpression,
    legalBasis: `${LAW.deee} ; Code de l'environnement, art. L541-1 (hiérarchie des modes de traitement)`,
  },
  {
    id: "imp-exec-location-seconde-vie",
    segment: "impression",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Seconde vie des équipements loués",
    text:
      "Pour les équipements loués, le titulaire s'engage à ce qu'au moins {{taux_reemploi_min:pourcentage}} des équipements restitués en fin de location soient réemployés, après reconditionnement, pour une deuxième période d'usage. " +
      "Il justifie chaque année de la destination des équipements restitués ; ceux qui ne peuvent être réemployés sont traités conformément à la clause de reprise des déchets.",
    placeholders: [
      {
        name: "taux_reemploi_min",
        type: "pourcentage",
        label: "Taux minimal de réemploi des équipements restitués (%)",
        default: "70",
      },
    ],
    guidance:
      "La location n'est bénéfique que si la durée de vie totale des équipements dépasse celle d'un achat sans réemploi : le réemploi en fin de contrat doit être contractuel. " +
      "La durée d'usage jugée optimale d'un système d'impression est de l'ordre de 3 à 4 ans.",
    evidence: ["Rapport de destination des équipements restitués", "Attestations de revente ou de remise en location"],
    guideCriteria: ["fin-de-vie"],
    source: `${SRC.daeImpression} ; ${SRC.daeFinDeVie}`,
  },
  {
    id: "imp-exec-progres-sobriete",
    segment: "impression",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Clause de progrès : sobriété d'impression et dimensionnement du parc",
    text:
      "Chaque année, le titulaire présente à l'acheteur une revue du parc : volumes imprimés par site, part du recto verso et de la couleur, taux d'utilisation de chaque équipement. " +
      "Il propose des mesures de rationalisation (mutualisation, retrait d'équipements sous-utilisés, réglages par défaut, impression sécurisée) visant une réduction d'au moins {{objectif_reduction_volumes:pourcentage}} des pages imprimées sur la durée du marché. " +
      "Les mesures acceptées par l'acheteur sont mises en œuvre sans surcoût lorsqu'elles réduisent le nombre d'équipements.",
    placeholders: [
      {
        name: "objectif_reduction_volumes",
        type: "pourcentage",
        label: "Objectif de réduction des pages imprimées sur la durée du marché (%)",
        default: "20",
      },
    ],
    guidance:
      "Une clause de progrès est une obligation de moyens : l'objectif chiffré oriente les propositions ; il ne doit pas être assorti de pénalités si l'acheteur garde la maîtrise des usages.",
    evidence: ["Revue annuelle du parc", "Plan de rationalisation proposé et suivi de sa mise en œuvre"],
    guideCriteria: ["utilisation-achats", "mesure"],
    source: SRC.daeImpression,
  },
  emissionFactorClause({
    id: "imp-data-facteurs-emission",
    segment: "impression",
    title: "Facteurs d'émission spécifiques des équipements, consommables et pages",
    scope:
      "Le candidat fournit l'empreinte carbone de chaque modèle d'équipement en kgCO2e par unité (fabrication, transport, fin de vie) et celle de chaque consommable en kgCO2e par unité (neuf et remanufacturé). " +
      "Pour les offres en location ou au coût à la page, il fournit aussi un facteur en kgCO2e par équipement et par an (fabrication répartie sur la durée de location, maintenance et consommables compris, papier exclu), " +
      "en précisant dans la note jointe le volume annuel de pages et la consommation électrique (TEC) retenus.",
    units: ["kgCO2e/unité", "kgCO2e/équipement.an"],
    guidance:
      "Le facteur annuel par équipement, rapporté au volume de pages, permet de suivre l'effet de la sobriété d'impression ; vérifier qu'il ne compte pas deux fois la fabrication déjà comptée par unité pour les équipements achetés.",
    guideCriteria: ["mesure", "utilisation-achats"],
    source: SRC.daeImpression,
  }),
  {
    id: "imp-data-releves",
    segment: "impression",
    kind: "data-requirement",
    targetDocument: "CCAP",
    title: "Relevés d'usage du parc d'impression",
    text:
      "Le titulaire transmet tous les {{periodicite_transmission:mois}}, sous forme de fichier CSV, les relevés de chaque équipement : identifiant, site, pages imprimées en noir et en couleur, part du recto verso, " +
      "consommables livrés et repris, consommation électrique estimée ou mesurée en kWh.",
    placeholders: [
      {
        name: "periodicite_transmission",
        type: "mois",
        label: "Périodicité de transmission des relevés (mois)",
        default: "3",
        max: 12,
      },
    ],
    guidance: "Ces relevés alimentent la revue annuelle du parc et le calcul des émissions à partir des quantités physiques.",
    evidence: ["Fichier CSV des relevés"],
    guideCriteria: ["mesure"],
    source: SRC.daeImpression,
  },
];
