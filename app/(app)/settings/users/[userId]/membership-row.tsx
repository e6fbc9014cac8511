"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { RoleOptions } from "../role-options";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { inputClasses } from "@/components/ui/form-field";
import { confirmAction, runAction } from "@/components/ui/run-action";
import { Td } from "@/components/ui/table";
import { type TeamRole } from "@/lib/generated/prisma/enums";
import { setMembershipAction } from "@/lib/users/actions";

/** One team membership: the role saves as soon as it is picked; removing asks first. */
export function MembershipRow({ userId, userName, team, role }: { userId: string; userName: string; team: { id: string; name: string }; role: TeamRole }) {
  const router = useRouter();
  const [selected, setSelected] = useState<TeamRole>(role);
  const [status, setStatus] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function changeRole(next: TeamRole) {
    const previous = selected;
    setSelected(next);
    setStatus(null);
    startTransition(async () => {
      const result = await runAction(() => setMembershipAction({ userId, teamId: team.id, role: next }));
      if (!result.ok) {
        setSelected(previous);
        setStatus({ tone: "error", message: result.error });
        return;
      }
      setStatus({ tone: "success", message: "Saved" });
      router.refresh();
    });
  }

  return (
    <tr>
      <Td className="font-medium">{team.name}</Td>
      <Td>
        <select
          className={`${inputClasses} max-w-44`}
          aria-label={`Role on ${team.name}`}
          value={selected}
          disabled={pending}
          onChange={(event) => changeRole(event.target.value as TeamRole)}
        >
          <RoleOptions />
        </select>
        <p aria-live="polite" className={`mt-1 min-h-4 text-xs ${status?.tone === "error" ? "text-red-700" : "text-emerald-700"}`}>
          {pending ? <span className="text-slate-600">Saving…</span> : status?.message}
        </p>
      </Td>
      <Td className="text-right">
        <ConfirmButton
          label="Remove"
          title={`Remove ${userName} from ${team.name}?`}
          description="They lose this role on the team and its sub-teams. Roles held on other teams stay."
          confirmLabel="Remove from team"
          onConfirm={() =>
            confirmAction(
              () => setMembershipAction({ userId, teamId: team.id, role: null }),
              () => router.refresh(),
            )
          }
        />
      </Td>
    </tr>
  );
}
