import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

/**
 * The error page every route shows (the root's ErrorBoundary renders it, and a route that wants its
 * own boundary exports `ErrorBoundary = GeneralErrorBoundary`). A refused request (an `AppError`
 * turned into a status by app/lib/route.server.ts) shows its French message; anything else is an
 * unexpected error, logged, with a reassuring message. Pattern: Epic Stack's GeneralErrorBoundary.
 */
export const statusTitles: Record<number, string> = {
  400: "Requête invalide",
  403: "Accès refusé",
  404: "Page introuvable",
  405: "Méthode non autorisée",
  409: "Action impossible",
  410: "Lien plus valable",
  413: "Fichier trop volumineux",
  415: "Type de fichier refusé",
  429: "Trop de tentatives",
};

/** The page title of an error page: the status's French title, or the unexpected-error title. */
export function errorPageTitle(error: unknown): string {
  if (isRouteErrorResponse(error)) return statusTitles[error.status] ?? `Erreur ${error.status}`;
  return "Une erreur inattendue est survenue";
}

export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = errorPageTitle(error);
    const message =
      typeof error.data === "string" && error.data
        ? error.data
        : error.status === 404
          ? "Cette page n'existe pas ou vous n'y avez pas accès."
          : "La requête n'a pas pu aboutir.";
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{title}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">Retour à l'accueil</Link>
        </p>
      </section>
    );
  }
  console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">Une erreur inattendue est survenue</h1>
      <p>Rien de ce que vous avez enregistré n'est perdu. Réessayez dans un instant ; si le problème persiste, contactez l'administrateur.</p>
      <p>
        <Link to="/">Retour à l'accueil</Link>
      </p>
    </section>
  );
}
