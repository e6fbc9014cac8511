"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addExperimentAction } from "@/lib/game-days/actions";
import { ExperimentFields, experimentDraft } from "../experiment-fields";

export function AddExperimentForm({
  gameDayId,
  serviceId,
  dimensions,
}: {
  gameDayId: string;
  serviceId?: string;
  dimensions: { id: string; key: string; name: string }[];
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(experimentDraft("stop-container", dimensions));
  const form = useActionForm();
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Add an experiment
      </Button>
    );
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          input: {
            gameDayId,
            templateKey: draft.templateKey,
            parameters: draft.parameters,
            serviceId,
            dimensionId: draft.dimensionId || undefined,
            expectedOutcome: draft.expectedOutcome,
            abortConditions: draft.abortConditions,
          },
          action: addExperimentAction,
          onSuccess: () => setOpen(false),
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <ExperimentFields draft={draft} onChange={setDraft} dimensions={dimensions} errors={form.fieldErrors} prefix="" />
      <div className="flex gap-2">
        <Button type="submit" pending={form.pending}>
          Add experiment
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
