import { Link } from "@remix-run/react";

/** Issue 14 §7: when to use a campaign, when a tender — one sentence each, with the rule. */
export function CampaignOrTender() {
  return (
    <section className="card explainer" aria-label="Campagne ou appel d'offres ?">
      <p>
        <strong>Campagne de maturité</strong> : pour connaître et faire progresser la maturité numérique responsable de votre panel de fournisseurs
        (questionnaire du guide, bilan radar, plan de progrès), sans prix ni classement.
      </p>
      <p>
        <strong>Appel d'offres</strong> : pour choisir une offre pour un marché, sur des critères liés à son objet et annoncés à l'avance.
      </p>
      <p className="small">
        <Link to="/guide">La règle : un questionnaire sur la politique générale de l'entreprise sert à s'informer, pas à noter une offre publique</Link>{" "}
        (CE, 25 mai 2018, <i>Nantes Métropole</i>, n° 417580 ; guide INR « évaluer et influencer », fiche BP-AIR V1).
      </p>
    </section>
  );
}
