/**
 * Édition 2026.1 — questions of criteria 4 to 6 (fin de vie, infrastructures internes, infrastructures externes).
 * Our own wording. Scope rule (shared/reference/lawful-award-criteria.md §2): the end of life of equipment supplied
 * or taken back under the contract, the sites and hosting used for the service and its data are `contract`; the
 * company's own fleet policy and engineering choices across all its rooms are `organisation`.
 * FDV-06 (2024.1, « économie circulaire de proximité ») is retired: it overlapped FDV-03 and SOCI-02; FDV-07 asks a
 * distinct question (take-back and second life of the equipment supplied, through local actors).
 */
import type { GuideInput } from "../schema";

const ORGANISATION_POLICY =
  "Politique générale de l'entreprise, indépendante du marché : question posée pour information dans un marché public (Conseil d'État, 25 mai 2018, n° 417580), librement notée par un acheteur privé.";

export const questionsEquipmentInfrastructure = [
  // ------------------------------------------------------------------------------------------------------
  // 4. Équipements : fin d'utilisation, fin de vie, DEEE, économie circulaire (et locale)
  {
    id: "FDV-01",
    criterion: "fin-de-vie",
    topic: "Politique de durée d'usage des équipements",
    topicTag: "duree-usage-equipements",
    text: "Décrivez votre politique de durée de vie des équipements numériques : durées cibles par catégorie (ordinateurs, téléphones, écrans, serveurs), durées réellement constatées et règles qui déclenchent un renouvellement.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
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
      3: "Durées cibles écrites pour les principales catégories, durée réelle non mesurée.",
      4: "Durées cibles allongées, durée de vie constatée mesurée par catégorie et proche des cibles, renouvellement selon l'état réel.",
      5: "Durées de vie constatées en hausse sur plusieurs années, cibles reprises dans les achats et les contrats de maintenance.",
    },
    topicSources: ["Cigref 2025", "ANCT Démarche NR"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FDV-02",
    criterion: "fin-de-vie",
    topic: "Diagnostic, réparation et mise à niveau avant remplacement",
    topicTag: "reparation-avant-remplacement",
    text: "Avant de remplacer un équipement, comment étudiez-vous sa réaffectation, sa réparation ou sa mise à niveau (mémoire, stockage, batterie) ? Décrivez le processus, les compétences ou prestataires mobilisés et les volumes traités au cours de la dernière année.",
    scope: "contract",
    scopeNote:
      "Appliquée aux équipements fournis ou maintenus au titre du marché, la réparation avant remplacement est une condition de son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment diagnostiquerez-vous, réparerez-vous ou mettrez-vous à niveau les équipements fournis ou maintenus avant d'envisager leur remplacement (délais d'intervention, stock de pièces, pièces reconditionnées, atelier ou réparateur partenaire) ? Indiquez les volumes traités ainsi sur un marché comparable.",
    guidance:
      "On attend un processus systématique : diagnostic avant remplacement, stock de pièces ou contrat de réparation, réaffectation des équipements encore fonctionnels, avec des volumes chiffrés. Des compétences de réparation en interne ou un réparateur partenaire identifié sont des signes de maturité ; le remplacement par du neuf dès la première panne indique l'inverse.",
    evidenceExamples: [
      "Procédure de diagnostic et de réparation avant remplacement",
      "Nombre d'équipements réparés, mis à niveau ou réaffectés sur les douze derniers mois",
      "Contrat avec un prestataire de réparation ou description de l'atelier",
      "Liste des pièces détachées tenues en stock, dont les pièces reconditionnées",
    ],
    levels: {
      1: "Remplacement systématique par du neuf.",
      2: "Réparations au cas par cas, sans processus écrit ni suivi des volumes.",
      3: "Processus écrit pour certaines catégories d'équipements, volumes suivis en partie.",
      4: "Diagnostic systématique avant tout remplacement, réparation organisée (atelier ou partenaire nommé), volumes suivis sur douze mois.",
      5: "Réparation et mise à niveau intégrées aux contrats, délais d'intervention tenus et mesurés, part des pannes résolues sans remplacement publiée ou communiquée au client.",
    },
    topicSources: ["Label NR PA8", "Label NR PA9", "MiNumEco i.1", "MiNumEco d.3", "MiNumEco b.3"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FDV-03",
    criterion: "fin-de-vie",
    topic: "Réemploi des équipements sortis du parc",
    topicTag: "reemploi-sorties-de-parc",
    text: "Que deviennent vos équipements qui fonctionnent encore mais ne vous sont plus utiles ? Décrivez les filières de réemploi utilisées (reconditionnement, revente, don), la manière dont vous vérifiez que le réemploi a effectivement lieu et la part des équipements sortis du parc qui ont été réemployés plutôt que recyclés.",
    scope: "organisation",
    scopeNote: ORGANISATION_POLICY,
    guidance:
      "Une réponse solide donne la part des équipements sortis du parc qui ont été réemployés plutôt que recyclés et explique comment le réemploi effectif est vérifié (attestations, traçabilité par numéro de série). Pour tout équipement fonctionnel, le réemploi doit primer sur le recyclage. La nature des partenaires (économie sociale et solidaire, insertion) est appréciée à la question SOCI-02 et la reprise des équipements fournis aux clients à la question FDV-07 : elles ne sont pas comptées ici.",
    evidenceExamples: [
      "Conventions ou contrats avec les filières de réemploi",
      "Bilan annuel des sorties de parc : volumes réemployés, reconditionnés, recyclés",
      "Attestations de reprise ou de don par numéro de série",
    ],
    levels: {
      1: "Les équipements sont stockés sans suite ou jetés.",
      2: "Dons ou reventes ponctuels, sans suivi des volumes.",
      3: "Filières de réemploi identifiées et utilisées pour une partie des équipements, volumes suivis.",
      4: "Réemploi systématique des équipements fonctionnels, part réemployée suivie, attestations par numéro de série.",
      5: "Part réemployée élevée et en progression sur plusieurs années, réemploi effectif vérifié (traçabilité jusqu'au nouvel utilisateur), résultats publiés.",
    },
    topicSources: ["Label NR PA9", "MiNumEco i.2", "MiNumEco i.3", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FDV-04",
    criterion: "fin-de-vie",
    topic: "DEEE : filière agréée et traçabilité jusqu'au traitement final",
    topicTag: "deee-tracabilite",
    text: "Décrivez comment vos déchets d'équipements électriques et électroniques (DEEE) sont collectés et traités : filière utilisée (éco-organisme agréé, système individuel, prestataire), traçabilité jusqu'au traitement final, volumes annuels et registre tenu.",
    scope: "contract",
    scopeNote:
      "Appliquée aux déchets issus du marché (équipements remplacés ou repris, pièces, consommables), la filière de traitement relève de la fin de vie des équipements fournis au titre du marché.",
    contractText:
      "Pour l'exécution du présent marché, comment seront collectés et traités les déchets d'équipements électriques et électroniques issus des prestations (équipements remplacés ou repris, pièces, consommables) : filière utilisée (éco-organisme agréé, système individuel, prestataire), traçabilité jusqu'au site de traitement final et compte rendu remis à l'acheteur ?",
    guidance:
      "On attend une filière nommée et conforme à la réglementation (code de l'environnement, art. R543-172 et suivants), ainsi qu'une traçabilité qui va au-delà du bordereau d'enlèvement : certificats de traitement, taux de valorisation, destination finale, consommables compris. L'adhésion à une filière agréée est une obligation : elle se vérifie, c'est la traçabilité qui distingue les réponses. La seconde vie des équipements encore fonctionnels est appréciée à la question FDV-07.",
    evidenceExamples: [
      "Contrat ou attestation d'adhésion à un éco-organisme agréé, ou approbation du système individuel",
      "Registre des déchets et bordereaux de suivi des douze derniers mois",
      "Certificats de traitement indiquant les taux de valorisation et les sites",
      "Modèle de compte rendu remis au client",
    ],
    levels: {
      1: "Aucune filière identifiée.",
      2: "Enlèvement par un prestataire, sans traçabilité au-delà du bordereau.",
      3: "Filière agréée nommée, registre tenu, traçabilité du traitement partielle.",
      4: "Filière agréée, traçabilité jusqu'au site de traitement final par lot, volumes et taux de valorisation communiqués, consommables compris.",
      5: "Traçabilité complète vérifiée par audit des sites, volumes de DEEE en baisse mesurée, compte rendu périodique au client avec les certificats.",
    },
    topicSources: ["MiNumEco i.4", "MiNumEco i.5", "MiNumEco i.6", "MiNumEco i.7", "MiNumEco i.8", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FDV-05",
    criterion: "fin-de-vie",
    topic: "Effacement sécurisé des données",
    topicTag: "effacement-donnees",
    text: "Comment garantissez-vous l'effacement des données avant toute réaffectation, revente, don ou recyclage d'un équipement ? Décrivez la méthode ou l'outil utilisé, qui réalise l'opération et comment elle est attestée.",
    scope: "contract",
    scopeNote:
      "Appliqué aux équipements et supports qui quittent la garde de l'acheteur ou du titulaire pendant le marché, l'effacement conditionne leur réemploi : lié à l'exécution du marché.",
    contractText:
      "Pour l'exécution du présent marché, comment garantirez-vous l'effacement des données des équipements et supports qui quittent les locaux de l'acheteur ou votre garde (reprise, réparation, fin de contrat) : méthode ou outil, personne qui réalise l'opération, attestation par numéro de série ?",
    guidance:
      "L'effacement doit rendre les données irrécupérables sans détruire inutilement l'équipement : méthode reconnue (par exemple NIST SP 800-88, outil ayant obtenu une certification de sécurité de l'ANSSI ou équivalent), rapport d'effacement par numéro de série, destruction physique réservée aux supports défaillants ou aux données les plus sensibles. La destruction systématique des supports « par précaution » empêche le réemploi et traduit une maturité limitée.",
    evidenceExamples: [
      "Procédure d'effacement des données",
      "Rapports ou certificats d'effacement par numéro de série",
      "Certification de l'outil d'effacement utilisé ou preuve équivalente",
      "Clause d'effacement dans le contrat du prestataire de reprise",
    ],
    levels: {
      1: "Aucune procédure : les équipements sortent sans effacement vérifié.",
      2: "Formatage ou effacement manuel, ou destruction systématique des supports, sans attestation.",
      3: "Méthode d'effacement reconnue appliquée, attestations pour une partie des équipements.",
      4: "Effacement par un outil certifié ou équivalent pour chaque équipement, attestation par numéro de série, destruction réservée aux cas justifiés.",
      5: "Processus audité couvrant aussi les prestataires, taux de supports effacés puis réemployés suivi et élevé.",
    },
    topicSources: ["Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "FDV-07",
    criterion: "fin-de-vie",
    topic: "Économie circulaire et locale : reprise et seconde vie des équipements fournis",
    topicTag: "reprise-seconde-vie-locale",
    text: "Quelles solutions de reprise et de seconde vie proposez-vous pour les équipements que vous fournissez à vos clients (reprise en fin d'usage ou de location, reconditionnement, remise en circulation), et avec quels acteurs de proximité ? Indiquez la localisation des sites de reconditionnement, la part des équipements repris effectivement remis en circulation et les distances parcourues.",
    scope: "contract",
    scopeNote:
      "Porte sur la fin de vie des équipements fournis au titre du marché, ou de ceux qu'ils remplacent : liée à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment reprendrez-vous les équipements fournis, ou ceux de l'acheteur qu'ils remplacent, à leur fin d'usage, et comment organiserez-vous leur seconde vie : reconditionnement, remise en circulation, localisation des sites, part effectivement réemployée, compte rendu à l'acheteur ?",
    guidance:
      "Le critère vise explicitement l'économie circulaire « et locale » : on attend une offre de reprise écrite, des sites de reconditionnement identifiés et proches, des flux réels (équipements repris, part remise en circulation) et un compte rendu au client. Pour un acheteur public, ces comptes rendus l'aident à suivre son objectif annuel de réemploi des matériels informatiques réformés (loi n° 2021-1485 du 15 novembre 2021, art. 16, et décret n° 2023-266). Le réemploi des équipements du fournisseur lui-même relève de FDV-03, le traitement des déchets de FDV-04.",
    evidenceExamples: [
      "Offre ou conditions de reprise des équipements en fin d'usage",
      "Localisation des sites de reconditionnement et partenaires",
      "Bilan de la dernière année : équipements repris, part remise en circulation, part recyclée",
      "Modèle de compte rendu de reprise remis au client",
    ],
    levels: {
      1: "Aucune reprise proposée.",
      2: "Reprise ponctuelle sur demande, sans engagement sur la destination des équipements.",
      3: "Offre de reprise écrite, réemploi d'une partie des équipements repris, sites de reconditionnement connus mais sans suivi des volumes.",
      4: "Reprise contractuelle, sites de reconditionnement de proximité identifiés, part remise en circulation mesurée et communiquée au client.",
      5: "Part remise en circulation élevée et vérifiée (traçabilité par numéro de série), circuit de proximité documenté (distances, partenaires), résultats suivis sur plusieurs années.",
    },
    topicSources: ["ANCT Démarche NR", "Label NR PA9", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: false,
  },

  // ------------------------------------------------------------------------------------------------------
  // 5. Infrastructures internes
  {
    id: "INFI-01",
    criterion: "infra-internes",
    topic: "Indicateurs énergétiques et environnementaux des salles et centres de données exploités",
    topicTag: "indicateurs-salles-exploitees",
    text: "Pour les salles informatiques et centres de données que vous exploitez, quels indicateurs de performance énergétique et environnementale mesurez-vous (PUE, WUE, CUE, part d'électricité renouvelable…) ? Précisez la méthode, le point et la fréquence de mesure, et les valeurs obtenues ces dernières années.",
    scope: "contract",
    scopeNote:
      "Porte sur les salles exploitées par le titulaire qui serviront au marché : l'hébergement utilisé pour le service est lié à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, quels indicateurs de performance énergétique et environnementale (PUE, WUE, CUE, part d'électricité renouvelable) mesurez-vous pour les salles ou centres de données que vous exploitez et qui serviront au marché ? Précisez la méthode, le point et la fréquence de mesure et les valeurs des dernières années ; si aucune salle que vous exploitez n'est utilisée, indiquez-le.",
    guidance:
      "On attend des valeurs mesurées, et non des valeurs théoriques ou de conception, calculées selon les définitions normalisées (série ISO/IEC 30134) sur une année complète, avec le point de comptage et la fréquence de mesure. Une valeur isolée vaut moins qu'une série suivie et reliée à des actions. Les centres de données d'au moins 500 kW déclarent leurs indicateurs au titre de la directive (UE) 2023/1791 (art. 12) et du règlement délégué (UE) 2024/1364 : ces déclarations sont une preuve directe. Si vous n'exploitez aucune salle, indiquez où sont hébergés vos services (critère « Infrastructures externes »).",
    evidenceExamples: [
      "Relevés annuels de PUE, WUE et CUE, avec la méthode de calcul",
      "Schéma de comptage électrique de la salle",
      "Déclaration à la base européenne des centres de données, pour les centres concernés",
      "Certificat ISO 50001 couvrant le site, ou équivalent",
    ],
    levels: {
      1: "Aucune mesure.",
      2: "Valeur estimée ou de conception, sans mesure réelle.",
      3: "PUE mesuré ponctuellement ou sur une partie des sites.",
      4: "PUE, WUE et CUE mesurés sur une année complète selon les définitions normalisées, séries disponibles pour tous les sites concernés.",
      5: "Indicateurs publiés ou déclarés à la base européenne, en amélioration sur plusieurs années, reliés à des objectifs chiffrés.",
    },
    topicSources: ["Guide achats DAE 2021", "RGESN 8", "Cigref 2025"],
    allowNotApplicableByDefault: true,
  },
  {
    id: "INFI-02",
    criterion: "infra-internes",
    topic: "Taux d'utilisation, consolidation et ressources inactives en exploitation",
    topicTag: "utilisation-consolidation",
    text: "Comment maîtrisez-vous le taux d'utilisation de vos infrastructures internes en exploitation (consolidation, virtualisation, extinction des environnements hors production, détection des serveurs inactifs) ? Indiquez les taux d'utilisation mesurés et les actions menées en conséquence.",
    scope: "contract",
    scopeNote:
      "Appliqué aux ressources que le titulaire exploite pour le service du marché, le pilotage de leur utilisation est une condition de son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment suivrez-vous et optimiserez-vous le taux d'utilisation des ressources d'infrastructure que vous exploiterez pour le service (consolidation, extinction des environnements hors production, détection des ressources inactives) ? Indiquez les mesures que vous communiquerez à l'acheteur.",
    guidance:
      "Une réponse solide s'appuie sur des taux d'utilisation mesurés (processeur, mémoire, stockage), une revue périodique des ressources sous-utilisées ou orphelines et des règles appliquées : extinction programmée des environnements de développement et de test, consolidation des machines virtuelles. Le dimensionnement initial de ce qui est proposé est apprécié à la question ACHA-04 ; ici, c'est le pilotage en exploitation.",
    evidenceExamples: [
      "Rapport des taux d'utilisation des serveurs et du stockage",
      "Règles d'extinction des environnements hors production",
      "Bilan des serveurs ou machines virtuelles supprimés lors de la dernière revue",
    ],
    levels: {
      1: "Aucun suivi de l'utilisation.",
      2: "Virtualisation en place, sans mesure des taux d'utilisation.",
      3: "Taux d'utilisation mesurés, revues ponctuelles des ressources inactives.",
      4: "Revue au moins trimestrielle des ressources, extinction automatique des environnements hors production, taux d'utilisation communiqués.",
      5: "Utilisation pilotée en continu avec des objectifs atteints, gains chiffrés en énergie et en matériel sur plusieurs périodes.",
    },
    topicSources: ["MiNumEco h.4", "RGESN 3.7"],
    allowNotApplicableByDefault: true,
  },
  {
    id: "INFI-03",
    criterion: "infra-internes",
    topic: "Refroidissement, alimentation électrique et valorisation de la chaleur",
    topicTag: "refroidissement-alimentation-chaleur",
    text: "Décrivez les choix faits pour le refroidissement et l'alimentation électrique de vos salles informatiques (confinement des allées, température de consigne, refroidissement libre, rendement des onduleurs et des alimentations) et pour la valorisation de la chaleur produite.",
    scope: "organisation",
    scopeNote:
      "Choix d'ingénierie de l'ensemble des salles de l'entreprise ; la performance mesurée des salles qui servent au marché est appréciée par INFI-01, pour ne pas la compter deux fois.",
    guidance:
      "On attend des mesures techniques réellement en place et leurs effets mesurés : urbanisation et confinement des allées, température de consigne relevée dans les plages recommandées, refroidissement libre, alimentations dont le rendement dépasse le minimum réglementaire (pour les serveurs, les exigences du règlement (UE) 2019/424), récupération de la chaleur fatale. Le suivi et la maîtrise de la consommation d'eau font partie d'une réponse complète.",
    evidenceExamples: [
      "Description technique de la salle (urbanisation, mode de refroidissement)",
      "Relevés de température de consigne et de consommation d'eau",
      "Fiches techniques des alimentations et des onduleurs",
      "Convention de valorisation de la chaleur fatale, le cas échéant",
    ],
    levels: {
      1: "Aucune mesure d'efficacité : refroidissement et alimentation d'origine, jamais revus.",
      2: "Quelques mesures isolées (par exemple obturateurs), sans mesure de leur effet.",
      3: "Confinement des allées et température de consigne relevée sur une partie des salles, effets mesurés en partie.",
      4: "Ensemble cohérent en place dans toutes les salles (confinement, consigne relevée, refroidissement libre, alimentations à haut rendement), effets mesurés et consommation d'eau suivie.",
      5: "Chaleur fatale valorisée ou projet engagé avec un partenaire, gains mesurés sur plusieurs années.",
    },
    topicSources: ["MiNumEco h.5", "RGESN 8", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: true,
  },
  {
    id: "INFI-04",
    criterion: "infra-internes",
    topic: "Critères environnementaux des matériels d'infrastructure",
    topicTag: "criteres-materiels-infrastructure",
    text: "Selon quels critères environnementaux choisissez-vous vos serveurs, baies de stockage et équipements réseau (efficacité énergétique mesurée, informations de la fiche produit, réparabilité, disponibilité des pièces, matériel reconditionné, durée du support) ? Illustrez votre réponse par votre dernier achat significatif.",
    scope: "organisation",
    scopeNote:
      "Politique d'achat de matériels d'infrastructure de l'entreprise, indépendante du marché : posée pour information dans un marché public.",
    guidance:
      "Une réponse mature cite des critères écrits dans les consultations (efficacité en état actif et puissance au repos, informations exigées par le règlement (UE) 2019/424, durée de disponibilité des pièces et du support logiciel, ouverture au reconditionné) et montre qu'ils ont pesé dans un choix réel. Les labels et critères des équipements des utilisateurs (postes, écrans, téléphones, imprimantes) sont appréciés à la question ACHA-03.",
    evidenceExamples: [
      "Extrait du cahier des charges ou de la grille d'analyse des offres d'un achat d'infrastructure",
      "Fiches d'information produit montrant les caractéristiques environnementales",
      "Part du matériel reconditionné ou à support prolongé dans le parc de serveurs",
    ],
    levels: {
      1: "Aucun critère environnemental : choix sur le prix et la performance.",
      2: "Critères évoqués lors des choix, non écrits.",
      3: "Critères écrits dans les consultations, sans pondération ni exemple où ils ont pesé.",
      4: "Critères pondérés dans chaque consultation d'infrastructure, avec au moins un choix récent qu'ils ont déterminé.",
      5: "Critères revus d'après les mesures en exploitation, part de reconditionné ou de support prolongé suivie et en hausse.",
    },
    topicSources: ["Label NR PA14", "Guide achats DAE 2021"],
    allowNotApplicableByDefault: true,
  },
  {
    id: "INFI-05",
    criterion: "infra-internes",
    topic: "Décommissionnement des applications et des matériels",
    topicTag: "decommissionnement",
    text: "Comment décidez-vous et organisez-vous le décommissionnement des applications, services et matériels hébergés dans vos infrastructures : repérage des éléments inutilisés, archivage ou suppression des données, extinction, orientation du matériel vers le réemploi ou le recyclage ?",
    scope: "contract",
    scopeNote:
      "Appliqué aux composants du service du marché devenus inutiles et aux ressources dédiées en fin de marché, le décommissionnement est une condition de son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment organiserez-vous le décommissionnement des composants du service devenus inutiles et, en fin de marché, des ressources qui lui étaient dédiées (archivage ou suppression des données, extinction, orientation du matériel vers le réemploi) ?",
    guidance:
      "On attend une démarche outillée : revue périodique des applications, services et données inutilisés, procédure de décommissionnement (archivage ou suppression des données, extinction, mise à jour de l'inventaire), orientation du matériel vers le réemploi. La sobriété des traitements de données et d'intelligence artificielle est appréciée à la question SERV-05 ; la restitution des données à l'acheteur à la question INFE-04.",
    evidenceExamples: [
      "Procédure de décommissionnement",
      "Liste des services ou serveurs décommissionnés au cours des douze derniers mois",
      "Politique de conservation et de suppression des données",
    ],
    levels: {
      1: "Aucun décommissionnement : les éléments inutilisés restent en fonctionnement.",
      2: "Décommissionnements ponctuels, à l'occasion d'une migration ou d'une panne.",
      3: "Procédure écrite appliquée à une partie des applications et matériels.",
      4: "Revue au moins annuelle des éléments inutilisés, procédure appliquée, volumes décommissionnés suivis, matériel orienté vers le réemploi.",
      5: "Fin de vie prévue dès la conception des services, décommissionnements et gains (énergie, matériel libéré) mesurés sur plusieurs années.",
    },
    topicSources: ["MiNumEco h.6", "RGESN 2.7"],
    allowNotApplicableByDefault: true,
  },

  // ------------------------------------------------------------------------------------------------------
  // 6. Infrastructures externes
  {
    id: "INFE-01",
    criterion: "infra-externes",
    topic: "Sélection et clauses des hébergeurs et fournisseurs cloud",
    topicTag: "selection-hebergeurs",
    text: "Selon quels critères environnementaux choisissez-vous vos hébergeurs, opérateurs de centres de données et fournisseurs de services cloud, et quelles exigences inscrivez-vous dans vos contrats avec eux ? Illustrez votre réponse par un choix ou un contrat récent.",
    scope: "contract",
    scopeNote:
      "Porte sur les hébergeurs et fournisseurs cloud qui serviront au marché : l'hébergement utilisé pour le service est lié à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, quels hébergeurs, opérateurs de centres de données ou fournisseurs cloud utiliserez-vous, selon quels critères environnementaux les avez-vous choisis, et quelles exigences environnementales figurent dans vos contrats avec eux ?",
    guidance:
      "Une réponse mature montre des critères écrits et pondérés dans la sélection (indicateurs publiés, origine de l'énergie, localisation, adhésion au code de conduite européen pour les centres de données, transparence sur l'empreinte), des clauses contractuelles de transmission de données environnementales et une revue périodique des prestataires. Les valeurs des indicateurs obtenus sont appréciées à la question INFE-02.",
    evidenceExamples: [
      "Grille de sélection des hébergeurs ou fournisseurs cloud",
      "Extrait des clauses environnementales des contrats d'hébergement",
      "Compte rendu de la revue annuelle d'un prestataire",
    ],
    levels: {
      1: "Aucun critère environnemental.",
      2: "Critères environnementaux évoqués, non écrits.",
      3: "Critères écrits pour les nouvelles consultations, sans clause contractuelle ni suivi.",
      4: "Critères pondérés dans la sélection, clauses de transmission de données dans les contrats, revue annuelle des prestataires.",
      5: "Objectifs environnementaux contractuels suivis avec chaque prestataire, changement de prestataire décidé au moins une fois sur ces critères.",
    },
    topicSources: ["Label NR PA14", "MiNumEco h.1", "MiNumEco h.2"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "INFE-02",
    criterion: "infra-externes",
    topic: "Indicateurs environnementaux des centres de données et services cloud utilisés",
    topicTag: "indicateurs-hebergeurs",
    text: "Quelles informations environnementales obtenez-vous de vos prestataires d'hébergement et de cloud (PUE, WUE, origine et part de l'électricité renouvelable, localisation des centres de données, empreinte de vos propres usages) ? Expliquez comment vous les vérifiez et comment vous les utilisez.",
    scope: "contract",
    scopeNote:
      "Porte sur les centres de données et services cloud réellement utilisés pour le marché : lié à son exécution.",
    contractText:
      "Pour l'exécution du présent marché, quelles informations environnementales communiquerez-vous sur les centres de données et services cloud réellement utilisés (PUE, WUE, origine et part de l'électricité renouvelable, localisation, empreinte attribuable aux usages de l'acheteur) ? Expliquez comment vous les obtenez et les vérifiez.",
    guidance:
      "On attend des données propres aux centres de données réellement utilisés, et non des moyennes mondiales de l'opérateur, la localisation des données, l'empreinte attribuée aux usages du client et une lecture critique (méthode, périmètre, comptabilisation de l'électricité renouvelable en location-based et market-based). La thématique « Hébergement » du RGESN (critères 8.1 à 8.10) recense ces informations.",
    evidenceExamples: [
      "Rapports environnementaux des prestataires pour les sites utilisés",
      "Export d'un outil d'empreinte carbone du fournisseur cloud, avec une note sur sa méthode",
      "Liste des centres de données utilisés et de leur localisation",
    ],
    levels: {
      1: "Aucune information environnementale sur les hébergements utilisés.",
      2: "Moyennes générales publiées par l'opérateur, sans rapport avec les sites utilisés.",
      3: "Indicateurs propres aux sites utilisés pour une partie des hébergements, méthode non examinée.",
      4: "Indicateurs propres à tous les sites utilisés, méthode examinée, électricité en location-based et market-based, empreinte attribuée aux usages du client.",
      5: "Indicateurs vérifiés (déclarations officielles, audits), transmis périodiquement au client et utilisés pour réduire l'empreinte (changement de site ou de région).",
    },
    topicSources: ["RGESN 8"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "INFE-03",
    criterion: "infra-externes",
    topic: "Sobriété des données stockées, répliquées et transférées",
    topicTag: "sobriete-donnees-stockees",
    text: "Comment limitez-vous les volumes de données stockées, répliquées et transférées dans vos infrastructures externes et vos réseaux étendus (distinction entre données chaudes et froides, durées de conservation, redondance proportionnée au besoin, dimensionnement des liaisons) ?",
    scope: "contract",
    scopeNote:
      "Appliqué aux données de l'acheteur hébergées pendant le marché, le stockage sobre est une condition de son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment limiterez-vous les volumes de données de l'acheteur stockés, répliqués et transférés (classes de stockage, durées de conservation, redondance proportionnée au besoin exprimé, dimensionnement des liaisons) ?",
    guidance:
      "Une réponse solide décrit des règles appliquées et mesurées : classes de stockage selon la fréquence d'accès, durées de conservation et purges, redondance et sauvegardes proportionnées aux besoins de disponibilité réellement exprimés, liaisons réseau dimensionnées selon les usages. L'évolution des volumes stockés et transférés montre si ces règles sont efficaces. Les traitements de calcul et d'intelligence artificielle sont appréciés à la question SERV-05.",
    evidenceExamples: [
      "Politique de conservation et d'archivage des données",
      "Évolution des volumes stockés et transférés sur les derniers exercices",
      "Matrice des niveaux de service et de redondance par application",
    ],
    levels: {
      1: "Aucune règle : tout est conservé et répliqué par défaut.",
      2: "Purges ou archivages ponctuels, sans règle écrite.",
      3: "Règles écrites de conservation et de classes de stockage pour une partie des données.",
      4: "Règles appliquées à toutes les données, redondance alignée sur les besoins exprimés, volumes stockés et transférés suivis.",
      5: "Volumes maîtrisés ou en baisse à activité comparable sur plusieurs périodes, règles revues avec le client.",
    },
    topicSources: ["RGESN 8", "MiNumEco f.3"],
    allowNotApplicableByDefault: false,
  },
  {
    id: "INFE-04",
    criterion: "infra-externes",
    topic: "Réversibilité et portabilité",
    topicTag: "reversibilite",
    text: "Comment garantissez-vous la réversibilité et la portabilité des données et des services hébergés chez des tiers, ou que vous hébergez pour vos clients (formats, procédures, délais, coûts) ? Décrivez une opération de réversibilité déjà testée ou réalisée.",
    scope: "contract",
    scopeNote: "Porte sur la réversibilité du service et des données du présent marché : condition de son exécution.",
    contractText:
      "Pour l'exécution du présent marché, comment garantirez-vous la réversibilité et la portabilité des données et du service (formats ouverts ou documentés, procédures, délais, coûts, exercices d'export) ?",
    guidance:
      "La réversibilité conditionne la possibilité de changer de prestataire, par exemple pour un hébergement plus sobre, sans dépendance technique. On attend un plan de réversibilité écrit, des formats ouverts ou documentés, des délais et des coûts connus et un exercice déjà réalisé. Le règlement (UE) 2023/2854 sur les données encadre le changement de fournisseur de services de traitement de données.",
    evidenceExamples: [
      "Plan de réversibilité contractuel",
      "Liste des formats d'export des données",
      "Compte rendu d'un test ou d'une opération de réversibilité",
    ],
    levels: {
      1: "Aucune disposition de réversibilité.",
      2: "Export possible à la demande, sans procédure ni format documenté.",
      3: "Plan de réversibilité écrit, formats documentés, jamais testé.",
      4: "Plan testé au moins une fois (compte rendu), délais et coûts annoncés.",
      5: "Exercices d'export réguliers avec les clients, formats ouverts, réversibilités réalisées dans les délais annoncés.",
    },
    topicSources: ["INR BP-AIR V2"],
    allowNotApplicableByDefault: false,
  },
] satisfies GuideInput["questions"];
