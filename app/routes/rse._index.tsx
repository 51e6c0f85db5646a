import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { MembersTable } from "~/components/members";
import { listOwnMembers } from "~/lib/organisations.server";

export const meta: MetaFunction = () => [{ title: "Espace RSE — NR Procure" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["rse"]);
  return { organisationName: user.organisationName, members: listOwnMembers(user) };
}

export default function RseHome() {
  const { organisationName, members } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Espace RSE</h1>
      <p className="lead">{organisationName}</p>
      <section className="card">
        <h2>Équipe</h2>
        <MembersTable members={members} />
      </section>
    </>
  );
}
