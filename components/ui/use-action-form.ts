"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { z } from "zod";
import { runAction } from "@/components/ui/run-action";
import type { ActionResult } from "@/lib/action";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";

/** What a form shows once its action has succeeded; an error means a follow-up step failed. */
type FormOutcome = { success: ReactNode } | { error: ReactNode };

type Submission<Input, Data> = {
  /** The zod schema the server parses with: checked here first, for instant feedback. */
  schema?: z.ZodType;
  input: Input;
  action: (input: Input) => Promise<ActionResult<Data>>;
  /** Runs after the action succeeded (clear fields, keep a secret…); may return the message to show. */
  onSuccess?: (data: Data) => FormOutcome | void | Promise<FormOutcome | void>;
};

/**
 * The state every settings-style form keeps (field errors, an error, a success message, pending)
 * and its submit: validate with the shared schema, call the server action through runAction,
 * show what came back, and refresh the server-rendered page after a success.
 */
export function useActionForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ReactNode>(null);
  const [success, setSuccess] = useState<ReactNode>(null);
  const [pending, startTransition] = useTransition();

  function submit<Input, Data>({ schema, input, action, onSuccess }: Submission<Input, Data>) {
    setSuccess(null);
    const parsed = schema?.safeParse(input);
    if (parsed && !parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => action(input));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      setFieldErrors({});
      setError(null);
      const outcome = await onSuccess?.(result.data);
      if (outcome && "error" in outcome) {
        // The save went through but what followed did not: the page stays as it is, with the reason.
        setError(outcome.error);
        return;
      }
      if (outcome) setSuccess(outcome.success);
      router.refresh();
    });
  }

  return { fieldErrors, error, success, pending, submit };
}
