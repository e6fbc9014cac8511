"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { clientFieldErrors, runAction, type FieldErrors } from "../form-feedback";
import type { TeamOption } from "../team-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { createServiceAction, updateServiceAction } from "@/lib/org/actions";
import { serviceCreateSchema, serviceUpdateSchema } from "@/lib/org/schemas";

type EditedService = { id: string; name: string; description: string; teamId: string };

/** Creates a service, or edits one (rename, describe, move to another owning team). */
export function ServiceForm({ service, teamOptions, defaultTeamId }: { service?: EditedService; teamOptions: TeamOption[]; defaultTeamId?: string }) {
  const router = useRouter();
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [teamId, setTeamId] = useState(service?.teamId ?? defaultTeamId ?? "");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    const fields = { name, description, teamId };
    const invalid = service ? clientFieldErrors(serviceUpdateSchema, { ...fields, serviceId: service.id }) : clientFieldErrors(serviceCreateSchema, fields);
    if (invalid) {
      setFieldErrors(invalid);
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => (service ? updateServiceAction({ ...fields, serviceId: service.id }) : createServiceAction(fields)));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      setFieldErrors({});
      setError(null);
      if (service) {
        setSuccess("Saved.");
      } else {
        setSuccess(`Created service ${result.data.name}.`);
        setName("");
        setDescription("");
      }
      router.refresh();
    });
  }

  if (teamOptions.length === 0) {
    return <p className="text-sm text-slate-600">Every service is owned by a team. Create a team first, then add its services here.</p>;
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <FormField label="Name" hint="The name people use for it, e.g. “checkout-api”." errors={fieldErrors.name}>
        <input className={inputClasses} name="name" required maxLength={80} value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <FormField label="Owning team" hint={service ? "Moving a service hands it, and its future COEs, to the new team." : undefined} errors={fieldErrors.teamId}>
        <select className={inputClasses} name="teamId" required value={teamId} onChange={(event) => setTeamId(event.target.value)}>
          <option value="" disabled>
            Choose a team…
          </option>
          {teamOptions.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
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
