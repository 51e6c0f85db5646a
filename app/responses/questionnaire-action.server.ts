import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import type { CurrentUser } from "~/auth/session.server";
import { config } from "~/config.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatBytes } from "~/lib/format";
import { formDataToNested } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { idParam, refusalsAsData } from "~/lib/route.server";
import { removeEvidence, uploadEvidence } from "./files.server";
import { saveOfferValues } from "./offer-values.server";
import type { QuestionnaireActionResult } from "./questionnaire-view";
import { saveDraft } from "./questionnaire.server";
import { saveRequestSchema } from "./schemas";
import { submitResponse, withdrawSubmission } from "./submissions.server";

type ActionResult = QuestionnaireActionResult;

export const questionnairePath = (tenderId: number) => `/fournisseur/consultations/${tenderId}`;
export const sectionPath = (tenderId: number, criterionId: string) => `${questionnairePath(tenderId)}/sections/${criterionId}`;
export const reviewPath = (tenderId: number) => `${questionnairePath(tenderId)}/verification`;

/** Where a section page's « Précédent », « Suivant », « Enregistrer et quitter »… buttons lead once the section is saved. */
const goSchema = z.union([z.enum(["previous", "next", "quit", "review", "overview"]), z.string().regex(/^section:[a-z0-9-]{1,60}$/)]);

/**
 * The page that posts: the overview (the whole questionnaire, as the single page did), a section
 * (its saves are scoped to its questions; `neighbours` are where its buttons lead), or the review.
 */
export type PostingPage =
  | { kind: "overview" }
  | { kind: "review" }
  | { kind: "section"; criterionId: string; title: string; questionIds: readonly string[]; previous: string | null; next: string | null };

function destination(tenderId: number, page: PostingPage, go: z.infer<typeof goSchema>): { url: string; message: string } {
  const saved = page.kind === "section" ? `Section « ${page.title} » enregistrée.` : "Réponses enregistrées.";
  if (go === "quit") return { url: "/fournisseur", message: "Vos réponses sont enregistrées : vous pourrez reprendre le questionnaire jusqu'à la date limite." };
  if (go === "review") return { url: reviewPath(tenderId), message: saved };
  if (go === "overview") return { url: questionnairePath(tenderId), message: saved };
  if (page.kind === "section" && go === "previous" && page.previous) return { url: sectionPath(tenderId, page.previous), message: saved };
  if (page.kind === "section" && go === "next") return { url: page.next ? sectionPath(tenderId, page.next) : reviewPath(tenderId), message: saved };
  if (go.startsWith("section:")) return { url: sectionPath(tenderId, go.slice("section:".length)), message: saved };
  return { url: page.kind === "section" ? sectionPath(tenderId, page.criterionId) : questionnairePath(tenderId), message: saved };
}

/**
 * Every post of the questionnaire pages: save (autosave with JavaScript, explicit save and the
 * navigation buttons without), evidence upload and removal, submission, withdrawal.
 * A save that names where to go next (`go`) redirects there with a flash once it succeeded; a
 * conflict stays on the page (409) with both versions, as before.
 */
export async function handleQuestionnairePost({ request, user, tenderId, page }: { request: Request; user: CurrentUser; tenderId: number; page: PostingPage }) {
  // What a refusal shown on the page belongs to: an upload until the form says otherwise.
  const at: { intent: string; questionId?: string } = { intent: "upload" };
  return refusalsAsData(
    async () => {
      const formData = await readForm(request, {
        maxPartBytes: config().uploadMaxFileBytes,
        tooLargeMessage: `Le fichier dépasse la taille maximale de ${formatBytes(config().uploadMaxFileBytes)} par fichier : il n'a pas été joint.`,
      });
      await requireCsrf(request, formData);
      const rawIntent = String(formData.get("intent") ?? "save");
      at.intent = rawIntent.startsWith("remove-file:") ? "remove-file" : rawIntent;
      at.questionId = String(formData.get("questionId") ?? "") || undefined;
      switch (at.intent) {
        case "save": {
          const go = formData.has("go") ? goSchema.safeParse(formData.get("go")) : null;
          if (go && !go.success) return data<ActionResult>({ intent: "save", ok: false, error: "Destination inconnue." }, { status: 400 });
          formData.delete("go");
          const parsed = saveRequestSchema.safeParse(formDataToNested(formData));
          if (!parsed.success) return data<ActionResult>({ intent: "save", ok: false, error: `Formulaire invalide : ${parsed.error.issues[0]?.message ?? ""}` }, { status: 400 });
          const result = await saveDraft({ user, tenderId, input: parsed.data, scope: page.kind === "section" ? page.questionIds : undefined });
          if (!result.ok) return data<ActionResult>({ intent: "save", ok: false, conflict: result.conflict }, { status: 409 });
          if (go) {
            const to = destination(tenderId, page, go.data);
            return redirectWithFlash(to.url, { message: to.message });
          }
          return data<ActionResult>({ intent: "save", ...result });
        }
        case "upload": {
          // A question id, or `offre:<criterion id>` for an offer value's evidence (issue 11 §2).
          const questionId = z.string().max(80).safeParse(formData.get("questionId") ?? "");
          if (!questionId.success) return data<ActionResult>({ intent: "upload", ok: false, error: "Requête invalide." }, { status: 400 });
          const file = formData.get("file");
          if (!(file instanceof File) || file.size === 0 || !file.name)
            return data<ActionResult>({ intent: "upload", ok: false, questionId: questionId.data, error: "Choisissez un fichier à joindre." }, { status: 400 });
          await uploadEvidence({ user, tenderId, questionId: questionId.data, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
          return data<ActionResult>({ intent: "upload", ok: true, questionId: questionId.data });
        }
        case "remove-file": {
          const answerFileId = idParam(rawIntent.slice("remove-file:".length));
          await removeEvidence({ user, tenderId, answerFileId });
          return data<ActionResult>({ intent: "remove-file", ok: true, questionId: at.questionId ?? "" });
        }
        case "offer-values": {
          const values = formDataToNested(formData, { arrays: false }).values;
          const result = await saveOfferValues({ user, tenderId, values: (values && typeof values === "object" ? values : {}) as Record<string, string> });
          if (!result.ok)
            return data<ActionResult>({ intent: "offer-values", ok: false, error: "Valeurs de l'offre non enregistrées : corrigez les champs signalés.", offerErrors: result.fieldErrors }, { status: 400 });
          return data<ActionResult>({ intent: "offer-values", ok: true, saved: result.saved });
        }
        case "submit": {
          const version = z.coerce.number().int().min(0).safeParse(formData.get("version"));
          if (!version.success) return data<ActionResult>({ intent: "submit", ok: false, error: "Version manquante : rechargez la page." }, { status: 400 });
          const result = await submitResponse({ user, tenderId, version: version.data });
          if (!result.ok) return data<ActionResult>({ intent: "submit", ...result }, { status: 422 });
          return redirect(`${questionnairePath(tenderId)}/recepisse`);
        }
        case "withdraw": {
          await withdrawSubmission({ user, tenderId });
          return redirect(questionnairePath(tenderId));
        }
        default:
          return data<ActionResult>({ intent: at.intent, ok: false, error: "Action inconnue." }, { status: 400 });
      }
    },
    (error): ActionResult => ({ intent: at.intent, ok: false, error, questionId: at.questionId }),
  );
}
