"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { setEscalationGraceDaysAction } from "@/lib/actions/actions";
import { graceDaysSchema } from "@/lib/actions/schemas";

/** Admins set the days past due at which each level up the tree sees an overdue action. */
export function GraceDaysForm({ graceDays }: { graceDays: number[] }) {
  const [text, setText] = useState(graceDays.join(", "));
  const form = useActionForm();
  return (
    <form
      aria-label="Escalation grace periods"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const values = text
          .split(/[\s,/]+/)
          .filter(Boolean)
          .map(Number);
        form.submit({ schema: graceDaysSchema, input: { graceDays: values }, action: setEscalationGraceDaysAction, onSuccess: () => ({ success: "Saved." }) });
      }}
    >
      <FormField
        label="Grace periods (days past due, per level)"
        hint="Owning team, parent, grandparent… e.g. 0, 7, 14"
        errors={form.fieldErrors.graceDays ?? form.fieldErrors["graceDays.0"]}
        className="min-w-72"
      >
        <input value={text} onChange={(event) => setText(event.target.value)} className={inputClasses} />
      </FormField>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Save
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </form>
  );
}
