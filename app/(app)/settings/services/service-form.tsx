"use client";

import { useState, type FormEvent } from "react";
import type { TeamOption } from "../team-options";
import { TeamSelectOptions } from "../team-select-options";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createServiceAction, updateServiceAction } from "@/lib/org/actions";
import { serviceCreateSchema, serviceUpdateSchema } from "@/lib/org/schemas";

type EditedService = { id: string; name: string; description: string; teamId: string };

/** Creates a service, or edits one (rename, describe, move to another owning team). */
export function ServiceForm({ service, teamOptions, defaultTeamId }: { service?: EditedService; teamOptions: TeamOption[]; defaultTeamId?: string }) {
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [teamId, setTeamId] = useState(service?.teamId ?? defaultTeamId ?? "");
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = { name, description, teamId };
    if (service) {
      submit({
        schema: serviceUpdateSchema,
        input: { ...fields, serviceId: service.id },
        action: updateServiceAction,
        onSuccess: () => ({ success: "Saved." }),
      });
      return;
    }
    submit({
      schema: serviceCreateSchema,
      input: fields,
      action: createServiceAction,
      onSuccess: (created) => {
        setName("");
        setDescription("");
        return { success: `Created service ${created.name}.` };
      },
    });
  }

  if (teamOptions.length === 0) {
    return <p className="text-sm text-slate-600">Every service is owned by a team. Create a team first, then add its services here.</p>;
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlerts error={error} success={success} />
      <FormField label="Name" hint="The name people use for it, e.g. “checkout-api”." errors={fieldErrors.name}>
        <input className={inputClasses} name="name" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField
        label="Owning team"
        hint={service ? "Moving a service hands it, and its future COEs, to the new team." : undefined}
        errors={fieldErrors.teamId}
      >
        <select className={inputClasses} name="teamId" required value={teamId} onChange={(event) => setTeamId(event.target.value)}>
          <option value="" disabled>
            Choose a team…
          </option>
          <TeamSelectOptions options={teamOptions} />
        </select>
      </FormField>
      <FormField label="Description" hint="Optional. What it does for customers, in a sentence." errors={fieldErrors.description}>
        <textarea
          className={inputClasses}
          name="description"
          rows={2}
          maxLength={500}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
        />
      </FormField>
      <Button type="submit" pending={pending}>
        {service ? (pending ? "Saving…" : "Save changes") : pending ? "Creating…" : "Create service"}
      </Button>
    </form>
  );
}
