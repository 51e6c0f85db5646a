/**
 * Units of the emission-factor file: mass units of the CO2e numerator and activity units of the
 * denominator (`<mass>CO2e/<activity unit>`, e.g. `kgCO2e/kWh`, `kgCO2e/Go.mois`).
 *
 * Content as data, validated by zod when this module loads. Identifiers are stable: they are stored
 * with every imported factor (`factors.activity_unit`). The activity-unit ids are the English
 * spellings of the file contract; `canonical` is the French spelling we print in templates and pages.
 *
 * Aliases are compared after `normaliseUnitToken` (lower case, accents removed, spaces removed,
 * `/ - _ ·` and ` par ` turned into `.`), so `Utilisateur / mois`, `utilisateur par mois` and
 * `user.month` are the same token. Aliases must be unique across units (checked at load).
 */
import { z } from "zod";

/** Turn a unit spelling into the comparison key used for aliases (see module comment). */
export function normaliseUnitToken(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+par\s+/g, ".")
    .replace(/[\s\u00a0\u202f]+/g, "")
    .replace(/[/\-_·×*]+/g, ".")
    .replace(/\.+/g, ".")
    .replace(/^\.|\.$/g, "");
}

// ---------------------------------------------------------------------------------------------
// Mass units (numerator)

export const massUnitIds = ["g", "kg", "t"] as const;
export type MassUnitId = (typeof massUnitIds)[number];
export const massUnitIdSchema = z.enum(massUnitIds);

export const massUnitSchema = z.strictObject({
  id: massUnitIdSchema,
  label: z.string().min(1),
  /** Multiply a value in this unit by `toKg` to get kilograms. */
  toKg: z.number().positive(),
});
export type MassUnit = z.infer<typeof massUnitSchema>;

const massUnitData: z.input<typeof massUnitSchema>[] = [
  { id: "g", label: "gramme", toKg: 0.001 },
  { id: "kg", label: "kilogramme", toKg: 1 },
  { id: "t", label: "tonne", toKg: 1000 },
];

// ---------------------------------------------------------------------------------------------
// Activity units (denominator)

export const activityUnitIds = [
  "unit",
  "k€",
  "kWh",
  "user.month",
  "user.year",
  "GB",
  "GB.month",
  "device.year",
  "hour",
  "km",
] as const;
export type ActivityUnitId = (typeof activityUnitIds)[number];
export const activityUnitIdSchema = z.enum(activityUnitIds);

/** WBCSD PACT declared units that map one-to-one to one of ours (v2 and/or v3 spelling). */
export const pactDeclaredUnits = ["piece", "kilowatt hour", "hour"] as const;
export type PactDeclaredUnit = (typeof pactDeclaredUnits)[number];

export const activityUnitSchema = z.strictObject({
  id: activityUnitIdSchema,
  /** French label, as shown in pages: « kgCO2e par {label} ». */
  label: z.string().min(1),
  /** French spelling used in the published template and in pages (e.g. `Go.mois`). */
  canonical: z.string().min(1),
  /** Accepted spellings (compared after `normaliseUnitToken`); the id and `canonical` are implied. */
  aliases: z.array(z.string().min(1)),
  /** True for spend-based units (kgCO2e per k€ HT): comparable with the reference monetary ratios. */
  monetary: z.boolean(),
  /** The PACT declared unit with the same meaning, if any. */
  pact: z.enum(pactDeclaredUnits).nullable(),
});
export type ActivityUnit = z.infer<typeof activityUnitSchema>;

const activityUnitData: z.input<typeof activityUnitSchema>[] = [
  {
    id: "unit",
    label: "unité (pièce, équipement, licence…)",
    canonical: "unité",
    aliases: ["units", "unités", "u", "pièce", "pièces", "pce", "piece", "item", "exemplaire"],
    monetary: false,
    pact: "piece",
  },
  {
    id: "k€",
    label: "millier d'euros HT dépensé",
    canonical: "k€",
    aliases: ["k€ HT", "kEUR", "kEUR HT", "keuro", "keuros", "k euros", "milliers d'euros", "millier d'euros"],
    monetary: true,
    pact: null,
  },
  {
    id: "kWh",
    label: "kilowattheure",
    canonical: "kWh",
    aliases: ["kilowattheure", "kilowattheures", "kilowatt-heure", "kilowatt hour", "kW.h"],
    monetary: false,
    pact: "kilowatt hour",
  },
  {
    id: "user.month",
    label: "utilisateur et par mois",
    canonical: "utilisateur.mois",
    aliases: ["utilisateur/mois", "utilisateur mois", "user/month", "user-month", "usager.mois"],
    monetary: false,
    pact: null,
  },
  {
    id: "user.year",
    label: "utilisateur et par an",
    canonical: "utilisateur.an",
    aliases: ["utilisateur/an", "utilisateur.année", "utilisateur/année", "user/year", "user-year", "usager.an"],
    monetary: false,
    pact: null,
  },
  {
    id: "GB",
    label: "gigaoctet",
    canonical: "Go",
    aliases: ["gigaoctet", "gigaoctets", "gigabyte", "gigabytes", "Gio"],
    monetary: false,
    pact: null,
  },
  {
    id: "GB.month",
    label: "gigaoctet stocké et par mois",
    canonical: "Go.mois",
    aliases: ["Go/mois", "GB/month", "GB-month", "gigaoctet.mois", "Gio.mois"],
    monetary: false,
    pact: null,
  },
  {
    id: "device.year",
    label: "équipement et par an",
    canonical: "équipement.an",
    aliases: ["équipement/an", "équipement.année", "appareil.an", "appareil/an", "device/year", "device-year"],
    monetary: false,
    pact: null,
  },
  {
    id: "hour",
    label: "heure",
    canonical: "heure",
    aliases: ["h", "heures", "hours", "hr"],
    monetary: false,
    pact: "hour",
  },
  {
    id: "km",
    label: "kilomètre",
    canonical: "km",
    aliases: ["kilomètre", "kilomètres", "kilometer", "kilometers"],
    monetary: false,
    pact: null,
  },
];

const activityUnitListSchema = z.array(activityUnitSchema).superRefine((list, ctx) => {
  if (list.map((u) => u.id).join("|") !== activityUnitIds.join("|")) {
    ctx.addIssue({ code: "custom", message: `les unités doivent être exactement, dans l'ordre : ${activityUnitIds.join(", ")}` });
  }
  const seen = new Map<string, string>();
  for (const unit of list) {
    for (const spelling of new Set([unit.id, unit.canonical, ...unit.aliases].map(normaliseUnitToken))) {
      const owner = seen.get(spelling);
      if (owner !== undefined) {
        ctx.addIssue({ code: "custom", message: `alias « ${spelling} » partagé par ${owner} et ${unit.id}` });
      }
      seen.set(spelling, unit.id);
    }
  }
});

function load<T>(what: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new Error(`${what} invalides :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data);
}

export const massUnits: readonly MassUnit[] = load("Unités de masse", z.array(massUnitSchema), massUnitData);
export const activityUnits: readonly ActivityUnit[] = load("Unités d'activité", activityUnitListSchema, activityUnitData);

const activityById = new Map<string, ActivityUnit>(activityUnits.map((u) => [u.id, u]));

/** The activity unit with this id, or `undefined`. */
export function getActivityUnit(id: string): ActivityUnit | undefined {
  return activityById.get(id);
}

/** Normalised spelling → activity unit id, for every id, canonical spelling and alias. */
export const activityUnitByToken: ReadonlyMap<string, ActivityUnitId> = new Map(
  activityUnits.flatMap((u) => [u.id, u.canonical, ...u.aliases].map((s) => [normaliseUnitToken(s), u.id] as const)),
);
