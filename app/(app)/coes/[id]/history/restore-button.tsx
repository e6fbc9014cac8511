"use client";

import { useRouter } from "next/navigation";
import { runAction } from "@/components/ui/run-action";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { restoreRevisionAction } from "@/lib/coes/actions";

export function RestoreButton({ coeId, baseVersion, version }: { coeId: string; baseVersion: number; version: number }) {
  const router = useRouter();
  return (
    <div className="mt-1">
      <ConfirmButton
        label={`Restore v${version}`}
        title={`Restore version ${version}?`}
        description="Its header, answers, timeline, factors and links become a new revision. Corrective actions stay as they are now."
        confirmLabel="Restore"
        variant="secondary"
        onConfirm={async () => {
          const result = await runAction(() => restoreRevisionAction({ coeId, baseVersion, version }));
          if (!result.ok) return result.status === 409 ? "The COE changed since this page loaded. Reload and try again." : result.error;
          router.push(`/coes/${coeId}/history`);
          router.refresh();
          return null;
        }}
      />
    </div>
  );
}
