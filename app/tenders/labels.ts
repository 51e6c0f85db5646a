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

/**
 * What a shared debrief shows the supplier, said once: the buyer's confirmation and the supplier's
 * debrief page both print this list, so the promise and the page agree (issue 20 §2). Neutral
 * wording (« la note », not « sa » / « votre »): it reads right on both pages.
 */
export function debriefContents(rankedCount: number): string[] {
  return [
    "la note totale, les notes par partie (prix, valeur technique, RSE) et par critère",
    `le rang sur ${rankedCount} ${rankedCount < 2 ? "offre classée" : "offres classées"}`,
    "le détail des points RSE par critère et par réponse (points obtenus, sur combien, points perdus), avec le niveau retenu",
    "les justifications des évaluateurs lorsqu'ils ont changé un niveau",
  ];
}

/** Never in a debrief: said next to the list above. */
export const DEBRIEF_NEVER = "jamais les réponses, les noms, les notes ni les prix des autres fournisseurs (ni le prix le plus bas)";

/** The buyer-side page of a consultation: a tender's or a maturity campaign's (issue 14). */
export function consultationBase(t: { id: number; kind: string }): string {
  return t.kind === "campaign" ? `/acheteur/campagnes/${t.id}` : `/acheteur/appels-d-offres/${t.id}`;
}
