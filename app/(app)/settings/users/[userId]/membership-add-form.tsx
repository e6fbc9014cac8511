"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { runAction, type FieldErrors } from "../../form-feedback";
import type { TeamOption } from "../../team-options";
import { RoleOptions } from "../role-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, inputClasses } from "@/components/ui/form-field";
import type { TeamRole } from "@/lib/permissions";
import { setMembershipAction } from "@/lib/users/actions";

export function MembershipAddForm({ userId, teamOptions, currentTeamIds }: { userId: string; teamOptions: TeamOption[]; currentTeamIds: string[] }) {
  const router = useRouter();
  const [teamId, setTeamId] = useState("");
  const [role, setRole] = useState<TeamRole>("MEMBER");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSuccess(null);
    if (!teamId) {
      setFieldErrors({ teamId: ["Choose a team."] });
      setError(null);
      return;
    }
    startTransition(async () => {
      const result = await runAction(() => setMembershipAction({ userId, teamId, role }));
      if (!result.ok) {
        setFieldErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      const teamName = teamOptions.find((option) => option.id === teamId)?.label.replace(/^[\s└]+/u, "");
      setFieldErrors({});
      setError(null);
      setSuccess(teamName ? `Added to ${teamName}.` : "Added.");
      setTeamId("");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {success ? <Alert tone="success">{success}</Alert> : null}
      <div className="grid items-start gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto]">
        <FormField label="Team" errors={fieldErrors.teamId}>
          <select className={inputClasses} name="teamId" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
            <option value="">Choose a team…</option>
            {teamOptions.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
                {currentTeamIds.includes(option.id) ? " (already a member)" : ""}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label="Role" errors={fieldErrors.role}>
          <select className={inputClasses} name="role" value={role} onChange={(event) => setRole(event.target.value as TeamRole)}>
            <RoleOptions />
          </select>
        </FormField>
        <Button type="submit" pending={pending} className="sm:mt-7">
          {pending ? "Adding…" : "Add to team"}
        </Button>
      </div>
    </form>
  );
}
