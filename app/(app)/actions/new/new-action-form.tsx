"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { TypeAhead } from "@/components/ui/type-ahead";
import { useActionForm } from "@/components/ui/use-action-form";
import { ACTION_PRIORITIES, ACTION_PRIORITY_LABELS, ACTION_TYPE_LABELS, ACTION_TYPES } from "@/lib/actions/labels";
import { type CorrectiveActionPriority, type CorrectiveActionType } from "@/lib/generated/prisma/enums";
import { createCorrectiveActionAction } from "@/lib/actions/actions";
import { createActionSchema } from "@/lib/actions/schemas";
import { LOOKUP_SOURCES } from "@/lib/lookup/schemas";

type Choice = { id: string; label: string };

/** Owner and source COE are type-ahead pickers over the lookup routes; `coeId`/`coeTitle` preset the COE (from ?coeId=). */
export function NewActionForm({ teams, coeId: initialCoeId, coeTitle }: { teams: Choice[]; coeId: string; coeTitle: string }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [ownerId, setOwnerId] = useState("");
  const [teamId, setTeamId] = useState("");
  const [coeId, setCoeId] = useState(initialCoeId);
  const [type, setType] = useState<CorrectiveActionType>("PREVENT");
  const [priority, setPriority] = useState<CorrectiveActionPriority>("MEDIUM");
  const [dueDate, setDueDate] = useState("");
  const form = useActionForm();

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit({
          schema: createActionSchema,
          input: { title, description, ownerId, teamId: teamId || undefined, coeId: coeId || undefined, type, priority, dueDate },
          action: createCorrectiveActionAction,
          onSuccess: (saved) => router.push(`/actions/${saved.id}`),
        });
      }}
    >
      {form.error ? <Alert tone="error">{form.error}</Alert> : null}
      <FormField label="Title" errors={form.fieldErrors.title}>
        <input value={title} onChange={(event) => setTitle(event.target.value)} className={inputClasses} maxLength={300} />
      </FormField>
      <FormField label="Description" errors={form.fieldErrors.description}>
        <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} className={inputClasses} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TypeAhead
          id="new-ownerId"
          name="ownerId"
          label="Owner"
          source={LOOKUP_SOURCES.owners}
          placeholder="Choose…"
          emptyLabel="Choose…"
          errors={form.fieldErrors.ownerId}
          onChange={(choice) => setOwnerId(choice?.value ?? "")}
        />
        <FormField label="Team" hint="Defaults to the COE's team, else the owner's." errors={form.fieldErrors.teamId}>
          <select value={teamId} onChange={(event) => setTeamId(event.target.value)} className={inputClasses}>
            <option value="">Default</option>
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.label}
              </option>
            ))}
          </select>
        </FormField>
        <TypeAhead
          id="new-coeId"
          name="coeId"
          label="Source COE"
          source={LOOKUP_SOURCES.coes}
          defaultValue={initialCoeId || undefined}
          defaultLabel={coeTitle || undefined}
          placeholder="None (standalone)"
          emptyLabel="None (standalone)"
          errors={form.fieldErrors.coeId}
          onChange={(choice) => setCoeId(choice?.value ?? "")}
        />
        <FormField label="Due date" errors={form.fieldErrors.dueDate}>
          <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} className={inputClasses} />
        </FormField>
        <FormField label="Type" errors={form.fieldErrors.type}>
          <select value={type} onChange={(event) => setType(event.target.value as CorrectiveActionType)} className={inputClasses}>
            {ACTION_TYPES.map((option) => (
              <option key={option} value={option}>
                {ACTION_TYPE_LABELS[option]}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Priority" errors={form.fieldErrors.priority}>
          <select value={priority} onChange={(event) => setPriority(event.target.value as CorrectiveActionPriority)} className={inputClasses}>
            {ACTION_PRIORITIES.map((option) => (
              <option key={option} value={option}>
                {ACTION_PRIORITY_LABELS[option]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <Button type="submit" pending={form.pending}>
        Create action
      </Button>
    </form>
  );
}
