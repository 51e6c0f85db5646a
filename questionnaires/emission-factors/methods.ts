/**
 * Calculation methods a supplier may declare for an emission factor, and the accounting bases
 * (GHG Protocol scope 2 guidance: location-based vs market-based electricity).
 *
 * Content as data, validated by zod when this module loads. Ids are the values of the `method` /
 * `methode` and `accounting` / `comptabilisation` columns of the factor file; they are stored as is.
 *
 * `qualityRank` orders methods from the most specific (1) to the least (4), following the GHG
 * Protocol hierarchy for purchased goods and services (supplier-specific product footprint >
 * average data > spend-based). `qualityPoints` is the method's share of the quality indicator
 * (see `quality-rule.ts` and README.md).
 */
import { z } from "zod";

export const methodIds = ["lca-iso14040", "iso14067", "ghg-product", "pcr-ademe", "monetary-ratio", "other"] as const;
export type MethodId = (typeof methodIds)[number];
export const methodIdSchema = z.enum(methodIds);

export const methodSchema = z.strictObject({
  id: methodIdSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  qualityRank: z.number().int().min(1).max(4),
  qualityPoints: z.number().int().min(0).max(100),
});
export type Method = z.infer<typeof methodSchema>;

const methodData: z.input<typeof methodSchema>[] = [
  {
    id: "lca-iso14040",
    label: "Analyse de cycle de vie (ISO 14040/14044)",
    description: "ACV du produit ou du service selon les normes ISO 14040 et 14044.",
    qualityRank: 1,
    qualityPoints: 40,
  },
  {
    id: "iso14067",
    label: "Empreinte carbone de produit (ISO 14067)",
    description: "Empreinte carbone du produit selon la norme ISO 14067.",
    qualityRank: 1,
    qualityPoints: 40,
  },
  {
    id: "ghg-product",
    label: "GHG Protocol Product Standard",
    description: "Empreinte du produit selon le standard produit du GHG Protocol.",
    qualityRank: 1,
    qualityPoints: 40,
  },
  {
    id: "pcr-ademe",
    label: "Référentiel sectoriel (PCR, référentiel ADEME)",
    description: "Calcul selon des règles de catégorie de produit (PCR) ou un référentiel méthodologique ADEME.",
    qualityRank: 2,
    qualityPoints: 30,
  },
  {
    id: "other",
    label: "Autre méthode",
    description: "Méthode propre au fournisseur ou non précisée (moyenne sectorielle, estimation…).",
    qualityRank: 3,
    qualityPoints: 15,
  },
  {
    id: "monetary-ratio",
    label: "Ratio monétaire",
    description:
      "Ratio en kgCO2e par k€ HT (ratio sectoriel ou ratio propre au fournisseur : inventaire GES rapporté au chiffre d'affaires). Ordre de grandeur seulement.",
    qualityRank: 4,
    qualityPoints: 5,
  },
];

export const accountingIds = ["location-based", "market-based"] as const;
export type AccountingId = (typeof accountingIds)[number];
export const accountingIdSchema = z.enum(accountingIds);

export const accountingSchema = z.strictObject({
  id: accountingIdSchema,
  label: z.string().min(1),
  description: z.string().min(1),
});
export type Accounting = z.infer<typeof accountingSchema>;

const accountingData: z.input<typeof accountingSchema>[] = [
  {
    id: "location-based",
    label: "Approche « location-based »",
    description: "Électricité comptée avec le facteur moyen du réseau du lieu de consommation.",
  },
  {
    id: "market-based",
    label: "Approche « market-based »",
    description:
      "Électricité comptée avec les facteurs des instruments contractuels (garanties d'origine, contrats d'achat direct, offres vertes), mix résiduel à défaut.",
  },
];

const methodListSchema = z.array(methodSchema).refine((list) => list.map((m) => m.id).sort().join("|") === [...methodIds].sort().join("|"), {
  message: `les méthodes doivent être exactement : ${methodIds.join(", ")}`,
});
const accountingListSchema = z.array(accountingSchema).refine((list) => list.map((a) => a.id).join("|") === accountingIds.join("|"), {
  message: `les bases de comptabilisation doivent être exactement : ${accountingIds.join(", ")}`,
});

function load<T>(what: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${what} invalides :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data);
}

/** Methods, from the best quality rank to the lowest. */
export const methods: readonly Method[] = load("Méthodes de calcul", methodListSchema, methodData);
export const accountingBases: readonly Accounting[] = load("Bases de comptabilisation", accountingListSchema, accountingData);

const methodById = new Map<string, Method>(methods.map((m) => [m.id, m]));

/** The method with this id, or `undefined`. */
export function getMethod(id: string): Method | undefined {
  return methodById.get(id);
}
