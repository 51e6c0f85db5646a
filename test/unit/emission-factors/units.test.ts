import { describe, expect, it } from "vitest";
import { formatUnit, parseUnit } from "#emission-factors/units";

describe("parseUnit", () => {
  it.each([
    ["kgCO2e/kWh", "kg", "kWh", 1],
    ["kg CO2e / kWh", "kg", "kWh", 1],
    ["kgCO2eq/kWh", "kg", "kWh", 1],
    ["kgCO2-eq/kWh", "kg", "kWh", 1],
    ["kg CO2 éq./kWh", "kg", "kWh", 1],
    ["kgéqCO2/kWh", "kg", "kWh", 1],
    ["kg éq. CO2/kWh", "kg", "kWh", 1],
    ["kgCO₂e/kWh", "kg", "kWh", 1],
    ["KGCO2E/KWH", "kg", "kWh", 1],
    ["gCO2e/kWh", "g", "kWh", 0.001],
    ["tCO2e/k€", "t", "k€", 1000],
    ["kgCO2e/k€ HT", "kg", "k€", 1],
    ["kgCO2e/kEUR", "kg", "k€", 1],
    ["kgCO2e/unité", "kg", "unit", 1],
    ["kgCO2e/unite", "kg", "unit", 1],
    ["kgCO2e/unit", "kg", "unit", 1],
    ["kgCO2e/pièce", "kg", "unit", 1],
    ["kgCO2e/utilisateur.mois", "kg", "user.month", 1],
    ["kgCO2e/utilisateur/mois", "kg", "user.month", 1],
    ["kgCO2e par utilisateur par mois", "kg", "user.month", 1],
    ["kgCO2e/user.month", "kg", "user.month", 1],
    ["kgCO2e/utilisateur.an", "kg", "user.year", 1],
    ["kgCO2e/user.year", "kg", "user.year", 1],
    ["kgCO2e/Go", "kg", "GB", 1],
    ["kgCO2e/GB", "kg", "GB", 1],
    ["kgCO2e/Go.mois", "kg", "GB.month", 1],
    ["kgCO2e/GB.month", "kg", "GB.month", 1],
    ["kgCO2e/équipement.an", "kg", "device.year", 1],
    ["kgCO2e/equipement.an", "kg", "device.year", 1],
    ["kgCO2e/device.year", "kg", "device.year", 1],
    ["kgCO2e/heure", "kg", "hour", 1],
    ["kgCO2e/h", "kg", "hour", 1],
    ["kgCO2e/hour", "kg", "hour", 1],
    ["kgCO2e/km", "kg", "km", 1],
  ])("%j → %s per %s", (text, mass, activity, factorToKg) => {
    expect(parseUnit(text)).toEqual({ mass, activity, factorToKg });
  });

  it.each([
    "kgCO2/kWh", // CO2 only, not CO2e
    "kgCO2e/MWh",
    "kgCO2e/€",
    "kgCO2e/To",
    "kgCO2e/kg",
    "kgCO2e",
    "kWh",
    "mgCO2e/kWh",
    "kgCH4/kWh",
    "kg/kWh",
    "",
  ])("%j → null", (text) => {
    expect(parseUnit(text)).toBeNull();
  });

  it("formats a unit with the French spelling of the activity", () => {
    expect(formatUnit("kg", "GB.month")).toBe("kgCO2e/Go.mois");
    expect(formatUnit("t", "unit")).toBe("tCO2e/unité");
  });
});
