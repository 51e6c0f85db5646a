import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { BASE_EMPREINTE_MAX_BYTES, importBaseEmpreinte, listBaseEmpreinte, useElementAsRatio, type BaseEmpreinteImportResult } from "~/carbon/base-empreinte.server";
import { formatNumber, ghgCategoryLabel, segmentLabel } from "~/carbon/labels";
import { listReferenceRatios } from "~/carbon/reference-ratios.server";
import { pickElementSchema, ratioKeys } from "~/carbon/schemas";
import { CsrfInput } from "~/components/csrf";
import { PageMessages } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatBytes } from "~/lib/format";
import { parseForm } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Base Empreinte de l'ADEME — Espace RSE — NR Procure" }];

function keyLabel(key: string): string {
  const m = /^categorie-(\d+)$/.exec(key);
  return m ? `Catégorie ${ghgCategoryLabel(Number(m[1]))}` : `Segment ${segmentLabel(key)}`;
}

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  const ratios = await listReferenceRatios({ user });
  return {
    maxBytesLabel: formatBytes(BASE_EMPREINTE_MAX_BYTES),
    elements: (await listBaseEmpreinte({ user })).map((e) => ({ ...e, usedFor: ratios.filter((r) => r.externalId === e.elementId).map((r) => keyLabel(r.key)) })),
    keys: ratioKeys.map((k) => ({ key: k, label: keyLabel(k) })),
  };
});

type ActionResult = (BaseEmpreinteImportResult & { intent: "import" }) | { intent: "other"; ok: false; formError: string };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["rse"]);
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, {
        maxPartBytes: BASE_EMPREINTE_MAX_BYTES,
        tooLargeMessage: `Fichier trop volumineux (${formatBytes(BASE_EMPREINTE_MAX_BYTES)} au plus). Rien n'a été importé.`,
      });
      await requireCsrf(request, formData);
      const intent = String(formData.get("intent") ?? "");
      if (intent === "import") {
        const file = formData.get("file");
        if (!(file instanceof File) || file.size === 0) return data<ActionResult>({ intent: "import", ok: false, errors: [], refused: [], formError: "Choisissez le fichier CSV exporté de la Base Empreinte." }, { status: 400 });
        const result = await importBaseEmpreinte({ user, bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
        return data<ActionResult>({ intent: "import", ...result }, { status: result.ok ? 200 : 400 });
      }
      if (intent === "use") {
        const parsed = parseForm(pickElementSchema, formData);
        if (!parsed.ok) return data<ActionResult>({ intent: "other", ok: false, formError: Object.values(parsed.fieldErrors).flat().join(" ") }, { status: 400 });
        await useElementAsRatio({ user, input: parsed.data });
        return redirectWithFlash("/rse/base-empreinte", { message: `Ratio enregistré pour « ${keyLabel(parsed.data.key)} ».` });
      }
      return data<ActionResult>({ intent: "other", ok: false, formError: "Action inconnue." }, { status: 400 });
    },
    (error): ActionResult => ({ intent: "other", ok: false, formError: error }),
  );
});

export default function BaseEmpreinte() {
  const { maxBytesLabel, elements, keys } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p className="muted">
        <Link to="/rse">Espace RSE</Link> › Base Empreinte de l'ADEME
      </p>
      <h1>Ratios monétaires de la Base Empreinte</h1>
      <p className="lead">
        Importez l'export CSV officiel de la Base Empreinte (séparateur point-virgule, encodage Windows-1252 ou UTF-8) : les ratios monétaires valides (kgCO2e par k€
        HT) sont conservés avec leur identifiant, leur nom, leur unité, leur année et leur statut ; choisissez ensuite, par segment d'achat, celui qui sert de{" "}
        <Link to="/rse/ratios">ratio de référence</Link>. Les éléments archivés ou non valides sont écartés, avec la raison.
      </p>
      <PageMessages actionResult={result} formError={result && !result.ok ? result.formError : null} />

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Importer un export</h2>
        <Form method="post" encType="multipart/form-data" aria-label="Import de la Base Empreinte" style={{ display: "grid", gap: ".5rem", maxWidth: "36rem" }}>
          <CsrfInput />
          <input type="hidden" name="intent" value="import" />
          <label htmlFor="be-file">Fichier CSV exporté de la Base Empreinte ({maxBytesLabel} au plus)</label>
          <input id="be-file" type="file" name="file" accept=".csv,text/csv" required />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              Importer
            </button>
          </div>
        </Form>
        {result && result.intent === "import" && result.ok ? (
          <p className="alert alert--info" role="status" data-testid="be-imported">
            {result.imported} ratio{result.imported > 1 ? "s" : ""} monétaire{result.imported > 1 ? "s" : ""} importé{result.imported > 1 ? "s" : ""}
            {result.nonMonetary > 0 ? ` ; ${result.nonMonetary} facteur${result.nonMonetary > 1 ? "s" : ""} physique${result.nonMonetary > 1 ? "s" : ""} (par kWh, kg…) laissé${result.nonMonetary > 1 ? "s" : ""} de côté` : ""}.
          </p>
        ) : null}
        {result && result.intent === "import" && !result.ok && result.errors.length > 0 ? (
          <div className="alert alert--error" role="alert" data-testid="be-errors">
            <p style={{ marginTop: 0 }}>Le fichier contient des erreurs : rien n'a été importé.</p>
            <ul>
              {result.errors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  Ligne {e.line} : {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {result && result.intent === "import" && result.refused.length > 0 ? (
          <div data-testid="be-refused">
            <h3>Éléments écartés</h3>
            <ul>
              {result.refused.map((r) => (
                <li key={r.id}>
                  Ligne {r.line}, élément {r.id} « {r.name} » : {r.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Ratios importés ({elements.length})</h2>
        {elements.length === 0 ? (
          <p className="muted">Aucun ratio importé pour l'instant.</p>
        ) : (
          <div style={{ overflowX: "auto" }}>
            <table className="data" data-testid="be-elements">
              <thead>
                <tr>
                  <th scope="col">Identifiant</th>
                  <th scope="col">Nom</th>
                  <th scope="col" className="num">
                    kgCO2e/k€ HT
                  </th>
                  <th scope="col">Unité d'origine</th>
                  <th scope="col">Année des euros</th>
                  <th scope="col">Statut</th>
                  <th scope="col">Utiliser pour</th>
                </tr>
              </thead>
              <tbody>
                {elements.map((e) => (
                  <tr key={e.id}>
                    <td>{e.elementId}</td>
                    <td>
                      {e.name}
                      {e.category ? <div className="small muted">{e.category}</div> : null}
                    </td>
                    <td className="num">{formatNumber(e.kgPerKEur)}</td>
                    <td>{e.unit}</td>
                    <td>
                      {e.year ?? "inconnue"}
                      {e.yearFrom === "creation-date" ? <div className="small muted">d'après la date de création : à vérifier</div> : null}
                    </td>
                    <td>{e.status}</td>
                    <td>
                      {e.usedFor.length ? <div className="small">Utilisé pour : {e.usedFor.join(", ")}</div> : null}
                      <Form method="post" encType="multipart/form-data" className="actions" style={{ margin: 0 }} aria-label={`Utiliser l'élément ${e.elementId}`}>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="use" />
                        <input type="hidden" name="elementRowId" value={e.id} />
                        <select id={`key-${e.id}`} name="key" defaultValue="" style={{ width: "auto" }} aria-label={`Segment ou catégorie pour l'élément ${e.elementId}`}>
                          <option value="">Choisir…</option>
                          {keys.map((k) => (
                            <option key={k.key} value={k.key}>
                              {k.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary">
                          Utiliser
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
