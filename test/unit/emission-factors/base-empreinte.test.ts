import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { monetaryMultiplier, readBaseEmpreinte } from "#emission-factors/base-empreinte";

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "../../fixtures/base-empreinte", name)));

describe("readBaseEmpreinte (ADEME export layout, fictitious fixture)", () => {
  it("reads the Windows-1252 export: valid monetary Elément lines with their Poste lines, identifier, name, unit, year, status", () => {
    const read = readBaseEmpreinte(fixture("export-exemple.csv"));
    expect(read.encoding).toBe("windows-1252");
    expect(read.errors).toEqual([]);
    expect(read.elements.map((e) => [e.line, e.id, e.kgPerKEur, e.unit, e.year, e.yearFrom, e.status])).toEqual([
      [2, "990001", 120.5, "kgCO2e/k€HT", 2022, "name", "Valide générique"],
      // Line 2 holds a two-line quoted comment: the next element starts on physical line 6.
      [6, "990002", 480, "kgCO2e/k€HT 2022", 2022, "unit", "Valide générique"],
      [7, "990003", 160, "kgCO2e/k€HT", 2023, "creation-date", "Valide générique"],
      [12, "990008", 80, "kgCO2e/€", 2021, "name", "Valide spécifique"],
    ]);
    expect(read.elements[0]!.name).toBe("Programmation, conseil et autres activités informatiques — NAF 62");
    expect(read.elements[0]!.posts).toEqual([
      { line: 4, type: "Amont", name: "Production amont", value: 100.5 },
      { line: 5, type: "Combustion", name: "Combustion sur site", value: 20 },
    ]);
    expect(read.refused).toEqual([
      { line: 8, id: "990004", name: "Postes et télécommunications — ancien ratio", reason: "élément archivé (statut « Archivé ») : remplacé ou retiré par l'ADEME, il ne doit plus servir" },
      { line: 9, id: "990005", name: "Réparation d'ordinateurs — NAF 95.11", reason: "statut « Brouillon » : seuls les éléments valides (générique ou spécifique) sont retenus" },
      { line: 11, id: "990007", name: "Dépenses informatiques — données d'entrée", reason: "type « Données source » : ce n'est pas un facteur d'émission" },
    ]);
    expect(read.nonMonetary).toBe(1);
  });

  it("gives line-numbered French errors for bad lines", () => {
    const read = readBaseEmpreinte(fixture("export-erreurs.csv"));
    expect(read.errors).toEqual([
      { line: 3, message: "« Total poste non décomposé » : « beaucoup » n'est pas un nombre (virgule décimale attendue, ex. 75,2)" },
      { line: 4, message: "l'élément 990001 figure deux fois (une seule ligne « Elément » par identifiant)" },
      { line: 5, message: "« Type Ligne » : « Sous-total » inconnu (attendu : Elément ou Poste)" },
      { line: 6, message: "poste de l'élément 990099, qui n'a pas de ligne « Elément » dans le fichier" },
      { line: 7, message: "« Identifiant de l'élément » vide" },
    ]);
    expect(read.refused.map((r) => r.id)).toEqual(["990004"]);
  });

  it("refuses a file that is not an export, naming the missing columns", () => {
    const read = readBaseEmpreinte(new TextEncoder().encode("libelle;valeur\nx;1\n"));
    expect(read.errors[0]).toEqual({
      line: 1,
      message: expect.stringMatching(/^ce n'est pas un export de la Base Empreinte : colonnes « Type Ligne », « Identifiant de l'élément »/),
    });
  });

  it("knows monetary units", () => {
    expect(monetaryMultiplier("kgCO2e/k€HT")).toBe(1);
    expect(monetaryMultiplier("kgCO2e/k€ HT 2021")).toBe(1);
    expect(monetaryMultiplier("kgCO2e/€")).toBe(1000);
    expect(monetaryMultiplier("tCO2e/k€")).toBe(1000);
    expect(monetaryMultiplier("kgCO2e/kWh")).toBeNull();
  });
});
