import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf } from "~/auth/csrf.server";
import { isCampaignManager } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { loadCampaign, loadCampaignAsManager } from "~/campaigns/campaigns.server";
import { planAction } from "~/campaigns/plans.server";
import { buyerSupplierDebrief, shareCampaignDebrief } from "~/campaigns/results.server";
import { DebriefView, PlanSection } from "~/components/campaigns/debrief";
import { CsrfInput } from "~/components/csrf";
import { FlashMessage } from "~/components/flash";
import { tenderLinks } from "~/components/tenders/links";
import { formatParis } from "~/lib/dates";
import { redirectWithFlash } from "~/lib/flash.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";

export const links = tenderLinks;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Bilan de ${data?.supplier.name ?? "fournisseur"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator", "rse"]);
  const d = await buyerSupplierDebrief({ campaignId: idParam(params.id), supplierOrganisationId: idParam(params.supplierId), user });
  return { ...d, manager: isCampaignManager(user) };
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "rse"]);
  const formData = await request.formData();
  await requireCsrf(request, formData);
  const campaignId = idParam(params.id);
  const supplierOrganisationId = idParam(params.supplierId);
  const here = `/acheteur/campagnes/${campaignId}/fournisseurs/${supplierOrganisationId}`;
  if (formData.get("intent") === "share") {
    const name = await shareCampaignDebrief({ campaignId, supplierOrganisationId, user });
    return redirectWithFlash(here, { message: `Bilan partagé avec ${name}.` });
  }
  const campaign = await loadCampaignAsManager({ id: campaignId, user });
  const d = await buyerSupplierDebrief({ campaignId, supplierOrganisationId, user });
  return refusalsAsData(
    async () => {
      const r = await planAction({ formData, user, campaign, supplierOrganisationId, axes: d.axes, visibleCampaign: async (id) => await loadCampaign({ id, user }) });
      if (!r.ok) return data({ fieldErrors: r.fieldErrors }, { status: 400 });
      return redirectWithFlash(`${here}#plan-h`, { message: r.message });
    },
    (message) => ({ fieldErrors: { status: [message] } as Record<string, string[]> }),
  );
});

export default function BuyerSupplierDebrief() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print">
        <Link to={`/acheteur/campagnes/${d.campaign.id}`}>← {d.campaign.title}</Link>
      </p>
      <h1>Bilan de {d.supplier.name}</h1>
      <FlashMessage />
      {d.sharedAt ? (
        <p className="alert alert--info">Bilan partagé avec le fournisseur le {formatParis(d.sharedAt, "numeric")}.</p>
      ) : d.manager ? (
        <Form method="post" className="no-print">
          <CsrfInput />
          <p>Le fournisseur ne voit ce bilan qu'une fois partagé (son radar, ses notes par critère et son plan ; jamais les poids ni un autre fournisseur).</p>
          <button type="submit" name="intent" value="share" className="button">
            Partager le bilan avec le fournisseur
          </button>
        </Form>
      ) : null}
      <DebriefView d={d} />
      {d.manager ? <PlanSection d={d} side="buyer" errors={actionData?.fieldErrors ?? null} /> : null}
    </>
  );
}
