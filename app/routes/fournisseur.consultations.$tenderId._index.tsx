import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { ConflictPanel } from "~/components/questionnaire/ConflictPanel";
import { ProgressNav } from "~/components/questionnaire/ProgressNav";
import { Instructions } from "~/components/questionnaire/Instructions";
import { FilesForm, QuestionBlock } from "~/components/questionnaire/QuestionBlock";
import { StatusNotices } from "~/components/questionnaire/StatusNotices";
import { SubmitSection } from "~/components/questionnaire/SubmitSection";
import { saveStatusText, useAutosave } from "~/components/questionnaire/use-autosave";
import questionnaireStyles from "~/components/questionnaire/questionnaire.css?url";
import { CsrfInput } from "~/components/csrf";
import { config } from "~/config.server";
import { uploadEvidence, removeEvidence } from "~/responses/files.server";
import { computeProgress } from "~/responses/progress";
import type { QuestionnaireActionResult } from "~/responses/questionnaire-view";
import { getQuestionnaire, saveDraft } from "~/responses/questionnaire.server";
import {
  answerDraftSchema,
  emptyAnswer,
  questionnaireSchema,
  saveRequestSchema,
  toFormValues,
  type AnswerDraft,
  type AnswerFormValues,
  type QuestionnaireFormValues,
} from "~/responses/schemas";
import { submitResponse, withdrawSubmission } from "~/responses/submissions.server";
import { saveOfferValues } from "~/responses/offer-values.server";
import { OfferValuesSection } from "~/components/questionnaire/OfferValuesSection";
import { formatBytes } from "~/lib/format";
import { formDataToNested } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tender.title ?? "Questionnaire"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return getQuestionnaire({ user, tenderId: idParam(params.tenderId) });
});

type ActionResult = QuestionnaireActionResult;

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const tenderId = idParam(params.tenderId);
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
          const parsed = saveRequestSchema.safeParse(formDataToNested(formData));
          if (!parsed.success) return data<ActionResult>({ intent: "save", ok: false, error: `Formulaire invalide : ${parsed.error.issues[0]?.message ?? ""}` }, { status: 400 });
          const result = saveDraft({ user, tenderId, input: parsed.data });
          if (result.ok) return data<ActionResult>({ intent: "save", ...result });
          return data<ActionResult>({ intent: "save", ok: false, conflict: result.conflict }, { status: 409 });
        }
        case "upload": {
          const questionId = z.string().max(80).safeParse(formData.get("questionId") ?? "");
          if (!questionId.success) return data<ActionResult>({ intent: "upload", ok: false, error: "Requête invalide." }, { status: 400 });
          const file = formData.get("file");
          if (!(file instanceof File) || file.size === 0 || !file.name)
            return data<ActionResult>({ intent: "upload", ok: false, questionId: questionId.data, error: "Choisissez un fichier à joindre." }, { status: 400 });
          uploadEvidence({ user, tenderId, questionId: questionId.data, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
          return data<ActionResult>({ intent: "upload", ok: true, questionId: questionId.data });
        }
        case "remove-file": {
          const answerFileId = idParam(rawIntent.slice("remove-file:".length));
          removeEvidence({ user, tenderId, answerFileId });
          return data<ActionResult>({ intent: "remove-file", ok: true, questionId: at.questionId ?? "" });
        }
        case "offer-values": {
          const values = formDataToNested(formData, { arrays: false }).values;
          const result = saveOfferValues({ user, tenderId, values: (values && typeof values === "object" ? values : {}) as Record<string, string> });
          if (!result.ok) return data<ActionResult>({ intent: "offer-values", ok: false, error: "Valeurs de l'offre non enregistrées : corrigez les champs signalés.", offerErrors: result.fieldErrors }, { status: 400 });
          return data<ActionResult>({ intent: "offer-values", ok: true, saved: result.saved });
        }
        case "submit": {
          const version = z.coerce.number().int().min(0).safeParse(formData.get("version"));
          if (!version.success) return data<ActionResult>({ intent: "submit", ok: false, error: "Version manquante : rechargez la page." }, { status: 400 });
          const result = submitResponse({ user, tenderId, version: version.data });
          if (!result.ok) return data<ActionResult>({ intent: "submit", ...result }, { status: 422 });
          return redirect(`/fournisseur/consultations/${tenderId}/recepisse`);
        }
        case "withdraw": {
          withdrawSubmission({ user, tenderId });
          return redirect(`/fournisseur/consultations/${tenderId}`);
        }
        default:
          return data<ActionResult>({ intent: at.intent, ok: false, error: "Action inconnue." }, { status: 400 });
      }
    },
    (error): ActionResult => ({ intent: at.intent, ok: false, error, questionId: at.questionId }),
  );
});

/** Autosaves must not reload the page data (the form keeps what is being typed); everything else does. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData && (formData.get("intent") ?? "save") === "save") return false;
  return defaultShouldRevalidate;
};

function toDraft(v: AnswerFormValues | undefined): AnswerDraft {
  const parsed = answerDraftSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : { ...emptyAnswer };
}

export default function QuestionnairePage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A new version from the server (explicit post without JavaScript, submission, withdrawal) remounts the form.
  const conflictKey = actionData && "conflict" in actionData && actionData.conflict ? `c${actionData.conflict.currentVersion}` : "";
  return <Questionnaire key={`${loaderData.version}-${loaderData.status}-${conflictKey}`} />;
}

function Questionnaire() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const readOnly = d.status === "submitted" || Boolean(d.closedReason);
  const allQuestions = useMemo(() => d.criteria.flatMap((c) => c.questions.map((q) => ({ ...q, criterion: c.id }))), [d.criteria]);
  const rules = useMemo(() => allQuestions.map((q) => ({ id: q.id, allowNotApplicable: q.allowNotApplicable })), [allQuestions]);
  const schema = useMemo(() => questionnaireSchema(rules, "complete"), [rules]);

  // A conflict returned to a plain post: keep my values in the form, base on the server's current state.
  const postedConflict = actionData && actionData.intent === "save" && "conflict" in actionData ? actionData.conflict : null;
  const initialAnswers = useMemo(() => {
    const answers: Record<string, AnswerFormValues> = { ...d.answers };
    if (postedConflict) for (const [id, a] of Object.entries(postedConflict.myChanges)) answers[id] = toFormValues(a);
    return answers;
  }, [d.answers, postedConflict]);

  const methods = useForm<QuestionnaireFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<QuestionnaireFormValues>,
    mode: "onBlur",
    reValidateMode: "onChange",
    defaultValues: { answers: initialAnswers },
  });
  const values = useWatch({ control: methods.control, name: "answers" }) as Record<string, AnswerFormValues> | undefined;
  const drafts = useMemo(() => Object.fromEntries(allQuestions.map((q) => [q.id, toDraft(values?.[q.id] ?? initialAnswers[q.id])])), [allQuestions, values, initialAnswers]);
  const progress = useMemo(() => computeProgress(allQuestions, drafts), [allQuestions, drafts]);
  const autosave = useAutosave({
    methods,
    tenderId: d.tender.id,
    base: { version: d.version, fingerprints: d.fingerprints },
    postedConflict,
    savedAt: actionData?.intent === "save" && actionData.ok ? (actionData as { savedAt: string }).savedAt : null,
    readOnly,
  });
  const { saveState } = autosave;

  const questionText = useCallback((id: string) => allQuestions.find((q) => q.id === id)?.text ?? "", [allQuestions]);
  const submitProblems = actionData?.intent === "submit" && "unanswered" in actionData ? actionData : null;
  const actionError = actionData && "error" in actionData && actionData.error && actionData.intent !== "upload" && actionData.intent !== "remove-file" ? actionData.error : null;
  const ready = progress.unanswered.length === 0 && progress.incomplete.length === 0 && progress.reused.length === 0;
  const busy = navigation.state !== "idle";

  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › Consultation
      </p>
      <h1>{d.tender.title}</h1>
      <p className="lead">
        {d.tender.buyerName} · <span className="qid">{d.tender.reference}</span> · date limite : <strong>{d.tender.deadlineLabel}</strong> (heure de Paris){" "}
        {d.tender.countdown ? <span className="badge badge--warn">{d.tender.countdown}</span> : null}
      </p>
      {d.tender.billLines > 0 ? (
        <p className="alert alert--info">
          Cette consultation comporte un bordereau de prix de {d.tender.billLines} ligne{d.tender.billLines > 1 ? "s" : ""} : prix unitaires et facteurs
          d'émission se remplissent sur la page <Link to={`/fournisseur/consultations/${d.tender.id}/bordereau`}>Bordereau de prix</Link>.
        </p>
      ) : null}
      <StatusNotices tenderId={d.tender.id} status={d.status} closedReason={d.closedReason} latestSubmission={d.latestSubmission} busy={busy} />
      {actionError ? (
        <p className="alert alert--error" role="alert">
          {actionError}
        </p>
      ) : null}

      <div className="q-layout">
        <ProgressNav criteria={d.criteria} progress={progress} saveStatus={saveStatusText(saveState)} saveProblem={saveState.kind === "error" || saveState.kind === "conflict"} />

        <div>
          <Instructions instructions={d.instructions} limits={d.limits} usedBytes={d.usedBytes} />

          <FormProvider {...methods}>
            <Form
              method="post"
              ref={autosave.formRef}
              id="questionnaire"
              noValidate
              onSubmit={(e) => {
                // With JavaScript, explicit saves go through the same queue as autosaves.
                e.preventDefault();
                void methods.trigger();
                autosave.saveNow();
              }}
            >
              <CsrfInput />
              <input type="hidden" name="version" value={autosave.base.version} />
              {Object.entries(autosave.base.fingerprints).map(([id, fp]) => (
                <input key={id} type="hidden" name={`orig.${id}`} value={fp} />
              ))}
              {autosave.conflict ? <ConflictPanel conflict={autosave.conflict} questionText={questionText} onApply={autosave.applyMerge} readOnly={readOnly} /> : null}
              <fieldset disabled={readOnly} style={{ border: "none", padding: 0, margin: 0 }}>
                {d.criteria.map((c) => (
                  <section className="q-section" id={`critere-${c.id}`} key={c.id} aria-labelledby={`critere-${c.id}-titre`}>
                    <h2 id={`critere-${c.id}-titre`} style={{ marginTop: 0 }}>
                      {c.number}. {c.title}
                    </h2>
                    {c.questions.map((q) => (
                      <QuestionBlock
                        key={q.id}
                        question={q}
                        initial={initialAnswers[q.id] ?? toFormValues(toDraft(undefined))}
                        files={d.files[q.id] ?? []}
                        readOnly={readOnly}
                        serverProblems={undefined}
                        onConfirm={autosave.confirmReused}
                      />
                    ))}
                  </section>
                ))}
              </fieldset>
              {!readOnly ? (
                <div className="q-savebar">
                  <button type="submit" name="intent" value="save" className="button">
                    Enregistrer
                  </button>
                  <span className="q-status">{saveStatusText(saveState)}</span>
                </div>
              ) : null}
            </Form>
          </FormProvider>
          {allQuestions.map((q) => (
            <FilesForm key={q.id} questionId={q.id} />
          ))}
          <OfferValuesSection
            offerValues={d.offerValues}
            files={d.files}
            readOnly={readOnly}
            errors={actionData && "offerErrors" in actionData ? actionData.offerErrors : undefined}
            saved={actionData?.intent === "offer-values" && actionData.ok}
          />

          <SubmitSection ready={ready} problems={submitProblems ?? progress} version={autosave.base.version} readOnly={readOnly} busy={busy} unsaved={autosave.unsaved} />
        </div>
      </div>
    </>
  );
}
