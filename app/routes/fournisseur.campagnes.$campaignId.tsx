import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { planAction } from "~/campaigns/plans.server";
import { supplierCampaign, supplierDebrief } from "~/campaigns/results.server";
import { DebriefView, PlanSection } from "~/components/campaigns/debrief";
import { FlashMessage } from "~/components/flash";
import { tenderLinks } from "~/components/tenders/links";
import { redirectWithFlash } from "~/lib/flash.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";

export const links = tenderLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bilan — ${data?.campaign.title ?? "campagne"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return await supplierDebrief({ campaignId: idParam(params.campaignId), user });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const campaignId = idParam(params.campaignId);
  const d = await supplierDebrief({ campaignId, user });
  const campaign = await supplierCampaign({ campaignId, user });
  return refusalsAsData(
    async () => {
      const r = await planAction({ formData, user, campaign, supplierOrganisationId: user.organisationId, axes: d.axes, visibleCampaign: async (id) => await supplierCampaign({ campaignId: id, user }) });
      if (!r.ok) return data({ fieldErrors: r.fieldErrors }, { status: 400 });
      return redirectWithFlash(`/fournisseur/campagnes/${campaignId}#plan-h`, { message: r.message });
    },
    (message) => ({ fieldErrors: { status: [message] } as Record<string, string[]> }),
  );
});

export default function SupplierCampaignDebrief() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print">
        <Link to="/fournisseur">← Espace fournisseur</Link>
      </p>
      <h1>Bilan de maturité — {d.campaign.title}</h1>
      <p className="lead">
        {d.supplier.name}. Campagne d'évaluation et de progrès : pas de prix, pas de classement. Ce bilan n'est visible que de votre organisation et
        de l'organisation qui a lancé la campagne.
      </p>
      <FlashMessage />
      <DebriefView d={d} />
      <PlanSection d={d} side="supplier" errors={actionData?.fieldErrors ?? null} />
    </>
  );
}
