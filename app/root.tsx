import "~/lib/zod-csp";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf";
import { useNonce } from "~/components/nonce";
import { getCsrfToken } from "~/auth/csrf.server";
import { getCurrentUser, homeFor, roleLabels } from "~/auth/session.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ token, setCookie }, user] = await Promise.all([getCsrfToken(request), getCurrentUser(request)]);
  return data(
    {
      csrf: token,
      user: user
        ? {
            name: user.name,
            role: user.role,
            roleLabel: roleLabels[user.role],
            organisationName: user.organisationName,
            home: homeFor(user.role),
          }
        : null,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

type RootData = Awaited<ReturnType<typeof loader>>["data"];

function Header() {
  const root = useRouteLoaderData<RootData>("root");
  const user = root?.user;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          NR Procure
        </Link>
        <nav aria-label="Navigation principale">
          <NavLink to="/guide">Guide de maturité</NavLink>
          <NavLink to="/clauses">Clausier</NavLink>
          {user ? <NavLink to={user.home}>Mon espace</NavLink> : null}
        </nav>
        <div className="site-header__account">
          {user ? (
            <>
              <span className="who">
                {user.name} · {user.roleLabel} · {user.organisationName}
              </span>
              <Form method="post" action="/deconnexion">
                <CsrfInput />
                <button type="submit" className="button button--link">
                  Se déconnecter
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/connexion">Se connecter</NavLink>
              <NavLink to="/inscription">Créer un compte</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#contenu" className="skip-link">
          Aller au contenu
        </a>
        <Header />
        <main id="contenu" className="page">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            NR Procure — le numérique responsable dans les achats informatiques. Guide : édition NR Procure du guide
            INR/ISIT (voir <Link to="/guide">les sources</Link>).
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const statusTitles: Record<number, string> = {
  400: "Requête invalide",
  403: "Accès refusé",
  404: "Page introuvable",
  405: "Méthode non autorisée",
  413: "Fichier trop volumineux",
};

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = statusTitles[error.status] ?? `Erreur ${error.status}`;
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
