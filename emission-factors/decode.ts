/**
 * Incremental decoding of an uploaded CSV, with encoding detection, for files saved by Excel,
 * LibreOffice or a script.
 *
 * Detection (bytes are never all held in memory):
 * 1. a byte-order mark decides: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF) — the last
 *    two are what Excel writes as « Texte Unicode »; the mark is removed;
 * 2. otherwise ASCII text is passed through while it lasts (identical in every candidate); at the
 *    first non-ASCII byte, up to 64 KiB from there are checked: valid UTF-8 → UTF-8, else
 *    Windows-1252 (what French Excel writes as « CSV (séparateur : point-virgule) »).
 *    A file that is UTF-8 there but has invalid bytes further on (two files pasted together) is
 *    decoded as UTF-8 with U+FFFD in place of the bad bytes; the reader reports each such cell.
 *
 * Content that is not text is refused with `CsvUnreadableError`: known signatures (xlsx/zip,
 * xls, PDF, images, gzip…) and NUL bytes (outside UTF-16).
 */
import { CsvUnreadableError } from "./errors";

export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** How many bytes after the first non-ASCII byte are checked before choosing UTF-8 or Windows-1252. */
export const SNIFF_BYTES = 64 * 1024;

interface Signature {
  bytes: number[];
  reason: "spreadsheet" | "pdf" | "archive" | "image" | "binary";
  message: string;
}

const SAVE_AS_CSV = "enregistrez-le au format « CSV UTF-8 (délimité par des virgules) » ou « CSV (séparateur : point-virgule) »";
const SIGNATURES: Signature[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], reason: "spreadsheet", message: `Le fichier est un classeur Excel (.xlsx) ou une archive ZIP, pas un fichier CSV : ${SAVE_AS_CSV}.` },
  { bytes: [0x50, 0x4b, 0x05, 0x06], reason: "archive", message: "Le fichier est une archive ZIP vide, pas un fichier CSV." },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], reason: "spreadsheet", message: `Le fichier est un classeur Excel ancien format (.xls), pas un fichier CSV : ${SAVE_AS_CSV}.` },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], reason: "pdf", message: "Le fichier est un PDF, pas un fichier CSV." },
  { bytes: [0x1f, 0x8b], reason: "archive", message: "Le fichier est compressé (gzip), pas un fichier CSV : décompressez-le avant l'envoi." },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], reason: "archive", message: "Le fichier est une archive 7z, pas un fichier CSV." },
  { bytes: [0x52, 0x61, 0x72, 0x21], reason: "archive", message: "Le fichier est une archive RAR, pas un fichier CSV." },
  { bytes: [0x89, 0x50, 0x4e, 0x47], reason: "image", message: "Le fichier est une image PNG, pas un fichier CSV." },
  { bytes: [0xff, 0xd8, 0xff], reason: "image", message: "Le fichier est une image JPEG, pas un fichier CSV." },
  { bytes: [0x47, 0x49, 0x46, 0x38], reason: "image", message: "Le fichier est une image GIF, pas un fichier CSV." },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], reason: "binary", message: "Le fichier est un document RTF, pas un fichier CSV." },
];
const LONGEST_SIGNATURE = Math.max(...SIGNATURES.map((s) => s.bytes.length));

export const BINARY_MESSAGE = "Le fichier contient des données binaires (octets nuls) : ce n'est pas un fichier texte CSV.";

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is ISO-8859-1). Needed because Node 20's
 * `new TextDecoder("windows-1252")` decodes as ISO-8859-1 — 0x80 gives U+0080 instead of « € » —
 * contrary to the WHATWG Encoding standard (browsers and newer Node versions are right).
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as the C1 control of the same code, as in WHATWG.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Windows-1252 decoder that does not depend on the runtime's (see `CP1252_HIGH`). */
class Windows1252Decoder {
  private readonly latin1 = new TextDecoder("latin1");
  decode(bytes: Uint8Array, _options?: { stream?: boolean }): string {
    const text = this.latin1.decode(bytes);
    return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string) : text;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return i;
  return -1;
}

/** Push bytes in, get text out; see the module comment for the detection rule. */
export class AutoDecoder {
  private head: Uint8Array = new Uint8Array(0); // bytes before the BOM/signature check
  private started = false;
  private pending: Uint8Array = new Uint8Array(0); // bytes from the first non-ASCII byte, while undecided
  private decoder: Pick<TextDecoder, "decode"> | null = null;
  private mode: CsvEncoding | null = null;
  private readonly ascii = new TextDecoder("latin1"); // only ever given ASCII bytes
  private byteCount = 0;
  /** True when the file started with a byte-order mark. */
  bom = false;

  /** The detected encoding (`utf-8` for pure ASCII). Final once `end()` has been called. */
  get encoding(): CsvEncoding {
    return this.mode ?? "utf-8";
  }

  /** Bytes received so far. */
  get bytesRead(): number {
    return this.byteCount;
  }

  push(chunk: Uint8Array): string {
    this.byteCount += chunk.length;
    if (!this.started) {
      this.head = concat(this.head, chunk);
      if (this.head.length < LONGEST_SIGNATURE) return "";
      chunk = this.start(this.head);
    }
    return this.decode(chunk, false);
  }

  end(): string {
    let out = "";
    if (!this.started) out += this.decode(this.start(this.head), false);
    return out + this.decode(new Uint8Array(0), true);
  }

  /** Check signatures and BOM; returns the bytes left to decode. */
  private start(bytes: Uint8Array): Uint8Array {
    this.started = true;
    this.head = new Uint8Array(0);
    for (const sig of SIGNATURES) {
      if (startsWith(bytes, sig.bytes)) throw new CsvUnreadableError(sig.reason, sig.message);
    }
    const boms: [number[], CsvEncoding][] = [
      [[0xef, 0xbb, 0xbf], "utf-8"],
      [[0xff, 0xfe], "utf-16le"],
      [[0xfe, 0xff], "utf-16be"],
    ];
    for (const [mark, encoding] of boms) {
      if (startsWith(bytes, mark)) {
        this.bom = true;
        this.choose(encoding);
        return bytes.subarray(mark.length);
      }
    }
    return bytes;
  }

  private choose(encoding: CsvEncoding): void {
    this.mode = encoding;
    // ignoreBOM: the mark, if any, was removed by `start`; a later U+FEFF is kept as text.
    this.decoder = encoding === "windows-1252" ? new Windows1252Decoder() : new TextDecoder(encoding, { ignoreBOM: true });
  }

  private decode(chunk: Uint8Array, last: boolean): string {
    if (this.mode === null) {
      if (chunk.includes(0)) throw new CsvUnreadableError("binary", BINARY_MESSAGE);
      let out = "";
      if (this.pending.length === 0) {
        const i = firstNonAscii(chunk);
        if (i === -1) return this.ascii.decode(chunk);
        out = this.ascii.decode(chunk.subarray(0, i));
        chunk = chunk.subarray(i);
      }
      this.pending = concat(this.pending, chunk);
      if (this.pending.length < SNIFF_BYTES && !last) return out;
      this.choose(isUtf8Prefix(this.pending, last) ? "utf-8" : "windows-1252");
      const pending = this.pending;
      this.pending = new Uint8Array(0);
      return out + this.decoder!.decode(pending, { stream: !last });
    }
    if (this.mode !== "utf-16le" && this.mode !== "utf-16be" && chunk.includes(0)) {
      throw new CsvUnreadableError("binary", BINARY_MESSAGE);
    }
    return this.decoder!.decode(chunk, { stream: !last });
  }
}

/** True when `bytes` is valid UTF-8, allowing a sequence cut at the end unless `complete`. */
function isUtf8Prefix(bytes: Uint8Array, complete: boolean): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
