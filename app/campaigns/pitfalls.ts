/**
 * Evaluation aids (issue 14 §5): the guide's pitfalls, spotted in a submitted answer and shown to
 * the evaluator next to it. Source: INR BP-AIR fiche V1, pitfalls as summarised in
 * shared/reference/inr-maturity-guide.md §3 point 8 — accepting « nous allons… » (an intention is
 * not a practice in place), accepting a bare link to a CSR report (require a summary and a page
 * number), overusing « sans objet » (every actor bears an extended responsibility). Pure; the
 * patterns are ours (heuristics: they prompt a check, they never change a level).
 */
export type Pitfall = { id: "intention" | "bare-link" | "not-applicable"; message: string };

const INTENTION = /\b(nous allons|nous prévoyons|nous envisageons|nous comptons|nous souhaitons|sera mis[e]? en place|seront mis(es)? en place|est prévu[e]?|sont prévu(e)?s|prochainement|à terme|d'ici (à |la fin de )?(20\d\d|fin))/i;
const URL = /https?:\/\/\S+/gi;
const PAGE = /\b(p\.|page|pages|pp\.)\s*\d+/i;

export function answerPitfalls(answer: { text: string; notApplicable: boolean; notApplicableReason: string } | undefined): Pitfall[] {
  if (!answer) return [];
  const out: Pitfall[] = [];
  if (answer.notApplicable) {
    out.push({
      id: "not-applicable",
      message:
        "« Sans objet » : le guide met en garde contre son usage excessif — chaque acteur porte une responsabilité étendue. Vérifiez que la raison donnée est précise et vraie.",
    });
    return out;
  }
  if (INTENTION.test(answer.text))
    out.push({ id: "intention", message: "Intention plutôt que pratique en place (« nous allons… ») : une démarche annoncée n'est pas une démarche en place." });
  const links = answer.text.match(URL) ?? [];
  if (links.length > 0) {
    const rest = answer.text.replace(URL, "").trim();
    if (rest.length < 120 || !PAGE.test(answer.text))
      out.push({ id: "bare-link", message: "Lien vers un rapport (RSE…) : exigez un résumé dans la réponse et le numéro de la page qui le démontre." });
  }
  return out;
}
