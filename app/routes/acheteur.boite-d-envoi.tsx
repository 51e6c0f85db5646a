import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { formatParis } from "~/lib/dates";
import { listOutbox } from "~/tenders/invitations.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineLoader } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Boîte d'envoi — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer"]);
  return { messages: listOutbox({ user }) };
});

export default function Outbox() {
  const { messages } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur">← Espace acheteur</Link>
      </p>
      <h1>Boîte d'envoi</h1>
      <p className="lead">
        Messages préparés par le portail. Aucun serveur de messagerie n'étant configuré, transmettez-les vous-même (copier-coller).
      </p>
      {messages.length === 0 ? <p className="muted">Aucun message.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card">
          <h2>{m.subject}</h2>
          <p className="muted">
            À : {m.toEmail} — préparé le {formatParis(m.createdAt, "numeric")} {m.sentAt ? `— envoyé le ${formatParis(m.sentAt, "numeric")}` : "— non envoyé"}
          </p>
          <pre className="message">{m.body}</pre>
        </article>
      ))}
    </>
  );
}
