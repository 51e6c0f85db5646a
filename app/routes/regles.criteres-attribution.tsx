import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { ENVIRONMENTAL_CRITERION_REQUIRED_FROM, MIN_ENVIRONMENTAL_SHARE } from "#scoring";

/**
 * Public page explaining the award rules the portal applies to public buyers (issue 11 §2). Facts and sources from
 * shared/reference/lawful-award-criteria.md (§1 L2152-7 and décret 2022-767; §2 CE 2018 Nantes Métropole; §3 Cigref;
 * §4 DAE/INR/DINUM guide); the rules themselves are enforced in one place, scoring/lawful-award.ts.
 */
export const meta: MetaFunction = () => [{ title: "Règles des critères d'attribution — NR Procure" }];

const [y, m, d] = ENVIRONMENTAL_CRITERION_REQUIRED_FROM.split("-");
const fromDate = `${d}/${m}/${y}`;

export default function AwardRules() {
  return (
    <>
      <h1>Règles des critères d'attribution</h1>
      <p className="lead">
        Ce que la plateforme vérifie avant de publier l'appel d'offres d'un <strong>acheteur public</strong> (soumis au code de la commande
        publique). Un acheteur privé en est libre. Le régime de chaque organisation acheteuse est fixé par l'administration de la plateforme et
        figé dans chaque appel d'offres à sa publication.
      </p>

      <section className="card" id="critere-environnemental">
        <h2>1. Au moins un critère sur les caractéristiques environnementales de l'offre</h2>
        <p>
          Depuis la loi n° 2021-1104 « Climat et Résilience » (article 35), l'article L2152-7 du code de la commande publique impose qu'au moins un
          critère d'attribution prenne en compte les caractéristiques environnementales de l'offre. Le décret n° 2022-767 du 2 mai 2022 l'applique
          aux consultations lancées à compter du <strong>{fromDate}</strong>.
        </p>
        <p>
          Le critère doit porter sur l'offre elle-même : par exemple l'empreinte carbone des équipements fournis (kgCO2e), leur consommation
          d'énergie, la durée de garantie, la disponibilité des pièces détachées, la part de réemploi, l'empreinte d'un service hébergé par
          utilisateur et par mois. Un questionnaire sur la politique générale de l'entreprise ne suffit pas. Dans le portail, ce sont les{" "}
          <strong>critères d'offre</strong> marqués « environnemental », avec une part de la note strictement positive.
        </p>
        <p className="field__hint">
          Sources : Code de la commande publique, art. L2152-7 (rédaction issue de la loi n° 2021-1104, art. 35) ; décret n° 2022-767 du 2 mai
          2022.
        </p>
      </section>

      <section className="card" id="lien-avec-le-marche">
        <h2>2. Seuls les critères liés au marché sont notés</h2>
        <p>
          Le Conseil d'État (CE, 25 mai 2018, <em>Nantes Métropole</em>, n° 417580) admet des critères sociaux ou environnementaux à condition
          qu'ils soient liés à l'objet du marché ou à ses conditions d'exécution. Ils ne peuvent pas évaluer la <strong>politique générale</strong>{" "}
          de l'entreprise (sa politique RSE sur l'ensemble de son activité) : le juge a confirmé l'annulation d'une procédure dont le critère
          « performance en matière de responsabilité sociale » évaluait l'entreprise dans son ensemble.
        </p>
        <p>
          Dans le portail, chaque question du guide a une portée. Une question de portée « organisation » (gouvernance, stratégie, politique
          générale de formation…) peut être posée <strong>pour information</strong>, avec un poids nul : elle ne compte pas dans la note. Une
          question de portée « marché » est posée sur les moyens affectés au présent marché (« Pour l'exécution du présent marché, … ») et peut
          être pondérée. Si le questionnaire garde une part de la note, au moins une question de portée « marché » doit être pondérée.
        </p>
        <p className="field__hint">
          Sources : CE, 25 mai 2018, Nantes Métropole, n° 417580 ; directive 2014/24/UE, art. 67 (lien avec l'objet du marché).
        </p>
      </section>

      <section className="card" id="niveaux-evalues">
        <h2>3. Seuls les niveaux relus comptent</h2>
        <p>
          Dans un appel d'offres public, une réponse au questionnaire ou une valeur d'offre ne compte qu'une fois relue par un évaluateur, qui la
          confirme ou la corrige en la justifiant (le fournisseur lit la justification dans son bilan). Tant qu'il reste des éléments à relire, le
          classement est provisoire et l'appel d'offres ne peut pas être clôturé.
        </p>
      </section>

      <section className="card" id="poids">
        <h2>4. Poids recommandé (conseil, non bloquant)</h2>
        <p>
          Le guide pratique pour des achats numériques responsables (DAE, INR, DINUM, 2021) recommande de garder le critère environnemental
          distinct de la valeur technique et de lui donner au moins {MIN_ENVIRONMENTAL_SHARE} % de la note : en dessous, il ne départage guère
          les offres. Le portail affiche un avertissement sans bloquer la publication. Le plafond de 30 % de la part RSE est une règle de la
          plateforme (pratique SNCF), pas une règle de droit.
        </p>
        <p>
          Les formules de notation sont décrites dans la <Link to="/guide">documentation</Link> et reprises dans l'annexe numérique responsable de
          chaque appel d'offres.
        </p>
      </section>
    </>
  );
}
