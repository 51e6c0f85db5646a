/**
 * Deterministic generator of realistic emission-factor CSV files (French Excel style: UTF-8 BOM,
 * `;`, CRLF, decimal commas, French headers, some quoted cells), for benchmarks — the reader's
 * (test/bench/emission-factors.bench.ts) and the database import's.
 *
 *   generateFactorsCsv(1000)                       → the file as a string
 *   await writeFactorsCsv(path, 200_000)            → streamed to disk, constant memory
 *   for (const chunk of factorsCsvChunks(n)) …      → the text in pieces (BOM first)
 *
 * Same `rows` and `seed` → same bytes. Every row is valid unless `invalidEvery` is set (then every
 * n-th row has a negative value).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

export interface FactorsCsvOptions {
  seed?: number;
  /** Make every n-th data row invalid (negative value); 0 or undefined = all valid. */
  invalidEvery?: number;
  /** Reference year of the rows: between `currentYear - 6` and `currentYear` (default 2025). */
  currentYear?: number;
}

const HEADER = "libelle;segment;categorie_ghg;valeur;unite;incertitude_pct;methode;comptabilisation;annee_reference;verifie_par;source";

const TEMPLATES: readonly { item: string; segment: string; category: number; unit: string; min: number; max: number }[] = [
  { item: "Ordinateur portable 14 pouces", segment: "postes-de-travail", category: 2, unit: "kgCO2e/unité", min: 150, max: 400 },
  { item: "Écran 24 pouces", segment: "postes-de-travail", category: 2, unit: "kgCO2e/unité", min: 200, max: 500 },
  { item: "Smartphone reconditionné", segment: "telephonie-mobile", category: 2, unit: "kgCO2e/unité", min: 10, max: 40 },
  { item: "Serveur rack 2U", segment: "infrastructures-datacenter", category: 2, unit: "tCO2e/unité", min: 1, max: 4 },
  { item: "Stockage objet, par Go et par mois", segment: "hebergement-cloud", category: 1, unit: "kgCO2e/Go.mois", min: 0.01, max: 0.5 },
  { item: "Machine virtuelle 4 vCPU", segment: "hebergement-cloud", category: 1, unit: "kgCO2e/heure", min: 0.005, max: 0.2 },
  { item: "Licence SaaS collaborative", segment: "logiciels-saas", category: 1, unit: "kgCO2e/utilisateur.an", min: 2, max: 30 },
  { item: "Électricité du datacenter", segment: "infrastructures-datacenter", category: 3, unit: "gCO2e/kWh", min: 20, max: 90 },
  { item: "Prestation de développement", segment: "prestations-intellectuelles", category: 1, unit: "kgCO2e/k€", min: 40, max: 150 },
  { item: "Collecte des DEEE", segment: "fin-de-vie-reemploi", category: 5, unit: "kgCO2e/km", min: 0.1, max: 1.2 },
];
const METHODS = ["lca-iso14040", "iso14067", "ghg-product", "pcr-ademe", "monetary-ratio", "other"] as const;
const VERIFIERS = ["", "", "", "Organisme tiers A", "Cabinet « Vérif » B"];

/** Park–Miller LCG: deterministic, fast, good enough for test data. */
function rng(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

function frenchNumber(n: number, digits: number): string {
  const [int, dec] = n.toFixed(digits).split(".");
  const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  return dec && Number(dec) !== 0 ? `${grouped},${dec.replace(/0+$/, "")}` : grouped;
}

/** The data rows, one CRLF-terminated line each (no header). */
export function* factorsCsvRows(rows: number, options: FactorsCsvOptions = {}): Generator<string> {
  const random = rng(options.seed ?? 42);
  const year = options.currentYear ?? 2025;
  for (let i = 1; i <= rows; i++) {
    const t = TEMPLATES[Math.floor(random() * TEMPLATES.length)]!;
    const value = t.min + random() * (t.max - t.min);
    const method = t.unit.endsWith("k€") ? "monetary-ratio" : METHODS[Math.floor(random() * 4)]!;
    const invalid = options.invalidEvery ? i % options.invalidEvery === 0 : false;
    const cells = [
      `${t.item} — réf. ${100000 + i}`,
      t.segment,
      String(t.category),
      (invalid ? "-" : "") + frenchNumber(value, value < 1 ? 4 : 2),
      t.unit,
      random() < 0.3 ? "" : String(5 + Math.floor(random() * 11) * 5),
      method,
      t.unit.endsWith("kWh") ? (random() < 0.5 ? "location-based" : "market-based") : "",
      String(year - Math.floor(random() * 7)),
      VERIFIERS[Math.floor(random() * VERIFIERS.length)]!,
      random() < 0.2 ? `"https://exemple.fr/fiches/${i}.pdf; annexe ${i % 7}"` : "",
    ];
    yield `${cells.join(";")}\r\n`;
  }
}

/** The whole file in chunks of about 64 KiB (BOM and header first). */
export function* factorsCsvChunks(rows: number, options: FactorsCsvOptions = {}): Generator<string> {
  let chunk = `\uFEFF${HEADER}\r\n`;
  for (const line of factorsCsvRows(rows, options)) {
    chunk += line;
    if (chunk.length >= 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** The whole file as one string. */
export function generateFactorsCsv(rows: number, options: FactorsCsvOptions = {}): string {
  let out = "";
  for (const chunk of factorsCsvChunks(rows, options)) out += chunk;
  return out;
}

/** Write the file to `path` (UTF-8), streaming, and resolve with its size in bytes. */
export async function writeFactorsCsv(path: string, rows: number, options: FactorsCsvOptions = {}): Promise<number> {
  const out = createWriteStream(path);
  for (const chunk of factorsCsvChunks(rows, options)) {
    if (!out.write(chunk, "utf8")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return out.bytesWritten;
}
