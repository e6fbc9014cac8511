"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { resetPasswordAction, setActiveAction, setAdminAction } from "@/lib/users/actions";

type Person = { id: string; name: string; email: string; isAdmin: boolean; active: boolean };

function ControlRow({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-4 py-4 first:pt-0 last:pb-0">
      <div className="max-w-xl">
        <h3 className="text-sm font-medium text-slate-900">{title}</h3>
        <p className="mt-0.5 text-sm text-slate-600">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** Organization admin rights, deactivation and password reset for one person. */
export function AccountControls({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const router = useRouter();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  return (
    <div className="divide-y divide-slate-100">
      <ControlRow
        title="Organization admin"
        description={
          person.isAdmin
            ? `${person.name} manages teams, services, people and sees the audit log.`
            : "Admins manage teams, services and people, and see the audit log."
        }
      >
        <ConfirmButton
          label={person.isAdmin ? "Remove admin rights" : "Make admin"}
          variant={person.isAdmin ? "danger" : "secondary"}
          title={person.isAdmin ? `Remove admin rights from ${person.name}?` : `Make ${person.name} an organization admin?`}
          description={
            person.isAdmin
              ? isSelf
                ? "You will lose access to organization settings as soon as this is saved."
                : "They keep their team roles."
              : "They will be able to change every team, service and person in the organization."
          }
          confirmLabel={person.isAdmin ? "Remove admin rights" : "Make admin"}
          onConfirm={() =>
            confirmAction(
              () => setAdminAction({ userId: person.id, isAdmin: !person.isAdmin }),
              () => router.refresh(),
            )
          }
        />
      </ControlRow>
      <ControlRow
        title={person.active ? "Deactivate" : "Reactivate"}
        description={
          isSelf
            ? "You cannot deactivate your own account."
            : person.active
              ? "Signs them out everywhere and blocks sign-in and API tokens. Their COEs, actions and history stay."
              : `${person.name} is deactivated and cannot sign in.`
        }
      >
        {isSelf ? null : (
          <ConfirmButton
            label={person.active ? "Deactivate" : "Reactivate"}
            variant={person.active ? "danger" : "secondary"}
            title={person.active ? `Deactivate ${person.name}?` : `Reactivate ${person.name}?`}
            description={
              person.active ? "They are signed out at once and cannot sign in until reactivated." : "They can sign in again with their existing password."
            }
            confirmLabel={person.active ? "Deactivate" : "Reactivate"}
            onConfirm={() =>
              confirmAction(
                () => setActiveAction({ userId: person.id, active: !person.active }),
                () => router.refresh(),
              )
            }
          />
        )}
      </ControlRow>
      <ControlRow title="Reset password" description="Replaces their password with a new temporary one and signs them out everywhere.">
        <ConfirmButton
          label="Reset password"
          variant="secondary"
          title={`Reset the password of ${person.name}?`}
          description="Their current password stops working at once. You will see the new temporary password once, to pass on to them."
          confirmLabel="Reset password"
          onConfirm={() =>
            confirmAction(
              () => resetPasswordAction({ userId: person.id }),
              (data) => {
                setTemporaryPassword(data.temporaryPassword);
                router.refresh();
              },
            )
          }
        />
      </ControlRow>
      {temporaryPassword ? (
        <div className="pt-4">
          <SecretReveal title="New temporary password" label="Temporary password" secret={temporaryPassword} onDismiss={() => setTemporaryPassword(null)}>
            <p>
              Pass it on to {person.name} privately. They sign in with <strong>{person.email}</strong> and should change it under Settings → Account. It is
              shown only once.
            </p>
          </SecretReveal>
        </div>
      ) : null}
    </div>
  );
}
