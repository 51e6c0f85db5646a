import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { listSuppliersWithVersions } from "~/carbon/csr.server";
import { MembersTable } from "~/components/members";
import { listOwnMembers } from "~/lib/organisations.server";
import { formatParis } from "~/lib/dates";
import { defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Espace RSE — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  return {
    organisationName: user.organisationName,
    members: await listOwnMembers({ user }),
    suppliers: (await listSuppliersWithVersions({ user })).map((s) => {
      const latest = s.versions[0];
      return { id: s.id, name: s.name, versions: s.versions.length, latest: latest ? { version: latest.version, count: latest.count, createdAtLabel: formatParis(latest.createdAt, "short") } : null };
    }),
  };
});

export default function RseHome() {
  const { organisationName, members, suppliers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Espace RSE</h1>
      <p className="lead">{organisationName}</p>

      <div className="grid">
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/acheteur/campagnes">Campagnes de maturité</Link>
          </h2>
          <p>Questionnaire du guide à votre panel de fournisseurs, bilan radar pour chacun, plans de progrès suivis d'une année sur l'autre.</p>
        </section>
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/rse/facteurs">Facteurs des fournisseurs</Link>
          </h2>
          <p>Facteurs d'émission déclarés par vos fournisseurs : valeurs normalisées, qualité, plausibilité.</p>
        </section>
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/rse/scope3">Estimation du scope 3</Link>
          </h2>
          <p>Vos dépenses et quantités par fournisseur, estimées avec les facteurs fournisseurs et comparées aux seuls ratios monétaires.</p>
        </section>
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/rse/ratios">Ratios monétaires de référence</Link>
          </h2>
          <p>Les kgCO2e par k€ HT de référence par segment et catégorie, avec leurs sources : modifiables.</p>
        </section>
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/rse/base-empreinte">Base Empreinte de l'ADEME</Link>
          </h2>
          <p>Importez l'export officiel et choisissez, par segment d'achat, les ratios monétaires à utiliser.</p>
        </section>
        <section className="card card--link">
          <h2 style={{ marginTop: 0 }}>
            <Link to="/rse/deflateurs">Indices de prix</Link>
          </h2>
          <p>Pour convertir vos dépenses dans les euros de l'année de chaque ratio monétaire.</p>
        </section>
      </div>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Fournisseurs liés</h2>
        {suppliers.length === 0 ? (
          <p className="muted">Aucun fournisseur n'a encore accepté d'invitation à l'une de vos consultations.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">Facteurs en vigueur</th>
                <th scope="col">Versions</th>
              </tr>
            </thead>
            <tbody>
              {suppliers.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/rse/facteurs?fournisseur=${s.id}`}>{s.name}</Link>
                  </td>
                  <td>{s.latest ? `v${s.latest.version} du ${s.latest.createdAtLabel} — ${s.latest.count} facteurs` : "aucun facteur déposé"}</td>
                  <td>{s.versions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <h2>Équipe</h2>
        <MembersTable members={members} />
      </section>
    </>
  );
}
