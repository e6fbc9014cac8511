"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { updateBestPracticeAction } from "@/lib/learnings/actions";
import { updateBestPracticeSchema } from "@/lib/learnings/schemas";

type Props = { bestPracticeId: string; version: number; title: string; description: string };

/**
 * Whoever promoted the practice (or an admin) sharpens its wording. The version it was loaded at
 * travels with the save, so an edit made meanwhile by someone else is refused, never overwritten;
 * what was typed stays in the fields.
 */
export function EditBestPracticeForm({ bestPracticeId, version, title: savedTitle, description: savedDescription }: Props) {
  const [title, setTitle] = useState(savedTitle);
  const [description, setDescription] = useState(savedDescription);
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  return (
    <details className="pt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">Edit wording</summary>
      <form
        aria-label="Edit the best practice"
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit({
            schema: updateBestPracticeSchema,
            input: { bestPracticeId, version, title, description },
            action: updateBestPracticeAction,
            onSuccess: () => ({ success: "Saved. Teams and subscribed endpoints see the new wording." }),
          });
        }}
      >
        <FormField label="Practice" hint="One sentence, up to 280 characters." errors={fieldErrors.title}>
          <input className={inputClasses} value={title} maxLength={280} onChange={(event) => setTitle(event.target.value)} />
        </FormField>
        <FormField label="Detail (optional)" errors={fieldErrors.description}>
          <textarea className={inputClasses} rows={4} value={description} onChange={(event) => setDescription(event.target.value)} />
        </FormField>
        <FormAlerts error={error} success={success} />
        <Button type="submit" pending={pending}>
          Save wording
        </Button>
      </form>
    </details>
  );
}
