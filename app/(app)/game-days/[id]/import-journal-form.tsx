"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { importJournalAction } from "@/lib/game-days/actions";

const VERDICT_TEXT = { HELD: "the hypothesis held", DEVIATED: "the system deviated", ABORTED: "the run was aborted" } as const;

/** Upload (or paste) the journal.json `chaos run` wrote; importing the same journal again changes nothing. */
export function ImportJournalForm({ gameDayId, experimentId, experimentTitle }: { gameDayId: string; experimentId: string; experimentTitle: string }) {
  const [journal, setJournal] = useState("");
  const [fileName, setFileName] = useState("");
  const form = useActionForm();
  const inputId = `journal-${experimentId}`;
  return (
    <form
      aria-label={`Import a journal for ${experimentTitle}`}
      className="space-y-2 rounded-md border border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          input: { gameDayId, experimentId, journal },
          action: importJournalAction,
          onSuccess: (saved) => {
            setJournal("");
            setFileName("");
            if (saved.duplicate) return { success: "This journal was imported before: nothing changed." };
            return { success: `Imported: ${VERDICT_TEXT[saved.verdict]}${saved.verificationRecorded ? ", and the service's verification is updated." : "."}` };
          },
        });
      }}
    >
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
        Import journal.json
      </label>
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        className="block text-sm text-slate-800"
        aria-describedby={form.fieldErrors.journal ? `${inputId}-error` : undefined}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          setFileName(file?.name ?? "");
          setJournal(file ? await file.text() : "");
        }}
      />
      {form.fieldErrors.journal ? (
        <p id={`${inputId}-error`} role="alert" className="text-sm text-red-700">
          {form.fieldErrors.journal.join(" ")}
        </p>
      ) : null}
      {form.error && !form.fieldErrors.journal ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
      <Button type="submit" variant="secondary" size="sm" pending={form.pending} disabled={!journal}>
        Import {fileName ? `“${fileName}”` : "the journal"}
      </Button>
    </form>
  );
}
