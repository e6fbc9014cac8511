"use client";

import { useRouter } from "next/navigation";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { archiveMetricAction } from "@/lib/metrics/actions";
import { runAction } from "@/components/ui/run-action";

export function ArchiveMetricButton({ metricId, name }: { metricId: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmButton
      label="Archive metric"
      title={`Archive ${name}?`}
      description="It leaves the metrics pages and stops accepting values. Its recorded values are kept."
      confirmLabel="Archive"
      onConfirm={async () => {
        const result = await runAction(() => archiveMetricAction({ metricId }));
        if (!result.ok) return result.error;
        router.refresh();
        return null;
      }}
    />
  );
}
