/** Clauses — segment « Postes de travail » (PC fixes et portables, écrans, tablettes). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, REUSE_QUOTA_GUIDANCE, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

export const postesDeTravailClauses: ClauseInput[] = [
  {
    id: "pdt-sel-chaine-approvisionnement",
    segment: "postes-de-travail",
    kind: "selection",
    targetDocument: "RC",
    title: "Gestion et traçabilité de la chaîne d'approvisionnement",
    text:
      "Le candidat décrit les systèmes de gestion et de suivi de sa chaîne d'approvisionnement qu'il pourra mettre en œuvre pour le marché : " +
      "localisation des sites d'assemblage et des principaux fournisseurs de rang 1 et 2, méthode d'identification des risques d'atteinte aux droits humains et à l'environnement, " +
      "démarche de diligence raisonnable sur l'origine des minerais (étain, tantale, tungstène, or et cobalt) et, s'il y est soumis, son plan de vigilance. " +
      "Les audits et résultats présentés couvrent les {{periode_reference:années}} précédant la date limite de remise des candidatures.",
    placeholders: [
      {
        name: "periode_reference",
        type: "années",
        label: "Période couverte par les éléments demandés (années)",
        default: "3",
        max: 5,
      },
    ],
    guidance:
      "La sélection apprécie les capacités du candidat, pas son offre : la demande doit rester liée et proportionnée à l'objet du marché. " +
      "À réserver aux marchés d'un montant significatif. Le Label Numérique Responsable, qui évalue une organisation et non les produits vendus, ne peut pas servir à sélectionner les candidats ni les offres. " +
      "La diligence raisonnable demandée repose sur le guide de l'OCDE relatif aux minerais provenant de zones de conflit ou à haut risque, qui couvre aussi le cobalt ; le règlement (UE) 2017/821 ne s'impose qu'aux importateurs de l'Union d'étain, de tantale, de tungstène et d'or au-delà de seuils de volume, pas aux fournisseurs de matériel informatique en tant que tels.",
    evidence: [
      "Cartographie des sites d'assemblage et des fournisseurs de rang 1 et 2",
      "Plan de vigilance et compte rendu de sa mise en œuvre, le cas échéant",
      "Rapport de diligence raisonnable sur les minerais (par exemple modèle CMRT ou équivalent)",
      "Rapports d'audits sociaux de sites de production",
    ],
    guideCriteria: ["impacts-societaux", "utilisation-achats", "gouvernance"],
    source: SRC.daeBureautique,
    legalBasis: `${LAW.selection} ; ${LAW.vigilance}`,
  },
  {
    id: "pdt-sel-gestion-environnementale",
    segment: "postes-de-travail",
    kind: "selection",
    targetDocument: "RC",
    title: "Mesures de gestion environnementale du candidat",
    text:
      "Le candidat indique les mesures de gestion environnementale qu'il appliquera lors de l'exécution du marché (logistique, emballages, reprise des équipements, réduction des déplacements). " +
      "Il peut en justifier par un certificat de système de management environnemental de type ISO 14001 ou EMAS, ou équivalent, en cours de validité et couvrant les activités concernées par le marché, " +
      "ou par tout autre moyen de preuve démontrant des mesures équivalentes.",
    placeholders: [],
    guidance:
      "Un certificat ne peut pas être exigé seul : toute preuve de mesures équivalentes doit être acceptée. " +
      "Vérifier le périmètre du certificat (un site ou tout le groupe) et sa date de validité.",
    evidence: [
      "Certificat ISO 14001 ou EMAS, ou équivalent, avec son périmètre et sa date de validité",
      "À défaut, description documentée des mesures de gestion environnementale",
    ],
    guideCriteria: ["gouvernance", "mesure"],
    source: SRC.daeBureautique,
    legalBasis: LAW.selection,
  },
  {
    id: "pdt-spec-ecolabel",
    segment: "postes-de-travail",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Écolabel ou certification environnementale des équipements",
    text:
      "{{part_references_labellisees:pourcentage}} au moins des références du bordereau des prix satisfont aux critères de l'un des labels suivants, pour le modèle exact proposé : " +
      "Écolabel européen, Ange bleu (Blauer Engel), TCO Certified, ou EPEAT au niveau {{niveau_epeat_min:liste}} au minimum, ou tout label équivalent. " +
      "Le label est en cours de validité à la date limite de remise des offres. " +
      "Le candidat dont les produits ne sont pas labellisés peut démontrer par tout moyen approprié, notamment un dossier technique du fabricant, que ses produits remplissent les critères du label demandé.",
    placeholders: [
      {
        name: "part_references_labellisees",
        type: "pourcentage",
        label: "Part minimale des références labellisées (%)",
        default: "100",
      },
      {
        name: "niveau_epeat_min",
        type: "liste",
        label: "Niveau EPEAT minimal",
        default: "Silver",
        values: ["Bronze", "Silver", "Gold"],
      },
    ],
    guidance:
      "Vérifier au sourcing que l'offre labellisée existe sur le marché français pour chaque famille. " +
      "Astuce du guide DAE : exiger ici le label le plus répandu et valoriser en critère d'attribution un niveau plus exigeant (TCO Certified Edge, EPEAT Gold). " +
      "Les preuves équivalentes doivent être acceptées (art. R2111-16 et R2111-17 du code de la commande publique). Le Label NR, qui porte sur une organisation, ne peut pas être exigé ici.",
    evidence: [
      "Certificat du label, émis par un tiers indépendant, nommant le modèle exact et en cours de validité",
      "Ou dossier technique du fabricant, rapport d'essai d'un organisme reconnu ou autre preuve équivalente",
    ],
    guideCriteria: ["utilisation-achats"],
    source: `${SRC.daeBureautique} ; ${SRC.daeLabels}`,
    legalBasis: LAW.labels,
  },
  {
    id: "pdt-spec-durabilite",
    segment: "postes-de-travail",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Durabilité : pièces détachées, mises à jour, batterie, garantie",
    text:
      "Pour chaque référence proposée, le fabricant garantit la disponibilité des pièces détachées essentielles (batterie, écran, clavier, alimentation, stockage, mémoire lorsqu'elle est amovible) pendant au moins {{duree_pieces_detachees:années}} à compter de la dernière livraison au titre du marché. " +
      "Les mises à jour du micrologiciel, des pilotes et les correctifs de sécurité restent disponibles pendant au moins {{duree_mises_a_jour:années}} après la mise sur le marché du modèle, et leur installation ne doit pas dégrader les performances de l'équipement. " +
      "La batterie des ordinateurs portables et des tablettes est remplaçable avec des outils courants, sans perte de garantie. " +
      "La garantie contractuelle, pièces et main-d'œuvre sur site, est d'au moins {{duree_garantie:années}}.",
    placeholders: [
      {
        name: "duree_pieces_detachees",
        type: "années",
        label: "Durée de disponibilité des pièces détachées (années)",
        default: "7",
        min: 5,
      },
      {
        name: "duree_mises_a_jour",
        type: "années",
        label: "Durée de mise à disposition des mises à jour (années)",
        default: "6",
        min: 2,
      },
      {
        name: "duree_garantie",
        type: "années",
        label: "Durée de la garantie contractuelle (années)",
        default: "3",
        max: 7,
      },
    ],
    guidance:
      "Les obligations d'information de la loi AGEC sur les pièces détachées et les mises à jour visent la vente aux consommateurs : dans un marché entre professionnels, seule la clause crée l'engagement. " +
      "Viser une durée d'usage de 5 à 7 ans pour un portable : pièces et mises à jour doivent couvrir au moins cette durée. " +
      "Vérifier au sourcing les durées offertes par les constructeurs avant de fixer les seuils.",
    evidence: [
      "Engagement écrit du fabricant sur la durée de disponibilité des pièces détachées",
      "Politique publiée de support logiciel du modèle (micrologiciel, pilotes, sécurité)",
      "Notice de démontage ou guide de réparation montrant le remplacement de la batterie",
      "Conditions de garantie",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeBureautique,
  },
  {
    id: "pdt-spec-reconditionne",
    segment: "postes-de-travail",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Offre d'équipements reconditionnés",
    text:
      "Le titulaire propose, pour chaque famille d'équipements du bordereau (portables, fixes, écrans, tablettes), au moins une référence reconditionnée au sens du code de la consommation. " +
      "Les équipements reconditionnés représentent au moins {{part_reconditionne:pourcentage}} des quantités commandées chaque année si l'acheteur le demande. " +
      "Ils sont entièrement fonctionnels, en bon état esthétique, livrés avec un système d'exploitation à jour, une batterie conservant au moins {{capacite_batterie_min:pourcentage}} de sa capacité d'origine, " +
      "et une garantie d'au moins {{garantie_reconditionne:mois}}. Toutes les données des utilisateurs précédents ont été effacées de manière sécurisée, avec un certificat par appareil.",
    placeholders: [
      {
        name: "part_reconditionne",
        type: "pourcentage",
        label: "Part minimale d'équipements reconditionnés dans les commandes (%)",
        default: "20",
      },
      {
        name: "capacite_batterie_min",
        type: "pourcentage",
        label: "Capacité minimale de la batterie par rapport à l'origine (%)",
        default: "80",
        min: 50,
      },
      {
        name: "garantie_reconditionne",
        type: "mois",
        label: "Garantie minimale des équipements reconditionnés (mois)",
        default: "12",
        min: 6,
        max: 60,
      },
    ],
    guidance:
      "Clause remplacée par « pdt-spec-reconditionne-v2 » : sa part par défaut reprenait un taux de l'ancienne réglementation. " + REUSE_QUOTA_GUIDANCE,
    evidence: [
      "Liste des références reconditionnées proposées, avec leur grade esthétique et leurs caractéristiques",
      "Procédure de reconditionnement et de test",
      "Modèle de certificat d'effacement des données",
      "Conditions de garantie des équipements reconditionnés",
    ],
    guideCriteria: ["fin-de-vie", "utilisation-achats"],
    source: `${SRC.daeBureautique} ; ${SRC.daeFinDeVie}`,
    legalBasis: `${LAW.agec58} ; loi AGEC, art. 37 (définition du reconditionnement)`,
    supersededBy: "pdt-spec-reconditionne-v2",
  },
  {
    id: "pdt-spec-reconditionne-v2",
    segment: "postes-de-travail",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Offre d'équipements reconditionnés",
    text:
      "Le titulaire propose, pour chaque famille d'équipements du bordereau (portables, fixes, écrans, tablettes), au moins une référence reconditionnée au sens du code de la consommation. " +
      "Les équipements reconditionnés représentent au moins {{part_reconditionne:pourcentage}} des quantités commandées chaque année, part que l'acheteur fixe au regard de ses propres obligations d'achat de biens issus du réemploi. " +
      "Ils sont entièrement fonctionnels, en bon état esthétique, livrés avec un système d'exploitation à jour, une batterie conservant au moins {{capacite_batterie_min:pourcentage}} de sa capacité d'origine, " +
      "et une garantie d'au moins {{garantie_reconditionne:mois}}. Toutes les données des utilisateurs précédents ont été effacées de manière sécurisée, avec un certificat par appareil.",
    placeholders: [
      {
        name: "part_reconditionne",
        type: "pourcentage",
        label: "Part minimale d'équipements reconditionnés dans les commandes (%), à fixer par l'acheteur",
      },
      {
        name: "capacite_batterie_min",
        type: "pourcentage",
        label: "Capacité minimale de la batterie par rapport à l'origine (%)",
        default: "80",
        min: 50,
      },
      {
        name: "garantie_reconditionne",
        type: "mois",
        label: "Garantie minimale des équipements reconditionnés (mois)",
        default: "12",
        min: 6,
        max: 60,
      },
    ],
    guidance:
      REUSE_QUOTA_GUIDANCE +
      " Le marché doit permettre d'atteindre la part issue du réemploi ; elle peut être plus élevée pour les usages peu exigeants. Les acteurs de l'économie sociale et solidaire sont souvent présents sur ce marché.",
    evidence: [
      "Liste des références reconditionnées proposées, avec leur grade esthétique et leurs caractéristiques",
      "Procédure de reconditionnement et de test",
      "Modèle de certificat d'effacement des données",
      "Conditions de garantie des équipements reconditionnés",
    ],
    guideCriteria: ["fin-de-vie", "utilisation-achats"],
    source: `${SRC.daeBureautique} ; ${SRC.daeFinDeVie}`,
    legalBasis: `${LAW.agec58} ; loi AGEC, art. 37 (définition du reconditionnement)`,
  },
  {
    id: "pdt-crit-performance-environnementale",
    segment: "postes-de-travail",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale des équipements",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, est apprécié à partir du cadre de réponse environnemental, sur les éléments suivants, chacun justifié : " +
      "niveau de label au-delà du minimum exigé (par exemple TCO Certified Edge, EPEAT Gold ou équivalent) ; part de plastique recyclé post-consommation dans la masse totale de plastique ; " +
      "consommation électrique typique annuelle (TEC, en kWh par an) ; part des références disponibles en reconditionné ; nature, volume et recyclabilité des emballages. " +
      "Un élément non justifié n'est pas pris en compte.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Annoncer dans le RC le poids de chaque sous-élément s'il peut influencer la préparation des offres. La durée de la garantie et des pièces détachées peut aussi être valorisée dans le critère « Réparabilité et durée d'usage ».",
    evidence: [
      "Cadre de réponse environnemental complété par référence",
      "Certificats de labels nommant le modèle exact",
      "Fiches environnementales du fabricant (taux de plastique recyclé, consommation TEC)",
      "Description des emballages (matériaux, masse, volume)",
    ],
    guideCriteria: ["utilisation-achats", "mesure"],
    source: `${SRC.daeBureautique} ; ${SRC.daePonderation}`,
    legalBasis: LAW.climat,
  },
  {
    id: "pdt-crit-reparabilite",
    segment: "postes-de-travail",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Réparabilité et durée d'usage",
    text:
      "Le sous-critère « réparabilité et durée d'usage », pondéré à {{ponderation:pourcentage}} de la note globale, note : " +
      "l'indice de réparabilité ou, lorsqu'il s'applique, l'indice de durabilité ou la classe de réparabilité de l'étiquette européenne de chaque référence ; " +
      "la durée de disponibilité des pièces détachées et des mises à jour au-delà du minimum du CCTP ; la durée de garantie au-delà du minimum ; la facilité de démontage et de mise à niveau (mémoire, stockage). " +
      "Pour les familles sans indice officiel, le candidat fournit une grille équivalente documentée par le fabricant.",
    placeholders: [weightPlaceholder("10")],
    guidance:
      WEIGHT_GUIDANCE +
      "La loi REEN (art. 15) demande de tenir compte de l'indice de réparabilité ou de durabilité dans les achats publics. Préciser dans le RC la formule de notation (par exemple note proportionnelle à la moyenne des indices, pondérée par les quantités).",
    evidence: [
      "Indice de réparabilité ou de durabilité affiché, avec sa grille de calcul",
      "Engagements écrits sur les pièces détachées et les mises à jour",
      "Guide de réparation du fabricant",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeBureautique,
    legalBasis: `Loi AGEC n° 2020-105, art. 16 (indice de réparabilité) ; ${LAW.reen15}`,
  },
  {
    id: "pdt-exec-reporting-progres",
    segment: "postes-de-travail",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Rapport environnemental annuel et clause de progrès",
    text:
      "Le titulaire remet chaque année, au plus tard {{delai_rapport:mois}} après la date anniversaire du marché, un rapport indiquant par référence : les quantités livrées, neuves et reconditionnées ; les labels détenus ; la masse d'équipements repris et leur destination. " +
      "Il y signale les nouveaux labels ou niveaux obtenus et toute innovation améliorant la performance environnementale (plastique recyclé, offre reconditionnée, efficacité énergétique). " +
      "Sur accord de l'acheteur, une référence plus performante remplace la référence initiale sans hausse de prix. " +
      "En cas de retard dans la remise du rapport, une pénalité de {{penalite_par_jour:nombre}} euros HT par jour calendaire de retard est appliquée après mise en demeure restée sans effet.",
    placeholders: [
      { name: "delai_rapport", type: "mois", label: "Délai de remise du rapport annuel (mois)", default: "2", max: 6 },
      {
        name: "penalite_par_jour",
        type: "nombre",
        label: "Pénalité par jour de retard (euros HT)",
        default: "50",
        max: 10000,
      },
    ],
    guidance:
      "Le rapport alimente le suivi de la part de reconditionné exigée par la loi AGEC et le calcul des émissions. " +
      "La substitution d'une référence plus performante doit être prévue au marché sous forme de clause de réexamen (art. R2194-1 du code de la commande publique). " +
      "Articuler la pénalité avec celles du CCAG retenu (CCAG-TIC ou CCAG-FCS) et rester proportionné.",
    evidence: ["Rapport annuel", "Certificats des nouveaux labels", "Fiches techniques des références de substitution"],
    guideCriteria: ["mesure", "utilisation-achats"],
    source: SRC.daeBureautique,
  },
  {
    id: "pdt-exec-droits-humains",
    segment: "postes-de-travail",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Conditions de travail dans la chaîne d'approvisionnement et minerais",
    text:
      "Le titulaire veille à ce que les équipements livrés soient fabriqués dans le respect des conventions fondamentales de l'Organisation internationale du travail (notamment n° 29, 87, 98, 100, 105, 111, 138, 155, 182 et 187), tout au long de la chaîne d'approvisionnement, extraction des minerais comprise. " +
      "Il met en œuvre une démarche de diligence raisonnable sur l'étain, le tantale, le tungstène, l'or et le cobalt conforme aux lignes directrices de l'OCDE ou équivalente. " +
      "Sur demande de l'acheteur, il transmet dans un délai de {{delai_justificatifs_jours:nombre}} jours les justificatifs de cette démarche et, en cas de manquement constaté, un plan d'action correctif assorti d'échéances.",
    placeholders: [
      {
        name: "delai_justificatifs_jours",
        type: "nombre",
        label: "Délai de transmission des justificatifs (jours)",
        default: "30",
        min: 5,
        max: 90,
      },
    ],
    guidance:
      "Condition d'exécution liée à l'objet du marché (les équipements livrés). Le guide DAE cite les huit conventions fondamentales ; l'OIT y a ajouté en 2022 les conventions 155 et 187 sur la sécurité et la santé au travail. " +
      "La démarche sur les minerais repose sur le guide de l'OCDE, qui couvre aussi le cobalt : le règlement (UE) 2017/821 ne s'impose qu'aux importateurs de l'Union d'étain, de tantale, de tungstène et d'or au-delà de seuils de volume, et ne vise ni le cobalt ni les fournisseurs de matériel informatique en tant que tels ; un titulaire qui y est soumis peut produire son rapport comme preuve. " +
      "Les labels sociaux (TCO Certified) et les audits indépendants sont les preuves les plus solides ; un code de conduite seul est une preuve faible.",
    evidence: [
      "Certificats ou rapports d'audits sociaux des sites de fabrication",
      "Label intégrant des critères sociaux (par exemple TCO Certified) ou équivalent",
      "Rapport de diligence raisonnable sur les minerais",
      "Plan de vigilance, le cas échéant",
    ],
    guideCriteria: ["impacts-societaux"],
    source: SRC.daeBureautique,
    legalBasis: `${LAW.vigilance}, pour les entreprises qui y sont soumises (la diligence sur les minerais est une exigence contractuelle fondée sur le guide de l'OCDE)`,
  },
  emissionFactorClause({
    id: "pdt-data-facteurs-emission",
    segment: "postes-de-travail",
    title: "Facteurs d'émission spécifiques des équipements",
    scope:
      "Pour chaque référence proposée, neuve ou reconditionnée, le candidat fournit l'empreinte carbone de l'équipement en kgCO2e par unité (fabrication, transport jusqu'au lieu de livraison et fin de vie). " +
      "La note jointe indique la consommation électrique annuelle typique de chaque référence en kWh, afin que l'acheteur calcule la phase d'usage avec son propre facteur d'électricité.",
    units: ["kgCO2e/unité"],
    guidance:
      "Dans le scope 3 de l'acheteur, les ordinateurs relèvent de la catégorie 2 (biens immobilisés) lorsqu'ils sont immobilisés, sinon de la catégorie 1 (biens et services achetés) ; leur fin de vie relève de la catégorie 5 (déchets générés). Pour un équipement reconditionné, demander l'empreinte du reconditionnement lui-même et non celle d'un appareil neuf.",
    extraEvidence: ["Fiche d'empreinte carbone produit du fabricant pour chaque modèle"],
    guideCriteria: ["mesure", "utilisation-achats"],
    source: SRC.daeBureautique,
  }),
  {
    id: "pdt-data-livraisons",
    segment: "postes-de-travail",
    kind: "data-requirement",
    targetDocument: "CCAP",
    title: "Données de livraison pour le suivi AGEC et le bilan carbone",
    text:
      "Le titulaire transmet tous les {{periodicite_transmission:mois}}, sous forme de fichier tableur ouvert (CSV), la liste des équipements livrés : référence, code CPV, quantité, numéro de série, date de livraison, " +
      "statut neuf ou reconditionné, part de matières recyclées déclarée, masse unitaire et montant HT. Les données couvrent toute la période écoulée depuis le début du marché.",
    placeholders: [
      {
        name: "periodicite_transmission",
        type: "mois",
        label: "Périodicité de transmission des données de livraison (mois)",
        default: "3",
        max: 12,
      },
    ],
    guidance:
      "Ces données permettent de calculer les émissions à partir des quantités physiques plutôt que des montants et, pour l'État, les collectivités territoriales et leurs groupements, de justifier les parts de biens issus du réemploi ou intégrant des matières recyclées (décret n° 2024-134). Ce décret raisonne par catégorie de produits et non plus par code CPV : ajouter au besoin la catégorie de produits au fichier demandé.",
    evidence: ["Fichier CSV des livraisons", "Bons de livraison correspondants"],
    guideCriteria: ["mesure", "utilisation-achats"],
    source: SRC.daeBureautique,
    legalBasis: LAW.agec58,
  },
];
