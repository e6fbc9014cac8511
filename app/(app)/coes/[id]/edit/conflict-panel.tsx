"use client";

import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format-date";
import { coeToMarkdown } from "@/lib/coes/export-markdown";
import type { CoeStatus } from "@/lib/coes/questions";
import { lineDiff } from "@/lib/coes/revision-diff";
import type { ConflictPayload } from "@/lib/coes/snapshot";
import { snapshotFromForm, type EditorForm, type EditorOptions } from "./editor-model";

/**
 * Shown when a save was based on an old version: the other person's saved document against the
 * text in this editor, which stays as typed until the author decides.
 */
export function ConflictPanel({
  conflict,
  form,
  options,
  status,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: ConflictPayload;
  form: EditorForm;
  options: EditorOptions;
  status: CoeStatus;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const theirs = coeToMarkdown(conflict.snapshot);
  const mine = coeToMarkdown(snapshotFromForm(form, options, status));
  const rows = lineDiff(theirs, mine).filter((row, index, all) => row.kind !== "same" || all.slice(Math.max(0, index - 2), index + 3).some((near) => near.kind !== "same"));
  return (
    <section aria-labelledby="conflict-heading" className="space-y-3 rounded-lg bg-red-50 p-4 ring-1 ring-red-200" data-testid="conflict">
      <h2 id="conflict-heading" className="text-base font-semibold text-red-900">
        Someone else saved this COE while you were editing
      </h2>
      <p className="text-sm text-red-900">
        Version {conflict.version} was saved at {formatDateTime(conflict.updatedAt)}. Nothing of yours was overwritten and your text is still in the editor below.
        Lines marked <span className="font-mono">−</span> are only in their version; <span className="font-mono">+</span> only in yours.
      </p>
      <pre className="max-h-96 overflow-auto rounded-md bg-white p-3 text-xs leading-5 ring-1 ring-red-200" aria-label="Their version compared with yours">
        {rows.length === 0 ? <span className="text-slate-500">The two versions have the same text.</span> : null}
        {rows.map((row, index) => (
          <div key={index} className={row.kind === "added" ? "bg-emerald-50 text-emerald-900" : row.kind === "removed" ? "bg-red-100 text-red-900" : "text-slate-600"}>
            {row.kind === "added" ? "+ " : row.kind === "removed" ? "− " : "  "}
            {row.text}
          </div>
        ))}
      </pre>
      <div className="flex flex-wrap gap-2">
        <Button onClick={onKeepMine}>Save my version over theirs</Button>
        <Button variant="secondary" onClick={onTakeTheirs}>
          Discard my text and load theirs
        </Button>
      </div>
    </section>
  );
}
