"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { inputClasses } from "@/components/ui/form-field";
import { runAction } from "@/components/ui/run-action";
import { useAutosave, type AutosaveOutcome, type AutosaveState, type LocalDraft } from "@/components/ui/use-autosave";
import { saveNoteAction } from "@/lib/reviews/actions";

const STATE_TEXT: Record<AutosaveState, string> = {
  saved: "Saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  failed: "Failed to save: kept in this browser, retrying with your next change",
  invalid: "Not saved",
  conflict: "Not saved: someone else changed this note",
};

/**
 * The note on one agenda item, autosaved like the COE editor (kept in this browser at once, saved
 * after a pause). `register` hands the meeting a flush, so moving on or publishing waits for it.
 */
export function MeetingNote({
  seriesId,
  isoWeek,
  itemKey,
  initialBody,
  version,
  onSaved,
  register,
}: {
  seriesId: string;
  isoWeek: string;
  itemKey: string;
  initialBody: string;
  /** The meeting's current version (notes do not need it to match; the server answers with the next one). */
  version: number;
  onSaved: (version: number) => void;
  register: (flush: (() => Promise<boolean>) | null) => void;
}) {
  const [body, setBody] = useState(initialBody);
  const [theirs, setTheirs] = useState<string | null>(null);
  const lastSaved = useRef(initialBody);
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = version;
  }, [version]);

  const save = useCallback(
    async (text: string): Promise<AutosaveOutcome> => {
      const result = await runAction(() =>
        saveNoteAction({ seriesId, isoWeek, version: versionRef.current, itemKey, body: text, baseBody: lastSaved.current }),
      );
      if (result.ok) {
        lastSaved.current = text;
        setTheirs(null);
        onSaved(result.data.version);
        return { ok: true, version: result.data.version };
      }
      if (result.status === 409 && result.current && typeof (result.current as { body?: unknown }).body === "string") {
        setTheirs((result.current as { body: string }).body);
        return { ok: false, reason: "conflict" };
      }
      return { ok: false, reason: "failed", error: result.error };
    },
    [seriesId, isoWeek, itemKey, onSaved],
  );
  const restore = useCallback(
    (draft: LocalDraft<string>) => {
      if (typeof draft.value !== "string" || draft.value === initialBody) return "discard" as const;
      setBody(draft.value);
      return "applied" as const;
    },
    [initialBody],
  );
  const autosave = useAutosave({
    storageKey: `andon:review-note:${seriesId}:${isoWeek}:${itemKey}`,
    initialVersion: version,
    value: body,
    save,
    onRestore: restore,
  });
  const { flush, rebase, changed } = autosave;

  useEffect(() => {
    register(flush);
    return () => register(null);
  }, [register, flush]);

  function mergeTheirs() {
    if (theirs === null) return;
    const merged = `${body.trimEnd()}\n\n${theirs}`;
    setBody(merged);
    lastSaved.current = theirs;
    setTheirs(null);
    rebase(versionRef.current);
  }

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label className="text-lg font-semibold" htmlFor="meeting-note">
          Notes on this item
        </label>
        <p
          role="status"
          aria-live="polite"
          data-testid="note-save-state"
          className={`text-sm ${autosave.state === "saved" ? "text-slate-600" : "text-amber-800"}`}
        >
          {STATE_TEXT[autosave.state]}
        </p>
      </div>
      <textarea
        id="meeting-note"
        className={`${inputClasses} mt-2 text-base`}
        rows={5}
        value={body}
        onChange={(event) => {
          setBody(event.target.value);
          changed();
        }}
      />
      {theirs !== null ? (
        <div className="mt-2 rounded-md bg-amber-50 p-3 text-sm ring-1 ring-amber-200">
          <p className="font-medium text-amber-900">Their version of this note:</p>
          <p className="mt-1 whitespace-pre-wrap text-slate-800">{theirs || "(empty)"}</p>
          <button type="button" className="mt-2 font-medium text-indigo-700 underline" onClick={mergeTheirs}>
            Add theirs below mine and save
          </button>
        </div>
      ) : null}
    </div>
  );
}
