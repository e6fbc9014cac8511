"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
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
      onConfirm={() =>
        confirmAction(
          () => deleteTeamAction({ teamId }),
          () => {
            router.push("/settings/teams");
            router.refresh();
          },
        )
      }
    />
  );
}
