/**
 * The French text of the e-mails the portal writes besides invitations (which stay with the
 * invitation code): submission receipt, withdrawal notice, deadline reminders, debrief available.
 * Plain text, signed by the portal; every message says why the reader receives it. Browser-safe.
 */
import { formatParis } from "~/lib/dates";

type Tender = { id: number; title: string; reference: string; deadline: string };

const tenderName = (t: Tender) => `« ${t.title} »${t.reference ? ` (réf. ${t.reference})` : ""}`;
const link = (publicUrl: string | undefined, path: string) => (publicUrl ? `${publicUrl}${path}` : "");
const signature = ["", "— NR Procure, portail d'achats numériques responsables", "Message automatique : ne répondez pas à cette adresse."];

export function submissionReceipt(input: { tender: Tender; organisationName: string; buyerName: string; submittedAt: string; contentSha256: string; answerCount: number; publicUrl?: string }) {
  const receipt = link(input.publicUrl, `/fournisseur/consultations/${input.tender.id}/recepisse`);
  return {
    kind: "response.receipt",
    subject: `Récépissé de dépôt — ${input.tender.reference} ${input.tender.title}`.replace(/\s+/g, " ").trim(),
    body: [
      "Bonjour,",
      "",
      `La réponse de ${input.organisationName} à la consultation ${tenderName(input.tender)} de ${input.buyerName} a été déposée le ${formatParis(input.submittedAt, "seconds")} (heure de Paris).`,
      `Réponses déposées : ${input.answerCount}.`,
      `Empreinte SHA-256 du contenu déposé : ${input.contentSha256}`,
      "",
      "Cette empreinte prouve ce que vous avez déposé : conservez ce message. Vous pouvez retirer votre réponse et la déposer à nouveau jusqu'à la date limite",
      `(${formatParis(input.tender.deadline, "numeric", { withZone: true })}).`,
      ...(receipt ? ["", `Récépissé : ${receipt}`] : []),
      ...signature,
    ].join("\n"),
  };
}

export function withdrawalNotice(input: { tender: Tender; organisationName: string; userName: string; withdrawnAt: string; publicUrl?: string }) {
  const page = link(input.publicUrl, `/fournisseur/consultations/${input.tender.id}`);
  return {
    kind: "response.withdrawal-notice",
    subject: `Réponse retirée — ${input.tender.reference} ${input.tender.title}`.replace(/\s+/g, " ").trim(),
    body: [
      "Bonjour,",
      "",
      `${input.userName} a retiré la réponse de ${input.organisationName} à la consultation ${tenderName(input.tender)} le ${formatParis(input.withdrawnAt, "seconds")} (heure de Paris).`,
      "L'acheteur ne la voit plus. Pour concourir, déposez-la à nouveau avant la date limite :",
      `${formatParis(input.tender.deadline, "numeric", { withZone: true })}.`,
      ...(page ? ["", `Questionnaire : ${page}`] : []),
      ...signature,
    ].join("\n"),
  };
}

export const reminderOffsetsMs = { "deadline-7d": 7 * 24 * 3600_000, "deadline-1d": 24 * 3600_000 } as const;

export function deadlineReminder(input: {
  kind: keyof typeof reminderOffsetsMs;
  tender: Tender;
  buyerName: string;
  supplierName: string;
  invitedAt: string;
  accepted: boolean;
  publicUrl?: string;
}) {
  const when = input.kind === "deadline-1d" ? "demain" : "dans une semaine";
  const page = link(input.publicUrl, input.accepted ? `/fournisseur/consultations/${input.tender.id}` : "/connexion");
  return {
    kind: `reminder.${input.kind}`,
    subject: `Rappel : date limite ${when} — ${input.tender.title}`,
    body: [
      "Bonjour,",
      "",
      `La date limite de réponse à la consultation ${tenderName(input.tender)} de ${input.buyerName} est ${when} :`,
      `${formatParis(input.tender.deadline, "numeric", { withZone: true })}.`,
      `Nous n'avons pas encore reçu de réponse déposée par ${input.supplierName}.`,
      "",
      input.accepted
        ? "Connectez-vous à NR Procure, complétez le questionnaire puis déposez votre réponse."
        : `Pour répondre, ouvrez le lien personnel reçu avec l'invitation du ${formatParis(input.invitedAt, "numeric")}.`,
      ...(page ? [page] : []),
      "",
      "Si vous ne souhaitez pas répondre, ignorez ce message : c'est le dernier rappel de ce type.",
      ...signature,
    ].join("\n"),
  };
}

export function debriefAvailable(input: { tender: Tender; buyerName: string; supplierName: string; publicUrl?: string }) {
  const page = link(input.publicUrl, `/fournisseur/consultations/${input.tender.id}/restitution`);
  return {
    kind: "debrief.available",
    subject: `Restitution disponible — ${input.tender.title}`,
    body: [
      "Bonjour,",
      "",
      `${input.buyerName} a partagé avec ${input.supplierName} la restitution de la consultation ${tenderName(input.tender)} :`,
      "votre note, votre rang et le détail de vos points, avec les justifications des évaluateurs.",
      "Elle est disponible dans votre espace fournisseur de NR Procure (rubrique Restitution de la consultation).",
      ...(page ? ["", page] : []),
      ...signature,
    ].join("\n"),
  };
}
