"use client";

import { useRouter } from "next/navigation";
import { runAction } from "../../form-feedback";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { deleteTeamAction } from "@/lib/org/actions";

export function DeleteTeamButton({ teamId, name }: { teamId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete team"
      size="md"
      title={`Delete the team ${name}?`}
      description="People lose the roles they held on this team; the audit log keeps a record of it. This cannot be undone."
      confirmLabel="Delete team"
      onConfirm={async () => {
        const result = await runAction(() => deleteTeamAction({ teamId }));
        if (!result.ok) return result.error;
        router.push("/settings/teams");
        router.refresh();
        return null;
      }}
    />
  );
}
