"use client";

import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import type { TeamOption } from "../team-options";
import { TeamSelectOptions } from "../team-select-options";
import { ROLE_SCOPE_NOTE, RoleOptions } from "./role-options";
import { Button } from "@/components/ui/button";
import { FormAlerts } from "@/components/ui/form-alerts";
import { FormField, inputClasses } from "@/components/ui/form-field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { useActionForm } from "@/components/ui/use-action-form";
import { type TeamRole } from "@/lib/generated/prisma/enums";
import { createUserAction } from "@/lib/users/actions";

type Created = { id: string; name: string; email: string; temporaryPassword: string };

export function UserCreateForm({ teamOptions }: { teamOptions: TeamOption[] }) {
  const adminId = useId();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [isAdmin, setIsAdmin] = useState(false);
  const [teamId, setTeamId] = useState("");
  const [role, setRole] = useState<TeamRole>("MEMBER");
  const [created, setCreated] = useState<Created | null>(null);
  const { fieldErrors, error, pending, submit } = useActionForm();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Checked by the server only, so invalid input gets the "Some fields need attention." banner as well as inline errors.
    submit({
      input: { name, email, isAdmin, teamId: teamId || null, role },
      action: createUserAction,
      onSuccess: (person) => {
        setCreated(person);
        setName("");
        setEmail("");
        setIsAdmin(false);
      },
    });
  }

  return (
    <div className="space-y-4">
      {created ? (
        <SecretReveal
          title={`${created.name} can now sign in`}
          label="Temporary password"
          secret={created.temporaryPassword}
          onDismiss={() => setCreated(null)}
        >
          <p>
            Pass this password on to {created.name} privately — in person or by direct message, not in a shared channel. They sign in with{" "}
            <strong>{created.email}</strong> and should change it right away under Settings → Account. It is shown only once; if it gets lost, reset it from{" "}
            <Link href={`/settings/users/${created.id}`} className="font-medium underline">
              their page
            </Link>
            .
          </p>
        </SecretReveal>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <FormAlerts error={error} />
        <FormField label="Name" errors={fieldErrors.name}>
          <input
            className={inputClasses}
            name="name"
            autoComplete="off"
            required
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </FormField>
        <FormField label="Email" hint="They sign in with it; single sign-on matches on it too." errors={fieldErrors.email}>
          <input
            className={inputClasses}
            type="email"
            name="email"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </FormField>
        <div className="flex items-start gap-2">
          <input
            id={adminId}
            type="checkbox"
            name="isAdmin"
            className="mt-0.5 size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
            checked={isAdmin}
            onChange={(event) => setIsAdmin(event.target.checked)}
          />
          <label htmlFor={adminId} className="text-sm">
            <span className="font-medium text-slate-800">Organization admin</span>
            <span className="block text-xs text-slate-600">Can manage teams, services, people and see the audit log.</span>
          </label>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Team" hint="Optional; more can be added later." errors={fieldErrors.teamId}>
            <select className={inputClasses} name="teamId" value={teamId} onChange={(event) => setTeamId(event.target.value)}>
              <option value="">No team yet</option>
              <TeamSelectOptions options={teamOptions} />
            </select>
          </FormField>
          <FormField label="Role on the team" errors={fieldErrors.role}>
            <select className={inputClasses} name="role" value={role} disabled={!teamId} onChange={(event) => setRole(event.target.value as TeamRole)}>
              <RoleOptions />
            </select>
          </FormField>
        </div>
        <p className="text-xs text-slate-600">{ROLE_SCOPE_NOTE}</p>
        <Button type="submit" pending={pending}>
          {pending ? "Adding…" : "Add person"}
        </Button>
      </form>
    </div>
  );
}
