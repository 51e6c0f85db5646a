/** Europe/Paris date and time, as French buyers read them (« 15 janvier 2027 à 12:00 »). */
export function formatParis(iso: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(iso));
}
