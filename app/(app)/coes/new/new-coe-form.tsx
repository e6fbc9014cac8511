"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { runAction } from "@/components/ui/run-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { fieldErrorsFromIssues, type FieldErrors } from "@/lib/errors";
import { createCoeAction } from "@/lib/coes/actions";
import { createCoeSchema, type CreateCoeInput } from "@/lib/coes/schemas";

export function NewCoeForm({
  teams,
  severities,
  defaultTeamId,
}: {
  teams: { id: string; label: string }[];
  severities: { value: string; meaning: string }[];
  defaultTeamId: string;
}) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [teamId, setTeamId] = useState(defaultTeamId);
  const [severity, setSeverity] = useState("SEV3");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = { title, teamId, severity } as CreateCoeInput;
    const parsed = createCoeSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues));
      return;
    }
    setPending(true);
    setFormError(null);
    const result = await runAction(() => createCoeAction(input));
    if (result.ok) {
      router.push(`/coes/${result.data.id}/edit`);
      return;
    }
    setErrors(result.fieldErrors);
    setFormError(result.error);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormField label="Title" hint="What broke, for whom: “Card payments failed for 40 minutes after a certificate expired”." errors={errors.title}>
        <input className={inputClasses} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} autoFocus />
      </FormField>
      <FormField label="Owning team" errors={errors.teamId}>
        <select className={inputClasses} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.label}
            </option>
          ))}
        </select>
      </FormField>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Severity</legend>
        <div className="mt-2 space-y-2">
          {severities.map((option) => (
            <label key={option.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="severity"
                value={option.value}
                checked={severity === option.value}
                onChange={() => setSeverity(option.value)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{option.value}</span> — <span className="text-slate-600">{option.meaning}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" pending={pending}>
        Create draft
      </Button>
    </form>
  );
}
