import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { config } from "~/config.server";
import { formatParis } from "~/lib/dates";
import { frCount } from "~/lib/format";
import { deliveryBadge, deliveryLabel, deliveryState } from "~/mail/labels";
import { listOutbox } from "~/tenders/invitations.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineLoader } from "~/lib/route.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Boîte d'envoi — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer"]);
  const smtpEnabled = Boolean(config().smtpUrl);
  const messages = (await listOutbox({ user })).map((m) => ({
    id: m.id,
    toEmail: m.toEmail,
    subject: m.subject,
    body: m.body,
    kind: m.kind,
    createdAt: m.createdAt,
    status: m.status,
    attempts: m.attempts,
    lastAttemptAt: m.lastAttemptAt,
    lastError: m.lastError,
    state: deliveryState(m, smtpEnabled),
    stateLabel: deliveryLabel(m, smtpEnabled),
  }));
  return { smtpEnabled, messages };
});

export default function Outbox() {
  const { smtpEnabled, messages } = useLoaderData<typeof loader>();
  const count = (states: string[]) => messages.filter((m) => states.includes(m.state)).length;
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur">← Espace acheteur</Link>
      </p>
      <h1>Boîte d'envoi</h1>
      <p className="lead">
        {smtpEnabled
          ? "Les messages du portail partent par le serveur de messagerie ; un envoi en échec est réessayé plus tard, de plus en plus espacé. L'état de chaque message est indiqué ci-dessous."
          : "Aucun serveur de messagerie n'est configuré : les messages préparés par le portail restent ici. Transmettez-les vous-même (copier-coller)."}
      </p>
      {messages.length === 0 ? (
        <p className="muted">Aucun message.</p>
      ) : (
        <p data-testid="outbox-summary">
          {frCount(count(["sent"]), "message envoyé", "messages envoyés")} · {frCount(count(["waiting", "manual"]), "message en attente", "messages en attente")} ·{" "}
          {frCount(count(["retrying", "given-up"]), "message en échec", "messages en échec")}
        </p>
      )}
      {messages.map((m) => (
        <article key={m.id} className="card" data-state={m.state} aria-labelledby={`message-${m.id}`}>
          <h2 id={`message-${m.id}`}>{m.subject}</h2>
          <p>
            <span className={deliveryBadge[m.state]}>{m.stateLabel}</span>
          </p>
          <p className="muted">
            À : {m.toEmail} — préparé le {formatParis(m.createdAt, "numeric")}
            {m.attempts > 0 ? ` — ${frCount(m.attempts, "tentative")}, la dernière le ${formatParis(m.lastAttemptAt, "numeric")}` : ""}
          </p>
          {m.lastError && m.state !== "sent" ? (
            <p className="small">
              Dernière erreur : <code>{m.lastError}</code>
            </p>
          ) : null}
          <pre className="message">{m.body}</pre>
        </article>
      ))}
    </>
  );
}
