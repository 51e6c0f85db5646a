/**
 * Generic 1–5 maturity scale used to mark each open answer of the supplier maturity guide.
 *
 * Sources:
 * - Levels and labels (1 Inexistant · 2 Émergent · 3 Intermédiaire · 4 Avancé · 5 Maximum): the ADEME/ANCT
 *   self-assessment grid used in ADEME/ANCT sobriété-numérique workshops for local authorities, as reported in
 *   the project's source documents (ADEME Normandie training day, Caen, 14 November 2024). No public text with
 *   these labels was found; results there are averaged per dimension to one decimal.
 * - Descriptors: NR Procure proposal (not ADEME's, ANCT's nor INR's wording), built on the INR usage rules for
 *   the stakeholder-maturity guide: maturity is not performance, an intention (« nous allons… ») is not a
 *   practice, evidence is required and certificates count only for their scope and validity period.
 *   Rough correspondence: level 2 ≈ Cigref « initial », 3 ≈ « localisé », 4–5 ≈ « managé ».
 *
 * Per-question descriptors, when a question has them, live in the guide (`questionnaires/guide/`) and refine
 * this scale; they never contradict it.
 */
import { z } from "zod";

export const MATURITY_LEVELS = [1, 2, 3, 4, 5] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

export const maturityLevelSchema = z.literal(MATURITY_LEVELS);

const frenchText = z.string().regex(/\S/, "Texte vide");

export const maturityScaleEntrySchema = z.strictObject({
  level: maturityLevelSchema,
  label: frenchText,
  descriptor: frenchText,
});
export type MaturityScaleEntry = z.infer<typeof maturityScaleEntrySchema>;

export const maturityScaleSchema = z
  .array(maturityScaleEntrySchema)
  .refine(
    (entries) =>
      entries.length === MATURITY_LEVELS.length && entries.every((entry, i) => entry.level === MATURITY_LEVELS[i]),
    { message: "L'échelle doit comporter les niveaux 1 à 5, dans l'ordre, une fois chacun" },
  );

const maturityScaleData = [
  {
    level: 1,
    label: "Inexistant",
    descriptor:
      "Rien n'est en place : absence de réponse, réponse hors sujet ou simple intention (« nous allons… ») sans pratique effective.",
  },
  {
    level: 2,
    label: "Émergent",
    descriptor:
      "Actions ponctuelles ou isolées, sans responsable désigné ni politique formalisée ; peu ou pas d'éléments de preuve.",
  },
  {
    level: 3,
    label: "Intermédiaire",
    descriptor:
      "Politique ou processus formalisé, doté d'un responsable, appliqué sur une partie du périmètre ; quelques éléments de preuve.",
  },
  {
    level: 4,
    label: "Avancé",
    descriptor:
      "Démarche déployée sur l'ensemble du périmètre, pilotée par des indicateurs et des objectifs ; preuves probantes (certificats valides pour le bon périmètre, documents référencés avec numéro de page).",
  },
  {
    level: 5,
    label: "Maximum",
    descriptor:
      "Démarche portée au plus haut niveau de la direction, résultats démontrés dans la durée, vérifiés par un tiers et étendus aux fournisseurs et à l'écosystème.",
  },
] satisfies MaturityScaleEntry[];

function loadScale(): readonly Readonly<MaturityScaleEntry>[] {
  const result = maturityScaleSchema.safeParse(maturityScaleData);
  if (!result.success) {
    throw new Error(`Échelle de maturité invalide :\n${z.prettifyError(result.error)}`);
  }
  return Object.freeze(result.data.map((entry) => Object.freeze(entry)));
}

/** The five levels, in order (index 0 = level 1). Validated and frozen at load time. */
export const maturityScale = loadScale();

export function isMaturityLevel(value: unknown): value is MaturityLevel {
  return maturityLevelSchema.safeParse(value).success;
}

export function getMaturityLevel(level: MaturityLevel): Readonly<MaturityScaleEntry> {
  const entry = maturityScale[level - 1];
  if (!entry) throw new Error(`Niveau de maturité inconnu : ${String(level)}`);
  return entry;
}
