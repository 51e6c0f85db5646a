/**
 * The 15 scope 3 categories of the GHG Protocol Corporate Value Chain (Scope 3) Standard.
 * Values of the `ghg_category` / `categorie_ghg` column of the factor file (1–15).
 *
 * IT purchases fall mainly in category 1 (services, consumables, SaaS, cloud) and 2 (hardware as
 * capital goods). French labels are ours.
 */
import { z } from "zod";

export const ghgCategoryNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15] as const;
export type GhgCategoryNumber = (typeof ghgCategoryNumbers)[number];
export const ghgCategoryNumberSchema = z.number().int().min(1).max(15);

export const ghgCategorySchema = z.strictObject({
  number: ghgCategoryNumberSchema,
  direction: z.enum(["upstream", "downstream"]),
  labelFr: z.string().min(1),
  labelEn: z.string().min(1),
});
export type GhgCategory = z.infer<typeof ghgCategorySchema>;

const data: z.input<typeof ghgCategorySchema>[] = [
  { number: 1, direction: "upstream", labelFr: "Achats de biens et services", labelEn: "Purchased goods and services" },
  { number: 2, direction: "upstream", labelFr: "Biens immobilisés", labelEn: "Capital goods" },
  {
    number: 3,
    direction: "upstream",
    labelFr: "Activités liées aux combustibles et à l'énergie (hors scopes 1 et 2)",
    labelEn: "Fuel- and energy-related activities (not included in scope 1 or scope 2)",
  },
  { number: 4, direction: "upstream", labelFr: "Transport et distribution amont", labelEn: "Upstream transportation and distribution" },
  { number: 5, direction: "upstream", labelFr: "Déchets générés par les activités", labelEn: "Waste generated in operations" },
  { number: 6, direction: "upstream", labelFr: "Déplacements professionnels", labelEn: "Business travel" },
  { number: 7, direction: "upstream", labelFr: "Déplacements domicile-travail", labelEn: "Employee commuting" },
  { number: 8, direction: "upstream", labelFr: "Actifs loués en amont", labelEn: "Upstream leased assets" },
  { number: 9, direction: "downstream", labelFr: "Transport et distribution aval", labelEn: "Downstream transportation and distribution" },
  { number: 10, direction: "downstream", labelFr: "Transformation des produits vendus", labelEn: "Processing of sold products" },
  { number: 11, direction: "downstream", labelFr: "Utilisation des produits vendus", labelEn: "Use of sold products" },
  { number: 12, direction: "downstream", labelFr: "Fin de vie des produits vendus", labelEn: "End-of-life treatment of sold products" },
  { number: 13, direction: "downstream", labelFr: "Actifs loués en aval", labelEn: "Downstream leased assets" },
  { number: 14, direction: "downstream", labelFr: "Franchises", labelEn: "Franchises" },
  { number: 15, direction: "downstream", labelFr: "Investissements", labelEn: "Investments" },
];

const listSchema = z.array(ghgCategorySchema).refine((list) => list.every((c, i) => c.number === i + 1) && list.length === 15, {
  message: "les catégories doivent être numérotées de 1 à 15, dans l'ordre",
});

function loadCategories(): readonly GhgCategory[] {
  const result = listSchema.safeParse(data);
  if (!result.success) throw new Error(`Catégories GHG Protocol invalides :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data);
}

/** Scope 3 categories 1 to 15, in order. */
export const ghgCategories: readonly GhgCategory[] = loadCategories();

/** The category with this number, or `undefined`. */
export function getGhgCategory(n: number): GhgCategory | undefined {
  return Number.isInteger(n) ? ghgCategories[n - 1] : undefined;
}
