/**
 * Reference data of the emission-factor file (content as data, zod-validated at load, no I/O):
 * units, calculation methods and accounting bases, GHG Protocol scope 3 categories, default
 * reference monetary ratios and the quality-indicator rule. See README.md.
 */
export * from "./units";
export * from "./methods";
export * from "./ghg-categories";
export * from "./reference-ratios";
export * from "./quality-rule";
export * from "./deflators";
