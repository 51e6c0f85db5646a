/**
 * Édition 2026.1 — questions of criteria 7 to 10 (utilisation et achats, écosystème, services numériques, impacts
 * sociétaux). Our own wording. Scope rule (shared/reference/lawful-award-criteria.md §2): the sizing of what is
 * offered, the subcontractors of the contract, the digital services delivered, the supply chain of the goods supplied
 * and the personal data processed for the buyer are `contract`; own purchasing and usage rules, ecosystem
 * contribution and general inclusion policy are `organisation`.
 */
import type { GuideInput } from "../schema";

const ORGANISATION_POLICY =
  "Politique générale de l'entreprise, indépendante du marché : question posée pour information dans un marché public (Conseil d'État, 25 mai 2018, n° 417580), librement notée par un acheteur privé.";

const SERVICE_DELIVERED =
  "Porte sur les services numériques livrés au titre du marché : lié à son objet.";

export const questionsPurchasingServicesSociety = [
  // ------------------------------------------------------------------------------------------------------
  // 7. Utilisation et achats
  {
    id: "ACHA-01",
    criterion: "utilisation-achats",
    topic: "Politique d'achats numériques responsables",
    topicTag: "politique-achats",
    text: "Décrivez votre politique d'achats numériques responsables : document de référence, catégories d'achats couvertes (matériels, logiciels, services, cloud), critères environnementaux et sociaux appliqués, poids de ces critères dans le choix des offres et personnes chargées de l'appliquer.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
      4: "Politique couvrant tous les achats numériques, critères pondérés visibles dans les consultations récentes, acheteurs formés.",
      5: "Politique pilotée par un indicateur (part des achats conformes), révisée d'après les résultats et étendue à la chaîne d'approvisionnement.",
    },
    topicSources: ["Label NR PA7", "MiNumEco e.1", "ANCT Démarche NR"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ACHA-02",
    criterion: "utilisation-achats",
    topic: "Reconditionné, réemploi et location dans ses approvisionnements",
    topicTag: "reconditionne-location",
    text: "Quelle place donnez-vous, dans vos approvisionnements, aux équipements reconditionnés ou issus du réemploi et aux formules de location ou d'économie de la fonctionnalité ? Indiquez la part constatée par catégorie d'équipements et les objectifs fixés.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
      5: "Parts élevées et en hausse sur plusieurs années, location limitée aux contrats à durée d'usage longue avec réemploi en fin de contrat, résultats publiés.",
    },
    topicSources: ["Label NR PA7", "MiNumEco e.2", "Cigref 2025"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ACHA-03",
    criterion: "utilisation-achats",
    topic: "Labels et critères exigés sur les équipements des utilisateurs",
    topicTag: "criteres-equipements-utilisateurs",
    text: "Quels labels et critères exigez-vous lors de vos achats d'équipements pour les utilisateurs — postes de travail, écrans, téléphones, imprimantes — (TCO Certified, EPEAT, Ange bleu, Écolabel européen ou équivalents, indice de réparabilité ou de durabilité, durée de disponibilité des pièces détachées et des mises à jour, durée de garantie) ? Précisez pour quelles catégories, à quel titre, et comment vous vérifiez leur respect.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Une réponse mature précise quels labels ou critères sont exigés pour quelles catégories d'équipements des utilisateurs, à quel titre (exigence minimale ou critère de notation) et comment la conformité est contrôlée (certificat valide pour le modèle livré, bases de données des labels), en acceptant les preuves équivalentes. Les durées de garantie, de support logiciel et de disponibilité des pièces comptent autant que les labels. Les matériels d'infrastructure (serveurs, stockage, réseau) sont appréciés à la question INFI-04.",
    evidenceExamples: [
      "Extrait de cahier des charges indiquant les labels et critères exigés",
      "Certificats de label des modèles achetés, ou preuves équivalentes",
      "Liste des modèles référencés avec leur indice de réparabilité ou de durabilité",
    ],
    levels: {
      1: "Aucune exigence environnementale sur les équipements des utilisateurs.",
      2: "Préférence pour des produits labellisés, sans exigence écrite.",
      3: "Labels ou critères exigés par écrit pour une partie des catégories, conformité rarement vérifiée.",
      4: "Exigences écrites pour toutes les catégories (label ou équivalent, durées de pièces, de mises à jour et de garantie), conformité vérifiée pour le modèle livré.",
      5: "Exigences relevées à mesure que le marché progresse (niveau de label, indices), conformité vérifiée à chaque livraison, résultats suivis par catégorie.",
    },
    topicSources: ["Label NR PA7", "MiNumEco e.3", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ACHA-04",
    criterion: "utilisation-achats",
    topic: "Juste besoin : questionner et dimensionner ce qui est acheté ou proposé",
    topicTag: "juste-besoin",
    text: "Comment questionnez-vous le besoin avant un achat numérique (nombre d'équipements par personne, mutualisation, mise à niveau plutôt que remplacement, dimensionnement au juste besoin) ? Donnez un exemple d'achat évité, réduit ou redimensionné.",
    scope: "contract",
    scopeNote:
      "Appliqué à ce que le titulaire propose ou mobilise pour le marché (quantités, caractéristiques, options), le juste dimensionnement porte sur l'offre et son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment dimensionnez-vous au juste besoin les équipements, licences et ressources que vous proposez ou mobiliserez (quantités, puissance, options, durée) ? Donnez un exemple d'élément que vous proposez de ne pas fournir, de mutualiser ou de réutiliser.",
    guidance:
      "On attend une démarche effective de validation du besoin (qui décide, selon quels critères) et des exemples concrets d'achats évités, réduits ou redimensionnés ; pour le présent marché, des propositions précises de ce qui peut ne pas être fourni, mutualisé ou réutilisé. Le suivi de l'utilisation des infrastructures en exploitation est apprécié à la question INFI-02.",
    evidenceExamples: [
      "Procédure de validation des demandes d'équipement",
      "Évolution du nombre d'équipements par personne",
      "Exemples documentés d'achats évités ou redimensionnés, ou propositions de sobriété dans l'offre",
    ],
    levels: {
      1: "Aucun questionnement : quantités et caractéristiques reprises telles quelles ou maximisées.",
      2: "Ajustements ponctuels, sans démarche écrite.",
      3: "Démarche écrite de validation du besoin, appliquée à une partie des achats ou des offres.",
      4: "Démarche appliquée systématiquement, avec au moins un exemple chiffré d'élément évité, mutualisé ou réutilisé.",
      5: "Économies mesurées sur plusieurs achats ou marchés (équipements et ressources évités), propositions de sobriété documentées dans les offres.",
    },
    topicSources: ["Label NR PA8", "MiNumEco d.1", "MiNumEco d.2"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ACHA-05",
    criterion: "utilisation-achats",
    topic: "Règles d'usage internes : postes, téléphonie, impression, messagerie",
    topicTag: "regles-usage-internes",
    text: "Quelles règles d'usage et quels paramétrages par défaut appliquez-vous aux postes de travail, à la téléphonie, à l'impression, à la messagerie et aux outils collaboratifs (mise en veille, impression recto verso, taille des pièces jointes, visioconférence, stockage) ? Comment en mesurez-vous l'application ?",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Une réponse mature décrit des politiques écrites pour chaque usage, traduites en paramétrages techniques par défaut plutôt qu'en simples consignes, et des indicateurs de résultat : volume d'impression par personne, volumes de stockage et de messagerie, consommation des postes.",
    evidenceExamples: [
      "Politiques d'usage (poste de travail, téléphonie, impression)",
      "Extraits des paramétrages par défaut déployés",
      "Indicateurs d'usage suivis (pages imprimées par personne, volumes de stockage)",
    ],
    levels: {
      1: "Aucune règle d'usage.",
      2: "Consignes diffusées, sans paramétrage par défaut.",
      3: "Paramétrages par défaut déployés pour certains usages (par exemple impression recto verso, mise en veille).",
      4: "Paramétrages par défaut pour tous les usages cités, au moins un indicateur de résultat suivi.",
      5: "Indicateurs suivis pour chaque usage et en baisse sur plusieurs années, règles revues d'après les résultats.",
    },
    topicSources: ["Label NR PA10", "Label NR PA11", "Label NR PA12", "MiNumEco f.1", "MiNumEco f.2"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ACHA-06",
    criterion: "utilisation-achats",
    topic: "Exigences transmises aux sous-traitants et fournisseurs",
    topicTag: "exigences-sous-traitants",
    text: "Quelles exigences de numérique responsable transmettez-vous à vos propres fournisseurs et sous-traitants (clauses, questionnaires de maturité, données d'empreinte demandées, objectifs de réduction) ? Décrivez comment vous en suivez le respect et ce que vous faites en cas d'écart.",
    scope: "contract",
    scopeNote:
      "Porte sur les sous-traitants et fournisseurs qui participent au marché : lié à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, quelles exigences de numérique responsable imposerez-vous aux sous-traitants et fournisseurs qui y participent (clauses, données d'empreinte demandées, objectifs), comment en suivrez-vous le respect et que ferez-vous en cas d'écart ?",
    guidance:
      "La maturité se prolonge dans la chaîne d'approvisionnement : on attend des exigences écrites dans les contrats, une évaluation des principaux fournisseurs, des données environnementales collectées (par exemple des facteurs d'émission spécifiques) et des plans de progrès suivis. Le fournisseur doit montrer qu'il fait auprès de ses propres fournisseurs ce que l'acheteur fait auprès de lui.",
    evidenceExamples: [
      "Clauses numérique responsable types insérées dans les contrats fournisseurs",
      "Questionnaire ou grille d'évaluation des fournisseurs, avec résultats",
      "Liste des fournisseurs ayant transmis des données d'empreinte spécifiques",
      "Exemple de plan de progrès demandé à un fournisseur",
    ],
    levels: {
      1: "Aucune exigence envers les fournisseurs et sous-traitants.",
      2: "Exigences générales (charte), sans suivi.",
      3: "Clauses dans une partie des contrats, évaluation ponctuelle de certains fournisseurs.",
      4: "Exigences contractuelles pour les fournisseurs et sous-traitants significatifs, évaluation régulière, collecte de données spécifiques.",
      5: "Objectifs partagés avec la chaîne d'approvisionnement, plans de progrès suivis, conséquences appliquées au moins une fois en cas d'écart.",
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
    topicTag: "collectifs-nr",
    text: "À quels collectifs, associations ou groupes de travail consacrés au numérique responsable votre organisation participe-t-elle, et quelle y est sa contribution concrète (personnes et temps mobilisés, travaux produits, responsabilités exercées) ?",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Une simple adhésion compte peu : on attend des contributions identifiables (participation régulière à des groupes de travail, travaux coécrits, pilotage d'un chantier) au sein de collectifs reconnus (par exemple l'INR, Planet Tech'Care, Boavizta ou le Collectif Conception Numérique Responsable), avec les personnes et le temps mobilisés.",
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
    topicTag: "partage-ressources",
    text: "Quels méthodes, outils, données ou retours d'expérience en matière de numérique responsable avez-vous rendus publics ou partagés (publications, logiciels libres, jeux de données ouverts, interventions) ? Indiquez les licences utilisées et la manière dont ces ressources sont maintenues.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "On attend des ressources effectivement accessibles (liens), réutilisables (licence ouverte), maintenues dans le temps et utiles à d'autres organisations : données d'impact, outils de mesure, guides méthodologiques. Partager aussi ses limites et ses échecs témoigne d'une démarche sincère.",
    evidenceExamples: [
      "Liens vers les publications, dépôts de code ou jeux de données",
      "Licences appliquées aux ressources partagées",
      "Historique de maintenance (versions publiées, contributions externes)",
    ],
    levels: {
      1: "Rien n'est partagé.",
      2: "Interventions ou articles ponctuels, sans ressource réutilisable.",
      3: "Au moins une ressource publiée sous licence ouverte, non maintenue.",
      4: "Ressources publiées sous licence ouverte et maintenues (versions datées sur plus d'un an).",
      5: "Ressources maintenues et réutilisées par d'autres organisations (contributions externes, citations), retours d'expérience y compris sur les échecs.",
    },
    topicSources: ["RGESN 1.8", "Label NR PA6"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "ECOS-03",
    criterion: "ecosysteme",
    topic: "Sensibilisation et accompagnement des clients et partenaires",
    topicTag: "accompagnement-clients",
    text: "Comment sensibilisez-vous et accompagnez-vous vos clients et partenaires vers des pratiques plus responsables (conseils dans les offres, variantes plus sobres, ateliers, contenus partagés) ? Donnez des exemples où votre intervention a modifié le choix d'un client.",
    scope: "organisation",
    scopeNote:
      "Contribution à l'écosystème, indépendante du marché : posée pour information dans un marché public ; le conseil apporté à l'acheteur pendant l'exécution se décrit dans le mémoire technique.",
    guidance:
      "On attend une démarche proactive, pas seulement des réponses aux demandes : variantes plus sobres proposées dans les offres, conseil sur le dimensionnement ou la durée de vie, actions de sensibilisation. Les exemples concrets où un client a retenu une option moins impactante grâce au fournisseur sont les preuves les plus convaincantes. L'association des collaborateurs est appréciée à la question GOUV-05.",
    evidenceExamples: [
      "Exemple d'offre comportant une variante plus sobre, avec son effet estimé",
      "Supports d'ateliers ou de sensibilisation destinés aux clients",
      "Témoignage ou retour d'un client sur un choix modifié",
    ],
    levels: {
      1: "Aucune action envers les clients et partenaires.",
      2: "Réponses aux demandes des clients, sans démarche proactive.",
      3: "Contenus ou ateliers proposés aux clients, sans variante sobre dans les offres.",
      4: "Variantes plus sobres proposées dans les offres, avec au moins un exemple documenté de choix client modifié.",
      5: "Accompagnement régulier des clients avec des effets mesurés (équipements ou ressources évités), partagés avec eux.",
    },
    topicSources: ["Label NR PA3", "Label NR PA6", "Label NR PA7"],
    allowNotApplicableByDefault: false,
  },

  // ------------------------------------------------------------------------------------------------------
  // 9. Services numériques
  {
    id: "SERV-01",
    criterion: "services-numeriques",
    topic: "Démarche d'écoconception et référentiel suivi",
    topicTag: "ecoconception-referentiel",
    text: "Décrivez la démarche d'écoconception appliquée aux services numériques que vous concevez, développez ou exploitez : référentiel suivi (RGESN, GR491, 115 bonnes pratiques…), étapes du projet où elle intervient, responsables, et résultats des dernières évaluations de conformité.",
    scope: "contract",
    scopeNote: SERVICE_DELIVERED,
    contractText:
      "Pour l'exécution du présent marché, quelle démarche d'écoconception appliquerez-vous aux services numériques livrés : référentiel (RGESN ou équivalent), étapes du projet où elle intervient, responsables, évaluation ou déclaration de conformité remise à l'acheteur ?",
    guidance:
      "Une réponse mature montre un référentiel adopté pour tous les projets, appliqué dès le cadrage (utilité du service, choix des fonctionnalités) et pas seulement en fin de développement, un responsable identifié et une déclaration ou un taux de conformité publié. Des bonnes pratiques appliquées au cas par cas relèvent d'une maturité émergente. Les seuils mesurés pendant le développement sont appréciés à la question SERV-02.",
    evidenceExamples: [
      "Déclaration d'écoconception ou auto-évaluation RGESN d'un service",
      "Extrait de la méthodologie projet intégrant l'écoconception",
      "Compte rendu d'une revue d'écoconception en phase de cadrage",
    ],
    levels: {
      1: "Aucune démarche d'écoconception.",
      2: "Bonnes pratiques appliquées ponctuellement par certains développeurs.",
      3: "Référentiel adopté et appliqué à une partie des projets, souvent en fin de développement.",
      4: "Référentiel appliqué à tous les projets dès le cadrage, évaluation de conformité réalisée pour chaque service livré.",
      5: "Déclarations de conformité publiées et en progression d'une version à l'autre, méthode partagée avec les clients.",
    },
    topicSources: ["Label NR PA13", "MiNumEco g.3", "RGESN 1"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SERV-02",
    criterion: "services-numeriques",
    topic: "Seuils environnementaux contrôlés pendant la conception et le développement",
    topicTag: "seuils-revues-conception",
    text: "Comment fixez-vous et contrôlez-vous, pendant la conception et le développement, des seuils ou budgets environnementaux pour les services que vous livrez (poids des pages, nombre de requêtes, ressources serveur, consommation côté terminal) ? Comment ces mesures alimentent-elles les revues de conception et de code ? Donnez un exemple d'amélioration obtenue.",
    scope: "contract",
    scopeNote: SERVICE_DELIVERED,
    contractText:
      "Pour l'exécution du présent marché, quels seuils ou budgets environnementaux fixerez-vous pour les services livrés (poids des pages, nombre de requêtes, ressources serveur, consommation côté terminal), comment les contrôlerez-vous à chaque livraison et comment les résultats alimenteront-ils les revues de conception et de code ?",
    guidance:
      "On attend des mesures intégrées au cycle de développement (par exemple EcoIndex, poids des pages et nombre de requêtes, ressources consommées côté serveur et côté terminal), des seuils définis avant le développement, des revues qui s'en servent et un exemple chiffré d'amélioration. Ces mesures pilotent la conception ; les données d'empreinte transmises au client (en kgCO2e) sont appréciées à la question MESU-04.",
    evidenceExamples: [
      "Seuils ou budget environnemental définis pour un projet",
      "Rapports de mesure d'un service avant et après optimisation",
      "Extrait de la grille de revue de conception ou de code",
    ],
    levels: {
      1: "Aucune mesure pendant le développement.",
      2: "Mesures isolées, sans seuil défini.",
      3: "Seuils définis pour certains projets, contrôlés de façon irrégulière.",
      4: "Seuils définis pour chaque projet, contrôlés à chaque livraison, résultats utilisés en revue de code ou de conception.",
      5: "Contrôles automatisés bloquant une livraison hors seuil, améliorations chiffrées sur plusieurs versions.",
    },
    topicSources: ["MiNumEco g.2", "RGESN 2.6"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SERV-03",
    criterion: "services-numeriques",
    topic: "Compatibilité avec les terminaux anciens et les connexions lentes",
    topicTag: "compatibilite-terminaux-anciens",
    text: "Comment vos services numériques restent-ils utilisables sur des terminaux anciens et avec des connexions à faible débit ? Précisez l'ancienneté des appareils et des systèmes d'exploitation pris en charge, les conditions de réseau testées et la manière dont vous le vérifiez à chaque mise à jour.",
    scope: "contract",
    scopeNote: SERVICE_DELIVERED,
    contractText:
      "Pour l'exécution du présent marché, quelle ancienneté d'appareils, de systèmes d'exploitation et de navigateurs les services livrés prendront-ils en charge, dans quelles conditions de réseau, et comment le vérifierez-vous à chaque mise à jour ?",
    guidance:
      "Les services qui exigent des terminaux récents accélèrent le renouvellement de ces terminaux, dont la fabrication est la principale source d'impact environnemental du numérique. On attend une politique de compatibilité explicite (nombre d'années d'appareils et de versions de systèmes pris en charge), des tests réguliers sur des appareils anciens et en bas débit, et des mises à jour correctives distinctes des évolutions fonctionnelles.",
    evidenceExamples: [
      "Politique de compatibilité publiée (appareils, systèmes, navigateurs)",
      "Rapports de tests sur terminaux anciens et en bas débit",
      "Matrice de compatibilité d'un service livré",
    ],
    levels: {
      1: "Aucune prise en compte : seuls les terminaux récents sont visés.",
      2: "Compatibilité constatée au cas par cas, sans politique écrite.",
      3: "Politique de compatibilité écrite, tests occasionnels sur terminaux anciens ou en bas débit.",
      4: "Politique écrite couvrant plusieurs années d'appareils et de systèmes, tests à chaque version majeure, résultats documentés.",
      5: "Compatibilité étendue maintenue et vérifiée à chaque mise à jour, mises à jour correctives distinctes des évolutions, résultats communiqués aux clients.",
    },
    topicSources: ["MiNumEco g.4", "MiNumEco g.5", "MiNumEco g.6", "MiNumEco g.7", "MiNumEco g.10", "RGESN 2.2", "RGESN 2.3", "RGESN 2.4"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SERV-04",
    criterion: "services-numeriques",
    topic: "Accessibilité numérique",
    topicTag: "accessibilite-numerique",
    text: "Comment garantissez-vous l'accessibilité des services numériques que vous concevez ou éditez : référentiel suivi (RGAA, norme EN 301 549), compétences mobilisées, audits réalisés, déclarations d'accessibilité publiées et taux de conformité obtenus ?",
    scope: "contract",
    scopeNote: SERVICE_DELIVERED,
    contractText:
      "Pour l'exécution du présent marché, comment garantirez-vous l'accessibilité des services livrés : référentiel (RGAA), compétences mobilisées, audits prévus et par qui, taux de conformité visé à la réception, déclaration d'accessibilité et plan de correction ?",
    guidance:
      "On attend des audits réalisés selon le RGAA par des personnes compétentes, des déclarations d'accessibilité publiées avec leur taux de conformité, un plan d'action pour corriger les non-conformités, et des tests associant des utilisateurs en situation de handicap. Pour les organismes publics, l'obligation découle de l'article 47 de la loi n° 2005-102 et du décret n° 2019-768.",
    evidenceExamples: [
      "Déclarations d'accessibilité publiées, avec taux de conformité",
      "Rapport d'audit RGAA récent",
      "Schéma pluriannuel ou plan d'action de mise en accessibilité",
    ],
    levels: {
      1: "L'accessibilité n'est pas prise en compte.",
      2: "Corrections ponctuelles, sans audit ni référentiel.",
      3: "Audits RGAA réalisés sur certains services, conformité partielle, plan d'action en cours.",
      4: "Accessibilité intégrée dès la conception, audit RGAA de chaque service livré, déclarations publiées avec des taux de conformité élevés.",
      5: "Conformité totale ou quasi totale maintenue dans le temps, tests avec des utilisateurs en situation de handicap, compétences certifiées.",
    },
    topicSources: ["Label NR PA13", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SERV-05",
    criterion: "services-numeriques",
    topic: "Sobriété des traitements de données et d'intelligence artificielle",
    topicTag: "sobriete-traitements-ia",
    text: "Comment vous assurez-vous que les traitements de données et d'intelligence artificielle de vos services sont justifiés et proportionnés (pertinence évaluée avant adoption, choix des modèles, volumes de données traités, mesure de leur consommation) ?",
    scope: "contract",
    scopeNote: SERVICE_DELIVERED,
    contractText:
      "Pour l'exécution du présent marché, comment justifierez-vous et dimensionnerez-vous les traitements de données et d'intelligence artificielle du service livré (pertinence évaluée avant adoption, choix des modèles, volumes traités, mesure de leur consommation communiquée à l'acheteur) ?",
    guidance:
      "On attend une évaluation de l'utilité avant tout recours à l'intelligence artificielle ou à des traitements massifs, le choix de solutions proportionnées (modèles plus petits, traitements différés, entraînements limités) et une mesure de leur consommation. L'adoption de l'intelligence artificielle « par principe », sans analyse d'impact, est un signe de faible maturité. Le stockage et la réplication des données sont appréciés à la question INFE-03, la fin de vie des services à la question INFI-05.",
    evidenceExamples: [
      "Grille d'évaluation de la pertinence d'un projet d'intelligence artificielle",
      "Mesures de consommation d'énergie ou de ressources d'un traitement",
      "Exemple de traitement redimensionné ou abandonné après évaluation",
    ],
    levels: {
      1: "Aucune évaluation : traitements et modèles adoptés sans analyse.",
      2: "Réflexion au cas par cas, sans grille ni mesure.",
      3: "Grille d'évaluation de la pertinence appliquée à une partie des projets, consommation non mesurée.",
      4: "Évaluation systématique avant adoption, choix de solutions proportionnées, consommation mesurée pour les principaux traitements.",
      5: "Consommation mesurée et communiquée pour chaque traitement significatif, au moins un traitement redimensionné ou abandonné après évaluation.",
    },
    topicSources: ["MiNumEco a.8", "RGESN 9"],
    allowNotApplicableByDefault: false,
  },

  // ------------------------------------------------------------------------------------------------------
  // 10. Impacts sociétaux
  {
    id: "SOCI-01",
    criterion: "impacts-societaux",
    topic: "Droits humains et conditions de travail dans la chaîne d'approvisionnement",
    topicTag: "droits-humains-chaine",
    text: "Comment identifiez-vous et maîtrisez-vous les risques d'atteinte aux droits humains et aux conditions de travail dans votre chaîne d'approvisionnement numérique (extraction des minerais, fabrication, centres de services sous-traités) ? Décrivez la cartographie des risques, les exigences posées, les audits réalisés et les mesures prises en cas de manquement.",
    scope: "contract",
    scopeNote:
      "Appliquée aux biens et services fournis au titre du marché, la vigilance sur leurs conditions de production est liée à l'objet du marché.",
    contractText:
      "Pour l'exécution du présent marché, comment identifierez-vous et maîtriserez-vous les risques d'atteinte aux droits humains et aux conditions de travail dans la chaîne d'approvisionnement des biens et services fournis (extraction des minerais, fabrication, centres de services sous-traités) : cartographie, exigences, audits, mesures en cas de manquement ?",
    guidance:
      "On attend une cartographie des risques par catégorie d'achats, des exigences fondées sur les conventions fondamentales de l'OIT et sur le guide de l'OCDE relatif au devoir de diligence pour des chaînes d'approvisionnement responsables en minerais (étain, tantale, tungstène, or, mais aussi cobalt), des audits ou l'adhésion à des initiatives sectorielles crédibles, et des exemples de mesures correctives. Le règlement (UE) 2017/821 ne s'impose qu'aux importateurs de l'Union d'étain, de tantale, de tungstène et d'or au-delà de seuils de volume : il ne vise ni le cobalt ni, en tant que tels, les fournisseurs de matériel informatique ; un fournisseur qui y est soumis peut produire son rapport comme preuve. Pour les entreprises qui y sont soumises, le plan de vigilance (loi n° 2017-399 du 27 mars 2017) doit traiter le numérique.",
    evidenceExamples: [
      "Plan de vigilance ou cartographie des risques de la chaîne d'approvisionnement (partie numérique, avec numéro de page)",
      "Politique d'approvisionnement responsable en minerais, rapport de diligence raisonnable (par exemple modèle CMRT ou équivalent)",
      "Rapports d'audit social de fournisseurs ou de sites de fabrication",
      "Certificat SA 8000 ou adhésion à une initiative sectorielle (par exemple la Responsible Business Alliance), avec périmètre",
    ],
    levels: {
      1: "Risques non identifiés.",
      2: "Charte éthique transmise aux fournisseurs, sans vérification.",
      3: "Cartographie des risques réalisée, exigences contractuelles pour certains fournisseurs, audits ponctuels.",
      4: "Cartographie à jour, exigences relatives à l'OIT et aux minerais dans les contrats, audits réguliers des fournisseurs à risque, mesures correctives suivies.",
      5: "Vigilance étendue aux rangs successifs de la chaîne jusqu'aux fonderies, résultats publiés et vérifiés de manière indépendante, contribution à des initiatives sectorielles.",
    },
    topicSources: ["Guide achats DAE 2021", "MiNumEco e.5"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SOCI-02",
    criterion: "impacts-societaux",
    topic: "Inclusion : insertion, secteur protégé et adapté, inclusion numérique",
    topicTag: "inclusion-emploi",
    text: "Quelles actions menez-vous en faveur de l'inclusion dans vos activités numériques : achats auprès de structures d'insertion et du secteur protégé et adapté (ESAT, entreprises adaptées), emploi de personnes éloignées de l'emploi, actions d'inclusion numérique (médiation, formation) ? Indiquez les montants, volumes ou effectifs concernés.",
    scope: "organisation",
    scopeNote:
      "Politique sociale générale de l'entreprise : posée pour information dans un marché public ; les heures d'insertion propres au marché relèvent d'une clause d'exécution.",
    guidance:
      "On attend des actions chiffrées et durables : montant des achats auprès des structures d'insertion et du secteur protégé et adapté, heures d'insertion, partenariats suivis, actions d'inclusion numérique avec leurs bénéficiaires. Un soutien ponctuel ou un mécénat sans suivi témoigne d'une maturité limitée. Les partenariats de réemploi et les dons d'équipements sont appréciés aux questions FDV-03 et FDV-07 : ils ne sont pas comptés ici.",
    evidenceExamples: [
      "Montant des achats auprès des structures d'insertion et du secteur protégé et adapté sur le dernier exercice",
      "Conventions avec des structures d'insertion ou des entreprises adaptées",
      "Bilan des actions d'inclusion numérique (bénéficiaires, heures de médiation ou de formation)",
    ],
    levels: {
      1: "Aucune action d'inclusion.",
      2: "Action ponctuelle ou mécénat, sans suivi.",
      3: "Au moins un partenariat suivi ou des achats récurrents auprès de structures d'insertion ou du secteur protégé, montants connus.",
      4: "Plusieurs leviers chiffrés (achats, emploi, inclusion numérique) suivis chaque année avec un objectif.",
      5: "Objectifs atteints et en hausse sur plusieurs années, résultats publiés, partenariats de long terme évalués avec les structures.",
    },
    topicSources: ["Label NR PA4", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "SOCI-03",
    criterion: "impacts-societaux",
    topic: "Protection des données personnelles et éthique des données",
    topicTag: "protection-donnees-ethique",
    text: "Comment encadrez-vous l'éthique des données et la protection des données personnelles dans vos services et vos traitements (organisation, minimisation des données, transparence sur les algorithmes, analyses d'impact) ? Décrivez l'organisation en place et les contrôles réalisés.",
    scope: "contract",
    scopeNote:
      "Appliquée aux traitements de données personnelles réalisés pour l'acheteur, la protection des données est une condition d'exécution du marché.",
    contractText:
      "Pour l'exécution du présent marché, comment encadrerez-vous les traitements de données personnelles réalisés pour le compte de l'acheteur (obligations du sous-traitant prévues à l'article 28 du RGPD, minimisation, durées de conservation, localisation des données, transparence sur les algorithmes, contrôles) ?",
    guidance:
      "On attend une organisation effective (délégué à la protection des données, registre des traitements, analyses d'impact lorsqu'elles sont requises par le RGPD), une minimisation des données appliquée dès la conception, de la transparence sur l'usage des données et des algorithmes, et des contrôles réguliers. La conformité au RGPD est une obligation : ce qui distingue les réponses, ce sont la minimisation, la transparence et les contrôles au-delà du minimum.",
    evidenceExamples: [
      "Désignation du délégué à la protection des données",
      "Extrait du registre des traitements",
      "Analyse d'impact relative à la protection des données d'un traitement représentatif",
      "Charte éthique des données ou de l'intelligence artificielle",
      "Rapport d'audit de conformité",
    ],
    levels: {
      1: "Aucune organisation identifiée pour la protection des données.",
      2: "Délégué désigné, registre incomplet, aucun contrôle.",
      3: "Registre tenu, analyses d'impact réalisées lorsqu'elles sont requises, minimisation appliquée à une partie des traitements.",
      4: "Minimisation dès la conception pour tous les traitements, contrôles réguliers documentés, transparence sur les algorithmes utilisés.",
      5: "Charte éthique appliquée et contrôlée par un tiers, dispositif de recours pour les personnes concernées, résultats des contrôles communiqués aux clients.",
    },
    topicSources: ["Label NR PA2"],
    allowNotApplicableByDefault: false,
  },
] satisfies GuideInput["questions"];
