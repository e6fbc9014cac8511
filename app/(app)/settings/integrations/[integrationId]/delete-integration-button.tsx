"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { confirmAction } from "@/components/ui/run-action";
import { deleteTicketIntegrationAction } from "@/lib/integrations/actions";

export function DeleteIntegrationButton({ integrationId }: { integrationId: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove integration"
      title="Remove this ticket integration?"
      description="Its tickets stay in the ticket system, but Andon forgets the links and stops syncing them."
      confirmLabel="Remove"
      onConfirm={() =>
        confirmAction(
          () => deleteTicketIntegrationAction({ integrationId }),
          () => router.push("/settings/integrations"),
        )
      }
    />
  );
}
