import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { formatParis } from "~/lib/dates";
import type { ConflictView, QuestionnaireActionResult } from "~/responses/questionnaire-view";
import { toFormValues, type QuestionnaireFormValues } from "~/responses/schemas";

/**
 * Autosave of the supplier questionnaire (decision 003): debounced, one request at a time, each
 * carrying the version and the answer fingerprints it started from. A reply with a newer version
 * moves the base; a conflict stops saving until the supplier has chosen, question by question,
 * which version to keep (`applyMerge`). Leaving the page with unsaved changes asks first.
 */
export type SaveState = { kind: "idle" } | { kind: "dirty" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string } | { kind: "conflict" };

type Base = { version: number; fingerprints: Record<string, string> };
type PostedConflict = (ConflictView & { fingerprints: Record<string, string> }) | null;

const DEBOUNCE_MS = 1500;
/** A change made while a save was on its way is saved a little sooner. */
const FOLLOW_UP_MS = 800;

export function useAutosave({
  methods,
  tenderId,
  base: initialBase,
  postedConflict,
  savedAt,
  readOnly,
}: {
  methods: UseFormReturn<QuestionnaireFormValues>;
  tenderId: number;
  /** The version and fingerprints the page was loaded with. */
  base: Base;
  /** A conflict the server returned to a plain (no-JavaScript) post. */
  postedConflict: PostedConflict;
  /** When the explicit save that rendered this page succeeded, if it did. */
  savedAt: string | null;
  readOnly: boolean;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const fetcher = useFetcher<QuestionnaireActionResult>({ key: `save-${tenderId}` });
  const baseRef = useRef<Base>(postedConflict ? { version: postedConflict.currentVersion, fingerprints: postedConflict.fingerprints } : initialBase);
  const [base, setBase] = useState(baseRef.current);
  const [conflict, setConflict] = useState<ConflictView | null>(postedConflict);
  const conflictRef = useRef<ConflictView | null>(conflict);
  conflictRef.current = conflict;
  const conflictFingerprints = useRef<Record<string, string>>(postedConflict?.fingerprints ?? {});
  const [saveState, setSaveState] = useState<SaveState>(() => (savedAt ? { kind: "saved", at: savedAt } : { kind: "idle" }));
  // Changes made, changes sent with the request in flight, changes the server confirmed.
  const changeSeq = useRef(0);
  const sentSeq = useRef(0);
  const savedSeq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const queued = useRef(false);
  /** What to do once everything typed is saved (leave the section): see `flushThen`. */
  const afterSave = useRef<(() => void) | null>(null);

  const updateBase = useCallback((next: Base) => {
    baseRef.current = next;
    setBase(next);
  }, []);

  /** The form as a save posts it: the answers, on top of the version and fingerprints last confirmed. */
  const saveFormData = useCallback((): FormData | null => {
    const form = formRef.current;
    if (!form) return null;
    const fd = new FormData(form);
    fd.set("intent", "save");
    fd.set("version", String(baseRef.current.version));
    for (const [id, fp] of Object.entries(baseRef.current.fingerprints)) fd.set(`orig.${id}`, fp);
    for (const key of [...fd.keys()]) if (key.startsWith("resolve.")) fd.delete(key);
    return fd;
  }, []);

  const saveNow = useCallback(() => {
    clearTimeout(timer.current);
    if (!formRef.current || readOnly || conflictRef.current) return;
    if (fetcher.state !== "idle") {
      queued.current = true;
      return;
    }
    const fd = saveFormData();
    if (!fd) return;
    sentSeq.current = changeSeq.current;
    setSaveState({ kind: "saving" });
    fetcher.submit(fd, { method: "post" });
  }, [fetcher, readOnly, saveFormData]);

  /**
   * Runs `then` once every change is saved: at once when nothing is pending, else after the save
   * this starts (and any follow-up). Dropped when that save ends in a conflict or an error: the
   * supplier sees it and stays on the page.
   */
  const flushThen = useCallback(
    (then: () => void) => {
      if (readOnly) return then();
      if (conflictRef.current) return;
      if (changeSeq.current === savedSeq.current && fetcher.state === "idle") return then();
      afterSave.current = then;
      saveNow();
    },
    [fetcher.state, readOnly, saveNow],
  );

  // Every edit (re)starts the debounce; editing a reused answer confirms it.
  useEffect(() => {
    if (readOnly) return;
    const sub = methods.watch((_value, info) => {
      if (info.type !== "change" && !info.name) return;
      changeSeq.current++;
      setSaveState((s) => (s.kind === "conflict" || s.kind === "error" ? s : { kind: "dirty" }));
      clearTimeout(timer.current);
      timer.current = setTimeout(saveNow, DEBOUNCE_MS);
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
        timer.current = setTimeout(saveNow, afterSave.current ? 0 : FOLLOW_UP_MS);
      } else {
        setSaveState({ kind: "saved", at: r.savedAt });
        if (!queued.current && afterSave.current) {
          const then = afterSave.current;
          afterSave.current = null;
          then();
        }
      }
    } else if ("conflict" in r && r.conflict) {
      afterSave.current = null;
      setConflict(r.conflict);
      conflictFingerprints.current = r.conflict.fingerprints;
      setSaveState({ kind: "conflict" });
    } else if ("error" in r && r.error) {
      afterSave.current = null;
      setSaveState({ kind: "error", message: r.error });
    }
    if (queued.current && !conflictRef.current) {
      queued.current = false;
      saveNow();
    }
  }, [fetcher.state, fetcher.data, saveNow, updateBase]);

  /** Applies the choices made in the conflict panel (theirs replaces the field) and saves. */
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

  const unsaved = saveState.kind === "dirty" || saveState.kind === "saving" || saveState.kind === "conflict" || fetcher.state !== "idle";
  return { formRef, base, conflict, saveState, unsaved, saveNow, flushThen, saveFormData, applyMerge, confirmReused };
}

export function saveStatusText(s: SaveState): string {
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
