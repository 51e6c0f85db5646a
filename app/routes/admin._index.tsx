import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { roleLabel } from "~/components/members";
import { listAllOrganisations } from "~/lib/organisations.server";

export const meta: MetaFunction = () => [{ title: "Administration — NR Procure" }];

const kindLabels: Record<string, string> = { buyer: "acheteur", supplier: "fournisseur", platform: "plateforme" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  return { organisations: listAllOrganisations() };
}

export default function AdminHome() {
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Administration</h1>
      <p className="lead">Organisations inscrites et leurs membres.</p>
      {organisations.map((o) => (
        <section className="card" key={o.id}>
          <h2>
            {o.name} <span className="badge">{kindLabels[o.kind] ?? o.kind}</span>
          </h2>
          <ul>
            {o.members.map((m) => (
              <li key={m.membershipId}>
                {m.userName} — {m.email} — {roleLabel(m.role ?? "")}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
