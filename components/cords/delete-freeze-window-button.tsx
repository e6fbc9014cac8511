"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { runAction } from "@/components/ui/run-action";
import { deleteFreezeWindowAction } from "@/lib/freeze-windows/actions";

export function DeleteFreezeWindowButton({ windowId, reason }: { windowId: string; reason: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Remove"
      title={`Remove the freeze window “${reason}”?`}
      description="The deploy gate stops answering 423 for it at once, including an occurrence running now."
      confirmLabel="Remove"
      onConfirm={async () => {
        const result = await runAction(() => deleteFreezeWindowAction({ windowId }));
        if (!result.ok) return result.error;
        router.refresh();
        return null;
      }}
    />
  );
}
