import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireCampaignManager } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { campaignFormContext, campaignFormSchema, createCampaign, newCampaignValues } from "~/campaigns/campaigns.server";
import { CopyLink } from "~/components/copy-link";
import { CsrfInput } from "~/components/csrf";
import { Field } from "~/components/field";
import { tenderLinks } from "~/components/tenders/links";
import { formDataToNested, issuesToFieldErrors } from "~/lib/forms";
import { defineAction, defineLoader } from "~/lib/route.server";

export const links = tenderLinks;
export const meta: MetaFunction = () => [{ title: "Nouvelle campagne de maturité — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "rse"]);
  requireCampaignManager(user);
  return { values: await newCampaignValues({ user }), ...campaignFormContext() };
});

export const action = defineAction(async ({ request }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "rse"]);
  requireCampaignManager(user);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const raw = formDataToNested(formData);
  const parsed = campaignFormSchema.safeParse(raw);
  if (!parsed.success) return data({ fieldErrors: issuesToFieldErrors(parsed.error.issues), raw: raw as Record<string, unknown>, created: null }, { status: 400 });
  const created = await createCampaign({ user, values: parsed.data, origin: new URL(request.url).origin });
  // The invitation links are shown once, here (and kept in the outbox messages).
  return data({ fieldErrors: null, raw: null, created });
});

export default function NewCampaign() {
  const { values, guide, guideVersions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.created) {
    const { id, links } = actionData.created;
    return (
      <>
        <h1>Campagne lancée</h1>
        <p className="alert alert--info" role="status">
          {links.length} fournisseurs invités. Chaque lien personnel n'est affiché qu'ici et dans la boîte d'envoi ; il ne fonctionne que pour
          l'adresse invitée.
        </p>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Fournisseur</th>
              <th scope="col">Adresse</th>
              <th scope="col">Lien d'invitation</th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.email}>
                <td>{l.supplierName}</td>
                <td>{l.email}</td>
                <td>
                  <CopyLink url={l.link} label={`Lien d'invitation de ${l.supplierName}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <Link className="button" to={`/acheteur/campagnes/${id}`}>
            Aller à la campagne
          </Link>
        </p>
      </>
    );
  }
  const err = actionData?.fieldErrors ?? {};
  const raw = (actionData?.raw ?? {}) as Record<string, unknown>;
  const str = (k: string, d: string) => (typeof raw[k] === "string" ? (raw[k] as string) : d);
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur/campagnes">← Campagnes de maturité</Link>
      </p>
      <h1>Nouvelle campagne de maturité</h1>
      <p className="lead">
        Questionnaire du guide envoyé à un panel de fournisseurs, sans prix ni classement. Les poids des critères et les éléments d'évaluation ne
        sont jamais montrés aux fournisseurs.
      </p>
      {actionData?.fieldErrors ? (
        <p className="alert alert--error" role="alert">
          La campagne n'a pas été lancée : corrigez les champs signalés.
        </p>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <Field id="title" label="Titre" error={err.title}>
          <input id="title" name="title" defaultValue={str("title", values.title)} maxLength={200} required />
        </Field>
        <Field id="description" label="Message aux fournisseurs (pourquoi cette campagne)" error={err.description}>
          <textarea id="description" name="description" rows={3} defaultValue={str("description", values.description)} />
        </Field>
        <Field id="guideVersion" label="Version du guide" error={err.guideVersion}>
          <select id="guideVersion" name="guideVersion" defaultValue={str("guideVersion", values.guideVersion)}>
            {guideVersions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </Field>
        <div className="inline-fields">
          <Field id="deadlineDate" label="Date limite (heure de Paris)" error={err.deadlineDate}>
            <input id="deadlineDate" name="deadlineDate" type="date" defaultValue={str("deadlineDate", values.deadlineDate)} required />
          </Field>
          <Field id="deadlineTime" label="Heure" error={err.deadlineTime}>
            <input id="deadlineTime" name="deadlineTime" type="time" defaultValue={str("deadlineTime", values.deadlineTime)} required />
          </Field>
        </div>
        <Field
          id="panel"
          label="Panel de fournisseurs"
          error={err.panel}
          hint="Un fournisseur par ligne : « Nom du fournisseur ; adresse e-mail ». Pré-rempli avec le panel de votre dernière campagne."
        >
          <textarea id="panel" name="panel" rows={8} defaultValue={str("panel", values.panel)} aria-describedby="panel-hint" />
        </Field>
        {err.panel && err.panel.length > 1 ? (
          <ul className="field__error" role="alert">
            {err.panel.slice(1).map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <fieldset className="card">
          <legend>Critères, poids et questions (toutes les 47 questions par défaut)</legend>
          <p className="field__hint">Les poids servent à l'indice du panel, réservé à votre organisation ; un poids 0 retire le critère.</p>
          {guide.criteria.map((c, i) => (
            <div key={c.id} className="campaign-criterion">
              <input type="hidden" name={`criteria.${i}.id`} value={c.id} />
              <label>
                {c.number}. {c.title} — poids{" "}
                <input name={`criteria.${i}.weight`} inputMode="decimal" size={4} defaultValue={values.criteria[i]?.weight ?? "1"} />
              </label>
              <details data-criterion={c.id}>
                <summary>Questions retenues ({c.questions.length})</summary>
                <ul className="plain">
                  {c.questions.map((q) => {
                    const idx = guide.criteria.slice(0, i).reduce((n, x) => n + x.questions.length, 0) + c.questions.indexOf(q);
                    return (
                      <li key={q.id}>
                        <input type="hidden" name={`questions.${idx}.id`} value={q.id} />
                        <label className="check">
                          <input type="checkbox" name={`questions.${idx}.included`} defaultChecked />
                          <span className="qid">{q.id}</span> {q.topic}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              </details>
            </div>
          ))}
        </fieldset>
        <p className="actions">
          <button type="submit" className="button">
            Lancer la campagne et inviter le panel
          </button>
        </p>
      </Form>
    </>
  );
}
