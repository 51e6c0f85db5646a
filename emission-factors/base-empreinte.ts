/**
 * Reader of the ADEME Base Empreinte® (Base Carbone®) CSV export, for the CSR team's reference
 * monetary ratios (issue 18 §2). Layout from shared/reference/emission-factors.md §1.2 [FOUND-3P:
 * header reproduced identically by several independent parsers; check against a fresh export]:
 *
 * - `;` separator, decimal comma, Windows-1252 (UTF-8 with or without BOM also read), one header
 *   row, quoted fields may hold `;` and line breaks;
 * - `Type Ligne` is `Elément` (the element's total) or `Poste` (a breakdown line of the same
 *   element, `Type poste` / `Nom poste français`); totals come from `Elément` lines only, `Poste`
 *   lines are attached to their element (same `Identifiant de l'élément`) for display;
 * - only `Type de l'élément` = `Facteur d'émission` with a `Statut de l'élément` starting with
 *   `Valide` (générique, spécifique) are usable: `Archivé`, `Brouillon`, `Refusé`… elements and
 *   `Données source` are refused with the reason (not errors: the export contains them);
 * - the value is `Total poste non décomposé`, in `Unité français`; a monetary ratio has a unit per
 *   k€ or per € (`kgCO2e/k€HT`, `kgCO2e/k€`, `kgCO2e/€`…): it is kept, converted to kgCO2e per k€;
 *   valid non-monetary elements are counted and left aside (physical factors are not ratios);
 * - the year of the euros: a four-digit year written in the unit or in the name (`euros 2022`,
 *   `k€ 2021`) [INFERRED: ADEME states that monetary ratios are in the euros of a given year, §1.3];
 *   failing that, the year of `Date de création`, said so (`yearFrom`).
 *
 * A line that cannot be read (unknown `Type Ligne`, missing identifier, value that is not a
 * number, `Poste` without its element, element given twice) is an error with its physical line
 * number; errors make the whole import refused by the caller (all or nothing). Pure: no Node API.
 */
import Papa from "papaparse";
import { AutoDecoder } from "./decode";
import { CsvUnreadableError } from "./errors";
import { parseDecimalDetailed } from "./numbers";

/** Columns we read (French header names of the export; compared without case, accents, spaces). */
export const baseEmpreinteColumns = {
  lineType: "Type Ligne",
  id: "Identifiant de l'élément",
  elementType: "Type de l'élément",
  status: "Statut de l'élément",
  baseName: "Nom base français",
  attributeName: "Nom attribut français",
  boundaryName: "Nom frontière français",
  category: "Code de la catégorie",
  unit: "Unité français",
  source: "Source",
  location: "Localisation géographique",
  created: "Date de création",
  validity: "Période de validité",
  uncertainty: "Incertitude",
  comment: "Commentaire français",
  postType: "Type poste",
  postName: "Nom poste français",
  total: "Total poste non décomposé",
} as const;
type ColumnKey = keyof typeof baseEmpreinteColumns;
const REQUIRED: readonly ColumnKey[] = ["lineType", "id", "elementType", "status", "baseName", "unit", "total"];

export interface BaseEmpreintePost {
  line: number;
  type: string;
  name: string;
  value: number;
}

export interface BaseEmpreinteElement {
  line: number;
  /** `Identifiant de l'élément`. */
  id: string;
  /** `Nom base français` (+ ` — ` + attribute and boundary names when given). */
  name: string;
  category: string;
  /** `Unité français` as written. */
  unit: string;
  /** `Total poste non décomposé` in `unit`. */
  value: number;
  /** The value in kgCO2e per k€ (monetary elements only). */
  kgPerKEur: number;
  status: string;
  /** Year of the euros, and where it was read (unit; name or comment; else the creation date). */
  year: number | null;
  yearFrom: "unit" | "name" | "creation-date" | null;
  validity: string;
  location: string;
  source: string;
  uncertaintyPct: number | null;
  posts: BaseEmpreintePost[];
}

export interface BaseEmpreinteRefusal {
  line: number;
  id: string;
  name: string;
  reason: string;
}

export interface BaseEmpreinteIssue {
  line: number;
  message: string;
}

export interface BaseEmpreinteRead {
  encoding: string;
  /** Valid monetary emission factors. */
  elements: BaseEmpreinteElement[];
  /** Elements of the export that cannot serve as reference ratio, with the reason. */
  refused: BaseEmpreinteRefusal[];
  /** Valid `Elément` lines with a physical (non-monetary) unit, left aside. */
  nonMonetary: number;
  errors: BaseEmpreinteIssue[];
}

const MAX_ERRORS = 500;

function key(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’']/g, "'")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
const columnByKey = new Map<string, ColumnKey>(Object.entries(baseEmpreinteColumns).map(([k, h]) => [key(h), k as ColumnKey]));

/** Monetary unit → multiplier to kgCO2e per k€ (`null` for a physical unit). */
export function monetaryMultiplier(unit: string): number | null {
  const u = key(unit).replace(/\s+/g, "").replace(/horstaxes?/, "ht");
  const m = /^(g|kg|t)co2e?\/(k€|keur|€|eur|euros?)(ht)?(\d{4})?$/.exec(u);
  if (!m) return null;
  const mass = m[1] === "g" ? 0.001 : m[1] === "t" ? 1000 : 1;
  const perThousand = m[2] === "k€" || m[2] === "keur" ? 1 : 1000;
  return mass * perThousand;
}

function yearOf(unit: string, name: string, comment: string, created: string): { year: number | null; yearFrom: BaseEmpreinteElement["yearFrom"] } {
  const inUnit = /(?:€|eur(?:os?)?)\s*(?:ht\s*)?(\d{4})\b/i.exec(unit);
  if (inUnit) return { year: Number(inUnit[1]), yearFrom: "unit" };
  const inName = /(?:€|euros?)\s*(?:ht\s*)?(?:de\s*)?(\d{4})\b/i.exec(name) ?? /(?:€|euros?)\s*(?:ht\s*)?(?:de\s*)?(\d{4})\b/i.exec(comment);
  if (inName) return { year: Number(inName[1]), yearFrom: "name" };
  const date = /(\d{4})/.exec(created);
  return date ? { year: Number(date[1]), yearFrom: "creation-date" } : { year: null, yearFrom: null };
}

/** Read an export (bytes as uploaded). Throws `CsvUnreadableError` when it is not a CSV at all. */
export function readBaseEmpreinte(bytes: Uint8Array): BaseEmpreinteRead {
  const decoder = new AutoDecoder();
  const text = (decoder.push(bytes) + decoder.end()).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const errors: BaseEmpreinteIssue[] = [];
  const error = (line: number, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ line, message });
  };
  const result: BaseEmpreinteRead = { encoding: decoder.encoding, elements: [], refused: [], nonMonetary: 0, errors };
  if (text.trim() === "") throw new CsvUnreadableError("empty", "Le fichier est vide.");

  const parsed = Papa.parse<string[]>(text, { delimiter: ";", newline: "\n", quoteChar: '"', skipEmptyLines: false });
  let line = 1;
  let columns: (ColumnKey | null)[] | null = null;
  const byId = new Map<string, BaseEmpreinteElement>();
  const seenIds = new Set<string>();
  const pendingPosts: { id: string; post: BaseEmpreintePost }[] = [];

  for (const record of parsed.data) {
    const start = line;
    line += 1 + record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (record.every((f) => f.trim() === "")) continue;
    if (columns === null) {
      columns = record.map((h) => columnByKey.get(key(h)) ?? null);
      const present = new Set(columns.filter((c): c is ColumnKey => c !== null));
      const missing = REQUIRED.filter((c) => !present.has(c)).map((c) => `« ${baseEmpreinteColumns[c]} »`);
      if (missing.length > 0) {
        error(start, `ce n'est pas un export de la Base Empreinte : colonne${missing.length > 1 ? "s" : ""} ${missing.join(", ")} absente${missing.length > 1 ? "s" : ""} (séparateur attendu : point-virgule)`);
        return result;
      }
      continue;
    }
    const cell = (c: ColumnKey) => {
      const i = columns!.indexOf(c);
      return i < 0 ? "" : (record[i] ?? "").trim();
    };
    if (record.length !== columns.length) {
      error(start, `la ligne compte ${record.length} champs au lieu de ${columns.length} (un point-virgule ou un guillemet en trop ?)`);
      continue;
    }
    const id = cell("id");
    const lineType = key(cell("lineType"));
    if (!id) {
      error(start, "« Identifiant de l'élément » vide");
      continue;
    }
    const rawTotal = cell("total");
    const total = rawTotal === "" ? null : parseDecimalDetailed(rawTotal, { decimalSeparator: "," });
    if (total !== null && !total.ok) {
      error(start, `« Total poste non décomposé » : « ${rawTotal} » n'est pas un nombre (virgule décimale attendue, ex. 75,2)`);
      continue;
    }
    if (lineType === "poste") {
      if (total === null) {
        error(start, `poste de l'élément ${id} sans valeur (« Total poste non décomposé » vide)`);
        continue;
      }
      pendingPosts.push({ id, post: { line: start, type: cell("postType"), name: cell("postName"), value: total.value } });
      continue;
    }
    if (lineType !== "element") {
      error(start, `« Type Ligne » : « ${cell("lineType")} » inconnu (attendu : Elément ou Poste)`);
      continue;
    }
    if (seenIds.has(id)) {
      error(start, `l'élément ${id} figure deux fois (une seule ligne « Elément » par identifiant)`);
      continue;
    }
    seenIds.add(id);
    const name = [cell("baseName"), cell("attributeName"), cell("boundaryName")].filter(Boolean).join(" — ");
    const status = cell("status");
    const refuse = (reason: string) => result.refused.push({ line: start, id, name, reason });
    if (key(cell("elementType")) !== "facteur d'emission") {
      refuse(`type « ${cell("elementType") || "vide"} » : ce n'est pas un facteur d'émission`);
      continue;
    }
    if (key(status).startsWith("archive")) {
      refuse(`élément archivé (statut « ${status} ») : remplacé ou retiré par l'ADEME, il ne doit plus servir`);
      continue;
    }
    if (!key(status).startsWith("valide")) {
      refuse(`statut « ${status || "vide"} » : seuls les éléments valides (générique ou spécifique) sont retenus`);
      continue;
    }
    if (total === null) {
      error(start, `élément ${id} sans valeur (« Total poste non décomposé » vide)`);
      continue;
    }
    if (total.value < 0) {
      error(start, `élément ${id} : valeur négative (${rawTotal})`);
      continue;
    }
    const unit = cell("unit");
    const multiplier = monetaryMultiplier(unit);
    if (multiplier === null) {
      result.nonMonetary++;
      continue;
    }
    const uncertainty = parseDecimalDetailed(cell("uncertainty").replace(/\s*%$/, ""), { decimalSeparator: "," });
    const element: BaseEmpreinteElement = {
      line: start,
      id,
      name,
      category: cell("category"),
      unit,
      value: total.value,
      kgPerKEur: Number((total.value * multiplier).toPrecision(15)),
      status,
      ...yearOf(unit, name, cell("comment"), cell("created")),
      validity: cell("validity"),
      location: cell("location"),
      source: cell("source"),
      uncertaintyPct: uncertainty.ok ? uncertainty.value : null,
      posts: [],
    };
    byId.set(id, element);
    result.elements.push(element);
  }
  if (columns === null) error(1, "aucune ligne d'en-tête");
  for (const { id, post } of pendingPosts) {
    const element = byId.get(id);
    if (element) element.posts.push(post);
    // Posts of refused or non-monetary elements are left aside with them.
    else if (!seenIds.has(id)) error(post.line, `poste de l'élément ${id}, qui n'a pas de ligne « Elément » dans le fichier`);
  }
  errors.sort((a, b) => a.line - b.line);
  return result;
}
