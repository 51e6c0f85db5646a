import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { isBuyer } from "~/auth/permissions.server";
import { requireRole } from "~/auth/session.server";
import { MembersTable } from "~/components/members";
import { listOwnAudit, listOwnMembers } from "~/lib/organisations.server";
import { formatParis } from "~/lib/dates";
import { tenderStatusBadge, tenderStatusLabels } from "~/tenders/labels";
import { listTenders } from "~/tenders/tenders.server";
import { tenderLinks } from "~/components/tenders/links";
import { defineLoader } from "~/lib/route.server";
import { CampaignOrTender } from "~/components/campaigns/explainer";

export const links = tenderLinks;

export const meta: MetaFunction = () => [{ title: "Espace acheteur — NR Procure" }];

export const loader = defineLoader(async ({ request }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["buyer", "evaluator"]);
  return {
    organisationName: user.organisationName,
    role: user.role,
    tenders: await listTenders({ user }),
    members: await listOwnMembers({ user }),
    audit: isBuyer(user) ? await listOwnAudit({ user, limit: 30 }) : [],
  };
});

const auditLabels: Record<string, string> = {
  "tender.create": "création d'un appel d'offres",
  "tender.update-draft": "modification d'un brouillon",
  "tender.publish": "publication",
  "tender.cancel": "annulation",
  "tender.close": "clôture",
  "tender.evaluators": "affectation des évaluateurs",
  "invitation.create": "invitation d'un fournisseur",
  "invitation.revoke": "révocation d'une invitation",
  "evaluation.update": "modification d'une évaluation",
  "evaluation.confirm": "validation d'une évaluation",
  "offer-score.update": "saisie du prix et de la note technique",
  "export.ranking-csv": "export CSV du classement",
  "export.report": "édition du rapport imprimable",
  "debrief.share": "partage d'un bilan avec un fournisseur",
  "campaign.launch": "lancement d'une campagne de maturité",
  "campaign.close": "clôture d'une campagne",
  "campaign.reminder": "relance d'un fournisseur du panel",
  "campaign.debrief-share": "partage d'un bilan de campagne",
  "export.campaign-csv": "export CSV d'un panel",
  "plan.propose": "proposition d'une action de progrès",
  "plan.agree": "accord sur une action de progrès",
  "plan.status": "avancement d'une action de progrès",
  "account.sign-up": "création du compte",
};

export default function BuyerHome() {
  const { organisationName, role, tenders, members, audit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Espace acheteur</h1>
      <p className="lead">{organisationName}</p>
      <CampaignOrTender />
      <p>
        <Link to="/acheteur/campagnes">Campagnes de maturité du panel fournisseurs</Link>
      </p>
      <section className="card" aria-labelledby="tenders-title">
        <h2 id="tenders-title">Appels d'offres</h2>
        {role === "buyer" ? (
          <p className="actions">
            <Link className="button" to="/acheteur/appels-d-offres/nouveau">
              Nouvel appel d'offres
            </Link>
            <Link to="/acheteur/boite-d-envoi">Boîte d'envoi</Link>
          </p>
        ) : (
          <p className="muted">Vous voyez les appels d'offres dont vous êtes évaluateur.</p>
        )}
        {tenders.length === 0 ? (
          <p className="muted">Aucun appel d'offres pour l'instant.</p>
        ) : (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Titre</th>
                <th scope="col">Référence</th>
                <th scope="col">Segment</th>
                <th scope="col">Statut</th>
                <th scope="col">Date limite (Paris)</th>
                <th scope="col" className="num">Invités</th>
                <th scope="col" className="num">Réponses déposées</th>
              </tr>
            </thead>
            <tbody>
              {tenders.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link to={`/acheteur/appels-d-offres/${t.id}`}>{t.title}</Link>
                  </td>
                  <td>{t.reference}</td>
                  <td>{t.segmentLabel}</td>
                  <td>
                    <span className={tenderStatusBadge[t.status]}>{tenderStatusLabels[t.status]}</span>
                  </td>
                  <td>{formatParis(t.deadline, "numeric")}</td>
                  <td className="num">{t.invitationCount}</td>
                  <td className="num">{t.submissionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2>Équipe</h2>
        <MembersTable members={members} />
      </section>
      {role === "buyer" ? (
        <section className="card">
          <h2>Journal d'activité</h2>
          {audit.length === 0 ? (
            <p className="muted">Aucune action enregistrée pour l'instant.</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Quand (Paris)</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Quoi</th>
                  <th scope="col">Cible</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a, i) => (
                  <tr key={i}>
                    <td>{formatParis(a.at, "numeric")}</td>
                    <td>{a.userName ?? "système"}</td>
                    <td>{auditLabels[a.action] ?? a.action}</td>
                    <td>
                      {a.targetType === "campaign" && a.targetId ? (
                        <Link to={`/acheteur/campagnes/${a.targetId}`}>campagne n° {a.targetId}</Link>
                      ) : a.targetType === "tender" && a.targetId ? (
                        <Link to={`/acheteur/appels-d-offres/${a.targetId}`}>appel d'offres n° {a.targetId}</Link>
                      ) : a.targetType ? (
                        `${a.targetType} ${a.targetId ?? ""}`
                      ) : (
                        ""
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
