"use client";

import { useState, type FormEvent } from "react";
import type { TeamOption } from "../../team-options";
import { RoleOptions } from "../role-options";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { type TeamRole } from "@/lib/generated/prisma/enums";
import { setMembershipAction } from "@/lib/users/actions";
import { membershipSetSchema } from "@/lib/users/schemas";

export function MembershipAddForm({ userId, teamOptions, currentTeamIds }: { userId: string; teamOptions: TeamOption[]; currentTeamIds: string[] }) {
  const [teamId, setTeamId] = useState("");
  const [role, setRole] = useState<TeamRole>("MEMBER");
  const { fieldErrors, error, success, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({
      schema: membershipSetSchema,
      input: { userId, teamId, role },
      action: setMembershipAction,
      onSuccess: () => {
        const teamName = teamOptions.find((option) => option.id === teamId)?.label.replace(/^[\s└]+/u, "");
        setTeamId("");
        return { success: teamName ? `Added to ${teamName}.` : "Added." };
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlerts error={error} success={success} />
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
