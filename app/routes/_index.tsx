import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [
  { title: "NR Procure — le numérique responsable dans les achats informatiques" },
  { name: "description", content: "Consultations informatiques avec critères de maturité numérique responsable, notation transparente et facteurs d'émission fournisseurs." },
];

export default function Index() {
  return (
    <>
      <h1>Le numérique responsable dans vos achats informatiques</h1>
      <p className="lead">
        NR Procure met en œuvre le guide de maturité fournisseurs de l'Institut du Numérique Responsable : 10 critères, 47
        questions ouvertes, une notation transparente et reproductible, et la collecte des facteurs d'émission propres à
        chaque fournisseur pour le scope 3.
      </p>
      <div className="grid">
        <div className="card card--link">
          <h2>
            <Link to="/acheteur">Acheteurs</Link>
          </h2>
          <p>Construisez vos consultations : segment d'achat, clauses, questions du guide, pondérations (RSE jusqu'à 30 % de la note), invitations, évaluation et comparaison des offres.</p>
        </div>
        <div className="card card--link">
          <h2>
            <Link to="/fournisseur">Fournisseurs</Link>
          </h2>
          <p>Répondez en ligne, joignez vos preuves, réutilisez vos réponses d'une consultation à l'autre et déposez vos facteurs d'émission.</p>
        </div>
        <div className="card card--link">
          <h2>
            <Link to="/rse">Équipes RSE</Link>
          </h2>
          <p>Vérifiez les facteurs d'émission des fournisseurs et mesurez ce qu'ils changent dans votre scope 3 par rapport aux ratios monétaires.</p>
        </div>
      </div>
      <div className="actions">
        <Link to="/guide" className="button">
          Lire le guide de maturité
        </Link>
        <Link to="/connexion" className="button button--secondary">
          Se connecter
        </Link>
      </div>
    </>
  );
}
