/**
 * Clauses — segment « Fin de vie et réemploi » (collecte DEEE, effacement, reconditionnement, don).
 * No DAE fiche of its own: built from the guide's end-of-life chapters and the take-back clauses of
 * its hardware fiches. Our own wording.
 */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

const HIERARCHY = "Code de l'environnement, art. L541-1 (hiérarchie des modes de traitement) et L541-1-1 (définitions du réemploi et de la réutilisation)";

export const finDeVieReemploiClauses: ClauseInput[] = [
  {
    id: "fdv-sel-autorisations",
    segment: "fin-de-vie-reemploi",
    kind: "selection",
    targetDocument: "RC",
    title: "Autorisations et moyens de collecte, de traitement et d'effacement",
    text:
      "Le candidat justifie des autorisations nécessaires à la collecte, au transport et au traitement des déchets d'équipements électriques et électroniques qu'il prendra en charge, directement ou par ses sous-traitants, " +
      "et décrit ses moyens : sites de reconditionnement et de traitement et leur localisation, procédure et outils d'effacement des données, sécurité des transports et des entrepôts, partenariats avec des structures de réemploi. " +
      "Il indique les volumes traités au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures et leur répartition entre réemploi, recyclage et autres modes de traitement.",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "Les autorisations (installation classée, déclaration de transport de déchets, contrat avec un éco-organisme) conditionnent la légalité de la prestation. " +
      "Un marché ou un lot peut être réservé aux entreprises adaptées et ESAT ou aux structures d'insertion, très présentes dans le reconditionnement.",
    evidence: [
      "Arrêtés d'autorisation ou d'enregistrement des sites de traitement",
      "Récépissé de déclaration de l'activité de transport de déchets",
      "Contrat avec un éco-organisme ou un centre de traitement agréé",
      "Description de la procédure d'effacement et de ses outils",
    ],
    guideCriteria: ["fin-de-vie"],
    source: SRC.daeFinDeVie,
    legalBasis: `${LAW.selection} ; ${LAW.deee} ; Code de l'environnement, art. R541-50 et suivants (transport de déchets)`,
  },
  {
    id: "fdv-spec-hierarchie-reemploi",
    segment: "fin-de-vie-reemploi",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Priorité au réemploi et hiérarchie des modes de traitement",
    text:
      "Le titulaire trie les équipements collectés et oriente chacun selon la hiérarchie des modes de traitement : réemploi ou réutilisation des équipements fonctionnels, préparation en vue de la réutilisation de ceux qui peuvent être réparés, " +
      "récupération des pièces détachées, recyclage, autre valorisation, et élimination en dernier recours. " +
      "Au moins {{taux_reemploi_min:pourcentage}} des équipements collectés âgés de moins de {{age_max_reemploi:années}} sont réemployés ou réutilisés, sauf impossibilité technique justifiée par un diagnostic. " +
      "Aucun équipement ni déchet n'est exporté hors de l'Union européenne pour y être éliminé.",
    placeholders: [
      {
        name: "taux_reemploi_min",
        type: "pourcentage",
        label: "Taux minimal de réemploi des équipements récents (%)",
        default: "60",
      },
      {
        name: "age_max_reemploi",
        type: "années",
        label: "Âge maximal des équipements concernés par le taux de réemploi (années)",
        default: "8",
        min: 3,
        max: 15,
      },
    ],
    guidance:
      "Fixer le taux après un inventaire des équipements à céder : un parc récent et homogène permet un taux élevé. Le guide DAE rappelle qu'une part importante des DEEE européens échappe aux filières agréées : la traçabilité doit aller jusqu'au traitement final.",
    evidence: ["Procédure de tri et de diagnostic", "Liste des partenaires de réemploi et de traitement", "Rapport de destination par lot"],
    guideCriteria: ["fin-de-vie"],
    source: SRC.daeFinDeVie,
    legalBasis: HIERARCHY,
  },
  {
    id: "fdv-spec-effacement-donnees",
    segment: "fin-de-vie-reemploi",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Effacement certifié des données et chaîne de sécurité",
    text:
      "Tout support de données (disque, mémoire flash, téléphone, imprimante, équipement de réseau) est effacé avant réemploi au moyen d'un outil ayant obtenu une certification de sécurité de l'ANSSI (par exemple CSPN) ou une certification équivalente, " +
      "ou détruit physiquement s'il est défaillant ou si l'acheteur le demande. " +
      "Les équipements sont inventoriés par numéro de série dès l'enlèvement, transportés dans des contenants fermés et stockés dans un local à accès contrôlé. " +
      "Un certificat d'effacement ou de destruction par numéro de série est remis dans un délai de {{delai_certificat_jours:nombre}} jours après l'enlèvement.",
    placeholders: [
      {
        name: "delai_certificat_jours",
        type: "nombre",
        label: "Délai de remise des certificats d'effacement (jours)",
        default: "30",
        min: 1,
        max: 90,
      },
    ],
    guidance:
      "L'effacement certifié rend le réemploi possible sans risque pour les données ; la destruction systématique des disques prive inutilement les équipements d'une seconde vie. Adapter au niveau de sensibilité des données.",
    evidence: [
      "Justificatif de certification de l'outil d'effacement ou preuve équivalente",
      "Modèle de certificat par numéro de série",
      "Procédure de sécurité du transport et du stockage",
    ],
    guideCriteria: ["fin-de-vie", "gouvernance"],
    source: `${SRC.daeFinDeVie} ; ${SRC.daeReseaux}`,
  },
  {
    id: "fdv-crit-reemploi-tracabilite",
    segment: "fin-de-vie-reemploi",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Réemploi effectif et traçabilité",
    text:
      "Le critère « réemploi et traçabilité », pondéré à {{ponderation:pourcentage}} de la note globale, apprécie : le taux de réemploi et de réutilisation auquel le candidat s'engage au-delà du minimum ; " +
      "le niveau de traçabilité proposé jusqu'au site de traitement final ; la proximité des sites de reconditionnement et de traitement ; la part de la prestation confiée à des structures de l'économie sociale et solidaire ou d'insertion. " +
      "Les engagements retenus pour la notation deviennent contractuels.",
    placeholders: [weightPlaceholder("20")],
    guidance:
      WEIGHT_GUIDANCE +
      "Pour un marché de fin de vie, la performance environnementale est l'objet même de la prestation : une pondération supérieure à 10 % est justifiée.",
    evidence: ["Engagement chiffré de réemploi", "Description du dispositif de traçabilité", "Liste des sites et partenaires"],
    guideCriteria: ["fin-de-vie", "impacts-societaux"],
    source: `${SRC.daeFinDeVie} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "fdv-exec-tracabilite-reporting",
    segment: "fin-de-vie-reemploi",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Traçabilité par équipement, rapport et pénalités",
    text:
      "Pour chaque enlèvement, le titulaire remet dans un délai de {{delai_rapport_jours:nombre}} jours un inventaire par numéro de série indiquant la destination de chaque équipement (réemploi, réutilisation, pièces, recyclage, autre traitement) et le site concerné, " +
      "ainsi que les bordereaux de suivi des déchets lorsque la réglementation les impose. Un rapport annuel consolide les tonnages, les taux atteints et les sites de traitement final. " +
      "L'acheteur peut auditer ou faire auditer les sites. Chaque certificat ou justificatif de destination manquant donne lieu à une pénalité de {{penalite_par_justificatif:nombre}} euros HT.",
    placeholders: [
      { name: "delai_rapport_jours", type: "nombre", label: "Délai de remise de l'inventaire par enlèvement (jours)", default: "30", min: 1, max: 90 },
      {
        name: "penalite_par_justificatif",
        type: "nombre",
        label: "Pénalité par justificatif manquant (euros HT)",
        default: "100",
        max: 10000,
      },
    ],
    guidance:
      "Le bordereau de suivi ne suffit pas : exiger la destination de chaque équipement et le site de traitement final. Les données servent aussi au suivi de la durée de vie du parc.",
    evidence: ["Inventaires par enlèvement", "Bordereaux de suivi des déchets", "Rapport annuel", "Rapports d'audit"],
    guideCriteria: ["fin-de-vie", "mesure"],
    source: SRC.daeFinDeVie,
    legalBasis: LAW.deee,
  },
  {
    id: "fdv-exec-preparation-don",
    segment: "fin-de-vie-reemploi",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Préparation des équipements pour le don",
    text:
      "Lorsque l'acheteur décide de donner des équipements, le titulaire les prépare pour le réemploi : diagnostic, effacement certifié, nettoyage, remplacement des pièces d'usure si nécessaire, installation d'un système d'exploitation maintenu et disposant des licences requises. " +
      "Il les remet aux bénéficiaires désignés par l'acheteur dans un délai de {{delai_remise_jours:nombre}} jours, avec une fiche descriptive par équipement, et en rend compte dans le rapport annuel.",
    placeholders: [
      { name: "delai_remise_jours", type: "nombre", label: "Délai de remise aux bénéficiaires (jours)", default: "45", min: 1, max: 180 },
    ],
    guidance:
      "Les personnes publiques peuvent céder gratuitement des matériels informatiques à certains bénéficiaires (associations, établissements scolaires…), dans les conditions prévues par le code général de la propriété des personnes publiques ; l'État dispose d'une plateforme de dons mobiliers. " +
      "Pour l'État, les collectivités territoriales et leurs groupements, ces dons comptent dans l'objectif annuel de réemploi des matériels informatiques réformés (voir la clause « fdv-data-reemploi-materiels-reformes »).",
    evidence: ["Fiches descriptives des équipements remis", "Procès-verbaux de remise", "Certificats d'effacement"],
    guideCriteria: ["fin-de-vie", "impacts-societaux"],
    source: SRC.daeFinDeVie,
    legalBasis: "Code général de la propriété des personnes publiques, art. L3212-2 (cessions gratuites de biens mobiliers)",
  },
  {
    id: "fdv-data-reemploi-materiels-reformes",
    segment: "fin-de-vie-reemploi",
    kind: "data-requirement",
    targetDocument: "CCAP",
    title: "Justificatifs de réemploi des matériels informatiques réformés par une personne publique",
    text:
      "Pour chaque lot de matériels informatiques réformés que l'acheteur lui confie, le titulaire remet dans un délai de {{delai_justificatifs_jours:nombre}} jours un état par numéro de série indiquant : la catégorie d'équipement, l'âge du matériel à la date de réforme, sa destination (cession, vente, don, réemploi ou réutilisation par un tiers, préparation en vue de la réutilisation, recyclage) et, pour chaque matériel déclaré réemployé ou réutilisé, l'identité du nouvel acquéreur et son engagement écrit de le réemployer ou de le réutiliser. " +
      "Chaque année, avant le {{date_bilan_annuel:date}}, il remet un bilan consolidé permettant à l'acheteur de calculer la part de ses matériels réformés effectivement réemployés ou réutilisés, au regard de l'objectif de {{objectif_reemploi:pourcentage}} qu'il lui indique.",
    placeholders: [
      {
        name: "delai_justificatifs_jours",
        type: "nombre",
        label: "Délai de remise de l'état par lot (jours)",
        default: "30",
        min: 1,
        max: 90,
      },
      {
        name: "date_bilan_annuel",
        type: "date",
        label: "Date limite de remise du premier bilan annuel",
      },
      {
        name: "objectif_reemploi",
        type: "pourcentage",
        label: "Objectif annuel de réemploi ou de réutilisation des matériels réformés (%), à fixer par l'acheteur",
      },
    ],
    guidance:
      "L'État, les collectivités territoriales et leurs groupements doivent orienter vers le réemploi ou la réutilisation les matériels informatiques fonctionnels qu'ils réforment, selon un objectif annuel croissant ; les matériels de plus de dix ans et ceux qui contiennent des informations classifiées ou soumises à des obligations de sécurité propres aux personnes publiques sont exclus du calcul (loi n° 2021-1485 du 15 novembre 2021, art. 16 ; décret n° 2023-266 du 12 avril 2023). " +
      "Un matériel ne compte comme réemployé que si son acquéreur s'engage à le réemployer ou à le réutiliser et peut le prouver : la clause collecte ces engagements. " +
      "Le portail ne reproduit pas les taux du décret : l'acheteur saisit l'objectif de l'année concernée après l'avoir lu dans le décret. Cette obligation de réforme est distincte de l'obligation d'achat de biens issus du réemploi (décret n° 2024-134).",
    evidence: [
      "États par lot et par numéro de série",
      "Engagements écrits de réemploi ou de réutilisation des acquéreurs",
      "Bilan annuel consolidé",
    ],
    guideCriteria: ["fin-de-vie", "mesure"],
    source: `${SRC.daeFinDeVie} ; ${LAW.reen16}`,
    legalBasis: LAW.reen16,
  },
  emissionFactorClause({
    id: "fdv-data-facteurs-emission",
    segment: "fin-de-vie-reemploi",
    title: "Facteurs d'émission spécifiques des traitements de fin de vie",
    scope:
      "Le candidat fournit, pour chaque filière proposée (réemploi, préparation en vue de la réutilisation, recyclage), les émissions de ses opérations en kgCO2e par équipement traité (collecte, transport, effacement, reconditionnement ou recyclage), " +
      "et l'empreinte des équipements reconditionnés qu'il remet sur le marché en kgCO2e par unité. Les émissions évitées par le réemploi sont déclarées séparément, dans la note jointe, et ne sont jamais déduites des émissions.",
    units: ["kgCO2e/unité"],
    guidance:
      "Le GHG Protocol exclut les émissions évitées de l'inventaire ; il permet de les présenter à part, avec leur scénario de référence. Les déduire ferait apparaître un bilan négatif trompeur. Dans le scope 3 de l'acheteur, le traitement de ses équipements en fin de vie relève de la catégorie 5 (déchets générés).",
    guideCriteria: ["mesure", "fin-de-vie"],
    source: SRC.daeFinDeVie,
  }),
];
