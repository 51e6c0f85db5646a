/**
 * Reading the `unit` / `unite` column: `<mass>CO2e/<activity unit>`.
 *
 * - mass: `g`, `kg` or `t` (case ignored);
 * - greenhouse-gas marker, spaces and accents ignored: `CO2e`, `CO2eq`, `CO2-eq`, `CO2 éq.`,
 *   `CO2équivalent`, and the French order `éqCO2` / `éq. CO2` (`kgéqCO2`, `kg éq. CO2`); the
 *   subscript `CO₂` is read as `CO2`. Plain `CO2` is NOT accepted: a factor in kgCO2 leaves out
 *   the other greenhouse gases and cannot be added to CO2e figures;
 * - separator `/` (or the word `par`), spaces around it ignored;
 * - activity unit: an id, French spelling or alias of `questionnaires/emission-factors/units.ts`
 *   (`unité`, `k€`, `kWh`, `utilisateur.mois`, `utilisateur.an`, `Go`, `Go.mois`,
 *   `équipement.an`, `heure`, `km`…), case and accents ignored.
 *
 * Other activity units (`MWh`, `€`, `To`, `kg`…) are rejected rather than converted: the supplier
 * restates the factor in one of the contract's units.
 */
import {
  activityUnitByToken,
  getActivityUnit,
  massUnits,
  normaliseUnitToken,
  type ActivityUnitId,
  type MassUnitId,
} from "#questionnaires/emission-factors/units";

export interface ParsedUnit {
  mass: MassUnitId;
  activity: ActivityUnitId;
  /** Multiply a value in this unit by `factorToKg` to get kgCO2e per activity unit. */
  factorToKg: number;
}

const massToKg = new Map<string, number>(massUnits.map((m) => [m.id, m.toKg]));

const NUMERATOR = /^(kg|g|t)(?:co2(?:e|eq|\.eq|equivalent|\.equivalent)|eq\.?co2)\.?$/;

function numeratorKey(text: string): string {
  return text
    .replace(/\u2082/g, "2")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s\u00a0\u202f]+/g, "")
    .replace(/[-_]+/g, ".");
}

function split(text: string): [string, string] | null {
  const slash = text.indexOf("/");
  if (slash !== -1) return [text.slice(0, slash), text.slice(slash + 1)];
  const par = /\s+par\s+/i.exec(text);
  if (par) return [text.slice(0, par.index), text.slice(par.index + par[0].length)];
  return null;
}

/** Parse an emission-factor unit (see module comment); `null` when it is not recognised. */
export function parseUnit(text: string): ParsedUnit | null {
  const parts = split(text.trim());
  if (!parts) return null;
  const numerator = NUMERATOR.exec(numeratorKey(parts[0]));
  if (!numerator) return null;
  const mass = numerator[1] as MassUnitId;
  const activity = activityUnitByToken.get(normaliseUnitToken(parts[1]));
  const factorToKg = massToKg.get(mass);
  if (activity === undefined || factorToKg === undefined) return null;
  return { mass, activity, factorToKg };
}

/** The unit as we print it: `kgCO2e/Go.mois`. */
export function formatUnit(mass: MassUnitId, activity: ActivityUnitId): string {
  return `${mass}CO2e/${getActivityUnit(activity)?.canonical ?? activity}`;
}
