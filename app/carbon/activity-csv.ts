/**
 * The activity-data CSV of the scope 3 page (CSR team): same conventions as the factor file —
 * UTF-8 (BOM or not) or Windows-1252, `;` / `,` / tab detected, decimal commas, spaces as thousands
 * separators, quoted fields, header names French or English with case and accents ignored.
 * All or nothing: every problem of every line is returned, in French, with line and column.
 *
 * | column (French)  | English       | required | content |
 * |------------------|---------------|----------|---------|
 * | fournisseur      | supplier      | yes      | name of a supplier linked to the organisation |
 * | annee            | year          | yes      | year of the purchases |
 * | segment          | segment       | yes      | purchasing segment id or label (or free text) |
 * | categorie_ghg    | ghg_category  | yes      | GHG Protocol scope 3 category, 1–15 |
 * | libelle          | item          | no       | product or service (to match a supplier factor) |
 * | depense_keur_ht  | spend_keur    | *        | spend in k€ HT |
 * | quantite         | quantity      | *        | quantity, in `unite` |
 * | unite            | unit          | *        | activity unit of the quantity (unité, kWh, Go.mois…) |
 * (*) a spend, a quantity with its unit, or both.
 *
 * Files are small (a few thousand lines): parsed in memory. Pure module.
 */
import Papa from "papaparse";
import { normaliseHeaderName, type FactorIssue } from "#emission-factors";
import { toCsv } from "~/lib/csv";
import { createActivityFieldsSchema, type ActivityFields } from "./schemas";
import { itemKey } from "./scope3";

export const activityColumnSpecs = [
  { name: "supplier", french: "fournisseur", required: true, aliases: ["supplier_name"], description: "nom du fournisseur (tel qu'il apparaît dans le portail)" },
  { name: "year", french: "annee", required: true, aliases: [], description: "année des achats" },
  { name: "segment", french: "segment", required: true, aliases: [], description: "segment d'achat (identifiant ou libellé)" },
  { name: "ghgCategory", french: "categorie_ghg", required: true, aliases: ["ghg_category"], description: "catégorie du scope 3 du GHG Protocol, de 1 à 15" },
  { name: "item", french: "libelle", required: false, aliases: [], description: "produit ou service, pour retrouver le facteur du fournisseur" },
  {
    name: "spendKEur",
    french: "depense_keur_ht",
    required: false,
    aliases: ["spend_keur", "depense_k€_ht", "depense_keur", "depense_k€", "spend_k€"],
    description: "dépense en milliers d'euros HT",
  },
  { name: "quantity", french: "quantite", required: false, aliases: [], description: "quantité achetée, dans l'unité ci-dessous" },
  { name: "activityUnit", french: "unite", required: false, aliases: ["unit", "activity_unit"], description: "unité de la quantité : unité, kWh, Go.mois, utilisateur.an, heure…" },
] as const;

export type ActivityColumn = (typeof activityColumnSpecs)[number]["name"];

const columnByKey = new Map<string, ActivityColumn>(
  activityColumnSpecs.flatMap((c) => [c.french, c.name.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), ...c.aliases].map((k) => [normaliseHeaderName(k), c.name] as const)),
);

export function matchActivityHeader(header: string): ActivityColumn | null {
  return columnByKey.get(normaliseHeaderName(header)) ?? null;
}

export type ParsedActivityRow = ActivityFields & { supplierOrganisationId: number; line: number };

export interface ActivityCsvResult {
  rows: ParsedActivityRow[];
  errors: FactorIssue[];
  warnings: string[];
}

function detectDelimiter(line: string): ";" | "," | "\t" {
  const counts: Record<string, number> = { ";": 0, "\t": 0, ",": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]!++;
  }
  return (([";", "\t", ","] as const).reduce((best, d) => (counts[d]! > counts[best]! ? d : best), ";" as ";" | "," | "\t"));
}

const MAX_ERRORS = 1000;

/**
 * Parse and validate an activity CSV (already decoded text). `suppliers` are the organisations
 * the CSR team may enter data for; a line naming another one is an error.
 */
export function parseActivityCsv(text: string, suppliers: readonly { id: number; name: string }[]): ActivityCsvResult {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = body.split("\n").find((l) => l.trim() !== "") ?? "";
  const errors: FactorIssue[] = [];
  const warnings: string[] = [];
  const rows: ParsedActivityRow[] = [];
  if (firstLine === "") return { rows, errors: [{ line: 1, column: "", message: "le fichier est vide" }], warnings };

  const delimiter = detectDelimiter(firstLine);
  const schema = createActivityFieldsSchema(delimiter === "," ? "." : ",");
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: "\n", quoteChar: '"', skipEmptyLines: false });
  const supplierByKey = new Map(suppliers.map((s) => [itemKey(s.name), s.id]));

  let line = 1;
  let header: (ActivityColumn | null)[] | null = null;
  let headerNames: string[] = [];
  const error = (issue: FactorIssue) => {
    if (errors.length < MAX_ERRORS) errors.push(issue);
  };

  for (const record of parsed.data) {
    const start = line;
    line += 1 + record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (record.every((f) => f.trim() === "")) continue;
    if (header === null) {
      headerNames = record.map((h) => h.trim());
      header = headerNames.map((h) => matchActivityHeader(h));
      const seen = new Set<ActivityColumn>();
      header.forEach((c, i) => {
        if (c === null) {
          if (headerNames[i]) warnings.push(`colonne inconnue « ${headerNames[i]} » ignorée`);
        } else if (seen.has(c)) {
          error({ line: start, column: headerNames[i] ?? "", message: "colonne en double" });
        } else seen.add(c);
      });
      for (const spec of activityColumnSpecs) {
        if (spec.required && !seen.has(spec.name)) error({ line: start, column: spec.french, message: `colonne obligatoire absente : ajoutez une colonne « ${spec.french} »` });
      }
      if (!seen.has("spendKEur") && !seen.has("quantity")) {
        error({ line: start, column: "", message: "ajoutez une colonne « depense_keur_ht » ou « quantite » (avec « unite »)" });
      }
      if (errors.length > 0) return { rows: [], errors, warnings };
      continue;
    }
    if (record.length > header.length && record.slice(header.length).some((f) => f.trim() !== "")) {
      error({ line: start, column: "", message: `la ligne compte ${record.length} champs alors que l'en-tête en compte ${header.length} : un texte contenant le séparateur doit être entre guillemets` });
      continue;
    }
    const input: Record<string, string> = {};
    const columnName: Partial<Record<ActivityColumn, string>> = {};
    header.forEach((c, i) => {
      if (c) {
        input[c] = record[i] ?? "";
        columnName[c] = headerNames[i] ?? c;
      }
    });
    const supplierText = (input.supplier ?? "").trim();
    const supplierId = supplierByKey.get(itemKey(supplierText)) ?? null;
    if (supplierText === "") error({ line: start, column: columnName.supplier ?? "fournisseur", message: "champ obligatoire vide" });
    else if (supplierId === null) {
      error({
        line: start,
        column: columnName.supplier ?? "fournisseur",
        value: supplierText,
        message: `« ${supplierText} » n'est pas un fournisseur lié à votre organisation (${suppliers.map((s) => s.name).join(", ") || "aucun"})`,
      });
    }
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = issue.path[0] as ActivityColumn | undefined;
        const raw = column ? (input[column] ?? "").trim() : "";
        error({ line: start, column: (column && columnName[column]) || (column ? activityColumnSpecs.find((s) => s.name === column)?.french : "") || "", ...(raw ? { value: raw } : {}), message: issue.message.replace(/^./, (m) => m.toLowerCase()) });
      }
    } else if (supplierId !== null) rows.push({ ...result.data, supplierOrganisationId: supplierId, line: start });
  }
  if (header === null) return { rows: [], errors: [{ line: 1, column: "", message: "le fichier ne contient aucune ligne d'en-tête" }], warnings };
  if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, column: "", message: "le fichier ne contient aucune ligne de données après l'en-tête" });
  if (errors.length >= MAX_ERRORS) warnings.push(`seules les ${MAX_ERRORS} premières erreurs sont listées`);
  return { rows: errors.length ? [] : rows, errors, warnings };
}

/** The activity CSV template (French headers, one example line per kind). */
export function activityTemplateCsv(supplierName = "Nom du fournisseur"): string {
  return toCsv(
    [
      activityColumnSpecs.map((c) => c.french),
      [supplierName, "2024", "postes-de-travail", "2", "Ordinateur portable 14 pouces (neuf)", "120", "150", "unité"],
      [supplierName, "2024", "prestations-intellectuelles", "1", "", "85,5", "", ""],
    ],
    { delimiter: ";", bom: true },
  );
}
