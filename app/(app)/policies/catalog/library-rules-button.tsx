"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { addMissingLibraryRulesAction } from "@/lib/policies/actions";

/** Adds the built-in library rules the organization lacks (disabled) and says how many. */
export function LibraryRulesButton() {
  const form = useActionForm();
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        pending={form.pending}
        onClick={() =>
          form.submit({
            input: {},
            action: addMissingLibraryRulesAction,
            onSuccess: ({ added }) => ({
              success:
                added === 0
                  ? "Nothing to add: every library rule is already here."
                  : `Added ${added} library ${added === 1 ? "rule" : "rules"}, disabled until someone enforces them.`,
            }),
          })
        }
      >
        Add missing library rules
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </div>
  );
}
