import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isCampaignManager } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { listCampaigns } from "~/campaigns/campaigns.server";
import { campaignStatusLabels } from "~/campaigns/labels";
import { CampaignOrTender } from "~/components/campaigns/explainer";
import { FlashMessage } from "~/components/flash";
import { tenderLinks } from "~/components/tenders/links";
import { formatParis } from "~/lib/dates";
import { defineLoader } from "~/lib/route.server";
import { tenderStatusBadge } from "~/tenders/labels";

export const links = tenderLinks;
export const meta: MetaFunction = () => [{ title: "Campagnes de maturité — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  return { campaigns: await listCampaigns({ user }), canCreate: isCampaignManager(user) };
});

export default function Campaigns() {
  const { campaigns, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Campagnes de maturité</h1>
      <FlashMessage />
      <CampaignOrTender />
      {canCreate ? (
        <p className="actions">
          <Link className="button" to="/acheteur/campagnes/nouvelle">
            Nouvelle campagne
          </Link>
        </p>
      ) : null}
      {campaigns.length === 0 ? (
        <p className="muted">Aucune campagne pour l'instant.</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Titre</th>
              <th scope="col">Statut</th>
              <th scope="col">Lancée le</th>
              <th scope="col">Date limite (Paris)</th>
              <th scope="col" className="num">
                Panel
              </th>
              <th scope="col" className="num">
                Réponses
              </th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/acheteur/campagnes/${c.id}`}>{c.title}</Link>
                </td>
                <td>
                  <span className={tenderStatusBadge[c.status]}>{campaignStatusLabels[c.status]}</span>
                </td>
                <td>{formatParis(c.publishedAt, "numeric")}</td>
                <td>{formatParis(c.deadline, "numeric")}</td>
                <td className="num">{c.invitationCount}</td>
                <td className="num">{c.submissionCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
