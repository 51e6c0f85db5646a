/**
 * Guide de maturité NR des fournisseurs — édition NR Procure 2024.1.
 *
 * Published content: never renumber, never reword in place. A correction or a new edition is a new version file.
 *
 * Sourced (INR/ISIT 2024 guide, via the project's source documents and INR's BP-AIR repository): the guide's
 * title and publishers, its 10 criteria and their labels, the total of 47 open questions, the Creative Commons
 * licence (variant unverified) and its usage rules (maturity not performance, open questions, evidence and
 * certificate scope, no « nous allons… », limited use of « non applicable », debrief radar).
 * Our edition (NR Procure wording, not INR's): the split of the 47 questions across criteria, every question,
 * guidance, evidence example, level descriptor, criterion description and short title.
 */
import type { GuideInput } from "./schema";

export const guideV2024_1 = {
  version: "2024.1-nrprocure",
  basedOn: "inr-isit-2024",
  title: "Guide de maturité numérique responsable des fournisseurs — édition NR Procure 2024.1",
  source:
    "D'après le « Guide pour l'évaluation et l'influence de la Maturité en NR des Parties Prenantes » de l'Institut du Numérique Responsable (INR) et de l'Institute for Sustainable IT (ISIT), 2024 (https://institutnr.org/guide-maturite-parties-prenantes). Cette édition reprend la structure du guide — 10 critères, 47 questions ouvertes — et formule les questions avec nos propres mots.",
  sourceUrl: "https://institutnr.org/guide-maturite-parties-prenantes",
  licence:
    "Le guide de l'INR et de l'ISIT est publié sous une licence Creative Commons (variante non vérifiée à ce jour). Les formulations de la présente édition (questions, indications d'évaluation, exemples de preuves, descripteurs de niveaux, descriptions des critères) sont une rédaction propre à NR Procure et ne reproduisent pas le texte du guide. Toute réutilisation doit citer l'INR et l'ISIT comme auteurs du guide d'origine.",
  editionNote:
    "Édition NR Procure n° 1 du guide INR/ISIT 2024. Les dix critères et leurs intitulés sont ceux du guide, de même que le nombre total de 47 questions ouvertes. La répartition des questions entre les critères, leur formulation, les indications d'évaluation, les exemples de preuves et les descripteurs de niveaux sont propres à NR Procure : ils s'appuient sur des référentiels publics (Label Numérique Responsable, guide de bonnes pratiques MiNumEco, RGESN, guide pratique pour des achats numériques responsables) et ne reprennent pas le texte du guide de l'INR.",
  publishedAt: "2026-11-23",
  respondentInstructions: [
    "Ces questions évaluent la maturité de votre démarche — politique, méthode, pilotage, progrès dans le temps —, non la performance ponctuelle d'un produit ou d'un service : les exigences de performance relèvent des clauses du marché.",
    "Décrivez ce qui est en place aujourd'hui. Les projets peuvent être mentionnés, à condition d'être présentés comme tels, avec leur échéance et les moyens engagés : une intention (« nous allons… ») ne témoigne pas d'une maturité.",
    "Appuyez chaque réponse sur des éléments de preuve. Pour un document long (rapport RSE, déclaration de durabilité), indiquez le passage concerné et son numéro de page : un simple lien ne suffit pas.",
    "Pour chaque certificat ou label cité, précisez le périmètre couvert (sites, entités, activités) et la date de validité.",
    "Répondez pour l'organisation qui réalisera les prestations ; lorsque la pratique diffère à l'échelle du groupe, précisez-le.",
    "La réponse « non applicable » doit rester exceptionnelle et être justifiée : toute organisation porte une responsabilité étendue sur son numérique, y compris lorsqu'il est externalisé.",
  ],

  criteria: [
    {
      id: "gouvernance",
      number: 1,
      questionPrefix: "GOUV",
      title: "Gouvernance et stratégie",
      shortTitle: "Gouvernance & stratégie",
      description:
        "Ce critère examine la place du numérique responsable dans la stratégie et l'organisation du fournisseur : engagement de la direction, responsabilités et moyens attribués, plan d'action assorti d'objectifs, indicateurs suivis, implication des parties prenantes et certifications détenues. L'acheteur y cherche la preuve d'une démarche pilotée dans la durée, qui ne repose ni sur une seule personne ni sur une opération ponctuelle : c'est la condition pour que les engagements pris dans un marché soient tenus pendant toute son exécution.",
      sources: [
        "Label Numérique Responsable — thème « Stratégie et gouvernance » (PA1 à PA3)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème a « Stratégie et gouvernance »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Stratégie & gouvernance »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — questions de sourcing",
        "INR, Bonnes pratiques AIR — fiche V1 (certificats et périmètre)",
      ],
    },
    {
      id: "formation",
      number: 2,
      questionPrefix: "FORM",
      title: "Formation et compétences",
      shortTitle: "Formation & compétences",
      description:
        "Ce critère porte sur la manière dont le fournisseur développe les connaissances et les savoir-faire en numérique responsable : sensibilisation de l'ensemble du personnel, formations propres à chaque métier (écoconception, accessibilité, achats, exploitation), intégration au plan de développement des compétences et suivi des personnes formées. Sans compétences internes, les engagements restent théoriques : l'acheteur veut savoir si les équipes qui réaliseront la prestation savent effectivement appliquer les bonnes pratiques.",
      sources: [
        "Label Numérique Responsable — thème « Formation et communication » (PA4 à PA6)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème b « Sensibilisation et formation »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Sensibilisation »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — prestations intellectuelles",
        "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) — indicateur de personnes formées",
      ],
    },
    {
      id: "mesure",
      number: 3,
      questionPrefix: "MESU",
      title: "Mesure",
      shortTitle: "Mesure",
      description:
        "Ce critère évalue la capacité du fournisseur à connaître et à quantifier les impacts environnementaux de son numérique et de ce qu'il vend : inventaire du parc, empreinte du système d'information, bilan des émissions de gaz à effet de serre sur les trois scopes, données d'impact propres à ses produits et services, suivi des progrès dans le temps. L'acheteur en a besoin pour deux raisons : on ne réduit durablement que ce que l'on mesure, et ses propres calculs d'émissions liées aux achats restent fondés sur des ratios monétaires imprécis tant que ses fournisseurs ne lui transmettent pas de données spécifiques.",
      sources: [
        "Label Numérique Responsable — PA2 (évaluation de l'empreinte, indicateurs)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème c « Mesure et évaluation »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Mesure »",
        "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) — facteurs d'émission spécifiques des fournisseurs, double comptabilisation de l'électricité",
      ],
    },
    {
      id: "fin-de-vie",
      number: 4,
      questionPrefix: "FDV",
      title: "Équipements informatiques : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale)",
      shortTitle: "Fin de vie & DEEE",
      description:
        "Ce critère couvre le parcours des équipements jusqu'à leur fin de vie : politique de durée d'usage, réaffectation et réparation internes, réemploi et reconditionnement par des filières identifiées, traitement des déchets d'équipements électriques et électroniques (DEEE) par des filières agréées et traçables, effacement sécurisé des données, partenariats d'économie circulaire de proximité. La fabrication représentant la plus grande part de l'empreinte environnementale des équipements, allonger leur durée d'usage et organiser leur seconde vie comptent parmi les leviers les plus efficaces ; l'acheteur vérifie aussi que les obligations réglementaires et la sécurité des données sont assurées.",
      sources: [
        "Label Numérique Responsable — PA8 et PA9 (maîtrise de l'usage et de la fin de vie des équipements)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème i « Fin d'usage » et pratique d.3",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « DEEE & économie circulaire »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — filières DEEE, effacement des données",
        "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) — durées de vie cibles",
      ],
    },
    {
      id: "infra-internes",
      number: 5,
      questionPrefix: "INFI",
      title: "Infrastructures internes",
      shortTitle: "Infrastructures internes",
      description:
        "Ce critère concerne les salles informatiques, centres de données et réseaux que le fournisseur possède ou exploite lui-même : mesure de leur performance énergétique et environnementale (PUE, WUE, CUE), taux d'utilisation des ressources, refroidissement et valorisation de la chaleur, choix des matériels, décommissionnement. Ces infrastructures portent une part directe de l'empreinte des services achetés. Une organisation qui n'exploite aucune infrastructure en propre peut le déclarer, en le justifiant, et décrire ses hébergements au critère « Infrastructures externes ».",
      sources: [
        "Label Numérique Responsable — PA14 (politique relative aux centres de données)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème h « Salle serveur et centre de données »",
        "RGESN 2024 — critères 2.7, 3.7 et thématique « Hébergement »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — publication du PUE, alimentations",
      ],
    },
    {
      id: "infra-externes",
      number: 6,
      questionPrefix: "INFE",
      title: "Infrastructures externes",
      shortTitle: "Infrastructures externes",
      description:
        "Ce critère porte sur les infrastructures que le fournisseur utilise sans les exploiter : hébergeurs, centres de données en colocation, services cloud (IaaS, PaaS, SaaS) et réseaux étendus. L'acheteur cherche à savoir si ces prestataires sont choisis et suivis sur des critères environnementaux documentés, si leurs indicateurs sont connus, si les données sont stockées et répliquées avec sobriété et si la réversibilité est organisée. Externaliser une infrastructure n'en externalise pas la responsabilité : ses impacts font partie de l'empreinte des services fournis.",
      sources: [
        "Label Numérique Responsable — PA14 (choix des opérateurs sur des critères responsables)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — pratiques h.1, h.2 et f.3",
        "RGESN 2024 — thématique « Hébergement » (critères 8.1 à 8.9)",
        "INR, Bonnes pratiques AIR — « Infrastructures externes (cloud / WAN) », fiche V2 (réversibilité)",
      ],
    },
    {
      id: "utilisation-achats",
      number: 7,
      questionPrefix: "ACHA",
      title: "Utilisation et achats",
      shortTitle: "Utilisation & achats",
      description:
        "Ce critère examine comment le fournisseur achète et utilise ses propres équipements et services numériques : politique d'achat responsable, part de matériel reconditionné ou loué, labels et critères exigés, remise en question du besoin, règles d'usage des postes de travail, de la téléphonie et de l'impression, exigences transmises à ses propres fournisseurs. C'est là que la maturité se distingue le plus nettement de la performance : une organisation dont les équipements portent un label par hasard est performante ; celle qui exige ce label dans ses consultations est mature. L'acheteur y mesure aussi la capacité du fournisseur à répercuter les exigences dans sa chaîne d'approvisionnement.",
      sources: [
        "Label Numérique Responsable — PA7, PA8 et thème « Démarches centrées usage » (PA10 à PA12)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thèmes d « Réduction des achats », e « Achat durable » et f « Usage, administration et paramétrage »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Achats »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021)",
        "RGESN 2024 — critère 2.8 (engagement des fournisseurs)",
      ],
    },
    {
      id: "ecosysteme",
      number: 8,
      questionPrefix: "ECOS",
      title: "Contribution à l'écosystème NR",
      shortTitle: "Écosystème NR",
      description:
        "Ce critère mesure ce que le fournisseur apporte au-delà de son propre périmètre : participation à des collectifs et groupes de travail, partage de méthodes, d'outils ou de données, sensibilisation et accompagnement de ses clients et partenaires. Une organisation qui contribue à l'écosystème se tient à jour de l'état de l'art, soumet ses pratiques au regard de ses pairs et aide ses clients à progresser — ce que l'acheteur attend d'un partenaire de long terme.",
      sources: [
        "Label Numérique Responsable — PA3 (offre de services NR) et PA6 (sensibilisation externe)",
        "RGESN 2024 — critère 1.8",
      ],
    },
    {
      id: "services-numeriques",
      number: 9,
      questionPrefix: "SERV",
      title: "Services numériques",
      shortTitle: "Services numériques",
      description:
        "Ce critère concerne les services numériques que le fournisseur conçoit, développe, édite ou exploite, pour ses clients comme pour lui-même : démarche d'écoconception et référentiel suivi, mesure de l'empreinte des services, compatibilité avec les terminaux anciens et les connexions lentes, accessibilité, sobriété des traitements de données et d'intelligence artificielle, fin de vie des services. L'acheteur y évalue la capacité à livrer des services qui n'accélèrent pas le renouvellement des terminaux et restent utilisables par tous.",
      sources: [
        "Label Numérique Responsable — PA13 (conception responsable des services numériques)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème g « Services numériques » et pratique a.8",
        "RGESN 2024 — référentiel général d'écoconception de services numériques",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Services numériques & données »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — écoconception et accessibilité",
      ],
    },
    {
      id: "impacts-societaux",
      number: 10,
      questionPrefix: "SOCI",
      title: "Impacts sociétaux",
      shortTitle: "Impacts sociétaux",
      description:
        "Ce critère porte sur les effets sociaux et sociétaux du numérique du fournisseur : respect des droits humains et des conditions de travail dans la chaîne d'approvisionnement (extraction des minerais, fabrication, centres de services sous-traités), inclusion (économie sociale et solidaire, secteur protégé et adapté, inclusion numérique), éthique des données et protection des données personnelles. Le numérique responsable ne se limite pas à l'environnement : l'acheteur engage aussi sa responsabilité sur les conditions dans lesquelles sont produits les biens et services qu'il achète.",
      sources: [
        "Label Numérique Responsable — PA2 (protection des données personnelles), PA4 (inclusion numérique) et PA13 (accessibilité)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — pratique e.5",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — conventions de l'OIT, minerais de conflit, devoir de vigilance, ESS",
      ],
    },
  ],

  questions: [
    // ------------------------------------------------------------------------------------------------------
    // 1. Gouvernance et stratégie
    {
      id: "GOUV-01",
      criterion: "gouvernance",
      topic: "Stratégie NR et engagement de la direction",
      text: "Décrivez comment le numérique responsable est intégré à la stratégie de votre organisation et à sa politique RSE : quel document le formalise, qui l'a validé au sein de la direction et quand, et comment cet engagement oriente concrètement vos décisions (budgets, projets, achats) ?",
      guidance:
        "Une réponse solide cite une politique ou une stratégie écrite, datée et validée au plus haut niveau (direction générale, comité exécutif), rattachée à la stratégie RSE, et donne des exemples récents de décisions qu'elle a orientées : arbitrage budgétaire, projet modifié ou abandonné, critère ajouté à un achat. Un engagement d'intention, ou une page de rapport RSE citée sans extrait ni numéro de page, ne suffit pas.",
      evidenceExamples: [
        "Politique ou stratégie numérique responsable signée par la direction, datée",
        "Extrait du rapport RSE ou de la déclaration de durabilité (CSRD) consacré au numérique, avec numéro de page",
        "Compte rendu de l'instance de direction ayant validé ou revu la stratégie",
      ],
      levels: {
        1: "Aucun engagement formalisé, ou seulement une intention annoncée.",
        2: "Engagement évoqué dans une communication ou un rapport, sans politique dédiée ni validation formelle par la direction.",
        3: "Politique NR écrite et validée par la direction, encore peu reliée aux décisions et à la stratégie d'ensemble.",
        4: "Stratégie NR intégrée à la stratégie RSE, revue périodiquement par la direction, avec des exemples de décisions qu'elle a orientées.",
        5: "NR inscrit dans les orientations stratégiques et les objectifs des dirigeants, revu en comité de direction, résultats démontrés sur plusieurs années et rendus publics.",
      },
      topicSources: ["Label NR PA1", "MiNumEco a.6", "MiNumEco a.7"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "GOUV-02",
      criterion: "gouvernance",
      topic: "Pilotage : responsable, référents et moyens",
      text: "Décrivez l'organisation qui pilote votre démarche numérique responsable : rôle et rattachement hiérarchique du responsable, temps qui lui est alloué, réseau de référents dans les équipes et budget consacré.",
      guidance:
        "On attend une personne ou une fonction clairement identifiée, dotée d'une mission écrite et d'un temps alloué réaliste, rattachée de manière à peser sur les décisions (direction générale, DSI, RSE) et, dans les organisations d'une certaine taille, relayée par des référents dans les équipes. Un budget identifié, même modeste, distingue une démarche réelle d'un engagement de principe.",
      evidenceExamples: [
        "Organigramme ou note de nomination du responsable numérique responsable",
        "Fiche de poste ou lettre de mission précisant le temps alloué",
        "Liste des référents par entité ou par équipe",
        "Ligne budgétaire dédiée (montant et exercice)",
      ],
      levels: {
        1: "Personne n'est chargé du sujet.",
        2: "Une personne volontaire s'en occupe de manière informelle, sans mandat ni temps alloué.",
        3: "Responsable désigné avec une mission écrite et du temps alloué, sans relais dans les équipes ni budget propre.",
        4: "Responsable rattaché à la direction, réseau de référents actif dans les équipes, budget identifié.",
        5: "Gouvernance structurée (comité, responsable, référents) dotée de moyens pluriannuels, bilan d'activité présenté régulièrement à la direction.",
      },
      topicSources: ["Label NR PA1", "MiNumEco a.1", "MiNumEco a.4"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "GOUV-03",
      criterion: "gouvernance",
      topic: "Plan d'action, objectifs et échéances",
      text: "Présentez votre plan d'action numérique responsable en cours : actions prévues et réalisées, objectifs chiffrés, échéances, porteurs, et état d'avancement à ce jour.",
      guidance:
        "Un plan mature est écrit, daté, chiffré et suivi : chaque action a un porteur, une échéance et un indicateur, et le fournisseur sait montrer ce qui est réalisé, en cours ou abandonné, et pourquoi. Les actions réalisées pèsent davantage que les actions annoncées ; « nous allons… » sans échéance ni moyens ne témoigne pas d'une maturité.",
      evidenceExamples: [
        "Plan d'action daté, avec porteurs, échéances et indicateurs",
        "Dernier état d'avancement du plan (tableau de suivi, revue annuelle)",
        "Objectifs chiffrés validés (réduction d'émissions, durée de vie du parc, part de matériel reconditionné…)",
      ],
      levels: {
        1: "Aucun plan d'action.",
        2: "Liste d'actions sans objectifs chiffrés, ni échéances, ni porteurs.",
        3: "Plan écrit avec porteurs et échéances, objectifs en partie chiffrés, suivi irrégulier.",
        4: "Plan chiffré couvrant l'ensemble des enjeux NR, suivi au moins une fois par an, taux de réalisation connu.",
        5: "Plan pluriannuel aligné sur une trajectoire (par exemple de décarbonation), ajusté à partir des résultats mesurés, avancement publié.",
      },
      topicSources: ["Label NR PA2", "MiNumEco a.2", "MiNumEco a.5"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "GOUV-04",
      criterion: "gouvernance",
      topic: "Indicateurs NR, revue et reporting",
      text: "Quels indicateurs de numérique responsable suivez-vous ? Précisez qui les examine et à quelle fréquence, quelles décisions en ont découlé, et comment vous rendez compte de vos résultats (reporting interne, rapport RSE, déclaration de durabilité).",
      guidance:
        "Une réponse solide liste des indicateurs précis (définition, périmètre, valeur de référence, valeur actuelle), montre leur évolution sur plusieurs périodes et décrit l'instance qui les examine ainsi que les décisions prises en conséquence. La publication des résultats (rapport RSE, déclaration de durabilité, bilan réglementaire des émissions) et leur vérification par un tiers témoignent d'une maturité élevée.",
      evidenceExamples: [
        "Tableau de bord numérique responsable avec l'historique des indicateurs",
        "Compte rendu de revue des indicateurs et décisions associées",
        "Extrait du rapport RSE ou de la déclaration de durabilité (CSRD), avec numéro de page",
        "Rapport de vérification par un organisme tiers indépendant",
      ],
      levels: {
        1: "Aucun indicateur suivi.",
        2: "Quelques données collectées ponctuellement, sans définition stable ni revue.",
        3: "Indicateurs définis et suivis régulièrement sur une partie du périmètre, sans instance de revue formelle.",
        4: "Indicateurs couvrant l'ensemble des enjeux NR, revus périodiquement par une instance qui en tire des décisions, historique disponible.",
        5: "Indicateurs publiés, vérifiés par un tiers, comparés aux objectifs sur plusieurs années et partagés avec les clients.",
      },
      topicSources: ["Label NR PA2", "Label NR PA3", "MiNumEco a.3"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "GOUV-05",
      criterion: "gouvernance",
      topic: "Implication des parties prenantes",
      text: "Comment associez-vous vos parties prenantes — collaborateurs, représentants du personnel, clients, fournisseurs — à la définition et au suivi de votre démarche numérique responsable ? Donnez des exemples récents.",
      guidance:
        "On attend des dispositifs concrets et réguliers (consultation des collaborateurs, comités ou échanges avec les clients, dialogue avec les fournisseurs) et des exemples où la contribution d'une partie prenante a modifié la démarche. Une démarche purement interne, ou une communication à sens unique, reste d'une maturité limitée.",
      evidenceExamples: [
        "Comptes rendus de comités ou d'ateliers associant clients ou fournisseurs",
        "Résultats d'une consultation interne sur le numérique responsable",
        "Exemples de demandes de clients ou de fournisseurs intégrées au plan d'action",
      ],
      levels: {
        1: "Aucune partie prenante n'est associée.",
        2: "Information ponctuelle des collaborateurs ou des clients, sans recueil de leur avis.",
        3: "Consultation régulière d'au moins une catégorie de parties prenantes.",
        4: "Dialogue organisé avec collaborateurs, clients et fournisseurs, dont les apports sont intégrés au plan d'action.",
        5: "Parties prenantes associées à la gouvernance de la démarche (comité, objectifs construits ensemble), résultats communs suivis.",
      },
      topicSources: ["Label NR PA1"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "GOUV-06",
      criterion: "gouvernance",
      topic: "Certifications et labels : périmètre et validité",
      text: "Quels certifications, labels ou évaluations liés au numérique responsable, à l'environnement ou à la RSE votre organisation détient-elle ? Pour chacun, précisez le périmètre couvert (sites, entités, activités), la période de validité et ce que la démarche a changé concrètement.",
      guidance:
        "Un certificat ne vaut que pour son périmètre et sa période de validité : l'évaluateur vérifie que les sites, entités et activités concernés par la prestation sont couverts et que le document est en cours de validité. Exemples pertinents : Label Numérique Responsable, ISO 14001, ISO 50001, SA 8000, notation RSE par un tiers. Un certificat limité à un site ou à une filiale ne démontre rien pour le reste du groupe ; la démarche décrite (audits, écarts traités) compte autant que le logo.",
      evidenceExamples: [
        "Certificat ISO 14001 avec son périmètre et sa date de validité",
        "Attestation du Label Numérique Responsable, avec niveau et date d'obtention",
        "Certificat ISO 50001 ou SA 8000, avec périmètre",
        "Fiche de notation RSE établie par un tiers, datée",
        "Dernier rapport d'audit de suivi ou plan de traitement des écarts",
      ],
      levels: {
        1: "Aucune certification ni évaluation.",
        2: "Certification seulement engagée, ou certificat sans rapport avec le périmètre de la prestation.",
        3: "Au moins une certification ou évaluation valide couvrant une partie du périmètre concerné.",
        4: "Certifications valides couvrant le périmètre de la prestation, écarts d'audit suivis et traités.",
        5: "Certifications couvrant toute l'organisation, dont une propre au numérique responsable, renouvelées avec des progrès documentés d'un cycle à l'autre.",
      },
      topicSources: ["Guide achats DAE 2021", "INR BP-AIR V1"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 2. Formation et compétences
    {
      id: "FORM-01",
      criterion: "formation",
      topic: "Le NR dans le plan de développement des compétences",
      text: "Comment le numérique responsable est-il intégré à votre plan de développement des compétences et à votre gestion des emplois et des parcours professionnels (GEPP) ? Décrivez les besoins identifiés, les formations programmées, les publics visés et les moyens consacrés.",
      guidance:
        "Une réponse solide montre que les besoins de compétences en numérique responsable sont identifiés par métier, traduits en actions de formation inscrites au plan, avec budget et calendrier, et reliés à l'évolution des emplois. Des formations proposées à la demande, sans analyse des besoins, relèvent d'une maturité émergente.",
      evidenceExamples: [
        "Extrait du plan de développement des compétences mentionnant les formations NR",
        "Cartographie des compétences NR attendues par métier",
        "Budget de formation consacré au NR sur le dernier exercice",
      ],
      levels: {
        1: "Le numérique responsable est absent du plan de formation.",
        2: "Quelques formations suivies à l'initiative des salariés, hors plan.",
        3: "Formations NR inscrites au plan pour certains métiers, sans analyse d'ensemble des besoins.",
        4: "Besoins analysés par métier et couverts par le plan, avec budget et calendrier.",
        5: "Compétences NR intégrées aux référentiels métiers, aux parcours d'intégration et aux entretiens annuels, suivies sur plusieurs années.",
      },
      topicSources: ["Label NR PA4", "MiNumEco b.2"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FORM-02",
      criterion: "formation",
      topic: "Sensibilisation de l'ensemble du personnel",
      text: "Décrivez les actions de sensibilisation au numérique responsable menées auprès de l'ensemble de vos collaborateurs, y compris les nouveaux arrivants et, le cas échéant, les intervenants externes : formats, fréquence, taux de participation et effets observés sur les pratiques.",
      guidance:
        "On attend un dispositif récurrent plutôt qu'une action isolée : module dans le parcours d'accueil, ateliers (par exemple la Fresque du Numérique), communications régulières, avec un taux de participation mesuré. Les meilleures réponses relient la sensibilisation à des changements de pratiques observés (impressions, renouvellement des équipements, volumes de données stockées).",
      evidenceExamples: [
        "Programme de sensibilisation (supports, calendrier)",
        "Taux de participation par action sur les douze derniers mois",
        "Module numérique responsable du parcours d'accueil des nouveaux arrivants",
        "Indicateurs d'usage montrant l'effet des actions",
      ],
      levels: {
        1: "Aucune sensibilisation.",
        2: "Une action ponctuelle (atelier, conférence) restée sans suite.",
        3: "Actions régulières ouvertes à tous, participation non mesurée ou faible.",
        4: "Dispositif récurrent intégré à l'accueil des nouveaux arrivants, taux de participation suivi et élevé.",
        5: "Sensibilisation continue, étendue aux intervenants externes, dont les effets sur les pratiques sont mesurés.",
      },
      topicSources: ["Label NR PA5", "MiNumEco b.1"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FORM-03",
      criterion: "formation",
      topic: "Formations métiers : écoconception, accessibilité, achats, exploitation",
      text: "Quelles formations au numérique responsable suivent les métiers directement concernés — conception et développement, exploitation, achats, gestion de projet, vente ? Précisez les contenus, les organismes, les certifications éventuellement obtenues et la manière dont les acquis sont mis en pratique.",
      guidance:
        "Les équipes qui réaliseront la prestation doivent maîtriser les référentiels de leur métier : écoconception (RGESN), accessibilité (RGAA), achats responsables, exploitation sobre des infrastructures. Les formations certifiantes ou évaluées, et des exemples de mise en pratique dans des projets, distinguent une compétence réelle d'une simple participation.",
      evidenceExamples: [
        "Liste des formations métiers suivies, avec organismes et durées",
        "Attestations ou certificats de réussite des intervenants proposés",
        "Exemple de projet où les acquis ont été appliqués (revue d'écoconception, audit d'accessibilité)",
      ],
      levels: {
        1: "Aucune formation propre aux métiers.",
        2: "Quelques personnes formées de leur propre initiative.",
        3: "Formations métiers dispensées à une partie des équipes concernées.",
        4: "Chaque métier concerné dispose d'un parcours dédié ; une partie des intervenants est certifiée.",
        5: "Parcours certifiants généralisés, compétences vérifiées sur les projets et mises à jour au rythme des référentiels.",
      },
      topicSources: ["Label NR PA4", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FORM-04",
      criterion: "formation",
      topic: "Part du personnel formé et maintien des compétences",
      text: "Quelle part de vos effectifs, et plus précisément des équipes qui réaliseraient les prestations proposées, a été sensibilisée ou formée au numérique responsable au cours des trois dernières années ? Expliquez comment vous suivez cet indicateur et comment vous maintenez les compétences à jour.",
      guidance:
        "La réponse doit donner des chiffres (nombre et part des personnes sensibilisées, formées, certifiées), leur évolution et leur mode de calcul, en distinguant l'ensemble du personnel et les équipes affectées à la prestation. Un objectif de couverture et un dispositif de mise à jour (sessions de rappel, veille) témoignent d'une démarche pilotée.",
      evidenceExamples: [
        "Indicateur de couverture (personnes sensibilisées, formées, certifiées) et son historique",
        "Extrait du rapport RSE ou du bilan social mentionnant ces chiffres, avec numéro de page",
        "Liste des intervenants proposés formés, avec les dates de formation",
      ],
      levels: {
        1: "Aucune donnée.",
        2: "Estimation sans suivi ni mode de calcul.",
        3: "Indicateur suivi, couverture partielle, sans objectif.",
        4: "Indicateur suivi avec un objectif de couverture, atteint ou en progression, y compris pour les équipes affectées à la prestation.",
        5: "Couverture quasi complète, compétences régulièrement mises à jour, résultats publiés et vérifiés.",
      },
      topicSources: ["Cigref 2025", "Label NR PA4"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 3. Mesure
    {
      id: "MESU-01",
      criterion: "mesure",
      topic: "Inventaire des équipements et des services",
      text: "Comment tenez-vous l'inventaire de vos équipements numériques (postes, téléphones, écrans, serveurs, équipements réseau) et de vos logiciels et services ? Précisez l'outil utilisé, le périmètre couvert, les informations enregistrées (âge, état, affectation) et la fréquence de mise à jour.",
      guidance:
        "Un inventaire fiable et à jour est le socle de toute mesure : il couvre l'ensemble des sites et des catégories d'équipements, enregistre au moins la date d'acquisition, l'état et l'affectation, et il est régulièrement rapproché de la réalité (inventaires physiques, remontées automatiques). Un inventaire qui sert aussi à piloter la durée de vie et la réaffectation témoigne d'une maturité avancée.",
      evidenceExamples: [
        "Extrait anonymisé de l'inventaire (champs renseignés, volumes par catégorie)",
        "Procédure de mise à jour de l'inventaire",
        "Indicateurs tirés de l'inventaire (âge moyen par catégorie, nombre d'équipements par personne)",
      ],
      levels: {
        1: "Pas d'inventaire.",
        2: "Inventaire partiel ou seulement comptable, non tenu à jour.",
        3: "Inventaire outillé couvrant la plupart des équipements, mis à jour irrégulièrement.",
        4: "Inventaire complet des équipements et des services, régulièrement rapproché de la réalité et utilisé pour le pilotage.",
        5: "Inventaire exhaustif et automatisé, relié à la mesure d'empreinte et aux décisions de renouvellement, audité.",
      },
      topicSources: ["MiNumEco c.1", "ANCT Démarche NR"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "MESU-02",
      criterion: "mesure",
      topic: "Empreinte environnementale du système d'information",
      text: "Décrivez comment vous évaluez l'empreinte environnementale de votre système d'information : méthode, périmètre (terminaux, réseaux, centres de données, services cloud), étapes du cycle de vie prises en compte, indicateurs au-delà du carbone et date de la dernière évaluation.",
      guidance:
        "On attend une évaluation récente, à la méthode explicite, qui couvre la fabrication des équipements et pas seulement leur usage, avec plusieurs indicateurs environnementaux (gaz à effet de serre, épuisement des ressources abiotiques, eau, énergie primaire…) : la fabrication concentre souvent l'essentiel des impacts. Hypothèses, facteurs d'impact et limites doivent être documentés ; une évaluation revue par un tiers puis renouvelée pour suivre les progrès témoigne d'une forte maturité.",
      evidenceExamples: [
        "Rapport d'évaluation de l'empreinte du SI (méthode, périmètre, hypothèses, résultats)",
        "Liste des facteurs d'impact et des bases de données utilisés",
        "Comparaison avec l'évaluation précédente",
      ],
      levels: {
        1: "Aucune évaluation.",
        2: "Estimation ponctuelle, limitée à l'énergie ou au carbone de la phase d'usage.",
        3: "Évaluation outillée couvrant fabrication et usage sur une partie du SI, principalement en carbone.",
        4: "Évaluation multicritère de l'ensemble du SI, selon une méthode documentée, renouvelée périodiquement.",
        5: "Évaluation multicritère complète, revue par un tiers, utilisée pour fixer et suivre des objectifs de réduction.",
      },
      topicSources: ["Label NR PA2", "MiNumEco c.2", "ANCT Démarche NR"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "MESU-03",
      criterion: "mesure",
      topic: "Bilan des émissions de gaz à effet de serre (scopes 1, 2 et 3)",
      text: "Présentez votre dernier bilan des émissions de gaz à effet de serre : méthode (GHG Protocol, Bilan Carbone, ISO 14064-1…), année de référence, scopes et postes couverts, part attribuable au numérique, et nature des données utilisées pour le scope 3 (ratios monétaires ou données spécifiques de vos fournisseurs).",
      guidance:
        "Un bilan mature couvre les scopes 1, 2 et 3 avec les postes significatifs (achats de biens et services, immobilisations, déplacements, déchets), présente l'électricité selon les deux approches « location-based » et « market-based », et indique la part des données spécifiques et celle des ratios monétaires : le choix entre les deux peut faire varier fortement le résultat. Un bilan limité aux scopes 1 et 2 ignore l'essentiel des émissions d'une entreprise de services numériques.",
      evidenceExamples: [
        "Dernier bilan complet des émissions de GES (méthode, périmètre, résultats par poste)",
        "Publication réglementaire (BEGES) ou déclaration de durabilité, avec numéro de page",
        "Attestation de vérification par un tiers",
        "Objectif de réduction validé par un tiers (par exemple la SBTi)",
      ],
      levels: {
        1: "Aucun bilan.",
        2: "Bilan limité aux scopes 1 et 2, ou datant de plus de trois ans.",
        3: "Bilan des scopes 1, 2 et 3 reposant essentiellement sur des ratios monétaires.",
        4: "Bilan complet et récent, méthode documentée, double comptabilisation de l'électricité, données spécifiques pour les principaux postes.",
        5: "Bilan annuel vérifié par un tiers, trajectoire de réduction validée et suivie, données spécifiques des fournisseurs collectées systématiquement.",
      },
      topicSources: ["Cigref 2025"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "MESU-04",
      criterion: "mesure",
      topic: "Données d'empreinte par produit ou service pour les clients",
      text: "Quelles données d'impact environnemental pouvez-vous fournir à vos clients pour les produits ou services que vous leur livrez (empreinte par produit, par utilisateur ou par unité d'œuvre, facteurs d'émission spécifiques) ? Décrivez la méthode, la fréquence de mise à jour et un exemple de données déjà transmises.",
      guidance:
        "Les clients ont besoin de données spécifiques pour calculer leurs propres émissions liées aux achats sans recourir aux ratios monétaires. Une réponse solide décrit une méthode publiée (analyse du cycle de vie, ISO 14067, référentiel méthodologique sectoriel, format d'échange tel que PACT), précise les hypothèses et les règles de répartition entre clients, et montre des données déjà transmises. Des données calculées au cas par cas, sans méthode documentée, relèvent au mieux d'une maturité intermédiaire.",
      evidenceExamples: [
        "Exemple anonymisé de fiche d'empreinte d'un produit ou service transmise à un client",
        "Note méthodologique (périmètre, hypothèses, règles de répartition, facteurs utilisés)",
        "Déclaration environnementale de produit ou rapport d'analyse du cycle de vie, avec revue critique le cas échéant",
      ],
      levels: {
        1: "Aucune donnée disponible.",
        2: "Données génériques ou issues de ratios monétaires, sans méthode propre.",
        3: "Données spécifiques calculées sur demande pour certains produits ou services, méthode en partie documentée.",
        4: "Données spécifiques disponibles pour l'essentiel de l'offre, selon une méthode documentée et régulièrement mise à jour.",
        5: "Données par client et par période fournies systématiquement, selon une méthode publiée et vérifiée, dans un format d'échange standard.",
      },
      topicSources: ["Cigref 2025"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "MESU-05",
      criterion: "mesure",
      topic: "Suivi des réductions dans le temps",
      text: "Comment suivez-vous dans le temps l'évolution de vos impacts numériques et l'effet de vos actions de réduction ? Présentez les résultats des dernières années et expliquez comment vous traitez les gains annoncés et les éventuels « impacts évités ».",
      guidance:
        "On attend des indicateurs comparés d'une année sur l'autre à méthode et périmètre constants, ou dont les changements sont expliqués, et reliés aux actions menées. Les allégations d'« impacts évités » doivent reposer sur une méthode et un scénario de référence explicites et rester distinctes des réductions de l'empreinte propre ; des gains estimés sans référence ne constituent pas une preuve.",
      evidenceExamples: [
        "Série historique des indicateurs d'impact (au moins deux périodes)",
        "Note expliquant les changements de méthode ou de périmètre",
        "Méthode de calcul des éventuels impacts évités",
      ],
      levels: {
        1: "Aucun suivi.",
        2: "Comparaisons ponctuelles, sans méthode constante.",
        3: "Indicateurs suivis sur plusieurs périodes, lien avec les actions établi en partie.",
        4: "Suivi à méthode constante, réductions attribuées aux actions, impacts évités présentés séparément.",
        5: "Trajectoire de réduction suivie et publiée, écarts analysés et corrigés, résultats vérifiés par un tiers.",
      },
      topicSources: ["MiNumEco c.3", "Cigref 2025"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 4. Équipements : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale)
    {
      id: "FDV-01",
      criterion: "fin-de-vie",
      topic: "Politique de durée de vie des équipements",
      text: "Décrivez votre politique de durée de vie des équipements numériques : durées cibles par catégorie (ordinateurs, téléphones, écrans, serveurs), durées réellement constatées et règles qui déclenchent un renouvellement.",
      guidance:
        "Une politique mature fixe des durées cibles allongées (par exemple cinq à sept ans pour un ordinateur portable, plus de dix ans pour un écran), fonde le renouvellement sur l'état réel de l'équipement plutôt que sur l'amortissement comptable ou un cycle fixe, et mesure la durée de vie effective. L'écart entre la cible et la réalité, et la manière dont il est réduit, en disent plus que la cible elle-même.",
      evidenceExamples: [
        "Politique de gestion du parc précisant les durées cibles par catégorie",
        "Âge moyen et durée de vie constatée par catégorie (extrait de l'inventaire)",
        "Règles de renouvellement (critères techniques, procédure de dérogation)",
      ],
      levels: {
        1: "Aucune règle : renouvellement à la demande ou au rythme des offres des fournisseurs.",
        2: "Renouvellement calé sur l'amortissement comptable ou sur un cycle fixe court.",
        3: "Durées cibles définies pour les principales catégories, durée réelle non mesurée.",
        4: "Durées cibles allongées, durée de vie constatée mesurée et proche des cibles, renouvellement selon l'état réel.",
        5: "Durées de vie longues et en progression mesurée, objectifs repris dans les achats et les contrats.",
      },
      topicSources: ["Cigref 2025", "ANCT Démarche NR"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FDV-02",
      criterion: "fin-de-vie",
      topic: "Réaffectation, réparation et mise à niveau",
      text: "Avant de remplacer un équipement, comment étudiez-vous sa réaffectation, sa réparation ou sa mise à niveau (mémoire, stockage, batterie) ? Décrivez le processus, les compétences ou prestataires mobilisés et les volumes traités au cours de la dernière année.",
      guidance:
        "On attend un processus systématique : diagnostic avant remplacement, stock de pièces ou contrat de réparation, réaffectation interne des équipements encore fonctionnels, avec des volumes chiffrés. Des compétences de réparation en interne ou un réparateur partenaire identifié sont des signes de maturité ; le remplacement par du neuf dès la première panne indique l'inverse.",
      evidenceExamples: [
        "Procédure de diagnostic et de réaffectation avant remplacement",
        "Nombre d'équipements réparés, mis à niveau ou réaffectés sur les douze derniers mois",
        "Contrat avec un prestataire de réparation ou description de l'atelier interne",
      ],
      levels: {
        1: "Remplacement systématique par du neuf.",
        2: "Réparations ou réaffectations au cas par cas, sans processus.",
        3: "Processus défini pour certaines catégories d'équipements, volumes suivis en partie.",
        4: "Diagnostic systématique avant tout remplacement, réparation et réaffectation organisées, volumes suivis.",
        5: "Réparation, mise à niveau et réaffectation intégrées au pilotage du parc et aux contrats, objectifs chiffrés atteints.",
      },
      topicSources: ["Label NR PA8", "Label NR PA9", "MiNumEco i.1", "MiNumEco d.3", "MiNumEco b.3"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FDV-03",
      criterion: "fin-de-vie",
      topic: "Réemploi : reconditionnement, revente, don",
      text: "Que deviennent vos équipements qui fonctionnent encore mais ne vous sont plus utiles ? Décrivez les filières de réemploi utilisées (reconditionneurs, revente, dons à des associations ou à des acteurs de l'économie sociale et solidaire), vos critères de choix de ces partenaires et la part des équipements réemployés.",
      guidance:
        "Une réponse solide donne la part des équipements sortis du parc qui ont été réemployés plutôt que recyclés, nomme les partenaires et explique comment leur sérieux est vérifié (reconditionnement effectif, traçabilité, conditions sociales). Pour tout équipement fonctionnel, le réemploi doit primer sur le recyclage.",
      evidenceExamples: [
        "Conventions ou contrats avec les partenaires de réemploi",
        "Bilan annuel des sorties de parc : volumes réemployés, reconditionnés, recyclés",
        "Attestations de reprise ou de don",
      ],
      levels: {
        1: "Les équipements sont stockés sans suite ou jetés.",
        2: "Dons ou reventes ponctuels, sans suivi.",
        3: "Filières de réemploi identifiées et utilisées pour une partie des équipements, volumes suivis.",
        4: "Réemploi systématique des équipements fonctionnels par des partenaires sélectionnés, part réemployée suivie et élevée.",
        5: "Réemploi maximisé et vérifié, partenariats durables avec des acteurs de l'économie sociale et solidaire, résultats publiés.",
      },
      topicSources: ["Label NR PA9", "MiNumEco i.2", "MiNumEco i.3", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FDV-04",
      criterion: "fin-de-vie",
      topic: "DEEE : filière agréée et traçabilité",
      text: "Décrivez comment vos déchets d'équipements électriques et électroniques (DEEE) sont collectés et traités : filière utilisée (éco-organisme agréé, système individuel, prestataire), traçabilité jusqu'au traitement final, volumes annuels et registre tenu.",
      guidance:
        "On attend une filière nommée et conforme à la réglementation, ainsi qu'une traçabilité qui va au-delà du bordereau d'enlèvement : certificats de traitement, taux de valorisation, destination finale, consommables compris. Un fournisseur qui met lui-même des équipements sur le marché doit aussi décrire comment il assume sa responsabilité élargie du producteur (REP).",
      evidenceExamples: [
        "Contrat ou attestation d'adhésion à un éco-organisme agréé",
        "Registre des déchets et bordereaux de suivi des douze derniers mois",
        "Certificats de traitement indiquant les taux de valorisation",
        "Volumes annuels de DEEE par catégorie",
      ],
      levels: {
        1: "Aucune filière identifiée.",
        2: "Enlèvement par un prestataire, sans traçabilité au-delà du bordereau.",
        3: "Filière agréée utilisée, registre tenu, traçabilité du traitement partielle.",
        4: "Filière agréée, traçabilité jusqu'au traitement final, volumes et taux de valorisation suivis, consommables compris.",
        5: "Traçabilité complète vérifiée par audit, réduction des volumes de DEEE suivie, responsabilité élargie du producteur assumée et documentée.",
      },
      topicSources: [
        "MiNumEco i.4",
        "MiNumEco i.5",
        "MiNumEco i.6",
        "MiNumEco i.7",
        "MiNumEco i.8",
        "Guide achats DAE 2021",
      ],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FDV-05",
      criterion: "fin-de-vie",
      topic: "Effacement sécurisé des données",
      text: "Comment garantissez-vous l'effacement des données avant toute réaffectation, revente, don ou recyclage d'un équipement ? Décrivez la méthode ou l'outil utilisé, qui réalise l'opération et comment elle est attestée.",
      guidance:
        "L'effacement doit rendre les données irrécupérables sans détruire inutilement l'équipement : méthode reconnue (par exemple NIST SP 800-88, outil ayant obtenu une certification de sécurité de l'ANSSI), rapport d'effacement par numéro de série, destruction physique réservée aux supports défaillants ou aux données les plus sensibles. La destruction systématique des supports « par précaution » empêche le réemploi et traduit une maturité limitée.",
      evidenceExamples: [
        "Procédure d'effacement des données",
        "Rapports ou certificats d'effacement par numéro de série",
        "Certification de l'outil d'effacement utilisé",
        "Clause d'effacement dans le contrat du prestataire de reprise",
      ],
      levels: {
        1: "Aucune procédure : les équipements sortent sans effacement vérifié.",
        2: "Formatage ou effacement manuel, ou destruction systématique des supports, sans attestation.",
        3: "Méthode d'effacement reconnue appliquée, attestations partielles.",
        4: "Effacement certifié et attesté pour chaque équipement, destruction réservée aux cas justifiés.",
        5: "Processus audité couvrant tous les équipements, y compris ceux des prestataires, et permettant le réemploi de tous les supports fonctionnels.",
      },
      topicSources: ["Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "FDV-06",
      criterion: "fin-de-vie",
      topic: "Économie circulaire de proximité",
      text: "Quels partenariats d'économie circulaire de proximité avez-vous noués autour de vos équipements numériques (reconditionneurs, réparateurs, structures d'insertion ou entreprises adaptées de votre territoire) ? Décrivez leur fonctionnement, leur ancienneté et les volumes ou emplois concernés.",
      guidance:
        "Le critère vise explicitement l'économie circulaire « et locale » : on attend des partenaires identifiés sur le territoire, des flux réels (équipements confiés, équipements reconditionnés rachetés) et, si possible, des effets mesurés (emplois d'insertion, équipements remis en circulation localement). Un partenariat seulement annoncé, ou ponctuel, témoigne d'une maturité faible.",
      evidenceExamples: [
        "Conventions de partenariat avec des acteurs locaux",
        "Volumes confiés et emplois soutenus au cours de la dernière année",
        "Factures d'achat d'équipements reconditionnés localement",
      ],
      topicSources: ["ANCT Démarche NR", "MiNumEco i.3"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 5. Infrastructures internes
    {
      id: "INFI-01",
      criterion: "infra-internes",
      topic: "Indicateurs énergétiques et environnementaux des salles et centres de données",
      text: "Pour les salles informatiques et centres de données que vous exploitez, quels indicateurs de performance énergétique et environnementale mesurez-vous (PUE, WUE, CUE, part d'électricité renouvelable…) ? Précisez la méthode, le point et la fréquence de mesure, et les valeurs obtenues ces dernières années.",
      guidance:
        "On attend des valeurs mesurées, et non des valeurs théoriques ou de conception, calculées selon les définitions normalisées (série ISO/IEC 30134) sur une année complète, avec le point de comptage et la fréquence de mesure. Une valeur isolée vaut moins qu'une série suivie et reliée à des actions. Si vous n'exploitez aucune salle ni aucun centre de données, indiquez-le et précisez où sont hébergés vos services (critère « Infrastructures externes »).",
      evidenceExamples: [
        "Relevés annuels de PUE, WUE et CUE, avec la méthode de calcul",
        "Schéma de comptage électrique de la salle",
        "Déclaration au titre de la directive européenne relative à l'efficacité énergétique, pour les centres de données concernés",
        "Certificat ISO 50001 couvrant le site",
      ],
      levels: {
        1: "Aucune mesure.",
        2: "Valeur estimée ou théorique, sans mesure réelle.",
        3: "PUE mesuré ponctuellement ou sur une partie des sites.",
        4: "PUE, WUE et CUE mesurés en continu sur tous les sites selon les définitions normalisées, séries annuelles disponibles.",
        5: "Indicateurs publiés et vérifiés, en amélioration continue, reliés à des objectifs chiffrés.",
      },
      topicSources: ["Guide achats DAE 2021", "RGESN 8.3", "RGESN 8.4", "Cigref 2025"],
      allowNotApplicableByDefault: true,
    },
    {
      id: "INFI-02",
      criterion: "infra-internes",
      topic: "Taux d'utilisation, consolidation et ressources inactives",
      text: "Comment maîtrisez-vous le dimensionnement et le taux d'utilisation de vos infrastructures internes (consolidation, virtualisation, extinction des environnements hors production, détection des serveurs inactifs) ? Indiquez les taux d'utilisation mesurés et les actions menées en conséquence.",
      guidance:
        "Une réponse solide s'appuie sur des taux d'utilisation mesurés (processeur, mémoire, stockage), une revue périodique des ressources sous-utilisées ou orphelines et des règles appliquées : extinction programmée des environnements de développement et de test, consolidation des machines virtuelles. Les volumes de ressources libérées ou de serveurs retirés montrent que la démarche produit des effets.",
      evidenceExamples: [
        "Rapport des taux d'utilisation des serveurs et du stockage",
        "Règles d'extinction des environnements hors production",
        "Bilan des serveurs ou machines virtuelles supprimés lors de la dernière revue",
      ],
      levels: {
        1: "Aucun suivi de l'utilisation.",
        2: "Virtualisation en place, sans suivi des taux d'utilisation.",
        3: "Taux d'utilisation suivis, revues ponctuelles des ressources inactives.",
        4: "Revue périodique des ressources, extinction automatique des environnements hors production, consolidation guidée par des objectifs.",
        5: "Dimensionnement piloté en continu, objectifs d'utilisation atteints, gains chiffrés en énergie et en matériel.",
      },
      topicSources: ["MiNumEco h.4", "RGESN 3.7"],
      allowNotApplicableByDefault: true,
    },
    {
      id: "INFI-03",
      criterion: "infra-internes",
      topic: "Refroidissement, alimentation électrique et valorisation de la chaleur",
      text: "Décrivez les choix faits pour le refroidissement et l'alimentation électrique de vos salles informatiques (confinement des allées, température de consigne, refroidissement libre, rendement des onduleurs et des alimentations) et pour la valorisation de la chaleur produite.",
      guidance:
        "On attend des mesures techniques réellement en place et leurs effets mesurés : urbanisation et confinement des allées, température de consigne relevée dans les plages recommandées, refroidissement libre, alimentations à haut rendement (par exemple certifiées 80 PLUS), récupération de la chaleur fatale. Le suivi et la maîtrise de la consommation d'eau font partie d'une réponse complète.",
      evidenceExamples: [
        "Description technique de la salle (urbanisation, mode de refroidissement)",
        "Relevés de température de consigne et de consommation d'eau",
        "Fiches techniques des alimentations et des onduleurs",
        "Convention de valorisation de la chaleur fatale, le cas échéant",
      ],
      topicSources: ["MiNumEco h.5", "RGESN 8.7", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: true,
    },
    {
      id: "INFI-04",
      criterion: "infra-internes",
      topic: "Critères environnementaux des matériels d'infrastructure",
      text: "Selon quels critères environnementaux choisissez-vous vos serveurs, baies de stockage et équipements réseau (labels, efficacité énergétique, réparabilité, disponibilité des pièces, matériel reconditionné, durée du support) ? Illustrez votre réponse par votre dernier achat significatif.",
      guidance:
        "Une réponse mature cite des critères écrits dans les consultations (écolabels, efficacité énergétique mesurée, durée de disponibilité des pièces détachées et du support logiciel, ouverture au reconditionné) et montre qu'ils ont pesé dans un choix réel. Un matériel performant acheté sans exigence explicite relève de la performance, pas de la maturité.",
      evidenceExamples: [
        "Extrait du cahier des charges ou de la grille d'analyse des offres d'un achat d'infrastructure",
        "Fiches produits montrant les labels et caractéristiques environnementales",
        "Part du matériel reconditionné ou à support prolongé dans le parc de serveurs",
      ],
      topicSources: ["Label NR PA14", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: true,
    },
    {
      id: "INFI-05",
      criterion: "infra-internes",
      topic: "Décommissionnement des matériels et des services",
      text: "Comment décidez-vous et organisez-vous le décommissionnement des matériels et des applications hébergés dans vos infrastructures : repérage des services inutilisés, archivage ou suppression des données, extinction, orientation du matériel vers le réemploi ou le recyclage ?",
      guidance:
        "On attend une démarche outillée : revue périodique des applications et données inutilisées, procédure de décommissionnement (archivage ou suppression des données, extinction, mise à jour de l'inventaire), orientation du matériel vers le réemploi (critère « Fin de vie & DEEE »). Le nombre de services et de serveurs décommissionnés sur la dernière période montre que la procédure est appliquée.",
      evidenceExamples: [
        "Procédure de décommissionnement",
        "Liste des services ou serveurs décommissionnés au cours des douze derniers mois",
        "Politique de conservation et de suppression des données",
      ],
      topicSources: ["MiNumEco h.6", "RGESN 2.7"],
      allowNotApplicableByDefault: true,
    },

    // ------------------------------------------------------------------------------------------------------
    // 6. Infrastructures externes
    {
      id: "INFE-01",
      criterion: "infra-externes",
      topic: "Sélection et clauses des hébergeurs et fournisseurs cloud",
      text: "Selon quels critères environnementaux choisissez-vous vos hébergeurs, opérateurs de centres de données et fournisseurs de services cloud, et quelles exigences inscrivez-vous dans vos contrats avec eux ? Illustrez votre réponse par un choix ou un contrat récent.",
      guidance:
        "Une réponse mature montre des critères écrits et pondérés dans la sélection (indicateurs publiés, origine de l'énergie, localisation, adhésion au code de conduite européen pour les centres de données, transparence sur l'empreinte), des clauses contractuelles de transmission de données environnementales et une revue périodique des prestataires. Le choix d'un prestataire réputé « vert » sans exigence écrite ne démontre pas de maturité.",
      evidenceExamples: [
        "Grille de sélection des hébergeurs ou fournisseurs cloud",
        "Extrait des clauses environnementales des contrats d'hébergement",
        "Compte rendu de la revue annuelle d'un prestataire",
      ],
      levels: {
        1: "Aucun critère environnemental.",
        2: "Critères environnementaux évoqués, non écrits.",
        3: "Critères écrits pour les nouvelles consultations, sans clauses contractuelles ni suivi.",
        4: "Critères pondérés dans la sélection, clauses de transmission de données dans les contrats, revue périodique.",
        5: "Pilotage environnemental de tous les prestataires d'hébergement, objectifs contractuels, changement de prestataire si nécessaire.",
      },
      topicSources: ["Label NR PA14", "MiNumEco h.1", "MiNumEco h.2"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "INFE-02",
      criterion: "infra-externes",
      topic: "Indicateurs environnementaux des prestataires d'hébergement",
      text: "Quelles informations environnementales obtenez-vous de vos prestataires d'hébergement et de cloud (PUE, WUE, origine et part de l'électricité renouvelable, localisation des centres de données, empreinte de vos propres usages) ? Expliquez comment vous les vérifiez et comment vous les utilisez.",
      guidance:
        "On attend des données propres aux centres de données réellement utilisés, et non des moyennes mondiales de l'opérateur, la localisation des données, l'empreinte attribuée à vos propres usages et une lecture critique (méthode, périmètre, comptabilisation de l'électricité renouvelable). L'utilisation de ces données dans votre propre bilan et dans les informations transmises à vos clients témoigne d'une maturité avancée.",
      evidenceExamples: [
        "Rapports environnementaux des prestataires pour les sites utilisés",
        "Export d'un outil d'empreinte carbone du fournisseur cloud pour votre compte, avec une note sur sa méthode",
        "Liste des centres de données utilisés et de leur localisation",
      ],
      topicSources: ["RGESN 8.1", "RGESN 8.2", "RGESN 8.3", "RGESN 8.4", "RGESN 8.5", "RGESN 8.6"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "INFE-03",
      criterion: "infra-externes",
      topic: "Placement des données, réplication et flux réseau",
      text: "Comment limitez-vous les volumes de données stockées, répliquées et transférées dans vos infrastructures externes et vos réseaux étendus (distinction entre données chaudes et froides, durées de conservation, redondance proportionnée au besoin, dimensionnement des liaisons) ?",
      guidance:
        "Une réponse solide décrit des règles appliquées et mesurées : classes de stockage selon la fréquence d'accès, durées de conservation et purges, redondance et sauvegardes proportionnées aux besoins de disponibilité réellement exprimés, liaisons réseau dimensionnées selon les usages. L'évolution des volumes stockés et transférés montre si ces règles sont efficaces.",
      evidenceExamples: [
        "Politique de conservation et d'archivage des données",
        "Évolution des volumes stockés et transférés sur les derniers exercices",
        "Matrice des niveaux de service et de redondance par application",
      ],
      topicSources: ["RGESN 8.8", "RGESN 8.9", "MiNumEco f.3"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "INFE-04",
      criterion: "infra-externes",
      topic: "Réversibilité et portabilité",
      text: "Comment garantissez-vous la réversibilité et la portabilité des données et des services hébergés chez des tiers, ou que vous hébergez pour vos clients (formats, procédures, délais, coûts) ? Décrivez une opération de réversibilité déjà testée ou réalisée.",
      guidance:
        "La réversibilité conditionne la possibilité de changer de prestataire, par exemple pour un hébergement plus sobre ou mieux adapté, sans dépendance technique. On attend un plan de réversibilité écrit, des formats ouverts ou documentés, des délais et des coûts connus et, idéalement, un exercice de réversibilité déjà réalisé.",
      evidenceExamples: [
        "Plan de réversibilité contractuel",
        "Liste des formats d'export des données",
        "Compte rendu d'un test ou d'une opération de réversibilité",
      ],
      topicSources: ["INR BP-AIR V2"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 7. Utilisation et achats
    {
      id: "ACHA-01",
      criterion: "utilisation-achats",
      topic: "Politique d'achats numériques responsables",
      text: "Décrivez votre politique d'achats numériques responsables : document de référence, catégories d'achats couvertes (matériels, logiciels, services, cloud), critères environnementaux et sociaux appliqués, poids de ces critères dans le choix des offres et personnes chargées de l'appliquer.",
      guidance:
        "On attend une politique écrite, appliquée à toutes les catégories d'achats numériques, avec des critères et une pondération explicites, et des acheteurs formés pour l'appliquer, illustrée par des consultations récentes. C'est ici que la maturité se distingue de la performance : des équipements qui portent un label par hasard relèvent de la performance ; exiger ce label dans ses consultations relève de la maturité.",
      evidenceExamples: [
        "Politique ou charte d'achats responsables couvrant le numérique",
        "Extrait d'un cahier des charges récent comportant des critères environnementaux",
        "Grille d'analyse des offres montrant le poids des critères numérique responsable",
      ],
      levels: {
        1: "Aucune politique : le choix se fait sur le prix et la disponibilité.",
        2: "Critères environnementaux appliqués ponctuellement, selon l'acheteur.",
        3: "Politique écrite couvrant certaines catégories (par exemple les matériels), appliquée irrégulièrement.",
        4: "Politique couvrant tous les achats numériques, critères pondérés dans chaque consultation, acheteurs formés.",
        5: "Politique pilotée par des indicateurs (part des achats conformes), révisée à partir des résultats et étendue à la chaîne d'approvisionnement.",
      },
      topicSources: ["Label NR PA7", "MiNumEco e.1", "ANCT Démarche NR"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ACHA-02",
      criterion: "utilisation-achats",
      topic: "Reconditionné, réemploi et location",
      text: "Quelle place donnez-vous, dans vos approvisionnements, aux équipements reconditionnés ou issus du réemploi et aux formules de location ou d'économie de la fonctionnalité ? Indiquez la part constatée par catégorie d'équipements et les objectifs fixés.",
      guidance:
        "On attend des parts chiffrées (en nombre d'équipements ou en montant) par catégorie, un objectif et une explication des choix : le reconditionné est-il proposé par défaut ? Les contrats de location prévoient-ils une durée d'usage longue et le réemploi des équipements en fin de contrat ? Une location qui raccourcit le cycle de renouvellement n'est pas une pratique responsable.",
      evidenceExamples: [
        "Part des équipements reconditionnés achetés sur les douze derniers mois, par catégorie",
        "Contrats de location précisant la durée d'usage et le devenir des équipements",
        "Catalogue interne proposant le reconditionné par défaut",
      ],
      levels: {
        1: "Ni équipement reconditionné ni location responsable.",
        2: "Achats reconditionnés ponctuels, non suivis.",
        3: "Reconditionné proposé pour certaines catégories, part suivie sans objectif.",
        4: "Reconditionné proposé par défaut lorsque l'offre existe, objectif chiffré atteint ou en progression.",
        5: "Réemploi et économie de la fonctionnalité au cœur de l'approvisionnement, parts élevées et en progression, résultats publiés.",
      },
      topicSources: ["Label NR PA7", "MiNumEco e.2", "Cigref 2025"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ACHA-03",
      criterion: "utilisation-achats",
      topic: "Labels et critères exigés sur les équipements",
      text: "Quels labels et critères exigez-vous lors de vos achats d'équipements (TCO Certified, EPEAT, Ange bleu, Écolabel européen, indice de réparabilité ou de durabilité, durée de disponibilité des pièces détachées et des mises à jour, durée de garantie) ? Précisez pour quelles catégories, à quel titre, et comment vous vérifiez leur respect.",
      guidance:
        "Une réponse mature précise quels labels ou critères sont exigés pour quelles catégories, à quel titre (exigence éliminatoire ou critère de notation) et comment la conformité est contrôlée (certificat valide pour le modèle livré, bases de données des labels). Les durées de garantie, de support logiciel et de disponibilité des pièces comptent autant que les labels pour allonger la durée de vie.",
      evidenceExamples: [
        "Extrait de cahier des charges indiquant les labels et critères exigés",
        "Certificats de label des modèles achetés",
        "Liste des modèles référencés avec leur indice de réparabilité ou de durabilité",
      ],
      topicSources: ["Label NR PA7", "MiNumEco e.3", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ACHA-04",
      criterion: "utilisation-achats",
      topic: "Questionnement du besoin et sobriété de l'équipement",
      text: "Comment questionnez-vous le besoin avant un achat numérique (nombre d'équipements par personne, mutualisation, mise à niveau plutôt que remplacement, dimensionnement au juste besoin) ? Donnez un exemple d'achat évité, réduit ou redimensionné.",
      guidance:
        "On attend un processus effectif de validation du besoin (qui décide, selon quels critères), un suivi du nombre d'équipements par personne et des exemples concrets d'achats évités ou réduits. La sobriété se démontre par des décisions, non par des principes.",
      evidenceExamples: [
        "Procédure de validation des demandes d'équipement",
        "Évolution du nombre d'équipements par personne",
        "Exemples documentés d'achats évités ou redimensionnés",
      ],
      topicSources: ["Label NR PA8", "MiNumEco d.1", "MiNumEco d.2"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ACHA-05",
      criterion: "utilisation-achats",
      topic: "Règles d'usage : postes, téléphonie, impression, messagerie",
      text: "Quelles règles d'usage et quels paramétrages par défaut appliquez-vous aux postes de travail, à la téléphonie, à l'impression, à la messagerie et aux outils collaboratifs (mise en veille, impression recto verso, taille des pièces jointes, visioconférence, stockage) ? Comment en mesurez-vous l'application ?",
      guidance:
        "Une réponse mature décrit des politiques écrites pour chaque usage, traduites en paramétrages techniques par défaut plutôt qu'en simples consignes, et des indicateurs de résultat : volume d'impression par personne, volumes de stockage et de messagerie, consommation des postes.",
      evidenceExamples: [
        "Politiques d'usage (poste de travail, téléphonie, impression)",
        "Extraits des paramétrages par défaut déployés",
        "Indicateurs d'usage suivis (pages imprimées par personne, volumes de stockage)",
      ],
      topicSources: ["Label NR PA10", "Label NR PA11", "Label NR PA12", "MiNumEco f.1", "MiNumEco f.2"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ACHA-06",
      criterion: "utilisation-achats",
      topic: "Exigences transmises à vos propres fournisseurs",
      text: "Quelles exigences de numérique responsable transmettez-vous à vos propres fournisseurs et sous-traitants (clauses, questionnaires de maturité, données d'empreinte demandées, objectifs de réduction) ? Décrivez comment vous en suivez le respect et ce que vous faites en cas d'écart.",
      guidance:
        "La maturité se prolonge dans la chaîne d'approvisionnement : on attend des exigences écrites dans les contrats, une évaluation des principaux fournisseurs, des données environnementales collectées (par exemple des facteurs d'émission spécifiques) et des plans de progrès suivis. Le fournisseur doit montrer qu'il fait auprès de ses propres fournisseurs ce que l'acheteur fait auprès de lui.",
      evidenceExamples: [
        "Clauses numérique responsable types insérées dans les contrats fournisseurs",
        "Questionnaire ou grille d'évaluation des fournisseurs, avec résultats",
        "Liste des fournisseurs ayant transmis des données d'empreinte spécifiques",
        "Exemple de plan de progrès demandé à un fournisseur",
      ],
      levels: {
        1: "Aucune exigence envers les fournisseurs.",
        2: "Exigences générales (charte), sans suivi.",
        3: "Clauses dans une partie des contrats, évaluation ponctuelle de certains fournisseurs.",
        4: "Exigences contractuelles pour les fournisseurs significatifs, évaluation régulière, collecte de données spécifiques.",
        5: "Objectifs partagés avec la chaîne d'approvisionnement, plans de progrès suivis, conséquences prévues en cas d'écart.",
      },
      topicSources: ["Label NR PA7", "RGESN 2.8", "MiNumEco e.4", "Cigref 2025"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 8. Contribution à l'écosystème NR
    {
      id: "ECOS-01",
      criterion: "ecosysteme",
      topic: "Participation aux collectifs du numérique responsable",
      text: "À quels collectifs, associations ou groupes de travail consacrés au numérique responsable votre organisation participe-t-elle, et quelle y est sa contribution concrète (personnes et temps mobilisés, travaux produits, responsabilités exercées) ?",
      guidance:
        "Une simple adhésion compte peu : on attend des contributions identifiables (participation régulière à des groupes de travail, travaux coécrits, pilotage d'un chantier) au sein de collectifs reconnus (par exemple l'INR, Planet Tech'Care, Boavizta ou le Collectif Conception Numérique Responsable), avec les personnes et le temps mobilisés. La contribution montre aussi que le fournisseur suit l'état de l'art.",
      evidenceExamples: [
        "Attestations d'adhésion ou de participation",
        "Publications ou livrables auxquels l'organisation a contribué",
        "Liste des personnes impliquées et temps consacré",
      ],
      levels: {
        1: "Aucune participation.",
        2: "Adhésion sans participation active.",
        3: "Participation régulière de quelques personnes à des groupes de travail.",
        4: "Contributions identifiables à des travaux publiés, personnes et temps dédiés.",
        5: "Rôle moteur (pilotage de groupes de travail, élaboration de référentiels), contribution reconnue par l'écosystème.",
      },
      topicSources: ["Label NR PA6"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ECOS-02",
      criterion: "ecosysteme",
      topic: "Partage de méthodes, d'outils et de données",
      text: "Quels méthodes, outils, données ou retours d'expérience en matière de numérique responsable avez-vous rendus publics ou partagés (publications, logiciels libres, jeux de données ouverts, interventions) ? Indiquez les licences utilisées et la manière dont ces ressources sont maintenues.",
      guidance:
        "On attend des ressources effectivement accessibles (liens), réutilisables (licence ouverte), maintenues dans le temps et utiles à d'autres organisations : données d'impact, outils de mesure, guides méthodologiques. Partager aussi ses limites et ses échecs témoigne d'une démarche sincère.",
      evidenceExamples: [
        "Liens vers les publications, dépôts de code ou jeux de données",
        "Licences appliquées aux ressources partagées",
        "Historique de maintenance (versions publiées, contributions externes)",
      ],
      topicSources: ["RGESN 1.8", "Label NR PA6"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "ECOS-03",
      criterion: "ecosysteme",
      topic: "Sensibilisation et accompagnement des clients et partenaires",
      text: "Comment sensibilisez-vous et accompagnez-vous vos clients et partenaires vers des pratiques plus responsables (conseils dans les offres, variantes plus sobres, ateliers, contenus partagés) ? Donnez des exemples où votre intervention a modifié le choix d'un client.",
      guidance:
        "On attend une démarche proactive, pas seulement des réponses aux demandes : variantes plus sobres proposées dans les offres, conseil sur le dimensionnement ou la durée de vie, actions de sensibilisation. Les exemples concrets où un client a retenu une option moins impactante grâce au fournisseur sont les preuves les plus convaincantes ; une offre « verte » commercialisée sans mesure de son effet ne suffit pas.",
      evidenceExamples: [
        "Exemple d'offre comportant une variante plus sobre, avec son effet estimé",
        "Supports d'ateliers ou de sensibilisation destinés aux clients",
        "Témoignage ou retour d'un client sur un choix modifié",
      ],
      topicSources: ["Label NR PA3", "Label NR PA6", "Label NR PA7"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 9. Services numériques
    {
      id: "SERV-01",
      criterion: "services-numeriques",
      topic: "Démarche d'écoconception et référentiel suivi",
      text: "Décrivez la démarche d'écoconception appliquée aux services numériques que vous concevez, développez ou exploitez : référentiel suivi (RGESN, GR491, 115 bonnes pratiques…), étapes du projet où elle intervient, responsables, et résultats des dernières évaluations de conformité.",
      guidance:
        "Une réponse mature montre un référentiel adopté pour tous les projets, appliqué dès le cadrage (utilité du service, choix des fonctionnalités) et pas seulement en fin de développement, un responsable identifié et une déclaration ou un taux de conformité publié pour les services concernés. Des bonnes pratiques appliquées au cas par cas relèvent d'une maturité émergente.",
      evidenceExamples: [
        "Déclaration d'écoconception ou auto-évaluation RGESN d'un service",
        "Extrait de la méthodologie projet intégrant l'écoconception",
        "Compte rendu d'une revue d'écoconception en phase de cadrage",
      ],
      levels: {
        1: "Aucune démarche d'écoconception.",
        2: "Bonnes pratiques appliquées ponctuellement par certains développeurs.",
        3: "Référentiel adopté et appliqué à une partie des projets, souvent en fin de développement.",
        4: "Référentiel appliqué à tous les projets dès le cadrage, évaluations de conformité réalisées et suivies.",
        5: "Écoconception systématique, conformité publiée et en progression, méthode partagée avec les clients et partenaires.",
      },
      topicSources: ["Label NR PA13", "MiNumEco g.3", "RGESN 1"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SERV-02",
      criterion: "services-numeriques",
      topic: "Mesure de l'empreinte des services et revues de sobriété",
      text: "Comment mesurez-vous l'empreinte environnementale des services numériques que vous livrez (outils et indicateurs, fréquence, seuils) et comment ces mesures alimentent-elles les revues de conception et de code ? Donnez un exemple d'amélioration obtenue.",
      guidance:
        "On attend des mesures intégrées au cycle de développement (par exemple EcoIndex, poids des pages et nombre de requêtes, consommation mesurée côté serveur et côté terminal), des seuils ou budgets définis, des revues qui s'en servent et un exemple chiffré d'amélioration. Une mesure isolée réalisée pour une vitrine commerciale n'atteste pas d'une démarche.",
      evidenceExamples: [
        "Rapports de mesure d'un service avant et après optimisation",
        "Budget environnemental ou seuils définis pour un projet",
        "Extrait de la grille de revue de conception ou de code",
      ],
      topicSources: ["MiNumEco g.2", "RGESN 2.6"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SERV-03",
      criterion: "services-numeriques",
      topic: "Compatibilité avec les terminaux anciens et les connexions lentes",
      text: "Comment vos services numériques restent-ils utilisables sur des terminaux anciens et avec des connexions à faible débit ? Précisez l'ancienneté des appareils et des systèmes d'exploitation pris en charge, les conditions de réseau testées et la manière dont vous le vérifiez à chaque mise à jour.",
      guidance:
        "Les services qui exigent des terminaux récents accélèrent le renouvellement de ces terminaux, dont la fabrication est la principale source d'impact environnemental du numérique. On attend une politique de compatibilité explicite (nombre d'années d'appareils et de versions de systèmes pris en charge), des tests réguliers sur des appareils anciens et en bas débit, et des mises à jour correctives distinctes des évolutions fonctionnelles, afin que la compatibilité ne se dégrade pas.",
      evidenceExamples: [
        "Politique de compatibilité publiée (appareils, systèmes, navigateurs)",
        "Rapports de tests sur terminaux anciens et en bas débit",
        "Matrice de compatibilité d'un service livré",
      ],
      topicSources: [
        "MiNumEco g.4",
        "MiNumEco g.5",
        "MiNumEco g.6",
        "MiNumEco g.7",
        "MiNumEco g.10",
        "RGESN 2.2",
        "RGESN 2.3",
        "RGESN 2.4",
      ],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SERV-04",
      criterion: "services-numeriques",
      topic: "Accessibilité numérique",
      text: "Comment garantissez-vous l'accessibilité des services numériques que vous concevez ou éditez : référentiel suivi (RGAA, norme EN 301 549), compétences mobilisées, audits réalisés, déclarations d'accessibilité publiées et taux de conformité obtenus ?",
      guidance:
        "On attend des audits réalisés selon le RGAA par des personnes compétentes, des déclarations d'accessibilité publiées avec leur taux de conformité, un schéma pluriannuel ou un plan d'action pour corriger les non-conformités, et des tests associant des utilisateurs en situation de handicap. L'accessibilité doit être prise en compte dès la conception, pas seulement auditée à la fin.",
      evidenceExamples: [
        "Déclarations d'accessibilité publiées, avec taux de conformité",
        "Rapport d'audit RGAA récent",
        "Schéma pluriannuel ou plan d'action de mise en accessibilité",
      ],
      levels: {
        1: "L'accessibilité n'est pas prise en compte.",
        2: "Corrections ponctuelles, sans audit ni référentiel.",
        3: "Audits RGAA réalisés sur certains services, conformité partielle, plan d'action en cours.",
        4: "Accessibilité intégrée dès la conception, audits réguliers, déclarations publiées avec des taux de conformité élevés.",
        5: "Conformité totale ou quasi totale maintenue dans le temps, tests avec des utilisateurs en situation de handicap, compétences certifiées.",
      },
      topicSources: ["Label NR PA13", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SERV-05",
      criterion: "services-numeriques",
      topic: "Sobriété des données et de l'IA, fin de vie des services",
      text: "Comment vous assurez-vous que les traitements de données et d'intelligence artificielle de vos services sont justifiés et proportionnés (pertinence évaluée avant adoption, choix des modèles, volumes de données, mesure de leur consommation) ? Comment organisez-vous la fin de vie des services et des fonctionnalités inutilisés ?",
      guidance:
        "On attend une évaluation de l'utilité avant tout recours à l'IA ou à des traitements massifs, le choix de solutions proportionnées (modèles plus petits, traitements différés, entraînements limités), une mesure de leur consommation et une démarche de retrait des fonctionnalités, services et données qui ne servent plus. L'adoption de l'IA « par principe », sans analyse d'impact, est un signe de faible maturité.",
      evidenceExamples: [
        "Grille d'évaluation de la pertinence d'un projet d'IA",
        "Mesures de consommation d'énergie ou de ressources d'un traitement d'IA",
        "Procédure de retrait des fonctionnalités ou services inutilisés, avec exemples",
      ],
      topicSources: ["MiNumEco a.8", "RGESN 9", "RGESN 2.7"],
      allowNotApplicableByDefault: false,
    },

    // ------------------------------------------------------------------------------------------------------
    // 10. Impacts sociétaux
    {
      id: "SOCI-01",
      criterion: "impacts-societaux",
      topic: "Droits humains et conditions de travail dans la chaîne d'approvisionnement",
      text: "Comment identifiez-vous et maîtrisez-vous les risques d'atteinte aux droits humains et aux conditions de travail dans votre chaîne d'approvisionnement numérique (extraction des minerais, fabrication, centres de services sous-traités) ? Décrivez la cartographie des risques, les exigences posées, les audits réalisés et les mesures prises en cas de manquement.",
      guidance:
        "On attend une cartographie des risques par catégorie d'achats, des exigences fondées sur les conventions fondamentales de l'OIT et sur l'approvisionnement responsable en minerais (étain, tantale, tungstène, or, cobalt), des audits ou l'adhésion à des initiatives sectorielles crédibles, et des exemples de mesures correctives. Pour les entreprises qui y sont soumises, le plan de vigilance doit traiter explicitement le numérique.",
      evidenceExamples: [
        "Plan de vigilance ou cartographie des risques de la chaîne d'approvisionnement (partie numérique, avec numéro de page)",
        "Politique d'approvisionnement responsable en minerais ou rapport sur les minerais de conflit",
        "Rapports d'audit social de fournisseurs ou de sites de fabrication",
        "Certificat SA 8000 ou adhésion à une initiative sectorielle (par exemple la Responsible Business Alliance), avec périmètre",
      ],
      levels: {
        1: "Risques non identifiés.",
        2: "Charte éthique transmise aux fournisseurs, sans vérification.",
        3: "Cartographie des risques réalisée, exigences contractuelles pour certains fournisseurs, audits ponctuels.",
        4: "Cartographie à jour, exigences relatives à l'OIT et aux minerais dans les contrats, audits réguliers des fournisseurs à risque, mesures correctives suivies.",
        5: "Vigilance étendue aux rangs successifs de la chaîne, résultats publiés et vérifiés de manière indépendante, contribution à des initiatives sectorielles.",
      },
      topicSources: ["Guide achats DAE 2021", "MiNumEco e.5"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SOCI-02",
      criterion: "impacts-societaux",
      topic: "Inclusion : ESS, secteur protégé et adapté, inclusion numérique",
      text: "Quelles actions menez-vous en faveur de l'inclusion dans vos activités numériques : recours à des entreprises de l'économie sociale et solidaire, à des structures d'insertion ou au secteur protégé et adapté (ESAT, entreprises adaptées), emploi de personnes éloignées de l'emploi, actions d'inclusion numérique ? Indiquez les montants, volumes ou effectifs concernés.",
      guidance:
        "On attend des actions chiffrées et durables : montant des achats auprès de l'économie sociale et solidaire et du secteur protégé et adapté, heures d'insertion, partenariats suivis, actions d'inclusion numérique (dons d'équipements, médiation, formation) avec leurs bénéficiaires. Un soutien ponctuel ou un mécénat sans suivi témoigne d'une maturité limitée.",
      evidenceExamples: [
        "Montant des achats auprès de l'ESS et du secteur protégé et adapté sur le dernier exercice",
        "Conventions avec des structures d'insertion ou des entreprises adaptées",
        "Bilan des actions d'inclusion numérique (bénéficiaires, équipements donnés)",
      ],
      topicSources: ["Label NR PA4", "Label NR PA13", "Guide achats DAE 2021"],
      allowNotApplicableByDefault: false,
    },
    {
      id: "SOCI-03",
      criterion: "impacts-societaux",
      topic: "Éthique des données et protection des données personnelles",
      text: "Comment encadrez-vous l'éthique des données et la protection des données personnelles dans vos services et vos traitements (organisation RGPD, minimisation des données, transparence sur les algorithmes, analyses d'impact) ? Décrivez l'organisation en place et les contrôles réalisés.",
      guidance:
        "On attend une organisation effective (délégué à la protection des données, registre des traitements, analyses d'impact lorsqu'elles sont requises), une minimisation des données appliquée dès la conception, de la transparence sur l'usage des données et des algorithmes, et des contrôles réguliers. Au-delà de la conformité, une charte éthique appliquée et un dispositif de recours pour les personnes concernées témoignent d'une maturité avancée.",
      evidenceExamples: [
        "Désignation du délégué à la protection des données",
        "Extrait du registre des traitements",
        "Analyse d'impact relative à la protection des données d'un traitement représentatif",
        "Charte éthique des données ou de l'IA",
        "Rapport d'audit RGPD",
      ],
      topicSources: ["Label NR PA2"],
      allowNotApplicableByDefault: false,
    },
  ],
} satisfies GuideInput;
