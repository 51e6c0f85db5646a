import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch, type Resolver } from "react-hook-form";
import { requireCsrf } from "~/auth/csrf.server";
import { requireRole } from "~/auth/session.server";
import { ConflictPanel, type ConflictView } from "~/components/questionnaire/ConflictPanel";
import { levelOptions } from "~/components/questionnaire/levels";
import { FilesForm, QuestionBlock, type QuestionView } from "~/components/questionnaire/QuestionBlock";
import questionnaireStyles from "~/components/questionnaire/questionnaire.css?url";
import { CsrfInput } from "~/components/csrf";
import { config } from "~/config.server";
import { countdown, formatParis } from "~/lib/dates";
import { uploadEvidence, removeEvidence } from "~/responses/files.server";
import { computeProgress, percent } from "~/responses/progress";
import { getQuestionnaire, saveDraft } from "~/responses/questionnaire.server";
import {
  answerDraftSchema,
  questionnaireSchema,
  saveRequestSchema,
  toFormValues,
  type AnswerDraft,
  type AnswerFormValues,
  type QuestionnaireFormValues,
} from "~/responses/schemas";
import { submitResponse, withdrawSubmission } from "~/responses/submissions.server";
import { ACCEPTED_LABEL } from "~/responses/uploads";
import { formatBytes } from "~/lib/format";
import { z } from "zod";
import { formDataToNested } from "~/lib/forms";
import { readForm } from "~/lib/multipart.server";
import { defineAction, defineLoader, idParam, refusalsAsData } from "~/lib/route.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: questionnaireStyles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.tender.title ?? "Questionnaire"} — NR Procure` }];

export const loader = defineLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const user = await requireRole(request, ["supplier"]);
  const tenderId = idParam(params.tenderId);
  const q = getQuestionnaire({ user, tenderId });
  const { t } = q;
  const criteria = t.guide.criteria
    .map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      questions: t.questions
        .filter((iq) => iq.criterion === c.id)
        .map(
          (iq): QuestionView => ({
            id: iq.id,
            topic: iq.question.topic,
            text: iq.question.text,
            guidance: iq.question.guidance,
            evidenceExamples: [...iq.question.evidenceExamples],
            levels: levelOptions(iq.question.levels),
            allowNotApplicable: iq.allowNotApplicable,
          }),
        ),
    }))
    .filter((c) => c.questions.length > 0);
  const latest = q.submissions.filter((s) => !s.withdrawnAt).at(-1) ?? null;
  return {
    tender: {
      id: t.tender.id,
      title: t.tender.title,
      reference: t.tender.reference,
      description: t.tender.description,
      buyerName: t.buyerName,
      deadlineLabel: formatParis(t.tender.deadline, "full"),
      countdown: countdown(t.tender.deadline),
    },
    instructions: [...t.guide.respondentInstructions],
    criteria,
    answers: Object.fromEntries(Object.entries(q.answers).map(([id, a]) => [id, toFormValues(a)])),
    fingerprints: q.fingerprints,
    version: q.response.version,
    status: q.response.status,
    files: q.filesByQuestion,
    usedBytes: q.usedBytes,
    limits: q.limits,
    closedReason: q.closedReason,
    latestSubmission: latest,
  };
});

type ActionResult =
  | { intent: "save"; ok: true; version: number; savedAt: string; saved: string[]; fingerprints: Record<string, string> }
  | { intent: "save"; ok: false; conflict: ConflictView & { fingerprints: Record<string, string>; myChanges: Record<string, AnswerDraft> }; error?: undefined }
  | { intent: string; ok: false; error: string; questionId?: string }
  | { intent: "upload" | "remove-file"; ok: true; questionId: string }
  | { intent: "submit"; ok: false; unanswered: string[]; incomplete: string[]; reused: string[]; error?: undefined };

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
          const questionId = z.string().max(20).safeParse(formData.get("questionId") ?? "");
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
  return parsed.success ? parsed.data : { level: null, text: "", notApplicable: false, notApplicableReason: "", reused: false };
}

type SaveState = { kind: "idle" } | { kind: "dirty" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string } | { kind: "conflict" };

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

  // ---- saving: one request at a time, debounced, with the version and fingerprints it started from
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher<ActionResult>({ key: `save-${d.tender.id}` });
  const baseRef = useRef({ version: postedConflict?.currentVersion ?? d.version, fingerprints: postedConflict?.fingerprints ?? d.fingerprints });
  const [base, setBase] = useState(baseRef.current);
  const [conflict, setConflict] = useState<ConflictView | null>(postedConflict);
  const [saveState, setSaveState] = useState<SaveState>(() =>
    actionData?.intent === "save" && actionData.ok ? { kind: "saved", at: (actionData as { savedAt: string }).savedAt } : { kind: "idle" },
  );
  const changeSeq = useRef(0);
  const sentSeq = useRef(0);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const queued = useRef(false);

  const updateBase = useCallback((next: { version: number; fingerprints: Record<string, string> }) => {
    baseRef.current = next;
    setBase(next);
  }, []);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    const form = formRef.current;
    if (!form || readOnly || conflictRef.current) return;
    if (fetcher.state !== "idle") {
      queued.current = true;
      return;
    }
    const fd = new FormData(form);
    fd.set("intent", "save");
    fd.set("version", String(baseRef.current.version));
    for (const [id, fp] of Object.entries(baseRef.current.fingerprints)) fd.set(`orig.${id}`, fp);
    for (const key of [...fd.keys()]) if (key.startsWith("resolve.")) fd.delete(key);
    sentSeq.current = changeSeq.current;
    setSaveState({ kind: "saving" });
    fetcher.submit(fd, { method: "post" });
  }, [fetcher, readOnly]);
  const conflictRef = useRef<ConflictView | null>(conflict);
  conflictRef.current = conflict;

  useEffect(() => {
    if (readOnly) return;
    const sub = methods.watch((_value, info) => {
      if (info.type !== "change" && !info.name) return;
      changeSeq.current++;
      setSaveState((s) => (s.kind === "conflict" || s.kind === "error" ? s : { kind: "dirty" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(saveNow, 1500);
      // Editing a reused answer confirms it.
      const m = info.name ? /^answers\.([^.]+)\.(level|text|notApplicable|notApplicableReason)$/.exec(info.name) : null;
      if (m && methods.getValues(`answers.${m[1]!}.reused`)) methods.setValue(`answers.${m[1]!}.reused`, false);
    });
    return () => sub.unsubscribe();
  }, [methods, saveNow, readOnly]);

  // Results of autosaves.
  const lastData = useRef<unknown>(null);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || fetcher.data === lastData.current) return;
    lastData.current = fetcher.data;
    const r = fetcher.data;
    if (r.intent === "save" && r.ok && "version" in r) {
      updateBase({ version: r.version, fingerprints: r.fingerprints });
      savedSeq.current = sentSeq.current;
      if (changeSeq.current > sentSeq.current) {
        setSaveState({ kind: "dirty" });
        timer.current = setTimeout(saveNow, 800);
      } else setSaveState({ kind: "saved", at: r.savedAt });
    } else if ("conflict" in r && r.conflict) {
      setConflict(r.conflict);
      conflictFingerprints.current = r.conflict.fingerprints;
      setSaveState({ kind: "conflict" });
    } else if ("error" in r && r.error) {
      setSaveState({ kind: "error", message: r.error });
    }
    if (queued.current && !conflictRef.current) {
      queued.current = false;
      saveNow();
    }
  }, [fetcher.state, fetcher.data, saveNow, updateBase]);
  const conflictFingerprints = useRef<Record<string, string>>(postedConflict?.fingerprints ?? {});

  const applyMerge = useCallback(() => {
    if (!conflict || !formRef.current) return;
    const fd = new FormData(formRef.current);
    for (const item of conflict.items) {
      const choice = item.mineChanged ? (fd.get(`resolve.${item.questionId}`) ?? "mine") : "theirs";
      if (choice === "theirs") {
        const v = toFormValues(item.theirs);
        methods.setValue(`answers.${item.questionId}.level`, v.level);
        methods.setValue(`answers.${item.questionId}.text`, v.text);
        methods.setValue(`answers.${item.questionId}.notApplicable`, v.notApplicable);
        methods.setValue(`answers.${item.questionId}.notApplicableReason`, v.notApplicableReason);
        methods.setValue(`answers.${item.questionId}.reused`, v.reused);
      }
    }
    updateBase({ version: conflict.currentVersion, fingerprints: conflictFingerprints.current });
    conflictRef.current = null;
    setConflict(null);
    saveNow();
  }, [conflict, methods, saveNow, updateBase]);

  const confirmReused = useCallback(
    (id: string) => {
      methods.setValue(`answers.${id}.reused`, false);
      changeSeq.current++;
      saveNow();
    },
    [methods, saveNow],
  );

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    const handler = (e: BeforeUnloadEvent) => {
      if (changeSeq.current > savedSeq.current && !readOnly) e.preventDefault();
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [readOnly]);

  const questionText = useCallback((id: string) => allQuestions.find((q) => q.id === id)?.text ?? "", [allQuestions]);
  const unsaved = saveState.kind === "dirty" || saveState.kind === "saving" || saveState.kind === "conflict" || fetcher.state !== "idle";
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
      {d.closedReason ? (
        <p className="alert alert--warn" role="status">
          {d.closedReason}
        </p>
      ) : null}
      {d.status === "submitted" && d.latestSubmission ? (
        <div className="alert alert--info" role="status">
          <p style={{ marginTop: 0 }}>
            Réponse déposée le {formatParis(d.latestSubmission.submittedAt, "full")} — elle est en lecture seule. <Link to={`/fournisseur/consultations/${d.tender.id}/recepisse`}>Voir le récépissé</Link>
          </p>
          {!d.closedReason ? (
            <Form method="post" className="actions" style={{ margin: 0 }}>
              <CsrfInput />
              <button type="submit" name="intent" value="withdraw" className="button button--secondary" disabled={busy}>
                Retirer le dépôt pour modifier la réponse
              </button>
              <span className="muted small">Vous pourrez la déposer de nouveau avant la date limite ; chaque version déposée est conservée.</span>
            </Form>
          ) : null}
        </div>
      ) : null}
      {d.status === "withdrawn" ? <p className="alert alert--warn">Votre dépôt a été retiré : la réponse n'est plus déposée. Déposez-la de nouveau avant la date limite.</p> : null}
      {actionError ? (
        <p className="alert alert--error" role="alert">
          {actionError}
        </p>
      ) : null}

      <div className="q-layout">
        <nav className="q-nav" aria-label="Critères du questionnaire">
          <strong>
            Avancement : {progress.complete}/{progress.total} ({percent(progress.complete, progress.total)} %)
          </strong>
          <div className="q-bar" aria-hidden="true">
            <span style={{ width: `${percent(progress.complete, progress.total)}%` }} />
          </div>
          <ol>
            {d.criteria.map((c) => {
              const p = progress.byCriterion[c.id] ?? { complete: 0, total: 0 };
              return (
                <li key={c.id}>
                  <a href={`#critere-${c.id}`}>
                    {c.number}. {c.title}
                  </a>{" "}
                  <span className="muted small">
                    {p.complete}/{p.total}
                  </span>
                  <div className="q-bar" aria-hidden="true">
                    <span style={{ width: `${percent(p.complete, p.total)}%` }} />
                  </div>
                </li>
              );
            })}
          </ol>
          <a href="#depot">Vérifier et déposer</a>
          <p className={`q-status${saveState.kind === "error" || saveState.kind === "conflict" ? " q-status--error" : ""}`} role="status" aria-live="polite" data-testid="save-status">
            {saveStatusText(saveState)}
          </p>
        </nav>

        <div>
          <details className="card">
            <summary>Avant de répondre</summary>
            <ul>
              {d.instructions.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </details>
          <p className="alert alert--info">
            Pièces justificatives acceptées : {ACCEPTED_LABEL}. Taille maximale : {formatBytes(d.limits.fileBytes)} par fichier, {formatBytes(d.limits.tenderBytes)} pour l'ensemble de la
            réponse (utilisé : {formatBytes(d.usedBytes)}). Sans JavaScript, enregistrez vos réponses avant de joindre un fichier.
          </p>

          <FormProvider {...methods}>
            <Form
              method="post"
              ref={formRef}
              id="questionnaire"
              noValidate
              onSubmit={(e) => {
                // With JavaScript, explicit saves go through the same queue as autosaves.
                e.preventDefault();
                void methods.trigger();
                saveNow();
              }}
            >
              <CsrfInput />
              <input type="hidden" name="version" value={base.version} />
              {Object.entries(base.fingerprints).map(([id, fp]) => (
                <input key={id} type="hidden" name={`orig.${id}`} value={fp} />
              ))}
              {conflict ? <ConflictPanel conflict={conflict} questionText={questionText} onApply={applyMerge} readOnly={readOnly} /> : null}
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
                        onConfirm={confirmReused}
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

          <section className="card" id="depot" aria-labelledby="depot-titre">
            <h2 id="depot-titre" style={{ marginTop: 0 }}>
              Vérification avant dépôt
            </h2>
            {ready ? (
              <p>Toutes les questions ont une réponse complète.</p>
            ) : (
              <div className="q-check">
                <CheckList title="Questions sans réponse" ids={submitProblems?.unanswered ?? progress.unanswered} />
                <CheckList title="Réponses incomplètes (texte obligatoire à partir du niveau 2, justification de « non applicable »)" ids={submitProblems?.incomplete ?? progress.incomplete} />
                <CheckList title="Réponses reprises de la bibliothèque à confirmer" ids={submitProblems?.reused ?? progress.reused} />
              </div>
            )}
            {!readOnly ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="version" value={base.version} />
                <div className="actions">
                  <button type="submit" name="intent" value="submit" className="button" disabled={busy || unsaved || !ready}>
                    Déposer ma réponse
                  </button>
                  {unsaved ? <span className="muted small">Enregistrement en cours…</span> : null}
                  <span className="muted small">Après le dépôt, la réponse est en lecture seule ; vous pourrez la retirer et la redéposer jusqu'à la date limite.</span>
                </div>
              </Form>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}

function CheckList({ title, ids }: { title: string; ids: string[] }) {
  if (ids.length === 0) return null;
  return (
    <>
      <h3>
        {title} ({ids.length})
      </h3>
      <ul>
        {ids.map((id) => (
          <li key={id}>
            <a href={`#q-${id}`}>{id}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

function saveStatusText(s: SaveState): string {
  switch (s.kind) {
    case "idle":
      return "Brouillon enregistré automatiquement.";
    case "dirty":
      return "Modifications non enregistrées…";
    case "saving":
      return "Enregistrement…";
    case "saved":
      return `Enregistré à ${formatParis(s.at, "time")}`;
    case "conflict":
      return "Conflit avec un collègue : choisissez les versions à garder.";
    case "error":
      return s.message;
  }
}
