import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { customersOf, declareAllocated, EVIDENCE_MAX_BYTES, listOwnDeclarations, withdrawAllocated } from "~/carbon/allocated.server";
import { formatNumber } from "~/carbon/labels";
import { allocatedSchema } from "~/carbon/schemas";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { PageMessages } from "~/components/flash";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatBytes } from "~/lib/format";
import { parseForm, type FieldErrors } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, refusalsAsData } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Émissions allouées à vos clients — NR Procure" }];

const methodLabels = { "revenue-share": "Part du chiffre d'affaires", "physical-units": "Unités physiques livrées", other: "Autre (décrivez-la)" } as const;
const verificationLabels = { none: "Non vérifiées", limited: "Assurance limitée", reasonable: "Assurance raisonnable" } as const;

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return { customers: await customersOf({ user }), declarations: await listOwnDeclarations({ user }), maxBytesLabel: formatBytes(EVIDENCE_MAX_BYTES) };
});

type ActionResult = { ok: false; fieldErrors: FieldErrors; values: Record<string, string>; formError?: string };

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, {
        maxPartBytes: EVIDENCE_MAX_BYTES,
        tooLargeMessage: `Justificatif trop volumineux (${formatBytes(EVIDENCE_MAX_BYTES)} au plus). Rien n'a été enregistré.`,
      });
      await requireCsrf(request, formData);
      if (formData.get("intent") === "withdraw") {
        const id = z.coerce.number().int().positive().safeParse(formData.get("id"));
        if (!id.success) return data<ActionResult>({ ok: false, fieldErrors: {}, values: {}, formError: "Déclaration inconnue." }, { status: 400 });
        await withdrawAllocated({ user, id: id.data });
        return redirectWithFlash("/fournisseur/emissions-allouees", { message: "Déclaration retirée." });
      }
      const parsed = parseForm(allocatedSchema, formData);
      if (!parsed.ok) return data<ActionResult>({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values }, { status: 400 });
      const file = formData.get("evidence");
      const evidence = file instanceof File && file.size > 0 ? { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      await declareAllocated({ user, input: parsed.data, evidence });
      return redirectWithFlash("/fournisseur/emissions-allouees", { message: "Déclaration enregistrée." });
    },
    (error): ActionResult => ({ ok: false, fieldErrors: {}, values: {}, formError: error }),
  );
});

export default function AllocatedEmissions() {
  const { customers, declarations, maxBytesLabel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const v = result && !result.ok ? result.values : {};
  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › Émissions allouées
      </p>
      <h1>Émissions allouées à vos clients</h1>
      <p className="lead">
        Comme le demande le questionnaire « supply chain » du CDP : pour chaque organisation qui vous a invité et chaque année, la part de vos émissions que vous lui
        attribuez (tCO2e), avec la méthode d'allocation, la vérification, l'incertitude et un justificatif. Seule l'organisation concernée voit sa déclaration.
      </p>
      <PageMessages actionResult={result} formError={result && !result.ok ? result.formError : null} />

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Vos déclarations</h2>
        {declarations.length === 0 ? (
          <p className="muted">Aucune déclaration.</p>
        ) : (
          <table className="data" data-testid="allocated-list">
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Année</th>
                <th scope="col" className="num">
                  Scopes 1 et 2 (tCO2e)
                </th>
                <th scope="col" className="num">
                  Scope 3 amont (tCO2e)
                </th>
                <th scope="col">Méthode</th>
                <th scope="col">Vérification</th>
                <th scope="col">Incertitude</th>
                <th scope="col">Justificatif</th>
                <th scope="col">Retirer</th>
              </tr>
            </thead>
            <tbody>
              {declarations.map((d) => (
                <tr key={d.id}>
                  <td>{d.customerName}</td>
                  <td>{d.year}</td>
                  <td className="num">{formatNumber(d.scope12T)}</td>
                  <td className="num">{d.scope3UpstreamT === null ? "non déclaré" : formatNumber(d.scope3UpstreamT)}</td>
                  <td>
                    {methodLabels[d.method]}
                    {d.methodDescription ? <div className="small muted">{d.methodDescription}</div> : null}
                  </td>
                  <td>
                    {verificationLabels[d.verification]}
                    {d.verifiedBy ? <div className="small muted">{d.verifiedBy}</div> : null}
                  </td>
                  <td>{d.uncertaintyPct === null ? "—" : `${formatNumber(d.uncertaintyPct)} %`}</td>
                  <td>{d.evidenceFileId ? <a href={`/fichiers/${d.evidenceFileId}`}>{d.evidenceName}</a> : "—"}</td>
                  <td>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="id" value={d.id} />
                      <button type="submit" className="button button--link" aria-label={`Retirer la déclaration ${d.year} pour ${d.customerName}`}>
                        Retirer
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card">
        <h2 style={{ marginTop: 0 }}>Déclarer (ou remplacer) une année</h2>
        {customers.length === 0 ? (
          <p className="muted">Aucune organisation ne vous a encore invité : vous pourrez déclarer dès qu'une invitation aura été acceptée.</p>
        ) : (
          <Form method="post" encType="multipart/form-data" noValidate style={{ display: "grid", gap: ".5rem", maxWidth: "40rem" }} aria-label="Déclaration d'émissions allouées">
            <CsrfInput />
            <Field id="al-customer" label="Organisation cliente" error={errors.customerOrganisationId}>
              <select id="al-customer" name="customerOrganisationId" defaultValue={v.customerOrganisationId ?? ""}>
                <option value="">Choisir…</option>
                {customers.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="al-year" label="Année de déclaration" error={errors.year}>
              <input id="al-year" name="year" inputMode="numeric" defaultValue={v.year ?? String(new Date().getFullYear() - 1)} />
            </Field>
            <Field id="al-s12" label="Scopes 1 et 2 alloués (tCO2e)" error={errors.scope12T}>
              <input id="al-s12" name="scope12T" inputMode="decimal" defaultValue={v.scope12T ?? ""} />
            </Field>
            <Field id="al-s3" label="Scope 3 amont alloué (tCO2e, facultatif)" error={errors.scope3UpstreamT}>
              <input id="al-s3" name="scope3UpstreamT" inputMode="decimal" defaultValue={v.scope3UpstreamT ?? ""} />
            </Field>
            <Field id="al-method" label="Méthode d'allocation" error={errors.method}>
              <select id="al-method" name="method" defaultValue={v.method ?? ""}>
                <option value="">Choisir…</option>
                {Object.entries(methodLabels).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="al-method-desc" label="Description de la méthode (obligatoire pour « Autre »)" error={errors.methodDescription}>
              <textarea id="al-method-desc" name="methodDescription" rows={2} defaultValue={v.methodDescription ?? ""} />
            </Field>
            <Field id="al-verif" label="Vérification" error={errors.verification}>
              <select id="al-verif" name="verification" defaultValue={v.verification ?? "none"}>
                {Object.entries(verificationLabels).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="al-verifier" label="Vérificateur tiers" error={errors.verifiedBy}>
              <input id="al-verifier" name="verifiedBy" defaultValue={v.verifiedBy ?? ""} />
            </Field>
            <Field id="al-unc" label="Incertitude (%)" error={errors.uncertaintyPct}>
              <input id="al-unc" name="uncertaintyPct" inputMode="decimal" defaultValue={v.uncertaintyPct ?? ""} />
            </Field>
            <label htmlFor="al-evidence">Justificatif (rapport, attestation ; {maxBytesLabel} au plus ; facultatif)</label>
            <input id="al-evidence" type="file" name="evidence" />
            <div className="actions">
              <button type="submit" className="button">
                Enregistrer la déclaration
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
