/**
 * The checklist the publish page shows before the buyer confirms (issue 10 §2, "no dead end"): who
 * will evaluate, when evaluation opens, what remains to do about invitations, whether the NR
 * annex's clauses are complete. A view model built here and drawn by
 * `components/tenders/publish-checklist.tsx`, apart from the publication rules themselves
 * (`publishIssues`), so that other checks added to publication do not touch it.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { invitations } from "#db/schema";
import { fillClause, getClause } from "#questionnaires/clauses";
import type { CurrentUser } from "~/auth/session.server";
import { db } from "~/lib/db.server";
import { formatParis } from "~/lib/dates";
import { frCount } from "~/lib/format";
import type { TenderRow } from "./access.server";
import { readDraftMethod } from "./builder";
import { listEvaluators } from "./tenders.server";

export type ChecklistStatus = "ok" | "todo" | "info";

export type ChecklistItem = {
  id: "evaluators" | "evaluation-opens" | "invitations" | "clauses";
  title: string;
  status: ChecklistStatus;
  /** What the buyer needs to know, in one or two sentences. */
  detail: string;
  /** Where to act on it, when that is another page. */
  action?: { href: string; label: string };
};

export type PublishChecklist = {
  items: ChecklistItem[];
  /** Current choice, for the explicit « évaluation » radio of the publish form. */
  allowEarlyEvaluation: boolean;
};

export async function publishChecklist({ tender, user }: { tender: TenderRow; user: CurrentUser }): Promise<PublishChecklist> {
  const base = `/acheteur/appels-d-offres/${tender.id}`;
  const evaluators = await listEvaluators({ tender, user });
  const assigned = evaluators.filter((e) => e.assigned);
  const deadline = formatParis(tender.deadline, "numeric", { withZone: true }); // « 30/01/2027 à 07:05 (heure de Paris) »
  const method = readDraftMethod(tender.draftMethod);
  const incomplete = method.clauses.filter((c) => {
    const clause = getClause(c.clauseId);
    return !clause || !fillClause(clause, c.values).ok;
  });
  const invited = (await db()
      .select({ n: sql<number>`count(*)` })
      .from(invitations)
      .where(and(eq(invitations.tenderId, tender.id), isNull(invitations.revokedAt))).limit(1))[0]!.n;

  const items: ChecklistItem[] = [
    assigned.length > 0
      ? {
          id: "evaluators",
          title: "Évaluateurs",
          status: "ok",
          detail: `${frCount(assigned.length, "évaluateur affecté", "évaluateurs affectés")} : ${assigned.map((e) => e.name).join(", ")}. ${assigned.length < 2 ? "Il verra" : "Ils verront"} cet appel d'offres dans ${assigned.length < 2 ? "son" : "leur"} espace.`,
          action: { href: `${base}#evaluateurs`, label: "Modifier les évaluateurs" },
        }
      : {
          id: "evaluators",
          title: "Évaluateurs",
          status: evaluators.length > 0 ? "todo" : "info",
          detail:
            evaluators.length > 0
              ? `Aucun évaluateur affecté : ${evaluators.map((e) => e.name).join(", ")} ${evaluators.length < 2 ? "ne verra" : "ne verront"} pas cet appel d'offres ; seuls les acheteurs pourront évaluer.`
              : "Votre organisation n'a aucun évaluateur : les acheteurs évalueront eux-mêmes les réponses.",
          ...(evaluators.length > 0 ? { action: { href: `${base}#evaluateurs`, label: "Affecter des évaluateurs" } } : {}),
        },
    {
      id: "evaluation-opens",
      title: "Ouverture de l'évaluation",
      status: "info",
      detail: tender.allowEarlyEvaluation
        ? `Dès qu'un fournisseur dépose sa réponse, sans attendre la date limite du ${deadline}. Choisissez ci-dessous.`
        : `À la date limite, le ${deadline} : avant, les réponses déposées ne sont pas visibles. Choisissez ci-dessous.`,
    },
    {
      id: "invitations",
      title: "Invitations",
      status: "todo",
      detail:
        invited > 0
          ? `${frCount(invited, "invitation déjà préparée", "invitations déjà préparées")}.`
          : "Aucun fournisseur n'est encore invité : après la publication, invitez-les depuis la page « Fournisseurs invités » (un lien personnel par fournisseur, envoyé par e-mail ou à copier).",
    },
    method.clauses.length === 0
      ? {
          id: "clauses",
          title: "Clauses de l'annexe NR",
          status: "info",
          detail: "Aucune clause retenue : l'annexe numérique responsable ne contiendra que la méthode de notation.",
          action: { href: `${base}/clauses`, label: "Choisir des clauses" },
        }
      : incomplete.length > 0
        ? {
            id: "clauses",
            title: "Clauses de l'annexe NR",
            status: "todo",
            detail: `${frCount(incomplete.length, "clause incomplète", "clauses incomplètes")} sur ${method.clauses.length} : complétez les champs à renseigner avant de publier.`,
            action: { href: `${base}/clauses`, label: "Compléter les clauses" },
          }
        : {
            id: "clauses",
            title: "Clauses de l'annexe NR",
            status: "ok",
            detail: `${frCount(method.clauses.length, "clause retenue", "clauses retenues")}, ${method.clauses.length < 2 ? "complète" : "toutes complètes"}.`,
            action: { href: `${base}/clauses`, label: "Voir les clauses" },
          },
  ];
  return { items, allowEarlyEvaluation: tender.allowEarlyEvaluation };
}
