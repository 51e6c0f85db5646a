import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { CsrfInput } from "~/components/csrf";
import { roleLabel } from "~/components/members";
import { parseForm } from "~/lib/forms";
import { changeMembershipRole, listAllOrganisations, rolesByKind, setOrganisationRegime } from "~/lib/organisations.server";
import { regimeLabels, RULES_PAGE } from "~/lib/regime";
import { procurementRegimes, roles } from "#db/schema";
import { defineAction, defineLoader } from "~/lib/route.server";

export const meta: MetaFunction = () => [{ title: "Administration — NR Procure" }];

const kindLabels: Record<string, string> = { buyer: "acheteur", supplier: "fournisseur", platform: "plateforme" };

const roleChangeSchema = z.object({
  membershipId: z.coerce.number().int().positive(),
  role: z.enum(roles, { error: "Rôle inconnu" }),
});

/** Issue 11 §2: the procurement regime of a buying organisation. */
const regimeChangeSchema = z.object({
  intent: z.literal("regime"),
  organisationId: z.coerce.number().int().positive(),
  regime: z.enum(procurementRegimes, { error: "Régime inconnu : public ou privé" }),
});

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireRole(request, ["admin"]);
  return { organisations: await listAllOrganisations({ user: admin }), rolesByKind, selfMembershipId: admin.membershipId };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const admin = await requireRole(request, ["admin"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  if (formData.get("intent") === "regime") {
    const regime = parseForm(regimeChangeSchema, formData);
    if (!regime.ok) return data({ ok: false, message: Object.values(regime.fieldErrors).flat().join(" ") }, { status: 400 });
    const result = await setOrganisationRegime({ user: admin, organisationId: regime.data.organisationId, regime: regime.data.regime });
    return data(result, { status: result.ok ? 200 : 400 });
  }
  const parsed = parseForm(roleChangeSchema, formData);
  if (!parsed.ok) return data({ ok: false, message: Object.values(parsed.fieldErrors).flat().join(" ") }, { status: 400 });
  const result = await changeMembershipRole({ user: admin, ...parsed.data });
  return data(result, { status: result.ok ? 200 : 400 });
});

export default function AdminHome() {
  const { organisations, rolesByKind, selfMembershipId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Administration</h1>
      <p className="lead">Organisations inscrites, leurs membres et leurs rôles. Chaque changement de rôle est inscrit au journal de l'organisation.</p>
      {result ? (
        <p className={`alert ${result.ok ? "alert--info" : "alert--error"}`} role="status">
          {result.message}
        </p>
      ) : null}
      {organisations.map((o) => (
        <section className="card" key={o.id}>
          <h2>
            {o.name} <span className="badge">{kindLabels[o.kind] ?? o.kind}</span>
          </h2>
          {o.kind === "buyer" ? (
            <Form method="post" className="actions">
              <CsrfInput />
              <input type="hidden" name="intent" value="regime" />
              <input type="hidden" name="organisationId" value={o.id} />
              <label htmlFor={`regime-${o.id}`}>Régime d'achat</label>
              <select id={`regime-${o.id}`} name="regime" defaultValue={o.regime} style={{ width: "auto" }}>
                {procurementRegimes.map((r) => (
                  <option key={r} value={r}>
                    {regimeLabels[r]}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary">
                Enregistrer le régime
              </button>
              <span className="field__hint">
                Un acheteur public suit les <a href={RULES_PAGE}>règles des critères d'attribution</a> ; les appels d'offres
                publiés gardent le régime de leur publication.
              </span>
            </Form>
          ) : null}
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Membre</th>
                <th scope="col">E-mail</th>
                <th scope="col">Rôle</th>
              </tr>
            </thead>
            <tbody>
              {o.members.map((m) => (
                <tr key={m.membershipId}>
                  <td>{m.userName}</td>
                  <td>{m.email}</td>
                  <td>
                    {m.membershipId === selfMembershipId || (rolesByKind[o.kind as keyof typeof rolesByKind] ?? []).length < 2 ? (
                      roleLabel(m.role ?? "")
                    ) : (
                      <Form method="post" className="actions" style={{ margin: 0 }}>
                        <CsrfInput />
                        <input type="hidden" name="membershipId" value={m.membershipId ?? ""} />
                        <label htmlFor={`role-${m.membershipId}`} style={{ position: "absolute", left: "-9999px" }}>
                          Rôle de {m.userName}
                        </label>
                        <select id={`role-${m.membershipId}`} name="role" defaultValue={m.role ?? ""} style={{ width: "auto" }}>
                          {(rolesByKind[o.kind as keyof typeof rolesByKind] ?? []).map((r) => (
                            <option key={r} value={r}>
                              {roleLabel(r)}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary">
                          Changer le rôle
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
