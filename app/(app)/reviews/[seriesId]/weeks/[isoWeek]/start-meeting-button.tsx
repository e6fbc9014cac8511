"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runAction } from "@/components/ui/run-action";
import { startMeetingAction } from "@/lib/reviews/actions";
import { weekPath } from "@/lib/reviews/format";

export function StartMeetingButton({ seriesId, isoWeek, version }: { seriesId: string; isoWeek: string; version: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span className="text-sm text-red-700">{error}</span> : null}
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await runAction(() => startMeetingAction({ seriesId, isoWeek, version }));
            if (!result.ok) {
              setError(result.error);
              router.refresh();
              return;
            }
            router.push(weekPath(seriesId, isoWeek, "run"));
          })
        }
      >
        Start meeting
      </Button>
    </span>
  );
}
