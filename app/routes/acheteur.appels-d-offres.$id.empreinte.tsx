import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { tenderLinks } from "~/components/tenders/links";
import { AppError } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { frDecimal, MIN_REPLACEMENT_JUSTIFICATION } from "~/tenders/bill";
import { footprintView, replaceLineFactor, withdrawReplacement } from "~/tenders/bill.server";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Prix et empreinte carbone des offres — NR Procure" }];

/** `?fournisseur=<organisation id>`; anything else shows the summary only. */
const supplierParam = z.string().regex(/^\d{1,15}$/).transform(Number);

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const fournisseur = supplierParam.safeParse(new URL(request.url).searchParams.get("fournisseur"));
  return await footprintView({ tenderId: idParam(params.id), user, supplierId: fournisseur.success ? fournisseur.data : null });
});

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("replace"), supplierId: z.coerce.number().int().positive(), lineId: z.string().min(1).max(100), justification: z.string().max(2000) }),
  z.object({ intent: z.literal("withdraw"), supplierId: z.coerce.number().int().positive(), lineId: z.string().min(1).max(100) }),
]);

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const tenderId = idParam(params.id);
  const parsed = actionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new AppError("invalid", "Formulaire incomplet.");
  const back = `/acheteur/appels-d-offres/${tenderId}/empreinte?fournisseur=${parsed.data.supplierId}`;
  if (parsed.data.intent === "replace") {
    await replaceLineFactor({ tenderId, user, ...parsed.data });
    return redirectWithFlash(back, { message: `Facteur de la ligne ${parsed.data.lineId} remplacé par la référence prudente (montant × ratio monétaire).` });
  }
  await withdrawReplacement({ tenderId, user, ...parsed.data });
  return redirectWithFlash(back, { message: `Remplacement retiré : le facteur du fournisseur compte de nouveau sur la ligne ${parsed.data.lineId}.` });
});

const pct = (n: number | null) => (n === null ? "—" : `${n.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} %`);

export default function FootprintPage() {
  const d = useLoaderData<typeof loader>();
  const base = `/acheteur/appels-d-offres/${d.tender.id}`;
  return (
    <>
      <p className="no-print">
        <Link to={base}>← {d.tender.title}</Link>
      </p>
      <h1>Prix et empreinte carbone des offres</h1>
      <FlashMessage />
      {!d.hasBill ? (
        <p className="muted">Cet appel d'offres n'a pas de bordereau de prix : le prix de chaque offre est saisi dans l'évaluation.</p>
      ) : d.summary.length === 0 ? (
        <p className="muted">Aucune offre évaluable pour l'instant (l'évaluation s'ouvre à la date limite, ou dès un dépôt si l'appel d'offres le permet).</p>
      ) : (
        <>
          <p className="lead">
            Prix = Σ quantité × prix unitaire ; empreinte = Σ quantité × facteur d'émission (kgCO2e), arrondis au centime et au gramme. Un facteur
            invraisemblable (plus de 10 fois au-dessus ou au-dessous du ratio monétaire de référence rapporté au prix de la ligne) ou non vérifié par un tiers
            est signalé.
          </p>
          <table className="data" data-testid="footprint-summary">
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col" className="num">
                  Prix (€ HT)
                </th>
                <th scope="col" className="num">
                  Empreinte (kgCO2e)
                </th>
                <th scope="col">Signalements</th>
              </tr>
            </thead>
            <tbody>
              {d.summary.map((s) => (
                <tr key={s.organisationId}>
                  <td>
                    <Link to={`?fournisseur=${s.organisationId}`}>{s.name}</Link>
                  </td>
                  <td className="num">{s.price ? frDecimal(s.price) : <span className="badge badge--warn">{s.incomplete} ligne(s) incomplète(s)</span>}</td>
                  <td className="num">{s.footprint ? frDecimal(s.footprint) : "—"}</td>
                  <td className="small">
                    {s.flagged > 0 ? <span className="badge badge--warn">{s.flagged} invraisemblable(s)</span> : null}{" "}
                    {s.unverified > 0 ? <span className="badge">{s.unverified} non vérifié(s)</span> : null}{" "}
                    {s.replaced > 0 ? <span className="badge">{s.replaced} remplacé(s)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.selected && d.lines ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>
            {d.selected.name} — lignes par poids dans l'empreinte
          </h2>
          <p>
            Prix : <strong>{d.selected.price ? `${frDecimal(d.selected.price)} € HT` : "incomplet"}</strong> · empreinte :{" "}
            <strong>{d.selected.footprint ? `${frDecimal(d.selected.footprint)} kgCO2e` : "incomplète"}</strong>
          </p>
          <div style={{ overflowX: "auto" }}>
            <table className="data" data-testid="footprint-lines">
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col" className="num">
                    Quantité × prix unitaire
                  </th>
                  <th scope="col" className="num">
                    Facteur (kgCO2e/unité)
                  </th>
                  <th scope="col" className="num">
                    Empreinte · part
                  </th>
                  <th scope="col">Qualité · vraisemblance</th>
                  <th scope="col">Remplacement</th>
                </tr>
              </thead>
              <tbody>
                {d.lines.map((l) => {
                  const warn = l.plausibility?.flagged || (l.factor !== null && !l.verifiedBy);
                  return (
                    <tr key={l.id} data-line={l.id} className={warn ? "row--warn" : undefined}>
                      <td>
                        <strong>{l.id}</strong> {l.label}
                      </td>
                      <td className="num">
                        {frDecimal(l.quantity)} {l.unitLabel} × {l.unitPrice ? `${frDecimal(l.unitPrice)} €` : "—"}
                        <div className="small">{l.amount ? `${frDecimal(l.amount)} € HT` : ""}</div>
                      </td>
                      <td className="num">
                        {l.factor ? frDecimal(l.factor) : "—"}
                        <div className="small muted">
                          {l.factorLinked ? "fichier de facteurs" : l.factor ? "saisi" : ""}
                          {l.method ? ` · ${l.method}` : ""}
                          {l.referenceYear ? ` · ${l.referenceYear}` : ""}
                        </div>
                      </td>
                      <td className="num">
                        {l.footprint ? frDecimal(l.footprint) : "—"}
                        <div className="small">{pct(l.share)}</div>
                      </td>
                      <td className="small">
                        {l.quality ? (
                          <span className="badge" title={l.quality.reasons.join(" ; ")}>
                            qualité {l.quality.grade}
                          </span>
                        ) : null}{" "}
                        {l.factor !== null && !l.verifiedBy ? <span className="badge badge--warn">non vérifié</span> : l.verifiedBy ? `vérifié par ${l.verifiedBy}` : null}
                        {l.plausibility ? (
                          <div className={l.plausibility.flagged ? "field__error" : "muted"}>
                            {l.plausibility.flagged ? "Invraisemblable : " : ""}
                            {l.plausibility.message}
                          </div>
                        ) : null}
                      </td>
                      <td className="small">
                        {l.replacement ? (
                          <>
                            <strong>Remplacé</strong> par le ratio « {l.replacement.ratioLabel} » ({frDecimal(l.replacement.ratio)} kgCO2e/k€) : {l.replacement.justification}
                            {d.canReplace ? (
                              <Form method="post">
                                <CsrfInput />
                                <input type="hidden" name="intent" value="withdraw" />
                                <input type="hidden" name="supplierId" value={d.selected!.organisationId} />
                                <input type="hidden" name="lineId" value={l.id} />
                                <button type="submit" className="button button--link">
                                  Retirer le remplacement
                                </button>
                              </Form>
                            ) : null}
                          </>
                        ) : d.canReplace && l.reference && l.unitPrice ? (
                          <Form method="post" className="stack">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="replace" />
                            <input type="hidden" name="supplierId" value={d.selected!.organisationId} />
                            <input type="hidden" name="lineId" value={l.id} />
                            <label>
                              Justification (montrée au fournisseur)
                              <textarea name="justification" minLength={MIN_REPLACEMENT_JUSTIFICATION} required rows={2} />
                            </label>
                            <button type="submit" className="button button--secondary">
                              Remplacer par montant × {l.reference.kgPerKEur.toLocaleString("fr-FR")} kgCO2e/k€
                            </button>
                          </Form>
                        ) : (
                          <span className="muted">{l.reference ? "—" : "aucun ratio de référence"}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
