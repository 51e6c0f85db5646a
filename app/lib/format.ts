/** Numbers, sizes and file names, the French way, for pages, exports and messages. Browser-safe. */

/** French number: decimal comma, at most `digits` decimals; « — » when there is none. */
export function frNum(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  return n.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** An amount in euros excluding tax, two decimals. */
export function frEuros(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return `${n.toLocaleString("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 2 })} € HT`;
}

/** A size in bytes: « 10 Mo », « 512 Ko », « 12 octets » (one implementation, in the pure emission-factor library). */
export { formatBytes } from "#emission-factors";

/** An uploaded file's name kept readable but harmless: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (cleaned || "fichier").slice(0, 200);
}
