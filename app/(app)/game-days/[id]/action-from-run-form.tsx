"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCorrectiveActionFromRunAction } from "@/lib/game-days/actions";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";

/** A finding of the run becomes a corrective action of the game day's team (source: game day, linked to the run). */
export function ActionFromRunForm({ runId }: { runId: string }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const form = useActionForm();
  if (!open)
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Create a corrective action
      </Button>
    );
  return (
    <form
      aria-label="New corrective action from this run"
      className="w-full max-w-2xl space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          input: { runId, title, ownerId, dueDate, description: "", type: "PREVENT" as const, priority: "HIGH" as const },
          action: createCorrectiveActionFromRunAction,
          onSuccess: () => {
            setOpen(false);
            setTitle("");
          },
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="What will be done" errors={form.fieldErrors.title}>
        <input className={inputClasses} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <TypeAhead
          id={`owner-${runId}`}
          name="ownerId"
          label="Owner"
          source={LOOKUP_SOURCES.owners}
          placeholder="Choose…"
          emptyLabel="Choose…"
          errors={form.fieldErrors.ownerId}
          onChange={(choice) => setOwnerId(choice?.value ?? "")}
        />
        <FormField label="Due date" errors={form.fieldErrors.dueDate}>
          <input type="date" className={inputClasses} value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
        </FormField>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={form.pending}>
          Create action
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
