/**
 * The emission-factor CSV reader: bytes in, `FactorsReport` out. Used by the upload action and by
 * `scripts/factors-check.ts`, so both say exactly the same thing.
 *
 * Streaming all the way: bytes are decoded as they arrive (`AutoDecoder`), line ends are
 * normalised to `\n`, the text is split into records chunk by chunk (`RecordScanner`, handing over
 * to papaparse from the first record with a misplaced quote), and each record is validated at once
 * by the shared zod row schema. Only valid normalised factors and the issues are kept — never the file's rows — and with `onFactor` not even the factors (the
 * portal's import streams them into the database). No Node API: the input is bytes, a Blob or any async
 * iterable of bytes (a Node file stream is one), so the reader runs in the browser and in scripts.
 *
 * Line numbers are physical: a record starting on line 14 reports 14 even when an earlier record
 * had a line break inside quotes (each record advances the counter by 1 + the line breaks in its
 * fields). Empty lines, and lines of separators only (Excel's blank rows), are skipped but counted.
 */
import Papa from "papaparse";
import { isSegmentId, segmentIds } from "#questionnaires/segments";
import { factorColumns, factorColumnSpecs, matchHeader, type FactorColumn } from "./columns";
import { AutoDecoder, BINARY_MESSAGE, type CsvEncoding } from "./decode";
import { CsvUnreadableError } from "./errors";
import { formatBytes, type DecimalSeparator } from "./numbers";
import { RecordScanner } from "./records";
import type { CsvDelimiter, FactorIssue, FactorWarning, FactorsReport } from "./report";
import { createFactorRowSchema, detach, messages, quoted, type FactorRowInput, type FactorRowOutput, type FactorRowSchema, type NormalisedFactor } from "./schema";

/** Bytes (a Node `Buffer` is one), a Blob, or an async iterable of bytes or text (a Node file stream is one). */
export type FactorsCsvInput = Uint8Array | Blob | AsyncIterable<Uint8Array | string>;

export interface ReadFactorsOptions {
  /** Latest accepted reference year (default: the current year). */
  currentYear?: number;
  /** Issues stored in the report (default 10,000); the others are counted in `errorCount`. */
  maxErrors?: number;
  /** Longest physical line accepted, in characters (default 100,000); beyond, the file is unreadable. */
  maxLineLength?: number;
  /** Largest file accepted, in bytes (default: no limit — the upload route enforces its own). */
  maxBytes?: number;
  /**
   * Streaming consumer of the valid rows: when given, each valid normalised factor is handed to it
   * as soon as its row is validated (with the number of errors found so far) and NOT kept, so
   * memory stays flat whatever the file's size; the report's `factors` is then empty (`valid`
   * still counts them). Without it, the report keeps every valid factor (small files, tests).
   * Not called at all when the header is wrong (no row can be valid). An exception thrown here
   * stops the reading and rejects. The factor's item and source may be slices of the text chunk
   * they were read from (not copied, issue 16): a consumer keeping many factors should copy them.
   */
  onFactor?: (factor: NormalisedFactor, errorsSoFar: number) => void;
  /**
   * `"papaparse"`: every record read by papaparse, as before the reader had its own scanner (tests
   * compare both). Default: the reader's scanner, papaparse from the first irregular record on.
   */
  csvParser?: "auto" | "papaparse";
}

export const DEFAULT_MAX_ERRORS = 10_000;
export const DEFAULT_MAX_LINE_LENGTH = 100_000;
/** Size of the decoded text chunks handed to papaparse (see `BYTE_CHUNK`). */
const TEXT_CHUNK = 16 * 1024;
/**
 * Size of the byte slices decoded at a time. Small on purpose: the text of a slice must die young
 * (before the next minor GC or two); 64 KiB+ strings get promoted to the old generation and make
 * peak memory depend on GC timing (measured: 200 MB vs 370 MB for 200,000 rows on a busy machine).
 */
const BYTE_CHUNK = 16 * 1024;
const VALUE_MAX = 200;

const DELIMITERS: readonly CsvDelimiter[] = [";", "\t", ","];

/**
 * Read and validate an emission-factor CSV. Resolves with the report (row problems are data);
 * rejects with `CsvUnreadableError` when the input cannot be read as CSV at all.
 */
export async function readFactorsCsv(input: FactorsCsvInput, options: ReadFactorsOptions = {}): Promise<FactorsReport> {
  const decoder = new AutoDecoder();
  const text = textChunks(byteChunks(input), decoder, options)[Symbol.asyncIterator]();

  // Read until the header line is complete, to choose the delimiter before papaparse starts.
  let head = "";
  let header: HeaderLine | "more" | "empty" = "more";
  let eof = false;
  const scan: HeaderScan = { pos: 0, hinted: null };
  while (header === "more") {
    const next = await text.next();
    if (next.done) eof = true;
    else head += next.value;
    header = findHeaderLine(head, eof, scan);
    if (header === "more" && head.length > 10 * (options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH)) {
      await text.return?.(undefined);
      throw new CsvUnreadableError("no-header", "Aucune ligne d'en-tête au début du fichier : seulement des lignes vides.");
    }
  }
  if (header === "empty") {
    await text.return?.(undefined);
    throw new CsvUnreadableError("empty", "Le fichier est vide : aucune ligne d'en-tête ni de données.");
  }

  const { delimiter } = header;
  const validator = new RowValidator(delimiter, options);

  // Well-formed records are read by the reader's own scanner (`RecordScanner`, issue 16: papaparse's
  // per-chunk and per-record machinery was a third of the reading); from the first record it cannot
  // read exactly as papaparse would (a misplaced or unclosed quote), papaparse reads the rest.
  let pending = head;
  let final = eof;
  if (options.csvParser !== "papaparse") {
    const scanner = new RecordScanner(delimiter);
    const sink = (row: string[], innerNewlines: number) => validator.record(row, NO_PARSE_ERRORS, innerNewlines);
    try {
      for (;;) {
        validator.checkReplacement = pending.includes("\uFFFD");
        const stop = scanner.scan(pending, final, sink);
        pending = stop === pending.length ? "" : pending.slice(stop);
        if (scanner.irregular) break;
        if (final) return validator.report(decoder.encoding, decoder.bom);
        const next = await text.next();
        if (next.done) final = true;
        else pending = pending === "" ? next.value : pending + next.value;
      }
    } catch (error) {
      await text.return?.(undefined); // stops the input stream
      throw error;
    }
  }
  validator.checkReplacement = true;
  const source = new TextSource(pending, final ? null : text);

  await new Promise<void>((resolve, reject) => {
    let settled = false;
    let failure: unknown = null;
    const settle = (error: unknown) => {
      if (settled) return;
      settled = true;
      if (error) reject(error);
      else resolve();
    };
    // papaparse reads any object with Node's readable-stream shape; `TextSource` is one, without Node.
    Papa.parse<string[]>(source as unknown as Papa.LocalFile, {
      delimiter,
      newline: "\n",
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      step(results, parser) {
        if (failure) return;
        try {
          validator.record(results.data, results.errors);
        } catch (error) {
          failure = error;
          parser.abort();
          source.stop();
        }
      },
      complete() {
        settle(failure);
      },
      error(error: unknown) {
        settle(error);
      },
    });
    source.start();
  });

  return validator.report(decoder.encoding, decoder.bom);
}

/**
 * The decoded text as papaparse's stream reader wants it (`readable`, `read`, `on`, `removeListener`,
 * `pause`, `resume`: the shape of a Node readable stream), fed from the text iterator one chunk at a
 * time with no read-ahead, so that only one chunk is in memory. `stop()` ends the input early (and
 * closes the underlying byte stream) when parsing was aborted.
 */
class TextSource {
  readonly readable = true;
  private readonly listeners = new Map<string, ((arg?: unknown) => void)[]>();
  private stopped = false;
  private paused: (() => void) | null = null;
  private holding = false;

  constructor(
    private head: string | null,
    private readonly rest: AsyncIterator<string> | null,
  ) {}

  read(): null {
    return null;
  }

  on(event: string, listener: (arg?: unknown) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  removeListener(event: string, listener: (arg?: unknown) => void): this {
    this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== listener));
    return this;
  }

  pause(): void {
    this.holding = true;
  }

  resume(): void {
    this.holding = false;
    this.paused?.();
    this.paused = null;
  }

  stop(): void {
    this.stopped = true;
  }

  start(): void {
    void this.pump();
  }

  private emit(event: string, arg?: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(arg);
  }

  private async pump(): Promise<void> {
    try {
      const head = this.head;
      this.head = null; // the first chunk can be large: not kept past its parsing
      if (!this.stopped) this.emit("data", head);
      while (this.rest && !this.stopped) {
        if (this.holding) await new Promise<void>((resolve) => (this.paused = resolve));
        const next = await this.rest.next();
        if (next.done || this.stopped) break;
        this.emit("data", next.value);
      }
      if (!this.stopped) this.emit("end");
    } catch (error) {
      if (!this.stopped) this.emit("error", error);
    } finally {
      await this.rest?.return?.(undefined); // stops the input stream when parsing ends early
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes and text

async function* byteChunks(input: FactorsCsvInput): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let i = 0; i < input.length; i += BYTE_CHUNK) yield input.subarray(i, i + BYTE_CHUNK);
    return;
  }
  const iterable: AsyncIterable<unknown> =
    typeof Blob !== "undefined" && input instanceof Blob
      ? (input.stream() as unknown as AsyncIterable<Uint8Array>)
      : (input as AsyncIterable<unknown>);
  const encoder = new TextEncoder();
  for await (const chunk of iterable) {
    if (chunk instanceof Uint8Array) {
      for (let i = 0; i < chunk.length; i += BYTE_CHUNK) yield chunk.subarray(i, i + BYTE_CHUNK);
    } else if (typeof chunk === "string") yield encoder.encode(chunk);
    else throw new TypeError("readFactorsCsv: the stream must yield bytes (Uint8Array) or strings");
  }
}

/** Decoded text with `\n` line ends, in chunks of about `TEXT_CHUNK`; checks binary content and line length. */
async function* textChunks(bytes: AsyncIterable<Uint8Array>, decoder: AutoDecoder, options: ReadFactorsOptions): AsyncGenerator<string> {
  const maxLine = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  let carryCR = false;
  let lineLength = 0;
  let line = 1;
  let sampled = false;
  let buffer = "";

  const normalise = (decoded: string, final: boolean): string => {
    let s = carryCR ? `\r${decoded}` : decoded;
    carryCR = false;
    if (!final && s.endsWith("\r")) {
      carryCR = true;
      s = s.slice(0, -1);
    }
    if (s.includes("\r")) s = s.replace(/\r\n?/g, "\n");
    if (s.includes("\u0000")) throw new CsvUnreadableError("binary", BINARY_MESSAGE);
    if (!sampled && s.length > 0) {
      sampled = true;
      if (looksBinary(s.slice(0, 4096))) throw new CsvUnreadableError("binary", BINARY_MESSAGE.replace("(octets nuls)", "(caractères de contrôle)"));
    }
    // Longest physical line.
    let nl = s.indexOf("\n");
    if (nl === -1) lineLength += s.length;
    else {
      lineLength += nl;
      for (;;) {
        if (lineLength > maxLine) throw lineTooLong(line, maxLine);
        line++;
        const next = s.indexOf("\n", nl + 1);
        if (next === -1) break;
        lineLength = next - nl - 1;
        nl = next;
      }
      lineLength = s.length - nl - 1;
    }
    if (lineLength > maxLine) throw lineTooLong(line, maxLine);
    return s;
  };

  for await (const chunk of bytes) {
    if (options.maxBytes !== undefined && decoder.bytesRead + chunk.length > options.maxBytes) {
      throw new CsvUnreadableError(
        "too-large",
        `Le fichier dépasse la taille maximale acceptée (${formatBytes(options.maxBytes)}) : découpez-le en plusieurs fichiers.`,
      );
    }
    buffer += normalise(decoder.push(chunk), false);
    if (buffer.length >= TEXT_CHUNK) {
      yield buffer;
      buffer = "";
    }
  }
  buffer += normalise(decoder.end(), true);
  if (buffer.length > 0) yield buffer;
}

function lineTooLong(line: number, max: number): CsvUnreadableError {
  return new CsvUnreadableError(
    "line-too-long",
    `La ligne ${line} dépasse ${max.toLocaleString("fr-FR")} caractères : ce n'est probablement pas un fichier CSV de facteurs d'émission.`,
  );
}

/** More than 10 % of control characters (other than tab, line feed, carriage return) in a sample. */
function looksBinary(sample: string): boolean {
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) control++;
  }
  return control > sample.length / 10;
}

// ---------------------------------------------------------------------------------------------
// Header line detection (before parsing)

interface HeaderLine {
  delimiter: CsvDelimiter;
}

/** Where `findHeaderLine` stopped, so that each call only scans the new text. */
interface HeaderScan {
  pos: number;
  hinted: CsvDelimiter | null;
}

/**
 * Find the first meaningful line (skipping empty lines, lines of separators only and Excel's
 * `sep=;` hint) and choose the delimiter: the `sep=` hint if any, else whichever of `;`, tab and `,`
 * occurs most often outside quotes in that line (ties: `;`, then tab, then `,`).
 */
function findHeaderLine(text: string, eof: boolean, scan: HeaderScan): HeaderLine | "more" | "empty" {
  for (;;) {
    const end = lineEnd(text, scan.pos);
    if (end === -1 && !eof) return "more";
    const line = text.slice(scan.pos, end === -1 ? text.length : end);
    const sep = /^sep=(.)$/i.exec(line.trim().replace(/^"|"$/g, ""));
    if (sep && (DELIMITERS as readonly string[]).includes(sep[1] as string)) {
      scan.hinted = sep[1] as CsvDelimiter;
    } else if (line.replace(/[;,\t"\s]/g, "") !== "") {
      return { delimiter: scan.hinted ?? countDelimiters(line) };
    }
    if (end === -1) return "empty";
    scan.pos = end + 1;
  }
}

/** Index of the `\n` ending the line that starts at `pos` (quotes respected), or -1. */
function lineEnd(text: string, pos: number): number {
  let inQuotes = false;
  for (let i = pos; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === "\n" && !inQuotes) return i;
  }
  return -1;
}

function countDelimiters(line: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && counts.has(c as CsvDelimiter)) counts.set(c as CsvDelimiter, (counts.get(c as CsvDelimiter) ?? 0) + 1);
  }
  let best: CsvDelimiter = ";";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Record validation

function countNewlines(row: readonly string[]): number {
  let n = 0;
  for (const field of row) {
    for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) n++;
  }
  return n;
}

function isBlank(row: readonly string[]): boolean {
  for (const field of row) if (field.trim() !== "") return false;
  return true;
}

function clip(value: string): string {
  return value.length > VALUE_MAX ? `${value.slice(0, VALUE_MAX - 1)}…` : value;
}

/** The reader's factor from the zod schema's output (the slow path; `fastFactor` builds the same). */
function fromParsed(d: FactorRowOutput, line: number, extra: Record<string, string>): NormalisedFactor {
  const factor: NormalisedFactor = {
    line,
    item: d.item,
    segment: d.segment,
    ghgCategory: d.ghgCategory,
    value: d.value,
    unit: d.unit,
    massUnit: d.massUnit,
    activityUnit: d.activityUnit,
    valueKgPerUnit: d.valueKgPerUnit,
    uncertaintyPct: d.uncertaintyPct,
    method: d.method,
    accounting: d.accounting,
    referenceYear: d.referenceYear,
    verifiedBy: d.verifiedBy,
    source: d.source,
    extra,
  };
  // Optional product-footprint data (PACT export): only on the rows that give some.
  if (d.pcf) factor.pcf = d.pcf;
  return factor;
}

const NO_EXTRA: Record<string, string> = Object.freeze({}) as Record<string, string>;
const NO_PARSE_ERRORS: readonly Papa.ParseError[] = Object.freeze([]) as readonly Papa.ParseError[];

class RowValidator {
  private readonly schema: FactorRowSchema;
  private readonly maxErrors: number;
  private line = 1;
  private headerLine = 0;
  private headerFatal = false;
  private columns: (FactorColumn | null)[] = [];
  /** Per file column, its index in `factorColumns` (-1: not a contract column). */
  private slots: number[] = [];
  private readonly cells: (string | undefined)[] = factorColumns.map(() => undefined);
  /** False while the text being read has no U+FFFD at all (checked per chunk): no per-cell search. */
  checkReplacement = true;
  private extraNames: string[] = [];
  private readonly nameless = new Set<number>();
  private readonly namelessUsed = new Set<number>();
  private readonly headerMap: Partial<Record<FactorColumn, string>> = {};
  private readonly present = new Set<FactorColumn>();
  private readonly unknownColumns: string[] = [];
  private readonly errors: FactorIssue[] = [];
  private errorCount = 0;
  private readonly warnings: FactorWarning[] = [];
  private warningCount = 0;
  private readonly factors: NormalisedFactor[] = [];
  private readonly onFactor: ((factor: NormalisedFactor, errorsSoFar: number) => void) | undefined;
  private validCount = 0;
  private readonly freeSegments = new Set<string>();
  private rows = 0;

  constructor(
    private readonly delimiter: CsvDelimiter,
    options: ReadFactorsOptions,
  ) {
    const decimalSeparator: DecimalSeparator | undefined = delimiter === ";" ? "," : undefined;
    // With `onFactor` the factors are handed over one by one, not kept here: their texts need not be copied.
    this.schema = createFactorRowSchema({ currentYear: options.currentYear, decimalSeparator, detachText: !options.onFactor });
    this.maxErrors = options.maxErrors ?? DEFAULT_MAX_ERRORS;
    this.onFactor = options.onFactor;
  }

  /** One record (papaparse's or the scanner's, which knows its line breaks). */
  record(row: string[], parseErrors: readonly Papa.ParseError[], innerNewlines = countNewlines(row)): void {
    const start = this.line;
    this.line += 1 + innerNewlines;
    if (isBlank(row) && parseErrors.length === 0) return;
    if (this.headerLine === 0) {
      if (/^sep=.$/i.test(row.join(this.delimiter).trim())) return;
      this.readHeader(row, start);
      return;
    }
    this.readRow(row, start, parseErrors);
  }

  private error(issue: FactorIssue): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push(issue);
  }

  private warn(warning: FactorWarning): void {
    this.warningCount++;
    if (this.warnings.length < this.maxErrors) this.warnings.push(warning);
  }

  private readHeader(row: string[], line: number): void {
    this.headerLine = line;
    const extraTaken = new Set<string>();
    row.forEach((cell, i) => {
      const name = cell.replace(/^\uFEFF/, "").trim();
      const column = name === "" ? null : matchHeader(name);
      this.columns.push(null);
      this.slots.push(-1);
      this.extraNames.push("");
      if (column) {
        const previous = this.headerMap[column];
        if (previous !== undefined) {
          this.headerFatal = true;
          this.error({
            line,
            column: name,
            message: `colonne en double : ${quoted(previous)} et ${quoted(name)} désignent la même donnée (${column}) ; gardez-en une seule`,
          });
          return;
        }
        this.headerMap[column] = name;
        this.present.add(column);
        this.columns[i] = column;
        this.slots[i] = factorColumns.indexOf(column);
        return;
      }
      let key = name === "" ? `colonne ${i + 1}` : name;
      for (let n = 2; extraTaken.has(key); n++) key = `${name} (${n})`;
      extraTaken.add(key);
      this.extraNames[i] = key;
      if (name === "") this.nameless.add(i);
      else {
        this.unknownColumns.push(name);
        this.warn({
          line,
          column: name,
          message: `colonne inconnue ${quoted(name)} : conservée telle quelle, non utilisée pour les calculs`,
        });
      }
    });
    if (this.present.size === 0) {
      const expected = factorColumnSpecs.filter((c) => c.required).map((c) => c.french).join(this.delimiter === "\t" ? " ; " : this.delimiter);
      throw new CsvUnreadableError(
        "no-header",
        `Aucune colonne reconnue à la ligne ${line} : la première ligne doit porter les noms des colonnes, par exemple ${expected} (voir le modèle de fichier).`,
      );
    }
    for (const spec of factorColumnSpecs) {
      if (spec.required && !this.present.has(spec.name)) {
        this.headerFatal = true;
        const names = spec.french === spec.name ? quoted(spec.french) : `${quoted(spec.french)} (ou ${quoted(spec.name)})`;
        this.error({ line, column: spec.name, message: `colonne obligatoire absente : ajoutez une colonne ${names}` });
      }
    }
  }

  private readRow(row: string[], line: number, parseErrors: readonly Papa.ParseError[]): void {
    this.rows++;
    const before = this.errorCount;
    // The cells by column, in `factorColumns` order (one array per reader, refilled per row).
    const cells = this.cells;
    // Files without unknown columns share one frozen empty object (200,000 × 56 bytes saved).
    const extra: Record<string, string> = this.columns.length === this.present.size ? NO_EXTRA : {};
    const width = this.columns.length;
    let overflow = 0;
    for (let i = 0; i < row.length; i++) {
      const cell = row[i] as string;
      if (i >= width) {
        if (cell.trim() !== "") overflow = row.length;
        continue;
      }
      const column = this.columns[i];
      if (this.checkReplacement && cell.includes("\uFFFD")) {
        this.error({ line, column: (column && this.headerMap[column]) || this.extraNames[i] || "", value: clip(cell.trim()), message: messages.unreadableCharacter(cell.trim()) });
      }
      const slot = this.slots[i] as number;
      if (slot >= 0) cells[slot] = cell;
      else if (this.nameless.has(i)) {
        const t = cell.trim();
        if (t !== "") {
          extra[this.extraNames[i] as string] = detach(t);
          this.namelessUsed.add(i);
        }
      } else extra[this.extraNames[i] as string] = detach(cell.trim());
    }
    for (let i = row.length; i < width; i++) {
      const slot = this.slots[i] as number;
      if (slot >= 0) cells[slot] = undefined;
    }
    for (const e of parseErrors) {
      this.error({
        line,
        column: "",
        message:
          e.code === "MissingQuotes"
            ? "guillemet ouvrant jamais refermé : tout le reste du fichier est lu comme un seul champ ; ajoutez le guillemet fermant"
            : "guillemets mal placés : un champ entre guillemets doit se terminer par un guillemet suivi du séparateur (doublez les guillemets à l'intérieur : \"\")",
      });
    }
    if (overflow > 0) {
      const sep = this.delimiter === "\t" ? "tabulation" : `« ${this.delimiter} »`;
      this.error({
        line,
        column: "",
        message: `la ligne compte ${overflow} champs alors que l'en-tête en compte ${width} : un texte contenant le séparateur ${sep} doit être entre guillemets`,
      });
    }

    // An unclosed quote swallowed the rest of the file: the cells mean nothing, say only that.
    if (parseErrors.some((e) => e.code === "MissingQuotes")) return;

    let factor = this.schema.fastFactor(cells, line, extra);
    if (!factor) {
      // A cell is not valid: the zod schema says which, in French (same input as before issue 16).
      const input: FactorRowInput = {};
      for (let k = 0; k < factorColumns.length; k++) {
        const cell = cells[k];
        if (cell !== undefined) input[factorColumns[k] as FactorColumn] = cell;
      }
      const parsed = this.schema.safeParse(input);
      if (parsed.success) factor = fromParsed(parsed.data, line, extra); // not expected (same readers), but zod is the authority
      else for (const issue of parsed.error.issues) {
        const column = issue.path[0] as FactorColumn | undefined;
        if (column === undefined || !this.present.has(column)) continue; // missing column: reported once, line 1
        const raw = input[column]?.trim() ?? "";
        this.error({
          line,
          column: this.headerMap[column] ?? column,
          ...(raw !== "" ? { value: clip(raw) } : {}),
          message: issue.message,
        });
      }
    }
    if (this.errorCount > before || this.headerFatal || !factor) return;

    if (!isSegmentId(factor.segment) && !this.freeSegments.has(factor.segment)) {
      this.freeSegments.add(factor.segment);
      this.warn({
        line,
        column: this.headerMap.segment,
        message: `segment ${quoted(factor.segment)} : ce n'est pas un segment d'achat du portail (${segmentIds.join(", ")}) ; conservé comme texte libre`,
      });
    }
    this.validCount++;
    if (this.onFactor) this.onFactor(factor, this.errorCount);
    else this.factors.push(factor);
  }

  report(encoding: CsvEncoding, bom: boolean): FactorsReport {
    if (this.headerLine === 0) {
      throw new CsvUnreadableError("no-header", "Le fichier ne contient aucune ligne d'en-tête.");
    }
    if (this.rows === 0) {
      this.error({ line: this.headerLine, column: "", message: "le fichier ne contient aucune ligne de facteur après l'en-tête" });
    }
    for (const i of this.namelessUsed) {
      this.unknownColumns.push(this.extraNames[i] as string);
      this.warn({
        line: this.headerLine,
        column: this.extraNames[i],
        message: `la colonne n° ${i + 1} n'a pas de nom mais contient des valeurs : conservées telles quelles, non utilisées pour les calculs`,
      });
    }
    const hiddenWarnings = this.warningCount - this.warnings.length;
    if (hiddenWarnings > 0) this.warnings.push({ message: `… et ${hiddenWarnings} autres avertissements non détaillés` });
    const hiddenErrors = this.errorCount - this.errors.length;
    if (hiddenErrors > 0) {
      this.warnings.push({ message: `… et ${hiddenErrors} autres erreurs non détaillées (${this.errorCount} au total)` });
    }
    return {
      rows: this.rows,
      valid: this.headerFatal ? 0 : this.validCount,
      errors: this.errors,
      errorCount: this.errorCount,
      warnings: this.warnings,
      factors: this.headerFatal ? [] : this.factors,
      encoding,
      bom,
      delimiter: this.delimiter,
      headerMap: this.headerMap,
      unknownColumns: this.unknownColumns,
    };
  }
}
