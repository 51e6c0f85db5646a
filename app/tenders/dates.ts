/**
 * Deadlines are entered and shown in Europe/Paris wall-clock time and stored as UTC ISO-8601.
 * Conversion with Intl only (no date library); runs in the browser and on the server.
 */
export const PARIS = "Europe/Paris";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function parisParts(epochMs: number): Parts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter.formatToParts(new Date(epochMs))) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset (ms) of Paris wall-clock time from UTC at the given instant. */
function parisOffsetMs(epochMs: number): number {
  const p = parisParts(epochMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * "2026-03-29" + "10:00" in Paris → UTC ISO string, or null if the date/time is malformed or does
 * not exist. A wall-clock time skipped by the spring DST change maps to the instant one hour later.
 */
export function parisToUtcIso(date: string, time: string): string | null {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, mi] = [Number(t[1]), Number(t[2])];
  const guess = Date.UTC(y, m - 1, day, h, mi);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return null;
  let instant = guess - parisOffsetMs(guess);
  // Second pass: the offset at the resulting instant may differ (near a DST change).
  instant = guess - parisOffsetMs(instant);
  return new Date(instant).toISOString();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** UTC ISO → { date: "YYYY-MM-DD", time: "HH:MM" } in Paris, for form fields. */
export function utcIsoToParis(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { date: "", time: "" };
  const p = parisParts(ms);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** "12/03/2026 à 17:00 (heure de Paris)" */
export function formatParis(iso: string | null | undefined, { withZone = false } = {}): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const p = parisParts(ms);
  const s = `${pad(p.day)}/${pad(p.month)}/${p.year} à ${pad(p.hour)}:${pad(p.minute)}`;
  return withZone ? `${s} (heure de Paris)` : s;
}

/** French number: decimal comma, at most `digits` decimals. */
export function frNum(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return "—";
  return n.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function frEuros(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return `${n.toLocaleString("fr-FR", { maximumFractionDigits: 2, minimumFractionDigits: 2 })} € HT`;
}
