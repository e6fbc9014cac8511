"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createCorrectiveActionFromFindingAction, decideAcknowledgmentAction, requestAcknowledgmentAction } from "@/lib/policies/actions";
import { ACK_CATEGORIES, ACK_CATEGORY_LABELS, findingActionSchema, requestAcknowledgmentSchema } from "@/lib/policies/schemas";

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A member of the owning team asks for a waiver: category, reason, expiry (≤ 180 days). */
export function AcknowledgmentRequestForm({ findingId }: { findingId: string }) {
  const [category, setCategory] = useState<(typeof ACK_CATEGORIES)[number]>("ACCEPTED_RISK");
  const [reason, setReason] = useState("");
  const [expiresOn, setExpiresOn] = useState(inDays(90));
  const form = useActionForm();
  return (
    <form
      aria-label="Ask for an acknowledgment"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: requestAcknowledgmentSchema,
          input: { findingId, category, reason, expiresOn },
          action: requestAcknowledgmentAction,
          onSuccess: () => ({ success: "Asked. A manager of the team decides." }),
        });
      }}
    >
      <FormField label="Why acknowledge it" errors={form.fieldErrors.category}>
        <select value={category} onChange={(event) => setCategory(event.target.value as typeof category)} className={inputClasses}>
          {ACK_CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {ACK_CATEGORY_LABELS[value]}
            </option>
          ))}
        </select>
      </FormField>
      <FormField label="Reason" errors={form.fieldErrors.reason}>
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} className={inputClasses} />
      </FormField>
      <FormField label="Expires on" hint="At most 180 days from today." errors={form.fieldErrors.expiresOn}>
        <input type="date" value={expiresOn} onChange={(event) => setExpiresOn(event.target.value)} className={inputClasses} />
      </FormField>
      <Button type="submit" pending={form.pending}>
        Ask for acknowledgment
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </form>
  );
}

export function DecideButtons({ acknowledgmentId }: { acknowledgmentId: string }) {
  const [note, setNote] = useState("");
  const form = useActionForm();
  const decide = (decision: "APPROVED" | "DENIED") =>
    form.submit({
      input: { acknowledgmentId, decision, note },
      action: decideAcknowledgmentAction,
      onSuccess: () => ({ success: decision === "APPROVED" ? "Approved." : "Denied." }),
    });
  return (
    <div className="space-y-2 rounded border border-amber-200 bg-amber-50 p-3">
      <FormField label="Decision note (optional)" errors={form.fieldErrors.note}>
        <input value={note} onChange={(event) => setNote(event.target.value)} className={inputClasses} />
      </FormField>
      <div className="flex gap-2">
        <Button onClick={() => decide("APPROVED")} pending={form.pending}>
          Approve
        </Button>
        <Button variant="secondary" onClick={() => decide("DENIED")} pending={form.pending}>
          Deny
        </Button>
      </div>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </div>
  );
}

export function FindingActionForm({ findingId, userId }: { findingId: string; userId: string }) {
  const [dueDate, setDueDate] = useState(inDays(14));
  const form = useActionForm();
  return (
    <form
      aria-label="Create a corrective action"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({ schema: findingActionSchema, input: { findingId, ownerId: userId, dueDate }, action: createCorrectiveActionFromFindingAction });
      }}
    >
      <FormField label="Due date (owned by you)" errors={form.fieldErrors.dueDate ?? form.fieldErrors.ownerId}>
        <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} className={inputClasses} />
      </FormField>
      <Button type="submit" variant="secondary" pending={form.pending}>
        Create corrective action
      </Button>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
    </form>
  );
}
