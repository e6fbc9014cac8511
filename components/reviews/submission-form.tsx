"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { submitItemAction } from "@/lib/reviews/actions";
import { submitItemSchema } from "@/lib/reviews/schemas";

type Target = { seriesId: string; isoWeek: string; label: string };

/** Members bring a success, a failing or a best-practice proposal to a review (one target, or a choice). */
export function SubmissionForm({ targets, showTarget = false }: { targets: Target[]; showTarget?: boolean }) {
  const { fieldErrors, error, success, pending, submit } = useActionForm();
  const [targetIndex, setTargetIndex] = useState(0);
  const { seriesId, isoWeek } = targets[targetIndex] ?? targets[0]!;
  const [kind, setKind] = useState<"SUCCESS" | "FAILING" | "BEST_PRACTICE">("SUCCESS");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  return (
    <form
      className="max-w-2xl space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        submit({
          schema: submitItemSchema,
          input: { seriesId, isoWeek, kind, title, body },
          action: submitItemAction,
          onSuccess: () => {
            setTitle("");
            setBody("");
            return { success: "Submitted for the review." };
          },
        });
      }}
    >
      <FormAlerts error={error} success={success} />
      {targets.length > 1 ? (
        <FormField label="Review" errors={fieldErrors.seriesId}>
          <select className={inputClasses} value={targetIndex} onChange={(event) => setTargetIndex(Number(event.target.value))}>
            {targets.map((target, index) => (
              <option key={target.seriesId} value={index}>
                {target.label}
              </option>
            ))}
          </select>
        </FormField>
      ) : showTarget ? (
        <p className="text-sm text-slate-700">
          For <span className="font-medium">{targets[0]!.label}</span>
        </p>
      ) : null}
      <FormField label="Kind" errors={fieldErrors.kind}>
        <select className={inputClasses} value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
          <option value="SUCCESS">Success</option>
          <option value="FAILING">Failing</option>
          <option value="BEST_PRACTICE">Best-practice proposal</option>
        </select>
      </FormField>
      <FormField label="Title" errors={fieldErrors.title}>
        <input className={inputClasses} value={title} onChange={(event) => setTitle(event.target.value)} />
      </FormField>
      <FormField label="Details (optional)" errors={fieldErrors.body}>
        <textarea className={inputClasses} rows={3} value={body} onChange={(event) => setBody(event.target.value)} />
      </FormField>
      <Button type="submit" variant="secondary" pending={pending}>
        Submit
      </Button>
    </form>
  );
}
