/**
 * The reader's own CSV record scanner for well-formed text (issue 16): the same records as
 * papaparse with the reader's settings (`newline: "\n"`, `quoteChar` and `escapeChar` `"`, no
 * header, no typing, empty lines kept), without papaparse's per-chunk and per-record machinery
 * (its ChunkStreamer, one results object per record, the step wrapper).
 *
 * It only accepts what it can read exactly as papaparse does:
 * - unquoted fields, split on the delimiter and `\n` (a `"` inside an unquoted field is an ordinary
 *   character, as in papaparse);
 * - quoted fields (a `"` first in the field) whose closing quote is followed at once by the
 *   delimiter, `\n` or the end of the file, with `""` for a quote inside; such a field may hold the
 *   delimiter and line breaks.
 * Anything else — a closing quote followed by spaces or text, a quote never closed — is
 * "irregular": `scan` stops at the start of that record and the reader hands the rest of the file,
 * from that record on, to papaparse, which then reports the problem with its usual errors.
 * Starting papaparse at a record boundary gives the same records as papaparse from the start: its
 * only state between records is the unparsed rest of the text.
 *
 * Same end-of-file rule as papaparse's stream mode: text ending with `\n` ends with that record
 * (no empty record after it); text not ending with `\n` has a last record without line end.
 */

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * One record: its fields, and the number of line breaks inside its quoted fields. The array is the
 * scanner's own, refilled for the next record: read it, do not keep it.
 */
export type RecordSink = (row: string[], innerNewlines: number) => void;

export class RecordScanner {
  private readonly delim: number;
  private readonly row: string[] = [];
  /** Set by `scan` when it stopped before a record papaparse must read. */
  irregular = false;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n") throw new Error(`RecordScanner: unsupported delimiter ${JSON.stringify(delimiter)}`);
    this.delim = delimiter.charCodeAt(0);
  }

  /**
   * Scans the complete records of `text` and hands each to `sink`. Returns where it stopped: the
   * start of the first record it did not read — incomplete (more text needed; with `final`, never),
   * or irregular (`this.irregular` set). `text.length` when every record was read.
   */
  scan(text: string, final: boolean, sink: RecordSink): number {
    const delim = this.delim;
    const delimiter = String.fromCharCode(delim);
    const len = text.length;
    let pos = 0;
    // Next delimiter / line feed at or after the cursor (-1: none left); refreshed when passed.
    let nextDelim = text.indexOf(delimiter);
    let nextNl = text.indexOf("\n");
    records: while (pos < len) {
      const start = pos;
      let p = pos;
      let inner = 0;
      const row = this.row;
      let n = 0;
      for (;;) {
        if (p < len && text.charCodeAt(p) === QUOTE) {
          // Quoted field: find its closing quote ("" is a quote inside).
          let q = p + 1;
          let escaped = false;
          let close: number;
          for (;;) {
            close = text.indexOf('"', q);
            if (close === -1) {
              if (final) this.irregular = true; // never closed: papaparse says MissingQuotes
              return start;
            }
            if (close + 1 === len) {
              if (!final) return start; // the next character (a second quote?) is not here yet
              break;
            }
            if (text.charCodeAt(close + 1) === QUOTE) {
              escaped = true;
              q = close + 2;
              continue;
            }
            break;
          }
          const after = close + 1 < len ? text.charCodeAt(close + 1) : -1;
          if (after !== -1 && after !== delim && after !== NEWLINE) {
            this.irregular = true; // spaces or text after the closing quote: papaparse's rules
            return start;
          }
          let value = text.slice(p + 1, close);
          if (escaped) value = value.replaceAll('""', '"');
          if (nextNl !== -1 && nextNl < close) {
            for (let i = value.indexOf("\n"); i !== -1; i = value.indexOf("\n", i + 1)) inner++;
            nextNl = text.indexOf("\n", close + 1);
          }
          if (nextDelim !== -1 && nextDelim < close) nextDelim = text.indexOf(delimiter, close + 1);
          row[n++] = value;
          if (after === delim) {
            p = close + 2;
            nextDelim = text.indexOf(delimiter, p);
            continue;
          }
          if (row.length !== n) row.length = n;
          sink(row, inner);
          if (after === -1) return len;
          pos = close + 2;
          nextNl = text.indexOf("\n", pos);
          continue records;
        }
        // Unquoted field: up to the next delimiter or line feed.
        if (nextDelim !== -1 && (nextDelim < nextNl || nextNl === -1)) {
          row[n++] = text.slice(p, nextDelim);
          p = nextDelim + 1;
          nextDelim = text.indexOf(delimiter, p);
          continue;
        }
        if (nextNl !== -1) {
          row[n++] = text.slice(p, nextNl);
          if (row.length !== n) row.length = n;
          sink(row, inner);
          pos = nextNl + 1;
          nextNl = text.indexOf("\n", pos);
          continue records;
        }
        if (!final) return start;
        row[n++] = text.slice(p);
        if (row.length !== n) row.length = n;
        sink(row, inner);
        return len;
      }
    }
    return len;
  }
}
