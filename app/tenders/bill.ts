/**
 * Bill of quantities (détail quantitatif estimatif, issue 12) — the pure part of the portal: the
 * CSV files (the buyer's bill, the supplier's filled bill), validation of a line and of an answer,
 * matching a bill line with the supplier's uploaded factors, the per-line quality and plausibility,
 * and the response handed to the scoring library. No database, no Node API (browser-safe).
 *
 * The ARITHMETIC is `scoring/bill-of-quantities.ts` (exact decimals, half-up rounding to the cent and
 * the gram): this module only builds its input. Decimal texts are kept exact: a cell "12,5" is stored
 * as "12.5" and never goes through arithmetic on binary floats.
 *
 * CSV conventions are the factor file's (emission-factors/, `read.ts`, `numbers.ts`): UTF-8 with or
 * without BOM or Windows-1252 (decoded by the caller with `AutoDecoder`), `;` / `,` / tab detected
 * from the header line, decimal comma, spaces as thousands separators, quoted fields, header names
 * French or English with case and accents ignored, every problem returned in French with its line
 * and column, all or nothing.
 */
import Papa from "papaparse";
import {
  findReferenceRatio,
  normaliseHeaderName,
  parseDecimalDetailed,
  plausibilityOf,
  qualityOf,
  type DecimalSeparator,
  type FactorIssue,
  type FactorQuality,
  type Plausibility,
  type ReferenceRatioLike,
} from "#emission-factors";
import { getMethod, methodIds } from "#questionnaires/emission-factors/methods";
import { activityUnitByToken, activityUnits, getActivityUnit, normaliseUnitToken } from "#questionnaires/emission-factors/units";
import { resolveSegmentId } from "#emission-factors";
import type { BillResponse } from "#scoring";
import { itemKey } from "~/carbon/scope3";
import type { MethodBillLine } from "./method";

export const BILL_MAX_LINES = 5000;
const MAX_ERRORS = 1000;
const TEXT_MAX = { id: 40, label: 300, segment: 200, source: 2000, verifiedBy: 200 } as const;
/** Earliest reference year of a factor (same bound as the factor file, emission-factors/schema.ts). */
const MIN_REFERENCE_YEAR = 2000;

// ---------------------------------------------------------------------------------------------
// Units and numbers

/** The units a bill line may use: exactly the activity units the factor importer understands. */
export const billUnits = activityUnits.map((u) => ({ id: u.id, label: u.canonical, description: u.label }));

/** An activity-unit id from what a buyer typed (`unité`, `pièce`, `kWh`, `Go.mois`, `heure`…); null if unknown. */
export function resolveBillUnit(text: string): string | null {
  const t = text.trim();
  if (getActivityUnit(t)) return t;
  return activityUnitByToken.get(normaliseUnitToken(t)) ?? null;
}

export function billUnitLabel(id: string): string {
  return getActivityUnit(id)?.canonical ?? id;
}

/**
 * The exact decimal text of a number read from a cell: `String(n)` is the shortest text that reads
 * back as the same double, i.e. the decimal the user typed (up to 15 significant digits).
 */
export function plainDecimal(n: number): string {
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(12).replace(/\.?0+$/, "");
  return text;
}

type Cell<T> = { ok: true; value: T } | { ok: false; message: string };

/** A non-negative decimal cell, as an exact text with a point; empty → null. */
export function decimalCell(text: string | undefined, separator: DecimalSeparator, { positive = false, max = 1e12 } = {}): Cell<string | null> {
  const s = (text ?? "").trim();
  if (s === "") return { ok: true, value: null };
  const r = parseDecimalDetailed(s, { decimalSeparator: separator });
  if (!r.ok) {
    return {
      ok: false,
      message: r.reason === "ambiguous" ? `« ${s} » est ambigu (décimale ou milliers ?) : écrivez 1234,5 ou 1 234,5` : `« ${s} » n'est pas un nombre (exemple : 1 234,56)`,
    };
  }
  if (r.value < 0) return { ok: false, message: `« ${s} » est négatif : un nombre positif ou nul est attendu` };
  if (positive && r.value === 0) return { ok: false, message: "la valeur doit être strictement positive" };
  if (r.value > max) return { ok: false, message: `« ${s} » est trop grand` };
  const value = plainDecimal(r.value);
  if (!/^\d+(\.\d{1,12})?$/.test(value)) return { ok: false, message: `« ${s} » a trop de décimales (12 au plus)` };
  return { ok: true, value };
}

/** "1234.5" → "1 234,5" (display, exact: no float). */
export function frDecimal(text: string | null | undefined): string {
  if (text === null || text === undefined || text === "") return "";
  const [int, frac] = text.split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  return frac ? `${grouped},${frac}` : grouped;
}

/** "1234.5" → "1234,5": a number cell a French spreadsheet reads. */
export function csvDecimal(text: string | null | undefined): string {
  return text ? text.replace(".", ",") : "";
}

// ---------------------------------------------------------------------------------------------
// Generic CSV table reading (header matched by names, line numbers kept)

export interface ColumnSpec<N extends string> {
  name: N;
  french: string;
  required: boolean;
  aliases: readonly string[];
  description: string;
}

interface TableRow<N extends string> {
  line: number;
  cells: Partial<Record<N, string>>;
}

function detectDelimiter(line: string): ";" | "," | "\t" {
  const counts: Record<string, number> = { ";": 0, "\t": 0, ",": 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c]!++;
  }
  return ([";", "\t", ","] as const).reduce((best, d) => (counts[d]! > counts[best]! ? d : best), ";" as ";" | "," | "\t");
}

function readTable<N extends string>(
  text: string,
  specs: readonly ColumnSpec<N>[],
): { rows: TableRow<N>[]; errors: FactorIssue[]; warnings: string[]; separator: DecimalSeparator; columnName: (n: N) => string } {
  const byKey = new Map<string, N>(specs.flatMap((c) => [c.french, c.name, ...c.aliases].map((k) => [normaliseHeaderName(k), c.name] as const)));
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = body.split("\n").find((l) => l.trim() !== "") ?? "";
  const errors: FactorIssue[] = [];
  const warnings: string[] = [];
  const rows: TableRow<N>[] = [];
  const names = new Map<N, string>();
  const columnName = (n: N) => names.get(n) ?? specs.find((s) => s.name === n)?.french ?? n;
  if (firstLine === "") return { rows, errors: [{ line: 1, column: "", message: "le fichier est vide" }], warnings, separator: ",", columnName };
  const delimiter = detectDelimiter(firstLine);
  const separator: DecimalSeparator = delimiter === "," ? "." : ",";
  const parsed = Papa.parse<string[]>(body, { delimiter, newline: "\n", quoteChar: '"', skipEmptyLines: false });
  let line = 1;
  let header: (N | null)[] | null = null;
  for (const record of parsed.data) {
    const start = line;
    line += 1 + record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (record.every((f) => f.trim() === "")) continue;
    if (header === null) {
      const headerNames = record.map((h) => h.trim());
      header = headerNames.map((h) => byKey.get(normaliseHeaderName(h)) ?? null);
      const seen = new Set<N>();
      header.forEach((c, i) => {
        if (c === null) {
          if (headerNames[i]) warnings.push(`colonne inconnue « ${headerNames[i]} » ignorée`);
        } else if (seen.has(c)) errors.push({ line: start, column: headerNames[i] ?? "", message: "colonne en double" });
        else {
          seen.add(c);
          names.set(c, headerNames[i] ?? c);
        }
      });
      for (const spec of specs) {
        if (spec.required && !seen.has(spec.name)) errors.push({ line: start, column: spec.french, message: `colonne obligatoire absente : ajoutez une colonne « ${spec.french} »` });
      }
      if (errors.length > 0) return { rows: [], errors, warnings, separator, columnName };
      continue;
    }
    if (record.length > header.length && record.slice(header.length).some((f) => f.trim() !== "")) {
      errors.push({
        line: start,
        column: "",
        message: `la ligne compte ${record.length} champs alors que l'en-tête en compte ${header.length} : un texte contenant le séparateur doit être entre guillemets`,
      });
      continue;
    }
    const cells: Partial<Record<N, string>> = {};
    header.forEach((c, i) => {
      if (c) cells[c] = record[i] ?? "";
    });
    rows.push({ line: start, cells });
  }
  if (header === null) errors.push({ line: 1, column: "", message: "le fichier ne contient aucune ligne d'en-tête" });
  else if (rows.length === 0 && errors.length === 0) errors.push({ line: 1, column: "", message: "le fichier ne contient aucune ligne de données après l'en-tête" });
  return { rows, errors, warnings, separator, columnName };
}

function capErrors(errors: FactorIssue[], warnings: string[]): FactorIssue[] {
  if (errors.length <= MAX_ERRORS) return errors;
  warnings.push(`seules les ${MAX_ERRORS} premières erreurs sont listées`);
  return errors.slice(0, MAX_ERRORS);
}

// ---------------------------------------------------------------------------------------------
// The buyer's bill: one line

export const billColumnSpecs = [
  { name: "id", french: "id_ligne", required: true, aliases: ["id", "identifiant", "ligne", "line_id", "numero", "n°"], description: "identifiant de la ligne (unique dans le bordereau, ex. L01)" },
  { name: "label", french: "libelle", required: true, aliases: ["label", "designation", "item"], description: "désignation du produit ou du service" },
  { name: "unit", french: "unite", required: true, aliases: ["unit"], description: "unité : unité (pièce), kWh, utilisateur.mois, Go.mois, heure, k€…" },
  { name: "quantity", french: "quantite", required: true, aliases: ["quantity", "quantite_estimee", "qte"], description: "quantité estimée (virgule décimale acceptée)" },
  { name: "segment", french: "segment", required: false, aliases: [], description: "segment d'achat (identifiant ou libellé), facultatif" },
  { name: "ghgCategory", french: "categorie_ghg", required: false, aliases: ["ghg_category", "categorie"], description: "catégorie du scope 3 du GHG Protocol, de 1 à 15, facultative" },
] as const satisfies readonly ColumnSpec<string>[];
export type BillColumn = (typeof billColumnSpecs)[number]["name"];

export type BillLineInput = Partial<Record<BillColumn, string>>;
export type FieldIssue<N extends string> = { field: N; message: string };

/** Validates one bill line typed in the form or read from the CSV; French messages per field. */
export function validateBillLine(input: BillLineInput, separator: DecimalSeparator = ","): { line: MethodBillLine | null; issues: FieldIssue<BillColumn>[] } {
  const issues: FieldIssue<BillColumn>[] = [];
  const id = (input.id ?? "").trim();
  if (id === "") issues.push({ field: "id", message: "l'identifiant de la ligne est obligatoire" });
  else if (id.length > TEXT_MAX.id) issues.push({ field: "id", message: `l'identifiant compte plus de ${TEXT_MAX.id} caractères` });
  else if (id === "__proto__") issues.push({ field: "id", message: "« __proto__ » est réservé : choisissez un autre identifiant" });
  const label = (input.label ?? "").trim();
  if (label === "") issues.push({ field: "label", message: "le libellé est obligatoire" });
  else if (label.length > TEXT_MAX.label) issues.push({ field: "label", message: `le libellé compte plus de ${TEXT_MAX.label} caractères` });
  const unitText = (input.unit ?? "").trim();
  const unit = unitText === "" ? null : resolveBillUnit(unitText);
  if (unitText === "") issues.push({ field: "unit", message: "l'unité est obligatoire" });
  else if (unit === null) issues.push({ field: "unit", message: `unité « ${unitText} » inconnue (attendu : ${billUnits.map((u) => u.label).join(", ")})` });
  const q = decimalCell(input.quantity, separator, { positive: true });
  if (!q.ok) issues.push({ field: "quantity", message: `quantité : ${q.message}` });
  else if (q.value === null) issues.push({ field: "quantity", message: "la quantité estimée est obligatoire" });
  const segmentText = (input.segment ?? "").trim();
  if (segmentText.length > TEXT_MAX.segment) issues.push({ field: "segment", message: `le segment compte plus de ${TEXT_MAX.segment} caractères` });
  const catText = (input.ghgCategory ?? "").trim();
  let ghgCategory: number | undefined;
  if (catText !== "") {
    if (!/^\d{1,2}$/.test(catText) || Number(catText) < 1 || Number(catText) > 15) issues.push({ field: "ghgCategory", message: `catégorie « ${catText} » : un entier de 1 à 15 est attendu` });
    else ghgCategory = Number(catText);
  }
  if (issues.length > 0 || unit === null || !q.ok || q.value === null) return { line: null, issues };
  return {
    line: {
      id,
      label,
      unit,
      quantity: q.value,
      ...(segmentText ? { segment: resolveSegmentId(segmentText) ?? segmentText } : {}),
      ...(ghgCategory !== undefined ? { ghgCategory } : {}),
    },
    issues,
  };
}

/** Parses a whole bill CSV: every line valid and ids unique, else every problem and no line. */
export function parseBillCsv(text: string): { lines: MethodBillLine[]; errors: FactorIssue[]; warnings: string[] } {
  const table = readTable(text, billColumnSpecs);
  const errors = [...table.errors];
  const lines: MethodBillLine[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const { line, issues } = validateBillLine(row.cells, table.separator);
    for (const i of issues) errors.push({ line: row.line, column: table.columnName(i.field), ...(row.cells[i.field]?.trim() ? { value: row.cells[i.field]!.trim() } : {}), message: i.message });
    if (!line) continue;
    const first = seen.get(line.id);
    if (first !== undefined) errors.push({ line: row.line, column: table.columnName("id"), value: line.id, message: `identifiant en double (déjà utilisé ligne ${first})` });
    else seen.set(line.id, row.line);
    lines.push(line);
  }
  if (lines.length > BILL_MAX_LINES) errors.push({ line: 1, column: "", message: `le bordereau compte ${lines.length} lignes : ${BILL_MAX_LINES} au plus` });
  const warnings = [...table.warnings];
  const capped = capErrors(errors, warnings);
  return { lines: capped.length ? [] : lines, errors: capped, warnings };
}

/** The bill as a CSV file (the buyer's template when `lines` is the example). */
export function billCsvRows(lines: readonly MethodBillLine[]): string[][] {
  return [
    billColumnSpecs.map((c) => c.french),
    ...lines.map((l) => [l.id, l.label, billUnitLabel(l.unit), csvDecimal(l.quantity), l.segment ?? "", l.ghgCategory ? String(l.ghgCategory) : ""]),
  ];
}

export const billTemplateLines: MethodBillLine[] = [
  { id: "L01", label: "Ordinateur portable 14 pouces", unit: "unit", quantity: "150", segment: "postes-de-travail", ghgCategory: 2 },
  { id: "L02", label: "Hébergement de machines virtuelles", unit: "hour", quantity: "87600", ghgCategory: 1 },
  { id: "L03", label: "Stockage en ligne", unit: "GB.month", quantity: "12000.5", ghgCategory: 1 },
];

// ---------------------------------------------------------------------------------------------
// The supplier's answer to one line

/** What a supplier answers for one bill line (stored in `bill_responses`; texts are exact decimals). */
export interface BillAnswer {
  lineId: string;
  unitPrice: string | null;
  factor: string | null;
  factorId: number | null;
  method: string | null;
  source: string | null;
  referenceYear: number | null;
  verifiedBy: string | null;
  uncertaintyPct: string | null;
}

export const answerColumnSpecs = [
  { name: "lineId", french: "id_ligne", required: true, aliases: ["id", "identifiant", "ligne", "line_id"], description: "identifiant de la ligne du bordereau (ne pas modifier)" },
  { name: "label", french: "libelle", required: false, aliases: ["label", "designation"], description: "désignation (pour information)" },
  { name: "unit", french: "unite", required: false, aliases: ["unit"], description: "unité de la ligne (pour information)" },
  { name: "quantity", french: "quantite", required: false, aliases: ["quantity"], description: "quantité estimée (pour information)" },
  { name: "unitPrice", french: "prix_unitaire_eur_ht", required: true, aliases: ["prix_unitaire", "unit_price", "prix_unitaire_ht"], description: "prix unitaire en euros HT" },
  { name: "factor", french: "facteur_kgco2e_par_unite", required: true, aliases: ["facteur", "factor", "facteur_kgco2e", "kgco2e_par_unite"], description: "facteur d'émission en kgCO2e par unité de la ligne" },
  { name: "method", french: "methode", required: false, aliases: ["method"], description: `méthode du facteur : ${methodIds.join(", ")}` },
  { name: "source", french: "source", required: false, aliases: [], description: "source du facteur (étude, rapport, référence)" },
  { name: "referenceYear", french: "annee_reference", required: false, aliases: ["reference_year", "annee"], description: "année de référence des données" },
  { name: "verifiedBy", french: "verifie_par", required: false, aliases: ["verified_by", "verificateur"], description: "tiers vérificateur, s'il y en a un" },
  { name: "uncertaintyPct", french: "incertitude_pct", required: false, aliases: ["uncertainty_pct", "incertitude"], description: "incertitude en %, facultative" },
] as const satisfies readonly ColumnSpec<string>[];
export type AnswerColumn = (typeof answerColumnSpecs)[number]["name"];
export type AnswerInput = Partial<Record<AnswerColumn, string>>;

const methodByKey = new Map<string, string>(methodIds.map((m) => [normaliseHeaderName(m), m]));

/**
 * Validates the typed part of an answer (form or CSV). Any field may be empty while the supplier
 * works (the offer is computed once every line is complete); a factor needs its method and
 * reference year.
 */
export function validateAnswer(lineId: string, input: AnswerInput, separator: DecimalSeparator = ",", currentYear = new Date().getFullYear()): { answer: BillAnswer; issues: FieldIssue<AnswerColumn>[] } {
  const issues: FieldIssue<AnswerColumn>[] = [];
  const price = decimalCell(input.unitPrice, separator);
  if (!price.ok) issues.push({ field: "unitPrice", message: `prix unitaire : ${price.message}` });
  const factor = decimalCell(input.factor, separator);
  if (!factor.ok) issues.push({ field: "factor", message: `facteur d'émission : ${factor.message}` });
  const methodText = (input.method ?? "").trim();
  const method = methodText === "" ? null : (methodByKey.get(normaliseHeaderName(methodText)) ?? null);
  if (methodText !== "" && method === null) issues.push({ field: "method", message: `méthode « ${methodText} » inconnue (attendu : ${methodIds.join(", ")})` });
  const yearText = (input.referenceYear ?? "").trim();
  let referenceYear: number | null = null;
  if (yearText !== "") {
    if (!/^\d{4}$/.test(yearText) || Number(yearText) < MIN_REFERENCE_YEAR || Number(yearText) > currentYear) {
      issues.push({ field: "referenceYear", message: `année « ${yearText} » : une année de ${MIN_REFERENCE_YEAR} à ${currentYear} est attendue` });
    } else referenceYear = Number(yearText);
  }
  const uncertainty = decimalCell(input.uncertaintyPct, separator, { max: 1000 });
  if (!uncertainty.ok) issues.push({ field: "uncertaintyPct", message: `incertitude : ${uncertainty.message}` });
  const source = (input.source ?? "").trim();
  if (source.length > TEXT_MAX.source) issues.push({ field: "source", message: `la source compte plus de ${TEXT_MAX.source} caractères` });
  const verifiedBy = (input.verifiedBy ?? "").trim();
  if (verifiedBy.length > TEXT_MAX.verifiedBy) issues.push({ field: "verifiedBy", message: `le vérificateur compte plus de ${TEXT_MAX.verifiedBy} caractères` });
  if (factor.ok && factor.value !== null) {
    if (methodText === "") issues.push({ field: "method", message: "indiquez la méthode du facteur d'émission" });
    if (yearText === "") issues.push({ field: "referenceYear", message: "indiquez l'année de référence du facteur d'émission" });
  }
  return {
    answer: {
      lineId,
      unitPrice: price.ok ? price.value : null,
      factor: factor.ok ? factor.value : null,
      factorId: null,
      method,
      source: source || null,
      referenceYear,
      verifiedBy: verifiedBy || null,
      uncertaintyPct: uncertainty.ok ? uncertainty.value : null,
    },
    issues,
  };
}

/** A line is answered when it has a unit price and a factor with its method and year. */
export function answerComplete(a: BillAnswer | undefined): boolean {
  return !!a && a.unitPrice !== null && a.factor !== null && a.method !== null && a.referenceYear !== null;
}

/** Parses a filled bill (supplier CSV): one answer per bill line, every problem or nothing. */
export function parseFilledBillCsv(text: string, bill: readonly MethodBillLine[], currentYear = new Date().getFullYear()): { answers: BillAnswer[]; errors: FactorIssue[]; warnings: string[] } {
  const table = readTable(text, answerColumnSpecs);
  const errors = [...table.errors];
  const ids = new Set(bill.map((l) => l.id));
  const seen = new Map<string, number>();
  const answers: BillAnswer[] = [];
  for (const row of table.rows) {
    const lineId = (row.cells.lineId ?? "").trim();
    if (lineId === "") {
      errors.push({ line: row.line, column: table.columnName("lineId"), message: "l'identifiant de la ligne est obligatoire" });
      continue;
    }
    if (!ids.has(lineId)) {
      errors.push({ line: row.line, column: table.columnName("lineId"), value: lineId, message: `la ligne « ${lineId} » n'existe pas dans le bordereau` });
      continue;
    }
    const first = seen.get(lineId);
    if (first !== undefined) {
      errors.push({ line: row.line, column: table.columnName("lineId"), value: lineId, message: `ligne « ${lineId} » en double (déjà ligne ${first})` });
      continue;
    }
    seen.set(lineId, row.line);
    const { answer, issues } = validateAnswer(lineId, row.cells, table.separator, currentYear);
    for (const i of issues) errors.push({ line: row.line, column: table.columnName(i.field), ...(row.cells[i.field]?.trim() ? { value: row.cells[i.field]!.trim() } : {}), message: i.message });
    answers.push(answer);
  }
  const warnings = [...table.warnings];
  const missing = bill.filter((l) => !seen.has(l.id));
  if (errors.length === 0 && missing.length > 0) {
    warnings.push(`${missing.length} ligne${missing.length > 1 ? "s" : ""} du bordereau absente${missing.length > 1 ? "s" : ""} du fichier, laissée${missing.length > 1 ? "s" : ""} telle${missing.length > 1 ? "s" : ""} quelle${missing.length > 1 ? "s" : ""} : ${missing.slice(0, 10).map((l) => l.id).join(", ")}${missing.length > 10 ? "…" : ""}`);
  }
  const capped = capErrors(errors, warnings);
  return { answers: capped.length ? [] : answers, errors: capped, warnings };
}

/** The filled bill as CSV rows (download, to fill in a spreadsheet and upload again). */
export function filledBillCsvRows(bill: readonly MethodBillLine[], answers: ReadonlyMap<string, BillAnswer>): string[][] {
  return [
    answerColumnSpecs.map((c) => c.french),
    ...bill.map((l) => {
      const a = answers.get(l.id);
      return [
        l.id,
        l.label,
        billUnitLabel(l.unit),
        csvDecimal(l.quantity),
        csvDecimal(a?.unitPrice),
        csvDecimal(a?.factor),
        a?.method ?? "",
        a?.source ?? "",
        a?.referenceYear ? String(a.referenceYear) : "",
        a?.verifiedBy ?? "",
        csvDecimal(a?.uncertaintyPct),
      ];
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Matching a line with the supplier's uploaded factors

/** A factor of one of the supplier's factor versions, as offered for a line. */
export interface FactorCandidate {
  id: number;
  setId: number;
  version: number;
  line: number;
  item: string;
  activityUnit: string;
  valueKgPerUnit: number;
  method: string;
  referenceYear: number;
  verifiedBy: string | null;
  source: string | null;
  uncertaintyPct: number | null;
}

/**
 * The supplier's factors that fit a bill line, best first. Rule (issue 12 §2, "matched by item and
 * unit"): the factor's activity unit must be the line's unit (a factor per kWh never prices a line
 * in pieces); among those, factors whose item equals the line's label (case, accents and spaces
 * ignored) come first; then the newest version, then the file's order. `exact` is the first of them
 * when its item matches: what the "fill from my factors" button takes.
 */
export function matchFactors(line: Pick<MethodBillLine, "label" | "unit">, factors: readonly FactorCandidate[]): { exact: FactorCandidate | null; candidates: FactorCandidate[] } {
  const key = itemKey(line.label);
  const candidates = factors
    .filter((f) => f.activityUnit === line.unit)
    .map((f) => ({ f, same: itemKey(f.item) === key }))
    .sort((a, b) => Number(b.same) - Number(a.same) || b.f.version - a.f.version || a.f.line - b.f.line)
    .map((x) => x.f);
  const first = candidates[0];
  return { exact: first && itemKey(first.item) === key ? first : null, candidates };
}

/** The answer's factor fields copied from an uploaded factor, the link kept. */
export function answerFromFactor(base: BillAnswer, f: FactorCandidate): BillAnswer {
  return {
    ...base,
    factor: plainDecimal(f.valueKgPerUnit),
    factorId: f.id,
    method: f.method,
    source: f.source,
    referenceYear: f.referenceYear,
    verifiedBy: f.verifiedBy,
    uncertaintyPct: f.uncertaintyPct === null ? null : plainDecimal(f.uncertaintyPct),
  };
}

// ---------------------------------------------------------------------------------------------
// Quality, plausibility, replacement

/** The factor's quality grade (same rule as uploaded factors, emission-factors/quality.ts). */
export function answerQuality(a: BillAnswer, currentYear = new Date().getFullYear()): FactorQuality | null {
  if (a.factor === null || a.method === null || a.referenceYear === null) return null;
  return qualityOf({ method: a.method as never, verifiedBy: a.verifiedBy, referenceYear: a.referenceYear, uncertaintyPct: a.uncertaintyPct === null ? null : Number(a.uncertaintyPct) }, currentYear);
}

/** The reference monetary ratio of a line: by its segment, else by its GHG category (emission-factors/plausibility.ts). */
export function lineReferenceRatio<R extends ReferenceRatioLike>(line: Pick<MethodBillLine, "segment" | "ghgCategory">, ratios: readonly R[]): R | null {
  return findReferenceRatio({ segment: line.segment ?? "", ghgCategory: line.ghgCategory ?? null }, ratios);
}

/**
 * Plausibility of a line's factor against the reference monetary ratio (issue 12 §3, "line price ×
 * ratio"): the factor per unit divided by the unit price in k€ is a factor per k€, compared with the
 * ratio of the line's segment or category like an uploaded factor per k€ (flagged beyond ×10).
 * Not comparable without a positive unit price.
 */
export function answerPlausibility(line: Pick<MethodBillLine, "segment" | "ghgCategory">, a: BillAnswer, ratios: readonly ReferenceRatioLike[]): Plausibility | null {
  if (a.factor === null || a.unitPrice === null) return null;
  const price = Number(a.unitPrice);
  if (!(price > 0)) return { flagged: false, ratio: null, reference: lineReferenceRatio(line, ratios), message: "non comparable : prix unitaire nul" };
  return plausibilityOf({ segment: line.segment ?? "", ghgCategory: line.ghgCategory ?? null, activityUnit: "k€", valueKgPerUnit: (Number(a.factor) * 1000) / price }, ratios);
}

/** Shortest written justification of an evaluator's replacement (shown to the supplier). */
export const MIN_REPLACEMENT_JUSTIFICATION = 10;

/** An evaluator's replacement of a line's factor (the ratio as an exact decimal text). */
export interface LineReplacement {
  lineId: string;
  ratioKgPerKEur: string;
  justification: string;
}

/**
 * The response handed to `billOffer` (scoring/bill-of-quantities.ts), or the ids of the lines not
 * yet complete. Replacement rule: a replaced line's footprint is the line amount in k€ × the
 * reference monetary ratio, whatever the supplier's factor — the conservative reference.
 */
export function scoringResponse(
  bill: readonly MethodBillLine[],
  answers: ReadonlyMap<string, BillAnswer>,
  replacements: ReadonlyMap<string, LineReplacement> = new Map(),
): { ok: true; response: BillResponse } | { ok: false; incomplete: string[] } {
  const incomplete: string[] = [];
  const lines: BillResponse["lines"] = [];
  for (const l of bill) {
    const a = answers.get(l.id);
    const r = replacements.get(l.id);
    if (!a || a.unitPrice === null || (!r && !answerComplete(a))) {
      incomplete.push(l.id);
      continue;
    }
    lines.push(r ? { lineId: l.id, unitPrice: a.unitPrice, replacement: { ratio: r.ratioKgPerKEur, justification: r.justification } } : { lineId: l.id, unitPrice: a.unitPrice, factor: a.factor! });
  }
  return incomplete.length ? { ok: false, incomplete } : { ok: true, response: { lines } };
}

/** The bill in the scoring library's shape. */
export function scoringBill(bill: readonly MethodBillLine[]) {
  return { lines: bill.map((l) => ({ id: l.id, label: l.label, unit: l.unit, quantity: l.quantity, ...(l.segment ? { segment: l.segment } : {}), ...(l.ghgCategory ? { ghgCategory: l.ghgCategory } : {}) })) };
}

export function methodLabelOf(id: string | null): string {
  return id ? (getMethod(id)?.label ?? id) : "";
}
