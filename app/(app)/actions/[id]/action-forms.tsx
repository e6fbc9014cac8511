"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { useActionForm } from "@/components/ui/use-action-form";
import { useFormDraft } from "@/components/ui/use-form-draft";
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

/** `flash`: the success of a save made before the refresh that remounted the form. */
function Feedback({ form, flash }: { form: ReturnType<typeof useActionForm>; flash?: string | null }) {
  const success = form.success ?? flash;
  return (
    <>
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
    </>
  );
}

const STATUS_TEXT_FIELD: Partial<Record<CorrectiveActionStatus, { field: "evidence" | "verificationNote" | "wontDoReason"; label: string }>> = {
  DONE: { field: "evidence", label: "evidence" },
  VERIFIED: { field: "verificationNote", label: "proof" },
  WONT_DO: { field: "wontDoReason", label: "reason for won't do" },
};

/**
 * The action changed (someone else's save, or this user's in another tab) after the text below was
 * typed: the form now offers the current choices, and the text is kept, never wiped, until the user
 * saves or discards it. Text typed for a status that is no longer offered is shown here to copy.
 */
function StaleDraftNotice({ from, to, orphan, onDiscard }: { from: number; to: number; orphan: string | null; onDiscard: () => void }) {
  return (
    <Alert tone="warning" title={`This action changed while you were typing (version ${from} → ${to}).`}>
      <p>The choices show the action as it is now; what you typed is kept. Check it still applies before you save.</p>
      {orphan ? (
        <>
          <p className="mt-2">This text was for a status that is no longer offered:</p>
          <p className="mt-1 whitespace-pre-wrap rounded bg-white/70 px-2 py-1 text-slate-900" data-testid="stale-draft-text">
            {orphan}
          </p>
        </>
      ) : null}
      <button type="button" onClick={onDiscard} className="mt-2 font-medium text-indigo-700 underline">
        Discard my text
      </button>
    </Alert>
  );
}

/**
 * Picks the next status, then asks for what it needs: evidence, the proof, or the reason. The page keys
 * it by the action's version, so after any change it starts from the server's answer; typed text
 * survives that (and a reload) as a draft until it is saved.
 */
export function StatusForm({ actionId, version, statuses }: { actionId: string; version: number; statuses: CorrectiveActionStatus[] }) {
  const draft = useFormDraft({
    storageKey: `andon:action-status:${actionId}`,
    version,
    initial: { status: statuses[0]! as string, evidence: "", verificationMethod: "", verificationNote: "", wontDoReason: "" },
  });
  const { evidence, verificationNote, wontDoReason } = draft.value;
  const chosen = draft.value.status as CorrectiveActionStatus;
  const status = statuses.includes(chosen) ? chosen : statuses[0]!;
  const verificationMethod = draft.value.verificationMethod as VerificationMethod | "";
  const orphanField = statuses.includes(chosen) ? undefined : STATUS_TEXT_FIELD[chosen];
  const orphan = orphanField && draft.value[orphanField.field].trim() ? draft.value[orphanField.field] : null;
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
      onSuccess: (saved) => {
        const success = saved.status === status ? `Now ${ACTION_STATUS_LABELS[status].toLowerCase()}.` : "Won't do requested: a manager of the team decides.";
        draft.clear(success);
        return { success };
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Change status">
      {draft.staleFrom !== null ? <StaleDraftNotice from={draft.staleFrom} to={version} orphan={orphan} onDiscard={() => draft.clear()} /> : null}
      <Feedback form={form} flash={draft.flash} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">New status</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {statuses.map((option) => (
            <label key={option} className="flex items-center gap-2 text-sm">
              <input type="radio" name="status" value={option} checked={status === option} onChange={() => draft.update({ status: option })} />
              {STATUS_VERBS[option]}
            </label>
          ))}
        </div>
      </fieldset>
      {status === "DONE" ? (
        <FormField label="Evidence" hint="A link or text: the merged change, the new alarm, the runbook." errors={form.fieldErrors.evidence}>
          <textarea value={evidence} onChange={(event) => draft.update({ evidence: event.target.value })} rows={3} className={inputClasses} maxLength={5000} />
        </FormField>
      ) : null}
      {status === "VERIFIED" ? (
        <>
          <FormField label="How was it proven to work?" errors={form.fieldErrors.verificationMethod}>
            <select value={verificationMethod} onChange={(event) => draft.update({ verificationMethod: event.target.value })} className={inputClasses}>
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
              onChange={(event) => draft.update({ verificationNote: event.target.value })}
              rows={3}
              className={inputClasses}
              maxLength={5000}
            />
          </FormField>
        </>
      ) : null}
      {status === "WONT_DO" ? (
        <FormField label="Why will it not be done?" errors={form.fieldErrors.wontDoReason}>
          <textarea
            value={wontDoReason}
            onChange={(event) => draft.update({ wontDoReason: event.target.value })}
            rows={3}
            className={inputClasses}
            maxLength={2000}
          />
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
  const draft = useFormDraft({
    storageKey: `andon:action-edit:${actionId}`,
    version,
    initial: { owner: ownerId ?? "", ownerLabel: ownerName ?? "", due: dueDate, reason: "" },
  });
  const { owner, ownerLabel, due, reason } = draft.value;
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
        draft.clear("Saved.");
        return { success: "Saved." };
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Reassign or reschedule">
      {draft.staleFrom !== null ? <StaleDraftNotice from={draft.staleFrom} to={version} orphan={null} onDiscard={() => draft.clear()} /> : null}
      <Feedback form={form} flash={draft.flash} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          {/* Clearing the picker keeps the current owner: an action is reassigned, never unassigned here. */}
          <TypeAhead
            id="edit-ownerId"
            name="ownerId"
            label="Owner"
            source={LOOKUP_SOURCES.owners}
            value={owner}
            defaultLabel={ownerLabel || undefined}
            placeholder={ownerId ? "Keep the owner" : "Unassigned"}
            emptyLabel={ownerId ? "Keep the owner" : "Unassigned"}
            errors={form.fieldErrors.ownerId}
            onChange={(choice) => draft.update({ owner: choice?.value ?? "", ownerLabel: choice?.label ?? "" })}
          />
        </div>
        <FormField label="Due date" errors={form.fieldErrors.dueDate}>
          <input type="date" value={due} onChange={(event) => draft.update({ due: event.target.value })} className={inputClasses} />
        </FormField>
      </div>
      {due !== dueDate ? (
        <FormField label="Why does the due date change?" errors={form.fieldErrors.dueDateReason}>
          <input value={reason} onChange={(event) => draft.update({ reason: event.target.value })} className={inputClasses} maxLength={2000} />
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
