/**
 * Offer-criteria catalogue (data only, validated by ./schema.ts at load). Our own wording.
 *
 * Each entry names where its idea comes from: the reference note in shared/reference/ and the public guide or text
 * behind it. The examples named by issue 11 §2 (carbon footprint of the supplied equipment, annual energy use,
 * warranty years, spare-part availability years, reuse share, footprint per user-month of a hosted service) are all
 * here, plus `empreinte-offre`, usable in every segment.
 */
import type { OfferCriterionInput } from "./schema";

const DAE = "Guide pratique pour des achats numériques responsables (DAE, INR, MTE, DINUM, 2021)";
const COMPARABLE =
  "Pour que les valeurs soient comparables, le RC impose la méthode, le périmètre et les hypothèses (durée d'usage, facteur d'électricité) et demande les facteurs au format CSV du portail.";

export const offerCriteriaData: OfferCriterionInput[] = [
  // ------------------------------------------------------------------------------------------------------
  // Every segment
  {
    id: "empreinte-offre",
    label: "Empreinte carbone de l'offre",
    description:
      "Émissions de gaz à effet de serre de l'ensemble de l'offre, calculées à partir du bordereau des quantités : pour chaque ligne, quantité × facteur d'émission par unité (fabrication, transport, fin de vie et, lorsque le RC le prévoit, usage sur la durée fixée), en kgCO2e pour la totalité du marché.",
    unit: { kind: "co2e", mass: "kg", per: null },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: "all",
    evidence: [
      "Calcul détaillé par ligne du bordereau : quantité, facteur d'émission, source du facteur",
      "Facteurs d'émission au format CSV du portail, avec leur méthode et leur année de référence",
      "Note méthodologique (périmètre, durée d'usage, facteur d'électricité retenu)",
    ],
    guidance:
      "Critère portant sur l'offre elle-même, qui répond à l'obligation de retenir au moins un critère environnemental pour les consultations lancées à compter du 21 août 2026. " +
      COMPARABLE +
      " Sans bordereau de quantités, noter plutôt l'empreinte par unité d'œuvre (critères « par équipement » ou « par utilisateur et par mois »).",
    source: {
      reference: "shared/reference/lawful-award-criteria.md §1",
      publicGuide:
        "Code de la commande publique, art. L2152-7 (critère environnemental de l'offre), dans sa rédaction issue de la loi n° 2021-1104 du 22 août 2021, art. 35 ; GHG Protocol, méthode « supplier-specific » (shared/reference/emission-factors.md §2.2)",
    },
  },

  // ------------------------------------------------------------------------------------------------------
  // Equipment: workstations, phones, printing, servers, network gear
  {
    id: "empreinte-equipement",
    label: "Empreinte carbone par équipement fourni",
    description:
      "Empreinte carbone de chaque référence proposée, fabrication, transport jusqu'au lieu de livraison et fin de vie compris, en kgCO2e par unité ; moyenne pondérée par les quantités prévisionnelles lorsque l'offre comporte plusieurs références.",
    unit: { kind: "co2e", mass: "kg", per: "unit" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["postes-de-travail", "telephonie-mobile", "impression", "infrastructures-datacenter", "reseaux-telecoms"],
    evidence: [
      "Fiche d'empreinte carbone produit du fabricant pour chaque modèle (ISO 14067 ou équivalent)",
      "Facteurs d'émission au format CSV du portail",
      "Pour un équipement reconditionné : empreinte du reconditionnement lui-même",
    ],
    guidance:
      COMPARABLE +
      " L'empreinte dépend fortement de la configuration (mémoire, stockage, écran) : comparer des configurations répondant au même besoin.",
    source: {
      reference: "shared/reference/lawful-award-criteria.md §1",
      publicGuide: `${DAE}, fiches « Matériels bureautiques » et « Infrastructures et cloud » (déclarations environnementales demandées aux constructeurs)`,
    },
  },
  {
    id: "consommation-energie-annuelle",
    label: "Consommation d'énergie annuelle typique",
    description:
      "Consommation électrique annuelle typique de chaque référence dans les conditions d'usage fixées par le RC (par exemple consommation électrique typique, TEC), en kWh par an, moyenne pondérée par les quantités.",
    unit: { kind: "energy", per: "year" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["postes-de-travail", "impression", "infrastructures-datacenter", "reseaux-telecoms"],
    evidence: [
      "Valeur TEC ou mesure selon la méthode Energy Star ou équivalente",
      "Fiche d'information produit (pour les serveurs, celle prévue par le règlement (UE) 2019/424)",
    ],
    guidance:
      "Les valeurs d'impression publiées en kWh par semaine sont converties en kWh par an (× 52). Pour les serveurs, préférer la puissance à charge typique rapportée à la capacité de calcul demandée, sinon une configuration sous-dimensionnée serait avantagée.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.1",
      publicGuide: `${DAE}, éléments notés des annexes « Matériels bureautiques » (consommation typique) et « Solutions d'impression » (TEC)`,
    },
  },
  {
    id: "duree-garantie",
    label: "Durée de garantie",
    description: "Durée de la garantie contractuelle, pièces et main-d'œuvre, de l'équipement fourni, en années.",
    unit: { kind: "duration", unit: "years" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "telephonie-mobile", "impression", "infrastructures-datacenter", "reseaux-telecoms"],
    evidence: ["Conditions de garantie signées, par référence"],
    guidance:
      "Une garantie longue protège la durée d'usage, principal levier de réduction de l'empreinte des équipements : elle est ici une caractéristique environnementale de l'offre. Fixer un minimum au CCTP et noter ce qui le dépasse.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.1",
      publicGuide: `${DAE}, questions de sourcing « durée de garantie » des fiches matériels`,
    },
  },
  {
    id: "duree-pieces-detachees",
    label: "Durée de disponibilité des pièces détachées",
    description:
      "Durée pendant laquelle le fabricant s'engage à fournir les pièces détachées essentielles de la référence, comptée à partir de la dernière livraison au titre du marché, en années.",
    unit: { kind: "duration", unit: "years" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "telephonie-mobile", "impression", "infrastructures-datacenter", "reseaux-telecoms"],
    evidence: ["Engagement écrit du fabricant, par référence"],
    guidance:
      "Les obligations d'information de la loi AGEC sur les pièces détachées visent la vente aux consommateurs : dans un marché, seule la valeur engagée dans l'offre compte. Pour les smartphones et tablettes, le règlement (UE) 2023/1670 fixe déjà un minimum : noter ce qui le dépasse.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.1",
      publicGuide: `${DAE}, questions de sourcing « années de fourniture de pièces détachées »`,
    },
  },
  {
    id: "duree-mises-a-jour",
    label: "Durée de fourniture des mises à jour et correctifs",
    description:
      "Durée pendant laquelle les mises à jour du système, du micrologiciel et les correctifs de sécurité sont fournis sans changement de matériel, en années.",
    unit: { kind: "duration", unit: "years" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "telephonie-mobile", "infrastructures-datacenter", "reseaux-telecoms"],
    evidence: ["Politique de support publiée par le constructeur (dates de fin de support)", "Engagement écrit pour les références proposées"],
    guidance: "L'obsolescence logicielle est une cause majeure de remplacement des équipements de réseau et des terminaux ; l'engagement noté devient contractuel.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.3",
      publicGuide: `${DAE}, fiche « Réseaux et télécoms » (engagement de mises à jour au-delà du minimum)`,
    },
  },
  {
    id: "indice-reparabilite",
    label: "Indice de réparabilité ou de durabilité",
    description:
      "Indice de réparabilité ou de durabilité affiché pour chaque référence (note sur 10), moyenne pondérée par les quantités ; à défaut d'indice officiel, grille équivalente documentée par le fabricant.",
    unit: { kind: "index", max: 10 },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "telephonie-mobile"],
    evidence: ["Indice affiché et sa grille de calcul, par référence"],
    guidance:
      "La loi n° 2021-1485 du 15 novembre 2021 (REEN), art. 15, demande aux acheteurs publics de tenir compte de l'indice de réparabilité ou de durabilité. Pour les smartphones et tablettes, la classe de réparabilité de l'étiquette européenne peut être convertie en note selon une table publiée dans le RC.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §3",
      publicGuide: "Loi AGEC n° 2020-105, art. 16 (indice de réparabilité) ; fiche « Réseaux et télécoms » du guide DAE 2021 (indice par référence, élément noté)",
    },
  },
  {
    id: "part-reconditionne",
    label: "Part d'équipements reconditionnés dans l'offre",
    description: "Part des quantités du bordereau que le candidat s'engage à fournir en équipements reconditionnés, en pourcentage.",
    unit: { kind: "percent" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "telephonie-mobile", "impression", "infrastructures-datacenter"],
    evidence: ["Liste des références reconditionnées proposées", "Engagement sur les quantités", "Procédure de reconditionnement et de test"],
    guidance:
      "Pour l'État, les collectivités territoriales et leurs groupements, cette part aide à respecter l'obligation d'acquérir des biens issus du réemploi (décret n° 2024-134) ; la part engagée devient contractuelle. Vérifier que l'offre reconditionnée existe au sourcing.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.1",
      publicGuide: `${DAE}, élément noté « % d'équipements reconditionnés » de l'annexe « Matériels bureautiques »`,
    },
  },
  {
    id: "part-plastique-recycle",
    label: "Part de plastique recyclé post-consommation",
    description:
      "Masse de plastique recyclé post-consommation divisée par la masse totale de plastique de l'équipement, hors circuits imprimés, en pourcentage ; moyenne pondérée par les quantités.",
    unit: { kind: "percent" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["postes-de-travail", "impression", "infrastructures-datacenter"],
    evidence: ["Déclaration du fabricant sur la composition des plastiques et la méthode de calcul"],
    guidance: "La formule est celle du CCTP type du guide DAE ; la publier dans le RC pour que toutes les offres la suivent.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.4",
      publicGuide: `${DAE}, fiches « Matériels bureautiques », « Solutions d'impression » et « Infrastructures et cloud » (taux de plastique recyclé)`,
    },
  },
  {
    id: "nombre-modeles-reconditionnes",
    label: "Nombre de modèles reconditionnés au catalogue",
    description: "Nombre de modèles de terminaux reconditionnés proposés au catalogue du marché, au-delà du minimum du CCTP.",
    unit: { kind: "count", of: "modèles" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["telephonie-mobile"],
    evidence: ["Liste des modèles reconditionnés avec grade et garantie"],
    guidance: "Le nombre de modèles est maintenu pendant toute la durée du marché (clause d'exécution).",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.3",
      publicGuide: `${DAE}, fiche « Réseaux et télécoms » (critère optionnel sur le nombre de modèles reconditionnés)`,
    },
  },
  {
    id: "part-consommables-remanufactures",
    label: "Part de consommables remanufacturés",
    description: "Part des consommables d'impression livrés qui sont remanufacturés ou rechargés, en pourcentage des quantités.",
    unit: { kind: "percent" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["impression"],
    evidence: ["Catalogue des consommables remanufacturés par modèle", "Attestation de maintien de la garantie"],
    guidance: "Vérifier que les constructeurs ne conditionnent pas leur garantie à l'usage de consommables d'origine.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.2",
      publicGuide: `${DAE}, élément noté « nombre et part des consommables remanufacturés » de l'annexe « Solutions d'impression »`,
    },
  },
  {
    id: "puissance-par-port",
    label: "Puissance consommée par port à charge typique",
    description: "Puissance électrique de la solution réseau à charge typique divisée par le nombre de ports actifs, en watts par port.",
    unit: { kind: "power", per: "par port" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["reseaux-telecoms"],
    evidence: ["Fiches techniques (puissance à vide, à charge typique, à pleine charge)", "Calcul par port"],
    guidance:
      "Rapporter la puissance à la capacité demandée (ports, débit) : une solution sous-dimensionnée ne doit pas être avantagée. Idée tirée des puissances par niveau de charge demandées pour les serveurs, transposée aux équipements de réseau.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.4",
      publicGuide: `${DAE}, fiche « Infrastructures et cloud » (puissance appelée à vide, en veille, à pleine charge), par analogie`,
    },
  },

  // ------------------------------------------------------------------------------------------------------
  // Hosted services, cloud, SaaS
  {
    id: "empreinte-utilisateur-mois",
    label: "Empreinte carbone du service par utilisateur et par mois",
    description:
      "Émissions du service hébergé attribuables à un utilisateur pendant un mois (fabrication et usage des équipements, part du bâtiment, réseau selon le périmètre fixé), en kgCO2e par utilisateur et par mois.",
    unit: { kind: "co2e", mass: "kg", per: "user.month" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["hebergement-cloud", "logiciels-saas"],
    evidence: ["Calcul et note méthodologique (périmètre, allocation entre clients, facteurs)", "Facteurs d'émission au format CSV du portail"],
    guidance:
      "Les estimations publiées pour un même service varient d'un facteur de plusieurs dizaines selon la méthode : sans périmètre et règle d'allocation imposés par le RC, les valeurs ne sont pas comparables. " +
      COMPARABLE,
    source: {
      reference: "shared/reference/from-the-source-documents.md §Emission factors and scope 3",
      publicGuide: "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) : 4 g à 195 g CO2e par utilisateur et par mois pour une même suite cloud selon l'outil",
    },
  },
  {
    id: "empreinte-stockage",
    label: "Empreinte carbone du stockage par Go et par mois",
    description: "Émissions attribuables au stockage d'un gigaoctet pendant un mois, fabrication des équipements et part du bâtiment comprises, en kgCO2e par Go et par mois.",
    unit: { kind: "co2e", mass: "kg", per: "GB.month" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["hebergement-cloud"],
    evidence: ["Facteurs d'émission au format CSV du portail", "Note méthodologique (redondance comprise)"],
    guidance: "Préciser si la redondance et les sauvegardes sont incluses : elles multiplient les volumes réellement stockés. " + COMPARABLE,
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.4",
      publicGuide: `${DAE}, fiche « Infrastructures et cloud » (informations environnementales des hébergeurs : volume de données, énergie, équivalent GES)`,
    },
  },
  {
    id: "pue-centres",
    label: "Efficacité énergétique (PUE) des centres de données utilisés",
    description:
      "PUE annuel mesuré des centres de données qui hébergeront le service, selon la norme ISO/IEC 30134-2 ou une méthode équivalente, sur douze mois ; moyenne pondérée par la part du service hébergée dans chaque centre.",
    unit: { kind: "ratio" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["hebergement-cloud"],
    evidence: ["Relevés de PUE sur douze mois et méthode de mesure", "Déclaration à la base européenne des centres de données, le cas échéant"],
    guidance:
      "Ne pas noter un PUE sans sa méthode ni sa période de mesure. Les centres d'au moins 500 kW déclarent ces indicateurs au titre de la directive (UE) 2023/1791 et du règlement délégué (UE) 2024/1364.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.4",
      publicGuide: `${DAE}, fiche « Infrastructures et cloud » (PUE publié par centre de données, niveaux et intervalles de mesure)`,
    },
  },
  {
    id: "wue-centres",
    label: "Consommation d'eau (WUE) des centres de données utilisés",
    description: "Efficacité d'usage de l'eau des centres de données qui hébergeront le service, en litres par kWh consommé par les équipements informatiques, sur douze mois.",
    unit: { kind: "water-per-energy" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["hebergement-cloud"],
    evidence: ["Relevés de WUE sur douze mois et méthode de mesure"],
    guidance: "À combiner avec le PUE : un refroidissement évaporatif peut améliorer le PUE au prix d'une forte consommation d'eau.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.4",
      publicGuide: `${DAE}, fiche « Infrastructures et cloud » (eau, carbone et calcul combinés au PUE)`,
    },
  },
  {
    id: "anciennete-terminaux-supportes",
    label: "Ancienneté des terminaux pris en charge",
    description: "Âge, en années, des terminaux et systèmes d'exploitation les plus anciens sur lesquels le service livré reste pleinement utilisable, selon la liste contractuelle.",
    unit: { kind: "duration", unit: "years" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["logiciels-saas", "prestations-intellectuelles"],
    evidence: ["Matrice de compatibilité (appareils, systèmes, navigateurs)", "Rapports de tests sur terminaux anciens"],
    guidance:
      "Un service qui exige des terminaux récents accélère leur renouvellement, dont la fabrication concentre l'essentiel de l'impact : la valeur engagée devient contractuelle et se vérifie à chaque mise à jour.",
    source: {
      reference: "shared/reference/inr-maturity-guide.md §6",
      publicGuide: "RGESN 2024, critères 2.2 à 2.4 (compatibilité avec les terminaux anciens) ; MiNumEco, pratiques g.4 à g.6",
    },
  },
  {
    id: "taux-conformite-rgaa",
    label: "Taux de conformité au RGAA",
    description: "Taux de conformité au référentiel général d'amélioration de l'accessibilité (RGAA) des interfaces livrées, mesuré par un audit réalisé par un tiers, en pourcentage.",
    unit: { kind: "percent" },
    direction: "higher-is-better",
    environmental: false,
    suggestedMethod: "ratio",
    segments: ["logiciels-saas", "prestations-intellectuelles"],
    evidence: ["Rapport d'audit RGAA réalisé par un tiers indépendant", "Déclaration d'accessibilité"],
    guidance:
      "Caractéristique sociale de l'offre, non environnementale : elle ne suffit pas à satisfaire l'obligation de retenir un critère environnemental.",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.5",
      publicGuide: `${DAE}, fiche « Prestations intellectuelles » (réception conditionnée à la conformité RGAA, poids significatif dans le RC)`,
    },
  },

  // ------------------------------------------------------------------------------------------------------
  // Services: intellectual services, end of life
  {
    id: "empreinte-deplacements",
    label: "Émissions des déplacements prévus pour la prestation",
    description:
      "Émissions des déplacements que le candidat prévoit pour exécuter le marché (nombre, mode, distance de chaque trajet), en kgCO2e sur la durée du marché, calculées avec les facteurs imposés par le RC.",
    unit: { kind: "co2e", mass: "kg", per: null },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["prestations-intellectuelles", "fin-de-vie-reemploi"],
    evidence: ["Plan de déplacements prévisionnel (trajets, modes, distances)", "Calcul des émissions"],
    guidance:
      "Les déplacements réels sont suivis pendant l'exécution (clause de rapport) ; imposer les mêmes facteurs d'émission à tous les candidats. Une intensité carbone calculée sur l'ensemble de l'entreprise décrit sa politique générale, non l'offre : ne pas la noter ici.",
    source: {
      reference: "shared/reference/lawful-award-criteria.md §2",
      publicGuide: `${DAE}, fiche « Prestations intellectuelles » (dispositions réduisant l'empreinte de la prestation elle-même)`,
    },
  },
  {
    id: "taux-reemploi-engage",
    label: "Taux de réemploi des équipements collectés",
    description: "Part des équipements collectés, âgés de moins de l'âge fixé par le CCTP, que le candidat s'engage à réemployer ou réutiliser, en pourcentage.",
    unit: { kind: "percent" },
    direction: "higher-is-better",
    environmental: true,
    suggestedMethod: "ratio",
    segments: ["fin-de-vie-reemploi", "impression"],
    evidence: ["Engagement chiffré", "Procédure de tri et de diagnostic", "Rapports de destination d'un marché comparable"],
    guidance:
      "Le taux engagé devient contractuel et se vérifie par l'inventaire par numéro de série. Pour l'État, les collectivités territoriales et leurs groupements, il concourt à l'objectif de réemploi des matériels informatiques réformés (décret n° 2023-266).",
    source: {
      reference: "shared/reference/purchasing-segments-and-clauses.md §4.2",
      publicGuide: `${DAE}, chapitres « Fin de vie » et « Alternatives à l'achat du neuf » (réemploi contractuel, traçabilité)`,
    },
  },
  {
    id: "distance-sites-traitement",
    label: "Distance moyenne aux sites de reconditionnement et de traitement",
    description:
      "Distance moyenne, pondérée par les volumes prévus, entre les sites de l'acheteur et les sites de reconditionnement et de traitement proposés, en kilomètres.",
    unit: { kind: "distance" },
    direction: "lower-is-better",
    environmental: true,
    suggestedMethod: "linear",
    segments: ["fin-de-vie-reemploi"],
    evidence: ["Adresse des sites de reconditionnement et de traitement", "Répartition prévue des volumes entre les sites"],
    guidance:
      "Traduit la dimension « et locale » de l'économie circulaire ; à combiner avec le taux de réemploi pour ne pas avantager un site proche qui recycle au lieu de réemployer.",
    source: {
      reference: "shared/reference/inr-maturity-guide.md §2",
      publicGuide: "Guide INR/ISIT 2024, critère « Équipements informatiques : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale) » ; guide DAE 2021, proximité des filières",
    },
  },
];
