/**
 * Guide de maturité NR des fournisseurs — édition NR Procure 2026.1 (data only, validated by ../schema.ts at load).
 *
 * Sources of the changes since 2024.1: issue 11 §2 (scope and contract wording; lawful-award-criteria.md §2),
 * issue 17 (double counting, descriptors, Label NR, references), and the reference notes cited in each note below.
 */
import type { GuideInput } from "../schema";
import { edition2026_1 } from "./edition";
import { questionsEquipmentInfrastructure } from "./questions-equipment-infrastructure";
import { questionsGovernanceTrainingMeasure } from "./questions-governance-training-measure";
import { questionsPurchasingServicesSociety } from "./questions-purchasing-services-society";

const ISSUE_17_DOUBLE_COUNTING = "Revue de contenu (issue 17, point 5 : double comptage)";

const questions = [...questionsGovernanceTrainingMeasure, ...questionsEquipmentInfrastructure, ...questionsPurchasingServicesSociety];

export const guideV2026_1 = {
  ...edition2026_1,
  questions,
  changesFromPrevious: {
    previousVersion: "2024.1-nrprocure",
    notes: [
      {
        questions: questions.map((q) => q.id),
        summary:
          "Chaque question indique désormais sa portée, avec sa justification : « organisation » (25 questions : gouvernance, politique générale de formation, écosystème, politiques internes) ou « marché » (22 questions : moyens affectés au présent marché). Les questions de portée « marché » reçoivent une formulation « Pour l'exécution du présent marché, … » ; la formulation générale reste disponible pour un questionnaire d'information ou un acheteur privé. Chaque question porte aussi une étiquette de sujet unique dans l'édition.",
        source:
          "Issue 11, §2 « Guide edition » ; shared/reference/lawful-award-criteria.md §2 (Conseil d'État, 25 mai 2018, n° 417580 : pas de critère portant sur la politique générale de l'entreprise)",
      },
      {
        questions: ["FDV-06", "INFI-03", "INFI-04", "INFI-05", "INFE-02", "INFE-03", "INFE-04", "ACHA-03", "ACHA-04", "ACHA-05", "ECOS-02", "ECOS-03", "SERV-02", "SERV-03", "SERV-05", "SOCI-02", "SOCI-03"],
        summary:
          "Les 17 questions qui renvoyaient à l'échelle générique reçoivent cinq descripteurs propres, fondés sur des preuves observables ; ceux des 30 autres questions sont revus pour décrire ce que l'évaluateur constate à chaque niveau. FDV-06, retirée, est remplacée par FDV-07, dotée de ses descripteurs.",
        source: "Revue de contenu (issue 17, point 6) ; shared/reference/maturity-scales.md §4",
      },
      {
        questions: ["FDV-03", "FDV-06", "FDV-07", "SOCI-02"],
        summary:
          "Partenaires de réemploi de l'économie sociale et solidaire comptés trois fois : FDV-03 porte seulement sur le réemploi effectif des équipements sortis du parc ; FDV-06 (« économie circulaire de proximité ») est retirée ; la nouvelle FDV-07 porte sur la reprise et la seconde vie des équipements fournis aux clients, par des acteurs de proximité ; SOCI-02 porte sur l'inclusion (insertion, secteur protégé et adapté, inclusion numérique) et exclut les partenariats de réemploi et les dons d'équipements.",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["ACHA-03", "INFI-04"],
        summary:
          "Labels et critères sur les équipements comptés deux fois : ACHA-03 porte sur les équipements des utilisateurs (postes, écrans, téléphones, imprimantes), INFI-04 sur les matériels d'infrastructure (serveurs, stockage, réseau) et leurs informations d'efficacité.",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["INFI-05", "SERV-05"],
        summary:
          "Décommissionnement compté deux fois : INFI-05 porte sur le décommissionnement des applications, services et matériels ; SERV-05 ne porte plus que sur la sobriété des traitements de données et d'intelligence artificielle.",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["GOUV-04", "MESU-05"],
        summary:
          "Suivi des indicateurs dans le temps compté deux fois : GOUV-04 porte sur la revue des résultats par la direction et le compte rendu ; MESU-05 sur la comparabilité des séries (année de référence, recalculs, attribution des réductions) et le traitement des émissions évitées.",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["MESU-04", "SERV-02"],
        summary:
          "Empreinte des services comptée deux fois : MESU-04 porte sur les données d'empreinte transmises au client pour ce qui est livré ; SERV-02 sur les seuils environnementaux contrôlés pendant la conception et le développement.",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["GOUV-05", "ECOS-03"],
        summary:
          "Relation avec les clients comptée deux fois : GOUV-05 porte sur l'implication des collaborateurs et de leurs représentants ; ECOS-03 reste la seule question sur l'accompagnement des clients et partenaires (les fournisseurs relèvent d'ACHA-06).",
        source: ISSUE_17_DOUBLE_COUNTING,
      },
      {
        questions: ["GOUV-06"],
        summary:
          "Le label Numérique Responsable n'est plus cité comme preuve attendue et aucun niveau n'exige une certification propre au numérique responsable ni une certification de « toute l'organisation » : toute preuve équivalente est examinée, une petite structure peut atteindre le niveau 4 avec un système de management documenté et audité en interne ; le guide rappelle que ce label ne peut servir ni à sélectionner les candidats ni à noter les offres d'un marché public.",
        source:
          "Revue de contenu (issue 17, point 3) ; shared/reference/purchasing-segments-and-clauses.md §5 (label NR) ; code de la commande publique, art. R2111-12 à R2111-17 (labels et équivalents)",
      },
      {
        questions: ["INFI-01", "INFI-03", "INFE-02", "INFE-03"],
        summary:
          "Références au RGESN corrigées : la thématique « Hébergement » compte dix critères (8.1 à 8.10) ; faute de correspondance vérifiée critère par critère, les questions citent la thématique entière. INFI-03 ne cite plus 80 PLUS comme exemple de haut rendement : le minimum réglementaire des alimentations de serveurs est fixé par le règlement (UE) 2019/424.",
        source: "Revue de contenu (issue 17, point 4) ; shared/reference/inr-maturity-guide.md §5.4",
      },
      {
        questions: ["SOCI-01"],
        summary:
          "Minerais : le guide précise que le règlement (UE) 2017/821 ne s'impose qu'aux importateurs de l'Union d'étain, de tantale, de tungstène et d'or au-delà de seuils, ni au cobalt ni aux fournisseurs informatiques en tant que tels ; la démarche attendue repose sur le guide de l'OCDE. La question devient de portée « marché » (biens et services fournis).",
        source: "Revue de contenu (issue 17, point 2)",
      },
      {
        questions: ["MESU-05"],
        summary:
          "Émissions évitées : le GHG Protocol les exclut de l'inventaire et permet seulement de les présenter à part ; la formulation précédente laissait entendre une obligation de présentation séparée.",
        source: "Revue de contenu (issue 17, point 4) ; shared/reference/emission-factors.md §2",
      },
      {
        questions: ["FORM-03", "FORM-04"],
        summary:
          "Les compétences de l'équipe affectée, demandées à la fois par FORM-03 et FORM-04, relèvent désormais de FORM-03 (portée « marché ») ; FORM-04 ne porte plus que sur la part de l'ensemble du personnel formé.",
        source: "Étiquettes de sujet uniques (issue 17, « Done when ») ; shared/reference/lawful-award-criteria.md §2",
      },
      {
        questions: ["ACHA-04", "INFI-02"],
        summary:
          "Frontière précisée entre le juste dimensionnement de ce qui est acheté ou proposé (ACHA-04) et le pilotage de l'utilisation des infrastructures en exploitation (INFI-02), toutes deux de portée « marché ».",
        source: "Étiquettes de sujet uniques (issue 17, « Done when »)",
      },
    ],
  },
} satisfies GuideInput;
