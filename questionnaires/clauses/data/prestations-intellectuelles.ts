/** Clauses — segment « Prestations intellectuelles » (ESN, TMA, conseil, développement). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

export const prestationsIntellectuellesClauses: ClauseInput[] = [
  {
    id: "p2i-sel-competences",
    segment: "prestations-intellectuelles",
    kind: "selection",
    targetDocument: "RC",
    title: "Compétences de l'équipe en écoconception et en accessibilité",
    text:
      "Le candidat indique, pour les profils appelés à intervenir sur le marché, les formations suivies en écoconception de services numériques et en accessibilité numérique au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures : " +
      "intitulé, durée, organisme, effectifs formés, certification éventuelle, ainsi que son plan de formation pour la durée du marché.",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "Le guide DAE propose ces questions dès le sourcing. En sélection, apprécier la capacité globale ; les compétences nominatives de l'équipe proposée relèvent plutôt de la valeur technique de l'offre.",
    evidence: ["Tableau des formations suivies", "Attestations ou certificats de formation", "Plan de formation"],
    guideCriteria: ["formation"],
    source: SRC.daeP2I,
    legalBasis: LAW.selection,
  },
  {
    id: "p2i-spec-ecoconception",
    segment: "prestations-intellectuelles",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Conception responsable des livrables numériques",
    text:
      "Les services numériques conçus ou modifiés par le titulaire respectent le référentiel général d'écoconception de services numériques (RGESN) ou un référentiel équivalent. " +
      "Le titulaire réalise, en phase de conception, une évaluation simplifiée de l'empreinte environnementale du service sur son cycle de vie, conduit des revues de conception visant la sobriété (fonctions, données, calculs), " +
      "mesure les ressources consommées sur les parcours de référence à chaque mise en production, et prévoit les modalités de décommissionnement du service. " +
      "Les livrables restent utilisables sur des terminaux âgés d'au moins {{anciennete_terminaux:années}} et sur des connexions à bas débit.",
    placeholders: [
      {
        name: "anciennete_terminaux",
        type: "années",
        label: "Ancienneté des terminaux à prendre en charge (années)",
        default: "7",
        min: 3,
        max: 15,
      },
    ],
    guidance:
      "Le guide DAE (2021) notait l'absence de référentiel officiel ; le RGESN, publié depuis, fournit la grille commune. Prévoir dans le CCTP des unités d'œuvre dédiées à l'écoconception pour qu'elle soit chiffrée et non implicite.",
    evidence: [
      "Déclaration d'écoconception du service livré",
      "Comptes rendus des revues de conception",
      "Rapports de mesure à chaque mise en production",
    ],
    guideCriteria: ["services-numeriques"],
    source: `${SRC.daeP2I} ; ${SRC.rgesn}`,
    legalBasis: "Loi AGEC n° 2020-105, art. 55 (logiciels conçus pour limiter la consommation d'énergie)",
  },
  {
    id: "p2i-spec-accessibilite",
    segment: "prestations-intellectuelles",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Accessibilité des développements et condition de réception",
    text:
      "Les interfaces développées ou modifiées respectent le référentiel général d'amélioration de l'accessibilité (RGAA) dans sa version en vigueur. " +
      "La réception de chaque livrable est subordonnée à un taux de conformité minimal de {{taux_conformite_rgaa:pourcentage}}, vérifié par un audit que l'acheteur peut confier à un tiers indépendant, et à des tests avec des utilisateurs en situation de handicap lorsque l'acheteur les organise. " +
      "Les non-conformités relevées sont corrigées sans surcoût dans un délai de {{delai_correction_jours:nombre}} jours.",
    placeholders: [
      {
        name: "taux_conformite_rgaa",
        type: "pourcentage",
        label: "Taux minimal de conformité au RGAA pour la réception (%)",
        default: "100",
        min: 50,
      },
      {
        name: "delai_correction_jours",
        type: "nombre",
        label: "Délai de correction des non-conformités (jours)",
        default: "30",
        min: 1,
        max: 180,
      },
    ],
    guidance:
      "Le guide DAE recommande de conditionner la réception à la conformité au RGAA, de se réserver un audit indépendant et de donner un poids significatif à l'accessibilité dans le RC.",
    evidence: ["Rapport d'audit RGAA du livrable", "Déclaration d'accessibilité", "Comptes rendus des tests utilisateurs"],
    guideCriteria: ["services-numeriques", "impacts-societaux"],
    source: `${SRC.daeP2I} ; ${SRC.rgaa}`,
    legalBasis: "Loi n° 2005-102 du 11 février 2005, art. 47 ; décret n° 2019-768 du 24 juillet 2019",
  },
  {
    id: "p2i-crit-demarche-responsable",
    segment: "prestations-intellectuelles",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Démarche de conception responsable proposée",
    text:
      "Le critère « démarche de conception responsable », pondéré à {{ponderation:pourcentage}} de la note globale, est apprécié au vu d'une note méthodologique d'au plus {{pages_max:nombre}} pages présentant : " +
      "la méthode d'écoconception et d'accessibilité appliquée à chaque phase (cadrage, conception fonctionnelle, ergonomie, développement, hébergement, contenus) ; les mesures prévues et leurs outils ; " +
      "la sensibilisation et la formation des intervenants ; les dispositions réduisant l'empreinte de la prestation elle-même (déplacements, équipements des intervenants).",
    placeholders: [
      weightPlaceholder("15"),
      { name: "pages_max", type: "nombre", label: "Nombre maximal de pages de la note méthodologique", default: "10", min: 1, max: 50 },
    ],
    guidance:
      WEIGHT_GUIDANCE +
      "Le guide DAE conseille de n'utiliser ce critère que si le sourcing montre un marché mature ; sinon, préférer une spécification minimale et une clause de progrès. Les engagements notés deviennent contractuels.",
    evidence: ["Note méthodologique", "Exemples de livrables d'écoconception sur des projets comparables"],
    guideCriteria: ["services-numeriques", "formation"],
    source: `${SRC.daeP2I} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "p2i-exec-insertion",
    segment: "prestations-intellectuelles",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Clause sociale d'insertion ou de formation",
    text:
      "Le titulaire réserve au moins {{heures_insertion:nombre}} heures de travail, sur la durée du marché, à des personnes éloignées de l'emploi ou à la formation de jeunes sans qualification, " +
      "directement, par sous-traitance ou cotraitance avec une structure d'insertion, une entreprise adaptée ou un établissement d'aide par le travail, ou par mise à disposition de personnel. " +
      "Il est accompagné par le facilitateur désigné par l'acheteur et lui remet un bilan tous les {{periodicite_bilan:mois}}. " +
      "Chaque heure non réalisée sans justification donne lieu à une pénalité de {{penalite_par_heure:nombre}} euros HT.",
    placeholders: [
      { name: "heures_insertion", type: "nombre", label: "Nombre d'heures d'insertion ou de formation", default: "150", min: 1 },
      { name: "periodicite_bilan", type: "mois", label: "Périodicité du bilan d'insertion (mois)", default: "6", max: 12 },
      { name: "penalite_par_heure", type: "nombre", label: "Pénalité par heure non réalisée (euros HT)", default: "30", max: 1000 },
    ],
    guidance:
      "Repère du guide DAE pour la formation de jeunes décrocheurs : 150 h jusqu'à 100 k€, 300 h jusqu'à 200 k€, 450 h jusqu'à 400 k€, 900 h au-delà. " +
      "Vérifier au sourcing la capacité des candidats et des structures locales ; un lot peut aussi être réservé aux structures d'insertion, entreprises adaptées ou ESAT.",
    evidence: ["Bilans du facilitateur", "Contrats de travail ou conventions de mise à disposition", "Attestations des structures partenaires"],
    guideCriteria: ["impacts-societaux"],
    source: SRC.daeP2I,
    legalBasis: "Code de la commande publique, art. L2112-2 (conditions d'exécution à caractère social) et L2113-12 et L2113-13 (marchés réservés)",
  },
  {
    id: "p2i-exec-deplacements-reporting",
    segment: "prestations-intellectuelles",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Empreinte de la prestation : déplacements et rapport annuel",
    text:
      "Sans préjudice des présences sur site demandées par l'acheteur, le titulaire privilégie les réunions à distance et utilise le train pour tout trajet réalisable en moins de {{duree_train_max_heures:nombre}} heures. " +
      "Il remet chaque année un rapport indiquant les déplacements effectués pour le marché (mode, distance) et les émissions associées en kgCO2e, ainsi que les actions de réduction engagées ; la facturation de frais de déplacement en avion sur ces trajets n'est pas admise.",
    placeholders: [
      {
        name: "duree_train_max_heures",
        type: "nombre",
        label: "Durée maximale de trajet en train avant de recourir à l'avion (heures)",
        default: "4",
        min: 1,
        max: 12,
      },
    ],
    guidance:
      "Pour une prestation intellectuelle, les déplacements et les équipements des intervenants forment l'essentiel de l'empreinte directe ; la clause reste liée à l'exécution du marché.",
    evidence: ["Rapport annuel des déplacements", "Justificatifs de déplacement"],
    guideCriteria: ["mesure", "gouvernance"],
    source: SRC.daeP2I,
  },
  emissionFactorClause({
    id: "p2i-data-facteurs-emission",
    segment: "prestations-intellectuelles",
    title: "Facteurs d'émission spécifiques de la prestation",
    scope:
      "Le candidat fournit l'intensité carbone de ses prestations en kgCO2e par k€ HT facturé, calculée à partir de son bilan d'émissions (scopes 1 et 2 et émissions amont du scope 3, divisés par son chiffre d'affaires, émissions aval exclues), " +
      "et, s'il la connaît, en kgCO2e par heure de prestation.",
    units: ["kgCO2e/k€", "kgCO2e/heure"],
    guidance:
      "À défaut, l'acheteur applique le ratio monétaire moyen de l'ADEME pour les services informatiques (de l'ordre de 75 kgCO2e par k€, valeur illustrative à vérifier dans la Base Empreinte) ; un écart de plus d'un facteur 3 avec ce ratio mérite une explication. " +
      "Dans le fichier, cette intensité se déclare comme un ratio monétaire (méthode monetary-ratio, propre au fournisseur) en kgCO2e/k€.",
    extraEvidence: ["Bilan d'émissions de gaz à effet de serre du candidat et son périmètre"],
    guideCriteria: ["mesure", "gouvernance"],
    source: SRC.daeP2I,
  }),
];
