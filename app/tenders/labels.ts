/** French labels shared by the buyer pages (browser-safe). */
import type { TenderStatus } from "#db/schema/tenders";

export const tenderStatusLabels: Record<TenderStatus, string> = {
  draft: "Brouillon",
  published: "Publié",
  cancelled: "Annulé",
  closed: "Clôturé",
};

export const tenderStatusBadge: Record<TenderStatus, string> = {
  draft: "badge badge--warn",
  published: "badge",
  cancelled: "badge badge--danger",
  closed: "badge",
};

/** One French sentence for the winner-stability figure of the scoring engine. */
export function stabilitySentence(changeAt: number | null, rseShare: number, rankedCount: number): string {
  const fr = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");
  if (rankedCount < 2) return "Un seul fournisseur est classé : la question de la stabilité du vainqueur ne se pose pas.";
  if (changeAt === null) return "Aucune part RSE entre 0 et 30 % ne changerait le vainqueur.";
  if (Math.abs(changeAt - rseShare) < 1e-9) {
    return `Le vainqueur est à égalité avec une autre offre : le moindre déplacement de la part RSE (actuellement ${fr(rseShare)} %) changerait le vainqueur.`;
  }
  return `Le classement changerait de vainqueur si la part RSE était de ${fr(changeAt)} % au lieu de ${fr(rseShare)} %.`;
}
