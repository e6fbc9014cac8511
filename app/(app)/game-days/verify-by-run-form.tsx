"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { verifyActionByRunAction } from "@/lib/game-days/actions";

export function VerifyByRunForm({ actionId, version, runs }: { actionId: string; version: number; runs: { id: string; label: string }[] }) {
  const [runId, setRunId] = useState(runs[0]?.id ?? "");
  const [note, setNote] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Verify by a game day"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({ input: { actionId, version, runId, note }, action: verifyActionByRunAction });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="Run whose hypothesis held" errors={form.fieldErrors.runId}>
        <select className={inputClasses} value={runId} onChange={(event) => setRunId(event.target.value)}>
          {runs.map((run) => (
            <option key={run.id} value={run.id}>
              {run.label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Note (optional)" errors={form.fieldErrors.note}>
        <input className={inputClasses} value={note} onChange={(event) => setNote(event.target.value)} />
      </FormField>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Verify by this game day
      </Button>
    </form>
  );
}
