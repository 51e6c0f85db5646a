/**
 * Purchasing segments (segments d'achat) of NR Procure.
 *
 * Content as data: typed, validated by zod when this module loads. Identifiers are stable
 * ASCII slugs — stored tenders, clauses and supplier emission-factor CSV rows refer to them.
 *
 * Sources (see ../../shared/reference/purchasing-segments-and-clauses.md):
 * - DAE/INR/MTE/DINUM, « Guide pratique pour des achats numériques responsables » (bêta 2021,
 *   Licence Ouverte 2.0) — six « fiches pratiques » by segment; the « Logiciels » fiche is empty.
 * - RGESN 2024 (Arcep/Arcom with ADEME) for software and SaaS.
 * - CPV codes (EU procurement vocabulary) describing the segment, as listed by the DAE guide when it
 *   reproduced the reuse-quota decree of 2021 (purchasing-segments-and-clauses.md §3). That decree was
 *   repealed by décret 2024-134 (lawful-award-criteria.md §5), which lists product categories instead of
 *   CPV codes: the codes here are indicative classifiers, not the scope of the quota.
 * All wording is our own.
 */
import { z } from "zod";

/** Stable segment identifiers, in display order. */
export const segmentIds = [
  "postes-de-travail",
  "impression",
  "reseaux-telecoms",
  "telephonie-mobile",
  "infrastructures-datacenter",
  "hebergement-cloud",
  "logiciels-saas",
  "prestations-intellectuelles",
  "fin-de-vie-reemploi",
] as const;

export type SegmentId = (typeof segmentIds)[number];

export const segmentIdSchema = z.enum(segmentIds);

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "identifiant : minuscules ASCII, chiffres et tirets");
const frenchText = z.string().trim().min(1);

/** A CPV code as printed in the EU vocabulary: 8 digits, dash, check digit. */
export const cpvCodeSchema = z.object({
  code: z.string().regex(/^\d{8}-\d$/, "code CPV attendu au format 12345678-9"),
  label: frenchText,
});

export const segmentSchema = z.object({
  id: segmentIdSchema,
  label: frenchText,
  description: frenchText,
  examples: z.array(frenchText).min(1),
  /** Which DAE 2021 guide fiche the segment comes from, or "RGESN 2024", or "inferred" (ours). */
  sourceFiche: frenchText,
  /** Indicative CPV codes of the segment (see module comment); empty if none. Not the scope of a legal quota. */
  cpvCodes: z.array(cpvCodeSchema),
  /** Prefix of the ids of this segment's clauses (e.g. `pdt` → `pdt-spec-ecolabel`). */
  clausePrefix: slug,
});

export type Segment = z.infer<typeof segmentSchema>;

const segmentListSchema = z.array(segmentSchema).superRefine((list, ctx) => {
  const ids = list.map((s) => s.id);
  if (ids.join("|") !== segmentIds.join("|")) {
    ctx.addIssue({ code: "custom", message: `les segments doivent être exactement, dans l'ordre : ${segmentIds.join(", ")}` });
  }
  const prefixes = new Set<string>();
  for (const s of list) {
    if (prefixes.has(s.clausePrefix)) {
      ctx.addIssue({ code: "custom", message: `préfixe de clause en double : ${s.clausePrefix}` });
    }
    prefixes.add(s.clausePrefix);
  }
});

const segmentData: z.input<typeof segmentSchema>[] = [
  {
    id: "postes-de-travail",
    label: "Postes de travail",
    description:
      "Équipements individuels des agents et salariés : ordinateurs fixes et portables, écrans, tablettes et leurs accessoires, achetés neufs, reconditionnés ou loués.",
    examples: [
      "Ordinateurs portables",
      "Ordinateurs fixes et mini-PC",
      "Écrans",
      "Tablettes",
      "Stations d'accueil, claviers, souris et autres accessoires",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 1 « Matériels bureautiques : PC fixes, portables, écrans, tablettes »",
    cpvCodes: [
      { code: "30000000-9", label: "Machines, matériel et fournitures de bureau et d'informatique" },
      { code: "30213100-6", label: "Ordinateurs portables" },
      { code: "30213300-8", label: "Ordinateurs de bureau" },
      { code: "30231100-8", label: "Terminaux informatiques" },
      { code: "30237200-1", label: "Accessoires informatiques" },
    ],
    clausePrefix: "pdt",
  },
  {
    id: "impression",
    label: "Impression",
    description:
      "Solutions d'impression et de reprographie : multifonctions, imprimantes, systèmes de grand volume, consommables (toners, encres) et papier, à l'achat ou en location avec maintenance.",
    examples: [
      "Multifonctions et copieurs en location",
      "Imprimantes individuelles ou portables",
      "Cartouches de toner et d'encre, consommables remanufacturés",
      "Papier bureautique recyclé",
      "Gestion de parc et infogérance d'impression",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 2 « Solutions d'impression »",
    cpvCodes: [
      { code: "30120000-6", label: "Photocopieurs et matériel d'impression offset" },
      { code: "30125000-1", label: "Pièces et accessoires de photocopieurs" },
      { code: "30125100-2", label: "Cartouches de toner" },
      { code: "30192113-6", label: "Cartouches d'encre" },
    ],
    clausePrefix: "imp",
  },
  {
    id: "reseaux-telecoms",
    label: "Réseaux et télécoms",
    description:
      "Équipements de réseau (commutateurs, routeurs, bornes Wi-Fi, pare-feu) et services d'opérateurs : liens, accès internet, réseaux étendus, téléphonie fixe et communications unifiées.",
    examples: [
      "Commutateurs et routeurs",
      "Bornes et contrôleurs Wi-Fi",
      "Accès internet et liaisons inter-sites",
      "Téléphonie fixe, téléphonie sur IP",
      "Maintenance et supervision réseau",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 3 « Réseaux et télécoms » (équipements de réseau et services d'opérateurs)",
    cpvCodes: [],
    clausePrefix: "res",
  },
  {
    id: "telephonie-mobile",
    label: "Téléphonie mobile",
    description:
      "Terminaux mobiles (smartphones, téléphones simples) neufs ou reconditionnés, accessoires, forfaits et services associés (gestion de flotte, reprise des anciens terminaux).",
    examples: [
      "Smartphones neufs ou reconditionnés",
      "Téléphones simples",
      "Forfaits voix et données",
      "Gestion de flotte mobile",
      "Reprise et réemploi des terminaux usagés",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 3 « Réseaux et télécoms » (terminaux et opérateurs)",
    cpvCodes: [{ code: "32250000-0", label: "Téléphones mobiles" }],
    clausePrefix: "tel",
  },
  {
    id: "infrastructures-datacenter",
    label: "Infrastructures et datacenter",
    description:
      "Matériels d'infrastructure installés dans les salles et centres de données de l'acheteur : serveurs, baies de stockage, châssis, alimentation et refroidissement, et leur maintenance.",
    examples: [
      "Serveurs en rack ou lames",
      "Baies de stockage et sauvegarde",
      "Onduleurs et distribution électrique",
      "Équipements de refroidissement",
      "Extension de maintenance des matériels existants",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 4 « Infrastructures et cloud » (matériels d'infrastructure)",
    cpvCodes: [],
    clausePrefix: "dc",
  },
  {
    id: "hebergement-cloud",
    label: "Hébergement et cloud",
    description:
      "Services d'hébergement et d'informatique en nuage : colocation, hébergement géré, infrastructure et plateforme à la demande (IaaS, PaaS), stockage et sauvegarde externalisés.",
    examples: [
      "Colocation en centre de données",
      "Hébergement géré et infogérance d'infrastructure",
      "IaaS et PaaS",
      "Stockage objet et sauvegarde externalisée",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 4 « Infrastructures et cloud » (services d'hébergement et solutions hébergées)",
    cpvCodes: [],
    clausePrefix: "heb",
  },
  {
    id: "logiciels-saas",
    label: "Logiciels et SaaS",
    description:
      "Logiciels achetés sous licence et installés chez l'acheteur, ou fournis en tant que service (SaaS), y compris leur maintenance, leurs mises à jour et la réversibilité des données.",
    examples: [
      "Suites bureautiques et messageries en ligne",
      "Progiciels métier (RH, finances, achats)",
      "Applications SaaS sur abonnement",
      "Licences et maintenance de logiciels installés",
    ],
    sourceFiche: "RGESN 2024 (la fiche 6 « Logiciels » du guide DAE 2021 n'a pas été rédigée)",
    cpvCodes: [],
    clausePrefix: "log",
  },
  {
    id: "prestations-intellectuelles",
    label: "Prestations intellectuelles",
    description:
      "Prestations intellectuelles informatiques des ESN et cabinets : conseil, assistance à maîtrise d'ouvrage, développement, tierce maintenance applicative (TMA), audits.",
    examples: [
      "Développement d'applications et de sites",
      "Tierce maintenance applicative (TMA)",
      "Conseil et assistance à maîtrise d'ouvrage",
      "Audits (sécurité, accessibilité, écoconception)",
    ],
    sourceFiche: "Guide DAE 2021 — fiche 5 « Prestations intellectuelles informatiques (P2I) »",
    cpvCodes: [],
    clausePrefix: "p2i",
  },
  {
    id: "fin-de-vie-reemploi",
    label: "Fin de vie et réemploi",
    description:
      "Services de fin d'usage des équipements : collecte des DEEE, effacement sécurisé des données, reconditionnement, revente ou don pour réemploi, recyclage et traçabilité jusqu'au traitement final, y compris le réemploi des matériels informatiques réformés par l'État et les collectivités territoriales.",
    examples: [
      "Collecte et traitement des DEEE professionnels",
      "Effacement certifié des données",
      "Reconditionnement et revente",
      "Préparation des équipements pour le don",
      "Justificatifs de réemploi des matériels informatiques réformés",
    ],
    sourceFiche:
      "inferred — chapitres « Fin de vie » et « Alternatives à l'achat du neuf » du guide DAE 2021 et clauses de reprise de ses fiches matériels",
    cpvCodes: [],
    clausePrefix: "fdv",
  },
];

function loadSegments(): readonly Segment[] {
  const result = segmentListSchema.safeParse(segmentData);
  if (!result.success) {
    throw new Error(`Segments d'achat invalides :\n${z.prettifyError(result.error)}`);
  }
  return Object.freeze(result.data);
}

/** All purchasing segments, validated, in display order. */
export const segments: readonly Segment[] = loadSegments();

const byId = new Map<string, Segment>(segments.map((s) => [s.id, s]));

/** The segment with this id, or `undefined`. */
export function getSegment(id: string): Segment | undefined {
  return byId.get(id);
}

/** True if `id` is a known segment id (type guard). */
export function isSegmentId(id: string): id is SegmentId {
  return byId.has(id);
}
