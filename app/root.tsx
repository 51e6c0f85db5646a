import "~/lib/zod-csp";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf";
import { errorPageTitle, GeneralErrorBoundary } from "~/components/error-boundary";
import { useNonce } from "~/components/nonce";
import { getCsrfToken } from "~/auth/csrf.server";
import { getCurrentUser, homeFor, roleLabels } from "~/auth/session.server";
import { readFlash } from "~/lib/flash.server";
import { defineLoader } from "~/lib/route.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/**
 * The title of pages whose route has none — above all the error pages (an unknown URL matches only
 * the root): « Page introuvable — NR Procure » rather than an empty title.
 */
export const meta: MetaFunction = ({ error }) => [{ title: error ? `${errorPageTitle(error)} — NR Procure` : "NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const [{ token, setCookie }, user, { flash, setCookie: consumeFlash }] = await Promise.all([getCsrfToken(request), getCurrentUser(request), readFlash(request)]);
  const headers = new Headers();
  for (const cookie of [setCookie, consumeFlash]) if (cookie) headers.append("Set-Cookie", cookie);
  return data(
    {
      csrf: token,
      flash,
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
    { headers },
  );
});

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
              <span className="who" title={`${user.name} · ${user.roleLabel} · ${user.organisationName}`}>
                {user.name} · {user.roleLabel} · {user.organisationName}
              </span>
              <NavLink to="/compte/sessions">Mon compte</NavLink>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
