import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { getSupplierFactorSet } from "~/carbon/factor-uploads.server";
import { FactorTable, Pagination } from "~/components/carbon/factor-table";
import { formatParis } from "~/lib/dates";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Version de vos facteurs — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const found = getSupplierFactorSet({ user, setId: idParam(params.setId), page: Number.isSafeInteger(page) ? page : 1 });
  return {
    id: found.set.id,
    version: found.set.version,
    uploadId: found.set.uploadId,
    createdAtLabel: formatParis(found.set.createdAt, "short"),
    fileName: found.fileName,
    tenderTitle: found.tenderTitle,
    isLatest: found.isLatest,
    factors: found.factors,
  };
});

export default function FactorSetVersion() {
  const v = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to="/fournisseur/facteurs">Facteurs d'émission</Link> › Version {v.version}
      </p>
      <h1>
        Version {v.version} de vos facteurs {v.isLatest ? <span className="badge">en vigueur</span> : <span className="badge badge--warn">remplacée</span>}
      </h1>
      <p className="lead">
        Importée le {v.createdAtLabel} depuis « {v.fileName} » (<Link to={`/fournisseur/facteurs/depots/${v.uploadId}`}>rapport du dépôt</Link>)
        {v.tenderTitle ? `, pour la consultation « ${v.tenderTitle} »` : ""}. Une version n'est jamais modifiée : pour corriger, déposez un nouveau fichier.
      </p>
      <p>
        <a href={`/fournisseur/facteurs/versions/${v.id}/pact.json`} download>
          Exporter cette version au format PACT (JSON)
        </a>{" "}
        <span className="muted small">
          (empreintes produit : facteurs par kWh, par unité ou par heure calculés par ACV, ISO 14067, GHG Protocol ou référentiel sectoriel ; les ratios monétaires et
          autres unités n'ont pas d'équivalent PACT)
        </span>
      </p>
      <p className="muted small">
        Qualité et plausibilité : indicateurs tels que les équipes RSE les voient (plausibilité calculée ici avec les ratios monétaires par défaut du portail).
      </p>
      <Pagination page={v.factors.page} pages={v.factors.pages} total={v.factors.total} search={location.search} />
      <FactorTable rows={v.factors.rows} />
    </>
  );
}
