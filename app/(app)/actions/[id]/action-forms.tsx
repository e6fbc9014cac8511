"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { useActionForm } from "@/components/ui/use-action-form";
import { ACTION_STATUS_LABELS } from "@/lib/actions/labels";
import { type CorrectiveActionStatus } from "@/lib/generated/prisma/enums";
import { VERIFICATION_METHODS, VERIFICATION_METHOD_LABELS } from "@/lib/actions/labels";
import { type VerificationMethod } from "@/lib/generated/prisma/enums";
import {
  changeCorrectiveActionStatusAction,
  commentOnCorrectiveActionAction,
  decideWontDoAction,
  linkToCorrectiveActionAction,
  updateCorrectiveActionAction,
} from "@/lib/actions/actions";
import { changeStatusSchema, commentSchema, linkSchema, updateActionSchema } from "@/lib/actions/schemas";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";

const STATUS_VERBS: Record<CorrectiveActionStatus, string> = {
  OPEN: "Reopen",
  IN_PROGRESS: "Start work",
  DONE: "Mark done",
  VERIFIED: "Verify",
  WONT_DO: "Won't do",
};

function Feedback({ form }: { form: ReturnType<typeof useActionForm> }) {
  return (
    <>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {form.success ? <Alert tone="success">{form.success}</Alert> : null}
    </>
  );
}

/** Picks the next status, then asks for what it needs: evidence, the proof, or the reason. */
export function StatusForm({ actionId, version, statuses }: { actionId: string; version: number; statuses: CorrectiveActionStatus[] }) {
  const [status, setStatus] = useState<CorrectiveActionStatus>(statuses[0]!);
  const [evidence, setEvidence] = useState("");
  const [verificationMethod, setVerificationMethod] = useState<VerificationMethod | "">("");
  const [verificationNote, setVerificationNote] = useState("");
  const [wontDoReason, setWontDoReason] = useState("");
  const form = useActionForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.submit({
      schema: changeStatusSchema,
      input: {
        actionId,
        version,
        status,
        evidence: status === "DONE" ? evidence : undefined,
        verificationMethod: status === "VERIFIED" && verificationMethod ? verificationMethod : undefined,
        verificationNote: status === "VERIFIED" ? verificationNote : undefined,
        wontDoReason: status === "WONT_DO" ? wontDoReason : undefined,
      },
      action: changeCorrectiveActionStatusAction,
      onSuccess: (saved) => ({
        success: saved.status === status ? `Now ${ACTION_STATUS_LABELS[status].toLowerCase()}.` : "Won't do requested: a manager of the team decides.",
      }),
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Change status">
      <Feedback form={form} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">New status</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {statuses.map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input type="radio" name="status" value={option} checked={status === option} onChange={() => setStatus(option)} />
              {STATUS_VERBS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      {status === "DONE" ? (
        <FormField label="Evidence" hint="A link or text: the merged change, the new alarm, the runbook." errors={form.fieldErrors.evidence}>
          <textarea value={evidence} onChange={(event) => setEvidence(event.target.value)} rows={3} className={inputClasses} maxLength={5000} />
        </FormField>
      ) : null}
      {status === "VERIFIED" ? (
        <>
          <FormField label="How was it proven to work?" errors={form.fieldErrors.verificationMethod}>
            <select value={verificationMethod} onChange={(event) => setVerificationMethod(event.target.value as VerificationMethod)} className={inputClasses}>
              <option value="">Choose…</option>
              {VERIFICATION_METHODS.map((method) => (
                <option key={method} value={method}>
                  {VERIFICATION_METHOD_LABELS[method]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Proof" hint="Which test, game day or alarm; for no recurrence, for how many days." errors={form.fieldErrors.verificationNote}>
            <textarea
              value={verificationNote}
              onChange={(event) => setVerificationNote(event.target.value)}
              rows={3}
              className={inputClasses}
              maxLength={5000}
            />
          </FormField>
        </>
      ) : null}
      {status === "WONT_DO" ? (
        <FormField label="Why will it not be done?" errors={form.fieldErrors.wontDoReason}>
          <textarea value={wontDoReason} onChange={(event) => setWontDoReason(event.target.value)} rows={3} className={inputClasses} maxLength={2000} />
        </FormField>
      ) : null}
      <Button type="submit" pending={form.pending}>
        {STATUS_VERBS[status]}
      </Button>
    </form>
  );
}

export function WontDoDecision({ actionId, version }: { actionId: string; version: number }) {
  const form = useActionForm();
  const decide = (approve: boolean) =>
    form.submit({
      input: { actionId, version, approve },
      action: decideWontDoAction,
      onSuccess: () => ({ success: approve ? "Approved: the action is won't do." : "Rejected: the action stays open." }),
    });
  return (
    <div className="space-y-2 rounded-md bg-amber-50 px-4 py-3 ring-1 ring-amber-200">
      <p className="text-sm font-medium text-amber-900">Someone asked for won&apos;t do. Approve it?</p>
      <Feedback form={form} />
      <div className="flex gap-2">
        <Button size="sm" onClick={() => decide(true)} pending={form.pending}>
          Approve won&apos;t do
        </Button>
        <Button size="sm" variant="secondary" onClick={() => decide(false)} disabled={form.pending}>
          Reject
        </Button>
      </div>
    </div>
  );
}

export function EditForm({
  actionId,
  version,
  ownerId,
  ownerName,
  dueDate,
}: {
  actionId: string;
  version: number;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string;
}) {
  const [owner, setOwner] = useState(ownerId ?? "");
  const [due, setDue] = useState(dueDate);
  const [reason, setReason] = useState("");
  const form = useActionForm();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.submit({
      schema: updateActionSchema,
      input: {
        actionId,
        version,
        ownerId: owner && owner !== ownerId ? owner : undefined,
        dueDate: due && due !== dueDate ? due : undefined,
        dueDateReason: due !== dueDate && reason.trim() ? reason : undefined,
      },
      action: updateCorrectiveActionAction,
      onSuccess: () => {
        setReason("");
        return { success: "Saved." };
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Reassign or reschedule">
      <Feedback form={form} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          {/* Clearing the picker keeps the current owner: an action is reassigned, never unassigned here. */}
          <TypeAhead
            id="edit-ownerId"
            name="ownerId"
            label="Owner"
            source={LOOKUP_SOURCES.owners}
            defaultValue={ownerId ?? undefined}
            defaultLabel={ownerName ?? undefined}
            placeholder={ownerId ? "Keep the owner" : "Unassigned"}
            emptyLabel={ownerId ? "Keep the owner" : "Unassigned"}
            errors={form.fieldErrors.ownerId}
            onChange={(choice) => setOwner(choice?.value ?? "")}
          />
        </div>
        <FormField label="Due date" errors={form.fieldErrors.dueDate}>
          <input type="date" value={due} onChange={(event) => setDue(event.target.value)} className={inputClasses} />
        </FormField>
      </div>
      {due !== dueDate ? (
        <FormField label="Why does the due date change?" errors={form.fieldErrors.dueDateReason}>
          <input value={reason} onChange={(event) => setReason(event.target.value)} className={inputClasses} maxLength={2000} />
        </FormField>
      ) : null}
      <Button type="submit" variant="secondary" pending={form.pending}>
        Save
      </Button>
    </form>
  );
}

export function CommentForm({ actionId }: { actionId: string }) {
  const [body, setBody] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Add a comment"
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({ schema: commentSchema, input: { actionId, body }, action: commentOnCorrectiveActionAction, onSuccess: () => setBody("") });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="Comment" errors={form.fieldErrors.body}>
        <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={2} className={inputClasses} maxLength={5000} />
      </FormField>
      <Button type="submit" size="sm" variant="secondary" pending={form.pending}>
        Comment
      </Button>
    </form>
  );
}

export function LinkForm({ actionId }: { actionId: string }) {
  const [url, setUrl] = useState("");
  const [label, setLabel] = useState("");
  const form = useActionForm();
  return (
    <form
      aria-label="Add a link"
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: linkSchema,
          input: { actionId, url, label },
          action: linkToCorrectiveActionAction,
          onSuccess: () => {
            setUrl("");
            setLabel("");
          },
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="Link" errors={form.fieldErrors.url}>
        <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://" className={inputClasses} />
      </FormField>
      <FormField label="Label" errors={form.fieldErrors.label}>
        <input value={label} onChange={(event) => setLabel(event.target.value)} className={inputClasses} maxLength={200} />
      </FormField>
      <Button type="submit" size="sm" variant="secondary" pending={form.pending}>
        Add link
      </Button>
    </form>
  );
}
