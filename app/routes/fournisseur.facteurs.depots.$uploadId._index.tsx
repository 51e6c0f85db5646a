import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { getFactorUpload } from "~/carbon/factor-uploads.server";
import { delimiterLabel, uploadStatusLabels } from "~/carbon/report";
import { IssueList } from "~/components/carbon/issue-list";
import { formatParis } from "~/lib/dates";
import { formatBytes } from "~/lib/format";
import { defineLoader, idParam } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Rapport de dépôt — Facteurs d'émission — NR Procure" }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const found = await getFactorUpload({ user, uploadId: idParam(params.uploadId) });
  return {
    id: found.upload.id,
    status: found.upload.status,
    rows: found.upload.rows,
    validRows: found.upload.validRows,
    createdAtLabel: formatParis(found.upload.createdAt, "short"),
    file: { ...found.file, sizeLabel: formatBytes(found.file.size) },
    tenderTitle: found.tenderTitle,
    setId: found.setId,
    version: found.version,
    report: found.report,
  };
});

export default function FactorUpload() {
  const u = useLoaderData<typeof loader>();
  const r = u.report;
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to="/fournisseur/facteurs">Facteurs d'émission</Link> › Dépôt n° {u.id}
      </p>
      <h1>Rapport du dépôt « {u.file.originalName} »</h1>
      {u.status === "imported" ? (
        <p className="alert alert--info" role="status" data-testid="upload-status">
          Fichier valide : {u.validRows} facteur{u.validRows > 1 ? "s" : ""} importé{u.validRows > 1 ? "s" : ""} dans la{" "}
          <Link to={`/fournisseur/facteurs/versions/${u.setId}`}>version {u.version}</Link> de vos facteurs.
        </p>
      ) : u.status === "rejected" ? (
        <div className="alert alert--error" role="alert" data-testid="upload-status">
          <p style={{ margin: 0 }}>
            Fichier refusé : <strong>rien n'a été importé</strong>. {r.errorCount} erreur{r.errorCount > 1 ? "s" : ""} sur {u.rows} ligne{u.rows > 1 ? "s" : ""} lue
            {u.rows > 1 ? "s" : ""} ({u.validRows} valide{u.validRows > 1 ? "s" : ""}). Corrigez le fichier et déposez-le à nouveau.
          </p>
          {r.kind === "csv" ? (
            <p style={{ marginBottom: 0 }}>
              <a href={`/fournisseur/facteurs/depots/${u.id}/erreurs.csv`} download>
                Télécharger la liste des erreurs (CSV)
              </a>
            </p>
          ) : null}
        </div>
      ) : (
        <div className="alert alert--error" role="alert" data-testid="upload-status">
          <p style={{ margin: 0 }}>
            Fichier illisible : <strong>rien n'a été importé</strong>. {r.unreadable?.message}
          </p>
        </div>
      )}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Fichier reçu</h2>
        <dl className="levels">
          <dt>Nom</dt>
          <dd>{u.file.originalName}</dd>
          <dt>Taille</dt>
          <dd>{u.file.sizeLabel}</dd>
          <dt>Empreinte SHA-256</dt>
          <dd>
            <code className="small">{u.file.sha256}</code>
          </dd>
          <dt>Reçu le</dt>
          <dd>{u.createdAtLabel}</dd>
          {u.tenderTitle ? (
            <>
              <dt>Consultation</dt>
              <dd>{u.tenderTitle}</dd>
            </>
          ) : null}
          {r.encoding ? (
            <>
              <dt>Lecture</dt>
              <dd>
                encodage {r.encoding}, séparateur {delimiterLabel(r.delimiter)}
              </dd>
            </>
          ) : null}
          <dt>Résultat</dt>
          <dd>{uploadStatusLabels[u.status]}</dd>
        </dl>
        <p>
          <a href={`/fournisseur/facteurs/depots/${u.id}/fichier`} download>
            Télécharger le fichier d'origine
          </a>{" "}
          <span className="muted small">(conservé tel quel)</span>
        </p>
      </section>

      {r.errors.length > 0 || r.warnings.length > 0 ? (
        <section className="card">
          <IssueList report={r} />
        </section>
      ) : null}

      <p>
        <Link to="/fournisseur/facteurs">← Retour aux facteurs d'émission</Link>
      </p>
    </>
  );
}
