import { describe, expect, it } from "vitest";
import { inventoryFigure, type SupplierFigures } from "~/carbon/supplier-figures";

const base: SupplierFigures = {
  supplierOrganisationId: 1,
  supplierName: "Fournisseur",
  year: 2025,
  spendRatioKg: 17000,
  activityFactorsKg: 10000,
  activityComplete: true,
  activityVerified: true,
  allocatedKg: 10600,
  allocatedComplete: true,
  allocatedVerified: true,
};

describe("inventoryFigure: the most specific verified figure first", () => {
  it("takes activity × supplier factors when complete and verified", () => {
    expect(inventoryFigure(base)).toMatchObject({ kind: "activity-factors", kg: 10000 });
  });
  it("prefers verified allocated emissions to unverified supplier factors", () => {
    expect(inventoryFigure({ ...base, activityVerified: false })).toMatchObject({ kind: "allocated", kg: 10600, reason: expect.stringMatching(/vérifié le plus spécifique/) });
  });
  it("falls back to the most specific unverified figure, and says so", () => {
    expect(inventoryFigure({ ...base, activityVerified: false, allocatedVerified: false })).toMatchObject({ kind: "activity-factors", reason: expect.stringMatching(/non vérifié$/) });
  });
  it("never uses a partial figure: factors for part of the purchases, or allocations without scope 3 upstream", () => {
    const choice = inventoryFigure({ ...base, activityComplete: false, allocatedComplete: false });
    expect(choice.kind).toBe("spend-ratio");
    expect(choice.reason).toBe(
      "dépense × ratio monétaire : aucun chiffre spécifique complet (facteurs du fournisseur pour une partie des achats seulement ; émissions allouées sans le scope 3 amont)",
    );
  });
  it("uses allocated emissions alone when the CSR team has no activity data, and nothing when there is no figure", () => {
    expect(inventoryFigure({ ...base, spendRatioKg: null, activityFactorsKg: null, activityComplete: false })).toMatchObject({ kind: "allocated" });
    expect(inventoryFigure({ ...base, spendRatioKg: null, activityFactorsKg: null, allocatedKg: null })).toEqual({ kind: null, kg: null, reason: "aucun chiffre disponible" });
  });
});
