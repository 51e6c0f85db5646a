import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { getSupplierFactorSet, previewSetPact } from "~/carbon/factor-uploads.server";
import { pactVersionSchema } from "~/carbon/schemas";
import { FactorTable, Pagination } from "~/components/carbon/factor-table";
import { formatParis } from "~/lib/dates";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Version de vos facteurs — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const search = new URL(request.url).searchParams;
  const page = Number(search.get("page") ?? "1");
  const found = await getSupplierFactorSet({ user, setId: idParam(params.setId), page: Number.isSafeInteger(page) ? page : 1 });
  const pactVersion = pactVersionSchema.safeParse(search.get("pact"));
  return {
    pact: pactVersion.success ? { version: pactVersion.data, ...await previewSetPact({ user, setId: found.set.id, version: pactVersion.data }) } : null,
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
      <section className="card" aria-labelledby="pact-title">
        <h2 id="pact-title" style={{ marginTop: 0 }}>
          Exporter au format WBCSD PACT
        </h2>
        <p className="muted small">
          Un export suit une seule version de la spécification. Seules les empreintes produit (ACV, ISO 14067, GHG Protocol Produit, référentiel sectoriel) par kWh, par
          unité ou par heure s'exportent, et seulement si le fichier déposé donne toutes les données obligatoires (colonnes facultatives du modèle : périmètre,
          émissions fossiles, carbone contenu, masse, code CPC…) : rien n'est inventé, une ligne incomplète n'est pas exportée. La v2.3 ne connaît que des unités
          physiques : ni pièce ni heure.
        </p>
        <Form method="get" className="actions" aria-label="Version PACT">
          <label htmlFor="pact-version">Version de la spécification</label>
          <select id="pact-version" name="pact" defaultValue={v.pact?.version ?? "3.0"} style={{ width: "auto" }}>
            <option value="3.0">3.0 (recommandée)</option>
            <option value="2.3">2.3</option>
          </select>
          <button type="submit" className="button button--secondary">
            Vérifier l'export
          </button>
        </Form>
        {v.pact ? (
          <div data-testid="pact-preview">
            <p>
              PACT {v.pact.specVersion} : <strong>{v.pact.exported}</strong> empreinte{v.pact.exported > 1 ? "s" : ""} exportable{v.pact.exported > 1 ? "s" : ""} sur{" "}
              {v.pact.total} ligne{v.pact.total > 1 ? "s" : ""}.{" "}
              <a href={`/fournisseur/facteurs/versions/${v.id}/pact.json?version=${v.pact.version}`} download>
                Télécharger le JSON PACT {v.pact.version}
              </a>
            </p>
            {v.pact.skipped.length > 0 ? (
              <table className="data" data-testid="pact-skipped">
                <caption>Lignes non exportées et ce qui leur manque</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Libellé</th>
                    <th scope="col">Données manquantes</th>
                    <th scope="col">Autres raisons</th>
                  </tr>
                </thead>
                <tbody>
                  {v.pact.skipped.map((s) => (
                    <tr key={s.line}>
                      <td>{s.line}</td>
                      <td>{s.item}</td>
                      <td>{s.missing.length ? <ul>{s.missing.map((m) => <li key={m}>{m}</li>)}</ul> : "—"}</td>
                      <td>{s.reasons.length ? <ul>{s.reasons.map((m) => <li key={m}>{m}</li>)}</ul> : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        ) : null}
      </section>
      <p className="muted small">
        Qualité et plausibilité : indicateurs tels que les équipes RSE les voient (plausibilité calculée ici avec les ratios monétaires par défaut du portail).
      </p>
      <Pagination page={v.factors.page} pages={v.factors.pages} total={v.factors.total} search={location.search} />
      <FactorTable rows={v.factors.rows} />
    </>
  );
}
