"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { saveCoeAction } from "@/lib/coes/actions";
import { incidentDurations } from "@/lib/coes/durations";
import { QUESTIONS } from "@/lib/coes/questions";
import { type CoeStatus } from "@/lib/generated/prisma/enums";
import { missingForReview } from "@/lib/coes/completeness";
import { coeDocumentSchema, type CoeDocumentInput } from "@/lib/coes/schemas";
import { useAutosave, type AutosaveOutcome, type AutosaveState, type LocalDraft as StoredDraft } from "@/components/ui/use-autosave";
import type { CoeSnapshot, ConflictPayload } from "@/lib/coes/snapshot";
import { ConflictPanel } from "./conflict-panel";
import { useColleagueNames } from "./use-colleague-names";
import {
  documentFromForm,
  draftOfForm,
  formFromSnapshot,
  formOfDraft,
  fromLocalInput,
  localDraftKey,
  mergeSavedAction,
  namesInSnapshot,
  savableDocument,
  withKnownNames,
  type EditorDraft,
  type EditorForm,
  type EditorOptions,
} from "./editor-model";

type LocalDraft = StoredDraft<EditorDraft>;

function mergeErrors(a: FieldErrors, b: FieldErrors): FieldErrors {
  const merged: FieldErrors = { ...a };
  for (const [key, messages] of Object.entries(b)) merged[key] = [...(merged[key] ?? []), ...messages];
  return merged;
}
import { AnswerEditor, FactorsEditor, LinksEditor, TimelineEditor, type RememberNames } from "./editor-parts";
import { ActionsEditor } from "./action-rows";
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

type SaveState = AutosaveState;

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
  options: initialOptions,
  initialImages,
  openThreads,
}: {
  coeId: string;
  status: CoeStatus;
  initialVersion: number;
  initialSnapshot: CoeSnapshot;
  options: EditorOptions;
  initialImages: UploadedImage[];
  /** Unresolved review comments, shown beside the section they are about. */
  openThreads: OpenThread[];
}) {
  const router = useRouter();
  const [form, setForm] = useState<EditorForm>(() => formFromSnapshot(initialSnapshot));
  const [notice, setNotice] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  /** Parts of the form autosave held back (draft rows, invalid fields), shown where they are. */
  const [held, setHeld] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState<ConflictPayload | null>(null);
  const [olderDraft, setOlderDraft] = useState<LocalDraft | null>(null);
  const [images, setImages] = useState(initialImages);
  // What the server holds, to fall back on for rows and fields that are not valid yet.
  const lastSaved = useRef<CoeDocumentInput>(documentFromForm(formFromSnapshot(initialSnapshot)));
  // The actions as saved, for their rows: whether an owner or a due date is already set.
  const [savedActions, setSavedActions] = useState(initialSnapshot.actions);
  // Names of what the pickers chose since the page loaded (the page sends only the COE's own).
  const [pickedNames, setPickedNames] = useState<Parameters<RememberNames>[0]>({});
  const remember: RememberNames = useCallback(
    (known) =>
      setPickedNames((previous) => ({
        services: [...(previous.services ?? []), ...(known.services ?? [])],
        users: [...(previous.users ?? []), ...(known.users ?? [])],
      })),
    [],
  );

  const saveDocument = useCallback(
    async (current: EditorForm, baseVersion: number): Promise<AutosaveOutcome> => {
      const savable = savableDocument(current, lastSaved.current);
      if (!savable) {
        const parsed = coeDocumentSchema.safeParse(documentFromForm(current));
        setFieldErrors(parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues));
        return { ok: false, reason: "invalid" };
      }
      setHeld(savable.held);
      const result = await runAction(() => saveCoeAction({ coeId, baseVersion, document: savable.document }));
      if (result.ok) {
        lastSaved.current = documentFromForm(formFromSnapshot(result.data.snapshot));
        setFieldErrors({});
        const savedById = new Map(result.data.snapshot.actions.map((action) => [action.id, action]));
        setSavedActions(result.data.snapshot.actions);
        setForm((latest) => ({ ...latest, actions: latest.actions.map((action) => mergeSavedAction(action, savedById.get(action.id))) }));
        return { ok: true, version: result.data.version, keepLocalDraft: Object.keys(savable.held).length > 0 };
      }
      if (result.status === 409 && result.current) {
        setConflict(result.current as ConflictPayload);
        return { ok: false, reason: "conflict" };
      }
      setFieldErrors(result.fieldErrors);
      return { ok: false, reason: "failed", error: result.error };
    },
    [coeId],
  );

  // On load only (never on a refresh of the page's data while typing): pick up text this browser had not saved.
  const restore = useCallback(
    (draft: LocalDraft): "applied" | "kept" | "discard" => {
      // Drafts written before the value key existed, or equal to what the server has, are nothing to restore.
      if (!draft.value) return "discard";
      const { form: restored, names } = formOfDraft(draft.value);
      if (JSON.stringify(restored) === JSON.stringify(formFromSnapshot(initialSnapshot))) return "discard";
      if (draft.baseVersion !== initialVersion) {
        setOlderDraft(draft);
        return "kept";
      }
      remember(names);
      setForm(restored);
      setNotice("Restored changes from this browser that had not been saved yet.");
      return "applied";
    },
    [initialSnapshot, initialVersion, remember],
  );

  const options = useMemo(
    () => withKnownNames(withKnownNames(initialOptions, pickedNames), conflict ? namesInSnapshot(conflict.snapshot) : {}),
    [initialOptions, pickedNames, conflict],
  );
  // The browser's copy carries the names shown for the ids it holds.
  const draft = useMemo(() => draftOfForm(form, options), [form, options]);
  const colleagueNames = useColleagueNames(QUESTIONS.map((question) => form[question.field]));

  const autosave = useAutosave<EditorDraft>({
    storageKey: localDraftKey(coeId),
    initialVersion,
    value: draft,
    save: saveDocument,
    onRestore: restore,
    delayMs: AUTOSAVE_DELAY_MS,
  });
  const saveState = autosave.state;
  const baseVersion = autosave.version;

  const update = useCallback(
    (mutate: (form: EditorForm) => EditorForm) => {
      setForm((previous) => mutate(previous));
      autosave.changed();
    },
    [autosave],
  );

  // Leaving through "Done" saves first — waiting for a save in flight — so nothing typed is dropped with the page.
  async function done() {
    if (await autosave.flush()) router.push(`/coes/${coeId}`);
  }

  function keepMine() {
    if (!conflict) return;
    setConflict(null);
    autosave.rebase(conflict.version);
  }

  function mergeChosen(merged: EditorForm) {
    if (!conflict) return;
    remember(namesInSnapshot(conflict.snapshot));
    setForm(merged);
    setConflict(null);
    autosave.rebase(conflict.version);
    autosave.changed();
  }

  function takeTheirs() {
    if (!conflict) return;
    const theirs = formFromSnapshot(conflict.snapshot);
    remember(namesInSnapshot(conflict.snapshot));
    lastSaved.current = documentFromForm(theirs);
    setSavedActions(conflict.snapshot.actions);
    setForm(theirs);
    setConflict(null);
    setHeld({});
    autosave.reset(conflict.version);
  }

  function compareOlderDraft() {
    if (!olderDraft) return;
    const { form: restored, names } = formOfDraft(olderDraft.value);
    remember(names);
    setForm(restored);
    autosave.changed();
    setConflict({ version: initialVersion, updatedAt: new Date().toISOString(), snapshot: initialSnapshot });
    setOlderDraft(null);
  }

  const durations = incidentDurations({
    startedAt: fromLocalInput(form.startedAt),
    detectedAt: fromLocalInput(form.detectedAt),
    mitigatedAt: fromLocalInput(form.mitigatedAt),
    resolvedAt: fromLocalInput(form.resolvedAt),
  });
  const shownErrors = mergeErrors(fieldErrors, held);
  const heldCount = Object.keys(held).length;
  const missing = missingForReview({ ...form, actions: form.actions.map((action) => ({ ...action, ownerId: action.ownerId || null })) });
  const set =
    <K extends keyof EditorForm>(key: K) =>
    (value: EditorForm[K]) =>
      update((f) => ({ ...f, [key]: value }));

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-md bg-white/95 px-3 py-2 shadow-sm ring-1 ring-slate-200 backdrop-blur">
        <p
          role="status"
          aria-live="polite"
          data-testid="save-state"
          className={`text-sm font-medium ${saveState === "failed" || saveState === "conflict" || saveState === "invalid" ? "text-red-700" : "text-slate-700"}`}
        >
          {STATE_TEXT[saveState]}
          {saveState === "saved" && autosave.lastSavedAt ? <span className="font-normal text-slate-600"> · version {baseVersion}</span> : null}
          {heldCount > 0 && saveState !== "invalid" ? (
            <span className="font-normal text-amber-800">
              {" "}
              · {heldCount} part{heldCount === 1 ? "" : "s"} not saved until complete (kept in this browser)
            </span>
          ) : null}
        </p>
        {status === "DRAFT" ? (
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">
              {missing.length === 0 ? "Ready for review" : `${missing.length} thing${missing.length === 1 ? "" : "s"} missing for review`}
            </summary>
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
            <Button size="sm" variant="secondary" onClick={() => void autosave.flush()}>
              Save now
            </Button>
          ) : null}
          <Button size="sm" variant="secondary" onClick={() => void done()} disabled={saveState === "saving"}>
            Done
          </Button>
        </div>
      </div>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {autosave.error && saveState === "failed" ? (
        <Alert tone="error" title="Your last change is not saved yet">
          {autosave.error} Everything you typed is kept in this browser; saving resumes with your next change, or press “Save now”.
        </Alert>
      ) : null}
      {olderDraft ? (
        <Alert tone="warning" title="This browser holds text you had not saved">
          <p>
            It was based on version {olderDraft.baseVersion}; the COE is now at version {initialVersion}.
          </p>
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
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          form={form}
          options={options}
          status={status}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          onMerge={mergeChosen}
        />
      ) : null}

      <EditorSummary
        form={form}
        set={set}
        options={options}
        errors={shownErrors}
        durations={durations}
        threads={<ThreadNotes threads={openThreads.filter((thread) => thread.section === "header")} />}
        remember={remember}
        timeline={
          <>
            <ThreadNotes threads={openThreads.filter((thread) => thread.section === "timeline")} />
            <TimelineEditor form={form} update={update} errors={shownErrors} />
          </>
        }
      />

      <Card>
        <CardBody className="space-y-6">
          {QUESTIONS.map((question) => (
            <AnswerEditor
              key={question.field}
              question={question}
              value={form[question.field]}
              onChange={set(question.field)}
              errors={shownErrors[question.field]}
              colleagueNames={colleagueNames}
            >
              <ThreadNotes threads={openThreads.filter((thread) => thread.section === question.field)} />
              {question.field === "contributingFactors" ? <FactorsEditor form={form} update={update} errors={shownErrors} options={options} /> : null}
              {question.field === "supportingData" ? (
                <div className="space-y-4 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
                  <LinksEditor form={form} update={update} errors={shownErrors} />
                  <ImageUpload
                    coeId={coeId}
                    images={images}
                    onUploaded={(image) => {
                      setImages((list) => [...list, image]);
                      update((f) => ({
                        ...f,
                        supportingData: `${f.supportingData.trimEnd()}${f.supportingData.trim() ? "\n\n" : ""}![${image.fileName.replace(/[[\]]/g, "")}](${image.url})\n`,
                      }));
                    }}
                    onRemoved={(image) => {
                      setImages((list) => list.filter((entry) => entry.id !== image.id));
                      // Drop the lines that showed it, wherever the author moved them.
                      const shows = (line: string) => line.includes(`](${image.url})`);
                      update((f) => ({
                        ...f,
                        ...Object.fromEntries(
                          QUESTIONS.map((q) => [
                            q.field,
                            f[q.field]
                              .split("\n")
                              .filter((line) => !shows(line))
                              .join("\n"),
                          ]),
                        ),
                      }));
                    }}
                  />
                </div>
              ) : null}
              {question.field === "correctiveActionsSummary" ? (
                <ActionsEditor form={form} update={update} errors={shownErrors} options={options} saved={savedActions} remember={remember} />
              ) : null}
            </AnswerEditor>
          ))}
        </CardBody>
      </Card>

      <p className="text-sm text-slate-600">
        When every section is complete, submit it for review from the{" "}
        <Link href={`/coes/${coeId}`} className="text-indigo-700 hover:underline">
          COE page
        </Link>
        .
      </p>
    </div>
  );
}
