/** Clauses — segment « Téléphonie mobile » (terminaux, forfaits, reprise). Our own wording. */
import type { ClauseInput } from "../schema";
import { LAW, REUSE_QUOTA_GUIDANCE, SRC, WEIGHT_GUIDANCE, emissionFactorClause, weightPlaceholder } from "./shared";

export const telephonieMobileClauses: ClauseInput[] = [
  {
    id: "tel-sel-reconditionnement",
    segment: "telephonie-mobile",
    kind: "selection",
    targetDocument: "RC",
    title: "Capacité à fournir des terminaux reconditionnés",
    text:
      "Le candidat décrit sa capacité à fournir des terminaux reconditionnés : origine des appareils, partenaires de reconditionnement et leur localisation, procédure de test et de classement esthétique, " +
      "outil d'effacement des données utilisé, volumes de terminaux reconditionnés fournis au cours des {{periode_reference:années}} précédant la date limite de remise des candidatures et principales références de marchés comparables.",
    placeholders: [
      { name: "periode_reference", type: "années", label: "Période couverte par les éléments demandés (années)", default: "3", max: 5 },
    ],
    guidance:
      "Permet d'écarter les candidats incapables de tenir la part de reconditionné prévue au marché. Les acteurs de l'économie sociale et solidaire du reconditionnement peuvent répondre en cotraitance ou en sous-traitance.",
    evidence: [
      "Description de la filière de reconditionnement",
      "Attestations de marchés comparables",
      "Certification ou qualification de l'outil d'effacement des données",
    ],
    guideCriteria: ["fin-de-vie", "utilisation-achats"],
    source: SRC.daeReseaux,
    legalBasis: LAW.selection,
  },
  {
    id: "tel-spec-durabilite",
    segment: "telephonie-mobile",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Durabilité des smartphones : pièces, mises à jour, batterie",
    text:
      "Pour chaque modèle de smartphone proposé, le fabricant garantit la disponibilité des pièces détachées essentielles (batterie, écran, connecteurs, caméras) pendant au moins {{duree_pieces_detachees:années}} " +
      "et la fourniture des mises à jour du système d'exploitation et des correctifs de sécurité pendant au moins {{duree_mises_a_jour:années}}, ces deux durées courant à compter de la fin de mise sur le marché du modèle. " +
      "La batterie conserve au moins 80 % de sa capacité après {{cycles_batterie_min:nombre}} cycles complets de charge et peut être remplacée par un réparateur professionnel. " +
      "L'indice de réparabilité ou la classe de réparabilité de l'étiquette énergétique européenne de chaque modèle est communiqué.",
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
        label: "Durée de fourniture des mises à jour du système (années)",
        default: "5",
        min: 2,
      },
      {
        name: "cycles_batterie_min",
        type: "nombre",
        label: "Nombre minimal de cycles de charge (batterie à 80 %)",
        default: "800",
        min: 300,
        max: 3000,
      },
    ],
    guidance:
      "Depuis le 20 juin 2025, le règlement européen d'écoconception des smartphones et tablettes fixe lui-même des durées minimales (pièces, mises à jour, endurance de la batterie) et une étiquette avec classe de réparabilité : " +
      "les valeurs par défaut s'alignent sur ce minimum ; aller au-delà après sourcing.",
    evidence: [
      "Engagements écrits du fabricant (pièces détachées, mises à jour)",
      "Fiche d'information produit ou étiquette énergétique européenne du modèle",
      "Indice de réparabilité et sa grille de calcul",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: SRC.daeReseaux,
    legalBasis:
      "Règlement (UE) 2023/1670 (écoconception des smartphones et tablettes) ; règlement délégué (UE) 2023/1669 (étiquetage énergétique) ; loi AGEC n° 2020-105, art. 16 (indice de réparabilité) ; loi n° 2021-1485 du 15 novembre 2021 (REEN), art. 15",
  },
  {
    id: "tel-spec-reconditionne",
    segment: "telephonie-mobile",
    kind: "specification",
    targetDocument: "CCTP",
    title: "Offre de smartphones reconditionnés",
    text:
      "Le catalogue du titulaire comprend au moins {{nombre_modeles_reconditionnes:nombre}} modèles de smartphones reconditionnés au sens du code de la consommation, à côté des modèles neufs, et maintient ce nombre pendant toute la durée du marché. " +
      "Les terminaux reconditionnés sont entièrement fonctionnels, en bon état esthétique, avec une batterie conservant au moins {{capacite_batterie_min:pourcentage}} de sa capacité d'origine et une garantie d'au moins {{garantie_reconditionne:mois}}. " +
      "La totalité des données de l'utilisateur précédent a été effacée au moyen d'un outil ayant obtenu une certification de sécurité de l'ANSSI (par exemple CSPN) ou une certification équivalente.",
    placeholders: [
      {
        name: "nombre_modeles_reconditionnes",
        type: "nombre",
        label: "Nombre minimal de modèles reconditionnés au catalogue",
        default: "2",
        min: 1,
        max: 50,
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
        label: "Garantie minimale des terminaux reconditionnés (mois)",
        default: "12",
        min: 6,
        max: 60,
      },
    ],
    guidance:
      REUSE_QUOTA_GUIDANCE +
      " " +
      "Le nombre de modèles reconditionnés au-delà du minimum peut être valorisé en critère d'attribution.",
    evidence: [
      "Liste des modèles reconditionnés avec grade et garantie",
      "Procédure de test et certificat d'effacement type",
      "Justificatif de certification de l'outil d'effacement",
    ],
    guideCriteria: ["fin-de-vie", "utilisation-achats"],
    source: SRC.daeReseaux,
    legalBasis: `${LAW.agec58} ; loi AGEC, art. 37 (définition du reconditionnement)`,
  },
  {
    id: "tel-crit-performance-environnementale",
    segment: "telephonie-mobile",
    kind: "award-criterion",
    targetDocument: "RC",
    title: "Performance environnementale de l'offre de terminaux",
    text:
      "Le critère « performance environnementale », pondéré à {{ponderation:pourcentage}} de la note globale, note : le nombre de modèles reconditionnés proposés au-delà du minimum ; " +
      "la moyenne des indices ou classes de réparabilité des modèles proposés ; la part des modèles satisfaisant aux critères de TCO Certified, d'EPEAT, de l'Ange bleu ou d'un label équivalent ; " +
      "les durées de pièces détachées, de mises à jour et de garantie au-delà du minimum ; la fourniture des terminaux sans chargeur ni câble lorsque l'acheteur le demande.",
    placeholders: [weightPlaceholder("15")],
    guidance:
      WEIGHT_GUIDANCE +
      "Publier la formule de calcul de chaque sous-élément. Les réponses au mémoire social (conditions de travail, minerais) sont déclaratives : le guide DAE conseille de les exiger sans les noter.",
    evidence: [
      "Cadre de réponse environnemental par modèle",
      "Certificats de labels ou preuves équivalentes",
      "Indices de réparabilité et fiches produit",
    ],
    guideCriteria: ["utilisation-achats", "fin-de-vie"],
    source: `${SRC.daeReseaux} ; ${SRC.daePonderation}`,
    legalBasis: `${LAW.climat} ; ${LAW.labels}`,
  },
  {
    id: "tel-exec-information-catalogue",
    segment: "telephonie-mobile",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Information environnementale dans le catalogue de commande",
    text:
      "Le catalogue de commande mis à disposition des utilisateurs affiche, pour chaque modèle : son statut neuf ou reconditionné, son indice ou sa classe de réparabilité, la durée de disponibilité des pièces détachées et des mises à jour, " +
      "les labels obtenus, la part de matières recyclées et les autres qualités environnementales déclarées par le fabricant. Les modèles reconditionnés sont présentés en premier. " +
      "Les accessoires (chargeur, câble, écouteurs) ne sont livrés que s'ils sont commandés. Le titulaire met le catalogue à jour dans un délai de {{delai_mise_a_jour_jours:nombre}} jours après tout changement.",
    placeholders: [
      {
        name: "delai_mise_a_jour_jours",
        type: "nombre",
        label: "Délai de mise à jour du catalogue (jours)",
        default: "15",
        min: 1,
        max: 90,
      },
    ],
    guidance:
      "L'ordre d'affichage et la vente découplée des accessoires orientent les choix des utilisateurs sans restreindre leur liberté. La directive sur le chargeur universel permet d'acheter les terminaux sans chargeur.",
    evidence: ["Captures du catalogue de commande", "Fiches produit"],
    guideCriteria: ["utilisation-achats"],
    source: SRC.daeReseaux,
    legalBasis: "Directive (UE) 2022/2380 (chargeur universel) ; information inspirée de la loi AGEC n° 2020-105, art. 13 et 16, qui vise la vente aux consommateurs",
  },
  {
    id: "tel-exec-reprise-flotte",
    segment: "telephonie-mobile",
    kind: "performance-clause",
    targetDocument: "CCAP",
    title: "Reprise des terminaux usagés et effacement des données",
    text:
      "Le titulaire reprend, à la demande de l'acheteur, les terminaux usagés de la flotte, y compris ceux d'autres marques. Il efface les données de chaque appareil avec un outil certifié ou équivalent et remet un certificat d'effacement par numéro IMEI dans un délai de {{delai_certificat_jours:nombre}} jours. " +
      "Les terminaux réemployables sont reconditionnés et remis sur le marché ; leur valeur de reprise est déduite des factures. " +
      "Chaque année, le titulaire indique le nombre de terminaux repris, la part réemployée et la part recyclée, avec le nom des sites de traitement.",
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
      "Vérifier que la valeur de reprise reste compatible avec les règles de cession des biens publics ; pour un don, voir le segment « Fin de vie et réemploi ».",
    evidence: ["Certificats d'effacement par IMEI", "Rapport annuel de reprise"],
    guideCriteria: ["fin-de-vie", "mesure"],
    source: SRC.daeReseaux,
    legalBasis: LAW.deee,
  },
  emissionFactorClause({
    id: "tel-data-facteurs-emission",
    segment: "telephonie-mobile",
    title: "Facteurs d'émission spécifiques des terminaux et forfaits",
    scope:
      "Le candidat fournit l'empreinte carbone de chaque modèle de terminal proposé en kgCO2e par unité, en distinguant neuf et reconditionné (fabrication ou reconditionnement, transport, fin de vie), " +
      "et, pour les forfaits, un facteur en kgCO2e par ligne (exprimé par utilisateur et par mois) et en kgCO2e par Go de données consommé.",
    units: ["kgCO2e/unité", "kgCO2e/utilisateur.mois", "kgCO2e/Go"],
    guidance:
      "Le gain d'un terminal reconditionné tient surtout à la fabrication évitée : demander l'empreinte propre du reconditionnement (transport, pièces remplacées, tests) et non une valeur déduite du neuf.",
    guideCriteria: ["mesure", "utilisation-achats"],
    source: SRC.daeReseaux,
  }),
];
