"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { clientFieldErrors, runAction, type FieldErrors } from "../form-feedback";
import type { TeamOption } from "../team-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { createTeamAction, updateTeamAction } from "@/lib/org/actions";
import { teamCreateSchema, teamUpdateSchema } from "@/lib/org/schemas";

type EditedTeam = { id: string; name: string; description: string; parentId: string | null };

const TOP_LEVEL = "";

/** Creates a team, or edits one (rename, describe, move under another parent). */
export function TeamForm({ team, teamOptions }: { team?: EditedTeam; teamOptions: TeamOption[] }) {
  const router = useRouter();
  const [name, setName] = useState(team?.name ?? "");
  const [description, setDescription] = useState(team?.description ?? "");
  const [parentId, setParentId] = useState(team?.parentId ?? TOP_LEVEL);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const fields = { name, description, parentId: parentId === TOP_LEVEL ? null : parentId };
    const invalid = team ? clientFieldErrors(teamUpdateSchema, { ...fields, teamId: team.id }) : clientFieldErrors(teamCreateSchema, fields);
    if (invalid) {
      setFieldErrors(invalid);
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => (team ? updateTeamAction({ ...fields, teamId: team.id }) : createTeamAction(fields)));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      setFieldErrors({});
      setError(null);
      if (team) {
        setSuccess("Saved.");
      } else {
        setSuccess(`Created team ${result.data.name}.`);
        setName("");
        setDescription("");
      }
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
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
          {teamOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </FormField>
      <Button type="submit" pending={pending}>
        {team ? (pending ? "Saving…" : "Save changes") : pending ? "Creating…" : "Create team"}
      </Button>
    </form>
  );
}
