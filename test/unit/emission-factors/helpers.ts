import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const FIXTURES = join(ROOT, "test/fixtures/emission-factors");

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export function fixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** The three factors every "accepted variation" fixture holds (see make-fixtures.ts), without `line` and `extra`. */
export const BASE_FACTORS = [
  {
    item: "Ordinateur portable 14 pouces (reconditionné)",
    segment: "postes-de-travail",
    ghgCategory: 2,
    value: 38.5,
    unit: "kgCO2e/unité",
    massUnit: "kg",
    activityUnit: "unit",
    valueKgPerUnit: 38.5,
    uncertaintyPct: 30,
    method: "lca-iso14040",
    accounting: "location-based",
    referenceYear: 2024,
    verifiedBy: "Vérif’Carbone",
    source: "fiche ACV",
  },
  {
    item: "Hébergement mutualisé, par Go stocké",
    segment: "hebergement-cloud",
    ghgCategory: 1,
    value: 0.35,
    unit: "kgCO2e/Go.mois",
    massUnit: "kg",
    activityUnit: "GB.month",
    valueKgPerUnit: 0.35,
    uncertaintyPct: null,
    method: "ghg-product",
    accounting: "market-based",
    referenceYear: 2023,
    verifiedBy: null,
    source: null,
  },
  {
    item: "Prestation de développement — forfait",
    segment: "prestations-intellectuelles",
    ghgCategory: 1,
    value: 95,
    unit: "kgCO2e/k€",
    massUnit: "kg",
    activityUnit: "k€",
    valueKgPerUnit: 95,
    uncertaintyPct: 50,
    method: "monetary-ratio",
    accounting: null,
    referenceYear: 2022,
    verifiedBy: null,
    source: "rapport GES 2022",
  },
] as const;
