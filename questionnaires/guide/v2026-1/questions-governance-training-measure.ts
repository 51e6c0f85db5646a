/**
 * Édition 2026.1 — questions of criteria 1 to 3 (gouvernance, formation, mesure). Our own wording.
 * Scope rule (shared/reference/lawful-award-criteria.md §2): governance, strategy and general training policy
 * assess the organisation; the team assigned to the contract and the data delivered with it are `contract`.
 */
import type { GuideInput } from "../schema";

const ORGANISATION_POLICY =
  "Politique générale de l'entreprise, indépendante du marché : question posée pour information dans un marché public (Conseil d'État, 25 mai 2018, n° 417580), librement notée par un acheteur privé.";

export const questionsGovernanceTrainingMeasure = [
  // ------------------------------------------------------------------------------------------------------
  // 1. Gouvernance et stratégie
  {
    id: "GOUV-01",
    criterion: "gouvernance",
    topic: "Stratégie NR et engagement de la direction",
    topicTag: "strategie-engagement-direction",
    text: "Décrivez comment le numérique responsable est intégré à la stratégie de votre organisation et à sa politique RSE : quel document le formalise, qui l'a validé au sein de la direction et quand, et comment cet engagement oriente concrètement vos décisions (budgets, projets, achats) ?",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Une réponse solide cite une politique ou une stratégie écrite, datée et validée au plus haut niveau (direction générale, comité exécutif, ou dirigeant dans une petite structure), rattachée à la stratégie RSE, et donne des exemples récents de décisions qu'elle a orientées : arbitrage budgétaire, projet modifié ou abandonné, critère ajouté à un achat. Un engagement d'intention, ou une page de rapport RSE citée sans extrait ni numéro de page, ne suffit pas.",
    evidenceExamples: [
      "Politique ou stratégie numérique responsable signée par la direction, datée",
      "Extrait du rapport RSE ou de la déclaration de durabilité consacré au numérique, avec numéro de page",
      "Compte rendu de l'instance de direction ayant validé ou revu la stratégie",
    ],
    levels: {
      1: "Aucun document ne formalise un engagement ; la réponse se limite à des intentions.",
      2: "Engagement mentionné dans une communication ou un rapport général, sans politique dédiée ni validation datée par la direction.",
      3: "Politique NR écrite, datée et validée par la direction, sans exemple de décision qu'elle aurait orientée.",
      4: "Politique rattachée à la stratégie RSE, revue par la direction depuis moins de deux ans, avec au moins un exemple documenté de décision orientée (budget, projet, achat).",
      5: "Objectifs NR inscrits dans les objectifs de la direction, revus chaque année en instance de direction (comptes rendus), résultats publiés sur plusieurs exercices.",
    },
    topicSources: ["Label NR PA1", "MiNumEco a.6", "MiNumEco a.7"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "GOUV-02",
    criterion: "gouvernance",
    topic: "Pilotage : responsable, référents et moyens",
    topicTag: "pilotage-responsable-moyens",
    text: "Décrivez l'organisation qui pilote votre démarche numérique responsable : rôle et rattachement hiérarchique du responsable, temps qui lui est alloué, relais dans les équipes et budget consacré.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "On attend une personne ou une fonction clairement identifiée, dotée d'une mission écrite et d'un temps alloué réaliste, rattachée de manière à peser sur les décisions (direction générale, DSI, RSE) et, lorsque la taille de l'organisation le justifie, relayée par des référents dans les équipes. Un budget identifié, même modeste, distingue une démarche réelle d'un engagement de principe. Dans une petite structure, un dirigeant qui porte lui-même le sujet avec du temps et un budget identifiés répond pleinement à la question.",
    evidenceExamples: [
      "Organigramme ou note de nomination du responsable numérique responsable",
      "Fiche de poste ou lettre de mission précisant le temps alloué",
      "Liste des référents par entité ou par équipe, le cas échéant",
      "Ligne budgétaire dédiée (montant et exercice)",
    ],
    levels: {
      1: "Personne n'est chargé du sujet.",
      2: "Une personne volontaire s'en occupe sans lettre de mission ni temps alloué.",
      3: "Responsable nommé par écrit, avec un temps alloué chiffré, sans budget identifié.",
      4: "Responsable rattaché à la direction, budget annuel identifié (montant, exercice) et, si la taille le justifie, référents nommés dans les équipes.",
      5: "Pilotage régulier attesté par des comptes rendus, moyens pluriannuels décidés, bilan d'activité présenté à la direction au moins une fois par an.",
    },
    topicSources: ["Label NR PA1", "MiNumEco a.1", "MiNumEco a.4"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "GOUV-03",
    criterion: "gouvernance",
    topic: "Plan d'action, objectifs et échéances",
    topicTag: "plan-action-objectifs",
    text: "Présentez votre plan d'action numérique responsable en cours : actions prévues et réalisées, objectifs chiffrés, échéances, porteurs, et état d'avancement à ce jour.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Un plan mature est écrit, daté, chiffré et suivi : chaque action a un porteur, une échéance et un indicateur, et le fournisseur sait montrer ce qui est réalisé, en cours ou abandonné, et pourquoi. Les actions réalisées pèsent davantage que les actions annoncées ; « nous allons… » sans échéance ni moyens ne témoigne pas d'une maturité.",
    evidenceExamples: [
      "Plan d'action daté, avec porteurs, échéances et indicateurs",
      "Dernier état d'avancement du plan (tableau de suivi, revue annuelle)",
      "Objectifs chiffrés validés (réduction d'émissions, durée de vie du parc, part de matériel reconditionné…)",
    ],
    levels: {
      1: "Aucun plan d'action.",
      2: "Liste d'actions sans objectif chiffré, ni échéance, ni porteur.",
      3: "Plan écrit avec porteurs et échéances, objectifs en partie chiffrés, aucun état d'avancement daté.",
      4: "Plan chiffré couvrant les principaux enjeux NR, état d'avancement daté de moins d'un an, taux de réalisation connu.",
      5: "Plan pluriannuel aligné sur une trajectoire chiffrée, ajusté d'après les résultats mesurés, avancement publié.",
    },
    topicSources: ["Label NR PA2", "MiNumEco a.2", "MiNumEco a.5"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "GOUV-04",
    criterion: "gouvernance",
    topic: "Revue des résultats par la direction et compte rendu",
    topicTag: "revue-direction-reporting",
    text: "Qui examine les résultats de votre démarche numérique responsable, à quelle fréquence et avec quelles conséquences ? Décrivez l'instance de revue, les décisions prises lors des dernières revues et la manière dont vous rendez compte de ces résultats (compte rendu interne, rapport RSE, déclaration de durabilité).",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Cette question porte sur la boucle de pilotage : une instance identifiée examine les résultats, décide, et ses décisions sont suivies ; les résultats sont rendus publics. La méthode de mesure et la comparabilité des séries dans le temps sont appréciées à la question MESU-05, pour ne pas compter deux fois le même sujet. La publication vérifiée par un tiers (par exemple dans le cadre de la CSRD pour les entreprises qui y sont soumises) témoigne d'une maturité élevée.",
    evidenceExamples: [
      "Comptes rendus des deux dernières revues, avec les décisions prises",
      "Suivi de la mise en œuvre de ces décisions",
      "Extrait du rapport RSE ou de la déclaration de durabilité, avec numéro de page",
      "Rapport de vérification par un organisme tiers indépendant, le cas échéant",
    ],
    levels: {
      1: "Aucune revue des résultats.",
      2: "Résultats présentés ponctuellement, sans décision consignée.",
      3: "Revue périodique par une instance identifiée, décisions non consignées ou non suivies.",
      4: "Revue au moins annuelle par la direction, décisions consignées et suivies, résultats repris dans un rapport diffusé.",
      5: "Résultats publiés et vérifiés par un tiers, effets des décisions mesurés d'une revue à l'autre.",
    },
    topicSources: ["Label NR PA2", "Label NR PA3", "MiNumEco a.3"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "GOUV-05",
    criterion: "gouvernance",
    topic: "Implication des collaborateurs et de leurs représentants",
    topicTag: "implication-collaborateurs",
    text: "Comment associez-vous vos collaborateurs et leurs représentants à la définition et au suivi de votre démarche numérique responsable (consultation, groupes de travail, instances de dialogue social) ? Donnez des exemples récents où leur contribution a modifié la démarche.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "On attend des dispositifs concrets et réguliers (consultation, groupes de travail ouverts, échanges avec les représentants du personnel) et des exemples où la contribution des collaborateurs a modifié la démarche. La relation avec les clients est appréciée à la question ECOS-03 et les exigences envers les fournisseurs à la question ACHA-06 : elles ne sont pas comptées ici.",
    evidenceExamples: [
      "Résultats d'une consultation interne sur le numérique responsable",
      "Comptes rendus de groupes de travail ou d'échanges avec les représentants du personnel",
      "Exemples de propositions de collaborateurs intégrées au plan d'action",
    ],
    levels: {
      1: "Les collaborateurs ne sont pas associés.",
      2: "Information descendante ponctuelle, sans recueil d'avis.",
      3: "Au moins une consultation ou un groupe de travail ouvert aux collaborateurs au cours des deux dernières années.",
      4: "Dispositif régulier (consultation, groupes, dialogue social) dont au moins une proposition a été intégrée au plan d'action.",
      5: "Collaborateurs et représentants associés à la fixation des objectifs et à leur revue, contributions suivies d'une année sur l'autre.",
    },
    topicSources: ["Label NR PA1", "Label NR PA5"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "GOUV-06",
    criterion: "gouvernance",
    topic: "Systèmes de management et évaluations : périmètre et validité",
    topicTag: "management-evaluations-perimetre",
    text: "Quels systèmes de management, certifications ou évaluations par un tiers couvrent vos démarches environnementales et sociales (par exemple ISO 14001, ISO 50001, évaluation RSE par un tiers, ou démarche équivalente) ? Pour chacun, précisez le périmètre couvert (sites, entités, activités), la période de validité et ce que la démarche a changé concrètement.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Un certificat ne vaut que pour son périmètre et sa période de validité : l'évaluateur vérifie que les activités concernées sont couvertes et que le document est en cours de validité. Aucun certificat, label ou évaluation particulier n'est exigé, à aucun niveau : toute preuve équivalente est examinée, et une petite structure peut atteindre le niveau 4 avec un système de management documenté et audité en interne. Le label Numérique Responsable évalue une organisation et non les produits ou services vendus : selon le guide des achats numériques responsables, il ne peut servir ni à sélectionner les candidats ni à noter les offres d'un marché public ; il n'est donc qu'une preuve possible parmi d'autres, jamais une condition (sur l'usage des labels et l'obligation d'accepter les équivalents : code de la commande publique, art. R2111-12 à R2111-17).",
    evidenceExamples: [
      "Certificat de système de management (ISO 14001, ISO 50001 ou équivalent) avec son périmètre et sa date de validité",
      "Rapport d'évaluation RSE établi par un tiers, daté",
      "À défaut de certification : description du système de management, dernier audit interne et plan de traitement des écarts",
      "Dernier rapport d'audit de suivi et écarts traités",
    ],
    levels: {
      1: "Aucun système de management ni évaluation, formalisé ou non.",
      2: "Démarche engagée mais non aboutie, ou certificat dont le périmètre n'inclut pas les activités concernées.",
      3: "Système de management documenté, certifié ou non, couvrant une partie des activités concernées, avec un audit interne de moins de deux ans.",
      4: "Système de management couvrant les activités concernées, audité (certification, évaluation par un tiers ou, pour une petite structure, audit interne documenté), écarts suivis et traités.",
      5: "Évaluations renouvelées montrant des progrès d'un cycle à l'autre (écarts clos, objectifs atteints) sur un périmètre adapté aux activités concernées, quelle que soit la taille de l'organisation.",
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
    topicTag: "plan-competences",
    text: "Comment le numérique responsable est-il intégré à votre plan de développement des compétences et à votre gestion des emplois et des parcours professionnels ? Décrivez les besoins identifiés, les formations programmées, les publics visés et les moyens consacrés.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
    topicTag: "sensibilisation-personnel",
    text: "Décrivez les actions de sensibilisation au numérique responsable menées auprès de l'ensemble de vos collaborateurs, y compris les nouveaux arrivants et, le cas échéant, les intervenants externes : formats, fréquence, taux de participation et effets observés sur les pratiques.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
      3: "Actions régulières ouvertes à tous, participation non mesurée.",
      4: "Dispositif récurrent intégré à l'accueil des nouveaux arrivants, taux de participation mesuré sur les douze derniers mois.",
      5: "Sensibilisation continue, étendue aux intervenants externes, effets mesurés sur au moins un indicateur d'usage.",
    },
    topicSources: ["Label NR PA5", "MiNumEco b.1"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FORM-03",
    criterion: "formation",
    topic: "Compétences NR des intervenants : écoconception, accessibilité, achats, exploitation",
    topicTag: "competences-intervenants",
    text: "Quelles formations au numérique responsable suivent les métiers directement concernés — conception et développement, exploitation, achats, gestion de projet, vente ? Précisez les contenus, les organismes, les certifications éventuellement obtenues et la manière dont les acquis sont mis en pratique.",
    scope: "contract",
    scopeNote:
      "Porte sur les personnes qui réaliseront la prestation : les compétences de l'équipe affectée au marché sont liées à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, quelles compétences en numérique responsable les personnes que vous affecterez détiennent-elles (écoconception, accessibilité, achats responsables, exploitation sobre, selon la prestation) ? Précisez pour chaque profil les formations suivies et leur date, les certifications obtenues, et comment ces compétences seront maintenues en cas de remplacement d'un intervenant.",
    guidance:
      "Les intervenants doivent maîtriser les référentiels de leur métier : écoconception (RGESN), accessibilité (RGAA), achats responsables, exploitation sobre des infrastructures. Les formations attestées ou certifiantes et des exemples de mise en pratique distinguent une compétence réelle d'une simple participation. La part de l'ensemble du personnel formé est appréciée à la question FORM-04.",
    evidenceExamples: [
      "Liste des intervenants proposés avec leurs formations (organisme, date, durée)",
      "Attestations ou certificats de réussite",
      "Exemple de projet où les acquis ont été appliqués (revue d'écoconception, audit d'accessibilité)",
      "Modalités de formation d'un remplaçant avant son arrivée",
    ],
    levels: {
      1: "Aucun intervenant concerné n'est formé aux pratiques NR de son métier.",
      2: "Quelques intervenants formés de leur propre initiative, sans attestation.",
      3: "Une partie des intervenants concernés a suivi une formation métier attestée (organisme, date, durée).",
      4: "Chaque profil concerné a suivi une formation métier attestée de moins de trois ans, une partie est certifiée, et les remplaçants sont formés avant leur arrivée.",
      5: "Tous les intervenants concernés sont certifiés ou évalués, avec des compétences démontrées sur des projets comparables (livrables, audits) et un plan de maintien des compétences sur toute la durée de la prestation.",
    },
    topicSources: ["Label NR PA4", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FORM-04",
    criterion: "formation",
    topic: "Part du personnel formé et suivi de l'indicateur",
    topicTag: "couverture-formation-personnel",
    text: "Quelle part de vos effectifs a été sensibilisée ou formée au numérique responsable au cours des trois dernières années ? Expliquez comment vous calculez et suivez cet indicateur, quel objectif de couverture vous visez et comment vous maintenez les connaissances à jour.",
    scope: "organisation",
    scopeNote:
      "Indicateur de l'ensemble de l'entreprise : politique générale, posée pour information dans un marché public ; les compétences de l'équipe affectée au marché relèvent de FORM-03.",
    guidance:
      "La réponse doit donner des chiffres (nombre et part des personnes sensibilisées, formées, certifiées), leur évolution et leur mode de calcul. Un objectif de couverture et un dispositif de mise à jour (sessions de rappel, veille) témoignent d'une démarche pilotée. Les compétences des personnes affectées à une prestation sont appréciées à la question FORM-03.",
    evidenceExamples: [
      "Indicateur de couverture (personnes sensibilisées, formées, certifiées) et son historique",
      "Extrait du rapport RSE ou du bilan social mentionnant ces chiffres, avec numéro de page",
      "Note décrivant le mode de calcul de l'indicateur",
    ],
    levels: {
      1: "Aucune donnée.",
      2: "Estimation sans mode de calcul ni suivi.",
      3: "Indicateur calculé et suivi, sans objectif de couverture.",
      4: "Indicateur suivi sur au moins deux ans avec un objectif de couverture, atteint ou en progression.",
      5: "Couverture quasi complète, mise à jour régulière des connaissances, résultats publiés et vérifiés.",
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
    topicTag: "inventaire-parc",
    text: "Comment tenez-vous l'inventaire de vos équipements numériques (postes, téléphones, écrans, serveurs, équipements réseau) et de vos logiciels et services ? Précisez l'outil utilisé, le périmètre couvert, les informations enregistrées (âge, état, affectation) et la fréquence de mise à jour.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
      4: "Inventaire complet des équipements et des services, rapproché de la réalité au moins une fois par an et utilisé pour le pilotage.",
      5: "Inventaire automatisé et audité, relié à la mesure d'empreinte et aux décisions de renouvellement.",
    },
    topicSources: ["MiNumEco c.1", "ANCT Démarche NR"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "MESU-02",
    criterion: "mesure",
    topic: "Empreinte environnementale multicritère du système d'information",
    topicTag: "empreinte-si-multicritere",
    text: "Décrivez comment vous évaluez l'empreinte environnementale de votre système d'information : méthode, périmètre (terminaux, réseaux, centres de données, services cloud), étapes du cycle de vie prises en compte, indicateurs au-delà du carbone et date de la dernière évaluation.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "On attend une évaluation récente, à la méthode explicite, qui couvre la fabrication des équipements et pas seulement leur usage, avec plusieurs indicateurs environnementaux (gaz à effet de serre, épuisement des ressources abiotiques, eau, énergie primaire…) : la fabrication concentre souvent l'essentiel des impacts. Hypothèses, facteurs d'impact et limites doivent être documentés.",
    evidenceExamples: [
      "Rapport d'évaluation de l'empreinte du SI (méthode, périmètre, hypothèses, résultats)",
      "Liste des facteurs d'impact et des bases de données utilisés",
      "Comparaison avec l'évaluation précédente",
    ],
    levels: {
      1: "Aucune évaluation.",
      2: "Estimation ponctuelle, limitée à l'énergie ou au carbone de la phase d'usage.",
      3: "Évaluation outillée couvrant fabrication et usage sur une partie du SI, principalement en carbone.",
      4: "Évaluation multicritère de l'ensemble du SI, méthode et hypothèses documentées, renouvelée au moins tous les trois ans.",
      5: "Évaluation multicritère complète revue par un tiers et utilisée pour fixer et suivre des objectifs de réduction.",
    },
    topicSources: ["Label NR PA2", "MiNumEco c.2", "ANCT Démarche NR"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "MESU-03",
    criterion: "mesure",
    topic: "Bilan des émissions de gaz à effet de serre (scopes 1, 2 et 3)",
    topicTag: "bilan-ges-scopes",
    text: "Présentez votre dernier bilan des émissions de gaz à effet de serre : méthode (GHG Protocol, Bilan Carbone, ISO 14064-1…), année de référence, scopes et postes couverts, part attribuable au numérique, et nature des données utilisées pour le scope 3 (ratios monétaires ou données spécifiques de vos fournisseurs).",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Un bilan mature couvre les scopes 1, 2 et 3 avec les postes significatifs — achats de biens et services (catégorie 1), biens immobilisés (catégorie 2 : les ordinateurs et serveurs immobilisés, sinon catégorie 1), déplacements, déchets (catégorie 5) —, présente l'électricité selon les deux approches « location-based » et « market-based », et indique la part des données spécifiques et celle des ratios monétaires : le choix entre les deux peut faire varier fortement le résultat. Un bilan limité aux scopes 1 et 2 ignore l'essentiel des émissions d'une entreprise de services numériques.",
    evidenceExamples: [
      "Dernier bilan complet des émissions de GES (méthode, périmètre, résultats par poste)",
      "Publication réglementaire ou déclaration de durabilité, avec numéro de page",
      "Attestation de vérification par un tiers",
      "Objectif de réduction validé par un tiers (par exemple la SBTi)",
    ],
    levels: {
      1: "Aucun bilan.",
      2: "Bilan limité aux scopes 1 et 2, ou datant de plus de trois ans.",
      3: "Bilan des scopes 1, 2 et 3 reposant essentiellement sur des ratios monétaires.",
      4: "Bilan complet de moins de deux ans, méthode documentée, électricité en location-based et market-based, données spécifiques pour les principaux postes.",
      5: "Bilan annuel vérifié par un tiers, trajectoire de réduction validée et suivie, données spécifiques collectées auprès des principaux fournisseurs.",
    },
    topicSources: ["Cigref 2025"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "MESU-04",
    criterion: "mesure",
    topic: "Données d'empreinte transmises au client pour ce qui est livré",
    topicTag: "donnees-empreinte-client",
    text: "Quelles données d'impact environnemental pouvez-vous fournir à vos clients pour les produits ou services que vous leur livrez (empreinte par produit, par utilisateur ou par unité d'œuvre, facteurs d'émission spécifiques) ? Décrivez la méthode, la fréquence de mise à jour et un exemple de données déjà transmises.",
    scope: "contract",
    scopeNote:
      "Porte sur les données d'empreinte des biens et services livrés au titre du marché : lié à son objet (mesure de l'empreinte du service livré).",
    contractText:
      "Pour l'exécution du présent marché, quelles données d'impact environnemental fournirez-vous à l'acheteur pour les biens et services livrés (empreinte par produit, par utilisateur ou par unité d'œuvre, facteurs d'émission spécifiques) ? Décrivez la méthode, les règles de répartition entre clients, la fréquence de mise à jour et le format de transmission (par exemple le modèle CSV du portail ou le format PACT).",
    guidance:
      "Les clients ont besoin de données spécifiques pour calculer leurs propres émissions liées aux achats sans recourir aux ratios monétaires. Une réponse solide décrit une méthode publiée (analyse du cycle de vie, ISO 14067, référentiel méthodologique sectoriel, format d'échange tel que PACT), précise les hypothèses et les règles de répartition entre clients, et montre des données déjà transmises. Les mesures utilisées pendant la conception pour piloter la sobriété d'un service sont appréciées à la question SERV-02.",
    evidenceExamples: [
      "Exemple anonymisé de fiche d'empreinte d'un produit ou service transmise à un client",
      "Note méthodologique (périmètre, hypothèses, règles de répartition, facteurs utilisés)",
      "Déclaration environnementale de produit ou rapport d'analyse du cycle de vie, avec revue critique le cas échéant",
    ],
    levels: {
      1: "Aucune donnée disponible.",
      2: "Données génériques ou issues de ratios monétaires, sans méthode propre.",
      3: "Données spécifiques calculées sur demande pour une partie de l'offre, méthode en partie documentée.",
      4: "Données spécifiques disponibles pour l'essentiel de l'offre, selon une méthode documentée, mises à jour au moins une fois par an.",
      5: "Données par client et par période fournies systématiquement, selon une méthode publiée et vérifiée, dans un format d'échange standard.",
    },
    topicSources: ["Cigref 2025"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "MESU-05",
    criterion: "mesure",
    topic: "Comparabilité dans le temps et attribution des réductions",
    topicTag: "comparabilite-reductions",
    text: "Comment garantissez-vous que l'évolution de vos impacts numériques d'une année sur l'autre est comparable et attribuable à vos actions (année de référence, règles de recalcul en cas de changement de méthode ou de périmètre, distinction entre l'effet de l'activité et celui des actions) ? Comment traitez-vous les émissions « évitées » que vous pourriez revendiquer ?",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "On attend une année de référence, une règle de recalcul appliquée lorsque la méthode ou le périmètre change, et des réductions attribuées aux actions plutôt qu'aux variations d'activité. Le GHG Protocol exclut les émissions évitées de l'inventaire : elles ne se déduisent jamais des émissions et ne peuvent être présentées qu'à part, avec leur scénario de référence et leur méthode. La revue des résultats par la direction est appréciée à la question GOUV-04.",
    evidenceExamples: [
      "Définition de l'année de référence et règle de recalcul",
      "Série historique des indicateurs, avec les recalculs effectués",
      "Analyse des écarts (effet de l'activité, effet des actions)",
      "Méthode et scénario de référence des éventuelles émissions évitées",
    ],
    levels: {
      1: "Aucun suivi dans le temps.",
      2: "Comparaisons d'une année sur l'autre à méthode ou périmètre changeants, sans explication.",
      3: "Année de référence définie, changements de méthode signalés mais non recalculés.",
      4: "Règle de recalcul appliquée, réductions attribuées aux actions, émissions évitées tenues hors de l'inventaire avec un scénario de référence explicite.",
      5: "Trajectoire publiée et vérifiée par un tiers, écarts analysés chaque année entre effet de l'activité et effet des actions.",
    },
    topicSources: ["MiNumEco c.3", "Cigref 2025"],
    allowNotApplicableByDefault: false,
  },
] satisfies GuideInput["questions"];
