"use client";

import { useState, type FormEvent } from "react";
import type { TeamOption } from "../team-options";
import { TeamSelectOptions } from "../team-select-options";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTeamAction, updateTeamAction } from "@/lib/org/actions";
import { teamCreateSchema, teamUpdateSchema } from "@/lib/org/schemas";

type EditedTeam = { id: string; name: string; description: string; parentId: string | null };

const TOP_LEVEL = "";

/** Creates a team, or edits one (rename, describe, move under another parent). */
export function TeamForm({ team, teamOptions }: { team?: EditedTeam; teamOptions: TeamOption[] }) {
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [parentId, setParentId] = useState(team?.parentId ?? TOP_LEVEL);
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { name, description, parentId: parentId === TOP_LEVEL ? null : parentId };
    if (team) {
      submit({ schema: teamUpdateSchema, input: { ...fields, teamId: team.id }, action: updateTeamAction, onSuccess: () => ({ success: "Saved." }) });
      return;
    }
    submit({
      schema: teamCreateSchema,
      input: fields,
      action: createTeamAction,
      onSuccess: (created) => {
        setName("");
        setDescription("");
        return { success: `Created team ${created.name}.` };
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlerts error={error} success={success} />
      <FormField label="Name" errors={fieldErrors.name}>
        <input className={inputClasses} name="name" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField label="Description" hint="Optional. What the team owns or does, in a sentence." errors={fieldErrors.description}>
        <textarea
          className={inputClasses}
          name="description"
          rows={2}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </FormField>
      <FormField
        label="Parent team"
        hint={team ? "Moving a team moves its sub-teams and services with it." : "Leave at “Top level” for a team directly under the organization."}
        errors={fieldErrors.parentId}
      >
        <select className={inputClasses} name="parentId" value={parentId} onChange={(event) => setParentId(event.target.value)}>
          <option value={TOP_LEVEL}>Top level (no parent)</option>
          <TeamSelectOptions options={teamOptions} />
        </select>
      </FormField>
      <Button type="submit" pending={pending}>
        {team ? (pending ? "Saving…" : "Save changes") : pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
