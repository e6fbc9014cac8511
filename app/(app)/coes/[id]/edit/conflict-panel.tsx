"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format-date";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import { type CoeStatus } from "@/lib/generated/prisma/enums";
import { lineDiff } from "@/lib/coes/revision-diff";
import type { ConflictPayload } from "@/lib/coes/snapshot";
import { differingSections, mergeSections, sectionText } from "./conflict-merge";
import { formFromSnapshot, snapshotFromForm, type EditorForm, type EditorOptions } from "./editor-model";

/**
 * Shown when a save was based on an old version: the other person's saved document against the
 * text in this editor, which stays as typed until the author decides: per section which version to
 * keep (then saved as the next version), all of theirs, or all of mine.
 */
export function ConflictPanel({
  conflict,
  form,
  options,
  status,
  onKeepMine,
  onTakeTheirs,
  onMerge,
}: {
  conflict: ConflictPayload;
  form: EditorForm;
  options: EditorOptions;
  status: CoeStatus;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMerge: (merged: EditorForm) => void;
}) {
  const theirForm = formFromSnapshot(conflict.snapshot);
  const sections = differingSections(form, theirForm);
  const [takeTheirs, setTakeTheirs] = useState<ReadonlySet<string>>(new Set());
  const choose = (key: string, theirsChosen: boolean) =>
    setTakeTheirs((chosen) => {
      const next = new Set(chosen);
      if (theirsChosen) next.add(key);
      else next.delete(key);
      return next;
    });
  const theirs = coeToMarkdown(conflict.snapshot);
  const mine = coeToMarkdown(snapshotFromForm(form, options, status));
  const rows = lineDiff(theirs, mine).filter(
    (row, index, all) => row.kind !== "same" || all.slice(Math.max(0, index - 2), index + 3).some((near) => near.kind !== "same"),
  );
  return (
    <section aria-labelledby="conflict-heading" className="space-y-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200" data-testid="conflict">
      <h2 id="conflict-heading" className="text-base font-semibold text-red-900">
        Someone else saved this COE while you were editing
      </h2>
      <p className="text-sm text-red-900">
        Version {conflict.version} was saved at {formatDateTime(conflict.updatedAt)}. Nothing of yours was overwritten and your text is still in the editor
        below. Lines marked <span className="font-mono">−</span> are only in their version; <span className="font-mono">+</span> only in yours.
      </p>
      {sections.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-red-900">
            {sections.length === 1 ? "One section differs" : `${sections.length} sections differ`}: choose which version of each to keep
          </legend>
          {sections.map((section) => (
            <div key={section.key} className="rounded-md bg-white p-3 ring-1 ring-red-200" data-testid={`conflict-section-${section.key}`}>
              <p className="text-sm font-semibold text-slate-900">{section.label}</p>
              <div className="mt-2 grid gap-2 md:grid-cols-2">
                {([false, true] as const).map((theirsOption) => (
                  <label
                    key={String(theirsOption)}
                    className="flex min-w-0 cursor-pointer gap-2 rounded-md p-2 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-400"
                  >
                    <input
                      type="radio"
                      name={`conflict-${section.key}`}
                      className="mt-1"
                      checked={takeTheirs.has(section.key) === theirsOption}
                      onChange={() => choose(section.key, theirsOption)}
                    />
                    <span className="min-w-0">
                      <span className="block text-xs font-medium text-slate-700">
                        {theirsOption ? `Theirs (version ${conflict.version})` : "Mine (in the editor)"}
                      </span>
                      <span className="block whitespace-pre-wrap break-words text-sm text-slate-800">
                        {sectionText(theirsOption ? theirForm : form, section, options)}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </fieldset>
      ) : null}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-red-900">The whole document, line by line</summary>
        <pre className="max-h-96 overflow-auto rounded-md bg-white p-3 text-xs leading-5 ring-1 ring-red-200" aria-label="Their version compared with yours">
          {rows.length === 0 ? <span className="text-slate-500">The two versions have the same text.</span> : null}
          {rows.map((row, index) => (
            <div
              key={index}
              className={row.kind === "added" ? "bg-emerald-50 text-emerald-900" : row.kind === "removed" ? "bg-red-100 text-red-900" : "text-slate-600"}
            >
              {row.kind === "added" ? "+ " : row.kind === "removed" ? "− " : "  "}
              {row.text}
            </div>
          ))}
        </pre>
      </details>
      <div className="flex flex-wrap gap-2">
        {sections.length > 0 ? <Button onClick={() => onMerge(mergeSections(form, theirForm, takeTheirs))}>Save with these choices</Button> : null}
        <Button variant={sections.length > 0 ? "secondary" : "primary"} onClick={onKeepMine}>
          Save my version over theirs
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs}>
          Discard my text and load theirs
        </Button>
      </div>
    </section>
  );
}
