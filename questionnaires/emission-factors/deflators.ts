/**
 * Default price index per year, to express a spend in the euros of a monetary ratio's year
 * (ADEME: a monetary factor is in kgCO2e per k€ HT *of a given year*, inflation matters —
 * shared/reference/emission-factors.md §1.3). A CSR team edits its own table in the portal
 * (`/rse/deflateurs`); this file is the default set it starts from.
 *
 * ⚠ À VÉRIFIER [UNVERIFIED]: annual averages of the INSEE consumer price index (IPC, ensemble des
 * ménages, France, base 2015 = 100) as remembered by a contributor, not read from insee.fr in this
 * project; 2025 is an estimate. Each value is shown « à vérifier » with this source until the CSR
 * team confirms or replaces it (a producer price index or the GDP deflator may suit purchases better).
 *
 * Conversion: spend of year Y in euros of year R = spend × index(R) / index(Y).
 */
import { z } from "zod";

export const deflatorSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  /** Price index of the year (any base, the same for every year of the table). */
  index: z.number().positive(),
  source: z.string().min(1),
});
export type Deflator = z.infer<typeof deflatorSchema>;

export const DEFLATOR_DEFAULT_SOURCE =
  "INSEE, indice des prix à la consommation, ensemble des ménages, France, base 2015, moyenne annuelle — valeur par défaut à vérifier sur insee.fr";

const data: z.input<typeof deflatorSchema>[] = [
  { year: 2015, index: 100, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2016, index: 100.18, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2017, index: 101.21, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2018, index: 103.05, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2019, index: 104.2, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2020, index: 104.73, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2021, index: 106.43, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2022, index: 111.96, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2023, index: 117.35, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2024, index: 119.76, source: DEFLATOR_DEFAULT_SOURCE },
  { year: 2025, index: 121, source: `${DEFLATOR_DEFAULT_SOURCE} (2025 : estimation)` },
];

function load(): readonly Deflator[] {
  const result = z
    .array(deflatorSchema)
    .refine((list) => new Set(list.map((d) => d.year)).size === list.length, "année en double")
    .safeParse(data);
  if (!result.success) throw new Error(`Indices de prix par défaut invalides :\n${z.prettifyError(result.error)}`);
  return Object.freeze(result.data.map((d) => Object.freeze(d)));
}

/** The default price indices (« à vérifier »). */
export const defaultDeflators: readonly Deflator[] = load();
