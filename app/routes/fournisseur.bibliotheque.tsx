import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getGuide, getQuestion } from "#questionnaires/guide";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { levelLabel } from "~/responses/questionnaire-view";
import { formatParis } from "~/lib/dates";
import { frCount } from "~/lib/format";
import { importLibrary, listLibrary, originLabel } from "~/responses/library.server";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Bibliothèque de réponses — NR Procure" }];

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return {
    entries: (await listLibrary({ user })).map((e) => {
      const guide = getGuide(e.guideVersion);
      const q = guide ? getQuestion(guide, e.questionId) : undefined;
      return { ...e, questionText: q?.text ?? "", updatedAtLabel: formatParis(e.updatedAt, "short"), originLabel: originLabel(e.origin) };
    }),
  };
});

type ImportOutcome = { ok: true; count: number } | { ok: false; errors: string[] };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, {
        maxPartBytes: MAX_IMPORT_BYTES,
        tooLargeMessage: "Fichier trop volumineux (5 Mo au plus).",
        requireMultipart: "Choisissez un fichier JSON ou CSV.",
      });
      await requireCsrf(request, formData);
      const file = formData.get("file");
      if (!(file instanceof File) || file.size === 0) return data<ImportOutcome>({ ok: false, errors: ["Choisissez un fichier JSON ou CSV exporté depuis NR Procure."] }, { status: 400 });
      const ext = file.name.toLowerCase().split(".").pop();
      if (ext !== "json" && ext !== "csv") return data<ImportOutcome>({ ok: false, errors: ["Format non reconnu : fichier .json ou .csv attendu."] }, { status: 400 });
      const text = new TextDecoder("utf-8").decode(await file.arrayBuffer());
      const result = await importLibrary({ user, text, kind: ext });
      return data<ImportOutcome>(result, { status: result.ok ? 200 : 400 });
    },
    (error): ImportOutcome => ({ ok: false, errors: [error] }),
  );
});

export default function Library() {
  const { entries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › Bibliothèque
      </p>
      <h1>Bibliothèque de réponses</h1>
      <p className="lead">
        Chaque réponse que vous déposez est conservée ici dans sa dernière version, par question du guide et par version du guide, avec la consultation et
        la date dont elle vient. Les nouvelles consultations sont pré-remplies avec ces réponses, à vérifier avant le dépôt.
      </p>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Exporter</h2>
        <p className="actions">
          <a className="button button--secondary" href="/fournisseur/bibliotheque.json" download>
            Exporter en JSON
          </a>
          <a className="button button--secondary" href="/fournisseur/bibliotheque.csv" download>
            Exporter en CSV (tableur)
          </a>
        </p>
        <h2>Importer</h2>
        <p className="muted">
          Fichier JSON ou CSV au format de l'export. Le fichier est vérifié en entier : s'il contient une seule erreur, rien n'est importé. Les réponses importées
          remplacent celles de la bibliothèque pour les mêmes questions.
        </p>
        {result ? (
          result.ok ? (
            <p className="alert alert--info" role="status">
              {frCount(result.count, "réponse importée", "réponses importées")}.
            </p>
          ) : (
            <div className="alert alert--error" role="alert">
              <p style={{ marginTop: 0 }}>Import refusé, rien n'a été modifié :</p>
              <ul>
                {result.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
        <Form method="post" encType="multipart/form-data" className="actions">
          <CsrfInput />
          <label htmlFor="import-file">Fichier à importer</label>
          <input id="import-file" type="file" name="file" accept=".json,.csv,application/json,text/csv" style={{ width: "auto" }} />
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            Importer
          </button>
        </Form>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>Réponses ({entries.length})</h2>
        {entries.length === 0 ? (
          <p className="muted">Aucune réponse pour l'instant : elles s'ajoutent dès que vous déposez une réponse à une consultation.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Niveau</th>
                <th scope="col">Réponse</th>
                <th scope="col">Origine</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={`${e.guideVersion}-${e.questionId}`}>
                  <td>
                    <span className="qid">{e.questionId}</span> {e.questionText}
                    <br />
                    <span className="muted small">guide {e.guideVersion}</span>
                  </td>
                  <td>{e.notApplicable ? "Non applicable" : levelLabel(e.level)}</td>
                  <td style={{ whiteSpace: "pre-wrap" }}>{e.notApplicable ? e.notApplicableReason : e.text.length > 400 ? `${e.text.slice(0, 400)}…` : e.text}</td>
                  <td data-testid="library-origin">
                    {e.origin.source === "submission" && e.origin.tenderId !== null ? (
                      <Link to={`/fournisseur/consultations/${e.origin.tenderId}/recepisse`}>{e.originLabel}</Link>
                    ) : (
                      e.originLabel
                    )}
                    <br />
                    <span className="muted small">{e.updatedAtLabel}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
