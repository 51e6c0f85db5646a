/**
 * Guide de maturité NR des fournisseurs — édition NR Procure 2026.1: edition-level fields and criteria.
 *
 * Published content: never renumber, never reword in place. A correction is a new version.
 *
 * Provenance, field by field (see `GUIDE_FIELD_PROVENANCE` in ../schema.ts): criterion titles and order, the
 * 10-criteria / 47-questions shape and the usage rules come from the INR/ISIT 2024 guide (via the project's source
 * documents and INR's BP-AIR digest, shared/reference/inr-maturity-guide.md §1–3); everything else is our edition.
 * What changed since 2024.1 and why: `changesFromPrevious` in ./index.ts and docs/decisions/012-guide-2026-edition.md.
 */
import type { GuideInput } from "../schema";

export const edition2026_1 = {
  format: 2,
  version: "2026.1-nrprocure",
  basedOn: "inr-isit-2024",
  title: "Guide de maturité numérique responsable des fournisseurs — édition NR Procure 2026.1",
  source:
    "D'après le « Guide pour l'évaluation et l'influence de la Maturité en NR des Parties Prenantes » de l'Institut du Numérique Responsable (INR) et de l'Institute for Sustainable IT (ISIT), 2024 (https://institutnr.org/guide-maturite-parties-prenantes). Cette édition reprend la structure du guide — 10 critères, 47 questions ouvertes — et formule les questions avec nos propres mots.",
  sourceUrl: "https://institutnr.org/guide-maturite-parties-prenantes",
  licence:
    "Le guide de l'INR et de l'ISIT est publié sous une licence Creative Commons (variante non vérifiée à ce jour). Les formulations de la présente édition (questions, formulations pour le présent marché, indications d'évaluation, exemples de preuves, descripteurs de niveaux, descriptions des critères, portée des questions) sont une rédaction propre à NR Procure et ne reproduisent pas le texte du guide. Toute réutilisation doit citer l'INR et l'ISIT comme auteurs du guide d'origine.",
  editionNote:
    "Édition NR Procure n° 2 du guide INR/ISIT 2024, qui remplace l'édition 2024.1 pour les nouveaux questionnaires (les consultations publiées sur l'édition 2024.1 la conservent). Les dix critères, leurs intitulés et leur ordre sont ceux du guide, de même que le nombre de 47 questions ouvertes et ses règles d'usage. Tout le reste est propre à NR Procure. Nouveautés : chaque question indique sa portée — « organisation » (politique générale de l'entreprise, posée pour information dans un marché public) ou « marché » (moyens affectés au présent marché, avec une formulation dédiée) ; chaque question porte une étiquette de sujet unique et cinq descripteurs de niveaux fondés sur des preuves observables ; six paires de questions qui comptaient deux fois le même sujet ont été séparées ; plusieurs références ont été corrigées (label Numérique Responsable, minerais, RGESN, émissions évitées).",
  publishedAt: "2026-12-01",
  // Usage rules of the INR/ISIT guide, in our words (provenance `inr-isit-2024`): unchanged since 2024.1.
  respondentInstructions: [
    "Ces questions évaluent la maturité de votre démarche — politique, méthode, pilotage, progrès dans le temps —, non la performance ponctuelle d'un produit ou d'un service : les exigences de performance relèvent des clauses du marché.",
    "Décrivez ce qui est en place aujourd'hui. Les projets peuvent être mentionnés, à condition d'être présentés comme tels, avec leur échéance et les moyens engagés : une intention (« nous allons… ») ne témoigne pas d'une maturité.",
    "Appuyez chaque réponse sur des éléments de preuve. Pour un document long (rapport RSE, déclaration de durabilité), indiquez le passage concerné et son numéro de page : un simple lien ne suffit pas.",
    "Pour chaque certificat ou label cité, précisez le périmètre couvert (sites, entités, activités) et la date de validité.",
    "Répondez pour l'organisation qui réalisera les prestations ; lorsque la pratique diffère à l'échelle du groupe, précisez-le.",
    "La réponse « non applicable » doit rester exceptionnelle et être justifiée : toute organisation porte une responsabilité étendue sur son numérique, y compris lorsqu'il est externalisé.",
  ],
  // Our additions for this edition (provenance `nrprocure`).
  editionInstructions: [
    "Lorsqu'une question est posée « pour l'exécution du présent marché », répondez pour les moyens que vous affecterez à ce marché : équipe, sites, hébergements, sous-traitants, équipements fournis. Les autres questions portent sur votre organisation ; dans un marché public, elles ne peuvent être posées que pour information, sans compter dans la note.",
    "Aucun certificat, label ou évaluation particulier n'est exigé : toute preuve équivalente est examinée, quelle que soit la taille de votre organisation.",
  ],

  criteria: [
    {
      id: "gouvernance",
      number: 1,
      questionPrefix: "GOUV",
      title: "Gouvernance et stratégie",
      shortTitle: "Gouvernance & stratégie",
      description:
        "Ce critère examine la place du numérique responsable dans la stratégie et l'organisation du fournisseur : engagement de la direction, responsabilités et moyens attribués, plan d'action assorti d'objectifs, revue des résultats par la direction, implication des collaborateurs, systèmes de management. Il porte sur la politique générale de l'entreprise : un acheteur privé peut le noter ; un acheteur public le pose pour information, sans poids dans la note, car un critère d'attribution doit être lié à l'objet du marché ou à ses conditions d'exécution.",
      sources: [
        "Label Numérique Responsable — thème « Stratégie et gouvernance » (PA1 à PA3)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème a « Stratégie et gouvernance »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Stratégie & gouvernance »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — questions de sourcing, labels",
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
        "Ce critère porte sur la manière dont le fournisseur développe les connaissances et les savoir-faire en numérique responsable : place dans le plan de développement des compétences, sensibilisation de l'ensemble du personnel et part du personnel formé (politique générale), et compétences des personnes qui réaliseront la prestation (lié au marché). Sans compétences, les engagements restent théoriques : l'acheteur veut savoir si l'équipe affectée sait appliquer les bonnes pratiques de son métier.",
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
        "Ce critère évalue la capacité du fournisseur à connaître et à quantifier les impacts environnementaux de son numérique et de ce qu'il vend : inventaire du parc, empreinte multicritère du système d'information, bilan des émissions de gaz à effet de serre, données d'impact transmises à l'acheteur pour ce qu'il livre, comparabilité des résultats dans le temps. L'acheteur en a besoin pour deux raisons : on ne réduit durablement que ce que l'on mesure, et son propre calcul des émissions liées aux achats reste fondé sur des ratios monétaires imprécis tant que ses fournisseurs ne lui transmettent pas de données spécifiques.",
      sources: [
        "Label Numérique Responsable — PA2 (évaluation de l'empreinte, indicateurs)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème c « Mesure et évaluation »",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « Mesure »",
        "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) — facteurs d'émission spécifiques des fournisseurs, double comptabilisation de l'électricité",
        "GHG Protocol, Corporate Value Chain (Scope 3) Standard — catégories et traitement des émissions évitées",
      ],
    },
    {
      id: "fin-de-vie",
      number: 4,
      questionPrefix: "FDV",
      title: "Équipements informatiques : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale)",
      shortTitle: "Fin de vie & DEEE",
      description:
        "Ce critère couvre le parcours des équipements jusqu'à leur fin de vie : politique de durée d'usage, diagnostic et réparation avant remplacement, réemploi des équipements sortis du parc, traitement des déchets d'équipements électriques et électroniques (DEEE) par des filières agréées et traçables, effacement sécurisé des données, reprise et seconde vie des équipements fournis en s'appuyant sur des acteurs de proximité. La fabrication représentant la plus grande part de l'empreinte des équipements, allonger leur durée d'usage et organiser leur seconde vie comptent parmi les leviers les plus efficaces ; pour les équipements fournis ou repris au titre du marché, ces questions sont liées à son exécution.",
      sources: [
        "Label Numérique Responsable — PA8 et PA9 (maîtrise de l'usage et de la fin de vie des équipements)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème i « Fin d'usage » et pratique d.3",
        "ANCT, boîte à outils « Démarche Numérique Responsable » — dimension « DEEE & économie circulaire »",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — filières DEEE, reprise, effacement des données",
        "Cigref, Stratégies Numérique Responsable des grandes organisations (2025) — durées de vie cibles",
        "Loi n° 2021-1485 du 15 novembre 2021 (REEN), art. 16, et décret n° 2023-266 — réemploi des matériels informatiques réformés par l'État et les collectivités",
      ],
    },
    {
      id: "infra-internes",
      number: 5,
      questionPrefix: "INFI",
      title: "Infrastructures internes",
      shortTitle: "Infrastructures internes",
      description:
        "Ce critère concerne les salles informatiques, centres de données et réseaux que le fournisseur possède ou exploite lui-même : mesure de leur performance énergétique et environnementale (PUE, WUE, CUE), dimensionnement et taux d'utilisation des ressources, refroidissement et valorisation de la chaleur, choix des matériels d'infrastructure, décommissionnement. Lorsque ces infrastructures servent au marché, leurs indicateurs et leur exploitation sont liés à son exécution. Une organisation qui n'exploite aucune infrastructure en propre peut le déclarer, en le justifiant, et décrire ses hébergements au critère « Infrastructures externes ».",
      sources: [
        "Label Numérique Responsable — PA14 (politique relative aux centres de données)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — thème h « Salle serveur et centre de données »",
        "RGESN 2024 — critères 2.7, 3.7 et thématique « Hébergement » (critères 8.1 à 8.10)",
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
        "Ce critère porte sur les infrastructures que le fournisseur utilise sans les exploiter : hébergeurs, centres de données en colocation, services cloud (IaaS, PaaS, SaaS) et réseaux étendus. L'acheteur cherche à savoir si ces prestataires sont choisis et suivis sur des critères environnementaux documentés, si leurs indicateurs sont connus, si les données sont stockées et répliquées avec sobriété et si la réversibilité est organisée. Externaliser une infrastructure n'en externalise pas la responsabilité : pour les hébergements utilisés par le service acheté, ces questions sont liées à l'exécution du marché.",
      sources: [
        "Label Numérique Responsable — PA14 (choix des opérateurs sur des critères responsables)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — pratiques h.1, h.2 et f.3",
        "RGESN 2024 — thématique « Hébergement » (critères 8.1 à 8.10)",
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
        "Ce critère examine comment le fournisseur achète et utilise ses propres équipements et services numériques — politique d'achat, part de reconditionné ou de location, labels et critères exigés sur les équipements des utilisateurs, règles d'usage internes — et comment il dimensionne au juste besoin ce qu'il propose et répercute ses exigences sur les sous-traitants du marché. C'est là que la maturité se distingue le plus nettement de la performance : une organisation dont les équipements portent un label par hasard est performante ; celle qui exige ce label dans ses consultations est mature.",
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
        "Ce critère mesure ce que le fournisseur apporte au-delà de son propre périmètre : participation à des collectifs et groupes de travail, partage de méthodes, d'outils ou de données, sensibilisation et accompagnement de ses clients et partenaires. Il renseigne sur un partenaire de long terme ; il relève de la politique générale de l'entreprise et, dans un marché public, il est posé pour information.",
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
        "Ce critère concerne les services numériques que le fournisseur conçoit, développe, édite ou exploite : démarche d'écoconception et référentiel suivi, seuils environnementaux contrôlés pendant le développement, compatibilité avec les terminaux anciens et les connexions lentes, accessibilité, sobriété des traitements de données et d'intelligence artificielle. Pour les services livrés au titre du marché, ces questions sont liées à son objet : l'acheteur y évalue la capacité à livrer des services qui n'accélèrent pas le renouvellement des terminaux et restent utilisables par tous.",
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
        "Ce critère porte sur les effets sociaux et sociétaux du numérique du fournisseur : respect des droits humains et des conditions de travail dans la chaîne d'approvisionnement des biens et services fournis, inclusion (structures d'insertion, secteur protégé et adapté, inclusion numérique), protection des données personnelles et éthique des données. Le numérique responsable ne se limite pas à l'environnement : l'acheteur engage aussi sa responsabilité sur les conditions dans lesquelles sont produits les biens et services qu'il achète.",
      sources: [
        "Label Numérique Responsable — PA2 (protection des données personnelles), PA4 (inclusion numérique) et PA13 (accessibilité)",
        "MiNumEco, Guide de bonnes pratiques numérique responsable pour les organisations (2023) — pratique e.5",
        "Guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) — conventions de l'OIT, minerais, devoir de vigilance, insertion",
        "OCDE, Guide sur le devoir de diligence pour des chaînes d'approvisionnement responsables en minerais provenant de zones de conflit ou à haut risque",
      ],
    },
  ],
} satisfies Omit<GuideInput, "questions">;
