"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { ACTION_TYPE_LABELS, ACTION_TYPES } from "@/lib/actions/labels";
import { type CorrectiveActionType } from "@/lib/generated/prisma/enums";
import { addCordNoteAction, createCorrectiveActionFromCordAction, grantOverrideAction, resolveCordAction, startCoeFromCordAction } from "@/lib/cords/actions";
import { cordActionSchema, cordNoteSchema, grantOverrideSchema, resolveCordSchema } from "@/lib/cords/schemas";

/** A note from the owners on the timeline: "rolling back", "page corrected". */
export function CordNoteForm({ cordId }: { cordId: string }) {
  const [body, setBody] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Add a note"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: cordNoteSchema,
          input: { cordId, body },
          action: addCordNoteAction,
          onSuccess: () => {
            setBody("");
            return { success: "Note added to the timeline." };
          },
        });
      }}
    >
      <FormAlerts error={form.error} success={form.success} />
      <FormField label="Note" hint="What the team is doing: rolling back, page corrected, waiting on a vendor." errors={form.fieldErrors.body}>
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={2} className={inputClasses} maxLength={2000} />
      </FormField>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Add note
      </Button>
    </form>
  );
}

export function ResolveCordForm({ cordId, coeRequired }: { cordId: string; coeRequired: boolean }) {
  const [resolutionNote, setResolutionNote] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Resolve the cord"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: resolveCordSchema,
          input: { cordId, resolutionNote },
          action: resolveCordAction,
          // The page then shows "Resolved" in place of this form, which the refresh unmounts.
          onSuccess: () => undefined,
        });
      }}
    >
      <FormAlerts error={form.error} success={form.success} />
      <FormField
        label="How was it fixed?"
        hint={coeRequired ? "A customer-facing defect needs a COE: start it once the cord is resolved." : undefined}
        errors={form.fieldErrors.resolutionNote}
      >
        <textarea value={resolutionNote} onChange={(event) => setResolutionNote(event.target.value)} rows={3} className={inputClasses} maxLength={5000} />
      </FormField>
      <Button type="submit" pending={form.pending}>
        Resolve the cord
      </Button>
    </form>
  );
}

/** Break glass: let exactly one deploy through (the fix itself), within the hour. */
export function OverrideForm({ cordId }: { cordId: string }) {
  const [justification, setJustification] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Allow one deploy"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: grantOverrideSchema,
          input: { cordId, justification },
          action: grantOverrideAction,
          onSuccess: () => {
            setJustification("");
            return { success: "One deploy may pass the gate within the next hour." };
          },
        });
      }}
    >
      <FormAlerts error={form.error} success={form.success} />
      <FormField label="Why must this deploy go out during the stop?" errors={form.fieldErrors.justification}>
        <textarea value={justification} onChange={(event) => setJustification(event.target.value)} rows={2} className={inputClasses} maxLength={2000} />
      </FormField>
      <Button type="submit" variant="danger" pending={form.pending}>
        Allow one deploy
      </Button>
    </form>
  );
}

export function StartCoeButton({ cordId }: { cordId: string }) {
  const router = useRouter();
  const form = useActionForm();
  return (
    <div className="space-y-2">
      <FormAlerts error={form.error} />
      <Button
        pending={form.pending}
        onClick={() =>
          form.submit({
            input: { cordId },
            action: startCoeFromCordAction,
            onSuccess: (result) => {
              router.push(`/coes/${result.coeId}`);
            },
          })
        }
      >
        Start the COE
      </Button>
    </div>
  );
}

/**
 * A corrective action straight from the cord (source ANDON_EVENT), owned by whoever adds it; it
 * can be reassigned on its own page. Actions of the COE are written in the COE instead.
 */
export function CordActionForm({ cordId, ownerId }: { cordId: string; ownerId: string }) {
  const [title, setTitle] = useState("");
  const [type, setType] = useState<CorrectiveActionType>("PREVENT");
  const [dueDate, setDueDate] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Add a corrective action"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: cordActionSchema,
          input: { cordId, title, description: "", ownerId, type, priority: "MEDIUM" as const, dueDate },
          action: createCorrectiveActionFromCordAction,
          onSuccess: (saved) => {
            setTitle("");
            setDueDate("");
            return {
              success: (
                <>
                  Action created and assigned to you:{" "}
                  <Link className="underline" href={`/actions/${saved.id}`}>
                    open it
                  </Link>
                  .
                </>
              ),
            };
          },
        });
      }}
    >
      <FormAlerts error={form.error} success={form.success} />
      <FormField label="Corrective action" hint="Assigned to you; reassign it on its page." errors={form.fieldErrors.title}>
        <input value={title} onChange={(event) => setTitle(event.target.value)} className={inputClasses} maxLength={300} />
      </FormField>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label="Type" errors={form.fieldErrors.type}>
          <select value={type} onChange={(event) => setType(event.target.value as CorrectiveActionType)} className={inputClasses}>
            {ACTION_TYPES.map((option) => (
              <option key={option} value={option}>
                {ACTION_TYPE_LABELS[option]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Due" errors={form.fieldErrors.dueDate}>
          <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} className={inputClasses} />
        </FormField>
      </div>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Add action
      </Button>
    </form>
  );
}
