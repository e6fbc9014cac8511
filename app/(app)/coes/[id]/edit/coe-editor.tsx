"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { saveCoeAction } from "@/lib/coes/actions";
import { incidentDurations } from "@/lib/coes/durations";
import { QUESTIONS, type CoeStatus } from "@/lib/coes/questions";
import { missingForReview } from "@/lib/coes/completeness";
import { coeDocumentSchema } from "@/lib/coes/schemas";
import type { CoeSnapshot, ConflictPayload } from "@/lib/coes/snapshot";
import { ConflictPanel } from "./conflict-panel";
import { documentFromForm, formFromSnapshot, fromLocalInput, localDraftKey, type EditorForm, type EditorOptions, type LocalDraft } from "./editor-model";
import { ActionsEditor, AnswerEditor, FactorsEditor, LinksEditor, TimelineEditor } from "./editor-parts";
import { EditorSummary } from "./editor-summary";
import { ImageUpload, type UploadedImage } from "./image-upload";

export type OpenThread = { id: string; section: string; comments: { body: string; author: string }[] };

function ThreadNotes({ threads }: { threads: OpenThread[] }) {
  if (threads.length === 0) return null;
  return (
    <div className="space-y-1 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200" aria-label="Open review comments">
      {threads.map((thread) => (
        <div key={thread.id}>
          {thread.comments.map((comment, index) => (
            <p key={index}>
              <span className="font-medium">{comment.author}:</span> {comment.body}
            </p>
          ))}
        </div>
      ))}
      <p className="text-xs text-amber-900">Reply and resolve on the COE page once you have addressed them.</p>
    </div>
  );
}

type SaveState = "saved" | "dirty" | "saving" | "failed" | "invalid" | "conflict";

const AUTOSAVE_DELAY_MS = 1200;

const STATE_TEXT: Record<SaveState, string> = {
  saved: "Saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  failed: "Failed to save",
  invalid: "Not saved: fix the highlighted fields",
  conflict: "Not saved: someone else changed this COE",
};

/**
 * The COE editor. Every change is kept in this browser (localStorage) at once and saved to the
 * server after a short pause; each save names the version it was based on, so a save over someone
 * else's newer change is refused and shown side by side instead of overwriting it.
 */
export function CoeEditor({
  coeId,
  status,
  initialVersion,
  initialSnapshot,
  options,
  colleagueNames,
  initialImages,
  openThreads,
}: {
  coeId: string;
  status: CoeStatus;
  initialVersion: number;
  initialSnapshot: CoeSnapshot;
  options: EditorOptions;
  colleagueNames: string[];
  initialImages: UploadedImage[];
  /** Unresolved review comments, shown beside the section they are about. */
  openThreads: OpenThread[];
}) {
  const router = useRouter();
  const [form, setForm] = useState<EditorForm>(() => formFromSnapshot(initialSnapshot));
  const [baseVersion, setBaseVersion] = useState(initialVersion);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<ConflictPayload | null>(null);
  const [olderDraft, setOlderDraft] = useState<LocalDraft | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date | null>(null);
  const [images, setImages] = useState(initialImages);
  const [saveTick, setSaveTick] = useState(0);

  // Refs let the debounced save read the latest values without re-creating timers on each keystroke.
  const formRef = useRef(form);
  const versionRef = useRef(baseVersion);
  const changeCount = useRef(0);
  const saving = useRef(false);
  useEffect(() => {
    formRef.current = form;
    versionRef.current = baseVersion;
  }, [form, baseVersion]);

  const update = useCallback((mutate: (form: EditorForm) => EditorForm) => {
    changeCount.current += 1;
    setForm((previous) => mutate(previous));
    setSaveState((state) => (state === "conflict" ? state : "dirty"));
  }, []);

  // On load, pick up text this browser had not saved yet.
  useEffect(() => {
    const raw = window.localStorage.getItem(localDraftKey(coeId));
    if (!raw) return;
    let draft: LocalDraft;
    try {
      draft = JSON.parse(raw) as LocalDraft;
    } catch {
      window.localStorage.removeItem(localDraftKey(coeId));
      return;
    }
    if (JSON.stringify(draft.form) === JSON.stringify(formFromSnapshot(initialSnapshot))) {
      window.localStorage.removeItem(localDraftKey(coeId));
      return;
    }
    // Reading localStorage can only happen after hydration, hence state set in an effect.
    /* eslint-disable react-hooks/set-state-in-effect */
    if (draft.baseVersion === initialVersion) {
      changeCount.current += 1;
      setForm(draft.form);
      setSaveState("dirty");
      setNotice("Restored changes from this browser that had not been saved yet.");
    } else {
      setOlderDraft(draft);
    }
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [coeId, initialSnapshot, initialVersion]);

  // Keep every unsaved change in this browser, so a failed save or a reload loses nothing.
  useEffect(() => {
    if (saveState === "saved") return;
    const draft: LocalDraft = { baseVersion, form, changedAt: new Date().toISOString() };
    window.localStorage.setItem(localDraftKey(coeId), JSON.stringify(draft));
  }, [coeId, form, baseVersion, saveState]);

  /** Resolves true when everything typed so far is on the server. */
  const save = useCallback(async (): Promise<boolean> => {
    if (saving.current) return false;
    const countAtStart = changeCount.current;
    const document = documentFromForm(formRef.current);
    const parsed = coeDocumentSchema.safeParse(document);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setSaveState("invalid");
      return false;
    }
    setFieldErrors({});
    saving.current = true;
    setSaveState("saving");
    const result = await runAction(() => saveCoeAction({ coeId, baseVersion: versionRef.current, document }));
    saving.current = false;
    if (result.ok) {
      versionRef.current = result.data.version;
      setBaseVersion(result.data.version);
      setLastSavedAt(new Date());
      setMessage(null);
      // Actions keep the status the tracking side gave them.
      const statuses = new Map(result.data.snapshot.actions.map((action) => [action.id, action.status]));
      setForm((current) => ({ ...current, actions: current.actions.map((action) => ({ ...action, status: statuses.get(action.id) ?? action.status })) }));
      if (changeCount.current === countAtStart) {
        setSaveState("saved");
        window.localStorage.removeItem(localDraftKey(coeId));
        return true;
      }
      setSaveState("dirty");
      setSaveTick((tick) => tick + 1);
      return false;
    }
    if (result.status === 409 && result.current) {
      setConflict(result.current as ConflictPayload);
      setSaveState("conflict");
      return false;
    }
    setFieldErrors(result.fieldErrors);
    setMessage(result.error);
    setSaveState("failed");
    return false;
  }, [coeId]);

  // Leaving through "Done" saves first, so a pending autosave is not dropped with the page.
  async function done() {
    if (saveState === "saved" || (await save())) router.push(`/coes/${coeId}`);
  }

  // Debounced autosave: each change restarts the wait.
  useEffect(() => {
    if (saveState !== "dirty") return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [form, saveState, saveTick, save]);

  // Warn before leaving with anything not on the server yet.
  useEffect(() => {
    if (saveState === "saved") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saveState]);

  function keepMine() {
    if (!conflict) return;
    versionRef.current = conflict.version;
    setBaseVersion(conflict.version);
    setConflict(null);
    setSaveState("dirty");
    void save();
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = formFromSnapshot(conflict.snapshot);
    formRef.current = theirs;
    versionRef.current = conflict.version;
    setForm(theirs);
    setBaseVersion(conflict.version);
    setConflict(null);
    setSaveState("saved");
    window.localStorage.removeItem(localDraftKey(coeId));
  }

  function compareOlderDraft() {
    if (!olderDraft) return;
    changeCount.current += 1;
    setForm(olderDraft.form);
    setConflict({ version: initialVersion, updatedAt: new Date().toISOString(), snapshot: initialSnapshot });
    setSaveState("conflict");
    setOlderDraft(null);
  }

  const durations = incidentDurations({
    startedAt: fromLocalInput(form.startedAt),
    detectedAt: fromLocalInput(form.detectedAt),
    mitigatedAt: fromLocalInput(form.mitigatedAt),
    resolvedAt: fromLocalInput(form.resolvedAt),
  });
  const missing = missingForReview({ ...form, actions: form.actions.map((action) => ({ ...action, ownerId: action.ownerId || null })) });
  const set = <K extends keyof EditorForm>(key: K) => (value: EditorForm[K]) => update((f) => ({ ...f, [key]: value }));

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-md bg-white/95 px-3 py-2 shadow-sm ring-1 ring-slate-200 backdrop-blur">
        <p role="status" aria-live="polite" data-testid="save-state" className={`text-sm font-medium ${saveState === "failed" || saveState === "conflict" || saveState === "invalid" ? "text-red-700" : "text-slate-700"}`}>
          {STATE_TEXT[saveState]}
          {saveState === "saved" && lastSavedAt ? <span className="font-normal text-slate-500"> · version {baseVersion}</span> : null}
        </p>
        {status === "DRAFT" ? (
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">{missing.length === 0 ? "Ready for review" : `${missing.length} thing${missing.length === 1 ? "" : "s"} missing for review`}</summary>
            <ul className="mt-1 list-disc pl-5">
              {missing.map((item) => (
                <li key={item.message}>
                  <a href={`#${item.section}`} className="hover:underline">
                    {item.message}
                  </a>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <div className="flex gap-2">
          {saveState === "failed" || saveState === "dirty" ? (
            <Button size="sm" variant="secondary" onClick={() => void save()}>
              Save now
            </Button>
          ) : null}
          <Button size="sm" variant="secondary" onClick={() => void done()} disabled={saveState === "saving"}>
            Done
          </Button>
        </div>
      </div>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {message ? (
        <Alert tone="error" title="Your last change is not saved yet">
          {message} Everything you typed is kept in this browser; saving resumes with your next change, or press “Save now”.
        </Alert>
      ) : null}
      {olderDraft ? (
        <Alert tone="warning" title="This browser holds text you had not saved">
          <p>It was based on version {olderDraft.baseVersion}; the COE is now at version {initialVersion}.</p>
          <div className="mt-2 flex gap-2">
            <Button size="sm" onClick={compareOlderDraft}>
              Compare and keep my text
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                window.localStorage.removeItem(localDraftKey(coeId));
                setOlderDraft(null);
              }}
            >
              Discard it
            </Button>
          </div>
        </Alert>
      ) : null}
      {conflict ? <ConflictPanel conflict={conflict} form={form} options={options} status={status} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}

      <EditorSummary form={form} set={set} options={options} errors={fieldErrors} durations={durations} threads={<ThreadNotes threads={openThreads.filter((thread) => thread.section === "header")} />} />

      <Card>
        <CardBody className="space-y-6">
          {QUESTIONS.map((question) => (
            <AnswerEditor
              key={question.field}
              question={question}
              value={form[question.field]}
              onChange={set(question.field)}
              errors={fieldErrors[question.field]}
              colleagueNames={colleagueNames}
            >
              <ThreadNotes threads={openThreads.filter((thread) => thread.section === question.field)} />
              {question.field === "contributingFactors" ? <FactorsEditor form={form} update={update} errors={fieldErrors} options={options} /> : null}
              {question.field === "supportingData" ? (
                <div className="space-y-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
                  <LinksEditor form={form} update={update} errors={fieldErrors} />
                  <ImageUpload
                    coeId={coeId}
                    images={images}
                    onUploaded={(image) => {
                      setImages((list) => [...list, image]);
                      update((f) => ({ ...f, supportingData: `${f.supportingData.trimEnd()}${f.supportingData.trim() ? "\n\n" : ""}![${image.fileName.replace(/[[\]]/g, "")}](${image.url})\n` }));
                    }}
                    onRemoved={(image) => {
                      setImages((list) => list.filter((entry) => entry.id !== image.id));
                      // Drop the lines that showed it, wherever the author moved them.
                      const shows = (line: string) => line.includes(`](${image.url})`);
                      update((f) => ({ ...f, ...Object.fromEntries(QUESTIONS.map((q) => [q.field, f[q.field].split("\n").filter((line) => !shows(line)).join("\n")])) }));
                    }}
                  />
                </div>
              ) : null}
              {question.field === "correctiveActionsSummary" ? <ActionsEditor form={form} update={update} errors={fieldErrors} options={options} /> : null}
            </AnswerEditor>
          ))}
        </CardBody>
      </Card>

      <Card>
        <CardBody>
          <ThreadNotes threads={openThreads.filter((thread) => thread.section === "timeline")} />
          <TimelineEditor form={form} update={update} errors={fieldErrors} />
        </CardBody>
      </Card>
      <p className="text-sm text-slate-600">
        When every section is complete, submit it for review from the <Link href={`/coes/${coeId}`} className="text-indigo-700 hover:underline">COE page</Link>.
      </p>
    </div>
  );
}
