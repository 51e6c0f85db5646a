/**
 * Default reference monetary ratios (kgCO2e per k€ HT), used to flag implausible supplier factors
 * (`plausibilityOf` in emission-factors/). A buying organisation's CSR team can edit them in the
 * portal (stored in the `reference_ratios` table, same fields); this file is the default set.
 *
 * ⚠ DEMO SET — NOT A REFERENCE. Shown in the portal as « jeu de démonstration » until the CSR team
 * replaces each ratio with an element picked from its own ADEME Base Empreinte export
 * (`/rse/base-empreinte`, issue 18). Provenance per value:
 * - IT services, machines, other services: our research notes (shared/reference/emission-factors.md
 *   §1.3) saw them in third-party code citing ADEME Base Carbone v23.6 monetary ratios (2023), not
 *   in ADEME's own export [FOUND-3P];
 * - NAF 26 (computers, electronic and optical products) and NAF 63.11 (data processing, hosting):
 *   demo values with NO source (our notes have none), so that these segments no longer borrow
 *   another sector's ratio; replace them first.
 *
 * Matching (see emission-factors/plausibility.ts): a ratio whose `key` is a purchasing-segment
 * id applies to factors of that segment; otherwise a ratio whose `ghgCategory` is set applies to
 * factors of that scope 3 category that have no segment ratio. Ratios with neither (`naf-…` keys)
 * are informational: available for the CSR team to copy onto a segment.
 */
import { z } from "zod";
import { segmentIds } from "../segments";
import { ghgCategoryNumberSchema } from "./ghg-categories";

export const referenceRatioSchema = z.strictObject({
  /** Stable key: a purchasing-segment id, `categorie-N`, or `naf-…` for informational entries. */
  key: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "clé : minuscules ASCII, chiffres et tirets"),
  /** French label of the economic sector the ratio describes. */
  label: z.string().min(1),
  /** kgCO2e per k€ HT, for the year `year` (euros of that year). */
  kgPerKEur: z.number().positive(),
  /** Scope 3 category the ratio is the default for, when it is a category-level ratio. */
  ghgCategory: ghgCategoryNumberSchema.nullable(),
  /** Publication or document the value comes from. */
  source: z.string().min(1),
  /** Year of the euros (and of the data). */
  year: z.number().int().min(2000).max(2100),
  /** Always true for this default set: shown as « jeu de démonstration ». */
  illustrative: z.boolean(),
  /** Caveat shown to the CSR team (proxy sector, provenance…). */
  note: z.string().min(1).nullable(),
});
export type ReferenceRatio = z.infer<typeof referenceRatioSchema>;

const SOURCE_V23_6 =
  "ADEME Base Carbone v23.6, ratios monétaires 2023 — valeur relevée dans un outil tiers, à vérifier dans Base Empreinte";

const IT_SERVICES = "Programmation, conseil et autres activités informatiques ; services d'information";
const MACHINES = "Machines et équipements";
const NAF_26 = "Fabrication de produits informatiques, électroniques et optiques (NAF 26)";
const NAF_63_11 = "Traitement de données, hébergement et activités connexes (NAF 63.11)";
const UNSOURCED = "Valeur de démonstration NON SOURCÉE — remplacez-la par le ratio NAF correspondant de la Base Empreinte";
/** Demo values without source (see the module comment). */
const DEMO_NAF_26 = 500;
const DEMO_NAF_63_11 = 150;

const data: z.input<typeof referenceRatioSchema>[] = [
  {
    key: "prestations-intellectuelles",
    label: IT_SERVICES,
    kgPerKEur: 75,
    ghgCategory: null,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: null,
  },
  {
    key: "logiciels-saas",
    label: IT_SERVICES,
    kgPerKEur: 75,
    ghgCategory: null,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: "Édition de logiciels et SaaS rattachés aux services d'information.",
  },
  {
    key: "hebergement-cloud",
    label: NAF_63_11,
    kgPerKEur: DEMO_NAF_63_11,
    ghgCategory: null,
    source: UNSOURCED,
    year: 2023,
    illustrative: true,
    note: "Démonstration non sourcée : hébergement et traitement de données (NAF 63.11).",
  },
  {
    key: "impression",
    label: MACHINES,
    kgPerKEur: 273,
    ghgCategory: null,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: "Les machines de bureau relèvent des machines et équipements ; consommables et papier non distingués.",
  },
  {
    key: "postes-de-travail",
    label: NAF_26,
    kgPerKEur: DEMO_NAF_26,
    ghgCategory: null,
    source: UNSOURCED,
    year: 2023,
    illustrative: true,
    note: "Démonstration non sourcée : ordinateurs et périphériques (NAF 26).",
  },
  {
    key: "infrastructures-datacenter",
    label: NAF_26,
    kgPerKEur: DEMO_NAF_26,
    ghgCategory: null,
    source: UNSOURCED,
    year: 2023,
    illustrative: true,
    note: "Démonstration non sourcée : serveurs et stockage (NAF 26).",
  },
  {
    key: "categorie-2",
    label: `${MACHINES} (biens immobilisés, par défaut)`,
    kgPerKEur: 273,
    ghgCategory: 2,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: "Valeur par défaut des biens immobilisés sans ratio de segment.",
  },
  {
    key: "naf-26",
    label: NAF_26,
    kgPerKEur: DEMO_NAF_26,
    ghgCategory: null,
    source: UNSOURCED,
    year: 2023,
    illustrative: true,
    note: "Informatif : valeur de démonstration non sourcée.",
  },
  {
    key: "naf-63-11",
    label: NAF_63_11,
    kgPerKEur: DEMO_NAF_63_11,
    ghgCategory: null,
    source: UNSOURCED,
    year: 2023,
    illustrative: true,
    note: "Informatif : valeur de démonstration non sourcée.",
  },
  {
    key: "naf-autres-services-specialises",
    label: "Autres services spécialisés, scientifiques et techniques",
    kgPerKEur: 110,
    ghgCategory: null,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: "Informatif : rattaché à aucun segment par défaut.",
  },
  {
    key: "naf-juridique-comptable-conseil-gestion",
    label: "Services juridiques et comptables ; conseil de gestion",
    kgPerKEur: 67,
    ghgCategory: null,
    source: SOURCE_V23_6,
    year: 2023,
    illustrative: true,
    note: "Informatif : rattaché à aucun segment par défaut (pourrait convenir à l'assistance à maîtrise d'ouvrage).",
  },
];

const listSchema = z.array(referenceRatioSchema).superRefine((list, ctx) => {
  const keys = new Set<string>();
  const segments = new Set<string>(segmentIds);
  for (const r of list) {
    if (keys.has(r.key)) ctx.addIssue({ code: "custom", message: `clé en double : ${r.key}` });
    keys.add(r.key);
    const isSegment = segments.has(r.key);
    const isCategory = /^categorie-\d+$/.test(r.key);
    if (!isSegment && !isCategory && !r.key.startsWith("naf-")) {
      ctx.addIssue({ code: "custom", message: `clé « ${r.key} » : ni un segment, ni « categorie-N », ni « naf-… »` });
    }
    if (isCategory && r.key !== `categorie-${r.ghgCategory}`) {
      ctx.addIssue({ code: "custom", message: `clé « ${r.key} » : la catégorie GHG doit correspondre` });
    }
  }
});

function loadRatios(): readonly ReferenceRatio[] {
  const result = listSchema.safeParse(data);
  if (!result.success) throw new Error(`Ratios monétaires de référence invalides :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data.map((r) => Object.freeze(r)));
}

/** The default reference monetary ratios (illustrative, to verify). */
export const defaultReferenceRatios: readonly ReferenceRatio[] = loadRatios();
