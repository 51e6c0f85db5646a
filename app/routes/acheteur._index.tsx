import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { MembersTable } from "~/components/members";
import { listOwnAudit, listOwnMembers } from "~/lib/organisations.server";

export const meta: MetaFunction = () => [{ title: "Espace acheteur — NR Procure" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  return { organisationName: user.organisationName, members: listOwnMembers(user), audit: listOwnAudit(user, 20) };
}

export default function BuyerHome() {
  const { organisationName, members, audit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Espace acheteur</h1>
      <p className="lead">{organisationName}</p>
      <section className="card">
        <h2>Équipe</h2>
        <MembersTable members={members} />
      </section>
      <section className="card">
        <h2>Journal d'activité</h2>
        {audit.length === 0 ? (
          <p className="muted">Aucune action enregistrée pour l'instant.</p>
        ) : (
          <ul>
            {audit.map((a, i) => (
              <li key={i}>
                {new Date(a.at).toLocaleString("fr-FR", { timeZone: "Europe/Paris" })} — {a.userName ?? "système"} : {a.action}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
