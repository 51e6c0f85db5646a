import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { isCampaignManager } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { closeCampaign, loadCampaign, reminderCounts, sendReminder } from "~/campaigns/campaigns.server";
import { campaignRespondents } from "~/campaigns/results.server";
import { CopyLink } from "~/components/copy-link";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { tenderLinks } from "~/components/tenders/links";
import { formatParis } from "~/lib/dates";
import { parseForm } from "~/lib/forms";
import { redirectWithFlash } from "~/lib/flash.server";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { createInvitation, listInvitations } from "~/tenders/invitations.server";
import { listEvaluators, setEvaluators } from "~/tenders/tenders.server";
import { campaignStatusLabels } from "~/campaigns/labels";

export const links = tenderLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? "Campagne"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const c = await loadCampaign({ id: idParam(params.id), user });
  const invitations = await listInvitations({ tenderId: c.id, user });
  const reminders = await reminderCounts(
      c.id,
      invitations.map((i) => i.id),
    );
  const { guideVersion, respondents } = await campaignRespondents({ campaignId: c.id, user });
  const manager = isCampaignManager(user);
  return {
    campaign: { id: c.id, title: c.title, description: c.description, status: c.status, deadline: c.deadline, publishedAt: c.publishedAt, open: c.status === "published" && Date.parse(c.deadline) > Date.now() },
    guideVersion,
    questionCount: respondents[0]?.questionCount ?? null,
    manager,
    invitations: invitations.map((i) => ({ ...i, reminders: reminders.get(i.id) ?? 0 })),
    respondents,
    evaluators: manager ? await listEvaluators({ tender: c, user }) : [],
  };
});

const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().email("Adresse e-mail invalide").max(200),
  supplierName: z.string().trim().min(2, "Indiquez le nom de l'organisation du fournisseur").max(200),
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "rse"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const id = idParam(params.id);
  const origin = new URL(request.url).origin;
  const here = `/acheteur/campagnes/${id}`;
  switch (formData.get("intent")) {
    case "remind": {
      const name = await sendReminder({ campaignId: id, invitationId: idParam(String(formData.get("invitationId") ?? "")), user, origin });
      return redirectWithFlash(here, { message: `Relance envoyée à ${name}.` });
    }
    case "close":
      await closeCampaign({ id, user });
      return redirectWithFlash(here, { message: "Campagne clôturée : les réponses ne peuvent plus être modifiées." });
    case "evaluators": {
      const ids = formData.getAll("evaluator").map((v) => idParam(String(v)));
      const names = await setEvaluators({ id, user, userIds: ids, kind: "campaign" });
      return redirectWithFlash(here, { message: names.length ? `Évaluateurs : ${names.join(", ")}.` : "Aucun évaluateur affecté." });
    }
    case "invite": {
      const parsed = parseForm(inviteSchema, formData);
      if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, link: null }, { status: 400 });
      const r = await createInvitation({ tenderId: id, user, email: parsed.data.email, supplierName: parsed.data.supplierName, origin });
      if (!r.ok) return data({ fieldErrors: r.fieldErrors, link: null }, { status: 400 });
      return data({ fieldErrors: null, link: { url: r.link, supplierName: parsed.data.supplierName } });
    }
    default:
      return data({ fieldErrors: { intent: ["Action inconnue."] }, link: null }, { status: 400 });
  }
});

export default function CampaignDetail() {
  const { campaign, guideVersion, questionCount, manager, invitations, respondents, evaluators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/acheteur/campagnes/${campaign.id}`;
  return (
    <>
      <p className="no-print">
        <Link to="/acheteur/campagnes">← Campagnes de maturité</Link>
      </p>
      <h1>{campaign.title}</h1>
      <p className="lead">
        Campagne de maturité · {campaignStatusLabels[campaign.status]} · lancée le {formatParis(campaign.publishedAt, "numeric")} · date limite{" "}
        {formatParis(campaign.deadline, "numeric", { withZone: true })} · guide {guideVersion}
      </p>
      <FlashMessage />
      <p className="actions">
        <Link className="button" to={`/acheteur/appels-d-offres/${campaign.id}/evaluation`}>
          Évaluer les réponses
        </Link>
        <Link to={`${base}/panel`}>Vue du panel et rapport imprimable</Link>
        <a href={`${base}/panel.csv`}>Export CSV du panel</a>
      </p>
      <section className="card" aria-labelledby="resp-h">
        <h2 id="resp-h">Réponses et bilans</h2>
        {respondents.length === 0 ? (
          <p className="muted">Aucune réponse déposée pour l'instant.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Fournisseur</th>
                <th scope="col">Déposée le</th>
                <th scope="col">Questions évaluées</th>
                <th scope="col">Bilan</th>
              </tr>
            </thead>
            <tbody>
              {respondents.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td>{formatParis(r.submittedAt, "numeric")}</td>
                  <td>
                    {r.evaluated} / {r.questionCount ?? questionCount}
                  </td>
                  <td>
                    <Link to={`${base}/fournisseurs/${r.id}`}>Radar et plan de progrès</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="panel-h">
        <h2 id="panel-h">Panel ({invitations.filter((i) => !i.revoked).length} fournisseurs)</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Fournisseur</th>
              <th scope="col">Adresse</th>
              <th scope="col">État</th>
              <th scope="col" className="num">
                Relances
              </th>
              {manager && campaign.open ? <th scope="col">Relancer</th> : null}
            </tr>
          </thead>
          <tbody>
            {invitations.map((i) => (
              <tr key={i.id}>
                <td>{i.supplierName}</td>
                <td>{i.email}</td>
                <td>{i.statusLabel}</td>
                <td className="num">{i.reminders}</td>
                {manager && campaign.open ? (
                  <td>
                    {!i.revoked && i.status.kind !== "submitted" ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="invitationId" value={i.id} />
                        <button type="submit" name="intent" value="remind" className="button button--secondary">
                          Relancer
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        {manager && campaign.open ? (
          <Form method="post" className="inline-fields" aria-label="Ajouter un fournisseur au panel">
            <CsrfInput />
            <label>
              Nom du fournisseur <input name="supplierName" required />
            </label>
            <label>
              Adresse e-mail <input name="email" type="email" required />
            </label>
            <button type="submit" name="intent" value="invite" className="button">
              Inviter
            </button>
          </Form>
        ) : null}
        {actionData?.fieldErrors ? (
          <div className="field__error" role="alert">
            {Object.values(actionData.fieldErrors)
              .flat()
              .map((m) => (
                <p key={m}>{m}</p>
              ))}
          </div>
        ) : null}
        {actionData?.link ? (
          <p role="status">
            Lien d'invitation de {actionData.link.supplierName} (affiché une seule fois) : <CopyLink url={actionData.link.url} label={`Lien de ${actionData.link.supplierName}`} />
          </p>
        ) : null}
      </section>
      {manager ? (
        <section className="card" aria-labelledby="eval-h">
          <h2 id="eval-h">Évaluateurs</h2>
          <p className="field__hint">Le guide recommande d'évaluer à plusieurs : achats, informatique et RSE.</p>
          {evaluators.length === 0 ? (
            <p className="muted">Aucun évaluateur dans votre organisation.</p>
          ) : (
            <Form method="post">
              <CsrfInput />
              {evaluators.map((e) => (
                <label key={e.id} className="check">
                  <input type="checkbox" name="evaluator" value={e.id} defaultChecked={e.assigned} /> {e.name} ({e.email})
                </label>
              ))}
              <button type="submit" name="intent" value="evaluators" className="button button--secondary">
                Enregistrer les évaluateurs
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {manager && campaign.status === "published" ? (
        <Form method="post" className="no-print">
          <CsrfInput />
          <button type="submit" name="intent" value="close" className="button button--secondary">
            Clôturer la campagne
          </button>
        </Form>
      ) : null}
    </>
  );
}
