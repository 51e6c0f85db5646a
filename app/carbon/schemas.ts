/**
 * Input schemas of the carbon pages (zod, French messages), shared by the actions and by
 * react-hook-form in the browser, and by the activity-data CSV import (same rules per line).
 * Pure module.
 */
import { z } from "zod";
import { activityUnitByToken, ghgCategoryNumbers, normaliseUnitToken } from "#questionnaires/emission-factors";
import { segmentIds } from "#questionnaires/segments";
import { pactExportVersions, parseDecimal, resolveSegmentId } from "#emission-factors";

const frenchDecimal = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((s, ctx) => {
      const n = parseDecimal(s);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: `« ${s} » n'est pas un nombre (ex. 75 ou 75,5)` });
        return z.NEVER;
      }
      return n;
    });

const ratioFields = {
  label: z.string({ error: "Libellé obligatoire" }).trim().min(2, "Libellé obligatoire (2 caractères au moins)").max(300, "Libellé trop long (300 caractères au plus)"),
  kgPerKEur: frenchDecimal("Valeur obligatoire (kgCO2e par k€ HT)").pipe(z.number().positive("La valeur doit être strictement positive").max(1_000_000, "Valeur invraisemblable (1 000 000 kgCO2e/k€ au plus)")),
  source: z.string({ error: "Source obligatoire" }).trim().min(2, "Indiquez la source (publication, base, version)").max(2000, "Source trop longue"),
  year: z.coerce
    .number({ error: "Année obligatoire" })
    .int("Année : nombre entier")
    .min(2000, "Année entre 2000 et l'année prochaine")
    .max(new Date().getFullYear() + 1, "Année entre 2000 et l'année prochaine"),
};

/** Editing one ratio (the form of /rse/ratios). */
export const ratioUpdateSchema = z.object({ id: z.coerce.number().int().positive(), ...ratioFields });
export type RatioUpdate = z.infer<typeof ratioUpdateSchema>;

/** Keys a CSR team may add: a purchasing segment or a scope 3 category. */
export const ratioKeys = [...segmentIds, ...ghgCategoryNumbers.map((n) => `categorie-${n}`)] as const;
export const ratioCreateSchema = z.object({
  key: z.enum(ratioKeys, { error: "Choisissez un segment ou une catégorie" }),
  ...ratioFields,
});
export type RatioCreate = z.infer<typeof ratioCreateSchema>;

// ---------------------------------------------------------------------------------------------
// Activity data (scope 3)

/** `?annee=2024` of the scope 3 page and export: a four-digit year, anything else means every year. */
export const scope3QuerySchema = z.object({
  annee: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .nullable()
    .catch(null)
    .default(null),
});

const optionalDecimal = (what: string, decimalSeparator: "," | "." = ",") =>
  z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      const s = (raw ?? "").trim();
      if (s === "") return null;
      const n = parseDecimal(s, { decimalSeparator });
      if (n === null) {
        ctx.addIssue({ code: "custom", message: `« ${s} » n'est pas un nombre (ex. 1 234,5)` });
        return z.NEVER;
      }
      if (n < 0) {
        ctx.addIssue({ code: "custom", message: `« ${s} » : ${what} doit être un nombre positif ou nul` });
        return z.NEVER;
      }
      return n;
    });

const currentYear = () => new Date().getFullYear();

/** One activity line as text fields (form or CSV row); the supplier is resolved by the caller. */
const activityShapeFor = (decimalSeparator: "," | ".") => ({
    year: z
      .string({ error: "Année obligatoire" })
      .trim()
      .regex(/^\d{4}$/, "Année sur 4 chiffres (ex. 2024)")
      .transform(Number)
      .refine((y) => y >= 2000 && y <= currentYear() + 1, "Année entre 2000 et l'année prochaine"),
    segment: z
      .string({ error: "Segment obligatoire" })
      .trim()
      .min(1, "Segment obligatoire")
      .max(200, "Segment trop long (200 caractères au plus)")
      .transform((s) => resolveSegmentId(s) ?? s),
    ghgCategory: z
      .string({ error: "Catégorie GHG obligatoire" })
      .trim()
      .regex(/^\d{1,2}$/, "Catégorie GHG Protocol : nombre entier de 1 à 15")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 15, "Catégorie GHG Protocol : nombre entier de 1 à 15"),
    item: z.string().trim().max(300, "Libellé trop long (300 caractères au plus)").optional().transform((s) => s ?? ""),
    spendKEur: optionalDecimal("la dépense", decimalSeparator),
    quantity: optionalDecimal("la quantité", decimalSeparator),
    activityUnit: z
      .string()
      .optional()
      .transform((raw, ctx): string | null => {
        const s = (raw ?? "").trim();
        if (s === "") return null;
        const id = activityUnitByToken.get(normaliseUnitToken(s));
        if (!id) {
          ctx.addIssue({ code: "custom", message: `« ${s} » n'est pas une unité d'activité reconnue (ex. unité, kWh, Go.mois, utilisateur.an, heure)` });
          return z.NEVER;
        }
        if (id === "k€") {
          ctx.addIssue({ code: "custom", message: "Une dépense en k€ se saisit dans la colonne dépense, pas comme quantité" });
          return z.NEVER;
        }
        return id;
      }),
});
const activityShape = activityShapeFor(",");

function refineActivity(v: { spendKEur: number | null; quantity: number | null; activityUnit: string | null }, ctx: z.RefinementCtx): void {
    if (v.spendKEur === null && v.quantity === null) {
      ctx.addIssue({ code: "custom", path: ["spendKEur"], message: "Indiquez une dépense en k€ HT, une quantité, ou les deux" });
    }
    if (v.quantity !== null && v.activityUnit === null) {
      ctx.addIssue({ code: "custom", path: ["activityUnit"], message: "Unité obligatoire avec une quantité" });
    }
    if (v.quantity === null && v.activityUnit !== null) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: "Quantité obligatoire avec une unité" });
    }
}

export const activityFieldsSchema = z.object(activityShape).superRefine(refineActivity);

/** The same rules for a CSV file, read with its decimal convention (`,` for `;`-separated files). */
export function createActivityFieldsSchema(decimalSeparator: "," | ".") {
  return z.object(activityShapeFor(decimalSeparator)).superRefine(refineActivity);
}
export type ActivityFields = z.output<typeof activityFieldsSchema>;

/** The activity form of /rse/scope3. */
export const activityFormSchema = z
  .object({
    supplierOrganisationId: z.coerce.number({ error: "Choisissez un fournisseur" }).int("Choisissez un fournisseur").positive("Choisissez un fournisseur"),
    ...activityShape,
  })
  .superRefine(refineActivity);
export type ActivityFormInput = z.input<typeof activityFormSchema>;

// ---------------------------------------------------------------------------------------------
// Supplier upload forms (the file itself is received separately, streamed)

const optionalId = z
  .string()
  .optional()
  .transform((s, ctx): number | null => {
    const t = (s ?? "").trim();
    if (t === "") return null;
    if (!/^\d{1,15}$/.test(t)) {
      ctx.addIssue({ code: "custom", message: "Identifiant invalide" });
      return z.NEVER;
    }
    return Number(t);
  });

export const uploadFieldsSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("csv"), tenderId: optionalId }),
  z.object({
    intent: z.literal("pact"),
    tenderId: optionalId,
    segment: z.enum(segmentIds, { error: "Choisissez le segment d'achat des empreintes importées" }),
    ghgCategory: z
      .string()
      .optional()
      .transform((s, ctx): number | null => {
        const t = (s ?? "").trim();
        if (t === "") return null;
        const n = Number(t);
        if (!Number.isInteger(n) || n < 1 || n > 15) {
          ctx.addIssue({ code: "custom", message: "Catégorie GHG Protocol : de 1 à 15" });
          return z.NEVER;
        }
        return n;
      }),
  }),
]);
export type UploadFields = z.output<typeof uploadFieldsSchema>;

// ---------------------------------------------------------------------------------------------
// PACT export: one spec version per export (`?version=2.3` or `?version=3.0`)

export const pactVersionSchema = z.enum(pactExportVersions, { error: "Version PACT : 2.3 ou 3.0" });

// ---------------------------------------------------------------------------------------------
// Price indices (/rse/deflateurs) and Base Empreinte picks (/rse/base-empreinte)

export const deflatorSchema = z.object({
  year: z
    .string({ error: "Année obligatoire" })
    .trim()
    .regex(/^\d{4}$/, "Année sur 4 chiffres (ex. 2024)")
    .transform(Number)
    .refine((y) => y >= 2000 && y <= currentYear() + 1, "Année entre 2000 et l'année prochaine"),
  index: frenchDecimal("Indice obligatoire (ex. 117,35)").pipe(z.number().positive("L'indice doit être strictement positif").max(100_000, "Indice invraisemblable")),
  source: z.string({ error: "Source obligatoire" }).trim().min(2, "Indiquez la source (série, base, date de consultation)").max(2000, "Source trop longue"),
});
export type DeflatorInput = z.output<typeof deflatorSchema>;

export const pickElementSchema = z.object({
  elementRowId: z.coerce.number({ error: "Élément inconnu" }).int().positive("Élément inconnu"),
  key: z.enum(ratioKeys, { error: "Choisissez le segment ou la catégorie où utiliser ce ratio" }),
});
export type PickElementInput = z.output<typeof pickElementSchema>;

// ---------------------------------------------------------------------------------------------
// Allocated emissions (/fournisseur/emissions-allouees)

const tonnes = (what: string, required: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx): number | null => {
      const s = (raw ?? "").trim();
      if (s === "") {
        if (required) ctx.addIssue({ code: "custom", message: `${what} : valeur obligatoire (tCO2e)` });
        return required ? z.NEVER : null;
      }
      const n = parseDecimal(s);
      if (n === null || n < 0) {
        ctx.addIssue({ code: "custom", message: `« ${s} » : ${what} doit être un nombre positif ou nul de tCO2e (ex. 12,5)` });
        return z.NEVER;
      }
      return n;
    });

export const allocatedMethods = ["revenue-share", "physical-units", "other"] as const;
export const verificationLevels = ["none", "limited", "reasonable"] as const;

export const allocatedSchema = z
  .object({
    customerOrganisationId: z.coerce.number({ error: "Choisissez l'organisation cliente" }).int("Choisissez l'organisation cliente").positive("Choisissez l'organisation cliente"),
    year: z
      .string({ error: "Année obligatoire" })
      .trim()
      .regex(/^\d{4}$/, "Année sur 4 chiffres (ex. 2025)")
      .transform(Number)
      .refine((y) => y >= 2000 && y <= currentYear(), "Année de déclaration entre 2000 et l'année en cours"),
    scope12T: tonnes("Scopes 1 et 2", true).pipe(z.number()),
    scope3UpstreamT: tonnes("Scope 3 amont", false),
    method: z.enum(allocatedMethods, { error: "Choisissez la méthode d'allocation" }),
    methodDescription: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim() || null)
      .pipe(z.string().max(2000, "Description trop longue (2 000 caractères au plus)").nullable()),
    verification: z.enum(verificationLevels, { error: "Indiquez le niveau de vérification" }),
    verifiedBy: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim() || null)
      .pipe(z.string().max(200, "Nom trop long (200 caractères au plus)").nullable()),
    uncertaintyPct: z
      .string()
      .optional()
      .transform((raw, ctx): number | null => {
        const s = (raw ?? "").trim().replace(/\s*%$/, "");
        if (s === "") return null;
        const n = parseDecimal(s);
        if (n === null || n < 0 || n > 100) {
          ctx.addIssue({ code: "custom", message: "Incertitude : un pourcentage entre 0 et 100" });
          return z.NEVER;
        }
        return n;
      }),
  })
  .superRefine((v, ctx) => {
    if (v.method === "other" && !v.methodDescription) ctx.addIssue({ code: "custom", path: ["methodDescription"], message: "Décrivez la méthode d'allocation utilisée" });
    if (v.verification !== "none" && !v.verifiedBy) ctx.addIssue({ code: "custom", path: ["verifiedBy"], message: "Nommez le vérificateur tiers" });
  });
export type AllocatedInput = z.output<typeof allocatedSchema>;
