/** Dates as the portal shows them: Europe/Paris, French. */
const PARIS = "Europe/Paris";

export function formatParis(iso: string, style: "long" | "short" = "long"): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat("fr-FR", {
    timeZone: PARIS,
    dateStyle: style === "long" ? "full" : "short",
    timeStyle: "short",
  }).format(d);
}

export function formatParisTime(iso: string): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

export function formatParisSeconds(iso: string): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, dateStyle: "long", timeStyle: "medium" }).format(new Date(iso));
}

/** « dans 2 j 5 h » when the deadline is under 72 hours away, null otherwise (or when passed). */
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
