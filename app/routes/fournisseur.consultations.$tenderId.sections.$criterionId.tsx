import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useMemo } from "react";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { FlashMessage } from "~/components/flash";
import { ConflictPanel } from "~/components/questionnaire/ConflictPanel";
import { ProgressNav } from "~/components/questionnaire/ProgressNav";
import { FilesForm, QuestionBlock } from "~/components/questionnaire/QuestionBlock";
import { StatusNotices } from "~/components/questionnaire/StatusNotices";
import { saveStatusText, useAutosave } from "~/components/questionnaire/use-autosave";
import questionnaireStyles from "~/components/questionnaire/questionnaire.css?url";
import { CsrfInput } from "~/components/csrf";
import { formatBytes } from "~/lib/format";
import { defineAction, defineLoader, idParam } from "~/lib/route.server";
import { computeProgress } from "~/responses/progress";
import { handleQuestionnairePost } from "~/responses/questionnaire-action.server";
import type { QuestionnaireActionResult } from "~/responses/questionnaire-view";
import { getQuestionnaireSection, sectionContext } from "~/responses/questionnaire.server";
import { answerDraftSchema, emptyAnswer, questionnaireSchema, toFormValues, type AnswerDraft, type AnswerFormValues, type QuestionnaireFormValues } from "~/responses/schemas";
import { ACCEPTED_LABEL } from "~/responses/uploads";

/**
 * One section (criterion) of the supplier questionnaire (issue 10 §5): its questions, previous /
 * next, « Enregistrer et quitter », the progress of every section. Saves are scoped to this
 * section's questions. Without JavaScript each button posts the section and the server redirects
 * to where it leads; with JavaScript answers are autosaved and the buttons wait for the last save.
 */
export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.section.number}. ${data.section.title} — ${data.tender.title} — NR Procure` : "Questionnaire — NR Procure" },
];

const criterionParam = z.string().regex(/^[a-z0-9-]{1,60}$/);

function criterionOf(params: LoaderFunctionArgs["params"]): string {
  const parsed = criterionParam.safeParse(params.criterionId);
  // An impossible id is the same 404 as a section the tender does not have.
  return parsed.success ? parsed.data : "-";
}

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  return await getQuestionnaireSection({ user, tenderId: idParam(params.tenderId), criterionId: criterionOf(params) });
});

export const action = defineAction(async ({ request, params }: ActionFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const tenderId = idParam(params.tenderId);
  const section = await sectionContext({ user, tenderId, criterionId: criterionOf(params) });
  return handleQuestionnairePost({ request, user, tenderId, page: { kind: "section", ...section } });
});

/** Autosaves must not reload the page data (the form keeps what is being typed); everything else does. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  if (formData && !formData.has("go") && (formData.get("intent") ?? "save") === "save") return false;
  return defaultShouldRevalidate;
};

function toDraft(v: AnswerFormValues | undefined): AnswerDraft {
  const parsed = answerDraftSchema.safeParse(v ?? {});
  return parsed.success ? parsed.data : { ...emptyAnswer };
}

export default function SectionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A new version from the server (explicit post without JavaScript, submission, withdrawal) or another section remounts the form.
  const conflictKey = actionData && "conflict" in actionData && actionData.conflict ? `c${actionData.conflict.currentVersion}` : "";
  return <Section key={`${loaderData.section.id}-${loaderData.version}-${loaderData.status}-${conflictKey}`} />;
}

function Section() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as QuestionnaireActionResult | undefined;
  const navigation = useNavigation();
  const submit = useSubmit();
  const readOnly = d.status === "submitted" || Boolean(d.closedReason);
  const questions = d.section.questions;
  const refs = useMemo(() => questions.map((q) => ({ id: q.id, criterion: d.section.id, allowNotApplicable: q.allowNotApplicable })), [questions, d.section.id]);
  const schema = useMemo(() => questionnaireSchema(refs, "complete"), [refs]);

  // A conflict returned to a plain post: keep my values in the form, base on the server's current state.
  const postedConflict = actionData && actionData.intent === "save" && "conflict" in actionData ? actionData.conflict : null;
  const initialAnswers = useMemo(() => {
    const answers: Record<string, AnswerFormValues> = { ...d.answers };
    if (postedConflict) for (const [id, a] of Object.entries(postedConflict.myChanges)) if (id in answers) answers[id] = toFormValues(a);
    return answers;
  }, [d.answers, postedConflict]);

  const methods = useForm<QuestionnaireFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<QuestionnaireFormValues>,
    mode: "onBlur",
    reValidateMode: "onChange",
    defaultValues: { answers: initialAnswers },
  });
  const values = useWatch({ control: methods.control, name: "answers" }) as Record<string, AnswerFormValues> | undefined;
  // Live progress of this section; the others as the server counted them.
  const liveComplete = useMemo(() => {
    const drafts = Object.fromEntries(refs.map((q) => [q.id, toDraft(values?.[q.id] ?? initialAnswers[q.id])]));
    return computeProgress(refs, drafts).complete;
  }, [refs, values, initialAnswers]);
  const sections = useMemo(() => d.sections.map((s) => (s.id === d.section.id ? { ...s, complete: liveComplete } : s)), [d.sections, d.section.id, liveComplete]);
  const autosave = useAutosave({
    methods,
    tenderId: d.tender.id,
    base: { version: d.version, fingerprints: d.fingerprints },
    postedConflict,
    savedAt: actionData?.intent === "save" && actionData.ok ? (actionData as { savedAt: string }).savedAt : null,
    readOnly,
  });
  const { saveState } = autosave;

  const questionText = useCallback((id: string) => questions.find((q) => q.id === id)?.text ?? "", [questions]);
  const actionError = actionData && "error" in actionData && actionData.error && actionData.intent !== "upload" && actionData.intent !== "remove-file" ? actionData.error : null;
  const busy = navigation.state !== "idle";
  const base = `/fournisseur/consultations/${d.tender.id}`;
  const editable = !readOnly;

  return (
    <>
      <p className="muted">
        <Link to="/fournisseur">Espace fournisseur</Link> › <Link to={base}>{d.tender.title}</Link> › Section {d.section.position} sur {d.sections.length}
      </p>
      <h1>
        {d.section.number}. {d.section.title}
      </h1>
      <p className="lead">
        {d.tender.title} · {d.tender.buyerName} · <span className="qid">{d.tender.reference}</span> · date limite : <strong>{d.tender.deadlineLabel}</strong> (heure de
        Paris) {d.tender.countdown ? <span className="badge badge--warn">{d.tender.countdown}</span> : null}
      </p>
      <FlashMessage />
      <StatusNotices tenderId={d.tender.id} status={d.status} closedReason={d.closedReason} latestSubmission={d.latestSubmission} busy={busy} />
      {actionError ? (
        <p className="alert alert--error" role="alert">
          {actionError}
        </p>
      ) : null}

      <div className="q-layout">
        <ProgressNav
          tenderId={d.tender.id}
          sections={sections}
          currentId={d.section.id}
          editable={editable}
          saveStatus={saveStatusText(saveState)}
          saveProblem={saveState.kind === "error" || saveState.kind === "conflict"}
        />

        <div>
          {editable ? (
            <p className="muted small">
              Pièces justificatives : {ACCEPTED_LABEL}, {formatBytes(d.limits.fileBytes)} par fichier, {formatBytes(d.limits.tenderBytes)} en tout (utilisé :{" "}
              {formatBytes(d.usedBytes)}). Sans JavaScript, enregistrez la section avant de joindre un fichier.
            </p>
          ) : null}
          <FormProvider {...methods}>
            <Form
              method="post"
              ref={autosave.formRef}
              id="questionnaire"
              noValidate
              onSubmit={(e) => {
                // With JavaScript, saves go through the autosave queue; a button that leaves the
                // section waits for the last save, then posts so that the server leads on.
                e.preventDefault();
                const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
                const go = submitter?.name === "go" ? submitter.value : null;
                if (!go) {
                  void methods.trigger();
                  autosave.saveNow();
                  return;
                }
                autosave.flushThen(() => {
                  const fd = autosave.saveFormData();
                  if (!fd) return;
                  fd.set("go", go);
                  submit(fd, { method: "post" });
                });
              }}
            >
              <CsrfInput />
              <input type="hidden" name="version" value={autosave.base.version} />
              {Object.entries(autosave.base.fingerprints).map(([id, fp]) => (
                <input key={id} type="hidden" name={`orig.${id}`} value={fp} />
              ))}
              {autosave.conflict ? <ConflictPanel conflict={autosave.conflict} questionText={questionText} onApply={autosave.applyMerge} readOnly={readOnly} /> : null}
              <fieldset disabled={readOnly} className="q-section q-fieldset">
                <legend className="sr-only">
                  Questions de la section {d.section.number}. {d.section.title}
                </legend>
                {questions.map((q) => (
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
              </fieldset>
              <div className="q-savebar">
                {d.previous ? (
                  editable ? (
                    <button type="submit" name="go" value="previous" className="button button--secondary">
                      ← Précédent<span className="sr-only"> : {d.previous.title}</span>
                    </button>
                  ) : (
                    <Link to={`${base}/sections/${d.previous.id}`} className="button button--secondary">
                      ← Précédent<span className="sr-only"> : {d.previous.title}</span>
                    </Link>
                  )
                ) : null}
                {editable ? (
                  <>
                    <button type="submit" name="intent" value="save" className="button button--secondary">
                      Enregistrer
                    </button>
                    <button type="submit" name="go" value="quit" className="button button--secondary">
                      Enregistrer et quitter
                    </button>
                    <button type="submit" name="go" value="next" className="button">
                      {d.next ? (
                        <>
                          Suivant<span className="sr-only"> : {d.next.title}</span> →
                        </>
                      ) : (
                        "Vérifier et déposer →"
                      )}
                    </button>
                  </>
                ) : (
                  <Link to={d.next ? `${base}/sections/${d.next.id}` : `${base}/verification`} className="button">
                    {d.next ? (
                      <>
                        Suivant<span className="sr-only"> : {d.next.title}</span> →
                      </>
                    ) : (
                      "Vérification →"
                    )}
                  </Link>
                )}
                <span className="q-status" aria-hidden="true">
                  {editable ? saveStatusText(saveState) : null}
                </span>
              </div>
            </Form>
          </FormProvider>
          {questions.map((q) => (
            <FilesForm key={q.id} questionId={q.id} />
          ))}
        </div>
      </div>
    </>
  );
}
