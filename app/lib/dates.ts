/**
 * Dates as the portal reads and shows them: Europe/Paris wall-clock time for people, UTC ISO-8601
 * in the database. Intl only (no date library); runs in the browser and on the server.
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

/**
 * The styles the pages use, each named once (examples for 15 January 2027, 12:00 in Paris):
 * - `numeric`: « 15/01/2027 à 12:00 » — buyer pages, tables, e-mails;
 * - `short`: « 15/01/2027 12:00 » — factor and library lists;
 * - `long`: « 15 janvier 2027 à 12:00 » — the NR annex;
 * - `full`: « vendredi 15 janvier 2027 à 12:00 » — deadlines on supplier pages;
 * - `seconds`: « 15 janvier 2027 à 12:00:00 » — receipts and submission notices;
 * - `time`: « 12:00 » — autosave status.
 */
export type ParisDateStyle = "numeric" | "short" | "long" | "full" | "seconds" | "time";

const formatters: Record<Exclude<ParisDateStyle, "numeric">, Intl.DateTimeFormat> = {
  short: new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "short", timeStyle: "short" }),
  long: new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "long", timeStyle: "short" }),
  full: new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "full", timeStyle: "short" }),
  seconds: new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "long", timeStyle: "medium" }),
  time: new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" }),
};

/** A UTC instant in Paris time, French (see `ParisDateStyle`); empty for a missing or invalid date. */
export function formatParis(iso: string | null | undefined, style: ParisDateStyle, { withZone = false } = {}): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  let text: string;
  if (style === "numeric") {
    const p = parisParts(ms);
    text = `${pad(p.day)}/${pad(p.month)}/${p.year} à ${pad(p.hour)}:${pad(p.minute)}`;
  } else text = formatters[style].format(new Date(ms));
  return withZone ? `${text} (heure de Paris)` : text;
}

/** « plus que 2 j 5 h » when the deadline is under 72 hours away, null otherwise (or when passed). */
export function countdown(deadlineIso: string, now: Date = new Date()): string | null {
  const ms = new Date(deadlineIso).getTime() - now.getTime();
  if (ms <= 0 || ms > 72 * 3600 * 1000) return null;
  const minutes = Math.floor(ms / 60_000);
  const d = Math.floor(minutes / (24 * 60));
  const h = Math.floor((minutes % (24 * 60)) / 60);
  const m = minutes % 60;
  if (d > 0) return `plus que ${d} j ${h} h`;
  if (h > 0) return `plus que ${h} h ${String(m).padStart(2, "0")} min`;
  return `plus que ${m} min`;
}

export function isPast(iso: string, now: Date = new Date()): boolean {
  return new Date(iso).getTime() <= now.getTime();
}
