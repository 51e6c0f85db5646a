import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { methods, qualityRule } from "#questionnaires/emission-factors";
import { requireRole } from "~/auth/session.server";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Qualité et plausibilité des facteurs — Espace RSE — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, ["rse"]);
  return null;
});

export default function QualityRule() {
  const r = qualityRule;
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › <Link to="/rse/facteurs">Facteurs des fournisseurs</Link> › Qualité et plausibilité
      </p>
      <h1>Comment lire la qualité et la plausibilité d'un facteur</h1>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Indicateur de qualité (note A à E)</h2>
        <p>
          Chaque facteur reçoit un score sur 100, calculé à partir de ce que le fichier du fournisseur permet de vérifier. Le détail des points est affiché sous la
          note de chaque facteur.
        </p>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Critère</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>Méthode de calcul (au plus {r.maxPoints.method} points)</td>
              <td>
                <ul style={{ margin: 0 }}>
                  {methods.map((m) => (
                    <li key={m.id}>
                      {m.label} : {m.qualityPoints}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
            <tr>
              <td>Vérification par un tiers (colonne « verifie_par » renseignée)</td>
              <td>{r.maxPoints.verification}</td>
            </tr>
            <tr>
              <td>Âge des données (année en cours − année de référence)</td>
              <td>
                <ul style={{ margin: 0 }}>
                  {r.ageTiers.map((t) => (
                    <li key={t.maxYears}>
                      {t.maxYears} ans ou moins : {t.points}
                    </li>
                  ))}
                  <li>plus ancien : 0</li>
                </ul>
              </td>
            </tr>
            <tr>
              <td>Incertitude déclarée</td>
              <td>
                <ul style={{ margin: 0 }}>
                  {r.uncertaintyTiers.map((t) => (
                    <li key={t.maxPct}>
                      {t.maxPct} % ou moins : {t.points}
                    </li>
                  ))}
                  <li>au-delà, ou non renseignée : 0</li>
                </ul>
              </td>
            </tr>
          </tbody>
        </table>
        <p>
          Note :{" "}
          {r.grades.map((g, i) => (
            <span key={g.grade}>
              {i > 0 ? " · " : ""}
              <strong>{g.grade}</strong> {g.minScore > 0 ? `à partir de ${g.minScore}` : "en dessous"}
            </span>
          ))}
          .
        </p>
        <p className="muted">
          Pourquoi : le GHG Protocol classe les empreintes produit propres au fournisseur au-dessus des données moyennes et des ratios monétaires ; la vérification
          par un tiers et la fraîcheur des données sont les critères de qualité (PACT, GHG Protocol) qu'un acheteur peut contrôler à partir du fichier ; une
          incertitude inconnue ne rapporte rien, comme une incertitude forte (les ratios monétaires sont couramment pris à ± 50 %). Un facteur ISO 14067 récent,
          vérifié, à ± 10 % obtient 100 (A) ; un ratio monétaire de 4 ans à ± 50 % obtient 25 (E).
        </p>
      </section>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Contrôle de plausibilité (écart de plus d'un facteur 10)</h2>
        <p>
          Un facteur exprimé <strong>par k€ HT</strong> (ratio propre au fournisseur) est comparé au <Link to="/rse/ratios">ratio monétaire de référence</Link> de son
          segment d'achat, à défaut de sa catégorie du scope 3. S'il est plus de <strong>10 fois</strong> supérieur ou inférieur, il est signalé « à vérifier ».
        </p>
        <p>
          C'est un contrôle d'ordre de grandeur, pas un jugement : un ratio propre au fournisseur est censé s'écarter de la moyenne du secteur, mais un écart d'un
          facteur 10 signale plus souvent une erreur d'unité (gCO2e au lieu de kgCO2e, € au lieu de k€) ou de périmètre. Les euros ne sont pas corrigés de l'inflation
          entre l'année du facteur et celle du ratio.
        </p>
        <p>
          Les facteurs exprimés par unité physique (pièce, kWh, Go.mois, heure…) ne peuvent pas être comparés à un ratio monétaire sans connaître le prix : ils sont
          indiqués « non comparables ».
        </p>
      </section>
    </>
  );
}
